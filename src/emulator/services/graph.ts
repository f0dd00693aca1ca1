// Microsoft Graph (graph.microsoft.com/v1.0), the directory look-ups az and the SDKs make: az role
// assignment create --assignee resolves the assignee with `servicePrincipals?$filter=
// servicePrincipalNames/any(c:c eq '<id>')`, then (a user principal name) `users?$filter=
// userPrincipalName eq '…'`, then `POST directoryObjects/getByIds` (azure-cli role/custom.py
// _resolve_object_id_and_type, _get_object_stubs); an unknown one ends in az's own "Cannot find user
// or service principal in graph database". Objects come from directory.ts. Reading the directory
// needs a user token or an application permission (Directory.Read.All and friends): a managed
// identity has none, and Graph answers 403 Authorization_RequestDenied. Anything else on Graph is
// not emulated.
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext, TokenClaims } from '../types.ts';
import { directoryObject, directoryObjects, type DirectoryObject } from '../directory.ts';
import { header, jsonResponse } from '../respond.ts';
import { notEmulatedResponse } from '../router.ts';
import { describeEncodingProblem, encodingProblem } from './percent-encoding.ts';
import { issuerFor } from '../tokens.ts';

const HOST = 'graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const AUDIENCES = new Set(['https://graph.microsoft.com', 'https://graph.microsoft.com/', GRAPH_APP_ID]);
const CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const CONTEXT = 'https://graph.microsoft.com/v1.0/$metadata';
/** Application permissions that let a service principal read these objects. */
const READ_ROLES: Record<DirectoryObject['kind'], readonly string[]> = {
  user: ['Directory.Read.All', 'Directory.ReadWrite.All', 'User.Read.All', 'User.ReadWrite.All'],
  servicePrincipal: ['Directory.Read.All', 'Directory.ReadWrite.All', 'Application.Read.All', 'Application.ReadWrite.All'],
};

function graphHeaders(req: EmulatorRequest): Record<string, string> {
  return { 'content-type': CONTENT_TYPE, 'odata-version': '4.0', 'request-id': req.requestId, 'client-request-id': header(req, 'client-request-id') ?? req.requestId, 'cache-control': 'no-cache' };
}

/**
 * Graph's error envelope with its innerError (date, request-id, client-request-id). Texts seen from
 * the service: "Access token validation failure. Invalid audience." (microsoftgraph/
 * microsoft-graph-docs#16208), "Access token is empty." (microsoftgraph/msgraph-sample-reactspa#54),
 * 403 Authorization_RequestDenied "Insufficient privileges to complete the operation." (az's own
 * traceback in Azure/OpenShift#219), 404 Request_ResourceNotFound "Resource '…' does not exist or one
 * of its queried reference-property objects are not present." (Azure/azure-powershell#18179), 400
 * BadRequest "/me request is only valid with delegated authentication flow." (az ad signed-in-user
 * show as a service principal).
 */
function graphError(req: EmulatorRequest, now: Date, status: number, code: string, message: string): EmulatorResponse {
  const h = graphHeaders(req);
  return jsonResponse(status, { error: { code, message, innerError: { date: now.toISOString().replace(/\.\d{3}Z$/, ''), 'request-id': h['request-id'], 'client-request-id': h['client-request-id'] } } }, h);
}

type Caller = { ok: true; claims: TokenClaims } | { ok: false; response: EmulatorResponse };

