// Entra's discovery documents as MSAL reads them before a token request: instance discovery (the
// cloud's aliases, invalid_instance for an unknown host), the v1 and v2 OpenID configurations with the
// fields MSAL Node and MSAL Python require, and a client-credentials request carrying the OpenID
// scopes MSAL adds (the recorded request in the azure-sdk-for-js keyvault recordings).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let tenant: string;

async function get(url: string) {
  const res = await request(url, { dispatcher: agent });
  return { status: res.statusCode, headers: res.headers, json: (await res.body.json()) as Record<string, any> };
}

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  tenant = emu.scenario.tenantId;
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('Entra discovery', () => {
  it('instance discovery names the tenant discovery endpoint and the public cloud aliases', async () => {
    const r = await get(`https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`)}`);
    expect(r.status).toBe(200);
    expect(r.json.tenant_discovery_endpoint).toBe(`https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`);
    expect(r.json['api-version']).toBe('1.1');
    expect(r.json.metadata[0]).toEqual({ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] });
  });

  it('an authority on a host Entra does not know is invalid_instance (AADSTS50049)', async () => {
    const r = await get(`https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://bogus.example.com/common/oauth2/v2.0/authorize')}`);
    expect(r.status).toBe(400);
    expect(r.json.error).toBe('invalid_instance');
    expect(r.json.error_codes).toEqual([50049]);
  });

  it('the OpenID configurations carry what MSAL reads; a multi-tenant alias has the {tenantid} issuer', async () => {
    const v2 = await get(`https://login.microsoftonline.com/${tenant}/v2.0/.well-known/openid-configuration`);
    for (const field of ['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri', 'end_session_endpoint', 'device_authorization_endpoint']) expect(v2.json).toHaveProperty(field);
    expect(v2.json.issuer).toBe(`https://login.microsoftonline.com/${tenant}/v2.0`);
    expect(v2.json.token_endpoint).toBe(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`);
    const common = await get('https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration');
    expect(common.json.issuer).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    const v1 = await get(`https://login.microsoftonline.com/${tenant}/.well-known/openid-configuration`);
    expect(v1.json).toMatchObject({ issuer: `https://sts.windows.net/${tenant}/`, token_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/token`, jwks_uri: 'https://login.microsoftonline.com/common/discovery/keys' });
    const keys = await get(v2.json.jwks_uri as string);
    expect(keys.json.keys[0].kid).toBe(emu.tokens.kid);
  });

  it('client credentials with the OpenID scopes MSAL adds: a token for the one resource', async () => {
    const cli = emu.scenario.principals[0]!;
    const body = new URLSearchParams({ client_id: cli.clientId, scope: 'https://vault.azure.net/.default openid profile offline_access', grant_type: 'client_credentials', client_secret: cli.clientSecret! }).toString();
    const res = await request(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, dispatcher: agent });
    const json = (await res.body.json()) as { access_token: string };
    expect(res.statusCode).toBe(200);
    const check = await emu.tokens.verify(json.access_token);
    expect(check.ok && check.claims.aud).toBe('https://vault.azure.net');
  });
});
