// Realistic timing (the scenario's `timing`, `--realistic-timing`): long-running operations answer
// 202 with Retry-After 15 for three polls, or until the clock has passed them; a group being deleted
// answers 'Deleting' and refuses writes with 409 ResourceGroupBeingDeleted; a new role assignment
// grants nothing for 30 s; a Key Vault delete and recovery settle after a few reads. The emulator's
// clock is the test's, so nothing here sleeps. The default stays instant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { REALISTIC_TIMING } from '../../src/emulator/scenario.ts';

let clock = Date.parse('2026-11-22T10:00:00Z');
const now = (): Date => new Date(clock);
let emu: EmulatorHandle;
let instant: EmulatorHandle;
let agent: Dispatcher;
let agentInstant: Dispatcher;
const SP = { principalId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', clientId: '8b7c6d5e-4f3a-4b2c-9d1e-0f2a3b4c5d6e' };

async function call(a: Dispatcher, token: string, method: Dispatcher.HttpMethod, url: string, body?: unknown) {
  const res = await request(url, { method, dispatcher: a, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' || method === 'PUT' ? { body: '' } : {}) });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: text === '' ? undefined : (JSON.parse(text) as Record<string, any>) };
}
const token = async (e: EmulatorHandle, p: { principalId: string; clientId: string }, resource = 'https://management.azure.com/') => (await e.tokens.issue({ ...p, resource, idtyp: 'app' })).token;

beforeAll(async () => {
  const scenario = defaultScenario(now());
  scenario.principals.push({ ...SP, displayName: 'late-grant', kind: 'ServicePrincipal' });
  emu = await startEmulator({ scenario: { ...scenario, timing: REALISTIC_TIMING }, now });
  agent = createEmulatorDispatcher(emu);
  instant = await startEmulator({ scenario: defaultScenario(now()), now });
  agentInstant = createEmulatorDispatcher(instant);
});
afterAll(async () => {
  await agent?.close();
  await agentInstant?.close();
  await emu?.close();
  await instant?.close();
});

const ARM = 'https://management.azure.com';
const owner = (e: EmulatorHandle) => token(e, e.scenario.principals[0]!);

describe('realistic timing', () => {
  it('a storage account create: 202 with Retry-After 15, three polls in progress, then the account', async () => {
    const t = await owner(emu);
    const put = await call(agent, t, 'PUT', `${ARM}/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/mi-test/providers/Microsoft.Storage/storageAccounts/slowstore?api-version=2023-01-01`, { location: 'westus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    expect(put.status).toBe(202);
    expect(put.headers['retry-after']).toBe('15');
    const poll = String(put.headers.location);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(agent, t, 'GET', poll)).status);
    expect(statuses).toEqual([202, 202, 202, 200]);
  });

  it('a client that does not poll (--no-wait) finds the operation done once the clock has passed its polls', async () => {
    const t = await owner(emu);
    const put = await call(agent, t, 'PUT', `${ARM}/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/mi-test/providers/Microsoft.Storage/storageAccounts/nowaitstore?api-version=2023-01-01`, { location: 'westus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    clock += 3 * 15 * 1000;
    expect((await call(agent, t, 'GET', String(put.headers.location))).status).toBe(200);
  });

  it('delete then recreate a group: 409 ResourceGroupBeingDeleted while the delete runs, then the recreate works', async () => {
    const t = await owner(emu);
    const group = `${ARM}/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/racy-rg?api-version=2022-09-01`;
    expect((await call(agent, t, 'PUT', group, { location: 'westus' })).status).toBe(201);
    const del = await call(agent, t, 'DELETE', group);
    expect(del.status).toBe(202);
    expect((await call(agent, t, 'GET', group)).json!.properties.provisioningState).toBe('Deleting');
    const again = await call(agent, t, 'PUT', group, { location: 'westus' });
    expect(again.status).toBe(409);
    expect(again.json!.error).toEqual({ code: 'ResourceGroupBeingDeleted', message: "The resource group 'racy-rg' is in deprovisioning state and cannot perform this operation." });
    const inside = await call(agent, t, 'PUT', `${ARM}/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/racy-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/x-id?api-version=2023-01-31`, { location: 'westus' });
    expect(inside.json!.error.code).toBe('ResourceGroupBeingDeleted');
    for (let i = 0; i < 3; i++) expect((await call(agent, t, 'GET', String(del.headers.location))).status).toBe(202);
    expect((await call(agent, t, 'GET', String(del.headers.location))).status).toBe(200);
    expect((await call(agent, t, 'GET', group)).status).toBe(404);
    expect((await call(agent, t, 'PUT', group, { location: 'westus' })).status).toBe(201);
  });

  it('a grant used right after it is made: 403 until the propagation delay has passed', async () => {
    const t = await owner(emu);
    const sub = emu.scenario.subscriptionId;
    const scope = `/subscriptions/${sub}/resourceGroups/mi-test`;
    const assign = await call(agent, t, 'PUT', `${ARM}${scope}/providers/Microsoft.Authorization/roleAssignments/5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716?api-version=2022-04-01`, {
      properties: { roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId: SP.principalId, principalType: 'ServicePrincipal' },
    });
    expect(assign.status).toBe(201);
    const sp = await token(emu, SP);
    const early = await call(agent, sp, 'GET', `${ARM}${scope}?api-version=2022-09-01`);
    expect(early.status).toBe(403);
    expect(early.json!.error.code).toBe('AuthorizationFailed');
    clock += 29_000;
    expect((await call(agent, sp, 'GET', `${ARM}${scope}?api-version=2022-09-01`)).status).toBe(403);
    clock += 2_000;
    expect((await call(agent, sp, 'GET', `${ARM}${scope}?api-version=2022-09-01`)).status).toBe(200);
  });

  it('Key Vault: a deleted secret shows up in deletedsecrets after a few reads, its name is "being deleted" meanwhile; a recovery settles the same way', async () => {
    const vm = emu.scenario.vm.systemAssigned!;
    const t = await token(emu, vm, 'https://vault.azure.net');
    const vault = emu.values.YOUR_KEY_VAULT_URL!.replace(/\/$/, '');
    const name = emu.values.SECRET_NAME!;
    expect((await call(agent, t, 'DELETE', `${vault}/secrets/${name}?api-version=7.4`)).status).toBe(200);
    const racing = await call(agent, t, 'PUT', `${vault}/secrets/${name}?api-version=7.4`, { value: 'x' });
    expect(racing.status).toBe(409);
    expect(racing.json!.error.message).toBe(`Secret ${name} is currently being deleted and cannot be re-created; retry later.`);
    const reads: number[] = [];
    for (let i = 0; i < 4; i++) reads.push((await call(agent, t, 'GET', `${vault}/deletedsecrets/${name}?api-version=7.4`)).status);
    expect(reads).toEqual([404, 404, 404, 200]);
    const reuse = await call(agent, t, 'PUT', `${vault}/secrets/${name}?api-version=7.4`, { value: 'x' });
    expect(reuse.status).toBe(409);
    expect(reuse.json!.error).toMatchObject({ code: 'Conflict', innererror: { code: 'ObjectIsDeletedButRecoverable' } });
    expect((await call(agent, t, 'POST', `${vault}/deletedsecrets/${name}/recover?api-version=7.4`)).status).toBe(200);
    const after: number[] = [];
    for (let i = 0; i < 4; i++) after.push((await call(agent, t, 'GET', `${vault}/secrets/${name}?api-version=7.4`)).status);
    expect(after).toEqual([404, 404, 404, 200]);
  });
});

describe('instant timing (the default)', () => {
  it('a group delete is gone at once; the operation answers in progress once, then done', async () => {
    const t = await owner(instant);
    const group = `${ARM}/subscriptions/${instant.scenario.subscriptionId}/resourceGroups/quick-rg?api-version=2022-09-01`;
    await call(agentInstant, t, 'PUT', group, { location: 'westus' });
    const del = await call(agentInstant, t, 'DELETE', group);
    expect(del.headers['retry-after']).toBe('1');
    expect((await call(agentInstant, t, 'GET', group)).status).toBe(404);
    expect((await call(agentInstant, t, 'PUT', group, { location: 'westus' })).status).toBe(201);
    expect((await call(agentInstant, t, 'GET', String(del.headers.location))).status).toBe(202);
    expect((await call(agentInstant, t, 'GET', String(del.headers.location))).status).toBe(200);
  });
});
