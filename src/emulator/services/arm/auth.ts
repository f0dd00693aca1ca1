// ARM's authentication stage: Bearer header present and well-formed, token signed by the tenant's
// authority and unexpired, audience one of ARM's four, issuer the subscription's tenant.
import type { EmulatorRequest, ServiceContext, TokenClaims } from '../../types.ts';
import { header } from '../../respond.ts';
import { armErrors, type ArmError } from './errors.ts';

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
    return { ok: false, error: armErrors.invalidToken() };
  }
  const { claims } = check;
  if (!ARM_AUDIENCES.has(claims.aud)) return { ok: false, error: armErrors.wrongAudience(String(claims.aud)) };
  const tenantId = ctx.state.data.tenantId;
  if (claims.tid !== tenantId) return { ok: false, error: armErrors.wrongTenant(claims.iss, tenantId) };
  return { ok: true, claims };
}
