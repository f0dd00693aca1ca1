// Key Vault's data plane as az calls it: the vault's own host, a token for https://vault.azure.net
// (az gets it after the vault's 401 challenge; the challenge round trip is not replayed here), and
// az's printed form of a secret bundle. Shared by `az keyvault secret set` and `show`.
import { azJson } from './arm.ts';

export const KEYVAULT_DATA_API_VERSION = '7.5';
export const KEYVAULT_RESOURCE = 'https://vault.azure.net';

/** The vault's URL from --vault-name, or --id's host. */
export function vaultUrl(args: Record<string, string>): string {
  if (args.id !== undefined) return new URL(args.id).origin;
  return `https://${args['vault-name'] ?? ''}.vault.azure.net`;
}

type SecretJson = { value?: unknown; id?: unknown; contentType?: unknown; tags?: unknown; kid?: unknown; managed?: unknown; attributes?: Record<string, unknown> };

/** A secret's properties as az prints them (an item of `secret list`; `show` adds kid and value). */
export function printedSecretProperties(json: unknown): Record<string, unknown> {
  const b = json as SecretJson;
  const a = b.attributes ?? {};
  const iso = (v: unknown) => (typeof v === 'number' ? new Date(v * 1000).toISOString().replace('.000Z', '+00:00') : null);
  const name = typeof b.id === 'string' ? (/\/secrets\/([^/]+)/.exec(b.id)?.[1] ?? null) : null;
  return {
    attributes: { created: iso(a.created), enabled: a.enabled ?? null, expires: iso(a.exp), notBefore: iso(a.nbf), recoverableDays: a.recoverableDays ?? null, recoveryLevel: a.recoveryLevel ?? null, updated: iso(a.updated) },
    contentType: b.contentType ?? null,
    id: b.id ?? null,
    managed: b.managed ?? null,
    name,
    tags: b.tags ?? null,
  };
}

/** A secret bundle as az prints it: every field az's model has, null where absent. */
export function printedSecret(json: unknown): string {
  const b = json as SecretJson;
  // Not registered as a run secret: a value the page's own command stored is the page's literal (public
  // in the page, and redacting it would rewrite the page's text in the report); a seeded value is a
  // known secret of the target already.
  return azJson({
    ...printedSecretProperties(json),
    kid: b.kid ?? null,
    value: b.value ?? null,
  });
}
