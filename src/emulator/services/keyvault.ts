// Azure Key Vault secrets for <vault>.vault.azure.net: get, set, update, list, versions, delete and
// the soft-delete operations (keyvault-secrets.ts, keyvault-deleted.ts). Stages in order: vault
// (unknown: the name does not resolve) → path encoding → operation → token (401 challenge, AKV10000/AKV10022) →
// api-version → access (access policy or Azure RBAC, as the vault's enableRbacAuthorization says)
// → the secret. Keys, certificates, backup and restore are not emulated.
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext, TokenClaims } from '../types.ts';
import { KEY_VAULT_RESOURCE, keyVaultError, secretNotFound, unauthorized } from './keyvault-errors.ts';
import { getSecret, listSecrets, listVersions, setSecret, updateSecret, type Vault } from './keyvault-secrets.ts';
import { deleteSecret, getDeleted, listDeleted, purgeDeleted, recoverDeleted, setConflict, stillSettling } from './keyvault-deleted.ts';
import { notEmulated } from './not-emulated.ts';
import { describeEncodingProblem, encodingProblem } from './percent-encoding.ts';

type SecretPermission = Vault['accessPolicies'][number]['secrets'][number];

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

type Op =
  | { kind: 'get'; name: string; version?: string }
  | { kind: 'set'; name: string }
  | { kind: 'update'; name: string; version?: string }
  | { kind: 'versions'; name: string }
  | { kind: 'delete'; name: string }
  | { kind: 'list' }
  | { kind: 'getDeleted'; name: string }
  | { kind: 'listDeleted' }
  | { kind: 'purge'; name: string }
  | { kind: 'recover'; name: string };

/** The secret operations of the data plane (azure-rest-api-specs keyvault 2016-10-01); undefined for anything else. */
function route(method: string, pathname: string): Op | undefined {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1).map(decodeURIComponent);
  const [collection, name, third, ...rest] = parts;
  if (rest.length > 0 || name === '') return undefined;
  if (collection === 'secrets') {
    if (name === undefined) return method === 'GET' ? { kind: 'list' } : undefined;
    if (third === 'versions') return method === 'GET' ? { kind: 'versions', name } : undefined;
    const version = third === undefined || third === '' ? {} : { version: third };
    if (method === 'GET') return { kind: 'get', name, ...version };
    if (method === 'PATCH') return { kind: 'update', name, ...version };
    if (method === 'PUT' && third === undefined) return { kind: 'set', name };
    if (method === 'DELETE' && third === undefined) return { kind: 'delete', name };
    return undefined;
  }
  if (collection === 'deletedsecrets') {
    if (name === undefined) return method === 'GET' ? { kind: 'listDeleted' } : undefined;
    if (third === 'recover') return method === 'POST' ? { kind: 'recover', name } : undefined;
    if (third !== undefined) return undefined;
    if (method === 'GET') return { kind: 'getDeleted', name };
    if (method === 'DELETE') return { kind: 'purge', name };
  }
  return undefined;
}

