import { describe, expect, it } from 'vitest';
import { checkStep, FAILURE_KINDS, FailureKind, StepCheck, stderrReason } from '../../src/check/index.ts';
import { azStep, curl, exchange, httpStep, imdsAnswer, json, jsonExp, observation, signToken, textExp, tutorial } from './fixtures.ts';

const SAK = 'tutorials/000-storage-access-key.md';
const ASA = 'tutorials/000-arm-system-assigned.md';
const KV = 'tutorials/000-key-vault.md';
const ST = 'tutorials/000-storage.md';
const UA2 = 'tutorials/002-storage-access-key-user-assigned.md';
const SUA = 'tutorials/002-storage-user-assigned.md';

describe('failure-kind table', () => {
  it('has a title and a fix sentence for every kind, and nothing else', () => {
    expect(Object.keys(FAILURE_KINDS).sort()).toEqual([...FailureKind.options].sort());
    for (const k of FailureKind.options) {
      expect(FAILURE_KINDS[k].title.length).toBeGreaterThan(3);
      expect(FAILURE_KINDS[k].fix).toMatch(/\.$/);
    }
  });
});

describe('checkStep verdicts', () => {
  const rgUrl = 'https://management.azure.com/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourceGroups/DevTest?api-version=2016-09-01';
  const rgStep = httpStep({ id: 's3', file: ASA, line: 71, curl: curl({ url: 'https://management.azure.com/subscriptions/<SUBSCRIPTION-ID>/resourceGroups/<RESOURCE-GROUP>?api-version=2016-09-01' }), expectation: jsonExp(ASA, 75, 83) });
  const t = tutorial(ASA, 'ARM system-assigned', [rgStep]);

  it('pass: the resource group answer has exactly what the page shows', () => {
    const body = { id: '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourceGroups/DevTest', name: 'DevTest', location: 'westus', properties: { provisioningState: 'Succeeded' } };
    const r = checkStep({ tutorial: t, step: rgStep, observation: observation('s3', { exchanges: [exchange('GET', rgUrl, json(200, body))] }) });
    expect(StepCheck.parse(r)).toEqual(r);
    expect(r.verdict).toBe('pass');
    expect(r.checks.map((c) => [c.layer, c.ok])).toEqual([['example', true], ['contract', true], ['literal', true]]);
    expect(r.reason).toContain('matches the page');
  });

  it("drift: today's answer adds type and tags — the step works, the page is out of date", () => {
    const body = { id: '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourceGroups/DevTest', name: 'DevTest', type: 'Microsoft.Resources/resourceGroups', location: 'westus', tags: {}, properties: { provisioningState: 'Succeeded' } };
    const r = checkStep({ tutorial: t, step: rgStep, observation: observation('s3', { exchanges: [exchange('GET', rgUrl, json(200, body))] }) });
    expect(r.verdict).toBe('drift');
    expect(r.failure).toBeUndefined();
    expect(r.reason).toBe('works, but differs from the page (example): /type is in the response but not in the example (+1 more: 1 extra)');
    expect(r.checks[1]!.ok).toBe(true);
  });

  it('fail: an ARM 403 is an error status, with the service code in the reason', () => {
    const r = checkStep({ tutorial: t, step: rgStep, observation: observation('s3', { exchanges: [exchange('GET', rgUrl, json(403, { error: { code: 'AuthorizationFailed', message: "The client 'x' with object id 'y' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourceGroups/read'" } }))] }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'http-error-status' });
    expect(r.reason).toMatch(/^GET management\.azure\.com\/subscriptions\/.*\/resourceGroups\/DevTest answered 403 AuthorizationFailed: The client/);
  });

  it('defect: reasons were cut at 320 characters (a long service message lost its end) — now whole, whitespace folded', () => {
    const message = `The client 'x' does not have authorization: ${'detail '.repeat(150)}END`;
    const r = checkStep({ tutorial: t, step: rgStep, observation: observation('s3', { exchanges: [exchange('GET', rgUrl, json(403, { error: { code: 'AuthorizationFailed', message: message.replace(/ /g, '\n ') } }))] }) });
    expect(r.reason.length).toBeGreaterThan(1000);
    expect(r.reason).toMatch(/ detail END$/);
    expect(r.reason).not.toMatch(/\s{2}|\n/);
  });

  it('fail: a wrong token audience is named as such', () => {
    const r = checkStep({ tutorial: t, step: rgStep, observation: observation('s3', { exchanges: [exchange('GET', rgUrl, json(401, { error: { code: 'InvalidAuthenticationTokenAudience', message: "The access token has been obtained for wrong audience or resource 'https://vault.azure.net'." } }))] }) });
    expect(r.failure).toBe('token-audience-mismatch');
  });

  it('fail: Storage refuses Bearer without x-ms-version, and the fix is suggested', () => {
    const s = httpStep({ id: 's4', file: SUA, line: 185, curl: curl({ url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>?api-version=2016-09-01' }) });
    const u = 'https://sa1.blob.core.windows.net/c1/hello_world.txt?api-version=2016-09-01';
    const xml = '<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthenticationFailed</Code><Message>Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.\nRequestId:1\nTime:2</Message><AuthenticationErrorDetail>Authentication scheme Bearer is not supported in this version.</AuthenticationErrorDetail></Error>';
    const r = checkStep({ tutorial: tutorial(SUA, 'x', [s]), step: s, observation: observation('s4', { exchanges: [exchange('GET', u, { status: 403, statusText: 'Server failed to authenticate the request.', httpVersion: '1.1', headers: [['x-ms-error-code', 'AuthenticationFailed']], body: xml, bodyEncoding: 'utf8' })] }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'http-error-status' });
    expect(r.reason).toContain('Authentication scheme Bearer is not supported in this version.');
    expect(r.suggestion).toContain('add -H "x-ms-version: 2017-11-09"');
  });

  it('fail: the en dash in "–-request" makes curl reject the command; the corrected text is suggested', () => {
    const s = httpStep({ id: 's3', file: UA2, line: 51, curl: curl({ url: 'https://management.azure.com/x', extraUrls: ['POST'], unknownFlags: [] }) });
    const r = checkStep({ tutorial: tutorial(UA2, 'x', [s]), step: s, observation: observation('s3', { error: { kind: 'invalid-command', message: 'curl would treat "–-request" and "POST" as URLs' } }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'invalid-command' });
    expect(r.suggestion).toBe('replace `–-request` with `--request`');
    expect(r.checks.every((c) => c.skipped !== undefined)).toBe(true);
  });

  it('fail: az vm assign-identity is rejected by az; both fixes are suggested', () => {
    const s = azStep({ id: 's2', file: SUA, line: 100, path: ['vm', 'assign-identity'], options: [['-g', '<RESOURCE GROUP>']] });
    const r = checkStep({ tutorial: tutorial(SUA, 'x', [s]), step: s, observation: observation('s2', { error: { kind: 'az-usage', message: "az: 'assign-identity' is not in the 'az vm' command group." } }) });
    expect(r.failure).toBe('az-usage');
    expect(r.suggestion).toContain('replace `-–identities` with `--identities`');
    expect(r.suggestion).toContain('az vm identity assign');
  });

  it('fail: nothing listens on localhost:50342; the IMDS endpoint is suggested', () => {
    const s = httpStep({ id: 's1', file: UA2, line: 29, curl: curl({ url: 'http://localhost:50342/oauth2/token', method: 'POST' }) });
    const r = checkStep({ tutorial: tutorial(UA2, 'x', [s]), step: s, observation: observation('s1', { error: { kind: 'network', message: 'connect ECONNREFUSED localhost:50342' } }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'network-error' });
    expect(r.suggestion).toContain('169.254.169.254');
  });

  it('fail: the Key Vault URL placeholder; a 501 from the emulator is never a pass, and never a fail of the page either (unsupported)', () => {
    const s = httpStep({ id: 's4', file: KV, line: 110, curl: curl({ url: "https://<YOUR-KEY-VAULT-URL>/secrets/<secret-name>?api-version=2016-10-01" }) });
    const tt = tutorial(KV, 'kv', [s]);
    const r = checkStep({ tutorial: tt, step: s, observation: observation('s4', { error: { kind: 'invalid-command', message: 'the URL https://https://kv1.vault.azure.net/secrets/x is not valid' } }) });
    expect(r.suggestion).toContain('https://<KEY-VAULT-NAME>.vault.azure.net/');
    const ne = checkStep({ tutorial: tt, step: s, observation: observation('s4', { exchanges: [exchange('GET', 'https://kv1.vault.azure.net/secrets/x?api-version=2016-10-01', { status: 501, statusText: 'Not Implemented', httpVersion: '1.1', headers: [['x-emulator-not-emulated', 'keyvault: GET /secrets/x is not emulated']], body: '', bodyEncoding: 'utf8' })] }) });
    expect(ne).toMatchObject({ verdict: 'unsupported', unsupported: 'not-emulated' });
    expect(ne.failure).toBeUndefined();
    expect(ne.reason).toMatch(/^Not served by the emulator: keyvault: GET \/secrets\/x is not emulated\. A live subscription \(--target azure\) runs it/);
  });

  it('defect: the tool\'s own limits were reported as the page\'s failures (an az command it has no equivalent for, a shell construct)', () => {
    const s = azStep({ id: 's6', file: SAK, line: 10, path: ['container', 'create'], options: [] });
    const az = checkStep({ tutorial: tutorial(SAK, 'x', [s]), step: s, observation: observation('s6', { error: { kind: 'unsupported', unsupported: 'az-no-equivalent', message: "'az container create' is a real az command this tool has no REST equivalent for" } }) });
    expect(az).toMatchObject({ verdict: 'unsupported', unsupported: 'az-no-equivalent' });
    expect(az.reason).toContain('az container create');
    const sh = checkStep({ tutorial: tutorial(SAK, 'x', [s]), step: s, observation: observation('s6', { error: { kind: 'unsupported', unsupported: 'shell-construct', message: 'the http engine models echo > file, not "if"' } }) });
    expect(sh.reason).toContain('--engine shell runs this step in bash');
  });

  it('fail: a command that prints the right output but exits non-zero', () => {
    const s = azStep({ id: 's5', file: SAK, line: 106, path: ['storage', 'blob', 'upload'], options: [['-n', 'test.txt'], ['-f', 'test.txt']], expectation: jsonExp(SAK, 110, 114) });
    const out = `Finished[#############################################################]  100.0000%\n${JSON.stringify({ etag: '"0x8D4F9929765C139"', lastModified: '2017-09-12T03:58:56+00:00' })}`;
    const r = checkStep({ tutorial: tutorial(SAK, 'x', [s]), step: s, observation: observation('s5', { output: { stdout: out, stderr: 'ERROR: telemetry upload failed\n', exitCode: 1 } }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'exit-code' });
    expect(r.reason).toContain('exited with status 1: ERROR: telemetry upload failed');
    expect(r.checks[0]!.ok).toBe(true);
  });

  it('defect: the exit-code reason quotes curl\'s "curl: (N)" line, not the progress meter header; az\'s ERROR line; else the last line', () => {
    // stderr of real curl 7.88.1 without -s: `curl http://127.0.0.1:PORT/ $'\u00a0'` (exit 6). The
    // curl line is glued to the second transfer's progress line, after a \r.
    const stderr =
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n' +
      '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100   170  100   170    0     0   172k      0 --:--:-- --:--:-- --:--:--  166k\n' +
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n' +
      '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (6) Could not resolve host:  \n';
    const body = { id: '/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourceGroups/DevTest', name: 'DevTest', location: 'westus', properties: { provisioningState: 'Succeeded' } };
    const r = checkStep({ tutorial: t, step: rgStep, observation: observation('s3', { exchanges: [exchange('GET', rgUrl, json(200, body))], output: { stdout: JSON.stringify(body), stderr, exitCode: 6 } }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'exit-code' });
    expect(r.reason).toBe('the command exited with status 6: curl: (6) Could not resolve host:');
    // Several failed transfers: the one whose status curl exits with (the last).
    expect(stderrReason('curl: (3) URL rejected: Bad hostname\ncurl: (6) Could not resolve host: POST\n', 6)).toBe('curl: (6) Could not resolve host: POST');
    // az: its ERROR line, after any WARNING.
    expect(stderrReason('WARNING: This command is in preview.\nERROR: (AuthorizationFailed) no access\nCode: AuthorizationFailed\n', 1)).toBe('ERROR: (AuthorizationFailed) no access');
    // Anything else: the last non-empty line.
    expect(stderrReason('first\nbash: jq: command not found\n\n', 127)).toBe('bash: jq: command not found');
  });

  it('fail: a success answer that breaks the contract; drift when only the page differs', async () => {
    const IMDS = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F';
    const s = httpStep({ id: 's1', file: SAK, line: 68, curl: curl({ url: IMDS }), expectation: jsonExp(SAK, 75, 83) });
    const tt = tutorial(SAK, 'x', [s]);
    const body: Record<string, unknown> = await imdsAnswer('https://management.azure.com/');
    const drift = checkStep({ tutorial: tt, step: s, observation: observation('s1', { exchanges: [exchange('GET', IMDS, json(200, body))] }) });
    expect(drift.verdict).toBe('drift');
    expect(drift.reason).toContain('(literal)');
    expect(drift.suggestion).toBe('"resource":"https://management.azure.com/"');
    const broken = checkStep({ tutorial: tt, step: s, observation: observation('s1', { exchanges: [exchange('GET', IMDS, json(200, { ...body, expires_on: 1900000000 }))] }) });
    expect(broken).toMatchObject({ verdict: 'fail', failure: 'contract-broken' });
  });

  it('the text of a blob read drifts from the page when the page adds " :)"', () => {
    const s = httpStep({ id: 's3', file: ST, line: 86, curl: curl({ url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>' }), expectation: textExp(ST, 91, 91) });
    const headers: [string, string][] = [['Content-Length', '12'], ['ETag', '"0x8DE1D58CA245D4C"'], ['Last-Modified', 'Sun, 22 Nov 2026 22:00:00 GMT'], ['x-ms-request-id', 'r'], ['x-ms-version', '2017-11-09'], ['x-ms-blob-type', 'BlockBlob']];
    const r = checkStep({ tutorial: tutorial(ST, 'x', [s]), step: s, observation: observation('s3', { exchanges: [exchange('GET', 'https://sa1.blob.core.windows.net/c1/hello_world.txt', { status: 200, statusText: 'OK', httpVersion: '1.1', headers, body: 'Hello world!', bodyEncoding: 'utf8' })] }) });
    expect(r.verdict).toBe('drift');
    expect(r.checks.find((c) => c.layer === 'contract')!.ok).toBe(true);
  });
});

describe('example layer on an error answer', () => {
  it('an error body is not compared key by key with the success example: one status difference says it', () => {
    const ASA2 = 'tutorials/000-arm-system-assigned.md';
    const s = httpStep({ id: 's3', file: ASA2, line: 71, curl: curl({ url: 'https://management.azure.com/subscriptions/<SUBSCRIPTION-ID>/resourceGroups/<RESOURCE-GROUP>?api-version=2016-09-01' }), expectation: jsonExp(ASA2, 75, 83) });
    const u = 'https://management.azure.com/subscriptions/aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e/resourceGroups/DevTest?api-version=2016-09-01';
    const r = checkStep({ tutorial: tutorial(ASA2, 'x', [s]), step: s, observation: observation('s3', { exchanges: [exchange('GET', u, json(401, { error: { code: 'AuthenticationFailedInvalidHeader', message: "Authentication failed. The 'Authorization' header is provided in an invalid format." } }))] }) });
    expect(r.failure).toBe('http-error-status');
    expect(r.checks[0]!.differences).toEqual([expect.objectContaining({ path: 'status', kind: 'status', actual: '401' })]);
  });
});

describe('the reason of a broken claim', () => {
  it('names the broken claim (the token audience), not the first page claim', async () => {
    const IMDS = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F';
    const s = httpStep({ id: 's1', file: SAK, line: 68, curl: curl({ url: IMDS }), expectation: jsonExp(SAK, 75, 83) });
    const body = await imdsAnswer('https://management.azure.com/');
    body['access_token'] = await signToken({ aud: 'https://management.core.windows.net/' }, Number(body['expires_on']));
    const r = checkStep({ tutorial: tutorial(SAK, 'x', [s]), step: s, observation: observation('s1', { exchanges: [exchange('GET', IMDS, json(200, body))] }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'token-audience-mismatch' });
    expect(r.reason).toBe('the token\'s aud "https://management.core.windows.net/" is not the requested resource "https://management.azure.com/"');
  });
});
