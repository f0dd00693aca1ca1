// curl steps as curl sends them, over real sockets: a plain HTTP server on 127.0.0.1:0 stands for an
// Azure host through the connector's routing, and records the bytes it receives.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCurl } from '../../src/parse/index.ts';
import { buildCurl } from '../../src/run/curl/build.ts';
import { executeCurl } from '../../src/run/curl/execute.ts';
import { createConnector, type Connector } from '../../src/run/http/connector.ts';

interface Seen {
  method: string;
  url: string;
  rawHeaders: string[];
  body: Buffer;
  expect?: string;
}

const seen: Seen[] = [];
let server: http.Server;
let connector: Connector;
const workdir = mkdtempSync(join(os.tmpdir(), 'tc-curl-'));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks), ...(req.headers.expect ? { expect: req.headers.expect } : {}) });
      if (req.url?.startsWith('/redirect') && !req.url.includes('write=true')) {
        res.writeHead(307, 'Temporary Redirect', { Location: `${req.url}&write=true`, 'Content-Length': '0' });
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', 'x-echo-host': req.headers.host ?? '' });
      res.end(JSON.stringify({ ok: true, method: req.method }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  connector = createConnector({
    router: {
      route: (host) => (host === 'svc.azure.example' ? { kind: 'connect', host: '127.0.0.1', port } : { kind: 'refuse', reason: 'not a test host', noSuchHost: true }),
    },
  });
});

afterAll(async () => {
  await connector.close();
  await new Promise((r) => server.close(r));
});

async function curl(text: string, values: { spellings: string[]; value: string }[] = []) {
  const before = seen.length;
  const plan = await buildCurl(parseCurl(text), { values, env: new Map() }, workdir);
  const run = await executeCurl(connector, plan);
  return { run, sent: seen.slice(before) };
}

function header(s: Seen, name: string): string | undefined {
  const i = s.rawHeaders.findIndex((h, k) => k % 2 === 0 && h.toLowerCase() === name.toLowerCase());
  return i < 0 ? undefined : s.rawHeaders[i + 1];
}

describe('curl steps over the routed connector', () => {
  it('keeps the URL as written and the Host of the page, and adds curl\'s own headers', async () => {
    const { run, sent } = await curl(`curl 'http://svc.azure.example/metadata/x?api-version=2018-02-01&resource=https://management.azure.com/' -H Metadata:true`);
    expect(run.exitCode).toBe(0);
    expect(sent[0]?.url).toBe('/metadata/x?api-version=2018-02-01&resource=https://management.azure.com/');
    expect(header(sent[0]!, 'host')).toBe('svc.azure.example');
    expect(header(sent[0]!, 'metadata')).toBe('true');
    expect(header(sent[0]!, 'user-agent')).toMatch(/^curl\//);
    expect(run.exchanges[0]?.response?.json).toEqual({ ok: true, method: 'GET' });
    expect(run.stdout).toBe('{"ok":true,"method":"GET"}');
  });

  it('substitutes placeholders by every spelling and sends a trailing no-break space as UTF-8 bytes', async () => {
    const { sent, run } = await curl(`curl http://svc.azure.example/r -H "Authorization: Bearer <ACCESS-TOKEN>"\u00a0`, [{ spellings: ['<ACCESS-TOKEN>'], value: 'tok123' }]);
    expect(run.error).toBeUndefined();
    const raw = Buffer.from(header(sent[0]!, 'authorization') ?? '', 'latin1');
    expect(raw.equals(Buffer.from('Bearer tok123\u00a0', 'utf8'))).toBe(true);
  });

  it('-d "" is a form POST with an empty body; several -d are joined with "&"', async () => {
    const empty = await curl(`curl http://svc.azure.example/listKeys --request POST -d ""`);
    expect(empty.sent[0]?.method).toBe('POST');
    expect(header(empty.sent[0]!, 'content-type')).toBe('application/x-www-form-urlencoded');
    expect(header(empty.sent[0]!, 'content-length')).toBe('0');
    const two = await curl(`curl http://svc.azure.example/f -d a=1 -d b=2 -H "Content-Type: text/plain"`);
    expect(two.sent[0]?.body.toString()).toBe('a=1&b=2');
    expect(header(two.sent[0]!, 'content-type')).toBe('text/plain');
  });

  it('-T sends the file with Expect: 100-continue, records the interim 100, and -L re-sends the body on 307', async () => {
    writeFileSync(join(workdir, 'Test1.txt'), 'Test file.\n');
    const { run, sent } = await curl(`curl -i -X PUT -L -T Test1.txt 'http://svc.azure.example/redirect?op=CREATE'`);
    expect(sent.map((s) => [s.method, s.url, s.expect, s.body.toString()])).toEqual([
      ['PUT', '/redirect?op=CREATE', '100-continue', 'Test file.\n'],
      ['PUT', '/redirect?op=CREATE&write=true', '100-continue', 'Test file.\n'],
    ]);
    expect(run.exchanges.map((e) => [e.response?.status, e.interim.map((i) => i.status)])).toEqual([
      [307, [100]],
      [200, [100]],
    ]);
    expect(run.stdout).toMatch(/^HTTP\/1.1 100 Continue\n\nHTTP\/1.1 307 Temporary Redirect\n/);
  });

  it('treats extra words as URLs, as curl does, and exits with the last failure', async () => {
    const { run, sent } = await curl(`curl http://svc.azure.example/listKeys \u2013-request POST -d ""`);
    expect(sent).toHaveLength(1); // the real URL is still requested
    // curl 7.88.1 (and curl 8's hostip.c) name the host they looked up: the IDN-converted name.
    expect(run.stderr).toBe('curl: (6) Could not resolve host: xn---request-rn3d\ncurl: (6) Could not resolve host: POST\n');
    expect(run.exitCode).toBe(6);
    expect(run.error?.kind).toBe('invalid-command');
  });

  it('defect: a standalone no-break-space word is another URL whose host " " does not resolve (exit 6), not a rejected URL (exit 3)', async () => {
    // Real curl 7.88.1 in C.UTF-8, `curl -sS http://127.0.0.1:PORT/ $'\u00a0'`: prints the first
    // response, then "curl: (6) Could not resolve host:  " (libidn2 maps U+00A0 to a space), exit 6.
    // The same with -H before, between or after the words, and for each of several such words.
    const { run, sent } = await curl(`curl -H Metadata:true http://svc.azure.example/token \u00a0 -H "X-Other: 1" \u00a0`);
    expect(sent).toHaveLength(1);
    expect(run.stdout).toBe('{"ok":true,"method":"GET"}');
    expect(run.stderr).toBe('curl: (6) Could not resolve host:  \ncurl: (6) Could not resolve host:  \n');
    expect(run.exitCode).toBe(6);
    expect(run.error?.message).toBe('curl treats the extra word "\u00a0" (U+00A0) as a URL: (6) Could not resolve host:   (exit 6)');
    // Glued to other characters it is part of the host curl looks up; an ASCII space inside a host is rejected (exit 3).
    expect((await curl(`curl http://svc.azure.example/token 'Ab\u00a0'`)).run.stderr).toBe('curl: (6) Could not resolve host: ab \n');
    expect((await curl(`curl http://svc.azure.example/token 'https://\u00a0:8443/x'`)).run.exitCode).toBe(6);
    const rejected = (await curl(`curl http://svc.azure.example/token 'a b'`)).run;
    expect(rejected.exitCode).toBe(3);
    // Before the URL (`curl -sS $'\u00a0' http://127.0.0.1:PORT/`): curl reports it, then fetches the URL, exit 0.
    const first = await curl(`curl -H Metadata:true \u00a0 http://svc.azure.example/token`);
    expect(first.sent).toHaveLength(1);
    expect(first.run.stdout).toBe('{"ok":true,"method":"GET"}');
    expect(first.run.stderr).toBe('curl: (6) Could not resolve host:  \n');
    expect(first.run.exitCode).toBe(0);
    expect(first.run.error).toBeUndefined();
    const alone = (await curl(`curl -H Metadata:true \u00a0`)).run;
    expect([alone.exitCode, alone.stderr, alone.error?.kind]).toEqual([6, 'curl: (6) Could not resolve host:  \n', 'network']);
  });

  it('reports an unknown host as curl does, without any connection', async () => {
    const { run, sent } = await curl(`curl https://https://vault.example/secrets/x`);
    expect(sent).toHaveLength(0);
    expect(run.exitCode).toBe(6);
    expect(run.stderr).toBe('curl: (6) Could not resolve host: https\n');
    expect(run.error?.kind).toBe('network');
  });

  it('does not repair a header name the HTTP client refuses: that refusal is the evidence', async () => {
    const { run, sent } = await curl(`curl http://svc.azure.example/r -H "Meta\u00a0data: true"`);
    expect(sent).toHaveLength(0);
    expect(run.error?.kind).toBe('invalid-command');
    expect(run.exchanges[0]?.request.headers).toContainEqual(['Meta\u00a0data', 'true']);
  });

  it('sends the -T body after a second when the server never answers 100 Continue, as curl does', async () => {
    const quiet = http.createServer();
    // With a checkContinue listener Node does not answer 100 by itself.
    quiet.on('checkContinue', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => res.end(`got ${Buffer.concat(chunks).length} bytes`));
    });
    await new Promise<void>((r) => quiet.listen(0, '127.0.0.1', r));
    const port = (quiet.address() as AddressInfo).port;
    const c = createConnector({ router: { route: () => ({ kind: 'connect', host: '127.0.0.1', port }) } });
    try {
      writeFileSync(join(workdir, 'up.txt'), 'twelve bytes');
      const plan = await buildCurl(parseCurl(`curl -T up.txt http://svc.azure.example/up`), { values: [], env: new Map() }, workdir);
      const t0 = performance.now();
      const run = await executeCurl(c, plan);
      expect(run.stdout).toBe('got 12 bytes');
      expect(run.exchanges[0]?.interim).toEqual([]);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    } finally {
      await c.close();
      await new Promise((r) => quiet.close(r));
    }
  });
});
