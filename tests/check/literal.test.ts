import { describe, expect, it } from 'vitest';
import { checkLiteral, echoBytes, md5Base64, statedFiles } from '../../src/check/literal.ts';
import { producedBy } from '../../src/check/produced.ts';
import { azStep, curl, exchange, httpExp, httpStep, imdsAnswer, json, jsonExp, manualStep, observation, signToken, textExp, tutorial, writeFileStep } from './fixtures.ts';

const SAK = 'tutorials/000-storage-access-key.md';
const SAS = 'tutorials/000-storage-sas.md';
const ST = 'tutorials/000-storage.md';
const IMDS_ARM = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F';

describe('literal layer: tokens', () => {
  const step = httpStep({ id: 's1', file: SAK, line: 68, curl: curl({ url: IMDS_ARM }), expectation: jsonExp(SAK, 75, 83) });
  const t = tutorial(SAK, 'sak', [step]);
  const lit = (body: unknown) => {
    const obs = observation('s1', { exchanges: [exchange('GET', IMDS_ARM, json(200, body))] });
    return checkLiteral({ tutorial: t, step, observation: obs, produced: producedBy(step, obs) });
  };

  it("the example's resource without the slash the command asks for is drift with a precise message and the corrected text", async () => {
    const r = lit(await imdsAnswer('https://management.azure.com/'));
    expect(r.breaks).toBeUndefined();
    expect(r.result.differences).toHaveLength(1);
    expect(r.result.differences[0]).toMatchObject({ path: 'claim:example.resource', kind: 'claim', expected: 'https://management.azure.com/', actual: 'https://management.azure.com' });
    expect(r.result.differences[0]!.message).toContain('trailing slash');
    expect(r.suggestion).toBe('"resource":"https://management.azure.com/"');
  });

  it('a token whose aud is not the requested resource (byte for byte) breaks the step', async () => {
    const body = await imdsAnswer('https://management.azure.com/');
    body['access_token'] = await signToken({ aud: 'https://management.azure.com' }, Number(body['expires_on']));
    const r = lit(body);
    expect(r.breaks).toBe('token-audience-mismatch');
    const aud = r.result.differences.find((d) => d.path === 'claim:aud');
    expect(aud).toMatchObject({ expected: 'https://management.azure.com/', actual: 'https://management.azure.com' });
    // The token itself is never part of the evidence.
    expect(JSON.stringify(r)).not.toContain(body['access_token']);
  });

  it("expires_on must be the token's exp; an undecodable token is a contract problem", async () => {
    const body = await imdsAnswer('https://management.azure.com/');
    const r = lit({ ...body, expires_on: '1504130527' });
    expect(r.result.differences.some((d) => d.path === 'claim:exp')).toBe(true);
    const r2 = lit({ ...body, access_token: 'not-a-jwt' });
    expect(r2.breaks).toBe('contract-broken');
  });

  it('a legacy POST form body names the resource too', async () => {
    const s = httpStep({ id: 's9', file: 'tutorials/001-storage-access-key.md', line: 224, curl: curl({ url: 'http://localhost:50342/oauth2/token', method: 'POST', data: [{ flag: '--data', value: 'resource=https://management.azure.com/' }] }) });
    const body = await imdsAnswer('https://management.azure.com');
    const obs = observation('s9', { exchanges: [exchange('POST', 'http://localhost:50342/oauth2/token', json(200, body), { body: 'resource=https://management.azure.com/' })] });
    const r = checkLiteral({ tutorial: tutorial(SAK, 'x', [s]), step: s, observation: obs, produced: producedBy(s, obs) });
    expect(r.breaks).toBe('token-audience-mismatch');
  });
});

