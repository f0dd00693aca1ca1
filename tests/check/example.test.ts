import { describe, expect, it } from 'vitest';
import { checkExample, inferSchema } from '../../src/check/example.ts';
import { producedBy } from '../../src/check/produced.ts';
import { bindingLookup, placeholdersIn, templateMatcher } from '../../src/check/placeholders.ts';
import { azStep, curl, exchange, httpExp, httpStep, imdsAnswer, json, jsonExp, observation, textExp, tutorial } from './fixtures.ts';

const SAK = 'tutorials/000-storage-access-key.md';
const UA = 'tutorials/000-arm-user-assigned.md';
const DL = 'tutorials/000-datalake.md';
const ST = 'tutorials/000-storage.md';
const IMDS_ARM = "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F";

const noBindings = { elided: new Set<string>(), lookup: () => undefined };

describe('example layer: JSON', () => {
  const step = httpStep({ id: 's1', file: SAK, line: 68, curl: curl({ url: IMDS_ARM, headers: [{ name: 'Metadata', value: 'true', raw: 'Metadata:true' }] }), expectation: jsonExp(SAK, 75, 83) });

  it('passes a response shaped like the page (elided token, volatile numbers by shape)', async () => {
    // Same keys and constant values as the page; token, lifetimes and times differ as they always do.
    const body = { ...(await imdsAnswer('https://management.azure.com')), refresh_token: '' } as Record<string, string>;
    delete body['client_id'];
    delete body['ext_expires_in'];
    const obs = observation('s1', { exchanges: [exchange('GET', IMDS_ARM, json(200, body))] });
    const r = checkExample(step.expectation, producedBy(step, obs), noBindings);
    expect(r.differences).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("lists each difference of today's IMDS answer: missing refresh_token, extra fields, the trailing slash", async () => {
    const body = await imdsAnswer('https://management.azure.com/');
    const obs = observation('s1', { exchanges: [exchange('GET', IMDS_ARM, json(200, body))] });
    const r = checkExample(step.expectation, producedBy(step, obs), noBindings);
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries(r.differences.map((d) => [d.path, d]));
    expect(byPath['/refresh_token']?.kind).toBe('missing');
    expect(byPath['/client_id']?.kind).toBe('extra');
    expect(byPath['/ext_expires_in']?.kind).toBe('extra');
    expect(byPath['/resource']?.kind).toBe('value');
    expect(byPath['/resource']?.message).toContain('trailing slash');
    // Volatile values compared by shape only: no difference for expires_in/expires_on/access_token.
    expect(byPath['/expires_in']).toBeUndefined();
    expect(byPath['/access_token']).toBeUndefined();
  });

  it('reports type changes: numbers where the page shows strings, an elided token that is not a string', async () => {
    const body = { ...(await imdsAnswer('https://management.azure.com')), refresh_token: '' } as Record<string, unknown>;
    body['expires_in'] = 86399;
    body['access_token'] = 42;
    const obs = observation('s1', { exchanges: [exchange('GET', IMDS_ARM, json(200, body))] });
    const r = checkExample(step.expectation, producedBy(step, obs), noBindings);
    const types = r.differences.filter((d) => d.kind === 'type').map((d) => d.path).sort();
    expect(types).toEqual(['/access_token', '/expires_in']);
  });

  it('a volatile value of the wrong shape is a format difference', async () => {
    const body = { ...(await imdsAnswer('https://management.azure.com')), refresh_token: '', expires_on: 'tomorrow' };
    const obs = observation('s1', { exchanges: [exchange('GET', IMDS_ARM, json(200, body))] });
    const r = checkExample(step.expectation, producedBy(step, obs), noBindings);
    expect(r.differences.find((d) => d.path === '/expires_on')?.kind).toBe('format');
  });

  it('listKeys: elided key values match any string; "FULL" vs "Full" is a value difference that says it is only case', () => {
    const s = httpStep({ id: 's2', file: SAK, line: 90, curl: curl({ url: 'https://management.azure.com/x', method: 'POST' }), expectation: jsonExp(SAK, 98, 98) });
    const answer = { keys: [{ keyName: 'key1', permissions: 'FULL', value: 'A'.repeat(86) + '==' }, { keyName: 'key2', permissions: 'Full', value: 'B'.repeat(86) + '==' }] };
    const r = checkExample(s.expectation, producedBy(s, observation('s2', { exchanges: [exchange('POST', 'https://management.azure.com/x', json(200, answer))] })), noBindings);
    expect(r.differences).toHaveLength(1);
    expect(r.differences[0]).toMatchObject({ path: '/keys/0/permissions', kind: 'value', expected: 'Full' });
    expect(r.differences[0]!.message).toContain('letter case');
  });

  it('an extra array item is listed', () => {
    const s = httpStep({ id: 's2', file: SAK, line: 90, curl: curl({ url: 'https://management.azure.com/x', method: 'POST' }), expectation: jsonExp(SAK, 98, 98) });
    const k = (n: string) => ({ keyName: n, permissions: 'Full', value: 'x'.repeat(88) });
    const r = checkExample(s.expectation, producedBy(s, observation('s2', { exchanges: [exchange('POST', 'https://management.azure.com/x', json(200, { keys: [k('key1'), k('key2'), k('kerb1')] }))] })), noBindings);
    expect(r.differences.map((d) => [d.path, d.kind])).toEqual([['/keys/2', 'extra']]);
  });
});

describe('example layer: placeholders and az output', () => {
  const placeholders = [
    { key: 'SUBSCRIPTON_ID', spellings: ['<SUBSCRIPTON ID>'], occurrences: [], similarTo: ['SUBSCRIPTION_ID'] },
    { key: 'SUBSCRIPTION_ID', spellings: ['<SUBSCRIPTION ID>'], occurrences: [], similarTo: ['SUBSCRIPTON_ID'] },
  ];
  const step = azStep({ id: 's1', file: UA, line: 20, path: ['identity', 'create'], options: [['-g', '<RESOURCE GROUP>'], ['-n', '<UAMI NAME>']], expectation: jsonExp(UA, 24, 35) });
  const t = tutorial(UA, 'ARM user-assigned', [step], placeholders);
  const bindings = { SUBSCRIPTION_ID: 'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e', RESOURCE_GROUP: 'mi-test', UAMI_NAME: 'myUami' };
  const az = (over: Record<string, unknown> = {}) => ({
    clientId: 'b1f3c7a2-5d4e-4f6a-9b8c-7d6e5f4a3b2c',
    id: `/subscriptions/${bindings.SUBSCRIPTION_ID}/resourcegroups/mi-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/myUami`,
    location: 'westcentralus',
    name: 'myUami',
    principalId: 'e2d4c6b8-a0f1-4e3d-8c5b-7a9e1f3d5b7c',
    resourceGroup: 'mi-test',
    tags: {},
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    ...over,
  });
  const run = (out: unknown) => {
    const obs = observation('s1', { output: { stdout: JSON.stringify(out, null, 2), stderr: '', exitCode: 0 }, bindings });
    return checkExample(step.expectation, producedBy(step, obs), { elided: new Set(), lookup: bindingLookup(t, bindings) });
  };

  it('placeholders match the bound values (the misspelt <SUBSCRIPTON ID> resolves through its twin)', () => {
    const r = run(az());
    const paths = r.differences.map((d) => `${d.path}:${d.kind}`);
    // What remains is what the page really gets wrong: clientSecretUrl is gone, principalId is a GUID, not "9012".
    expect(paths.sort()).toEqual(['/clientSecretUrl:missing', '/principalId:format']);
  });

  it('a value that is not the bound one is a difference', () => {
    const r = run(az({ name: 'someoneElse' }));
    expect(r.differences.find((d) => d.path === '/name')?.kind).toBe('value');
    const r2 = run(az({ id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/mi-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/myUami' }));
    expect(r2.differences.find((d) => d.path === '/id')?.message).toContain('SUBSCRIPTON_ID');
  });

  it('az output that is not JSON is a type difference at the root', () => {
    const obs = observation('s1', { output: { stdout: 'ERROR: something', stderr: '', exitCode: 0 } });
    const r = checkExample(step.expectation, producedBy(step, obs), noBindings);
    expect(r.differences).toEqual([expect.objectContaining({ path: '/', kind: 'type' })]);
  });

  it('inferSchema is a real zod schema: it accepts the example itself', () => {
    const exp = jsonExp(UA, 24, 35);
    const lookup = bindingLookup(t, {});
    expect(inferSchema(exp.value, { elided: new Set(), lookup }).safeParse(exp.value).success).toBe(true);
  });
});

describe('example layer: HTTP transcript and text', () => {
  const up = httpStep({ id: 's4', file: DL, line: 80, curl: curl({ url: 'https://<YOUR_ADLS_NAME>.azuredatalakestore.net/webhdfs/v1/<FOLDER_NAME>/Test1.txt?op=CREATE', method: 'PUT', includeHeaders: true, followRedirects: true, uploadFile: 'Test1.txt' }), expectation: httpExp(DL, 85, 114) });
  const hdrs = (reqId: string): [string, string][] => [
    ['Cache-Control', 'no-cache, no-cache, no-store, max-age=0'],
    ['Pragma', 'no-cache'],
    ['Expires', '-1'],
    ['Location', 'https://adls1.azuredatalakestore.net/webhdfs/v1/TestFolder/Test1.txt?op=CREATE&write=true'],
    ['x-ms-request-id', reqId],
    ['ContentLength', '0'],
    ['x-ms-webhdfs-version', '17.04.22.00'],
    ['Status', '0x0'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Strict-Transport-Security', 'max-age=15724800; includeSubDomains'],
    ['Date', 'Sun, 22 Nov 2026 22:10:30 GMT'],
    ['Content-Length', '0'],
  ];
  const resp = (status: number, statusText: string, headers: [string, string][]) => ({ status, statusText, httpVersion: '1.1', headers, body: '', bodyEncoding: 'utf8' as const });
  const url = 'https://adls1.azuredatalakestore.net/webhdfs/v1/TestFolder/Test1.txt?op=CREATE';

  it('passes when the status lines and every shown header match (volatile ones by shape)', () => {
    const obs = observation('s4', {
      exchanges: [
        exchange('PUT', url, resp(307, 'Temporary Redirect', hdrs('11111111-2222-4333-8444-555555555555')), { interim: [{ status: 100, statusText: 'Continue' }] }),
        exchange('PUT', url + '&write=true', resp(201, 'Created', hdrs('66666666-2222-4333-8444-555555555555')), { interim: [{ status: 100, statusText: 'Continue' }] }),
      ],
    });
    const r = checkExample(up.expectation, producedBy(up, obs), noBindings);
    expect(r.differences).toEqual([]);
  });

  it('lists a different status sequence and missing headers', () => {
    const obs = observation('s4', {
      exchanges: [
        exchange('PUT', url, resp(307, 'Temporary Redirect', [['Location', 'https://adls1.azuredatalakestore.net/x'], ['Date', 'garbage']])),
        exchange('PUT', url + '&write=true', resp(201, 'Created', [])),
      ],
    });
    const r = checkExample(up.expectation, producedBy(up, obs), noBindings);
    const status = r.differences.find((d) => d.kind === 'status');
    expect(status).toMatchObject({ expected: '100 307 100 201', actual: '307 201' });
    expect(status!.message).toContain('100 Continue');
    expect(r.differences.some((d) => d.path === 'header:x-ms-webhdfs-version#1' && d.kind === 'header')).toBe(true);
    expect(r.differences.some((d) => d.path === 'header:Date#1' && d.expected === 'an RFC 1123 date')).toBe(true);
  });

  it('text: the blob body is compared with the page text', () => {
    const get = httpStep({ id: 's6', file: ST, line: 86, curl: curl({ url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>' }), expectation: textExp(ST, 91, 91) });
    const body = (text: string) => ({ status: 200, statusText: 'OK', httpVersion: '1.1', headers: [] as [string, string][], body: text, bodyEncoding: 'utf8' as const });
    const u = 'https://sa1.blob.core.windows.net/c1/hello_world.txt';
    const bad = checkExample(get.expectation, producedBy(get, observation('s6', { exchanges: [exchange('GET', u, body('Hello world!'))] })), noBindings);
    expect(bad.differences).toEqual([expect.objectContaining({ path: '/', kind: 'value', expected: 'Hello world! :)' })]);
    const good = checkExample(get.expectation, producedBy(get, observation('s6', { exchanges: [exchange('GET', u, body('Hello world! :)\n'))] })), noBindings);
    expect(good.ok).toBe(true);
  });

  it('no expectation: the layer says it was skipped', () => {
    const s = httpStep({ id: 's9', file: ST, line: 82, curl: curl({ url: IMDS_ARM }) });
    const r = checkExample(undefined, producedBy(s, observation('s9')), noBindings);
    expect(r.skipped).toMatch(/no response/);
  });
});

describe('example layer: evidence never quotes a secret', () => {
  it('a token or key of the wrong shape is described, not shown', async () => {
    const SAK2 = 'tutorials/000-storage-access-key.md';
    const step = httpStep({ id: 's1', file: SAK2, line: 68, curl: curl({ url: IMDS_ARM }), expectation: jsonExp(SAK2, 75, 83) });
    const body = { ...(await imdsAnswer('https://management.azure.com')), refresh_token: 'rt-0123456789abcdef' } as Record<string, unknown>;
    const token = body['access_token'] as string;
    body['access_token'] = [token];
    const r = checkExample(step.expectation, producedBy(step, observation('s1', { exchanges: [exchange('GET', IMDS_ARM, json(200, body))] })), noBindings);
    const text = JSON.stringify(r);
    expect(r.differences.some((d) => d.path === '/access_token' && d.kind === 'type')).toBe(true);
    expect(text).not.toContain('rt-0123456789abcdef');
    expect(text).not.toContain(token);
    expect(text).toContain('(a 19-character string, not shown)');
  });
});

describe('example layer: one placeholderKey with the model', () => {
  // The check stage had its own copy that turned "_ " into "__": <ACCOUNT_ NAME> became ACCOUNT__NAME,
  // the model's key is ACCOUNT_NAME, so the bound value was never found and any name was accepted.
  it('<ACCOUNT_ NAME> in an example is the model key ACCOUNT_NAME, and holds the example to its bound value', () => {
    expect(placeholdersIn('/accounts/<ACCOUNT_ NAME>/x')).toEqual(['ACCOUNT_NAME']);
    const m = templateMatcher('/accounts/<ACCOUNT_ NAME>/x', (key) => ({ ACCOUNT_NAME: 'acct1' })[key]);
    expect(m.test('/accounts/acct1/x')).toBe(true);
    expect(m.test('/accounts/someoneelse/x')).toBe(false);
  });
});
