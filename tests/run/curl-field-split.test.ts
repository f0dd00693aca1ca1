// Regression from the precision sweep of MicrosoftDocs/azure-security-docs @1c4310be (helper sweep-hsm):
// confidential-ledger/user-defined-endpoints.md sets server_identity="--cacert service_cert.pem" and
// authorization="Authorization: Bearer raw_token_value", then runs
// `curl $server_identity -X PATCH "https://contoso…" -H "$content_type_merge_patch_json" -H "$authorization"`.
// The http engine took the unquoted $server_identity as one word, hence as the URL, and failed six
// steps with "curl: (3) URL using bad/illegal format or missing URL: http://--cacert service_cert.pem";
// bash splits an unquoted expansion at blanks (GNU Bash manual §3.5.7). And it split `-H "$authorization"`
// into a header name before expansion ("$authorization", no value), so the fixed request still had an
// invalid header name: curl splits the header at its first ":" after the shell expanded it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCurlArgv, parseTutorialText } from '../../src/parse/index.ts';
import { unquotedWordVariables } from '../../src/plan/expansion.ts';
import { buildCurl } from '../../src/run/curl/build.ts';

// tests/lint/fixtures/real/confidential-ledger-user-defined-endpoints.excerpt.md: MicrosoftDocs/azure-security-docs
// articles/confidential-ledger/user-defined-endpoints.md @1c4310bed2b90b37d9500bd26dc00a314becfa9f, lines 167-186.
const EXCERPT = 'tests/lint/fixtures/real/confidential-ledger-user-defined-endpoints.excerpt.md';

const run = promisify(execFile);
let server: Server;
let base: string;
const seen: { method: string; headers: string[] }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', headers: req.rawHeaders });
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('defect: an unquoted $var holding several curl words was one word (the URL), and -H "$var" was split before expansion', () => {
  it('user-defined-endpoints.md: curl $server_identity -X PATCH "https://…" -H "$authorization" is a PATCH of the ledger URL with an Authorization header', async () => {
    const tutorial = parseTutorialText(readFileSync(EXCERPT, 'utf8'), EXCERPT);
    const env = new Map<string, string>();
    for (const step of tutorial.steps) if (step.kind === 'shell' && step.shell.kind === 'assign' && step.shell.literal) env.set(step.shell.variable, step.shell.pipeline);
    expect(env.get('server_identity')).toBe('--cacert service_cert.pem');
    const patch = tutorial.steps.find((s) => s.kind === 'http' && s.curl.argv.includes('PATCH'));
    if (patch?.kind !== 'http') throw new Error('no curl PATCH step in the excerpt');
    const plan = await buildCurl(patch.curl, { values: [], env, splits: unquotedWordVariables(patch.raw) }, os.tmpdir());
    expect(plan.request.method).toBe('PATCH');
    expect(plan.request.url).toBe('https://contoso.confidential-ledger.azure.com/app/userDefinedEndpoints/runTimeOptions?api-version=2024-08-22-preview');
    expect(plan.extraUrls).toEqual([]);
    expect(plan.request.headers).toContainEqual(['Authorization', 'Bearer raw_token_value']);
    expect(plan.request.headers).toContainEqual(['Content-Type', 'application/merge-patch+json']);
  });

  it('sends what bash and the installed curl send; a quoted "$opts" stays one word', async () => {
    const env = new Map([['opts', '-X PUT'], ['auth', 'Authorization: Bearer abc']]);
    const written = (url: string) => `curl $opts "${url}" -H "$auth"`;
    const url = `${base}/x`;
    const plan = await buildCurl(parseCurlArgv(['$opts', url, '-H', '$auth']), { values: [], env, splits: unquotedWordVariables(written(url)) }, os.tmpdir());
    seen.length = 0;
    const bash = run('bash', ['-c', written(url)], { env: { PATH: process.env.PATH ?? '', opts: '-X PUT', auth: 'Authorization: Bearer abc' } });
    bash.child.stdin?.end();
    await bash;
    expect(plan.request.method).toBe(seen[0]?.method);
    const raw = seen[0]?.headers ?? [];
    const pairs: [string, string][] = [];
    for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
    expect(plan.request.headers).toEqual(pairs);
    // Quoted, bash passes one word "-X PUT": curl reads it as the URL; the engine does too.
    expect(unquotedWordVariables('curl "$opts" https://example.com').has('opts')).toBe(false);
    const quoted = await buildCurl(parseCurlArgv(['$opts', 'https://example.com']), { values: [], env, splits: new Set() }, os.tmpdir()).catch((e: Error) => e);
    expect(quoted instanceof Error ? quoted.message : quoted.request.url).toMatch(/-X PUT/);
  });

  it('an unquoted expansion that is empty is no word at all', async () => {
    const plan = await buildCurl(parseCurlArgv(['$extra', 'https://example.com/a']), { values: [], env: new Map([['extra', '']]), splits: new Set(['extra']) }, os.tmpdir());
    expect(plan.request.url).toBe('https://example.com/a');
  });
});