describe('literal layer: data sent, sizes and hashes', () => {
  it('echo "This is a test file." > test.txt is 21 bytes with MD5 LSghAvpnElYyfUdn7CO8aw==', () => {
    const b = echoBytes('This is a test file.');
    expect(b.length).toBe(21);
    expect(md5Base64(b)).toBe('LSghAvpnElYyfUdn7CO8aw==');
  });

  const echo = (file: string, line: number) => writeFileStep({ id: 's3', file, line, file_: 'test.txt', content: 'This is a test file.' });
  const downloadOut = (n: number, md5: string) => ({ content: '', name: 'test.txt', properties: { blobType: 'BlockBlob', contentLength: n, contentRange: `bytes None-None/${n}`, contentSettings: { contentMd5: md5, contentType: 'text/plain' }, etag: '"0x8DE1D58CA245D4C"', lastModified: '2026-11-22T22:00:00+00:00' } });

  it("000-storage-access-key: the page's 21 bytes and MD5 agree with its echo; a wrong download breaks the step", () => {
    const up = azStep({ id: 's4', file: SAK, line: 106, path: ['storage', 'blob', 'upload'], options: [['-c', '<CONTAINER NAME>'], ['-n', 'test.txt'], ['-f', 'test.txt']] });
    const down = azStep({ id: 's5', file: SAK, line: 120, path: ['storage', 'blob', 'download'], options: [['-c', '<CONTAINER NAME>'], ['-n', 'test.txt'], ['-f', 'test-download.txt']], expectation: jsonExp(SAK, 124, 160) });
    const t = tutorial(SAK, 'sak', [echo(SAK, 102), up, down]);
    const ok = observation('s5', { output: { stdout: JSON.stringify(downloadOut(21, 'LSghAvpnElYyfUdn7CO8aw==')), stderr: '', exitCode: 0 }, files: [{ path: 'test-download.txt', content: 'This is a test file.\n' }] });
    const r = checkLiteral({ tutorial: t, step: down, observation: ok, produced: producedBy(down, ok) });
    expect(r.result.differences).toEqual([]);
    expect(r.result.skipped).toBeUndefined();

    const bad = observation('s5', { output: { stdout: JSON.stringify(downloadOut(16, 'Aryr///Rb+D8JQ8IytleDA==')), stderr: '', exitCode: 0 }, files: [{ path: 'test-download.txt', content: 'This is a test' }] });
    const r2 = checkLiteral({ tutorial: t, step: down, observation: bad, produced: producedBy(down, bad) });
    expect(r2.breaks).toBe('output-mismatch');
    expect(r2.result.differences.map((d) => d.path).sort()).toEqual(['claim:file:test-download.txt', 'claim:properties/contentLength', 'claim:properties/contentSettings/contentMd5']);
  });

  it("000-storage-sas: the page's download output (16 bytes, another MD5, name testblob) contradicts its own echo", () => {
    const up = azStep({ id: 's4', file: SAS, line: 131, endLine: 135, path: ['storage', 'blob', 'upload'], options: [['--container-name', null], ['--file', null], ['--name', null], ['--account-name', null], ['--sas-token', null]] });
    const down = azStep({ id: 's5', file: SAS, line: 149, endLine: 153, path: ['storage', 'blob', 'download'], options: [['--container-name', null], ['--file', null], ['--name', null]], expectation: jsonExp(SAS, 157, 193) });
    const t = tutorial(SAS, 'sas', [echo(SAS, 127), up, down]);
    const obs = observation('s5', { output: { stdout: JSON.stringify(downloadOut(21, 'LSghAvpnElYyfUdn7CO8aw==')), stderr: '', exitCode: 0 } });
    const r = checkLiteral({ tutorial: t, step: down, observation: obs, produced: producedBy(down, obs) });
    expect(r.breaks).toBeUndefined();
    const paths = r.result.differences.map((d) => d.path).sort();
    expect(paths).toEqual(['claim:example/properties/contentLength', 'claim:example/properties/contentRange', 'claim:example/properties/contentSettings/contentMd5']);
    expect(r.result.differences.find((d) => d.path.endsWith('contentLength'))).toMatchObject({ expected: '21', actual: '16' });
  });

  it('upload: a content_md5 that is not the MD5 of the file breaks the step', () => {
    const up = azStep({ id: 's4', file: SAK, line: 106, path: ['storage', 'blob', 'upload'], options: [['-n', 'test.txt'], ['-f', 'test.txt']], expectation: jsonExp(SAK, 110, 114) });
    const t = tutorial(SAK, 'sak', [echo(SAK, 102), up]);
    const out = (md5: string) => observation('s4', { output: { stdout: `Finished[#####]  100.0000%\n${JSON.stringify({ content_md5: md5, etag: '"0x8DE"', lastModified: '2026-11-22T22:00:00+00:00' })}`, stderr: '', exitCode: 0 } });
    expect(checkLiteral({ tutorial: t, step: up, observation: out('LSghAvpnElYyfUdn7CO8aw=='), produced: producedBy(up, out('LSghAvpnElYyfUdn7CO8aw==')) }).breaks).toBeUndefined();
    const bad = out('Aryr///Rb+D8JQ8IytleDA==');
    expect(checkLiteral({ tutorial: t, step: up, observation: bad, produced: producedBy(up, bad) }).breaks).toBe('output-mismatch');
  });
});

