// Entra's OAuth 2.0 client-credentials grant (v2 token endpoint), with either a client secret or a
// client assertion (a federated token from GitHub Actions). Both are the same POST; only the
// credential fields differ.
import { request, type Dispatcher } from 'undici';
import { z } from 'zod';
import { scopeForResource, TokenSourceError, type AccessToken, type TokenSourceKind } from './types.ts';

const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
});
const ErrorResponse = z.object({ error: z.string(), error_description: z.string().optional() });

export type ClientCredential = { kind: 'secret'; secret: string } | { kind: 'assertion'; assertion: string };

export interface ClientCredentialsRequest {
  authorityHost: string;
  tenantId: string;
  clientId: string;
  resource: string;
  credential: ClientCredential;
  dispatcher: Dispatcher;
  now?: () => number;
}

export async function clientCredentialsToken(req: ClientCredentialsRequest): Promise<AccessToken> {
  const source: TokenSourceKind = req.credential.kind === 'secret' ? 'client-secret' : 'federated';
  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: req.clientId, scope: scopeForResource(req.resource) });
  if (req.credential.kind === 'secret') {
    form.set('client_secret', req.credential.secret);
  } else {
    form.set('client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    form.set('client_assertion', req.credential.assertion);
  }
  const url = `${req.authorityHost}/${encodeURIComponent(req.tenantId)}/oauth2/v2.0/token`;
  const started = (req.now ?? Date.now)();
  let res: Dispatcher.ResponseData;
  try {
    res = await request(url, {
      method: 'POST',
      dispatcher: req.dispatcher,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
    });
  } catch (err) {
    throw new TokenSourceError(source, `cannot reach ${url} (${(err as Error).message}); check AZURE_AUTHORITY_HOST`, { cause: err });
  }
  const text = await res.body.text();
  const json = safeJson(text);
  if (res.statusCode !== 200) {
    const e = ErrorResponse.safeParse(json);
    const what = e.success ? `${e.data.error}: ${firstLine(e.data.error_description ?? '')}` : `HTTP ${res.statusCode}`;
    const hint =
      source === 'client-secret'
        ? 'check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET'
        : 'check AZURE_TENANT_ID, AZURE_CLIENT_ID and the app registration\'s federated credential (issuer, subject, audience TC_OIDC_AUDIENCE)';
    throw new TokenSourceError(source, `Entra refused the ${source === 'client-secret' ? 'client secret' : 'client assertion'} (${what}); ${hint}`, { status: res.statusCode });
  }
  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success) throw new TokenSourceError(source, `Entra answered 200 without a usable token (${url})`);
  return { accessToken: parsed.data.access_token, expiresOn: new Date(started + parsed.data.expires_in * 1000), source };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? '';
}
