// Unmodified Azure SDK for JavaScript clients in their own processes, configured only the way the
// README tells a user (HTTPS_PROXY and HTTP_PROXY naming the emulator, NODE_EXTRA_CA_CERTS its CA;
// TLS verified, nothing patched): MSAL client-secret and managed-identity sign-in, subscriptions,
// storage account list and key look-up, Key Vault list/versions/update/delete/recover, Blob over
// http://. And the exact Microsoft Graph requests az makes, sent through the same proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { ProxyAgent, request } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';

const clients = (name: string): string => fileURLToPath(new URL(`./clients/${name}`, import.meta.url));

const SP = { principalId: '6b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', clientId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', clientSecret: 'sp-secret-for-proxy-tests' };
let emu: EmulatorHandle;

beforeAll(async () => {
  const scenario = defaultScenario();
  // A deployment service principal with Reader on the tutorial's group only: it sees the subscription.
  scenario.principals.push({ ...SP, displayName: 'tutorial-deployer', kind: 'ServicePrincipal' });
  scenario.roleAssignments.push({ principalId: SP.principalId, role: 'Reader', scope: `/subscriptions/${scenario.subscriptionId}/resourceGroups/${scenario.values.RESOURCE_GROUP}` });
  emu = await startEmulator({ scenario });
});
afterAll(async () => {
  await emu?.close();
});

/** A client process with nothing but the README's variables (no inherited proxy or identity settings). */
async function runClient(script: string, args: string[], extra: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const r = await execa('node', [clients(script), ...args], {
    reject: false,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', HTTPS_PROXY: emu.httpUrl, HTTP_PROXY: emu.httpUrl, NODE_EXTRA_CA_CERTS: emu.caPath, ...extra },
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('Azure SDK for JavaScript through the proxy mode', () => {
  it('ClientSecretCredential (MSAL discovery, client credentials) and ManagedIdentityCredential (IMDS over HTTP_PROXY); subscription list and get; storage account list and key look-up', async () => {
    const s = emu.scenario;
    const out = await runClient('arm-identity.mjs', [s.tenantId, SP.clientId, s.subscriptionId, emu.values.STORAGE_ACCOUNT_NAME!], { TC_TEST_CLIENT_SECRET: SP.clientSecret });
    expect(out).toEqual({
      spToken: 3,
      subscriptions: [{ id: s.subscriptionId, name: 'Tutorial Subscription', state: 'Enabled', tenantId: s.tenantId }],
      subscription: 'Tutorial Subscription',
      tenants: [s.tenantId],
      miToken: 3,
      accounts: [`/subscriptions/${s.subscriptionId}/resourceGroups/${emu.values.RESOURCE_GROUP}/providers/Microsoft.Storage/storageAccounts/${emu.values.STORAGE_ACCOUNT_NAME}`],
      keys: ['key1', 'key2'],
    });
  });

  it('SecretClient: listPropertiesOfSecrets, listPropertiesOfSecretVersions, updateSecretProperties, beginDeleteSecret, getDeletedSecret, beginRecoverDeletedSecret', async () => {
    const vaultUrl = emu.values.YOUR_KEY_VAULT_URL!;
    const out = await runClient('keyvault.mjs', [vaultUrl, 'proxy-secret']);
    expect(out.set).toEqual({ env: 'test' });
    expect(out.list).toEqual(expect.arrayContaining(['MyTestSecret', 'proxy-secret']));
    const versions = out.versions as { version: string; tags: unknown; expiresOn: string | null }[];
    expect(versions).toHaveLength(2);
    expect(versions.map((v) => v.version)).toEqual([...versions.map((v) => v.version)].sort());
    expect(versions).toContainEqual(expect.objectContaining({ tags: { env: 'test' }, expiresOn: '2031-01-01T00:00:00.000Z' }));
    expect(out.update).toEqual({ enabled: false, tags: { state: 'retired' } });
    expect(out.getDisabled).toEqual({ error: expect.stringContaining('Forbidden 403 Operation get is not allowed on a disabled secret.') });
    expect(out.delete).toEqual({ name: 'proxy-secret', recoveryId: `${vaultUrl}deletedsecrets/proxy-secret`, scheduled: true });
    expect(out.getAfterDelete).toEqual({ error: expect.stringContaining('SecretNotFound 404') });
    expect(out.deleted).toBe('proxy-secret');
    expect(out.recover).toBe('proxy-secret');
    expect(emu.state.data.keyVaults[0]!.secrets.filter((x) => x.name === 'proxy-secret')).toHaveLength(2);
  });

  it('BlobServiceClient over http:// is refused with 400 AccountRequiresHttps', async () => {
    const a = emu.scenario.storageAccounts[0]!;
    const out = await runClient('blob-http.mjs', [a.name, a.keys[0]]);
    expect(out).toEqual({ status: 400, code: 'AccountRequiresHttps', message: 'The account being accessed does not support http.' });
  });
});

describe('Microsoft Graph: the requests az role assignment create --assignee makes', () => {
  // azure-cli role/custom.py _resolve_object_id_and_type: servicePrincipals by name, then (a GUID) getByIds.
  const graph = async (token: string, method: 'GET' | 'POST', path: string, body?: unknown) => {
    const dispatcher = new ProxyAgent({ uri: emu.httpUrl, requestTls: { ca: emu.caPem } });
    try {
      const res = await request(`https://graph.microsoft.com/v1.0${path}`, {
        method,
        dispatcher,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.statusCode, json: (await res.body.json()) as { value?: Record<string, unknown>[]; error?: { code: string; message: string } } };
    } finally {
      await dispatcher.close();
    }
  };
  const userToken = async () => {
    const cli = emu.scenario.principals[0]!;
    return (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://graph.microsoft.com/', idtyp: 'user' })).token;
  };

  it('a known principal: the VM identity by its client id (servicePrincipalNames), then by object id (getByIds)', async () => {
    const t = await userToken();
    const vm = emu.scenario.vm.systemAssigned!;
    const byName = await graph(t, 'GET', `/servicePrincipals?$filter=${encodeURIComponent(`servicePrincipalNames/any(c:c eq '${vm.clientId}')`)}`);
    expect(byName.status).toBe(200);
    expect(byName.json.value).toEqual([expect.objectContaining({ id: vm.principalId, appId: vm.clientId, displayName: emu.values.VM_NAME, servicePrincipalType: 'ManagedIdentity' })]);
    const byId = await graph(t, 'POST', '/directoryObjects/getByIds', { ids: [vm.principalId], types: ['user', 'group', 'servicePrincipal', 'directoryObjectPartnerReference'] });
    expect(byId.status).toBe(200);
    expect(byId.json.value).toEqual([expect.objectContaining({ '@odata.type': '#microsoft.graph.servicePrincipal', id: vm.principalId })]);
  });

  it('an unknown principal: both look-ups come back empty (az then says "Cannot find user or service principal in graph database")', async () => {
    const t = await userToken();
    const unknown = '0f0e0d0c-0b0a-4909-8807-060504030201';
    expect((await graph(t, 'GET', `/servicePrincipals?$filter=${encodeURIComponent(`servicePrincipalNames/any(c:c eq '${unknown}')`)}`)).json.value).toEqual([]);
    expect((await graph(t, 'POST', '/directoryObjects/getByIds', { ids: [unknown], types: ['user', 'group', 'servicePrincipal', 'directoryObjectPartnerReference'] })).json.value).toEqual([]);
  });

  it('a user by sign-in name; a managed identity without Graph permissions gets 403 Authorization_RequestDenied; a token for ARM gets 401', async () => {
    const t = await userToken();
    const users = await graph(t, 'GET', `/users?$filter=${encodeURIComponent("userPrincipalName eq 'tutorial.reader@tutorialdirectory.onmicrosoft.com'")}`);
    expect(users.json.value).toEqual([expect.objectContaining({ id: emu.scenario.principals[0]!.principalId, displayName: 'Tutorial Reader' })]);
    const vm = emu.scenario.vm.systemAssigned!;
    const miToken = (await emu.tokens.issue({ principalId: vm.principalId, clientId: vm.clientId, resource: 'https://graph.microsoft.com', idtyp: 'app' })).token;
    const denied = await graph(miToken, 'GET', `/servicePrincipals?$filter=${encodeURIComponent(`servicePrincipalNames/any(c:c eq '${vm.clientId}')`)}`);
    expect(denied.status).toBe(403);
    expect(denied.json.error).toMatchObject({ code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    const armToken = (await emu.tokens.issue({ principalId: vm.principalId, clientId: vm.clientId, resource: 'https://management.azure.com/', idtyp: 'app' })).token;
    const wrong = await graph(armToken, 'GET', '/servicePrincipals?$filter=appId%20eq%20%27x%27');
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token validation failure. Invalid audience.' });
  });
});
