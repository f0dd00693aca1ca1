// The request the http engine builds for `curl -u`, compared with what the installed curl (the one
// the shell engine runs) really sends to a local server: the same headers, in the same order, with
// the same User-Agent. And the Basic credentials are secrets of the run.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCurlArgv } from '../../src/parse/index.ts';
import { buildCurl } from '../../src/run/curl/build.ts';
import { harvestExchange, RunSecrets } from '../../src/run/secrets.ts';

const run = promisify(execFile);
let server: Server;
let base: string;
const seen: string[][] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.rawHeaders);
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Headers real curl sends for `words` (curl's own words, no config), as name/value pairs. */
async function curlSends(words: string[]): Promise<[string, string][]> {
  seen.length = 0;
  // stdin at its end, as in a step (the shell engine's is /dev/null): `-u id` reads an empty password.
  const curl = run('curl', ['-q', '-s', ...words], { env: { PATH: process.env.PATH ?? '' } });
  curl.child.stdin?.end();
  await curl;
  const raw = seen[0] ?? [];
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

async function engineSends(words: string[], values: { spellings: string[]; value: string }[] = []): Promise<[string, string][]> {
  const plan = await buildCurl(parseCurlArgv(words), { values, env: new Map() }, os.tmpdir());
  return plan.request.headers;
}

describe('defect: the http engine ignored curl -u user:pass (no Basic header) and sent User-Agent: curl/8.5.0 while the installed curl says 7.88.1', () => {
  it.each([
    ['-u id:secret', ['-u', '5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c:Xy78Q~abc def']],
    ['--user, then a header', ['--user', 'a:b', '-H', 'X-A: 1']],
    ['-u and -d', ['-u', 'a:b:c', '-d', 'grant_type=client_credentials']],
    ['-u without a password (curl asks; no terminal: empty)', ['-u', 'id']],
    ['an Authorization header replaces the Basic one', ['-u', 'id:pw', '-H', 'Authorization: Bearer x']],
    ['no -u at all', ['-H', 'Metadata: true']],
  ])('%s: the same headers as curl, in its order', async (_name, words) => {
    const url = `${base}/token`;
    expect(await engineSends([...words, url])).toEqual(await curlSends([...words, url]));
  });

  it('the User-Agent is the installed curl\'s', async () => {
    const { stdout } = await run('curl', ['--version']);
    const version = /^curl (\S+)/.exec(stdout)?.[1];
    expect((await engineSends([`${base}/x`])).find(([n]) => n === 'User-Agent')?.[1]).toBe(`curl/${version}`);
  });

  it('placeholders in -u are filled in first', async () => {
    const headers = await engineSends(['-u', '<CLIENT ID>:<CLIENT SECRET>', `${base}/x`], [
      { spellings: ['<CLIENT ID>'], value: 'app' },
      { spellings: ['<CLIENT SECRET>'], value: 's3cret!' },
    ]);
    expect(headers.find(([n]) => n === 'Authorization')?.[1]).toBe(`Basic ${Buffer.from('app:s3cret!').toString('base64')}`);
  });

  it('the credentials and the password are secrets of the run', () => {
    const secrets = new RunSecrets();
    harvestExchange({ request: { method: 'POST', url: 'https://login.microsoftonline.com/t/oauth2/v2.0/token', headers: [['Authorization', `Basic ${Buffer.from('app:s3cret-value').toString('base64')}`]], bodyEncoding: 'utf8' }, interim: [], durationMs: 0 }, secrets);
    expect(secrets.values().map((s) => s.value)).toEqual([Buffer.from('app:s3cret-value').toString('base64'), 's3cret-value']);
  });
});
