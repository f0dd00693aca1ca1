// GitHub Actions' OIDC token: the job asks the runtime for a JWT with a chosen audience
// (ACTIONS_ID_TOKEN_REQUEST_URL + "&audience=…", bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN). Entra
// accepts it as a client assertion for an app registration with a matching federated credential.
import { request, type Dispatcher } from 'undici';
import { z } from 'zod';
import type { FederatedConfig } from '../../config.ts';
import { TokenSourceError } from './types.ts';

const OidcResponse = z.object({ value: z.string().min(1) });

export async function requestGitHubIdToken(config: Pick<FederatedConfig, 'requestUrl' | 'requestToken' | 'audience'>, dispatcher: Dispatcher): Promise<string> {
  const url = new URL(config.requestUrl);
  url.searchParams.set('audience', config.audience);
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, {
      method: 'GET',
      dispatcher,
      headers: { authorization: `bearer ${config.requestToken}`, accept: 'application/json; api-version=2.0' },
    });
  } catch (err) {
    throw new TokenSourceError('federated', `cannot reach ACTIONS_ID_TOKEN_REQUEST_URL (${(err as Error).message})`, { cause: err });
  }
  const text = await res.body.text();
  if (res.statusCode !== 200) {
    throw new TokenSourceError('federated', `GitHub refused the OIDC token request (HTTP ${res.statusCode}); the job needs "permissions: id-token: write"`, { status: res.statusCode });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = OidcResponse.safeParse(json);
  if (!parsed.success) throw new TokenSourceError('federated', 'GitHub answered the OIDC token request without a "value"');
  return parsed.data.value;
}
