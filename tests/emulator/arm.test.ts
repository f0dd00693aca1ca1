import { createHmac } from 'node:crypto';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let sub: string;
let rg: string;
let account: string;
let vmToken: string;
let cliToken: string;

interface Res { status: number; headers: Record<string, string | string[] | undefined>; text: string; json: Record<string, any> | undefined }

async function call(method: Dispatcher.HttpMethod, url: string, headers: Record<string, string> = {}, body?: string): Promise<Res> {
  const res = await request(url, { method, headers, body, dispatcher: agent });
  const text = await res.body.text();
  let json: Record<string, any> | undefined;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.statusCode, headers: res.headers, text, json };
}
const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
const imdsToken = async (resource: string, extra = '') =>
  (await call('GET', `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(resource)}${extra}`, { Metadata: 'true' })).json!.access_token as string;

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  sub = emu.values.SUBSCRIPTION_ID!;
  rg = emu.values.RESOURCE_GROUP!;
  account = emu.values.STORAGE_ACCOUNT_NAME!;
  vmToken = await imdsToken('https://management.azure.com/');
  const cli = emu.scenario.principals.find((p) => p.principalId === emu.scenario.cliPrincipal)!;
  cliToken = (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://management.azure.com/', idtyp: 'user' })).token;
});
afterAll(async () => {
  await agent.close();
  await emu.close();
});

const ARM = 'https://management.azure.com';
const rgUrl = () => `${ARM}/subscriptions/${sub}/resourceGroups/${rg}?api-version=2016-09-01`;
const keysUrl = () => `${ARM}/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}/listKeys?api-version=2016-12-01`;
const sasUrl = () => `${ARM}/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}/listServiceSas/?api-version=2017-06-01`;

