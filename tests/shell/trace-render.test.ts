// The page's own -v and --trace-ascii, rendered by the shell engine from its --trace of the same
// transfer (the page gets the trace it asked for while the engine keeps its own), compared byte for
// byte with what real curl prints for the same request to a server answering the same bytes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageTrace, renderAscii, renderPlain } from '../../src/run/shell/trace-render.ts';
import { traceEntries } from '../../src/run/shell/trace.ts';

const run = promisify(execFile);
let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(os.tmpdir(), 'tc-trace-render-'));
  server = createServer((req, res) => {
    res.sendDate = false;
    req.resume();
    req.on('end', () => res.end('{"ok":true}\r\nline two\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('curl -v and --trace-ascii rendered from the engine\'s trace are what curl prints', () => {
  it('byte for byte, for a request with a long header and a body', async () => {
    const words = ['-q', '-s', '-H', `Authorization: Bearer ${'x'.repeat(150)}`, '-d', 'a=1&b=2', `${base}/p`];
    const hexFile = join(dir, 'hex.trace');
    const asciiFile = join(dir, 'ascii.trace');
    await run('curl', [...words, '--trace', hexFile]);
    await run('curl', [...words, '--trace-ascii', asciiFile]);
    const verbose = await run('curl', [...words, '-v'], { encoding: 'latin1' });
    const entries = traceEntries(await readFile(hexFile, 'latin1'));
    expect(renderAscii(entries)).toBe(await readFile(asciiFile, 'latin1'));
    expect(renderPlain(entries)).toBe(verbose.stderr);
  });

  it('which trace the page asks for: the last option wins, as in curl', () => {
    expect(pageTrace(['-s', 'https://x'])).toBeUndefined();
    expect(pageTrace(['-sv', 'https://x'])).toEqual({ format: 'plain', dest: '%' });
    expect(pageTrace(['--trace-ascii', '-', '-s', 'https://x'])).toEqual({ format: 'ascii', dest: '-' });
    expect(pageTrace(['-v', '--trace', 'out.trace', 'https://x'])).toEqual({ format: 'hex', dest: 'out.trace' });
    expect(pageTrace(['--trace', 'out.trace', '--verbose', 'https://x'])).toEqual({ format: 'plain', dest: '%' });
    // A value that only looks like the option is the value of the option before it.
    expect(pageTrace(['-d', '-v', 'https://x'])).toBeUndefined();
  });
});
