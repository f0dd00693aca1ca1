// Azure Key Vault secrets for <vault>.vault.azure.net: Get Secret (latest or by version) and Set
// Secret. Stages in order: vault → token (401 challenge, AKV10000/AKV10022) → api-version → access
// (access policy or Azure RBAC, as the vault's enableRbacAuthorization says) → the secret.
import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext, TokenClaims } from '../types.ts';
import type { Scenario } from '../scenario.ts';
import { KEY_VAULT_RESOURCE, keyVaultError, keyVaultJson, unauthorized } from './keyvault-errors.ts';
import { notEmulated } from './not-emulated.ts';

type Vault = Scenario['keyVaults'][number];
type Secret = Vault['secrets'][number];

const HOST = /^([a-z0-9-]{3,24})\.vault\.azure\.net$/;
/** Key Vault's first-party application id, accepted as an audience like the URI. */
const KEY_VAULT_APP_ID = 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093';
const NAME = /^[0-9a-zA-Z-]{1,127}$/;

/** GA data-plane versions (azure-rest-api-specs keyvault/data-plane stable folders) and the previews SDKs have sent. */
const API_VERSIONS = new Set([
  '2015-06-01', '2016-10-01', '7.0', '7.1', '7.2', '7.3', '7.4', '7.5', '7.6', '2025-06-01', '2025-07-01',
  '7.0-preview', '7.1-preview', '7.2-preview', '7.3-preview', '7.4-preview.1', '7.5-preview.1', '7.6-preview.1', '7.6-preview.2',
]);
const LATEST_API_VERSION = '2025-07-01';

type Op = { kind: 'get'; name: string; version?: string } | { kind: 'set'; name: string };

function route(method: string, pathname: string): Op | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  if (parts[0] !== 'secrets' || parts.length < 2 || parts.length > 3) return undefined;
  const name = parts[1] ?? '';
  const version = parts[2];
  if (method === 'GET') return version === undefined || version === '' ? { kind: 'get', name } : { kind: 'get', name, version };
  if (method === 'PUT' && version === undefined) return { kind: 'set', name };
  return undefined;
}

function vaultResourceId(ctx: ServiceContext, v: Vault): string {
  return `/subscriptions/${ctx.state.data.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.KeyVault/vaults/${v.name}`;
}

/** The newest version of a secret: latest `created`, and among equals the one written last. */
function versionsOf(v: Vault, name: string): Secret[] {
  return v.secrets.filter((s) => s.name.toLowerCase() === name.toLowerCase());
}
function latest(versions: Secret[]): Secret | undefined {
  let best: Secret | undefined;
  for (const s of versions) if (best === undefined || s.created >= best.created) best = s;
  return best;
}

function recoverableDays(level: string): number | undefined {
  // Soft-deleted items are kept 90 days unless the vault was created with another retention.
  return level.includes('Recoverable') ? 90 : undefined;
}

/** The SecretBundle as the requested api-version shapes it. */
function secretBundle(req: EmulatorRequest, vault: Vault, secret: Secret, apiVersion: string, previous?: Secret): Record<string, unknown> {
  const attributes: Record<string, unknown> = { enabled: secret.enabled, created: secret.created, updated: secret.created };
  // recoveryLevel arrived with 2016-10-01 and recoverableDays with 7.0.
  if (apiVersion !== '2015-06-01') attributes.recoveryLevel = vault.recoveryLevel;
  const days = recoverableDays(vault.recoveryLevel);
  if (apiVersion !== '2015-06-01' && apiVersion !== '2016-10-01' && days !== undefined) attributes.recoverableDays = days;
  const base = `https://${req.host}/secrets/${secret.name}`;
  return {
    value: secret.value,
    ...(secret.contentType !== undefined ? { contentType: secret.contentType } : {}),
    id: `${base}/${secret.version}`,
    attributes,
    ...(apiVersion >= '2025-07-01' && !apiVersion.startsWith('7') && previous !== undefined ? { previousVersion: previous.version } : {}),
  };
}

type Access = { ok: true } | { ok: false; response: EmulatorResponse };

function checkAccess(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, claims: TokenClaims, op: Op): Access {
  const caller = `appid=${claims.appid};oid=${claims.oid};iss=${claims.iss}`;
  const permission = op.kind === 'get' ? 'get' : 'set';
  if (vault.enableRbacAuthorization) {
    const action = op.kind === 'get' ? 'Microsoft.KeyVault/vaults/secrets/getSecret/action' : 'Microsoft.KeyVault/vaults/secrets/setSecret/action';
    const scope = `${vaultResourceId(ctx, vault)}/secrets/${op.name}`;
    if (ctx.rbac.checkDataAction(claims.oid, action, scope).allowed) return { ok: true };
    const resource = `${vaultResourceId(ctx, vault).toLowerCase()}/secrets/${op.name}`;
    const message =
      'Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n' +
      `Caller: ${caller}\r\nAction: '${action}'\r\nResource: '${resource}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: ${vault.name};location=${vault.location}\r\n`;
    return { ok: false, response: keyVaultError(req, vault.location, 403, 'Forbidden', message, 'ForbiddenByRbac') };
  }
  const granted = vault.accessPolicies.some((p) => p.objectId.toLowerCase() === claims.oid.toLowerCase() && p.secrets.includes(permission));
  if (granted) return { ok: true };
  const message = `The user, group or application '${caller}' does not have secrets ${permission} permission on key vault '${vault.name};location=${vault.location}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`;
  return { ok: false, response: keyVaultError(req, vault.location, 403, 'Forbidden', message, 'AccessDenied') };
}

