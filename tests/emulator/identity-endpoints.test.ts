// Legacy MSI endpoint (scenario-enabled), Entra client credentials (secret and assertion), faults,
// reset and isolation between two emulators.
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let emu: EmulatorHandle;
let other: EmulatorHandle;
let agent: Dispatcher;
let otherAgent: Dispatcher;
let otherState: string;
let assertionKey: CryptoKey;
const ASSERTION_CLIENT = '0c3b5f6e-1a2b-4c3d-8e4f-5a6b7c8d9e0f';

async function call(method: Dispatcher.HttpMethod, url: string, headers: Record<string, string> = {}, body?: string, via = agent) {
  const res = await request(url, { method, headers, body, dispatcher: via });
  const text = await res.body.text();
  let json: Record<string, any> | undefined;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.statusCode, headers: res.headers, text, json };
}

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  assertionKey = privateKey;
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const base = defaultScenario();
  const scenario = {
    ...base,
    legacyMsiEndpoint: true,
    principals: [...base.principals, { principalId: '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a', clientId: ASSERTION_CLIENT, displayName: 'ci', kind: 'ServicePrincipal' as const, assertionKeys: [jwk] }],
  };
  // Its own state folder, so its own signing key: another cloud (emulators sharing a folder share
  // the tenant's key and accept each other's tokens, see signing-keys.test.ts).
  otherState = await mkdtemp(join(tmpdir(), 'tc-other-cloud-'));
  [emu, other] = await Promise.all([startEmulator({ scenario }), startEmulator({ stateDir: otherState })]);
  agent = createEmulatorDispatcher(emu);
  otherAgent = createEmulatorDispatcher(other);
});
afterAll(async () => {
  await Promise.all([agent.close(), otherAgent.close()]);
  await Promise.all([emu.close(), other.close()]);
  await rm(otherState, { recursive: true, force: true });
});

describe('legacy MSI endpoint (enabled by the scenario)', () => {
  it('answers the 2017 POST form with all-string fields and an empty refresh_token', async () => {
    const r = await call('POST', 'http://localhost:50342/oauth2/token', { Metadata: 'true', 'content-type': 'application/x-www-form-urlencoded' }, 'resource=https://management.azure.com/');
    expect(r.status).toBe(200);
    expect(Object.keys(r.json!)).toEqual(['access_token', 'refresh_token', 'expires_in', 'expires_on', 'not_before', 'resource', 'token_type']);
    expect(r.json!.refresh_token).toBe('');
    expect(Number(r.json!.expires_in)).toBeLessThanOrEqual(3600);
    expect(r.json!.resource).toBe('https://management.azure.com/');
  });
  it('answers GET with a query and refuses a missing Metadata header', async () => {
    expect((await call('GET', 'http://localhost:50342/oauth2/token?resource=https%3A%2F%2Fstorage.azure.com/', { Metadata: 'true' })).json!.resource).toBe('https://storage.azure.com/');
    const r = await call('GET', 'http://localhost:50342/oauth2/token?resource=https://storage.azure.com/');
    expect([r.status, r.json!.error]).toEqual([400, 'invalid_request']);
  });
  it('the curl config carries the 50342 rule only when enabled', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(emu.curlConfigPath, 'utf8')).toContain(`"localhost:50342:127.0.0.1:${new URL(emu.httpUrl).port}"`);
    expect(await readFile(other.curlConfigPath, 'utf8')).not.toContain('50342');
  });
});

