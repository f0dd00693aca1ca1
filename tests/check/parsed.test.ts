// check/ on the parser's real models of the tutorials, with answers from the real emulator where a
// token matters (its RS256 tokens and its IMDS) and hand-made Azure answers elsewhere.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStep } from '../../src/check/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import type { Step, Tutorial } from '../../src/model.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import type { ObservedExchange } from '../../src/run/observation.ts';
import { exchange, json, observation } from './fixtures.ts';

const parsed = (f: string) => parseTutorialFile(`tutorials/${f}`);
function stepAt(t: Tutorial, line: number): Step {
  const s = t.steps.find((x) => x.source.startLine === line);
  if (!s) throw new Error(`${t.file} has no step at line ${line}: ${t.steps.map((x) => x.source.startLine).join(',')}`);
  return s;
}

describe('parsed tutorials: suggestions a doc writer can paste', () => {
  it('004-key-vault: two no-break spaces glued to Metadata:true make IMDS refuse the header', () => {
    const t = parsed('004-key-vault.md');
    const s = stepAt(t, 100);
    const url = 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net';
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('GET', url, json(400, { error: 'invalid_request', error_description: 'Required metadata header not specified' }), { headers: [['Metadata', 'true\u00a0\u00a0']] })] }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'http-error-status' });
    expect(r.reason).toContain('invalid_request: Required metadata header not specified');
    expect(r.suggestion).toBe('remove the 2 invisible characters (U+00A0) after `-H Metadata:true`');
  });

  it('002-storage-access-key-user-assigned: "–-request" (en dash) is reported with its fix', () => {
    const t = parsed('002-storage-access-key-user-assigned.md');
    const s = stepAt(t, 51);
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { error: { kind: 'invalid-command', message: 'curl: (3) URL rejected: "–-request"' } }) });
    expect(r.failure).toBe('invalid-command');
    expect(r.suggestion).toBe('replace `–-request` with `--request`');
  });

  it('000-arm-user-assigned: the space inside the --scope quotes and ARM\'s 404', () => {
    const t = parsed('000-arm-user-assigned.md');
    const s = stepAt(t, 51);
    const url = 'https://management.azure.com/subscriptions/3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73/resourcegroups/mi-test%20/providers/Microsoft.Authorization/roleAssignments/77d5b889-af25-42ce-bd08-f534d49e904a?api-version=2022-04-01';
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('PUT', url, json(404, { error: { code: 'ResourceGroupNotFound', message: "Resource group 'mi-test ' could not be found." } }))], output: { stdout: '', stderr: "(ResourceGroupNotFound) Resource group 'mi-test ' could not be found.", exitCode: 1 } }) });
    expect(r).toMatchObject({ verdict: 'fail', failure: 'http-error-status' });
    expect(r.suggestion).toBe('remove the spaces around the --scope value: --scope "/subscriptions/<SUBSCRIPTION ID>/resourcegroups/<RESOURCE GROUP>"');
  });

  it('000-storage-sas: listServiceSas with curl -d and no Content-Type gets ARM\'s 415 and the header to add', () => {
    const t = parsed('000-storage-sas.md');
    const s = stepAt(t, 115);
    const url = 'https://management.azure.com/subscriptions/3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73/resourceGroups/mi-test/providers/Microsoft.Storage/storageAccounts/sa1/listServiceSas/?api-version=2017-06-01';
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('POST', url, json(415, { error: { code: 'UnsupportedMediaType', message: "The content media type 'application/x-www-form-urlencoded' is not supported. Only 'application/json' is supported." } }))] }) });
    expect(r.failure).toBe('http-error-status');
    expect(r.suggestion).toContain('add -H "Content-Type: application/json"');
    // The contract layer recognised the operation and accepted ARM's error envelope.
    expect(r.checks[1]).toMatchObject({ layer: 'contract', ok: true });
  });

  it('000-arm-user-assigned: az identity create output vs the page, the misspelt <SUBSCRIPTON ID> resolved by the parser\'s twin link', () => {
    const t = parsed('000-arm-user-assigned.md');
    const s = stepAt(t, 20);
    const sub = '3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73';
    const out = { clientId: '13bde40f-2d80-423c-959a-9e4c3f02226a', id: `/subscriptions/${sub}/resourcegroups/mi-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/myUami`, location: 'westcentralus', name: 'myUami', principalId: 'c5152837-6d3c-41bd-9e2f-0a1b2c3d4e5f', resourceGroup: 'mi-test', tags: {}, tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', type: 'Microsoft.ManagedIdentity/userAssignedIdentities' };
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { output: { stdout: JSON.stringify(out), stderr: '', exitCode: 0 }, bindings: { SUBSCRIPTION_ID: sub, RESOURCE_GROUP: 'mi-test', UAMI_NAME: 'myUami' } }) });
    expect(r.verdict).toBe('drift');
    const example = r.checks.find((c) => c.layer === 'example')!;
    expect(example.differences.map((d) => `${d.path}:${d.kind}`).sort()).toEqual(['/clientSecretUrl:missing', '/principalId:format']);
    expect(r.checks.find((c) => c.layer === 'contract')!.ok).toBe(true);
  });
});

