// Key Vault secret operations on live secrets: Get (latest or by version), Set, Update (PATCH:
// enabled, nbf, exp, contentType, tags; never the value), List and List Versions (SecretItem pages
// with nextLink, `maxresults` 1–25). Shapes and texts from azure-rest-api-specs keyvault 2016-10-01
// and the Azure/azure-sdk-for-js keyvault-secrets recordings (can_update_a_secret.json,
// can_retrieve_all_versions_of_a_secret_by_page.json, can_list_secret_versions_non_existing.json):
// versions list in version-id order, a name without versions lists nothing, the nextLink names the
// vault with :443.
import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';
import type { Scenario } from '../scenario.ts';
import { keyVaultError, keyVaultJson, secretNotFound } from './keyvault-errors.ts';
import { notEmulated } from './not-emulated.ts';

export type Vault = Scenario['keyVaults'][number];
export type Secret = Vault['secrets'][number];

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function versionsOf(v: Vault, name: string): Secret[] {
  return v.secrets.filter((s) => eq(s.name, name));
}

/** The newest version of a secret: latest `created`, and among equals the one written last. */
export function latest(versions: Secret[]): Secret | undefined {
  let best: Secret | undefined;
  for (const s of versions) if (best === undefined || s.created >= best.created) best = s;
  return best;
}

/** Soft-deleted items are kept 90 days unless the vault was created with another retention. */
export function recoverableDays(level: string): number | undefined {
  return level.includes('Recoverable') ? 90 : undefined;
}

/** SecretAttributes in the service's order: enabled, nbf, exp, created, updated, recoveryLevel, recoverableDays. */
export function attributes(vault: Vault, s: Secret, apiVersion: string): Record<string, unknown> {
  const out: Record<string, unknown> = { enabled: s.enabled };
  if (s.nbf !== undefined) out.nbf = s.nbf;
  if (s.exp !== undefined) out.exp = s.exp;
  out.created = s.created;
  out.updated = s.updated ?? s.created;
  // recoveryLevel arrived with 2016-10-01 and recoverableDays with 7.0.
  if (apiVersion !== '2015-06-01') out.recoveryLevel = vault.recoveryLevel;
  const days = recoverableDays(vault.recoveryLevel);
  if (apiVersion !== '2015-06-01' && apiVersion !== '2016-10-01' && days !== undefined) out.recoverableDays = days;
  return out;
}

const vaultBase = (req: EmulatorRequest): string => `https://${req.host}`;

/** The SecretBundle: `value` only where the operation returns it (Get, Set; not Update, Delete, Recover). */
export function secretBundle(req: EmulatorRequest, vault: Vault, s: Secret, apiVersion: string, opts: { value: boolean; previous?: Secret }): Record<string, unknown> {
  return {
    ...(opts.value ? { value: s.value } : {}),
    ...(s.contentType !== undefined ? { contentType: s.contentType } : {}),
    id: `${vaultBase(req)}/secrets/${s.name}/${s.version}`,
    attributes: attributes(vault, s, apiVersion),
    ...(s.tags !== undefined ? { tags: s.tags } : {}),
    ...(apiVersion >= '2025-07-01' && !apiVersion.startsWith('7') && opts.previous !== undefined ? { previousVersion: opts.previous.version } : {}),
  };
}

function item(id: string, vault: Vault, s: Secret, apiVersion: string): Record<string, unknown> {
  return {
    id,
    attributes: attributes(vault, s, apiVersion),
    ...(s.contentType !== undefined ? { contentType: s.contentType } : {}),
    ...(s.tags !== undefined ? { tags: s.tags } : {}),
  };
}

/** One page of a list: `maxresults` (1–25, default 25) items from the `$skiptoken` offset, and the next link. */
export function page(req: EmulatorRequest, location: string, items: Record<string, unknown>[], path: string): EmulatorResponse {
  const max = req.url.searchParams.get('maxresults');
  const size = max === null ? 25 : Number(max);
  if (!Number.isInteger(size) || size < 1 || size > 25) return notEmulated(`Azure Key Vault (maxresults=${max}; the spec allows 1 to 25, the service's answer otherwise is not modelled)`, req);
  const token = req.url.searchParams.get('$skiptoken');
  const offset = token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^offset:/, ''));
  if (!Number.isInteger(offset) || offset < 0) return notEmulated(`Azure Key Vault ($skiptoken '${token}' was not issued by this emulator)`, req);
  const slice = items.slice(offset, offset + size);
  const more = offset + size < items.length;
  const apiVersion = req.url.searchParams.get('api-version') ?? '';
  const next = more
    ? `https://${req.host}:443${path}?api-version=${apiVersion}&$skiptoken=${Buffer.from(`offset:${offset + size}`).toString('base64url')}${max !== null ? `&maxresults=${size}` : ''}`
    : null;
  return keyVaultJson(req, location, 200, { value: slice, nextLink: next });
}

export function listSecrets(req: EmulatorRequest, vault: Vault, apiVersion: string): EmulatorResponse {
  const names = [...new Set(vault.secrets.map((s) => s.name.toLowerCase()))].sort();
  const items = names.map((n) => {
    const s = latest(versionsOf(vault, n))!;
    return item(`${vaultBase(req)}/secrets/${s.name}`, vault, s, apiVersion);
  });
  return page(req, vault.location, items, '/secrets');
}

export function listVersions(req: EmulatorRequest, vault: Vault, name: string, apiVersion: string): EmulatorResponse {
  const versions = [...versionsOf(vault, name)].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
  const items = versions.map((s) => item(`${vaultBase(req)}/secrets/${s.name}/${s.version}`, vault, s, apiVersion));
  return page(req, vault.location, items, `/secrets/${name}/versions`);
}

