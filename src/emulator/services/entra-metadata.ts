// Entra ID's discovery documents, as MSAL reads them before its first token request: the OpenID
// configuration (v1 and v2) and the instance-discovery answer that lists the cloud's host aliases.
// Shapes are the real service's: the v2 document and the instance-discovery body as recorded in
// Azure/azure-sdk-for-js keyvault-keys recordings (2021, nock), the v1 document as Microsoft's
// own tenant publishes it (quoted in public notes, e.g. "View an Azure AD tenant's public
// information"). MSAL Node requires authorization_endpoint, token_endpoint, issuer and jwks_uri
// (msal-common OpenIdConfigResponse.ts); MSAL Python requires the first two.
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';
import { jsonResponse } from '../respond.ts';

/** The public cloud's alias groups, as the instance-discovery endpoint lists them (all clouds, every time). */
const CLOUD_METADATA = [
  { preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] },
  { preferred_network: 'login.partner.microsoftonline.cn', preferred_cache: 'login.partner.microsoftonline.cn', aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'] },
  { preferred_network: 'login.microsoftonline.de', preferred_cache: 'login.microsoftonline.de', aliases: ['login.microsoftonline.de'] },
  { preferred_network: 'login.microsoftonline.us', preferred_cache: 'login.microsoftonline.us', aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'] },
  { preferred_network: 'login-us.microsoftonline.com', preferred_cache: 'login-us.microsoftonline.com', aliases: ['login-us.microsoftonline.com'] },
];

/** The public-cloud hosts this emulator answers as Entra. */
export const ENTRA_HOSTS: ReadonlySet<string> = new Set(CLOUD_METADATA[0]!.aliases);

const CACHE_HEADERS = { 'cache-control': 'max-age=86400, private', 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, OPTIONS' };

/** Tenants that stand for "any" in an authority: the documents carry a `{tenantid}` placeholder for them. */
export const MULTI_TENANT = new Set(['common', 'organizations', 'consumers']);

/**
 * GET /common/discovery/instance?api-version=1.1&authorization_endpoint=…: the tenant discovery
 * endpoint for the authority in `authorization_endpoint`, and the alias groups. An authority on a
 * host Entra does not know is `invalid_instance` (AADSTS50049), the validation MSAL relies on
 * (MicrosoftDocs/microsoft-authentication-library-dotnet, advanced/custom-authority-aliases.md).
 */
export function instanceDiscovery(req: EmulatorRequest, aadError: (status: number, error: string, code: number, text: string) => EmulatorResponse): EmulatorResponse {
  const endpoint = req.url.searchParams.get('authorization_endpoint');
  let authority: URL | undefined;
  try {
    authority = endpoint === null ? undefined : new URL(endpoint);
  } catch {
    authority = undefined;
  }
  const known = authority !== undefined && authority.protocol === 'https:' && CLOUD_METADATA.some((c) => c.aliases.includes(authority!.hostname.toLowerCase()));
  if (authority === undefined || !known) return aadError(400, 'invalid_instance', 50049, "Unknown or invalid instance.");
  const tenant = authority.pathname.split('/').filter(Boolean)[0] ?? 'common';
  return jsonResponse(
    200,
    { tenant_discovery_endpoint: `https://${authority.hostname}/${tenant}/v2.0/.well-known/openid-configuration`, 'api-version': '1.1', metadata: CLOUD_METADATA },
    CACHE_HEADERS,
  );
}

const CLAIMS_V2 = ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'at_hash', 'c_hash', 'email'];
const CLAIMS_V1 = ['sub', 'iss', 'cloud_instance_name', 'cloud_instance_host_name', 'cloud_graph_host_name', 'msgraph_host', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'amr', 'nonce', 'email', 'given_name', 'family_name', 'nickname'];

/** /{tenant}[/v2.0]/.well-known/openid-configuration for a tenant the emulator knows (or a multi-tenant alias). */
export function openIdConfiguration(host: string, tenant: string, tenantId: string, version: 'v1' | 'v2'): EmulatorResponse {
  const base = `https://${host}/${tenant}`;
  const issuerTenant = MULTI_TENANT.has(tenant.toLowerCase()) ? '{tenantid}' : tenantId;
  const common = {
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
  if (version === 'v2') {
    return jsonResponse(
      200,
      {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `https://login.microsoftonline.com/${issuerTenant}/v2.0`,
        request_uri_parameter_supported: false,
        userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        http_logout_supported: true,
        frontchannel_logout_supported: true,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        claims_supported: CLAIMS_V2,
        kerberos_endpoint: `${base}/kerberos`,
        tenant_region_scope: 'NA',
        ...common,
      },
      CACHE_HEADERS,
    );
  }
  return jsonResponse(
    200,
    {
      token_endpoint: `${base}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `https://${host}/common/discovery/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      scopes_supported: ['openid'],
      issuer: `https://sts.windows.net/${issuerTenant}/`,
      microsoft_multi_refresh_token: true,
      authorization_endpoint: `${base}/oauth2/authorize`,
      device_authorization_endpoint: `${base}/oauth2/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/logout`,
      claims_supported: CLAIMS_V1,
      check_session_iframe: `${base}/oauth2/checksession`,
      userinfo_endpoint: `${base}/openid/userinfo`,
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'NA',
      ...common,
    },
    CACHE_HEADERS,
  );
}