describe('parsed tutorials against the real emulator', () => {
  let emu: EmulatorHandle;
  let dispatcher: ReturnType<typeof createEmulatorDispatcher>;
  beforeAll(async () => {
    emu = await startEmulator();
    dispatcher = createEmulatorDispatcher(emu);
  });
  afterAll(async () => {
    await dispatcher?.close();
    await emu?.close();
  });

  async function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<ObservedExchange> {
    const t0 = Date.now();
    const res = await request(url, { method: method as 'GET', headers, ...(body !== undefined ? { body } : {}), dispatcher });
    const text = await res.body.text();
    const hs: [string, string][] = Object.entries(res.headers).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : v === undefined ? [] : [[k, v] as [string, string]]));
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(text);
    } catch {
      parsedJson = undefined;
    }
    return {
      request: { method, url, headers: Object.entries(headers), ...(body !== undefined ? { body } : {}), bodyEncoding: 'utf8' },
      response: { status: res.statusCode, statusText: '', httpVersion: '1.1', headers: hs, body: text, bodyEncoding: 'utf8', ...(parsedJson !== undefined ? { json: parsedJson } : {}) },
      interim: [],
      durationMs: Date.now() - t0,
    };
  }

  it('000-storage-access-key: IMDS token (real RS256, aud = requested resource) drifts only on the page; listKeys with it keeps its contract', async () => {
    const t = parsed('000-storage-access-key.md');
    const tokenStep = stepAt(t, 68);
    if (tokenStep.kind !== 'http') throw new Error('expected the curl step');
    const ex = await send('GET', tokenStep.curl.url, { Metadata: 'true' });
    expect(ex.response!.status).toBe(200);
    const r = checkStep({ tutorial: t, step: tokenStep, observation: observation(tokenStep.id, { exchanges: [ex] }) });
    expect(r.verdict).toBe('drift');
    expect(r.checks.find((c) => c.layer === 'contract')).toMatchObject({ ok: true, differences: [] });
    const literal = r.checks.find((c) => c.layer === 'literal')!;
    // The emulator's token carries aud = "https://management.azure.com/" exactly: no aud claim, only the page's resource.
    expect(literal.differences.map((d) => d.path)).toEqual(['claim:example.resource']);

    const token = (ex.response!.json as { access_token: string }).access_token;
    const keysStep = stepAt(t, 90);
    const v = emu.values;
    const url = `https://management.azure.com/subscriptions/${v['SUBSCRIPTION_ID']}/resourceGroups/${v['RESOURCE_GROUP']}/providers/Microsoft.Storage/storageAccounts/${v['STORAGE_ACCOUNT_NAME']}/listKeys?api-version=2016-12-01`;
    const keys = await send('POST', url, { Authorization: `Bearer ${token}` }, '');
    const r2 = checkStep({ tutorial: t, step: keysStep, observation: observation(keysStep.id, { exchanges: [keys] }) });
    expect(r2.checks.find((c) => c.layer === 'contract')).toMatchObject({ ok: true });
    expect(['pass', 'drift']).toContain(r2.verdict);
    // Whatever the verdict, the evidence never quotes the token.
    expect(JSON.stringify(r2)).not.toContain(token);
  });
});