/** What each operation needs: the access-policy permission and the RBAC data action (built-in role definitions, "Key Vault Secrets Officer"/"User"). */
const NEEDS: Record<Op['kind'], { permission: SecretPermission; action: string }> = {
  get: { permission: 'get', action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' },
  set: { permission: 'set', action: 'Microsoft.KeyVault/vaults/secrets/setSecret/action' },
  update: { permission: 'set', action: 'Microsoft.KeyVault/vaults/secrets/update/action' },
  versions: { permission: 'list', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action' },
  list: { permission: 'list', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action' },
  delete: { permission: 'delete', action: 'Microsoft.KeyVault/vaults/secrets/delete' },
  getDeleted: { permission: 'get', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action' },
  listDeleted: { permission: 'list', action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action' },
  purge: { permission: 'purge', action: 'Microsoft.KeyVault/vaults/secrets/purge/action' },
  recover: { permission: 'recover', action: 'Microsoft.KeyVault/vaults/secrets/recover/action' },
};

function vaultResourceId(ctx: ServiceContext, v: Vault): string {
  return `/subscriptions/${ctx.state.data.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.KeyVault/vaults/${v.name}`;
}

type Access = { ok: true } | { ok: false; response: EmulatorResponse };

function checkAccess(req: EmulatorRequest, ctx: ServiceContext, vault: Vault, claims: TokenClaims, op: Op): Access {
  const caller = `appid=${claims.appid};oid=${claims.oid};iss=${claims.iss}`;
  const { permission, action } = NEEDS[op.kind];
  if (vault.enableRbacAuthorization) {
    const secretScope = 'name' in op ? `/secrets/${op.name}` : '';
    const scope = `${vaultResourceId(ctx, vault)}${secretScope}`;
    if (ctx.rbac.checkDataAction(claims.oid, action, scope).allowed) return { ok: true };
    const resource = `${vaultResourceId(ctx, vault).toLowerCase()}${secretScope}`;
    const message =
      'Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\n' +
      `Caller: ${caller}\r\nAction: '${action}'\r\nResource: '${resource}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: ${vault.name};location=${vault.location}\r\n`;
    return { ok: false, response: keyVaultError(req, vault.location, 403, 'Forbidden', message, 'ForbiddenByRbac') };
  }
  const granted = vault.accessPolicies.some((p) => p.objectId.toLowerCase() === claims.oid.toLowerCase() && (p.secrets.includes(permission) || p.secrets.includes('all')));
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
      case 'missing-claim':
        return { ok: false, response: notEmulated(`Azure Key Vault (a token without the "${check.claim}" claim: the service's answer is not documented)`, req) };
    }
  }
  const { claims } = check;
  if (claims.aud !== KEY_VAULT_RESOURCE && claims.aud !== KEY_VAULT_APP_ID) {
    return deny(`AKV10022: Invalid audience. Expected ${KEY_VAULT_RESOURCE}, found: ${claims.aud}.`);
  }
  const issuer = `https://sts.windows.net/${tenantId}/`;
  if (claims.iss !== issuer) return deny(`AKV10032: Invalid issuer. Expected one of ${issuer}, found ${claims.iss}.`);
  // Entra's v1 issuer names the token's tenant; a token whose tid says otherwise is not one it signs.
  if (claims.tid !== tenantId) return { ok: false, response: notEmulated(`Azure Key Vault (a token whose tid '${claims.tid}' is not its issuer's tenant: the service's answer is not documented)`, req) };
  return { ok: true, claims };
}

export const keyVaultService: Service = {
  name: 'keyvault',
  matchHost: (host) => HOST.test(host),
  resolves: (host, state) => state.data.keyVaults.some((v) => v.name.toLowerCase() === HOST.exec(host)?.[1]),

  async handle(req, ctx) {
    const name = HOST.exec(req.host)?.[1] ?? '';
    const vault = ctx.state.data.keyVaults.find((v) => v.name.toLowerCase() === name);
    // The name does not resolve: a client that got here anyway (its own name resolution bypassed) gets no answer.
    if (vault === undefined) return { status: 0, headers: {}, reset: true };
    const encoding = encodingProblem(req.url.pathname);
    if (encoding !== undefined) return notEmulated(`Azure Key Vault (${describeEncodingProblem(encoding, 'path')})`, req);
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
    if ('name' in op && !NAME.test(op.name)) return keyVaultError(req, vault.location, 400, 'BadParameter', `The request URI contains an invalid name: ${op.name}`);

    const access = checkAccess(req, ctx, vault, auth.claims, op);
    if (!access.ok) return access.response;

    const now = ctx.now();
    switch (op.kind) {
      case 'get':
        // A recovery still settling: the secret is not back yet.
        if (stillSettling(ctx, vault, op.name, 'recover', true)) return secretNotFound(req, vault.location, op.version === undefined ? op.name : `${op.name}/${op.version}`);
        return getSecret(req, vault, op.name, op.version, apiVersion);
      case 'set':
        return setConflict(req, ctx, vault, op.name) ?? setSecret(req, vault, op.name, apiVersion, now);
      case 'update':
        return updateSecret(req, vault, op.name, op.version, apiVersion, now);
      case 'list':
        return listSecrets(req, vault, apiVersion);
      case 'versions':
        return listVersions(req, vault, op.name, apiVersion);
      case 'delete':
        return deleteSecret(req, ctx, vault, op.name, apiVersion);
      case 'getDeleted':
        return getDeleted(req, ctx, vault, op.name, apiVersion);
      case 'listDeleted':
        return listDeleted(req, ctx, vault, apiVersion);
      case 'purge':
        return purgeDeleted(req, ctx, vault, op.name);
      case 'recover':
        return recoverDeleted(req, ctx, vault, op.name, apiVersion);
    }
  },
};
