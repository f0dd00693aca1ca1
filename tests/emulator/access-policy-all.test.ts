// The access-policy permission "all" is in the spec's SecretPermissions enum (Key Vault
// resource-manager keyvault.json) and grants every secret operation; the emulator used to refuse
// a vault PUT carrying it ("'all' is not a secret permission"), a failure Azure does not have.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;

async function call(method: Dispatcher.HttpMethod, url: string, token: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await request(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

it('defect: a vault access policy granting secrets "all" was refused; it is accepted and grants get and set', async () => {
  const cli = emu.scenario.principals.find((p) => p.principalId === emu.scenario.cliPrincipal)!;
  const issue = async (resource: string) => (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource, idtyp: 'user' })).token;
  const arm = await issue('https://management.azure.com/');
  const vaultUrl = `https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/${emu.values.RESOURCE_GROUP}/providers/Microsoft.KeyVault/vaults/allpolicykv?api-version=2023-07-01`;
  const put = await call('PUT', vaultUrl, arm, {
    location: 'westus',
    properties: { tenantId: emu.scenario.tenantId, sku: { family: 'A', name: 'standard' }, accessPolicies: [{ tenantId: emu.scenario.tenantId, objectId: cli.principalId, permissions: { secrets: ['all'] } }] },
  });
  expect(put.status, JSON.stringify(put.json)).toBe(201);
  const vault = await issue('https://vault.azure.net');
  const set = await call('PUT', 'https://allpolicykv.vault.azure.net/secrets/s1?api-version=7.4', vault, { value: 'v1' });
  expect(set.status).toBe(200);
  const got = await call('GET', 'https://allpolicykv.vault.azure.net/secrets/s1?api-version=7.4', vault);
  expect([got.status, got.json.value]).toEqual([200, 'v1']);
});
