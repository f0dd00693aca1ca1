// The real IMDS, for runs on an Azure VM: the token request the tutorials make, with the retry
// guidance Microsoft documents for it (404 and 410 while IMDS updates, 429, 5xx; bounded).
import { request, type Dispatcher } from 'undici';
import { z } from 'zod';
import type { ImdsSourceConfig } from '../../config.ts';
import { TokenSourceError, type AccessToken, type TokenRequest } from './types.ts';

const IMDS_API_VERSION = '2018-02-01';
/** Statuses IMDS documents as "retry with backoff" (how-to-use-vm-token, retry guidance). */
export const IMDS_RETRY_STATUSES = [404, 410, 429, 500, 502, 503, 504];

const ImdsToken = z.object({
  access_token: z.string().min(1),
  expires_on: z.union([z.string().regex(/^\d+$/), z.number()]).transform(Number),
});
const ImdsError = z.object({ error: z.string(), error_description: z.string().optional() });

export async function imdsToken(config: ImdsSourceConfig, req: TokenRequest, dispatcher: Dispatcher): Promise<AccessToken> {
  const url = new URL('/metadata/identity/oauth2/token', config.endpoint);
  url.searchParams.set('api-version', IMDS_API_VERSION);
  url.searchParams.set('resource', req.resource);
  if (req.clientId !== undefined) url.searchParams.set('client_id', req.clientId);
  let res: Dispatcher.ResponseData<unknown>;
  try {
    res = await request(url, {
      method: 'GET',
      dispatcher,
      headers: { metadata: 'true', accept: 'application/json' },
      retryOptions: { statusCodes: IMDS_RETRY_STATUSES },
    } as Parameters<typeof request>[1]);
  } catch (err) {
    throw new TokenSourceError('imds', `cannot reach IMDS at ${config.endpoint} (${(err as Error).message}); not on an Azure VM? set TC_TOKEN_SOURCE to another source`, { cause: err });
  }
  const json = parse(await res.body.text());
  if (res.statusCode !== 200) {
    const e = ImdsError.safeParse(json);
    const what = e.success ? `${e.data.error}: ${e.data.error_description ?? ''}` : `HTTP ${res.statusCode}`;
    throw new TokenSourceError('imds', `IMDS refused the token request for ${req.resource} (${what}); check the VM's identity and its client id`, { status: res.statusCode });
  }
  const parsed = ImdsToken.safeParse(json);
  if (!parsed.success) throw new TokenSourceError('imds', 'IMDS answered 200 without access_token/expires_on');
  return { accessToken: parsed.data.access_token, expiresOn: new Date(parsed.data.expires_on * 1000), source: 'imds' };
}

/**
 * Is there a usable managed identity here? Asks IMDS for a token for `probeResource` with a short
 * timeout. Only a token counts: other clouds answer on 169.254.169.254 too, and an Azure VM
 * without an identity (a GitHub-hosted runner, for one) answers "Identity not found".
 */
export async function imdsAvailable(config: ImdsSourceConfig, direct: Dispatcher): Promise<boolean> {
  const url = new URL('/metadata/identity/oauth2/token', config.endpoint);
  url.searchParams.set('api-version', IMDS_API_VERSION);
  url.searchParams.set('resource', config.probeResource);
  const signal = AbortSignal.timeout(config.probeTimeoutMs);
  try {
    const res = await request(url, { method: 'GET', dispatcher: direct, headers: { metadata: 'true' }, signal });
    const json = parse(await res.body.text());
    return res.statusCode === 200 && ImdsToken.safeParse(json).success;
  } catch {
    return false;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