async function authenticate(req: EmulatorRequest, ctx: ServiceContext, vault: Vault): Promise<{ ok: true; claims: TokenClaims } | { ok: false; response: EmulatorResponse }> {
  const tenantId = ctx.state.data.tenantId;
  const deny = (message: string) => ({ ok: false as const, response: unauthorized(req, vault.location, tenantId, message) });
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (!m?.[1]) return deny('AKV10000: Request is missing a Bearer or PoP token.');
  const check = await ctx.tokens.verify(m[1]);
  if (!check.ok) {
    // Only AKV10000 and AKV10022 texts are verified against captures; these follow their form.
    switch (check.reason) {
      case 'expired':
        return deny('AKV10013: Token expired.');
      case 'not-yet-valid':
        return deny('AKV10014: Token not yet valid.');
      case 'bad-signature':
        return deny('AKV10010: Signature validation failed.');
      case 'missing':
      case 'malformed':
        return deny('AKV10000: Request is missing a Bearer or PoP token.');
    }
  }
  const { claims } = check;
  if (claims.aud !== KEY_VAULT_RESOURCE && claims.aud !== KEY_VAULT_APP_ID) {
    return deny(`AKV10022: Invalid audience. Expected ${KEY_VAULT_RESOURCE}, found: ${claims.aud}.`);
  }
  const issuer = `https://sts.windows.net/${tenantId}/`;
  if (claims.iss !== issuer) return deny(`AKV10032: Invalid issuer. Expected one of ${issuer}, found ${claims.iss}.`);
  return { ok: true, claims };
}

function parseSetBody(body: Buffer): { value: string; contentType?: string; enabled?: boolean } | undefined {
  try {
    const j: unknown = JSON.parse(body.toString('utf8'));
    if (typeof j !== 'object' || j === null) return undefined;
    const o = j as { value?: unknown; contentType?: unknown; attributes?: { enabled?: unknown } };
    if (typeof o.value !== 'string') return undefined;
    return {
      value: o.value,
      ...(typeof o.contentType === 'string' ? { contentType: o.contentType } : {}),
      ...(typeof o.attributes?.enabled === 'boolean' ? { enabled: o.attributes.enabled } : {}),
    };
  } catch {
    return undefined;
  }
}

export const keyVaultService: Service = {
  name: 'keyvault',
  matchHost: (host) => HOST.test(host),

  async handle(req, ctx) {
    const name = HOST.exec(req.host)?.[1] ?? '';
    const vault = ctx.state.data.keyVaults.find((v) => v.name.toLowerCase() === name);
    if (vault === undefined) {
      return {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-emulator-unknown-vault': name, 'x-ms-request-id': req.requestId },
        body: `The scenario has no key vault '${name}'; in Azure the host name ${req.host} would not resolve.\n`,
      };
    }
    const op = route(req.method.toUpperCase(), req.url.pathname);
    if (op === undefined) return notEmulated('Azure Key Vault', req);

    const auth = await authenticate(req, ctx, vault);
    if (!auth.ok) return auth.response;

    const apiVersion = req.url.searchParams.get('api-version');
    if (apiVersion === null || apiVersion === '') {
      // "There is no default": UNVERIFIED wording for the missing parameter.
      return keyVaultError(req, vault.location, 400, 'BadParameter', "The 'api-version' query parameter is missing.");
    }
    if (!API_VERSIONS.has(apiVersion)) {
      return keyVaultError(req, vault.location, 400, 'BadParameter', `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (${LATEST_API_VERSION}).`);
    }
    if (!NAME.test(op.name)) return keyVaultError(req, vault.location, 400, 'BadParameter', `The request URI contains an invalid name: ${op.name}`);

    const access = checkAccess(req, ctx, vault, auth.claims, op);
    if (!access.ok) return access.response;

    const versions = versionsOf(vault, op.name);
    if (op.kind === 'get') {
      const secret = op.version === undefined ? latest(versions) : versions.find((s) => s.version === op.version);
      if (secret === undefined) {
        const id = op.version === undefined ? op.name : `${op.name}/${op.version}`;
        return keyVaultError(
          req,
          vault.location,
          404,
          'SecretNotFound',
          `A secret with (name/id) ${id} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
        );
      }
      if (!secret.enabled) return keyVaultError(req, vault.location, 403, 'Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled');
      const previous = latest(versions.filter((s) => s !== secret && s.created <= secret.created));
      return keyVaultJson(req, vault.location, 200, secretBundle(req, vault, secret, apiVersion, previous));
    }

    const input = parseSetBody(req.body);
    if (input === undefined) return keyVaultError(req, vault.location, 400, 'BadParameter', 'The request body must be a JSON object with a string property "value".');
    const previous = latest(versions);
    const secret: Secret = {
      name: previous?.name ?? op.name,
      value: input.value,
      version: randomBytes(16).toString('hex'),
      enabled: input.enabled ?? true,
      created: Math.floor(ctx.now().getTime() / 1000),
      ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
    };
    vault.secrets.push(secret);
    return keyVaultJson(req, vault.location, 200, secretBundle(req, vault, secret, apiVersion, previous));
  },
};
