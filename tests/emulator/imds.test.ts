import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('answers the SDK probe (no query, no Metadata) at once', async () => {
    const t0 = Date.now();
    const r = await get(TOKEN_URL, {});
    expect(r.status).toBe(400);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
