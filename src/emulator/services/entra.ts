// Microsoft Entra ID token endpoints (login.microsoftonline.com, login.windows.net), for the live
// path's client-credentials sign-in and the CLI principal: v2 `/{tenant}/oauth2/v2.0/token` with a
// client secret or a client assertion, v1 `/{tenant}/oauth2/token` with `resource`, OpenID metadata
// and the signing keys. A client assertion must be an RS256/ES256 JWT signed by a key listed in the
// principal's `assertionKeys` (a JWKS in the scenario: that is how the scenario says whom the
// principal trusts), with iss = sub = client_id, the token endpoint as `aud`, and a valid `exp`.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet } from 'jose';
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from '../types.ts';
import { header, jsonResponse, mediaType } from '../respond.ts';
import { isKnownResource, resourceNotFoundText } from '../resource-principals.ts';
import { notEmulatedResponse } from '../router.ts';
import { decodeOrUndefined } from './percent-encoding.ts';
import { ENTRA_HOSTS, MULTI_TENANT, instanceDiscovery, openIdConfiguration } from './entra-metadata.ts';
import type { Scenario } from '../scenario.ts';

const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const APP_TOKEN_LIFETIME_SECONDS = 3599;

type Principal = Scenario['principals'][number];

function aadTimestamp(now: Date): string {
  return now.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

function aadError(ctx: ServiceContext, status: number, error: string, code: number, text: string): EmulatorResponse {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const now = ctx.now();
  return jsonResponse(
    status,
    {
      error,
      error_description: `AADSTS${code}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${aadTimestamp(now)}`,
      error_codes: [code],
      timestamp: aadTimestamp(now),
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
    { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
  );
}

const missingParameter = (ctx: ServiceContext, name: string): EmulatorResponse =>
  aadError(ctx, 400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);

function secretsEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function checkAssertion(ctx: ServiceContext, p: Principal, assertion: string, endpoint: string): Promise<EmulatorResponse | undefined> {
  if (p.assertionKeys === undefined || p.assertionKeys.length === 0) {
    return aadError(ctx, 401, 'invalid_client', 700027, `Client assertion failed signature validation. No key is registered for application '${p.clientId}' (scenario principal has no assertionKeys).`);
  }
  const jwks = createLocalJWKSet({ keys: p.assertionKeys } as unknown as JSONWebKeySet);
  try {
    const { payload } = await jwtVerify(assertion, jwks, { algorithms: ['RS256', 'ES256'], currentDate: ctx.now() });
    const tenant = ctx.state.data.tenantId;
    if (p.federatedIssuer !== undefined && payload.iss === p.federatedIssuer) return checkFederated(ctx, p, payload);
    const accepted = [endpoint, `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, `https://login.microsoftonline.com/${tenant}/oauth2/token`, `https://login.microsoftonline.com/${tenant}/v2.0`];
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!aud.some((a) => a !== undefined && accepted.includes(a))) {
      return aadError(ctx, 401, 'invalid_client', 700212, `No matching federated identity record found for presented assertion audience '${aud.join(',')}'.`);
    }
    if (payload.iss !== p.clientId || payload.sub !== p.clientId) {
      return aadError(ctx, 401, 'invalid_client', 700021, `Client assertion application identifier doesn't match 'client_id' parameter.`);
    }
    if (payload.exp === undefined) return aadError(ctx, 401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
    return undefined;
  } catch (err) {
    if (err instanceof joseErrors.JWTExpired || (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'nbf')) {
      return aadError(ctx, 401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
    }
    if (err instanceof joseErrors.JOSEError || err instanceof TypeError) return aadError(ctx, 401, 'invalid_client', 700027, 'Client assertion failed signature validation.');
    throw err;
  }
}

/**
 * Workload identity federation (GitHub Actions OIDC and the like): the assertion is the external
 * issuer's token, signed by a key in `assertionKeys`; Entra matches its issuer, subject and the
 * audience api://AzureADTokenExchange against the app's federated credential.
 */
function checkFederated(ctx: ServiceContext, p: Principal, payload: { iss?: string; sub?: string; aud?: string | string[]; exp?: number }): EmulatorResponse | undefined {
  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  const subjectOk = p.federatedSubject === undefined || payload.sub === p.federatedSubject;
  if (!aud.includes('api://AzureADTokenExchange') || !subjectOk) {
    return aadError(
      ctx,
      400,
      'invalid_request',
      70021,
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${payload.iss ?? ''}'. Assertion Subject: '${payload.sub ?? ''}'. Assertion Audience: '${aud.join(',')}'.`,
    );
  }
  if (payload.exp === undefined) return aadError(ctx, 401, 'invalid_client', 700024, 'Client assertion is not within its valid time range.');
  return undefined;
}

async function token(req: EmulatorRequest, ctx: ServiceContext, tenant: string, version: 'v1' | 'v2'): Promise<EmulatorResponse> {
  if (req.method !== 'POST') return aadError(ctx, 405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  if (tenant.toLowerCase() !== ctx.state.data.tenantId.toLowerCase()) {
    return aadError(ctx, 400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const form = mediaType(req) === 'application/x-www-form-urlencoded' ? new URLSearchParams(req.body.toString('utf8')) : new URLSearchParams();
  const grantType = form.get('grant_type');
  if (grantType === null) return missingParameter(ctx, 'grant_type');
  if (grantType !== 'client_credentials') return aadError(ctx, 400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);

  let clientId = form.get('client_id');
  let clientSecret = form.get('client_secret');
  const basic = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  if (basic !== null) {
    // RFC 6749 §2.3.1: form-urlencoded id and secret, joined by a colon, in base64.
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const id = colon < 0 ? undefined : decodeOrUndefined(decoded.slice(0, colon));
    const secret = colon < 0 ? undefined : decodeOrUndefined(decoded.slice(colon + 1));
    if (id === undefined || secret === undefined) return notEmulatedResponse('Entra ID (a Basic client credential that is not id:secret in valid percent-encoding)', req.requestId);
    clientId ??= id;
    clientSecret ??= secret;
  }
  if (clientId === null) return missingParameter(ctx, 'client_id');

  let resource: string;
  if (version === 'v2') {
    const scope = form.get('scope');
    if (scope === null) return missingParameter(ctx, 'scope');
    // MSAL adds the OpenID scopes to every request (client credentials too); Entra ignores them there.
    const scopes = scope.split(' ').filter((x) => x !== '' && !OIDC_SCOPES.has(x));
    if (scopes.length !== 1) return aadError(ctx, 400, 'invalid_scope', 28000, 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ' + scope + ' is not valid.');
    if (!scopes[0]!.endsWith('/.default')) {
      return aadError(ctx, 400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    resource = scopes[0]!.slice(0, -'/.default'.length);
  } else {
    const r = form.get('resource');
    if (r === null) return missingParameter(ctx, 'resource');
    resource = r;
  }

  const principal = ctx.state.data.principals.find((p) => p.clientId.toLowerCase() === clientId.toLowerCase());
  if (principal === undefined) {
    return aadError(ctx, 400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${ctx.state.data.tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }

  const assertion = form.get('client_assertion');
  if (assertion !== null) {
    if (form.get('client_assertion_type') !== ASSERTION_TYPE) return aadError(ctx, 400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_assertion_type'.");
    const endpoint = `https://${req.host}${req.url.pathname}`;
    const refused = await checkAssertion(ctx, principal, assertion, endpoint);
    if (refused !== undefined) return refused;
  } else if (clientSecret !== null) {
    if (principal.clientSecret === undefined || !secretsEqual(clientSecret, principal.clientSecret)) {
      return aadError(ctx, 401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${principal.clientId}'.`);
    }
  } else {
    return aadError(ctx, 401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }

  if (!isKnownResource(resource) && !isKnownResource(`${resource}/`)) return aadError(ctx, 400, 'invalid_resource', 500011, resourceNotFoundText(resource, ctx.state.data.tenantId, ctx.now()).replace(/^AADSTS500011: /, '').replace(/ Trace ID:.*$/, ''));

  const issued = await ctx.tokens.issue({ principalId: principal.principalId, clientId: principal.clientId, resource, idtyp: 'app', lifetimeSeconds: APP_TOKEN_LIFETIME_SECONDS });
  const headers = { 'cache-control': 'no-store, no-cache', pragma: 'no-cache', 'x-ms-request-id': req.requestId };
  if (version === 'v2') {
    return jsonResponse(200, { token_type: 'Bearer', expires_in: APP_TOKEN_LIFETIME_SECONDS, ext_expires_in: APP_TOKEN_LIFETIME_SECONDS, access_token: issued.token }, headers);
  }
  return jsonResponse(
    200,
    {
      token_type: 'Bearer',
      expires_in: String(APP_TOKEN_LIFETIME_SECONDS),
      ext_expires_in: String(APP_TOKEN_LIFETIME_SECONDS),
      expires_on: String(issued.claims.exp),
      not_before: String(issued.claims.nbf),
      resource,
      access_token: issued.token,
    },
    headers,
  );
}

export const entraService: Service = {
  name: 'entra',
  matchHost: (host) => ENTRA_HOSTS.has(host),
  async handle(req, ctx) {
    if (!req.secure) return notEmulatedResponse('Entra ID over plain HTTP (login endpoints are HTTPS only)', req.requestId);
    const segs = req.url.pathname.split('/').filter(Boolean);
    const path = segs.slice(1).join('/').toLowerCase();
    const tenant = segs[0] ?? '';
    if (segs.join('/').toLowerCase() === 'discovery/keys') return jsonResponse(200, ctx.tokens.jwks());
    if (path === 'oauth2/v2.0/token') return token(req, ctx, tenant, 'v2');
    if (path === 'oauth2/token') return token(req, ctx, tenant, 'v1');
    if (req.method === 'GET') {
      const knownTenant = MULTI_TENANT.has(tenant.toLowerCase()) || tenant.toLowerCase() === ctx.state.data.tenantId.toLowerCase();
      if (path === 'discovery/instance') return instanceDiscovery(req, (status, error, code, text) => aadError(ctx, status, error, code, text));
      if (path === 'discovery/v2.0/keys' || path === 'discovery/keys') {
        if (!knownTenant) return aadError(ctx, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
        return jsonResponse(200, ctx.tokens.jwks());
      }
      if (path === 'v2.0/.well-known/openid-configuration' || path === '.well-known/openid-configuration') {
        if (!knownTenant) return aadError(ctx, 400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
        return openIdConfiguration(req.host, tenant, ctx.state.data.tenantId, path.startsWith('v2.0') ? 'v2' : 'v1');
      }
    }
    return notEmulatedResponse(`Entra ID ${req.method} ${req.url.pathname}`, req.requestId);
  },
};