describe('touch-then-upload-is-zero-bytes', () => {
  it('touch makes an empty file: the upload of it has the MD5 of nothing, and that is no mismatch', () => {
    const touch = writeFileStep({ id: 's3', file: SAK, line: 102, file_: 'testfile.txt', content: '' });
    const up = azStep({ id: 's4', file: SAK, line: 106, path: ['storage', 'blob', 'upload'], options: [['-n', 'testfile.txt'], ['-f', 'testfile.txt']] });
    const t = tutorial(SAK, 'sak', [touch, up]);
    expect(statedFiles(t, up)[0]?.bytes.length).toBe(0);
    const out = (md5: string) => observation('s4', { output: { stdout: JSON.stringify({ content_md5: md5 }), stderr: '', exitCode: 0 } });
    const empty = out(md5Base64(Buffer.alloc(0)));
    expect(md5Base64(Buffer.alloc(0))).toBe('1B2M2Y8AsgTpgAmY7PhCfg==');
    expect(checkLiteral({ tutorial: t, step: up, observation: empty, produced: producedBy(up, empty) }).breaks).toBeUndefined();
    const newline = out(md5Base64(Buffer.from('\n')));
    expect(checkLiteral({ tutorial: t, step: up, observation: newline, produced: producedBy(up, newline) }).breaks).toBe('output-mismatch');
  });
});

