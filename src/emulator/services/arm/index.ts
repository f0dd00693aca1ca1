// Azure Resource Manager (management.azure.com). The stages run in this order, as ARM's front door
// applies them (azure-behavior.md §3):
//   length (411) → authentication (401) → subscription id well-formed (400) → route → api-version
//   (400) → subscription (404) → media type and body (415/400) → authorization (403) → group being
//   deleted (409) → the operation (existence 404, then work)
// Authorization comes before existence: a caller without rights learns nothing about what exists.
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from '../../types.ts';
import { header, mediaType, queryPairs, queryValue } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { API_VERSIONS } from './api-versions.ts';
import { authenticate } from './auth.ts';
import { armErrorResponse, armErrors, type ArmError } from './errors.ts';
import { matchTemplate, isArmError, type ArmCall, type ArmRoute } from './route.ts';
import { resourceGroupRoutes } from './resource-groups.ts';
import { storageAccountRoutes } from './storage-accounts.ts';
import { userAssignedIdentityRoutes } from './user-assigned-identities.ts';
import { virtualMachineRoutes } from './virtual-machines.ts';
import { roleAssignmentRoutes } from './role-assignments.ts';
import { roleDefinitionRoutes } from './role-definitions.ts';
import { provisioningRoutes } from './provisioning.ts';
import { subscriptionRoutes, isSubscriptionId } from './subscriptions.ts';
import { providerRoutes } from './providers.ts';
import { listRoutes } from './lists.ts';
import { tagRoutes } from './tags.ts';
import { roleAssignmentListRoutes } from './role-assignment-list.ts';
import { settleOperations } from './lro.ts';
import { webPlanRoutes } from './web-plans.ts';
import { webSiteRoutes } from './web-sites.ts';
import { isGroupDeleting } from './resource-groups.ts';

const ROUTES: readonly ArmRoute[] = [
  ...subscriptionRoutes,
  ...providerRoutes,
  ...listRoutes,
  ...tagRoutes,
  ...roleAssignmentListRoutes,
  ...resourceGroupRoutes,
  ...storageAccountRoutes,
  ...userAssignedIdentityRoutes,
  ...virtualMachineRoutes,
  ...roleAssignmentRoutes,
  ...roleDefinitionRoutes,
  ...provisioningRoutes,
  ...webPlanRoutes,
  ...webSiteRoutes,
];

// management.core.windows.net is the classic Service Management API, not ARM: it gets the not-emulated answer.
const HOSTS = new Set(['management.azure.com']);
const JSON_TYPES = new Set(['application/json', 'text/json']);

/** IIS's answer to a body-less POST/PUT without Content-Length (azure-behavior.md §3.1), before ARM sees it. */
function lengthRequired(): EmulatorResponse {
  return {
    status: 411,
    statusText: 'Length Required',
    headers: { 'content-type': 'text/html; charset=us-ascii', server: 'Microsoft-HTTPAPI/2.0' },
    body:
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n' +
      '<HTML><HEAD><TITLE>Length Required</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n' +
      '<BODY><h2>Length Required</h2>\r\n<hr><p>HTTP Error 411. The request must be chunked or have a content length.</p>\r\n</BODY></HTML>\r\n',
  };
}

function baseHeaders(req: EmulatorRequest, now: Date, location: string): Record<string, string> {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return {
    'cache-control': 'no-cache',
    pragma: 'no-cache',
    expires: '-1',
    'x-ms-request-id': req.requestId,
    'x-ms-correlation-request-id': header(req, 'x-ms-correlation-request-id') ?? req.requestId,
    'x-ms-routing-request-id': `${location.toUpperCase()}:${stamp}:${req.requestId}`,
    'strict-transport-security': 'max-age=31536000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    // ARM reports the caller's remaining quota on every answer (reads for GET/HEAD, writes otherwise).
    ...(req.method === 'GET' || req.method === 'HEAD' ? { 'x-ms-ratelimit-remaining-subscription-reads': '11999' } : { 'x-ms-ratelimit-remaining-subscription-writes': '1199' }),
    ...(header(req, 'x-ms-client-request-id') !== undefined ? { 'x-ms-client-request-id': header(req, 'x-ms-client-request-id')! } : {}),
  };
}

