// Off an Azure VM there is no IMDS. The live target answers the tutorials' IMDS requests itself, on
// a loopback listener the connector sends 169.254.169.254 to: it checks the request as IMDS would
// (Metadata header, api-version, resource), gets a token for the requested resource from the
// configured token source, and answers in IMDS's shape — with a header saying it was substituted
// and by what, which the runner copies into the step's observation for the report.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { SUBSTITUTION_HEADER } from './substitution.ts';
import { substitutionNote } from './tokens/index.ts';
import type { AccessToken, TokenRequest, TokenSource } from './tokens/types.ts';

export { SUBSTITUTION_HEADER };

export interface ImdsSubstitute {
  address: string;
  port: number;
  /** Requests answered (for tests and the console). */
  readonly served: number;
  close(): Promise<void>;
}

/** The IMDS token response body for a token, every field a string as IMDS sends them. */
export function imdsTokenBody(token: AccessToken, req: TokenRequest, now: Date = new Date()): Record<string, string> {
  const claims = safeClaims(token.accessToken);
  // IMDS's expires_on is the token's own exp; the token source's expiresOn is reckoned from when it
  // asked (Entra's expires_in), which can fall a second short of exp and read as drift.
  const expiresOn = typeof claims.exp === 'number' ? claims.exp : Math.floor(token.expiresOn.getTime() / 1000);
  const nowS = Math.floor(now.getTime() / 1000);
  const notBefore = typeof claims.nbf === 'number' ? claims.nbf : nowS;
  return {
    access_token: token.accessToken,
    client_id: typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : (req.clientId ?? ''),
    expires_in: String(Math.max(0, expiresOn - nowS)),
    expires_on: String(expiresOn),
    ext_expires_in: String(Math.max(0, expiresOn - nowS)),
    not_before: String(notBefore),
    resource: req.resource,
    token_type: 'Bearer',
  };
}

function safeClaims(token: string): Record<string, unknown> {
  try {
    return decodeJwt(token);
  } catch {
    return {};
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  // Header values must be printable ASCII; a resource string from the page may not be.
  for (const [k, v] of Object.entries(headers)) headers[k] = v.replace(/[^\x20-\x7e]/g, '?');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), server: 'IMDS/substitute', ...headers }).end(text);
}

export async function startImdsSubstitute(tokens: TokenSource): Promise<ImdsSubstitute> {
  let served = 0;
  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://169.254.169.254');
    const path = url.pathname.replace(/\/+$/, '');
    if (req.headers['x-forwarded-for'] !== undefined) return json(res, 400, { error: 'invalid_request', error_description: 'X-Forwarded-For header is not allowed' });
    if (path !== '/metadata/identity/oauth2/token') {
      const note = `only the identity token endpoint is substituted off a VM; ${path || '/'} has no substitute`;
      return json(res, 404, { error: 'not_found', error_description: note }, { [SUBSTITUTION_HEADER]: note });
    }
    if (req.method !== 'GET') return json(res, 405, { error: 'method_not_allowed', error_description: 'Only GET is supported' });
    if (req.headers.metadata !== 'true') return json(res, 400, { error: 'invalid_request', error_description: 'Required metadata header not specified' });
    if (!url.searchParams.get('api-version')) return json(res, 400, { error: 'invalid_request', error_description: 'Required query variable \'api-version\' is missing' });
    const resource = url.searchParams.get('resource');
    if (!resource) return json(res, 400, { error: 'invalid_request', error_description: 'Required query variable \'resource\' is missing' });
    const clientId = url.searchParams.get('client_id') ?? undefined;
    const request: TokenRequest = { resource, ...(clientId !== undefined ? { clientId } : {}) };
    const note = substitutionNote(tokens.kind, request) ?? 'IMDS substituted';
    try {
      const token = await tokens.getToken(request);
      served += 1;
      json(res, 200, imdsTokenBody(token, request), { [SUBSTITUTION_HEADER]: note });
    } catch (err) {
      // The token source's own failure, in IMDS's error envelope (its message names the setting to fix).
      json(res, 400, { error: 'invalid_request', error_description: (err as Error).message }, { [SUBSTITUTION_HEADER]: note });
    }
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => void handler(req, res).catch(() => res.destroy()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: '127.0.0.1',
    port,
    get served() {
      return served;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