export function getSecret(req: EmulatorRequest, vault: Vault, name: string, version: string | undefined, apiVersion: string): EmulatorResponse {
  const versions = versionsOf(vault, name);
  const secret = version === undefined ? latest(versions) : versions.find((s) => s.version === version);
  if (secret === undefined) return secretNotFound(req, vault.location, version === undefined ? name : `${name}/${version}`);
  if (!secret.enabled) return keyVaultError(req, vault.location, 403, 'Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled');
  const previous = latest(versions.filter((s) => s !== secret && s.created <= secret.created));
  return keyVaultJson(req, vault.location, 200, secretBundle(req, vault, secret, apiVersion, { value: true, ...(previous !== undefined ? { previous } : {}) }));
}

interface AttributeInput {
  enabled?: boolean;
  nbf?: number;
  exp?: number;
  contentType?: string;
  tags?: Record<string, string>;
}

/** The optional properties Set and Update share; a string when one has the wrong type. */
function readAttributes(o: { contentType?: unknown; attributes?: unknown; tags?: unknown }): AttributeInput | string {
  const out: AttributeInput = {};
  if (o.contentType !== undefined && o.contentType !== null) {
    if (typeof o.contentType !== 'string') return 'contentType must be a string';
    out.contentType = o.contentType;
  }
  if (o.attributes !== undefined && o.attributes !== null) {
    if (typeof o.attributes !== 'object') return 'attributes must be an object';
    const a = o.attributes as { enabled?: unknown; nbf?: unknown; exp?: unknown };
    if (a.enabled !== undefined && a.enabled !== null) {
      if (typeof a.enabled !== 'boolean') return 'attributes.enabled must be a boolean';
      out.enabled = a.enabled;
    }
    for (const k of ['nbf', 'exp'] as const) {
      const v = a[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== 'number' || !Number.isInteger(v)) return `attributes.${k} must be an integer (unix seconds)`;
      out[k] = v;
    }
  }
  if (o.tags !== undefined && o.tags !== null) {
    if (typeof o.tags !== 'object' || Array.isArray(o.tags) || Object.values(o.tags).some((v) => typeof v !== 'string')) return 'tags must be an object of strings';
    out.tags = o.tags as Record<string, string>;
  }
  return out;
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const j: unknown = JSON.parse(body.toString('utf8'));
    return typeof j === 'object' && j !== null && !Array.isArray(j) ? (j as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * "a maximum size of 25k bytes each" (learn.microsoft.com/azure/key-vault/secrets/about-secrets);
 * the service counts characters and answers 400 BadParameter, innererror SecretTooLarge, "Secret is
 * beyond the maximum permitted length of 25600 characters." (Azure/azure-cli issue #5639, and the
 * same text with its inner error from `az keyvault secret set` in 2026).
 */
const MAX_SECRET_LENGTH = 25_600;

export function setSecret(req: EmulatorRequest, vault: Vault, name: string, apiVersion: string, now: Date): EmulatorResponse {
  const body = parseJson(req.body);
  // "The request body must be a JSON object …": the service's exact text for a malformed body is not documented.
  if (body === undefined || typeof body.value !== 'string') return keyVaultError(req, vault.location, 400, 'BadParameter', 'The request body must be a JSON object with a string property "value".');
  if (body.value.length > MAX_SECRET_LENGTH) {
    return keyVaultError(req, vault.location, 400, 'BadParameter', `Secret is beyond the maximum permitted length of ${MAX_SECRET_LENGTH} characters.`, 'SecretTooLarge');
  }
  const input = readAttributes(body);
  if (typeof input === 'string') return keyVaultError(req, vault.location, 400, 'BadParameter', input);
  const versions = versionsOf(vault, name);
  const previous = latest(versions);
  const created = Math.floor(now.getTime() / 1000);
  const secret: Secret = {
    name: previous?.name ?? name,
    value: body.value,
    version: randomBytes(16).toString('hex'),
    enabled: input.enabled ?? true,
    created,
    updated: created,
    ...(input.nbf !== undefined ? { nbf: input.nbf } : {}),
    ...(input.exp !== undefined ? { exp: input.exp } : {}),
    ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
  };
  vault.secrets.push(secret);
  return keyVaultJson(req, vault.location, 200, secretBundle(req, vault, secret, apiVersion, { value: true, ...(previous !== undefined ? { previous } : {}) }));
}

/** PATCH /secrets/{name}/{version}: only the properties sent change; the answer carries no value. */
export function updateSecret(req: EmulatorRequest, vault: Vault, name: string, version: string | undefined, apiVersion: string, now: Date): EmulatorResponse {
  const body = parseJson(req.body);
  if (body === undefined) return keyVaultError(req, vault.location, 400, 'BadParameter', 'The request body must be a JSON object.');
  if (body.value !== undefined) return notEmulated('Azure Key Vault (Update Secret with a value: the value of a version cannot change, the service\'s answer is not modelled)', req);
  const input = readAttributes(body);
  if (typeof input === 'string') return keyVaultError(req, vault.location, 400, 'BadParameter', input);
  const versions = versionsOf(vault, name);
  const secret = version === undefined ? latest(versions) : versions.find((s) => s.version === version);
  if (secret === undefined) return secretNotFound(req, vault.location, version === undefined ? name : `${name}/${version}`);
  if (input.enabled !== undefined) secret.enabled = input.enabled;
  if (input.nbf !== undefined) secret.nbf = input.nbf;
  if (input.exp !== undefined) secret.exp = input.exp;
  if (input.contentType !== undefined) secret.contentType = input.contentType;
  if (input.tags !== undefined) secret.tags = input.tags;
  secret.updated = Math.floor(now.getTime() / 1000);
  return keyVaultJson(req, vault.location, 200, secretBundle(req, vault, secret, apiVersion, { value: false }));
}
