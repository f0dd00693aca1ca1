// curl's --trace read back into exchanges, against a local server answering in ways the emulator's
// routes do not: a chunked body (curl traces the raw chunks) and a redirect followed with -L. Plus the
// -i transcript reader used when no trace exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { exchangesFromTrace } from '../../src/run/shell/trace.ts';
import { parseIncludeOutput } from '../../src/run/shell/transcript.ts';

let server: Server;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-trace-test-'));
  server = createServer((req, res) => {
    if (req.url === '/moved') {
      res.writeHead(302, { location: '/chunked' });
      res.end();
      return;
    }
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(`{"method":"${req.method ?? ''}",`);
      setTimeout(() => res.end(`"got":${JSON.stringify(body)},"ü":"é"}`), 10);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await rm(dir, { recursive: true, force: true });
});

describe('exchangesFromTrace', () => {
  it('reads a followed redirect and a chunked UTF-8 JSON body, byte for byte', async () => {
    const trace = join(dir, 'a.trace');
    const r = await execa('curl', ['-q', '-s', '-L', '--trace', trace, `${base}/moved`, '-H', 'X-Note: caf\u00e9']);
    const exchanges = exchangesFromTrace(await readFile(trace, 'utf8'));
    expect(exchanges.map((x) => [x.request.method, x.request.url, x.response?.status])).toEqual([
      ['GET', `${base}/moved`, 302],
      ['GET', `${base}/chunked`, 200],
    ]);
    expect(exchanges[0]?.request.headers).toContainEqual(['X-Note', 'caf\u00e9']);
    expect(exchanges[1]?.response?.headers).toContainEqual(['Transfer-Encoding', 'chunked']);
    expect(exchanges[1]?.response?.body).toBe(r.stdout);
    expect(exchanges[1]?.response?.json).toEqual({ method: 'GET', got: '', ü: 'é' });
  });

  it('records the request body and no response when the transfer fails', async () => {
    const trace = join(dir, 'b.trace');
    await execa('curl', ['-q', '-s', '--trace', trace, '-d', 'a=1&b=2', `${base}/echo`]);
    const [ok] = exchangesFromTrace(await readFile(trace, 'utf8'));
    expect(ok?.request).toMatchObject({ method: 'POST', body: 'a=1&b=2' });
    expect(ok?.response?.json).toMatchObject({ method: 'POST', got: 'a=1&b=2' });

    const refused = join(dir, 'c.trace');
    const port = (server.address() as AddressInfo).port;
    const r = await execa('curl', ['-q', '-s', '--trace', refused, `http://127.0.0.1:${port === 1 ? 2 : 1}/`], { reject: false });
    expect(r.exitCode).toBe(7);
    expect(exchangesFromTrace(await readFile(refused, 'utf8'))).toEqual([]);
  });
});

describe('parseIncludeOutput', () => {
  it('splits interim and final status blocks and keeps the body', () => {
    const t = parseIncludeOutput('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok');
    expect(t?.responses.map((r) => [r.status, r.statusText])).toEqual([
      [100, 'Continue'],
      [201, 'Created'],
    ]);
    expect(t?.responses[1]?.headers).toEqual([['Content-Length', '2']]);
    expect(t?.responses[1]?.body).toBe('ok');
    expect(parseIncludeOutput('{"no":"headers"}')).toBeUndefined();
  });
});
