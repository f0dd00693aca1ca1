// ARM reads az and the SDKs make around the tutorials' calls: subscriptions and tenants (az login),
// provider GET, the RBAC-filtered lists (groups, storage accounts, identities, /resources, role
// assignments), and the 400 for a malformed or empty subscription id. Raw requests over the
// emulator's TLS; callers are tokens of the scenario's principals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let sub: string;
const OTHER_GROUP = 'other-rg';
const STRANGER = { principalId: '11111111-2222-4333-8444-555555555555', clientId: '66666666-7777-4888-8999-000000000000' };

async function arm(token: string, path: string, method: Dispatcher.HttpMethod = 'GET') {
  const res = await request(`https://management.azure.com${path}`, { method, headers: { authorization: `Bearer ${token}` }, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: JSON.parse(text) as { value?: Record<string, any>[]; error?: { code: string; message: string } } & Record<string, any> };
}
const tokenOf = async (p: { principalId: string; clientId: string }) => (await emu.tokens.issue({ ...p, resource: 'https://management.azure.com/', idtyp: 'app' })).token;

beforeAll(async () => {
  const scenario = defaultScenario();
  scenario.resourceGroups.push({ name: OTHER_GROUP, location: 'eastus', tags: { team: 'x' } });
  scenario.storageAccounts.push({ ...scenario.storageAccounts[0]!, name: 'otherstorage', resourceGroup: OTHER_GROUP, containers: [] });
  scenario.userAssignedIdentities.push({ name: 'uami-in-other', resourceGroup: OTHER_GROUP, location: 'eastus', principalId: '22222222-3333-4444-8555-666666666666', clientId: '33333333-4444-4555-8666-777777777777' });
  scenario.principals.push({ ...STRANGER, displayName: 'nobody', kind: 'ServicePrincipal' });
  emu = await startEmulator({ scenario });
  agent = createEmulatorDispatcher(emu);
  sub = emu.scenario.subscriptionId;
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('az login look-ups', () => {
  it('GET /subscriptions: the subscription for a caller with any role in it (the VM: Reader on one group), none for a caller without', async () => {
    const vm = await arm(await tokenOf(emu.scenario.vm.systemAssigned!), '/subscriptions?api-version=2022-12-01');
    expect(vm.status).toBe(200);
    expect(vm.json.value).toEqual([
      {
        id: `/subscriptions/${sub}`,
        authorizationSource: 'RoleBased',
        managedByTenants: [],
        subscriptionId: sub,
        tenantId: emu.scenario.tenantId,
        displayName: 'Tutorial Subscription',
        state: 'Enabled',
        subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
      },
    ]);
    expect((await arm(await tokenOf(STRANGER), '/subscriptions?api-version=2022-12-01')).json.value).toEqual([]);
    expect((await arm(await tokenOf(emu.scenario.vm.systemAssigned!), `/subscriptions/${sub}?api-version=2022-12-01`)).json.displayName).toBe('Tutorial Subscription');
  });

  it('GET /tenants and a subscription that is not the scenario one (404 SubscriptionNotFound)', async () => {
    const t = await tokenOf(emu.scenario.vm.systemAssigned!);
    const tenants = await arm(t, '/tenants?api-version=2022-12-01');
    expect(tenants.json.value).toEqual([expect.objectContaining({ id: `/tenants/${emu.scenario.tenantId}`, tenantId: emu.scenario.tenantId, tenantCategory: 'Home', defaultDomain: 'tutorialdirectory.onmicrosoft.com' })]);
    const other = await arm(t, '/subscriptions/00000000-0000-0000-0000-000000000000?api-version=2022-12-01');
    expect(other.status).toBe(404);
    expect(other.json.error!.code).toBe('SubscriptionNotFound');
  });

  it('an empty or malformed subscription id is 400 InvalidSubscriptionId (ARM takes the next segment as the id)', async () => {
    const t = await tokenOf(emu.scenario.vm.systemAssigned!);
    const empty = await arm(t, '/subscriptions//resourcegroups/mi-test?api-version=2022-09-01');
    expect(empty.status).toBe(400);
    expect(empty.json.error).toEqual({ code: 'InvalidSubscriptionId', message: "The provided subscription identifier 'resourcegroups' is malformed or invalid." });
    expect(empty.headers['x-ms-failure-cause']).toBe('gateway');
    expect((await arm(t, '/subscriptions/my-sub/resourcegroups/mi-test?api-version=2022-09-01')).json.error!.message).toContain("'my-sub'");
  });

  it('provider GET for a modelled namespace lists the modelled types (and says so); another namespace is not emulated', async () => {
    const t = await tokenOf(emu.scenario.vm.systemAssigned!);
    const p = await arm(t, `/subscriptions/${sub}/providers/Microsoft.Storage?api-version=2022-09-01`);
    expect(p.status).toBe(200);
    expect(p.json).toMatchObject({ namespace: 'Microsoft.Storage', registrationState: 'Registered', resourceTypes: expect.arrayContaining([expect.objectContaining({ resourceType: 'storageAccounts', locations: ['West US'] })]) });
    expect(p.headers['x-emulator-partial']).toBeTruthy();
    expect((await arm(t, `/subscriptions/${sub}/providers/Microsoft.Network?api-version=2022-09-01`)).status).toBe(501);
  });
});

describe('lists filtered by the caller\'s rights', () => {
  it('resource groups: the owner sees both, the VM (Reader on mi-test) sees mi-test, a caller without roles gets 403', async () => {
    const owner = await arm(await tokenOf(emu.scenario.principals[0]!), `/subscriptions/${sub}/resourcegroups?api-version=2022-09-01`);
    expect(owner.json.value!.map((g) => g.name)).toEqual(['mi-test', OTHER_GROUP]);
    const vm = await arm(await tokenOf(emu.scenario.vm.systemAssigned!), `/subscriptions/${sub}/resourcegroups?api-version=2022-09-01`);
    expect(vm.status).toBe(200);
    expect(vm.json.value!.map((g) => g.name)).toEqual(['mi-test']);
    const none = await arm(await tokenOf(STRANGER), `/subscriptions/${sub}/resourcegroups?api-version=2022-09-01`);
    expect(none.status).toBe(403);
    expect(none.json.error!.code).toBe('AuthorizationFailed');
  });

  it('storage accounts and identities by subscription and by group; /resources with a resourceType filter', async () => {
    const vmToken = await tokenOf(emu.scenario.vm.systemAssigned!);
    const accounts = await arm(vmToken, `/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts?api-version=2023-01-01`);
    expect(accounts.json.value!.map((a) => a.name)).toEqual(['mitutorialstorage']);
    const ownerToken = await tokenOf(emu.scenario.principals[0]!);
    const all = await arm(ownerToken, `/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts?api-version=2023-01-01`);
    expect(all.json.value!.map((a) => a.name)).toEqual(['mitutorialstorage', 'otherstorage']);
    const inGroup = await arm(ownerToken, `/subscriptions/${sub}/resourceGroups/${OTHER_GROUP}/providers/Microsoft.Storage/storageAccounts?api-version=2023-01-01`);
    expect(inGroup.json.value!.map((a) => a.name)).toEqual(['otherstorage']);
    const identities = await arm(ownerToken, `/subscriptions/${sub}/providers/Microsoft.ManagedIdentity/userAssignedIdentities?api-version=2023-01-31`);
    expect(identities.json.value).toEqual([expect.objectContaining({ name: 'uami-in-other', type: 'Microsoft.ManagedIdentity/userAssignedIdentities', properties: expect.objectContaining({ clientId: '33333333-4444-4555-8666-777777777777' }) })]);
    const missingGroup = await arm(ownerToken, `/subscriptions/${sub}/resourceGroups/nope/providers/Microsoft.Storage/storageAccounts?api-version=2023-01-01`);
    expect(missingGroup.json.error!.code).toBe('ResourceGroupNotFound');

    const resources = await arm(vmToken, `/subscriptions/${sub}/resources?api-version=2021-04-01&$filter=${encodeURIComponent("resourceType eq 'Microsoft.Storage/storageAccounts'")}`);
    expect(resources.json.value).toEqual([{ id: accounts.json.value![0]!.id, name: 'mitutorialstorage', type: 'Microsoft.Storage/storageAccounts', location: 'westus', kind: 'Storage', sku: { name: 'Standard_LRS', tier: 'Standard' } }]);
    const vmOnly = await arm(vmToken, `/subscriptions/${sub}/resourceGroups/mi-test/resources?api-version=2021-04-01&$filter=${encodeURIComponent("name eq 'DevTestVM'")}`);
    expect(vmOnly.json.value!.map((r) => r.type)).toEqual(['Microsoft.Compute/virtualMachines']);
    expect((await arm(vmToken, `/subscriptions/${sub}/resources?api-version=2021-04-01&$filter=${encodeURIComponent("tagName eq 'x'")}`)).status).toBe(501);
  });

  it('role assignments: the principal filter, atScope(), and what a Reader of one group may see', async () => {
    const vm = emu.scenario.vm.systemAssigned!;
    const owner = await tokenOf(emu.scenario.principals[0]!);
    const mine = await arm(owner, `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${encodeURIComponent(`principalId eq '${vm.principalId}'`)}`);
    expect(mine.json.value!.map((a) => a.properties.principalId).every((p: string) => p === vm.principalId)).toBe(true);
    expect(mine.json.value).toHaveLength(4);
    const atSub = await arm(owner, `/subscriptions/${sub}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()`);
    expect(atSub.json.value!.map((a) => a.properties.scope)).toEqual([`/subscriptions/${sub}`]);
    // At the group: the subscription's (inherited) and the group's own, not the storage account's below it with atScope().
    const atGroup = await arm(owner, `/subscriptions/${sub}/resourceGroups/mi-test/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()`);
    expect(new Set(atGroup.json.value!.map((a) => a.properties.scope))).toEqual(new Set([`/subscriptions/${sub}`, `/subscriptions/${sub}/resourceGroups/mi-test`]));
    const everything = await arm(owner, `/subscriptions/${sub}/resourceGroups/mi-test/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`);
    expect(everything.json.value!.length).toBe(atGroup.json.value!.length + 1);
  });
});