async function authenticate(req: EmulatorRequest, ctx: ServiceContext): Promise<Caller> {
  const now = ctx.now();
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header(req, 'authorization') ?? '');
  // The expired and bad-signature texts are not documented; they follow the form of the two that are.
  if (m === null) return { ok: false, response: graphError(req, now, 401, 'InvalidAuthenticationToken', 'Access token is empty.') };
  const check = await ctx.tokens.verify(m[1]!);
  if (!check.ok && check.reason === 'missing-claim') return { ok: false, response: notEmulatedResponse(`Microsoft Graph (a token without the "${check.claim}" claim)`, req.requestId) };
  if (!check.ok) {
    const text = check.reason === 'expired' ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure.';
    return { ok: false, response: graphError(req, now, 401, 'InvalidAuthenticationToken', text) };
  }
  if (!AUDIENCES.has(check.claims.aud)) return { ok: false, response: graphError(req, now, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.') };
  if (check.claims.tid !== ctx.state.data.tenantId || check.claims.iss !== issuerFor(ctx.state.data.tenantId)) return { ok: false, response: graphError(req, now, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid issuer.') };
  return { ok: true, claims: check.claims };
}

/** Users read the directory by default; an application needs one of the read permissions. */
function mayRead(ctx: ServiceContext, claims: TokenClaims, kind: DirectoryObject['kind']): boolean {
  if (claims.idtyp === 'user') return true;
  const self = directoryObject(ctx.state, claims.oid);
  return self !== undefined && self.appRoles.some((r) => READ_ROLES[kind].includes(r));
}

/** The one-clause filters az and the SDKs send; undefined for anything else. */
function parseFilter(filter: string): { property: string; value: string } | undefined {
  const any = /^\s*servicePrincipalNames\/any\((\w+):\1\s+eq\s+'((?:[^']|'')*)'\)\s*$/i.exec(filter);
  if (any !== null) return { property: 'servicePrincipalNames', value: any[2]!.replace(/''/g, "'") };
  const eq = /^\s*(appId|displayName|userPrincipalName|id)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (eq !== null) return { property: eq[1]!, value: eq[2]!.replace(/''/g, "'") };
  return undefined;
}

function matches(o: DirectoryObject, f: { property: string; value: string }): boolean {
  const v = f.value.toLowerCase();
  if (f.property === 'servicePrincipalNames') return ((o.body.servicePrincipalNames as string[] | undefined) ?? []).some((n) => n.toLowerCase() === v);
  const prop = Object.keys(o.body).find((k) => k.toLowerCase() === f.property.toLowerCase());
  return prop !== undefined && String(o.body[prop]).toLowerCase() === v;
}

function collection(req: EmulatorRequest, ctx: ServiceContext, claims: TokenClaims, kind: DirectoryObject['kind']): EmulatorResponse {
  const set = kind === 'user' ? 'users' : 'servicePrincipals';
  if (!mayRead(ctx, claims, kind)) return graphError(req, ctx.now(), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  const filterText = req.url.searchParams.get('$filter');
  const extra = [...req.url.searchParams.keys()].filter((k) => k !== '$filter');
  if (filterText === null || extra.length > 0) return notEmulatedResponse(`Microsoft Graph ${set} list without a $filter or with ${extra.join(', ')}`, req.requestId);
  const filter = parseFilter(filterText);
  if (filter === undefined) return notEmulatedResponse(`Microsoft Graph $filter '${filterText}'`, req.requestId);
  const value = directoryObjects(ctx.state).filter((o) => o.kind === kind && matches(o, filter)).map((o) => o.body);
  return jsonResponse(200, { '@odata.context': `${CONTEXT}#${set}`, value }, graphHeaders(req));
}

function single(req: EmulatorRequest, ctx: ServiceContext, claims: TokenClaims, kind: DirectoryObject['kind'] | 'directoryObject', key: string): EmulatorResponse {
  const wanted = key.toLowerCase();
  const found = directoryObjects(ctx.state).find((o) => (kind === 'directoryObject' || o.kind === kind) && (o.id.toLowerCase() === wanted || String(o.body.userPrincipalName ?? '').toLowerCase() === wanted));
  const readKind = found?.kind ?? (kind === 'directoryObject' ? 'servicePrincipal' : kind);
  if (!mayRead(ctx, claims, readKind)) return graphError(req, ctx.now(), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  if (found === undefined) return graphError(req, ctx.now(), 404, 'Request_ResourceNotFound', `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
  const set = found.kind === 'user' ? 'users' : 'servicePrincipals';
  const typed = kind === 'directoryObject' ? { '@odata.type': `#microsoft.graph.${found.kind}` } : {};
  return jsonResponse(200, { '@odata.context': `${CONTEXT}#${kind === 'directoryObject' ? 'directoryObjects' : set}/$entity`, ...typed, ...found.body }, graphHeaders(req));
}

/** POST /directoryObjects/getByIds: the known ones among `ids`, each with its @odata.type; unknown ids are left out. */
function getByIds(req: EmulatorRequest, ctx: ServiceContext, claims: TokenClaims): EmulatorResponse {
  let body: { ids?: unknown; types?: unknown };
  try {
    body = JSON.parse(req.body.toString('utf8')) as { ids?: unknown; types?: unknown };
  } catch {
    return notEmulatedResponse('Microsoft Graph getByIds with a body that is not JSON', req.requestId);
  }
  if (!Array.isArray(body.ids) || body.ids.some((i) => typeof i !== 'string')) return notEmulatedResponse('Microsoft Graph getByIds without an ids array of strings', req.requestId);
  const types = Array.isArray(body.types) ? (body.types as unknown[]).map((t) => String(t).toLowerCase()) : undefined;
  const wanted = new Set((body.ids as string[]).map((i) => i.toLowerCase()));
  const found = directoryObjects(ctx.state).filter((o) => wanted.has(o.id.toLowerCase()) && (types === undefined || types.includes(o.kind.toLowerCase())));
  if (found.some((o) => !mayRead(ctx, claims, o.kind)) || (found.length === 0 && !mayRead(ctx, claims, 'servicePrincipal'))) {
    return graphError(req, ctx.now(), 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }
  return jsonResponse(200, { '@odata.context': `${CONTEXT}#directoryObjects`, value: found.map((o) => ({ '@odata.type': `#microsoft.graph.${o.kind}`, ...o.body })) }, graphHeaders(req));
}

export const graphService: Service = {
  name: 'graph',
  matchHost: (host) => host === HOST,
  async handle(req, ctx) {
    if (!req.secure) return notEmulatedResponse('Microsoft Graph over plain HTTP', req.requestId);
    const encoding = encodingProblem(req.url.pathname);
    if (encoding !== undefined) return notEmulatedResponse(`Microsoft Graph (${describeEncodingProblem(encoding, 'path')})`, req.requestId);
    const segs = req.url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (segs[0] !== 'v1.0') return notEmulatedResponse(`Microsoft Graph ${req.method} ${req.url.pathname} (only v1.0 directory look-ups are modelled)`, req.requestId);
    const auth = await authenticate(req, ctx);
    if (!auth.ok) return auth.response;
    const { claims } = auth;
    const [, set, key, ...rest] = segs;
    const m = req.method.toUpperCase();
    if (m === 'GET' && set === 'me' && key === undefined) {
      // Graph's answer to /me with an application token.
      if (claims.idtyp !== 'user') return graphError(req, ctx.now(), 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      return single(req, ctx, claims, 'user', claims.oid);
    }
    if (m === 'GET' && rest.length === 0 && (set === 'servicePrincipals' || set === 'users')) {
      const kind = set === 'users' ? 'user' : 'servicePrincipal';
      return key === undefined ? collection(req, ctx, claims, kind) : single(req, ctx, claims, kind, key);
    }
    if (m === 'GET' && set === 'directoryObjects' && key !== undefined && key !== 'getByIds' && rest.length === 0) return single(req, ctx, claims, 'directoryObject', key);
    if (m === 'POST' && set === 'directoryObjects' && key === 'getByIds' && rest.length === 0) return getByIds(req, ctx, claims);
    return notEmulatedResponse(`Microsoft Graph ${req.method} ${req.url.pathname}`, req.requestId);
  },
};
