import { describe, expect, it } from 'vitest';
import { checkContract } from '../../src/check/contract.ts';
import { identifyOperation } from '../../src/check/operations.ts';
import { producedBy } from '../../src/check/produced.ts';
import { azStep, curl, exchange, httpStep, imdsAnswer, json, observation } from './fixtures.ts';

const SAK = 'tutorials/000-storage-access-key.md';
const SUB = '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e';

describe('identifyOperation', () => {
  it.each([
    ['GET', 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=x', 'imds.token'],
    ['POST', 'http://localhost:50342/oauth2/token', 'msi-legacy.token'],
    ['GET', `https://management.azure.com${SUB}/resourceGroups/DevTest?api-version=2016-09-01`, 'arm.resourceGroups.get'],
    ['GET', `https://management.azure.com${SUB}/resourcegroups/DevTest/?api-version=2016-09-01`, 'arm.resourceGroups.get'],
    ['POST', `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/listKeys?api-version=2016-12-01`, 'arm.storage.listKeys'],
    ['POST', `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/listServiceSas/?api-version=2017-06-01`, 'arm.storage.listServiceSas'],
    ['POST', `https://management.azure.com${SUB}/resourceGroups/rg/providers/microsoft.storage/storageaccounts/sa/ListServiceSas?api-version=2017-06-01`, 'arm.storage.listServiceSas'],
    ['PUT', `https://management.azure.com${SUB}/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u1?api-version=2023-01-31`, 'arm.identity.createOrUpdate'],
    ['GET', `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u1?api-version=2023-01-31`, 'arm.identity.get'],
    ['GET', `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1?api-version=2024-03-01`, 'arm.vm.get'],
    ['PATCH', `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1?api-version=2024-03-01`, 'arm.vm.update'],
    ['PUT', `https://management.azure.com${SUB}/resourcegroups/rg/providers/Microsoft.Authorization/roleAssignments/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0?api-version=2022-04-01`, 'arm.roleAssignments.create'],
    ['GET', `https://management.azure.com${SUB}/providers/Microsoft.Authorization/roleDefinitions?$filter=roleName%20eq%20'Reader'&api-version=2022-04-01`, 'arm.roleDefinitions.list'],
    ['GET', 'https://mytestkeyvault.vault.azure.net/secrets/MyTestSecret?api-version=2016-10-01', 'kv.secrets.get'],
    ['GET', 'https://sa1.blob.core.windows.net/c1/test.txt', 'blob.get'],
    ['PUT', 'https://sa1.blob.core.windows.net/c1/test.txt', 'blob.put'],
    ['GET', 'https://adls1.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS', 'adls.liststatus'],
    ['PUT', 'https://adls1.azuredatalakestore.net/webhdfs/v1/TestFolder/Test1.txt?op=CREATE', 'adls.create'],
  ])('%s %s → %s', (method, url, id) => {
    expect(identifyOperation({ method, url })).toBe(id);
  });

  it('knows nothing of other hosts, wrong methods or unparseable URLs', () => {
    expect(identifyOperation({ method: 'GET', url: 'https://example.com/x' })).toBeUndefined();
    expect(identifyOperation({ method: 'GET', url: `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/listKeys` })).toBeUndefined();
    expect(identifyOperation({ method: 'GET', url: 'https://<YOUR-KEY-VAULT-URL>/secrets/x' })).toBeUndefined();
  });

  it('az steps: the az-level operation when the request is not a REST one', () => {
    const s = azStep({ id: 's5', file: SAK, line: 106, path: ['storage', 'blob', 'upload'], options: [] });
    expect(identifyOperation({ method: 'AZ', url: 'az storage blob upload' }, s)).toBe('az.storage.blob.upload');
    expect(identifyOperation({ method: 'PUT', url: 'https://sa1.blob.core.windows.net/c1/test.txt' }, s)).toBe('blob.put');
  });
});

describe('contract layer', () => {
  const IMDS = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F';
  const imdsStep = httpStep({ id: 's1', file: SAK, line: 68, curl: curl({ url: IMDS }) });
  const run = (step: ReturnType<typeof httpStep>, ...ex: ReturnType<typeof exchange>[]) => checkContract(step, producedBy(step, observation(step.id, { exchanges: ex })), undefined);

  it('IMDS: an all-strings answer keeps the contract', async () => {
    const r = run(imdsStep, exchange('GET', IMDS, json(200, await imdsAnswer('https://management.azure.com/'))));
    expect(r.result).toMatchObject({ layer: 'contract', ok: true, differences: [] });
    expect(r.operations).toEqual(['imds.token']);
    expect(r.breaks).toBe(false);
  });

  it('IMDS: numbers where the spec says strings break it (token stand-ins do this)', async () => {
    const body: Record<string, unknown> = await imdsAnswer('https://management.azure.com/');
    body['expires_in'] = 86399;
    delete body['token_type'];
    const r = run(imdsStep, exchange('GET', IMDS, json(200, body)));
    expect(r.breaks).toBe(true);
    expect(r.result.differences.map((d) => `${d.path}:${d.kind}`).sort()).toEqual(['/expires_in:type', '/token_type:missing']);
  });

  it('IMDS error envelope: checked on 400, not a contract break', () => {
    const good = run(imdsStep, exchange('GET', IMDS, json(400, { error: 'invalid_request', error_description: 'Identity not found' })));
    expect(good.result.ok).toBe(true);
    const bad = run(imdsStep, exchange('GET', IMDS, json(400, { message: 'nope' })));
    expect(bad.result.differences[0]).toMatchObject({ path: '/error', kind: 'missing' });
    expect(bad.breaks).toBe(false);
  });

  const LK = `https://management.azure.com${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa/listKeys?api-version=2016-12-01`;
  const lkStep = httpStep({ id: 's2', file: SAK, line: 90, curl: curl({ url: LK, method: 'POST' }) });

  it('listKeys: "FULL" is accepted (case-insensitive enum), "Admin" and a missing keyName are not', () => {
    const key = (over: Record<string, unknown>) => ({ keyName: 'key1', permissions: 'FULL', value: 'k'.repeat(88), creationTime: '2026-11-22T00:00:00Z', ...over });
    expect(run(lkStep, exchange('POST', LK, json(200, { keys: [key({}), key({ keyName: 'key2', permissions: 'Full' })] }))).result.ok).toBe(true);
    const r = run(lkStep, exchange('POST', LK, json(200, { keys: [key({ permissions: 'Admin' }), key({ keyName: undefined })] })));
    expect(r.breaks).toBe(true);
    expect(r.result.differences.map((d) => d.path).sort()).toEqual(['/keys/0/permissions', '/keys/1/keyName']);
  });

  it('ARM error: a CloudError is the envelope; an HTML 411 page is not', () => {
    expect(run(lkStep, exchange('POST', LK, json(403, { error: { code: 'AuthorizationFailed', message: 'The client … does not have authorization' } }))).result.ok).toBe(true);
    const html = { status: 411, statusText: 'Length Required', httpVersion: '1.1', headers: [['content-type', 'text/html']] as [string, string][], body: '<h2>Length Required</h2>', bodyEncoding: 'utf8' as const };
    const r = run(lkStep, exchange('POST', LK, html));
    expect(r.result.differences[0]).toMatchObject({ path: '/', kind: 'type' });
  });

  it('ADLS LISTSTATUS: wire casing FileStatuses/FileStatus matches the spec case-insensitively; a string length does not', () => {
    const u = 'https://adls1.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS';
    const s = httpStep({ id: 's2', file: 'tutorials/000-datalake.md', line: 67, curl: curl({ url: u }) });
    const fs = (length: unknown) => ({ FileStatuses: { FileStatus: [{ length, pathSuffix: 'TestFolder', type: 'DIRECTORY', blockSize: 0, accessTime: 1507934941392, modificationTime: 1508105430590, replication: 0, permission: '770', owner: 'o', group: 'g' }] } });
    expect(run(s, exchange('GET', u, json(200, fs(0)))).result.ok).toBe(true);
    const r = run(s, exchange('GET', u, json(200, fs('0'))));
    expect(r.result.differences).toEqual([expect.objectContaining({ path: '/filestatuses/filestatus/0/length', kind: 'type' })]);
  });

  it('Key Vault: SecretBundle id must name a version; RemoteException-free KV error envelope checked', () => {
    const u = 'https://kv1.vault.azure.net/secrets/MyTestSecret?api-version=2016-10-01';
    const s = httpStep({ id: 's2', file: 'tutorials/000-key-vault.md', line: 110, curl: curl({ url: u }) });
    const bundle = (id: string) => ({ value: 'v', id, attributes: { enabled: true, created: 1505088747, updated: 1505088747, recoveryLevel: 'Recoverable+Purgeable' } });
    expect(run(s, exchange('GET', u, json(200, bundle('https://kv1.vault.azure.net/secrets/MyTestSecret/7c2204c6093c4d859bc5b9eff8f29050')))).result.ok).toBe(true);
    expect(run(s, exchange('GET', u, json(200, bundle('https://kv1.vault.azure.net/secrets/MyTestSecret')))).breaks).toBe(true);
    expect(run(s, exchange('GET', u, json(401, { error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } }))).result.ok).toBe(true);
  });

  it('Blob Get: the response headers are the contract; Storage errors must be XML with x-ms-error-code', () => {
    const u = 'https://sa1.blob.core.windows.net/c1/hello_world.txt';
    const s = httpStep({ id: 's2', file: 'tutorials/000-storage.md', line: 86, curl: curl({ url: u }) });
    const headers: [string, string][] = [['Content-Length', '12'], ['ETag', '"0x8DE1D58CA245D4C"'], ['Last-Modified', 'Sun, 22 Nov 2026 22:00:00 GMT'], ['x-ms-request-id', 'r'], ['x-ms-version', '2017-11-09'], ['x-ms-blob-type', 'BlockBlob']];
    const ok = { status: 200, statusText: 'OK', httpVersion: '1.1', headers, body: 'Hello world!', bodyEncoding: 'utf8' as const };
    expect(run(s, exchange('GET', u, ok)).result.ok).toBe(true);
    const missing = { ...ok, headers: headers.filter(([n]) => n !== 'ETag') };
    const r = run(s, exchange('GET', u, missing));
    expect(r.breaks).toBe(true);
    expect(r.result.differences).toEqual([expect.objectContaining({ path: 'header:etag', kind: 'header' })]);
    const xml = { status: 403, statusText: 'Server failed to authenticate the request.', httpVersion: '1.1', headers: [['x-ms-error-code', 'AuthenticationFailed']] as [string, string][], body: '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request.\nRequestId:x\nTime:y</Message><AuthenticationErrorDetail>Authentication scheme Bearer is not supported in this version.</AuthenticationErrorDetail></Error>', bodyEncoding: 'utf8' as const };
    expect(run(s, exchange('GET', u, xml)).result.ok).toBe(true);
    expect(run(s, exchange('GET', u, { ...xml, body: '{"error":"x"}' })).result.ok).toBe(false);
  });

  it('az identity create: the flattened output contract (GUIDs) — a page-like "9012" principalId breaks it', () => {
    const s = azStep({ id: 's1', file: 'tutorials/000-arm-user-assigned.md', line: 20, path: ['identity', 'create'], options: [] });
    const out = (principalId: string) => ({ clientId: 'b1f3c7a2-5d4e-4f6a-9b8c-7d6e5f4a3b2c', principalId, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', id: '/subscriptions/x/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u', name: 'u', location: 'westus', resourceGroup: 'rg', type: 'Microsoft.ManagedIdentity/userAssignedIdentities', tags: {} });
    const obs = (o: unknown) => observation('s1', { output: { stdout: JSON.stringify(o), stderr: '', exitCode: 0 } });
    expect(checkContract(s, producedBy(s, obs(out('e2d4c6b8-a0f1-4e3d-8c5b-7a9e1f3d5b7c'))), 0).result.ok).toBe(true);
    const r = checkContract(s, producedBy(s, obs(out('9012'))), 0);
    expect(r.breaks).toBe(true);
    expect(r.result.differences[0]).toMatchObject({ path: '/principalId', kind: 'format' });
  });

  it('says why it skipped: not emulated, unknown operation', () => {
    const u = 'https://management.azure.com/providers/Microsoft.Foo/bar';
    const s = httpStep({ id: 's3', file: SAK, line: 90, curl: curl({ url: u }) });
    const ne = { status: 501, statusText: 'Not Implemented', httpVersion: '1.1', headers: [['x-emulator-not-emulated', 'arm: GET /providers/Microsoft.Foo/bar is not emulated']] as [string, string][], body: '', bodyEncoding: 'utf8' as const };
    expect(run(s, exchange('GET', u, ne)).result.skipped).toContain('not emulated');
    expect(run(s, exchange('GET', u, json(200, {}))).result.skipped).toContain('no contract for GET management.azure.com/providers/Microsoft.Foo/bar');
  });
});

describe('contract layer: ADLS CREATE', () => {
  it('307 with a Location, then 201, keep the contract; a 307 without Location breaks it', () => {
    const u = 'https://adls1.azuredatalakestore.net/webhdfs/v1/TestFolder/Test1.txt?op=CREATE';
    const s = httpStep({ id: 's6', file: 'tutorials/000-datalake.md', line: 80, curl: curl({ url: u, method: 'PUT' }) });
    const r = (status: number, headers: [string, string][]) => ({ status, statusText: '', httpVersion: '1.1', headers, body: '', bodyEncoding: 'utf8' as const });
    const run = (...ex: ReturnType<typeof exchange>[]) => checkContract(s, producedBy(s, observation('s6', { exchanges: ex })), undefined);
    const good = run(exchange('PUT', u, r(307, [['Location', `${u}&write=true`]])), exchange('PUT', `${u}&write=true`, r(201, [])));
    expect(good.result).toMatchObject({ ok: true });
    expect(good.operations).toEqual(['adls.create', 'adls.create']);
    const bad = run(exchange('PUT', u, r(307, [])), exchange('PUT', `${u}&write=true`, r(201, [])));
    expect(bad.breaks).toBe(true);
    expect(bad.result.differences).toEqual([expect.objectContaining({ path: '[1]header:location' })]);
  });
});
