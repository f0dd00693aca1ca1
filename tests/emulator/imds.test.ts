import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
const TOKEN_URL = 'http://169.254.169.254/metadata/identity/oauth2/token';

async function get(url: string, headers: Record<string, string> = { Metadata: 'true' }, method: Dispatcher.HttpMethod = 'GET') {
  const res = await request(url, { method, headers, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, json: (() => { try { return JSON.parse(text) as Record<string, unknown>; } catch { return undefined; } })() };
}

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

describe('IMDS token endpoint', () => {
  it('issues a token for the VM identity with the real field order, all strings, resource echoed', async () => {
    const r = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json!)).toEqual(['access_token', 'client_id', 'expires_in', 'expires_on', 'ext_expires_in', 'not_before', 'resource', 'token_type']);
    expect(Object.values(r.json!).every((v) => typeof v === 'string')).toBe(true);
    expect(r.json!.resource).toBe('https://management.azure.com/');
    expect(r.json!.client_id).toBe(emu.scenario.vm.systemAssigned!.clientId);
    expect(Number(r.json!.expires_in)).toBeGreaterThan(86_000);
    const check = await emu.tokens.verify(r.json!.access_token as string);
    expect(check.ok && check.claims.aud).toBe('https://management.azure.com/');
    expect(check.ok && check.claims.xms_mirid).toBe(`/subscriptions/${emu.scenario.subscriptionId}/resourcegroups/${emu.scenario.vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${emu.scenario.vm.name}`);
    const noSlash = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https://management.azure.com`);
    expect(noSlash.json!.resource).toBe('https://management.azure.com');
    // Cached per identity and resource, as IMDS does.
    const again = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F`);
    expect(again.json!.access_token).toBe(r.json!.access_token);
  });
  it('a request line with raw NBSP bytes (copied from the page) gets a 400 that says why', async () => {
    const socket = net.connect(Number(new URL(emu.httpUrl).port), '127.0.0.1');
    socket.write(Buffer.concat([Buffer.from('GET /metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/'), Buffer.from([0xc2, 0xa0]), Buffer.from(' HTTP/1.1\r\nHost: 169.254.169.254\r\nMetadata: true\r\n\r\n')]));
    const chunks: Buffer[] = [];
    for await (const c of socket) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(raw).toContain('x-emulator-http-parse-error: HPE_INVALID_URL');
  });
  it('selects among several identities only with a selector', async () => {
    const state = emu.state.data;
    state.userAssignedIdentities.push(
      { name: 'a', resourceGroup: state.vm.resourceGroup, location: 'westus', principalId: '0a000000-0000-4000-8000-000000000001', clientId: '0a000000-0000-4000-8000-000000000002' },
      { name: 'b', resourceGroup: state.vm.resourceGroup, location: 'westus', principalId: '0b000000-0000-4000-8000-000000000001', clientId: '0b000000-0000-4000-8000-000000000002' },
    );
    state.vm.userAssigned = ['a', 'b'];
    // With the system identity present it is the default, as on a real VM.
    expect((await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https://vault.azure.net`)).json!.client_id).toBe(emu.scenario.vm.systemAssigned!.clientId);
    state.vm.systemAssigned = null;
    const none = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https://vault.azure.net`);
    expect([none.status, none.json!.error_description]).toEqual([400, 'Multiple user assigned identities exist, please specify the clientId / resourceId of the identity in the token request']);
    const byObject = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https://vault.azure.net&object_id=0b000000-0000-4000-8000-000000000001`);
    expect(byObject.json!.client_id).toBe('0b000000-0000-4000-8000-000000000002');
    const resId = `/subscriptions/${state.subscriptionId}/resourcegroups/${state.vm.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/a`;
    const byRes = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https://vault.azure.net&msi_res_id=${encodeURIComponent(resId)}`);
    expect(byRes.json!.client_id).toBe('0a000000-0000-4000-8000-000000000002');
    const both = await get(`${TOKEN_URL}?api-version=2018-02-01&resource=https://vault.azure.net&object_id=0b000000-0000-4000-8000-000000000001&client_id=0a000000-0000-4000-8000-000000000002`);
    expect(both.status).toBe(400);
    await emu.reset();
  });
  it('routes IMDS on port 80 only; https://169.254.169.254 is refused as on a VM', () => {
    expect(emu.route('169.254.169.254', 80)).toMatchObject({ kind: 'connect', tls: false });
    expect(emu.route('169.254.169.254', 443)).toMatchObject({ kind: 'refuse' });
    expect(emu.route('management.azure.com', 443)).toMatchObject({ kind: 'connect', tls: true });
    expect(emu.route('example.org', 443)).toBeUndefined();
  });
  it('serves instance metadata: JSON for categories, text for leaves, 404 for unknown paths', async () => {
    const all = await get('http://169.254.169.254/metadata/instance?api-version=2021-02-01');
    expect(all.status).toBe(200);
    expect(all.json!.compute).toMatchObject({ name: emu.values.VM_NAME, resourceGroupName: emu.values.RESOURCE_GROUP, subscriptionId: emu.values.SUBSCRIPTION_ID, osType: 'Linux' });
    const leaf = await get('http://169.254.169.254/metadata/instance/compute/name?api-version=2021-02-01&format=text');
    expect([leaf.status, leaf.text]).toEqual([200, emu.values.VM_NAME]);
    expect((await get('http://169.254.169.254/metadata/instance/compute/name?api-version=2021-02-01&format=json')).status).toBe(400);
    expect((await get('http://169.254.169.254/metadata/instance/compute/nope?api-version=2021-02-01')).status).toBe(404);
    expect((await get('http://169.254.169.254/metadata/instance?api-version=2021-02-01', {})).status).toBe(400);
    expect((await get('http://169.254.169.254/metadata/instance')).json!['newest-versions']).toHaveLength(3);
    const old = await get('http://169.254.169.254/metadata/instance/compute?api-version=2018-02-01');
    expect(old.json!.resourceId).toBeUndefined();
  });
  it('answers the SDK probe (no query, no Metadata) at once', async () => {
    const t0 = Date.now();
    const r = await get(TOKEN_URL, {});
    expect(r.status).toBe(400);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
