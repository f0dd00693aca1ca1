// Azure Instance Metadata Service, managed-identity token endpoint (http://169.254.169.254).
// Behaviour follows azure-behavior.md §1: GET only, `Metadata: true` exactly, no X-Forwarded-For,
// api-version from IMDS's list and ≥ 2018-02-01 for identity, one identity selector at most,
// all-string fields in the order real IMDS sends them, `resource` echoed as requested, ~24 h tokens
// cached per identity and resource (as IMDS does, so `expires_in` counts down).
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from '../types.ts';
import { vmIdentities, type VmIdentity } from '../state.ts';
import { duplicateNames, header, jsonResponse, queryPairs, queryValue } from '../respond.ts';
import { isKnownResource, resourceNotFoundText } from '../resource-principals.ts';
import { notEmulatedResponse } from '../router.ts';
import { issueCached } from '../token-cache.ts';
import { instanceMetadata } from './imds-instance.ts';

/** IMDS api-versions, newest first (learn.microsoft.com instance-metadata-service "Supported API versions"). */
export const IMDS_API_VERSIONS = [
  '2025-04-07', '2024-07-17', '2024-03-15', '2023-11-15', '2023-07-01', '2021-12-13', '2021-11-15', '2021-11-01', '2021-10-01', '2021-08-01',
  '2021-05-01', '2021-03-01', '2021-02-01', '2021-01-01', '2020-12-01', '2020-10-01', '2020-09-01', '2020-07-15', '2020-06-01', '2019-11-01',
  '2019-08-15', '2019-08-01', '2019-06-04', '2019-06-01', '2019-04-30', '2019-03-11', '2019-02-01', '2018-10-01', '2018-04-02', '2018-02-01',
  '2017-12-01', '2017-10-01', '2017-08-01', '2017-04-02', '2017-03-01',
] as const;
/** The identity category exists from this version on. */
const IDENTITY_MIN_API_VERSION = '2018-02-01';

const SERVER = 'IMDS/150.870.65.512';
const IMDS_HOSTS = new Set(['169.254.169.254', '127.0.0.1', 'localhost', '[::1]']);

function identityError(status: number, error: string, description: string): EmulatorResponse {
  return jsonResponse(status, { error, error_description: description }, { server: SERVER });
}

function apiVersionError(): EmulatorResponse {
  return jsonResponse(
    400,
    { error: 'Bad request. api-version is invalid or was not specified in the request. For more information refer to aka.ms/azureimds', 'newest-versions': IMDS_API_VERSIONS.slice(0, 3) },
    { server: SERVER },
  );
}

/** The shared front checks of every IMDS request (security headers), in the order IMDS applies them. */
function securityCheck(req: EmulatorRequest): EmulatorResponse | undefined {
  if (req.headers['x-forwarded-for'] !== undefined) {
    // IMDS refuses proxied requests (SSRF mitigation). The status is not documented; 400 invalid_request is the natural reading.
    return identityError(400, 'invalid_request', 'Request contains X-Forwarded-For header; IMDS must be called directly, not through a proxy');
  }
  if (header(req, 'metadata') !== 'true') return identityError(400, 'invalid_request', 'Required metadata header not specified');
  return undefined;
}

function selectIdentity(ids: VmIdentity[], pairs: [string, string][]): VmIdentity | EmulatorResponse {
  const clientId = queryValue(pairs, 'client_id');
  const objectId = queryValue(pairs, 'object_id');
  const resId = queryValue(pairs, 'msi_res_id') ?? queryValue(pairs, 'mi_res_id');
  const given = [clientId, objectId, resId].filter((v) => v !== undefined);
  if (given.length > 1) return identityError(400, 'invalid_request', 'Only one of client_id, object_id and msi_res_id may be specified');
  const pick = (found: VmIdentity | undefined): VmIdentity | EmulatorResponse => found ?? identityError(400, 'invalid_request', 'Identity not found');
  if (clientId !== undefined) return pick(ids.find((i) => i.clientId.toLowerCase() === clientId.toLowerCase()));
  if (objectId !== undefined) return pick(ids.find((i) => i.principalId.toLowerCase() === objectId.toLowerCase()));
  if (resId !== undefined) return pick(ids.find((i) => i.resourceId.toLowerCase() === resId.toLowerCase()));
  const system = ids.find((i) => i.kind === 'system');
  if (system !== undefined) return system;
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) return identityError(400, 'invalid_request', 'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request');
  return identityError(400, 'invalid_request', 'Identity not found');
}

