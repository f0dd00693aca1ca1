// The resource principals (APIs) the emulated tenant knows, for token requests: Entra refuses a
// token for a resource it has no service principal for (AADSTS500011), which is how a typo in a
// tutorial's `resource=` shows up. Identifier URIs match with or without one trailing slash and
// case-insensitively; the token's `aud` is still the requested string byte for byte.
import { randomUUID } from 'node:crypto';

const KNOWN_URIS = [
  'https://management.azure.com',
  'https://management.core.windows.net',
  'https://storage.azure.com',
  'https://vault.azure.net',
  'https://datalake.azure.net',
  'https://graph.microsoft.com',
  'https://graph.windows.net',
  'https://database.windows.net',
  'https://ossrdbms-aad.database.windows.net',
  'https://eventhubs.azure.net',
  'https://servicebus.azure.net',
  'https://cognitiveservices.azure.com',
];

/** First-party application ids that also name these resources (Key Vault's, ARM's, Storage's). */
const KNOWN_APP_IDS = ['cfa8b339-82a2-471a-a3c9-0fc0be7a4093', '797f4846-ba00-4fd7-ba43-dac1f8f63013', 'e406a681-f3d4-42a8-90b6-c2b029497af1'];

/** Account-specific audiences Storage accepts: https://<account>.blob.core.windows.net and friends. */
const STORAGE_ACCOUNT_AUDIENCE = /^https:\/\/[a-z0-9]{3,24}\.(blob|queue|table|file|dfs)\.core\.windows\.net\/?$/i;

export function isKnownResource(resource: string): boolean {
  const r = resource.trim();
  if (r !== resource || r === '') return false;
  const lower = r.toLowerCase();
  const bare = lower.endsWith('/') ? lower.slice(0, -1) : lower;
  return KNOWN_URIS.includes(bare) || KNOWN_APP_IDS.includes(lower) || STORAGE_ACCOUNT_AUDIENCE.test(r);
}

/** Entra's AADSTS500011 text, as IMDS relays it in `error_description`. */
export function resourceNotFoundText(resource: string, tenantId: string, now: Date): string {
  const ts = now.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
  return (
    `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${tenantId}. ` +
    'This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. ' +
    `You might have sent your authentication request to the wrong tenant. Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${ts}`
  );
}
