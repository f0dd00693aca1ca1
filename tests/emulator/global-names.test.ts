// Storage account and vault names are global in Azure. A create under a name already held answers
// 409 with the resource provider's own code (azure-docs error-storage-account-name.md; Key Vault's
// VaultAlreadyExists / ConflictError for a soft-deleted name); the emulator used to answer
// 400 InvalidParameter, which a page's expected error or a client's retry logic would not recognise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let sub: string;
let token: string;

const ARM = 'https://management.azure.com';

async function call(method: Dispatcher.HttpMethod, path: string, body?: unknown): Promise<{ status: number; json: { error?: { code: string; message: string } } & Record<string, unknown> }> {
  const res = await request(`${ARM}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    dispatcher: agent,
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text === '' ? {} : JSON.parse(text) };
}

const group = (name: string) => `/subscriptions/${sub}/resourceGroups/${name}`;
const accountPath = (rg: string, name: string) => `${group(rg)}/providers/Microsoft.Storage/storageAccounts/${name}?api-version=2023-05-01`;
const vaultPath = (rg: string, name: string) => `${group(rg)}/providers/Microsoft.KeyVault/vaults/${name}?api-version=2023-07-01`;
const accountBody = { location: 'westus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } };
const vaultBody = () => ({ location: 'westus', properties: { tenantId: emu.scenario.tenantId, sku: { family: 'A', name: 'standard' }, accessPolicies: [], enableRbacAuthorization: true } });

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  sub = emu.values.SUBSCRIPTION_ID!;
  const cli = emu.scenario.principals.find((p) => p.principalId === emu.scenario.cliPrincipal)!;
  token = (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://management.azure.com/', idtyp: 'user' })).token;
  for (const rg of ['gn-one', 'gn-two']) expect((await call('PUT', `${group(rg)}?api-version=2021-04-01`, { location: 'westus' })).status).toBe(201);
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

describe('global names answer as Azure does', () => {
  it('storage-account-name-invalid-code: a malformed name answers 400 AccountNameInvalid, as Azure does (was InvalidParameter)', async () => {
    const r = await call('PUT', accountPath('gn-one', 'myAKSStorageAccount'), accountBody);
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: 'AccountNameInvalid', message: 'myAKSStorageAccount is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.' });
  });

  it('a storage account name another group of the subscription holds: 409 StorageAccountInAnotherResourceGroup', async () => {
    expect((await call('PUT', accountPath('gn-one', 'gnshared1'), accountBody)).status).toBe(202);
    const again = await call('PUT', accountPath('gn-two', 'gnshared1'), accountBody);
    expect(again.status).toBe(409);
    expect(again.json.error).toEqual({ code: 'StorageAccountInAnotherResourceGroup', message: 'The account gnshared1 is already in another resource group in this subscription.' });
  });

  it('a storage account name held outside the subscription: 409 StorageAccountAlreadyTaken', async () => {
    const mine = emu.state.data.storageAccounts[0]!;
    emu.state.data.storageAccounts.push({ ...structuredClone(mine), name: 'gnelsewhere1', resourceGroup: 'someone-elses-group', containers: [] });
    const r = await call('PUT', accountPath('gn-one', 'gnelsewhere1'), accountBody);
    expect(r.status).toBe(409);
    expect(r.json.error).toEqual({ code: 'StorageAccountAlreadyTaken', message: 'The storage account named gnelsewhere1 is already taken.' });
  });

  it('a vault name in use: 409 VaultAlreadyExists; soft-deleted: 409 ConflictError until purged', async () => {
    expect((await call('PUT', vaultPath('gn-one', 'gn-vault-1'), vaultBody())).status).toBe(201);
    const taken = await call('PUT', vaultPath('gn-two', 'GN-VAULT-1'), vaultBody());
    expect(taken.status).toBe(409);
    expect(taken.json.error?.code).toBe('VaultAlreadyExists');
    expect(taken.json.error?.message).toMatch(/^The vault name 'GN-VAULT-1' is already in use\. Vault names are globally unique/);

    expect((await call('DELETE', `${group('gn-one')}?api-version=2021-04-01`)).status).toBe(202);
    const deleted = await call('PUT', vaultPath('gn-two', 'gn-vault-1'), vaultBody());
    expect(deleted.status).toBe(409);
    expect(deleted.json.error?.code).toBe('ConflictError');
    expect(deleted.json.error?.message).toMatch(/^A vault with the same name already exists in deleted state\. You need to either recover or purge/);

    const purge = await call('POST', `/subscriptions/${sub}/providers/Microsoft.KeyVault/locations/westus/deletedVaults/gn-vault-1/purge?api-version=2023-07-01`);
    expect(purge.status).toBe(202);
    expect((await call('PUT', vaultPath('gn-two', 'gn-vault-1'), vaultBody())).status).toBe(201);
  });

  it('defect: a vault soft-deleted in one World survived the reset into the next, whose own create then got ConflictError', async () => {
    expect((await call('PUT', `${group('gn-three')}?api-version=2021-04-01`, { location: 'westus' })).status).toBe(201);
    expect((await call('PUT', vaultPath('gn-three', 'gn-vault-2'), vaultBody())).status).toBe(201);
    expect((await call('DELETE', `${group('gn-three')}?api-version=2021-04-01`)).status).toBe(202);
    expect((await call('PUT', vaultPath('gn-two', 'gn-vault-2'), vaultBody())).json.error?.code).toBe('ConflictError');
    await emu.reset();
    expect((await call('PUT', `${group('gn-three')}?api-version=2021-04-01`, { location: 'westus' })).status).toBe(201);
    expect((await call('PUT', vaultPath('gn-three', 'gn-vault-2'), vaultBody())).status).toBe(201);
  });
});