describe('literal layer: what the prose told the reader to create', () => {
  const manual = manualStep({ id: 's1', file: ST, line: 48, endLine: 54, creates: ['blob: hello world.txt', 'blob-content: Hello world!', 'blob-container'] });
  const get = httpStep({ id: 's3', file: ST, line: 86, curl: curl({ url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>' }), expectation: textExp(ST, 91, 91) });
  const t = tutorial(ST, 'storage', [manual, get]);

  it('statedFiles reads the manual step (blob + blob-content) and keeps the text as typed', () => {
    expect(statedFiles(t, get)).toEqual([expect.objectContaining({ file: 'hello world.txt', content: 'Hello world!', line: 48 })]);
  });

  it('the page shows "Hello world! :)" for a file it told the reader to fill with "Hello world!"', () => {
    const u = 'https://sa1.blob.core.windows.net/c1/hello_world.txt';
    const obs = observation('s3', { exchanges: [exchange('GET', u, { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [], body: 'Hello world!', bodyEncoding: 'utf8' })] });
    const r = checkLiteral({ tutorial: t, step: get, observation: obs, produced: producedBy(get, obs) });
    expect(r.result.differences).toEqual([expect.objectContaining({ path: 'claim:example-body', expected: 'Hello world!', actual: 'Hello world! :)' })]);
    expect(r.suggestion).toBe('Hello world!');
    const other = observation('s3', { exchanges: [exchange('GET', u, { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [], body: 'something else', bodyEncoding: 'utf8' })] });
    expect(checkLiteral({ tutorial: t, step: get, observation: other, produced: producedBy(get, other) }).result.differences.map((d) => d.path)).toContain('claim:body');
  });

  it('a folder the page creates and lists must be in the listing', () => {
    const DL = 'tutorials/000-datalake.md';
    const m = manualStep({ id: 's1', file: DL, line: 16, endLine: 28, creates: ['data-lake-folder: TestFolder', 'data-lake-acl: TestFolder: Read, Write, Execute'] });
    const ls = httpStep({ id: 's3', file: DL, line: 67, curl: curl({ url: 'https://adls1.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS' }), expectation: jsonExp(DL, 72, 72) });
    const tt = tutorial(DL, 'dl', [m, ls]);
    const listing = (name: string) => observation('s3', { exchanges: [exchange('GET', 'https://adls1.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS', json(200, { FileStatuses: { FileStatus: [{ pathSuffix: name }] } }))] });
    expect(checkLiteral({ tutorial: tt, step: ls, observation: listing('TestFolder'), produced: producedBy(ls, listing('TestFolder')) }).result.differences).toEqual([]);
    const r = checkLiteral({ tutorial: tt, step: ls, observation: listing('Other'), produced: producedBy(ls, listing('Other')) });
    expect(r.result.differences).toEqual([expect.objectContaining({ path: 'claim:name:TestFolder', kind: 'claim' })]);
  });

  it('a transcript that ends with 201 claims 201', () => {
    const DL = 'tutorials/000-datalake.md';
    const s = httpStep({ id: 's4', file: DL, line: 80, curl: curl({ url: 'https://adls1.azuredatalakestore.net/webhdfs/v1/T/Test1.txt?op=CREATE', method: 'PUT' }), expectation: httpExp(DL, 85, 114) });
    const obs = observation('s4', { exchanges: [exchange('PUT', 'https://adls1.azuredatalakestore.net/webhdfs/v1/T/Test1.txt?op=CREATE', json(200, {}))] });
    const r = checkLiteral({ tutorial: tutorial(DL, 'dl', [s]), step: s, observation: obs, produced: producedBy(s, obs) });
    expect(r.result.differences).toEqual([expect.objectContaining({ path: 'status', expected: '201', actual: '200' })]);
  });
});

describe('literal layer: var=$(curl … | jq -r .access_token)', () => {
  it('checks the token of the HTTP answer even though the reader only sees the token text', async () => {
    const url = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F';
    const base = httpStep({ id: 's8', file: ST, line: 97, curl: curl({ url }) });
    const step = { ...base, kind: 'shell' as const, shell: { kind: 'assign' as const, variable: 'access_token', curl: curl({ url }), jqFilter: '.access_token', pipeline: `curl '${url}' -H Metadata:true | jq -r '.access_token'` } };
    const t = tutorial(ST, 'storage', [step]);
    const run = (body: Record<string, string>) => {
      const obs = observation('s8', { exchanges: [exchange('GET', url, json(200, body))], output: { stdout: body['access_token']!, stderr: '', exitCode: 0 } });
      return checkLiteral({ tutorial: t, step, observation: obs, produced: producedBy(step, obs) });
    };
    expect(run(await imdsAnswer('https://storage.azure.com/')).result.differences).toEqual([]);
    const wrong = await imdsAnswer('https://storage.azure.com/');
    wrong['access_token'] = await signToken({ aud: 'https://storage.azure.com' }, Number(wrong['expires_on']));
    expect(run(wrong).breaks).toBe('token-audience-mismatch');
  });
});

describe('example-sas-st-without-signedStart (literal layer: the SAS shown against the request the run sent)', () => {
  const written = (body: Record<string, string>) =>
    curl({ url: 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/listServiceSas/?api-version=2017-06-01', method: 'POST', data: [{ flag: '-d', value: JSON.stringify(body) }] });
  const SENT_URL = 'https://management.azure.com/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/sa1/listServiceSas/?api-version=2017-06-01';
  // 000-storage-sas.md line 115 as written: no signedStart, the expiry a placeholder.
  const PAGE_BODY = { canonicalizedResource: '/blob/<STORAGE ACCOUNT NAME>/<CONTAINER NAME>', signedResource: 'c', signedPermission: 'rcw', signedProtocol: 'https', signedExpiry: '<EXPIRATION TIME>' };
  const run = (body: Record<string, string>, sent: Record<string, string>) => {
    const step = httpStep({ id: 's6', file: SAS, line: 115, curl: written(body), expectation: jsonExp(SAS, 123, 123) });
    const bound = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v.replace('<STORAGE ACCOUNT NAME>', 'sa1').replace('<CONTAINER NAME>', 'c1')]));
    const obs = observation('s6', { exchanges: [exchange('POST', SENT_URL, json(200, { serviceSasToken: 'sv=2015-04-05&sr=c&spr=https&se=2026-12-08T00%3A00%3A00Z&sp=rcw&sig=abc%3D' }), { body: JSON.stringify(bound) })] });
    return checkLiteral({ tutorial: tutorial(SAS, 'sas', [step]), step, observation: obs, produced: producedBy(step, obs) });
  };

  it('000-storage-sas.md: the example shows st= but the request the run sent has no signedStart: drift, nothing broken', () => {
    const r = run(PAGE_BODY, { ...PAGE_BODY, signedExpiry: '2026-12-08T00:00:00Z' });
    expect(r.breaks).toBeUndefined();
    expect(r.result.ok).toBe(false);
    expect(r.result.differences).toEqual([
      expect.objectContaining({ path: 'claim:example.sas.st', kind: 'claim', expected: 'no st', actual: 'st=2017-09-22T00:10:00Z', message: expect.stringMatching(/the request \(as the run sent it\) sends no signedStart: the service writes st into the token only when it is given one/) }),
    ]);
    // The expiry the run bound for <EXPIRATION TIME> is the reader's, not the page's: not compared.
    expect(r.result.differences.some((d) => d.path.endsWith('.se'))).toBe(false);
    // The signature is never part of the evidence.
    expect(JSON.stringify(r)).not.toContain('QcVwljccgWcNMbe9roAJbD8J5oEkYoq');
  });

  it('silent on st once the request sends a start time; a literal value sent that the example contradicts is reported', () => {
    const withStart = { ...PAGE_BODY, signedStart: '2017-09-22T00:10:00Z', signedExpiry: '2017-09-22T02:00:00Z' };
    expect(run(withStart, withStart).result.differences).toEqual([]);
    const other = { ...withStart, signedPermission: 'rw' };
    expect(run(other, other).result.differences).toEqual([expect.objectContaining({ path: 'claim:example.sas.sp', expected: 'sp=rw', actual: 'sp=rcw' })]);
    // The same permission bound from a placeholder is the reader's choice: not compared.
    expect(run({ ...withStart, signedPermission: '<PERMISSIONS>' }, other).result.differences).toEqual([]);
  });

  it('a listServiceSas example with a user delegation key\'s fields: the resource provider signs with the account key', () => {
    const step = httpStep({ id: 's6', file: SAS, line: 115, curl: written(PAGE_BODY) });
    const token = 'sv=2018-11-09&sr=c&spr=https&se=2017-09-22T02%3A00%3A00Z&sp=rcw&skoid=00000000-0000-0000-0000-000000000000&sks=b&sig=abc%3D';
    const withExample = { ...step, expectation: { kind: 'json' as const, source: { file: SAS, startLine: 123, endLine: 123 }, raw: '', text: '', valid: true, hasComments: false, value: { serviceSasToken: token }, elided: [] } };
    const obs = observation('s6', { exchanges: [exchange('POST', SENT_URL, json(200, { serviceSasToken: 'sv=2015-04-05&sig=x' }), { body: JSON.stringify({ ...PAGE_BODY, signedExpiry: '2026-12-08T00:00:00Z' }) })] });
    const d = checkLiteral({ tutorial: tutorial(SAS, 'sas', [withExample]), step: withExample, observation: obs, produced: producedBy(withExample, obs) }).result.differences;
    expect(d.map((x) => x.path)).toEqual(['claim:example.sas.skoid']);
    expect(d[0]!.message).toMatch(/signed with the account key \(the resource provider signs listServiceSas\/listAccountSas tokens with the account key\)/);
  });
});

describe('example-id-vs-sent-path (literal layer: the id and name an ARM example shows against the path the run sent)', () => {
  const RG = 'tutorials/000-arm-system-assigned.md';
  const WRITTEN = 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/myResourceGroup/providers/Microsoft.Storage/storageAccounts/<ACCOUNT>?api-version=2023-05-01';
  const SENT = 'https://management.azure.com/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/myResourceGroup/providers/Microsoft.Storage/storageAccounts/sa1?api-version=2023-05-01';
  const claims = (example: unknown, written = WRITTEN) => {
    const step = httpStep({ id: 's1', file: RG, line: 10, curl: curl({ url: written }) });
    const withExample = { ...step, expectation: { kind: 'json' as const, source: { file: RG, startLine: 12, endLine: 12 }, raw: '', text: '', valid: true, hasComments: false, value: example, elided: [] } };
    const obs = observation('s1', { exchanges: [exchange('GET', SENT, json(200, { id: '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/myResourceGroup/providers/Microsoft.Storage/storageAccounts/sa1', name: 'sa1' }))] });
    return checkLiteral({ tutorial: tutorial(RG, 'rg', [withExample]), step: withExample, observation: obs, produced: producedBy(withExample, obs) }).result.differences;
  };

  it('a resource group the page wrote out and sent, shown as another group in the example id, is a claim difference', () => {
    const d = claims({ id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/otherGroup/providers/Microsoft.Storage/storageAccounts/mystorage', name: 'mystorage' });
    expect(d).toEqual([expect.objectContaining({ path: 'claim:example.id', kind: 'claim', expected: 'myResourceGroup', actual: 'otherGroup', message: expect.stringMatching(/has "otherGroup" where the request \(as the run sent it\) has "myResourceGroup", written so on the page/) })]);
  });

  it('a PUT body\'s region, SKU and tags as the page writes them hold for the example too (arm-echo requestedMismatches, as lint\'s example-id-vs-request)', () => {
    const put = (body: string, example: unknown) => {
      const step = httpStep({ id: 's1', file: RG, line: 10, curl: curl({ url: WRITTEN, method: 'PUT', methodExplicit: true, data: [{ flag: '-d', value: body }] }) });
      const withExample = { ...step, expectation: { kind: 'json' as const, source: { file: RG, startLine: 12, endLine: 12 }, raw: '', text: '', valid: true, hasComments: false, value: example, elided: [] } };
      const obs = observation('s1', { exchanges: [exchange('PUT', SENT, json(200, { id: '/x', name: 'sa1' }), { body })] });
      return checkLiteral({ tutorial: tutorial(RG, 'rg', [withExample]), step: withExample, observation: obs, produced: producedBy(withExample, obs) }).result.differences;
    };
    const shown = { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/providers/Microsoft.Storage/storageAccounts/mystorage', name: 'mystorage', location: 'westus', sku: { name: 'Standard_LRS' } };
    expect(put('{"location": "East US 2", "sku": {"name": "Standard_LRS"}}', shown)).toEqual([expect.objectContaining({ path: 'claim:example.location', expected: 'East US 2', actual: 'westus' })]);
    expect(put('{"location": "West US", "sku": {"name": "Standard_LRS"}}', shown)).toEqual([]);
    expect(put('{"location": "<REGION>", "sku": {"name": "Standard_GRS"}}', shown).map((d) => d.path)).toEqual(['claim:example.sku']);
  });

  it('silent where the run bound the segment from a placeholder (subscription, account name) or the example agrees without case', () => {
    expect(claims({ id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourcegroups/MYRESOURCEGROUP/providers/Microsoft.Storage/storageAccounts/mystorage', name: 'mystorage' })).toEqual([]);
    // Written with a variable, sent with its value: the reader's, not compared.
    expect(claims({ id: '/subscriptions/x/resourceGroups/otherGroup/providers/Microsoft.Storage/storageAccounts/mystorage', name: 'mystorage' }, WRITTEN.replace('myResourceGroup', '$rg'))).toEqual([]);
  });
});