/** Decoded path segments without empty ones (a trailing slash is accepted, as ARM does). */
function segmentsOf(req: EmulatorRequest): string[] | undefined {
  const rawPath = req.rawTarget.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?')[0] ?? '/';
  try {
    return rawPath.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** The scope an action is checked at by default: the path without a trailing action segment (listKeys). */
function defaultScope(segments: string[], route: ArmRoute): string {
  const templateLen = route.template.split('/').filter(Boolean).length;
  const actionSegment = route.method === 'POST' && segments.length === templateLen && !route.template.endsWith('}');
  return '/' + (actionSegment ? segments.slice(0, -1) : segments).join('/');
}

async function handle(req: EmulatorRequest, ctx: ServiceContext): Promise<EmulatorResponse> {
  const now = ctx.now();
  const base = baseHeaders(req, now, ctx.state.data.location);
  const fail = (e: ArmError): EmulatorResponse => armErrorResponse(e, base);

  if (!req.secure) return notEmulatedResponse('Resource Manager over plain HTTP (ARM is HTTPS only)', req.requestId);
  if (['POST', 'PUT', 'PATCH'].includes(req.method) && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return lengthRequired();

  const auth = await authenticate(req, ctx);
  if (!auth.ok) return fail(auth.error);

  const segments = segmentsOf(req);
  // ARM's answer to a path it cannot decode is not documented.
  if (segments === undefined) return notEmulatedResponse('Resource Manager (malformed percent-encoding in the path)', req.requestId);
  // ARM drops empty segments, so an unset $SUBSCRIPTION_ID makes the next segment the id.
  if (segments[0]?.toLowerCase() === 'subscriptions' && segments[1] !== undefined && !isSubscriptionId(segments[1])) return fail(armErrors.invalidSubscriptionId(segments[1]));
  settleOperations(ctx.state, now);
  let route: ArmRoute | undefined;
  let params: Record<string, string> | undefined;
  for (const r of ROUTES) {
    if (r.method !== req.method) continue;
    params = matchTemplate(r.template, segments);
    if (params !== undefined) {
      route = r;
      break;
    }
  }
  if (route === undefined || params === undefined) return notEmulatedResponse(`Resource Manager ${req.method} ${req.url.pathname}`, req.requestId);

  const pairs = queryPairs(req.rawTarget);
  const apiVersion = queryValue(pairs, 'api-version');
  const rule = API_VERSIONS[route.resourceType];
  if (apiVersion === undefined || apiVersion === '') return fail(armErrors.missingApiVersion());
  if (!rule.versions.includes(apiVersion)) {
    return fail(rule.armNative ? armErrors.invalidApiVersion(apiVersion, rule.versions) : armErrors.noRegisteredProvider(ctx.state.data.location, apiVersion, rule.typeName, rule.versions));
  }

  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec('/' + segments.join('/'))?.[1];
  if (subscriptionId !== undefined && subscriptionId.toLowerCase() !== ctx.state.data.subscriptionId.toLowerCase()) return fail(armErrors.subscriptionNotFound(subscriptionId));

  let body: unknown;
  if (req.body.length > 0) {
    const type = mediaType(req);
    // ARM names a missing Content-Type '<null>' (Azure/azure-cli#32972).
    if (!JSON_TYPES.has(type)) return fail(armErrors.unsupportedMediaType(header(req, 'content-type') === undefined ? '<null>' : type));
    try {
      body = JSON.parse(req.body.toString('utf8'));
    } catch (err) {
      return fail(armErrors.invalidRequestContent(err instanceof Error ? err.message : String(err)));
    }
  }

  const path = '/' + segments.join('/');
  const scope = route.scope?.(params, path) ?? defaultScope(segments, route);
  const { claims } = auth;
  const allowed =
    route.access === 'open' ||
    ctx.rbac.checkAction(claims.oid, route.action, scope).allowed ||
    (route.access === 'filtered' && ctx.rbac.grantedWithin(claims.oid, route.action, scope));
  if (!allowed) return fail(armErrors.authorizationFailed(claims.appid, claims.oid, route.action, scope));

  const group = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/./i.exec(path)?.[1];
  if (req.method !== 'GET' && group !== undefined && isGroupDeleting(ctx.state, group)) return fail(armErrors.resourceGroupBeingDeleted(group));

  const allowedAt = (at: string, action = route.action): boolean => ctx.rbac.checkAction(claims.oid, action, at).allowed;
  const call: ArmCall = { req, ctx, params, path, apiVersion, caller: claims, body, baseHeaders: base, allowedAt };
  const result = await route.handle(call);
  return isArmError(result) ? fail(result) : { ...result, headers: { ...base, ...result.headers } };
}

export const armService: Service = {
  name: 'arm',
  matchHost: (host) => HOSTS.has(host),
  handle,
};