describe('parsed tutorials: the request parameters the prose lists', () => {
  it('000-storage-sas: the listServiceSas body sends exactly the listed parameters; a changed body is a claim difference', () => {
    const t = parsed('000-storage-sas.md');
    const s = stepAt(t, 115);
    if (s.kind !== 'http') throw new Error('expected the curl step');
    const url = 'https://management.azure.com/subscriptions/3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73/resourceGroups/mi-test/providers/Microsoft.Storage/storageAccounts/sa1/listServiceSas/?api-version=2017-06-01';
    const ok = json(200, { serviceSasToken: 'sv=2015-04-05&sr=c&spr=https&se=2026-11-23T00%3A00%3A00Z&sp=rcw&sig=AAAA' });
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('POST', url, ok)] }) });
    expect(r.checks.find((c) => c.layer === 'literal')!.differences.filter((d) => d.path.startsWith('claim:request-body'))).toEqual([]);

    const changed = { ...s, curl: { ...s.curl, data: [{ flag: '-d' as const, value: '{"canonicalizedResource":"/blob/<STORAGE ACCOUNT NAME>/<CONTAINER NAME>","signedResource":"c","signedPermission":"r","signedExpiry":"<EXPIRATION TIME>"}' }] } };
    const t2 = { ...t, steps: t.steps.map((x) => (x.id === s.id ? changed : x)) };
    const r2 = checkStep({ tutorial: t2, step: changed, observation: observation(s.id, { exchanges: [exchange('POST', url, ok)] }) });
    const diffs = r2.checks.find((c) => c.layer === 'literal')!.differences.filter((d) => d.path.startsWith('claim:request-body'));
    expect(diffs.map((d) => d.path).sort()).toEqual(['claim:request-body/signedPermission', 'claim:request-body/signedProtocol']);
    expect(diffs.find((d) => d.path.endsWith('signedPermission'))!.message).toBe('lines 103–109 give signedPermission as "rcw", but the command sends "r"');
  });
});

describe('example-sas-st-without-signedStart: the SAS the page shows against the request the run sent', () => {
  it('000-storage-sas: the run sent no signedStart, so the st= of the example is drift naming it; with a start sent, silent', () => {
    const t = parsed('000-storage-sas.md');
    const s = stepAt(t, 115);
    const url = 'https://management.azure.com/subscriptions/3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73/resourceGroups/mi-test/providers/Microsoft.Storage/storageAccounts/sa1/listServiceSas/?api-version=2017-06-01';
    const ok = json(200, { serviceSasToken: 'sv=2015-04-05&sr=c&spr=https&se=2026-11-23T00%3A00%3A00Z&sp=rcw&sig=AAAA' });
    const sent = { canonicalizedResource: '/blob/sa1/c1', signedResource: 'c', signedPermission: 'rcw', signedProtocol: 'https', signedExpiry: '2026-11-23T00:00:00Z' };
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('POST', url, ok, { body: JSON.stringify(sent) })] }) });
    expect(r.verdict).toBe('drift');
    expect(r.reason).toMatch(/example's SAS has st=2017-09-22T00:10:00Z \(start time\), but the request \(as the run sent it\) sends no signedStart/);
    const withStart = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('POST', url, ok, { body: JSON.stringify({ ...sent, signedStart: '2026-11-22T00:00:00Z' }) })] }) });
    expect(withStart.checks.find((c) => c.layer === 'literal')!.differences.filter((d) => d.path.startsWith('claim:example.sas'))).toEqual([]);
  });
});

describe('parsed tutorials: more suggestions', () => {
  it('000-arm-system-assigned: the no-break space after the Authorization header is shown with the words before it', () => {
    const t = parsed('000-arm-system-assigned.md');
    const s = stepAt(t, 71);
    const url = 'https://management.azure.com/subscriptions/3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73/resourceGroups/mi-test?api-version=2016-09-01';
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { exchanges: [exchange('GET', url, json(401, { error: { code: 'AuthenticationFailedInvalidHeader', message: "Authentication failed. The 'Authorization' header is provided in an invalid format." } }))] }) });
    expect(r.suggestion).toBe('remove the invisible character (U+00A0) after `-H "Authorization: Bearer <ACCESS-TOKEN>"`');
  });

  it('000-storage-sas: az options written one per line without values (bash runs only the first line)', () => {
    const t = parsed('000-storage-sas.md');
    const s = stepAt(t, 131);
    const r = checkStep({ tutorial: t, step: s, observation: observation(s.id, { error: { kind: 'az-usage', message: 'argument --container-name/-c: expected one argument' } }) });
    expect(r.suggestion).toBe('give the option a value: --container-name <CONTAINER NAME>');
  });
});
