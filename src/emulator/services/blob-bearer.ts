// Entra (Bearer) authorization for the Blob service: HTTPS only, x-ms-version 2017-11-09 or later,
// a token signed by the emulator for a storage audience and the scenario's tenant, then Azure RBAC on
// the container scope (management roles such as Reader grant no data access).
import type { EmulatorRequest, ServiceContext, TokenClaims } from '../types.ts';
import type { BlobOperation } from './blob-operation.ts';
import { blobErrors, type StorageErrorInput } from './blob-errors.ts';

export const MIN_BEARER_VERSION = '2017-11-09';
/** The Azure Storage first-party application id: tokens may name it instead of the URI. */
const STORAGE_APP_ID = 'e406a681-f3d4-42a8-90b6-c2b029497af1';

export function storageAudiences(account: string): ReadonlySet<string> {
  const own = `https://${account}.blob.core.windows.net`;
  return new Set(['https://storage.azure.com', 'https://storage.azure.com/', own, `${own}/`, STORAGE_APP_ID]);
}

/** `notEmulated`: what the service's answer would be about, when it is not documented. */
export type BearerCheck = { ok: true; claims: TokenClaims } | { ok: false; error: StorageErrorInput } | { ok: false; notEmulated: string };

export interface BearerInput {
  req: EmulatorRequest;
  ctx: ServiceContext;
  account: string;
  /** ARM id of the storage account, the root of the RBAC scope. */
  accountId: string;
  operation: BlobOperation;
  token: string;
}

export async function authorizeBearer({ req, ctx, account, accountId, operation, token }: BearerInput): Promise<BearerCheck> {
  const tenantId = ctx.state.data.tenantId;
  if (!req.secure) return { ok: false, error: blobErrors.authenticationFailed('Authentication scheme Bearer is not allowed with HTTP.') };
  const version = req.headers['x-ms-version'];
  if (typeof version !== 'string' || version < MIN_BEARER_VERSION) {
    return { ok: false, error: blobErrors.authenticationFailed('Authentication scheme Bearer is not supported in this version.') };
  }
  const check = await ctx.tokens.verify(token);
  if (!check.ok) {
    // Lifetime failures are 403 AuthenticationFailed (as Azurite mirrors the service); the texts for
    // malformed and badly signed tokens are UNVERIFIED and follow the same "<what> validation failed" form.
    switch (check.reason) {
      case 'expired':
        return { ok: false, error: blobErrors.authenticationFailed('Lifetime validation failed. The token is expired.') };
      case 'not-yet-valid':
        return { ok: false, error: blobErrors.authenticationFailed('Lifetime validation failed. The token is not yet valid.') };
      case 'bad-signature':
        return { ok: false, error: blobErrors.invalidAuthenticationInfo('Signature validation failed. Signature is invalid.', tenantId) };
      case 'missing':
      case 'malformed':
        return { ok: false, error: blobErrors.invalidAuthenticationInfo('Token validation failed. The token is malformed.', tenantId) };
      case 'missing-claim':
        return { ok: false, notEmulated: `a token without the "${check.claim}" claim` };
    }
  }
  const { claims } = check;
  if (!storageAudiences(account).has(claims.aud)) {
    return { ok: false, error: blobErrors.invalidAuthenticationInfo('Audience validation failed. Audience did not match.', tenantId) };
  }
  if (claims.tid !== tenantId || claims.iss !== `https://sts.windows.net/${tenantId}/`) {
    return { ok: false, error: blobErrors.invalidAuthenticationInfo('Issuer validation failed. Issuer did not match.', tenantId) };
  }
  const scope = operation.container === undefined ? `${accountId}/blobServices/default` : `${accountId}/blobServices/default/containers/${operation.container}`;
  const decision =
    operation.rbac.kind === 'dataAction'
      ? ctx.rbac.checkDataAction(claims.oid, operation.rbac.name, scope)
      : ctx.rbac.checkAction(claims.oid, operation.rbac.name, scope);
  if (!decision.allowed) return { ok: false, error: blobErrors.permissionMismatch() };
  return { ok: true, claims };
}
