// A realistic report for the report tests: real tutorials (parsed by src/parse when it can read
// them, else the hand-built slices of tests/check/fixtures.ts), observations shaped like the
// emulator's answers, verdicts from the real checkStep. Secrets (tokens, account key, SAS
// signature, Key Vault value) are real-looking and recorded so tests can search every output.
import { createHash, randomBytes } from 'node:crypto';
import { checkStep } from '../../src/check/index.ts';
import type { Finding } from '../../src/lint/finding.ts';
import type { Step, Tutorial } from '../../src/model.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { buildReport, type StepOutcome } from '../../src/report/schema.ts';
import { Redactor } from '../../src/report/redact.ts';
import type { Observation, ObservedResponse } from '../../src/run/observation.ts';
import { azStep, curl, exchange, httpStep, imdsAnswer, json, jsonExp, manualStep, observation, textExp, tutorial, writeFileStep } from '../check/fixtures.ts';

export interface Secrets {
  tokens: string[];
  accountKey: string;
  sasSignature: string;
  sasToken: string;
  keyVaultValue: string;
}

const ACCOUNT = 'sa1tutorial';
const SUB = 'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e';

function handBuilt(file: string): Tutorial {
  const IMDS = (r: string) => `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${r}`;
  const LK = 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/listKeys?api-version=2016-12-01';
  switch (file) {
    case 'tutorials/000-storage-access-key.md':
      return tutorial(file, 'Use a Linux VM system-assigned managed identity to access Azure Storage via access key', [
        manualStep({ id: 's1', file, line: 14, endLine: 24, creates: ['storage-account'] }),
        httpStep({ id: 's2', file, line: 68, curl: curl({ url: IMDS('https%3A%2F%2Fmanagement.azure.com%2F') }), expectation: jsonExp(file, 75, 83) }),
        httpStep({ id: 's3', file, line: 90, curl: curl({ url: LK, method: 'POST' }), expectation: jsonExp(file, 98, 98) }),
        writeFileStep({ id: 's4', file, line: 102, file_: 'test.txt', content: 'This is a test file.\n' }),
        azStep({ id: 's5', file, line: 106, path: ['storage', 'blob', 'upload'], options: [['-c', '<CONTAINER NAME>'], ['-n', 'test.txt'], ['-f', 'test.txt'], ['--account-name', '<STORAGE ACCOUNT NAME>'], ['--account-key', '<STORAGE ACCOUNT KEY>']], expectation: jsonExp(file, 110, 114) }),
        azStep({ id: 's6', file, line: 120, path: ['storage', 'blob', 'download'], options: [['-c', '<CONTAINER NAME>'], ['-n', 'test.txt'], ['-f', 'test-download.txt'], ['--account-name', '<STORAGE ACCOUNT NAME>'], ['--account-key', '<STORAGE ACCOUNT KEY>']], expectation: jsonExp(file, 124, 160) }),
      ], [], 422);
    case 'tutorials/000-storage.md':
      return tutorial(file, 'Use a Linux VM system-assigned managed identity to access Azure Storage', [
        manualStep({ id: 's1', file, line: 36, endLine: 54, creates: ['blob-container', 'blob: hello world.txt', 'blob-content: Hello world!'] }),
        httpStep({ id: 's2', file, line: 82, curl: curl({ url: IMDS('https%3A%2F%2Fstorage.azure.com%2F') }) }),
        httpStep({ id: 's3', file, line: 86, curl: curl({ url: 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>' }), expectation: textExp(file, 91, 91) }),
      ], [], 125);
    default: {
      const f = 'tutorials/002-storage-access-key-user-assigned.md';
      return tutorial(f, 'Use a user-assigned MSI to access Azure Storage via access key', [
        httpStep({ id: 's1', file: f, line: 29, curl: curl({ url: 'http://localhost:50342/oauth2/token', method: 'POST', data: [{ flag: '--data', value: 'resource=https://management.azure.com/' }] }) }),
        httpStep({ id: 's2', file: f, line: 51, curl: curl({ url: LK }) }),
      ]);
    }
  }
}

function loadTutorial(file: string): { tutorial: Tutorial; parsed: boolean } {
  try {
    return { tutorial: parseTutorialFile(file), parsed: true };
  } catch {
    return { tutorial: handBuilt(file), parsed: false };
  }
}

const blobHeaders = (len: number): [string, string][] => [
  ['Content-Length', String(len)],
  ['Content-Type', 'text/plain'],
  ['ETag', '"0x8DE1D58CA245D4C"'],
  ['Last-Modified', 'Sun, 22 Nov 2026 22:00:00 GMT'],
  ['x-ms-request-id', '5f0e4a2b-601e-0042-3b1c-0a5e7d000000'],
  ['x-ms-version', '2017-11-09'],
  ['x-ms-blob-type', 'BlockBlob'],
];

function resourceOf(url: string, body: string): string {
  const q = url.indexOf('?');
  return (q >= 0 ? new URLSearchParams(url.slice(q + 1)).get('resource') : null) ?? new URLSearchParams(body).get('resource') ?? '';
}

/** What the emulator target would have produced for a step (a stand-in runner for report tests). */
async function observe(step: Step, secrets: Secrets, state: { token?: string }): Promise<StepOutcome> {
  const obs = (p: Partial<Observation>) => observation(step.id, p);
  const done = (o: Observation): StepOutcome => ({ step, observation: o });
  if (step.kind === 'manual') return { step, verdict: 'manual', reason: `portal step: creates ${step.creates.join(', ') || 'nothing the runner can see'}` };
  if (step.kind === 'http' || (step.kind === 'shell' && step.shell.kind === 'assign' && step.shell.curl)) {
    const c = step.kind === 'http' ? step.curl : step.kind === 'shell' && step.shell.kind === 'assign' ? step.shell.curl! : undefined!;
    const url = c.url
      .replace(/<STORAGE ACCOUNT(?: NAME)?>/g, ACCOUNT)
      .replace(/<CONTAINER NAME>/g, 'c1')
      .replace(/<FILE NAME>/g, 'hello_world.txt')
      .replace(/<SUBSCRIPTION ID>/g, SUB)
      .replace(/<RESOURCE GROUP>/g, 'mi-test');
    if (step.marks.length > 0) return done(obs({ error: { kind: 'invalid-command', message: `curl would read the words after the en dash as URLs: ${step.raw.match(/\S*\u2013\S*/)?.[0] ?? ''}` } }));
    if (/localhost:50342/.test(url)) return done(obs({ error: { kind: 'network', message: 'connect ECONNREFUSED 127.0.0.1:50342: nothing listens on localhost:50342 (the MSI VM extension endpoint was retired)' } }));
    const auth: [string, string][] = state.token ? [['Authorization', `Bearer ${state.token}`]] : [];
    if (/169\.254\.169\.254/.test(url)) {
      const answer = await imdsAnswer(resourceOf(url, ''));
      const token = answer['access_token']!;
      secrets.tokens.push(token);
      state.token = token;
      return done(obs({ exchanges: [exchange('GET', url, json(200, answer), { headers: [['Metadata', 'true']] })], captured: { ACCESS_TOKEN: token } }));
    }
    if (/listKeys/i.test(url)) {
      const keys = { keys: [{ creationTime: '2026-11-22T21:00:00.0000000Z', keyName: 'key1', value: secrets.accountKey, permissions: 'FULL' }, { creationTime: '2026-11-22T21:00:00.0000000Z', keyName: 'key2', value: randomBytes(64).toString('base64'), permissions: 'FULL' }] };
      return done(obs({ exchanges: [exchange('POST', url, json(200, keys), { headers: auth, body: '' })] }));
    }
    if (/blob\.core\.windows\.net/.test(url)) {
      const r: ObservedResponse = { status: 200, statusText: 'OK', httpVersion: '1.1', headers: blobHeaders(12), body: 'Hello world!', bodyEncoding: 'utf8' };
      return done(obs({ exchanges: [exchange('GET', url, r, { headers: [['x-ms-version', '2017-11-09'], ...auth] })] }));
    }
    return { step, verdict: 'skipped', reason: 'not part of this sample' };
  }
  if (step.kind === 'shell') {
    if (step.shell.kind === 'write-file') return done(obs({ engine: 'http', output: { stdout: '', stderr: '', exitCode: 0 }, files: [{ path: step.shell.file, content: step.shell.content }] }));
    return { step, verdict: 'skipped', reason: 'a comment' };
  }
  // az: the CLI's own output after a Shared Key PUT/GET signed with the listKeys key.
  const name = step.az.path.join(' ');
  const sharedKey: [string, string] = ['Authorization', `SharedKey ${ACCOUNT}:${createHash('sha256').update(secrets.accountKey).digest('base64')}`];
  const blobUrl = `https://${ACCOUNT}.blob.core.windows.net/c1/test.txt`;
  if (name === 'storage blob upload') {
    const out = { client_request_id: 'b7c1', content_md5: 'LSghAvpnElYyfUdn7CO8aw==', date: '2026-11-22T22:00:00+00:00', encryption_key_sha256: null, encryption_scope: null, etag: '"0x8DE1D58CA245D4C"', lastModified: '2026-11-22T22:00:00+00:00', request_id: '5f0e', request_server_encrypted: true, version: '2022-11-02', version_id: null };
    const put: ObservedResponse = { status: 201, statusText: 'Created', httpVersion: '1.1', headers: blobHeaders(0).filter(([n]) => n !== 'Content-Length' && n !== 'x-ms-blob-type').concat([['Content-MD5', 'LSghAvpnElYyfUdn7CO8aw==']]), body: '', bodyEncoding: 'utf8' };
    return done(obs({ exchanges: [exchange('PUT', blobUrl, put, { headers: [sharedKey, ['x-ms-blob-type', 'BlockBlob'], ['x-ms-version', '2022-11-02']], body: 'This is a test file.\n' })], output: { stdout: `Finished[#############################################################]  100.0000%\n${JSON.stringify(out, null, 2)}`, stderr: '', exitCode: 0 } }));
  }
  if (name === 'storage blob download') {
    const out = { container: 'c1', content: '', contentMd5: null, deleted: false, metadata: {}, name: 'test.txt', properties: { blobType: 'BlockBlob', contentLength: 21, contentRange: 'bytes None-None/21', contentSettings: { cacheControl: null, contentDisposition: null, contentEncoding: null, contentLanguage: null, contentMd5: 'LSghAvpnElYyfUdn7CO8aw==', contentType: 'text/plain' }, etag: '"0x8DE1D58CA245D4C"', lastModified: '2026-11-22T22:00:00+00:00', lease: { duration: null, state: 'available', status: 'unlocked' }, serverEncrypted: true }, snapshot: null };
    const get: ObservedResponse = { status: 200, statusText: 'OK', httpVersion: '1.1', headers: blobHeaders(21), body: 'This is a test file.\n', bodyEncoding: 'utf8' };
    return done(obs({ exchanges: [exchange('GET', blobUrl, get, { headers: [sharedKey, ['x-ms-version', '2022-11-02']] })], output: { stdout: JSON.stringify(out, null, 2), stderr: '', exitCode: 0 }, files: [{ path: 'test-download.txt', content: 'This is a test file.\n' }] }));
  }
  return { step, verdict: 'skipped', reason: 'not part of this sample' };
}

export interface Sample {
  report: ReturnType<typeof buildReport>;
  secrets: Secrets;
  redactor: Redactor;
  parsed: boolean;
}

const FILES = ['tutorials/000-storage-access-key.md', 'tutorials/000-storage.md', 'tutorials/002-storage-access-key-user-assigned.md'];

export async function sampleReport(): Promise<Sample> {
  const sasSignature = encodeURIComponent(randomBytes(32).toString('base64'));
  const secrets: Secrets = {
    tokens: [],
    accountKey: randomBytes(64).toString('base64'),
    sasSignature,
    sasToken: `sv=2015-04-05&sr=c&spr=https&se=2026-11-23T00%3A00%3A00Z&sp=rcw&sig=${sasSignature}`,
    keyVaultValue: 'kv-S3cret-Value!42',
  };
  let parsed = true;
  const tutorials = [];
  for (const file of FILES) {
    const loaded = loadTutorial(file);
    parsed &&= loaded.parsed;
    const state: { token?: string } = {};
    const outcomes: StepOutcome[] = [];
    let failedAt: string | undefined;
    for (const step of loaded.tutorial.steps) {
      if (failedAt && step.kind !== 'manual' && /ACCESS.TOKEN|access_token/i.test(step.raw)) {
        outcomes.push({ step, verdict: 'blocked', reason: `needs the token of ${failedAt}, which failed`, blockedBy: failedAt });
        continue;
      }
      const o = await observe(step, secrets, state);
      const outcome = o.observation ? { ...o, check: checkStep({ tutorial: loaded.tutorial, step, observation: o.observation }) } : o;
      if (outcome.check?.verdict === 'fail' && !failedAt) failedAt = step.id;
      outcomes.push(outcome);
    }
    const findings: Finding[] = loaded.tutorial.steps
      .filter((s) => s.marks.length > 0)
      .map((s) => ({ rule: 'lookalike-dash-in-flag', severity: 'error' as const, message: 'An en dash (U+2013) stands where a hyphen belongs; bash passes "–-request" to curl as a URL.', file, line: s.source.startLine, ...(s.id ? { stepId: s.id } : {}), suggestion: '--request' }));
    tutorials.push({ tutorial: loaded.tutorial, outcomes, findings });
  }
  const report = buildReport({ target: 'emulator', engine: 'http', startedAt: '2026-11-22T22:00:00.000Z', durationMs: 4321, tutorials });
  const redactor = new Redactor();
  secrets.tokens.forEach((t) => redactor.add(t, 'access-token'));
  redactor.add(secrets.accountKey, 'storage-account-key');
  redactor.add(secrets.sasToken, 'sas-token');
  redactor.add(decodeURIComponent(secrets.sasSignature), 'sas-signature');
  redactor.add(secrets.keyVaultValue, 'key-vault-secret');
  return { report, secrets, redactor, parsed };
}
