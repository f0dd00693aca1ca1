// The storage container/blob/keys, Key Vault secret list and role assignment list equivalents against
// the real emulator, one command at a time: az's request sequence (its key look-up through Resource
// Manager when no credential is given, the token for https://storage.azure.com in login mode), its
// printed shapes, and its answers to failures (a container that exists is {"created": false}, not an
// error; a missing account; a role that does not exist; flags az rejects together).
import { describe, expect, it } from 'vitest';
import { azHarness } from './az-harness.ts';
import type { StepOutcome } from '../../src/run/context.ts';

const h = azHarness('tc-az-lists-');

const az = (text: string, env: Map<string, string> = new Map()): Promise<StepOutcome> => h.run(text, env);

const calls = (out: StepOutcome): string[] => out.exchanges.map((e) => `${e.request.method} ${new URL(e.request.url).host}${new URL(e.request.url).pathname}`);
const account = () => h.target.handle.scenario.storageAccounts[0]!;

describe('az storage container create', () => {
  it('without a credential: az warns, finds the key through Resource Manager, creates; a second create is {"created": false}, with --fail-on-exist an error', async () => {
    const a = account();
    const first = await az(`az storage container create --name fresh --account-name ${a.name}`);
    expect(first.error).toBeUndefined();
    expect(first.output).toMatchObject({ stdout: '{\n  "created": true\n}\n', exitCode: 0 });
    expect(first.output?.stderr).toContain('There are no credentials provided in your command and environment, we will query for account key for your storage account.');
    expect(calls(first).filter((c) => !c.startsWith('POST login.'))).toEqual([
      `GET management.azure.com/subscriptions/${h.target.handle.scenario.subscriptionId}/providers/Microsoft.Storage/storageAccounts`,
      `POST management.azure.com/subscriptions/${h.target.handle.scenario.subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}/listKeys`,
      `PUT ${a.name}.blob.core.windows.net/fresh`,
    ]);
    const put = first.exchanges.at(-1)!;
    expect(put.request.url).toContain('restype=container');
    expect(put.request.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toMatch(/^SharedKey /);

    const again = await az(`az storage container create --name fresh --account-name ${a.name} --account-key ${a.keys[0]}`);
    expect(again.output).toMatchObject({ stdout: '{\n  "created": false\n}\n', stderr: '', exitCode: 0 });
    expect(again.exchanges.at(-1)?.response?.status).toBe(409);
    const strict = await az(`az storage container create --name fresh --account-name ${a.name} --account-key ${a.keys[0]} --fail-on-exist`);
    expect(strict.output?.exitCode).toBe(1);
    expect(strict.output?.stderr).toMatch(/^ERROR: The specified container already exists\.\nErrorCode:ContainerAlreadyExists\n$/);
  });

  it('--auth-mode login sends a bearer token for storage and ignores a key, saying so', async () => {
    const a = account();
    const out = await az(`az storage container create -n viatoken --account-name ${a.name} --auth-mode login --account-key ${a.keys[1]}`);
    expect(out.output?.stdout).toBe('{\n  "created": true\n}\n');
    expect(out.output?.stderr).toBe('WARNING: In "login" auth mode, the following arguments are ignored: --account-key\n');
    const put = out.exchanges.find((e) => e.request.method === 'PUT')!;
    expect(put.request.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toMatch(/^Bearer /);
    expect(calls(out).some((c) => c.includes('management.azure.com'))).toBe(false);
    // The account forbids public access (allowBlobPublicAccess false): Azure refuses the header, and so does the emulator.
    const open = await az(`az storage container create -n opened --account-name ${a.name} --auth-mode login --public-access blob`);
    expect(open.exchanges.at(-1)?.request.headers.find(([n]) => n.toLowerCase() === 'x-ms-blob-public-access')?.[1]).toBe('blob');
    expect(open.output).toMatchObject({ exitCode: 1, stderr: expect.stringMatching(/^ERROR: Public access is not permitted on this storage account\.\nErrorCode:PublicAccessNotPermitted\n$/) });
  });

  it('an account the subscription does not have: az warns that the look-up failed, then its request finds no host', async () => {
    const out = await az('az storage container create --name x --account-name nosuchaccount1');
    expect(out.output?.exitCode).toBe(1);
    expect(out.output?.stderr).toContain("WARNING: \nSkip querying account key due to failure: Storage account 'nosuchaccount1' not found.\n");
    expect(out.error?.message).toMatch(/nosuchaccount1\.blob\.core\.windows\.net/);
  });

  it('the account and key from AZURE_STORAGE_CONNECTION_STRING, as az reads its environment', async () => {
    const a = account();
    const env = new Map([['AZURE_STORAGE_CONNECTION_STRING', `DefaultEndpointsProtocol=https;AccountName=${a.name};AccountKey=${a.keys[0]};EndpointSuffix=core.windows.net`]]);
    const out = await az('az storage container create --name fromenv', env);
    expect(out.output?.stdout).toBe('{\n  "created": true\n}\n');
    expect(calls(out)).toEqual([`PUT ${a.name}.blob.core.windows.net/fromenv`]);
  });
});

describe('az storage container list and blob list', () => {
  it('container list prints each container as az does; --num-results 1 prints one and az\'s next-marker warning', async () => {
    const a = account();
    const all = await az(`az storage container list --account-name ${a.name} --account-key ${a.keys[0]}`);
    const printed = JSON.parse(all.output?.stdout ?? '') as { name: string; properties: { lease: { state: string } } }[];
    expect(printed.map((c) => c.name)).toEqual(expect.arrayContaining([a.containers[0]!.name, 'fresh']));
    expect(Object.keys(printed[0]!)).toEqual(['deleted', 'encryptionScope', 'immutableStorageWithVersioningEnabled', 'metadata', 'name', 'properties', 'version']);
    expect(printed[0]!.properties.lease.state).toBe('available');
    expect(all.exchanges[0]?.request.url).toMatch(/\?comp=list&maxresults=5000$/);
    const one = await az(`az storage container list --account-name ${a.name} --account-key ${a.keys[0]} --num-results 1`);
    expect(JSON.parse(one.output?.stdout ?? '')).toHaveLength(1);
    expect(one.output?.stderr).toMatch(/^WARNING: Next Marker:\nWARNING: \S+\n$/);
  });

  it('blob list with a key prints the blobs as az does; in login mode without a data role it is Azure\'s 403 and az\'s roles hint', async () => {
    const a = account();
    const c = a.containers[0]!.name;
    const listed = await az(`az storage blob list -c ${c} --account-name ${a.name} --account-key ${a.keys[0]}`);
    const blobs = JSON.parse(listed.output?.stdout ?? '') as { container: string; name: string; properties: { blobType: string; contentRange: unknown } }[];
    expect(blobs.length).toBeGreaterThan(0);
    expect(blobs[0]).toMatchObject({ container: c, properties: { blobType: 'BlockBlob', contentRange: null } });
    const denied = await az(`az storage blob list -c ${c} --account-name ${a.name} --auth-mode login`);
    expect(denied.output?.exitCode).toBe(1);
    expect(denied.exchanges.at(-1)?.response?.status).toBe(403);
    expect(denied.output?.stderr).toMatch(/^ERROR: This request is not authorized to perform this operation using this permission\.\nErrorCode:AuthorizationPermissionMismatch\n\nYou do not have the required permissions/);
  });

  it('--delimiter is a real option the equivalent does not model: unsupported, not a wrong listing', async () => {
    const a = account();
    const out = await az(`az storage blob list -c ${a.containers[0]!.name} --account-name ${a.name} --account-key ${a.keys[0]} --delimiter /`);
    expect(out.error).toMatchObject({ kind: 'unsupported', unsupported: 'az-no-equivalent' });
  });
});

describe('az storage account keys list', () => {
  it('without -g az finds the group first; the keys are printed and registered as secrets', async () => {
    const a = account();
    const out = await az(`az storage account keys list --account-name ${a.name}`);
    const keys = JSON.parse(out.output?.stdout ?? '') as { keyName: string; value: string; permissions: string; creationTime: string }[];
    expect(keys.map((k) => [k.keyName, k.value, k.permissions])).toEqual([['key1', a.keys[0], 'FULL'], ['key2', a.keys[1], 'FULL']]);
    expect(keys[0]!.creationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
    expect(calls(out).filter((c) => c.includes('management'))).toHaveLength(2);
    const known = h.secrets.values().map((s) => s.value);
    expect(known).toEqual(expect.arrayContaining([a.keys[0], a.keys[1]]));
  });

  it("a missing account: az's own message without -g; ARM's 404 and exit status 3 with it", async () => {
    const lost = await az('az storage account keys list -n nosuchaccount1');
    expect(lost.output).toMatchObject({ stderr: "ERROR: Storage account 'nosuchaccount1' not found.\n", exitCode: 1 });
    const missing = await az(`az storage account keys list -n nosuchaccount1 -g ${account().resourceGroup}`);
    expect(missing.output?.exitCode).toBe(3);
    expect(missing.output?.stderr).toMatch(/^ERROR: \(ResourceNotFound\) /);
  });
});

describe('az keyvault secret list', () => {
  it("lists the vault's secrets as az prints their properties (no values), following nextLink", async () => {
    const created = await az(`az keyvault create -n listkv1 -g ${account().resourceGroup} --enable-rbac-authorization false`);
    expect(created.error).toBeUndefined();
    for (let i = 0; i < 27; i++) expect((await az(`az keyvault secret set --vault-name listkv1 -n s${i} --value v${i}`)).output?.exitCode).toBe(0);
    const out = await az('az keyvault secret list --vault-name listkv1');
    const items = JSON.parse(out.output?.stdout ?? '') as Record<string, unknown>[];
    expect(items).toHaveLength(27);
    expect(Object.keys(items[0]!)).toEqual(['attributes', 'contentType', 'id', 'managed', 'name', 'tags']);
    expect(out.output?.stdout).not.toContain('"value"');
    // Key Vault pages 25 at a time: az follows the nextLink.
    expect(out.exchanges.filter((e) => e.request.method === 'GET' && new URL(e.request.url).pathname === '/secrets')).toHaveLength(2);
  });

  it('a vault the signed-in account may not read: Key Vault\'s 403, as az prints it', async () => {
    const out = await az('az keyvault secret list --vault-name mytestkeyvault');
    expect(out.output?.exitCode).toBe(1);
    expect(out.output?.stderr).toMatch(/^ERROR: \(Forbidden\) /);
  });
});

describe('az role assignment list', () => {
  it('at the subscription by default: the assignments at exactly that scope, with the role and principal names az fills in', async () => {
    const sub = h.target.handle.scenario.subscriptionId;
    const out = await az('az role assignment list');
    const items = JSON.parse(out.output?.stdout ?? '') as { scope: string; roleDefinitionName: string; principalName: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.scope).toBe(`/subscriptions/${sub}`);
    expect(items[0]).toMatchObject({ roleDefinitionName: 'Owner', principalName: expect.stringContaining('@') });
    expect(out.exchanges.find((e) => e.request.url.includes('roleAssignments'))?.request.url).toContain('$filter=atScope()');
    expect(calls(out)).toContain('POST graph.microsoft.com/v1.0/directoryObjects/getByIds');
  });

  it('-g lists nothing at the group itself; --include-inherited adds what is above; --role filters; --fill-principal-name false skips Graph', async () => {
    const rg = account().resourceGroup;
    const own = JSON.parse((await az(`az role assignment list -g ${rg} --role Owner`)).output?.stdout ?? '') as unknown[];
    expect(own).toEqual([]);
    const inherited = await az(`az role assignment list -g ${rg} --role Owner --include-inherited --fill-principal-name false`);
    const items = JSON.parse(inherited.output?.stdout ?? '') as Record<string, unknown>[];
    expect(items.map((i) => i.roleDefinitionName)).toEqual(['Owner']);
    expect(items[0]).not.toHaveProperty('principalName');
    expect(calls(inherited).some((c) => c.includes('graph.microsoft.com'))).toBe(false);
  });

  it("az's own errors: a role that does not exist, -g with --scope, --all with a scope; a management group scope is not emulated", async () => {
    const sub = h.target.handle.scenario.subscriptionId;
    expect((await az('az role assignment list --role "Readr"')).output).toMatchObject({ stderr: "ERROR: Role 'Readr' doesn't exist.\n", exitCode: 1 });
    expect((await az(`az role assignment list -g x --scope /subscriptions/${sub}`)).output?.stderr).toBe('ERROR: Resource group "x" is redundant because scope is supplied\n');
    expect((await az(`az role assignment list --all --scope /subscriptions/${sub}`)).output?.stderr).toBe('ERROR: group or scope are not required when --all is used\n');
    expect((await az('az role assignment list --scope /providers/Microsoft.Management/managementGroups/g1')).error).toMatchObject({ kind: 'unsupported', unsupported: 'not-emulated' });
  });
});