async function token(req: EmulatorRequest, ctx: ServiceContext): Promise<EmulatorResponse> {
  if (req.method !== 'GET') return identityError(405, 'method_not_allowed', `The requested HTTP method ${req.method} is not supported; IMDS accepts GET only`);
  const refused = securityCheck(req);
  if (refused !== undefined) return refused;
  const pairs = queryPairs(req.rawTarget);
  const dups = duplicateNames(pairs);
  if (dups.length > 0) return identityError(400, 'invalid_request', `Duplicate query parameter(s) not allowed: ${dups.join(', ')}`);
  const apiVersion = queryValue(pairs, 'api-version');
  if (apiVersion === undefined || !(IMDS_API_VERSIONS as readonly string[]).includes(apiVersion) || apiVersion < IDENTITY_MIN_API_VERSION) return apiVersionError();
  const resource = queryValue(pairs, 'resource');
  if (resource === undefined || resource === '') return identityError(400, 'invalid_request', "Required query variable 'resource' is missing");
  const bypass = queryValue(pairs, 'bypass_cache');
  if (bypass !== undefined && bypass !== 'true') return identityError(400, 'invalid_request', "Query parameter 'bypass_cache' only accepts the value 'true'");
  const picked = selectIdentity(vmIdentities(ctx.state), pairs);
  if ('status' in picked) return picked;
  const now = ctx.now();
  if (!isKnownResource(resource)) return identityError(400, 'invalid_resource', resourceNotFoundText(resource, ctx.state.data.tenantId, now));
  const issued = await issueCached(ctx, { principalId: picked.principalId, clientId: picked.clientId, resource, miResourceId: picked.resourceId }, bypass === 'true');
  const nowS = Math.floor(now.getTime() / 1000);
  const exp = issued.claims.exp as number;
  const iat = issued.claims.iat as number;
  // Field order and all-string values as captured from real IMDS (azure-behavior.md §1.2).
  return jsonResponse(
    200,
    {
      access_token: issued.token,
      client_id: picked.clientId,
      expires_in: String(exp - nowS),
      expires_on: String(exp),
      ext_expires_in: String(exp - iat),
      not_before: String(issued.claims.nbf),
      resource,
      token_type: 'Bearer',
    },
    { server: SERVER },
  );
}

export const imdsService: Service = {
  name: 'imds',
  // 169.254.169.254, or the loopback address an SDK is pointed at (AZURE_POD_IDENTITY_AUTHORITY_HOST).
  matchHost: (host, port) => IMDS_HOSTS.has(host) && port !== 50342,
  async handle(req, ctx) {
    if (req.secure) return notEmulatedResponse('IMDS over HTTPS (IMDS is plain HTTP on 169.254.169.254:80)', req.requestId);
    const path = req.url.pathname.replace(/\/+$/, '');
    if (path === '/metadata/identity/oauth2/token') return token(req, ctx);
    if (path === '/metadata/identity/info') {
      const refused = securityCheck(req);
      if (refused !== undefined) return refused;
      return jsonResponse(200, { tenantId: ctx.state.data.tenantId }, { server: SERVER });
    }
    if (path === '/metadata/instance' || path.startsWith('/metadata/instance/')) {
      const plain = (status: number, text: string): EmulatorResponse => jsonResponse(status, { error: text }, { server: SERVER });
      if (req.method !== 'GET') return plain(405, 'Not allowed');
      const refused = securityCheck(req);
      if (refused !== undefined) return refused;
      const pairs = queryPairs(req.rawTarget);
      if (duplicateNames(pairs).length > 0) return plain(400, 'Bad request. Duplicate query parameters are not allowed');
      const apiVersion = queryValue(pairs, 'api-version');
      if (apiVersion === undefined || !(IMDS_API_VERSIONS as readonly string[]).includes(apiVersion)) return apiVersionError();
      return instanceMetadata(req, ctx, apiVersion, plain);
    }
    return notEmulatedResponse(`IMDS ${req.method} ${req.url.pathname}`, req.requestId);
  },
};