describe('Entra token endpoint', () => {
  const tenant = () => emu.scenario.tenantId;
  const cli = () => emu.scenario.principals.find((p) => p.principalId === emu.scenario.cliPrincipal)!;
  const form = (o: Record<string, string>) => new URLSearchParams(o).toString();
  const post = (body: string, path = `/${tenant()}/oauth2/v2.0/token`) => call('POST', `https://login.microsoftonline.com${path}`, { 'content-type': 'application/x-www-form-urlencoded' }, body);

  it('client credentials with the secret: an ARM token that ARM accepts', async () => {
    const r = await post(form({ grant_type: 'client_credentials', client_id: cli().clientId, client_secret: cli().clientSecret!, scope: 'https://management.azure.com/.default' }));
    expect(r.status).toBe(200);
    expect(r.json!.token_type).toBe('Bearer');
    expect(typeof r.json!.expires_in).toBe('number');
    const rg = await call('GET', `https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/${emu.values.RESOURCE_GROUP}?api-version=2022-09-01`, { Authorization: `Bearer ${r.json!.access_token}` });
    expect(rg.status).toBe(200);
  });
  it('wrong secret → 401 invalid_client AADSTS7000215; unknown client → 400 AADSTS700016; missing scope suffix → AADSTS1002012', async () => {
    const bad = await post(form({ grant_type: 'client_credentials', client_id: cli().clientId, client_secret: 'nope', scope: 'https://management.azure.com/.default' }));
    expect([bad.status, bad.json!.error, bad.json!.error_codes]).toEqual([401, 'invalid_client', [7000215]]);
    const unknown = await post(form({ grant_type: 'client_credentials', client_id: '00000000-1111-4222-8333-444444444444', client_secret: 'x', scope: 'https://management.azure.com/.default' }));
    expect([unknown.status, unknown.json!.error_codes]).toEqual([400, [700016]]);
    const scope = await post(form({ grant_type: 'client_credentials', client_id: cli().clientId, client_secret: cli().clientSecret!, scope: 'https://management.azure.com/' }));
    expect([scope.status, scope.json!.error_codes]).toEqual([400, [1002012]]);
  });
  it('client assertion signed by a key the principal trusts; a foreign key is refused (AADSTS700027)', async () => {
    const aud = `https://login.microsoftonline.com/${tenant()}/oauth2/v2.0/token`;
    const sign = (key: CryptoKey) => new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(ASSERTION_CLIENT).setSubject(ASSERTION_CLIENT).setAudience(aud).setIssuedAt().setExpirationTime('5m').setJti(crypto.randomUUID()).sign(key);
    const body = (assertion: string) => form({ grant_type: 'client_credentials', client_id: ASSERTION_CLIENT, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion, scope: 'https://vault.azure.net/.default' });
    const ok = await post(body(await sign(assertionKey)));
    expect(ok.status).toBe(200);
    const check = await emu.tokens.verify(ok.json!.access_token);
    expect(check.ok && check.claims.aud).toBe('https://vault.azure.net');
    const foreign = await generateKeyPair('ES256');
    const bad = await post(body(await sign(foreign.privateKey)));
    expect([bad.status, bad.json!.error_codes]).toEqual([401, [700027]]);
  });
  it('v1 endpoint: resource form, string fields', async () => {
    const r = await post(form({ grant_type: 'client_credentials', client_id: cli().clientId, client_secret: cli().clientSecret!, resource: 'https://management.core.windows.net/' }), `/${tenant()}/oauth2/token`);
    expect(r.status).toBe(200);
    expect(r.json!.resource).toBe('https://management.core.windows.net/');
    expect(typeof r.json!.expires_on).toBe('string');
    const check = await emu.tokens.verify(r.json!.access_token);
    expect(check.ok && check.claims.aud).toBe('https://management.core.windows.net/');
    const wrongTenant = await post(form({ grant_type: 'client_credentials', client_id: cli().clientId, client_secret: cli().clientSecret!, resource: 'https://management.core.windows.net/' }), '/contoso.onmicrosoft.com/oauth2/token');
    expect([wrongTenant.status, wrongTenant.json!.error_codes]).toEqual([400, [90002]]);
  });
  it('serves OpenID metadata and the signing keys that verify its tokens', async () => {
    const meta = await call('GET', `https://login.microsoftonline.com/${tenant()}/v2.0/.well-known/openid-configuration`);
    expect(meta.json!.token_endpoint).toBe(`https://login.microsoftonline.com/${tenant()}/oauth2/v2.0/token`);
    const keys = await call('GET', meta.json!.jwks_uri);
    expect(keys.json!.keys[0].kid).toBe(emu.tokens.kid);
  });
});

describe('faults, reset and isolation', () => {
  const imdsUrl = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/';
  it('injects 429 with Retry-After for a fixed count, then answers normally', async () => {
    emu.faults.inject({ service: 'imds', kind: 'status', status: 429, retryAfterSeconds: 2, count: 2 });
    const a = await call('GET', imdsUrl, { Metadata: 'true' });
    const b = await call('GET', imdsUrl, { Metadata: 'true' });
    const c = await call('GET', imdsUrl, { Metadata: 'true' });
    expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
    expect(a.headers['retry-after']).toBe('2');
    expect(a.json!.error).toBe('too_many_requests');
  });
  it('matches faults by method and path, leaving other requests alone', async () => {
    emu.faults.inject({ service: 'arm', method: 'POST', pathPattern: /\/listKeys$/i, kind: 'status', status: 503, count: 1 });
    const cli = emu.scenario.principals[0]!;
    const token = (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://management.azure.com/' })).token;
    const base = `https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/${emu.values.RESOURCE_GROUP}`;
    expect((await call('GET', `${base}?api-version=2016-09-01`, { Authorization: `Bearer ${token}` })).status).toBe(200);
    const keysUrl = `${base}/providers/Microsoft.Storage/storageAccounts/${emu.values.STORAGE_ACCOUNT_NAME}/listKeys?api-version=2016-12-01`;
    const failed = await call('POST', keysUrl, { Authorization: `Bearer ${token}`, 'content-length': '0' }, '');
    expect([failed.status, failed.json!.error.code, failed.headers['x-emulator-fault']]).toEqual([503, 'ServiceUnavailable', 'injected']);
    expect((await call('POST', keysUrl, { Authorization: `Bearer ${token}`, 'content-length': '0' }, '')).status).toBe(200);
  });
  it('injects a connection reset and latency', async () => {
    emu.faults.inject({ service: 'arm', kind: 'reset', count: 1 });
    await expect(call('GET', `https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/x?api-version=2016-09-01`)).rejects.toThrow();
    emu.faults.inject({ kind: 'latency', ms: 300, count: 1 });
    const t0 = Date.now();
    expect((await call('GET', imdsUrl, { Metadata: 'true' })).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(emu.faults.pending()).toBe(0);
  });
  it('an emulator with another state folder (another cloud) refuses this one\'s tokens; reset() drops changes and pending faults', async () => {
    const mine = (await call('GET', imdsUrl, { Metadata: 'true' })).json!.access_token as string;
    const rgUrl = `https://management.azure.com/subscriptions/${other.values.SUBSCRIPTION_ID}/resourceGroups/${other.values.RESOURCE_GROUP}?api-version=2016-09-01`;
    const r = await call('GET', rgUrl, { Authorization: `Bearer ${mine}` }, undefined, otherAgent);
    expect([r.status, r.json!.error.code]).toEqual([401, 'InvalidAuthenticationToken']);
    emu.state.data.vm.systemAssigned = null;
    emu.faults.inject({ kind: 'status', status: 503, count: 5 });
    await emu.reset();
    expect(emu.faults.pending()).toBe(0);
    expect((await call('GET', imdsUrl, { Metadata: 'true' })).status).toBe(200);
    expect(other.state.data.vm.systemAssigned).not.toBeNull();
  });
});
