// Token reuse per identity and resource, as IMDS caches managed-identity tokens (azure-behavior.md
// §1.4): a second request within the token's life gets the same token with a smaller `expires_in`.
// The cache hangs off the live scenario object, so `reset()` (which replaces it) empties the cache
// and two emulator instances never share one.
import type { Scenario } from './scenario.ts';
import type { ServiceContext, TokenClaims } from './types.ts';

/** Hand out a cached token only while it has at least this long to live. */
const MIN_REMAINING_SECONDS = 300;

type Issued = { token: string; claims: TokenClaims };
const caches = new WeakMap<Scenario, Map<string, Issued>>();

export async function issueCached(
  ctx: ServiceContext,
  input: { principalId: string; clientId: string; resource: string; miResourceId?: string; lifetimeSeconds?: number },
  bypass = false,
): Promise<Issued> {
  let cache = caches.get(ctx.state.data);
  if (cache === undefined) {
    cache = new Map();
    caches.set(ctx.state.data, cache);
  }
  const key = `${input.principalId}\n${input.resource}\n${input.lifetimeSeconds ?? ''}`;
  const nowS = Math.floor(ctx.now().getTime() / 1000);
  const hit = cache.get(key);
  if (!bypass && hit !== undefined && (hit.claims.exp as number) - nowS >= MIN_REMAINING_SECONDS && (hit.claims.iat as number) <= nowS) return hit;
  const issued = await ctx.tokens.issue(input);
  cache.set(key, issued);
  return issued;
}