describe('ARM: what the tutorials do', () => {
  it('reads the resource group with the VM token, any path casing, trailing slash accepted', async () => {
    const r = await call('GET', rgUrl(), bearer(vmToken));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ id: `/subscriptions/${sub}/resourceGroups/${rg}`, name: rg, type: 'Microsoft.Resources/resourceGroups', location: 'westus', properties: { provisioningState: 'Succeeded' } });
    expect(r.headers['x-ms-request-id']).toBeTruthy();
    expect(r.headers['x-ms-correlation-request-id']).toBeTruthy();
    const lower = await call('GET', `${ARM}/SUBSCRIPTIONS/${sub}/resourcegroups/${rg.toUpperCase()}/?api-version=2016-09-01`, bearer(vmToken));
    expect(lower.status).toBe(200);
    expect(lower.json!.name).toBe(rg);
  });
  it('accepts a token for https://management.azure.com without the slash', async () => {
    const t = await imdsToken('https://management.azure.com');
    expect((await call('GET', rgUrl(), bearer(t))).status).toBe(200);
  });
  it('lists keys with curl -d "" (Content-Length 0, form content type)', async () => {
    const r = await call('POST', keysUrl(), { ...bearer(vmToken), 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' }, '');
    expect(r.status).toBe(200);
    expect(r.json!.keys.map((k: any) => k.keyName)).toEqual(['key1', 'key2']);
    expect(r.json!.keys[0].value).toBe(emu.scenario.storageAccounts[0]!.keys[0]);
    expect(r.json!.keys[0].permissions).toBe('FULL');
  });
  it('signs a service SAS as the Storage RP does (sv=2015-04-05, no fractional seconds, spr/st only when given)', async () => {
    const body = JSON.stringify({ canonicalizedResource: `/blob/${account}/${emu.values.CONTAINER_NAME}`, signedResource: 'c', signedPermission: 'rcw', signedProtocol: 'https', signedExpiry: '2030-01-01T10:00:00.123Z' });
    const r = await call('POST', sasUrl(), { ...bearer(vmToken), 'content-type': 'application/json' }, body);
    expect(r.status).toBe(200);
    const token = r.json!.serviceSasToken as string;
    expect(token).toMatch(/^sv=2015-04-05&sr=c&spr=https&se=2030-01-01T10%3A00%3A00Z&sp=rcw&sig=/);
    expect(token).not.toContain('st=');
    const sts = ['rcw', '', '2030-01-01T10:00:00Z', `/blob/${account}/${emu.values.CONTAINER_NAME}`, '', '', 'https', '2015-04-05', '', '', '', '', ''].join('\n');
    const expected = createHmac('sha256', Buffer.from(emu.scenario.storageAccounts[0]!.keys[0], 'base64')).update(sts).digest('base64');
    expect(decodeURIComponent(new URLSearchParams(token).get('sig')!)).toBe(expected);
  });
  it('creates a user-assigned identity, attaches it to the VM, and IMDS then issues for its client_id', async () => {
    const id = `/subscriptions/${sub}/resourcegroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${emu.values.UAMI_NAME}`;
    const put = await call('PUT', `${ARM}${id}?api-version=2023-01-31`, { ...bearer(cliToken), 'content-type': 'application/json' }, JSON.stringify({ location: 'westus' }));
    expect(put.status).toBe(201);
    expect(put.json!.id).toBe(id);
    const { clientId, principalId } = put.json!.properties;
    const before = await call('GET', `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/&client_id=${clientId}`, { Metadata: 'true' });
    expect(before.json).toEqual({ error: 'invalid_request', error_description: 'Identity not found' });
    const patch = await call('PATCH', `${ARM}/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Compute/virtualMachines/${emu.values.VM_NAME}?api-version=2024-03-01`, { ...bearer(cliToken), 'content-type': 'application/json' }, JSON.stringify({ identity: { type: 'SystemAssigned, UserAssigned', userAssignedIdentities: { [id]: {} } } }));
    expect(patch.status).toBe(200);
    expect(patch.json!.identity.userAssignedIdentities[id]).toEqual({ principalId, clientId });
    const after = await call('GET', `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com/&client_id=${clientId}`, { Metadata: 'true' });
    expect(after.status).toBe(200);
    const uamiToken = after.json!.access_token as string;
    // No role yet: 403 AuthorizationFailed; then Reader on the group (2015-07-01 answers 201) and it reads.
    expect((await call('GET', rgUrl(), bearer(uamiToken))).json!.error.code).toBe('AuthorizationFailed');
    const ra = await call('PUT', `${ARM}/subscriptions/${sub}/resourcegroups/${rg}/providers/Microsoft.Authorization/roleAssignments/7f1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b?api-version=2015-07-01`, { ...bearer(cliToken), 'content-type': 'application/json' }, JSON.stringify({ properties: { roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId } }));
    expect(ra.status).toBe(201);
    expect(Object.keys(ra.json!.properties)).toEqual(['roleDefinitionId', 'principalId', 'scope']);
    expect((await call('GET', rgUrl(), bearer(uamiToken))).status).toBe(200);
    await emu.reset();
    expect(emu.state.data.userAssignedIdentities).toHaveLength(0);
  });
  it('resolves a role by name as the CLI does', async () => {
    const r = await call('GET', `${ARM}/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions?$filter=${encodeURIComponent("roleName eq 'Storage Blob Data Reader'")}&api-version=2022-04-01`, bearer(cliToken));
    expect(r.status).toBe(200);
    expect(r.json!.value).toHaveLength(1);
    expect(r.json!.value[0].name).toBe('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
    expect(r.json!.value[0].properties.permissions[0].dataActions).toEqual(['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']);
    const byId = await call('GET', `${ARM}/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/81a9662b-bebf-436f-a333-f67b29880f12?api-version=2022-04-01`, bearer(cliToken));
    expect(byId.json!.properties.roleName).toBe('Storage Account Key Operator Service Role');
  });
});

describe('ARM and IMDS negative cases: Azure status and code', () => {
  const imds = (q: string, h: Record<string, string> = { Metadata: 'true' }, m: Dispatcher.HttpMethod = 'GET') => call(m, `http://169.254.169.254/metadata/identity/oauth2/token${q}`, h);
  const q = '?api-version=2018-02-01&resource=https://management.azure.com/';

  it('IMDS: missing Metadata header → 400 invalid_request', async () => {
    const r = await imds(q, {});
    expect([r.status, r.json!.error, r.json!.error_description]).toEqual([400, 'invalid_request', 'Required metadata header not specified']);
  });
  it('IMDS: Metadata "true<NBSP>" is not "true"', async () => {
    const r = await imds(q, { Metadata: 'true\u00a0' });
    expect([r.status, r.json!.error]).toEqual([400, 'invalid_request']);
  });
  it('IMDS: X-Forwarded-For refused', async () => {
    const r = await imds(q, { Metadata: 'true', 'X-Forwarded-For': '10.0.0.1' });
    expect([r.status, r.json!.error]).toEqual([400, 'invalid_request']);
  });
  it('IMDS: POST → 405', async () => {
    expect((await imds(q, { Metadata: 'true' }, 'POST')).status).toBe(405);
  });
  it('IMDS: identity with api-version 2017-12-01 → 400 with newest-versions', async () => {
    const r = await imds('?api-version=2017-12-01&resource=https://management.azure.com/');
    expect(r.status).toBe(400);
    expect(r.json!['newest-versions']).toHaveLength(3);
  });
  it('IMDS: unknown client_id → Identity not found', async () => {
    const r = await imds(`${q}&client_id=00000000-0000-0000-0000-000000000000`);
    expect([r.status, r.json!.error_description]).toEqual([400, 'Identity not found']);
  });
  it('IMDS: duplicate query names rejected', async () => {
    expect((await imds(`${q}&resource=https://vault.azure.net`)).status).toBe(400);
  });
  it('IMDS: a resource the tenant does not know (typo) → invalid_resource AADSTS500011', async () => {
    const r = await imds('?api-version=2018-02-01&resource=https://managment.azure.com/');
    expect([r.status, r.json!.error]).toEqual([400, 'invalid_resource']);
    expect(r.json!.error_description).toMatch(/^AADSTS500011: The resource principal named https:\/\/managment\.azure\.com\/ was not found/);
  });
  it('legacy endpoint refused when the scenario leaves it off', async () => {
    await expect(call('GET', 'http://localhost:50342/oauth2/token?resource=https://management.azure.com/', { Metadata: 'true' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
  it('ARM: missing Authorization → 401 AuthenticationFailed (gateway)', async () => {
    const r = await call('GET', rgUrl());
    expect([r.status, r.json!.error.code, r.headers['x-ms-failure-cause']]).toEqual([401, 'AuthenticationFailed', 'gateway']);
  });
  it('ARM: malformed Authorization → 401 AuthenticationFailedInvalidHeader', async () => {
    const r = await call('GET', rgUrl(), { Authorization: vmToken });
    expect([r.status, r.json!.error.code]).toEqual([401, 'AuthenticationFailedInvalidHeader']);
  });
  it('ARM: the page\'s elided token "eyJ0eXAi..." → 401 InvalidAuthenticationToken', async () => {
    const r = await call('GET', rgUrl(), bearer('eyJ0eXAi...'));
    expect([r.status, r.json!.error.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
  it('ARM: tampered signature → 401 InvalidAuthenticationToken', async () => {
    const [h, p, s] = vmToken.split('.');
    const r = await call('GET', rgUrl(), bearer(`${h}.${p}.${s!.startsWith('A') ? 'B' : 'A'}${s!.slice(1)}`));
    expect([r.status, r.json!.error.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
  it('ARM: a storage token → 401 InvalidAuthenticationTokenAudience', async () => {
    const r = await call('GET', rgUrl(), bearer(await imdsToken('https://storage.azure.com/')));
    expect([r.status, r.json!.error.code]).toEqual([401, 'InvalidAuthenticationTokenAudience']);
    expect(r.json!.error.message).toContain("wrong audience or resource 'https://storage.azure.com/'");
  });
  it('ARM: expired token → 401 ExpiredAuthenticationToken', async () => {
    const vm = emu.scenario.vm.systemAssigned!;
    const old = await emu.tokens.issue({ principalId: vm.principalId, clientId: vm.clientId, resource: 'https://management.azure.com/', issuedAt: new Date(Date.now() - 2 * 86_400_000) });
    const r = await call('GET', rgUrl(), bearer(old.token));
    expect([r.status, r.json!.error.code]).toEqual([401, 'ExpiredAuthenticationToken']);
    expect(r.json!.error.message).toMatch(/^The access token expiry UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M' is earlier than current UTC time/);
  });
  it('ARM: identity without any role → 403 AuthorizationFailed naming action and scope', async () => {
    const stranger = await emu.tokens.issue({ principalId: '11111111-2222-4333-8444-555555555555', clientId: '66666666-7777-4888-9999-000000000000', resource: 'https://management.azure.com/' });
    const r = await call('GET', rgUrl(), bearer(stranger.token));
    expect([r.status, r.json!.error.code]).toEqual([403, 'AuthorizationFailed']);
    expect(r.json!.error.message).toContain(`perform action 'Microsoft.Resources/subscriptions/resourceGroups/read' over scope '/subscriptions/${sub}/resourceGroups/${rg}'`);
  });
  it('ARM: Reader calling listKeys → 403 AuthorizationFailed', async () => {
    const uami = { principalId: '21212121-2222-4333-8444-555555555555', clientId: '31313131-7777-4888-9999-000000000000' };
    emu.state.data.roleAssignments.push({ principalId: uami.principalId, role: 'Reader', scope: `/subscriptions/${sub}/resourceGroups/${rg}` });
    const t = await emu.tokens.issue({ ...uami, resource: 'https://management.azure.com/' });
    expect((await call('GET', rgUrl(), bearer(t.token))).status).toBe(200);
    const r = await call('POST', keysUrl(), { ...bearer(t.token), 'content-length': '0' }, '');
    expect([r.status, r.json!.error.code]).toEqual([403, 'AuthorizationFailed']);
    expect(r.json!.error.message).toContain("perform action 'Microsoft.Storage/storageAccounts/listKeys/action' over scope");
    expect(r.headers['x-ms-ratelimit-remaining-subscription-writes']).toBeDefined();
    await emu.reset();
  });
  it('ARM: unknown api-version → 400 InvalidApiVersionParameter listing 2016-09-01', async () => {
    const r = await call('GET', `${ARM}/subscriptions/${sub}/resourceGroups/${rg}?api-version=2099-01-01`, bearer(vmToken));
    expect([r.status, r.json!.error.code]).toEqual([400, 'InvalidApiVersionParameter']);
    expect(r.json!.error.message).toContain('2016-09-01');
  });
  it('ARM: missing api-version → 400 MissingApiVersionParameter', async () => {
    const r = await call('GET', `${ARM}/subscriptions/${sub}/resourceGroups/${rg}`, bearer(vmToken));
    expect([r.status, r.json!.error.code]).toEqual([400, 'MissingApiVersionParameter']);
  });
  it('ARM: unknown resource group → 404 ResourceGroupNotFound with read rights, 403 without', async () => {
    const url = `${ARM}/subscriptions/${sub}/resourceGroups/DevTest?api-version=2016-09-01`;
    const owner = await call('GET', url, bearer(cliToken));
    expect([owner.status, owner.json!.error.code, owner.headers['x-ms-failure-cause']]).toEqual([404, 'ResourceGroupNotFound', 'gateway']);
    const vm = await call('GET', url, bearer(vmToken)); // Reader on mi-test only
    expect([vm.status, vm.json!.error.code]).toEqual([403, 'AuthorizationFailed']);
  });
  it('ARM: POST listKeys with no body and no Content-Length → 411', async () => {
    // What `curl -X POST` without -d sends: no Content-Length, no Transfer-Encoding (undici would add a length).
    const decision = emu.route('management.azure.com', 443);
    if (decision?.kind !== 'connect') throw new Error('management.azure.com is not routed to the emulator');
    const socket = tls.connect({ host: decision.host, port: decision.port, servername: 'management.azure.com', ca: emu.caPem });
    const path = new URL(keysUrl());
    socket.write(`POST ${path.pathname}${path.search} HTTP/1.1\r\nHost: management.azure.com\r\nAuthorization: Bearer ${vmToken}\r\nConnection: close\r\n\r\n`);
    const chunks: Buffer[] = [];
    for await (const c of socket) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 411 Length Required');
    expect(raw).toContain('HTTP Error 411. The request must be chunked or have a content length.');
  });
  it('ARM: listServiceSas with curl -d\'s form content type → 415 UnsupportedMediaType', async () => {
    const body = JSON.stringify({ canonicalizedResource: `/blob/${account}/c`, signedResource: 'c', signedPermission: 'rcw', signedExpiry: '2030-01-01T00:00:00Z' });
    const r = await call('POST', sasUrl(), { ...bearer(vmToken), 'content-type': 'application/x-www-form-urlencoded' }, body);
    expect([r.status, r.json!.error.code]).toEqual([415, 'UnsupportedMediaType']);
    expect(r.json!.error.message).toBe("The content media type 'application/x-www-form-urlencoded' is not supported. Only 'application/json' is supported.");
    const none = await call('POST', sasUrl(), bearer(vmToken), body);
    expect(none.json!.error.message).toBe("The content media type '<null>' is not supported. Only 'application/json' is supported.");
  });
  it('ARM: role assignment for an unknown principal → 400 PrincipalNotFound', async () => {
    const r = await call('PUT', `${ARM}/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Authorization/roleAssignments/8e1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b?api-version=2022-04-01`, { ...bearer(cliToken), 'content-type': 'application/json' }, JSON.stringify({ properties: { roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId: '99999999-9999-4999-8999-999999999999' } }));
    expect([r.status, r.json!.error.code]).toEqual([400, 'PrincipalNotFound']);
  });
  it('ARM: role assignment with a real built-in role the emulator does not model (a conditional one) is not emulated, never RoleDefinitionDoesNotExist; a made-up GUID is', async () => {
    const put = (guid: string, name: string) =>
      call('PUT', `${ARM}/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`, { ...bearer(cliToken), 'content-type': 'application/json' }, JSON.stringify({ properties: { roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`, principalId: emu.scenario.vm.systemAssigned!.principalId } }));
    // Key Vault Data Access Administrator, from the built-in role catalog: its ABAC condition is not evaluated here
    const real = await put('8b54135c-b56d-4d72-a534-26097cfdc8d8', '8e1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a60');
    expect(real.status).toBe(501);
    expect(String(real.headers['x-emulator-not-emulated'])).toContain("the built-in role 'Key Vault Data Access Administrator' (8b54135c-b56d-4d72-a534-26097cfdc8d8) is not among the emulator's role definitions: it carries an ABAC condition");
    const madeUp = await put('12338af0-0e69-4776-bea7-57ae8d297425', '8e1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a61');
    expect([madeUp.status, madeUp.json!.error.code]).toEqual([400, 'RoleDefinitionDoesNotExist']);
  });
  it('ARM: role assignment by the VM identity (Reader) → 403 AuthorizationFailed', async () => {
    const r = await call('PUT', `${ARM}/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Authorization/roleAssignments/8e1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5c?api-version=2022-04-01`, { ...bearer(vmToken), 'content-type': 'application/json' }, JSON.stringify({ properties: { roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', principalId: emu.scenario.vm.systemAssigned!.principalId } }));
    expect([r.status, r.json!.error.code]).toEqual([403, 'AuthorizationFailed']);
  });
  it('ARM: role assignment scopes are checked after authorization: container scope works, a missing account is ResourceNotFound, the page\'s malformed ".../blobServices/default/<container>" is not emulated', async () => {
    const acct = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}`;
    const put = (scope: string, name: string) =>
      call('PUT', `${ARM}${scope}/providers/Microsoft.Authorization/roleAssignments/${name}?api-version=2022-04-01`, { ...bearer(cliToken), 'content-type': 'application/json' }, JSON.stringify({ properties: { roleDefinitionId: `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`, principalId: emu.scenario.vm.systemAssigned!.principalId } }));
    const ok = await put(`${acct}/blobServices/default/containers/${emu.values.CONTAINER_NAME}`, '9a1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5b');
    expect(ok.status).toBe(201);
    expect(ok.json!.properties.principalType).toBe('ServicePrincipal');
    const missing = await put(acct.replace(account, 'nosuchaccount1'), '9a1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5c');
    expect([missing.status, missing.json!.error.code]).toEqual([404, 'ResourceNotFound']);
    const malformed = await put(`${acct}/blobServices/default/${emu.values.CONTAINER_NAME}`, '9a1c2b3a-4d5e-4f60-8a9b-0c1d2e3f4a5d');
    expect(malformed.status).toBe(501);
    expect(String(malformed.headers['x-emulator-not-emulated'])).toContain('not a well-formed resource id');
    await emu.reset();
  });
  it('ARM: unknown storage account (existing group) → 404 ResourceNotFound', async () => {
    const r = await call('POST', keysUrl().replace(account, 'nosuchaccount1'), { ...bearer(cliToken), 'content-length': '0' }, '');
    expect([r.status, r.json!.error.code]).toEqual([404, 'ResourceNotFound']);
  });
  it('ARM: unknown storage api-version → 400 NoRegisteredProviderFound', async () => {
    const r = await call('POST', keysUrl().replace('2016-12-01', '2016-12-02'), { ...bearer(vmToken), 'content-length': '0' }, '');
    expect([r.status, r.json!.error.code]).toEqual([400, 'NoRegisteredProviderFound']);
  });
  it('unmodelled hosts and paths answer 501 not emulated', async () => {
    const r = await call('GET', `${ARM}/subscriptions/${sub}/providers/Microsoft.Batch/batchAccounts?api-version=2024-07-01`, bearer(vmToken));
    expect(r.status).toBe(501);
    expect(r.headers['x-emulator-not-emulated']).toBeTruthy();
    const other = await call('GET', 'https://example.table.core.windows.net/Tables');
    expect(other.status).toBe(501);
  });
});
