// The emulator's token authority: it signs v1 access tokens the way Entra signs managed-identity
// tokens (RS256, `kid`/`x5t` header, Azure's claim set) and verifies them for every service. The key
// is the state folder's (see signing-keys.ts): emulators sharing one accept each other's tokens, as
// Azure's services all accept Entra's.
import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, errors as joseErrors, exportJWK, jwtVerify } from 'jose';
import { REQUIRED_CLAIMS, type TokenAuthority, type TokenCheck, type TokenClaims } from './types.ts';
import { generateSigningKey, type SigningKey } from './signing-keys.ts';

/** Real managed-identity tokens live about a day (IMDS `ext_expires_in` is "86399"). */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 86_399;

export interface TokenAuthorityOptions {
  tenantId: string;
  now(): Date;
}

/** Entra's issuer for v1 tokens of a tenant. */
export function issuerFor(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

function opaque(bytes: number): string {
  return createHash('sha256').update(randomUUID()).digest('base64url').slice(0, Math.ceil((bytes * 4) / 3));
}

export interface EmulatorTokenAuthority extends TokenAuthority {
  readonly kid: string;
  readonly issuer: string;
}

export async function createTokenAuthority(opts: TokenAuthorityOptions, given?: SigningKey): Promise<EmulatorTokenAuthority> {
  const key = given ?? (await generateSigningKey()).key;
  const issuer = issuerFor(opts.tenantId);
  const jwk = await exportJWK(key.publicKey);
  const jwks = { keys: [{ kty: jwk.kty, use: 'sig', kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e, issuer }] };

  return {
    kid: key.kid,
    issuer,
    async issue(input) {
      const iat = Math.floor((input.issuedAt ?? opts.now()).getTime() / 1000);
      const lifetime = input.lifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
      const claims: TokenClaims = {
        aud: input.resource,
        iss: issuer,
        iat,
        nbf: iat,
        exp: iat + lifetime,
        aio: opaque(40),
        appid: input.clientId,
        appidacr: '2',
        idp: issuer,
        idtyp: input.idtyp ?? 'app',
        oid: input.principalId,
        rh: `0.${opaque(30)}.`,
        sub: input.principalId,
        tid: opts.tenantId,
        uti: opaque(16),
        ver: '1.0',
        ...(input.miResourceId !== undefined ? { xms_mirid: input.miResourceId } : {}),
      };
      const token = await new SignJWT(claims).setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid }).sign(key.privateKey);
      return { token, claims };
    },
    async verify(token): Promise<TokenCheck> {
      if (token === '') return { ok: false, reason: 'missing', detail: 'no token' };
      try {
        // Only a holder of the tenant's key can sign a token without these, but a service must not
        // take one as a caller (a token without exp would never expire; without oid, no one).
        const { payload } = await jwtVerify(token, key.publicKey, { algorithms: ['RS256'], currentDate: opts.now(), requiredClaims: ['exp'] });
        const absent = REQUIRED_CLAIMS.find((c) => c !== 'exp' && (typeof payload[c] !== 'string' || payload[c] === ''));
        if (absent !== undefined) return { ok: false, reason: 'missing-claim', claim: absent, detail: `the token has no "${absent}" claim` };
        return { ok: true, claims: payload as TokenClaims };
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) {
          const exp = typeof err.payload.exp === 'number' ? new Date(err.payload.exp * 1000) : undefined;
          return { ok: false, reason: 'expired', detail: err.message, ...(exp ? { expiredAt: exp } : {}) };
        }
        if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'nbf') return { ok: false, reason: 'not-yet-valid', detail: err.message };
        if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'exp' && err.reason === 'missing') return { ok: false, reason: 'missing-claim', claim: 'exp', detail: err.message };
        if (err instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad-signature', detail: err.message };
        if (err instanceof joseErrors.JOSEAlgNotAllowed) return { ok: false, reason: 'bad-signature', detail: `algorithm not accepted: ${err.message}` };
        if (err instanceof joseErrors.JOSEError) return { ok: false, reason: 'malformed', detail: err.message };
        if (err instanceof TypeError) return { ok: false, reason: 'malformed', detail: err.message };
        throw err;
      }
    },
    jwks: () => structuredClone(jwks),
  };
}

/** Claims of a token without checking anything: for error texts that quote appid/oid of a rejected token. */
export function peekClaims(token: string): Partial<TokenClaims> | undefined {
  try {
    return decodeJwt(token) as Partial<TokenClaims>;
  } catch {
    return undefined;
  }
}
