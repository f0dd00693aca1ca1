// ARM's authentication stage: Bearer header present and well-formed, token signed by the tenant's
// authority, unexpired and carrying the claims Entra's tokens carry, audience one of ARM's four,
// issuer the subscription's tenant.
import type { EmulatorRequest, ServiceContext, TokenClaims } from '../../types.ts';
import { header } from '../../respond.ts';
import { armErrors, type ArmError } from './errors.ts';
import { issuerFor } from '../../tokens.ts';

/** The audiences ARM accepts, with or without the trailing slash (azure-behavior.md §2). */
export const ARM_AUDIENCES = new Set(['https://management.core.windows.net/', 'https://management.core.windows.net', 'https://management.azure.com/', 'https://management.azure.com']);

export async function authenticate(req: EmulatorRequest, ctx: ServiceContext): Promise<{ ok: true; claims: TokenClaims } | { ok: false; error: ArmError }> {
  const value = header(req, 'authorization');
  if (value === undefined) return { ok: false, error: armErrors.missingAuthorization() };
  const m = /^Bearer +([A-Za-z0-9\-_.~+/]+=*) *$/i.exec(value);
  if (m === null) return { ok: false, error: armErrors.invalidAuthorizationHeader() };
  const check = await ctx.tokens.verify(m[1]!);
  if (!check.ok) {
    if (check.reason === 'expired' && check.expiredAt !== undefined) return { ok: false, error: armErrors.expiredToken(check.expiredAt, ctx.now()) };
    if (check.reason === 'not-yet-valid') return { ok: false, error: armErrors.invalidToken('The access token is not yet valid.') };
    // ARM's text for a token naming no principal (Azure/azure-sdk-for-java issue #1714, Azure/login issue #233).
    if (check.reason === 'missing-claim' && check.claim === 'oid') {
      return { ok: false, error: armErrors.invalidToken("The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.") };
    }
    return { ok: false, error: armErrors.invalidToken() };
  }
  const { claims } = check;
  if (!ARM_AUDIENCES.has(claims.aud)) return { ok: false, error: armErrors.wrongAudience(String(claims.aud)) };
  const tenantId = ctx.state.data.tenantId;
  // ARM names the issuer it refuses; a token whose tid is not its own issuer's tenant is one Entra never signs.
  if (claims.iss !== issuerFor(tenantId)) return { ok: false, error: armErrors.wrongTenant(claims.iss, tenantId) };
  if (claims.tid !== tenantId) return { ok: false, error: armErrors.invalidToken() };
  return { ok: true, claims };
}
