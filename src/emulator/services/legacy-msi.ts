// The 2017 managed-identity VM extension endpoint (http://localhost:50342/oauth2/token), deprecated
// in 2019. A VM today has nothing listening there, so the emulator refuses the connection unless the
// scenario turns the endpoint on; then it answers as the extension did (azure-behavior.md §1.6):
// GET with a query or POST with a form body, `Metadata: true`, no api-version, all-string fields
// including an empty `refresh_token`, and AAD's one-hour tokens of that era.
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from '../types.ts';
import { vmIdentities } from '../state.ts';
import { header, jsonResponse, mediaType, queryPairs, queryValue } from '../respond.ts';
import { isKnownResource, resourceNotFoundText } from '../resource-principals.ts';
import { notEmulatedResponse } from '../router.ts';
import { issueCached } from '../token-cache.ts';

const LEGACY_TOKEN_LIFETIME_SECONDS = 3600;
export const LEGACY_MSI_PORT = 50342;

function error(status: number, code: string, description: string): EmulatorResponse {
  return jsonResponse(status, { error: code, error_description: description });
}

function params(req: EmulatorRequest): [string, string][] {
  const fromQuery = queryPairs(req.rawTarget);
  if (req.method === 'POST' && req.body.length > 0 && (mediaType(req) === 'application/x-www-form-urlencoded' || mediaType(req) === '')) {
    return [...fromQuery, ...new URLSearchParams(req.body.toString('utf8')).entries()];
  }
  return fromQuery;
}

async function token(req: EmulatorRequest, ctx: ServiceContext): Promise<EmulatorResponse> {
  if (req.method !== 'GET' && req.method !== 'POST') return error(405, 'invalid_request', `HTTP method ${req.method} is not supported`);
  if (header(req, 'metadata') !== 'true') return error(400, 'invalid_request', 'Required metadata header not specified');
  const pairs = params(req);
  const resource = queryValue(pairs, 'resource');
  if (resource === undefined || resource === '') return error(400, 'invalid_request', "Required parameter 'resource' is missing");
  const ids = vmIdentities(ctx.state);
  const clientId = queryValue(pairs, 'client_id');
  const identity = clientId !== undefined ? ids.find((i) => i.clientId.toLowerCase() === clientId.toLowerCase()) : (ids.find((i) => i.kind === 'system') ?? (ids.length === 1 ? ids[0] : undefined));
  if (identity === undefined) return error(400, 'invalid_request', 'Identity not found');
  if (!isKnownResource(resource)) return error(400, 'invalid_resource', resourceNotFoundText(resource, ctx.state.data.tenantId, ctx.now()));
  const issued = await issueCached(ctx, {
    principalId: identity.principalId,
    clientId: identity.clientId,
    resource,
    miResourceId: identity.resourceId,
    lifetimeSeconds: LEGACY_TOKEN_LIFETIME_SECONDS,
  });
  const nowS = Math.floor(ctx.now().getTime() / 1000);
  const exp = issued.claims.exp as number;
  return jsonResponse(200, {
    access_token: issued.token,
    refresh_token: '',
    expires_in: String(exp - nowS),
    expires_on: String(exp),
    not_before: String(issued.claims.nbf),
    resource,
    token_type: 'Bearer',
  });
}

export const legacyMsiService: Service = {
  name: 'legacy-msi',
  matchHost: (host, port) => (host === 'localhost' || host === '127.0.0.1') && port === LEGACY_MSI_PORT,
  async handle(req, ctx) {
    // Nothing listens on a VM today: drop the connection rather than answer.
    if (!ctx.state.data.legacyMsiEndpoint) return { status: 0, headers: {}, reset: true };
    if (req.url.pathname.replace(/\/+$/, '') === '/oauth2/token') return token(req, ctx);
    return notEmulatedResponse(`legacy MSI endpoint ${req.method} ${req.url.pathname}`, req.requestId);
  },
};
