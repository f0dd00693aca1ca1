// src/emulator/azurite-child.cjs, the wrapper the emulator runs Azurite's blob server in: with
// TC_AZURITE_CODE_CACHE=1 it compiles the server's file with a V8 code cache, writes the cache after the
// server listens, uses it on the next start and rewrites one V8 refuses. The file it loads here is a
// small HTTP server of its own (Azurite's 9 MB bundle exists only after `npm ci` builds dist/); the
// wrapper loads whatever file TC_AZURITE_BLOB_MAIN names the same way.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { processEnds } from '../helpers/processes.ts';

const wrapper = fileURLToPath(new URL('../../src/emulator/azurite-child.cjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tc-azurite-child-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// CommonJS as Azurite's bundle is: require of built-ins, module.exports, __dirname, a listener.
const server = join(dir, 'server.cjs');
writeFileSync(
  server,
  `'use strict';
const http = require('node:http');
const path = require('node:path');
module.exports = { dir: __dirname };
const s = http.createServer((req, res) => res.end(JSON.stringify({ dirname: __dirname, same: path.basename(__filename), exportsKept: module.exports.dir === __dirname, accounts: process.env.AZURITE_ACCOUNTS })));
s.listen(0, '127.0.0.1', () => process.stdout.write('successfully listens on http://127.0.0.1:' + s.address().port + '\\n'));
process.on('SIGTERM', () => s.close(() => process.exit(0)));
`,
);

interface Started {
  lines: string[];
  port: number;
}

/** Starts the wrapper, waits for the listener (and for the cache line when one is expected), stops it. */
function start(cached: boolean, waitFor: RegExp): Promise<Started & { body: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wrapper], {
      env: { ...process.env, TC_AZURITE_BLOB_MAIN: server, TC_AZURITE_SOCKET: join(dir, `s${Math.random().toString(36).slice(2)}.sock`), ...(cached ? { TC_AZURITE_CODE_CACHE: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    child.send({ type: 'accounts', accounts: 'acct1:a2V5;acct2:a2V5' });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no ${waitFor} within 10 s: ${out}`));
    }, 10_000);
    child.stdout!.on('data', async (d: Buffer) => {
      out += d.toString('utf8');
      const port = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port === undefined || !waitFor.test(out)) return;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      const body = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ lines: out.trim().split('\n'), port: Number(port), body }));
    });
  });
}

describe('azurite-child.cjs code cache', () => {
  const cache = join(dir, `server.cjs.${process.version}-${process.arch}.v8cache`);

  it('compiles without a cache, then writes one after the server listens', async () => {
    const first = await start(true, /code cache written/);
    expect(first.lines).toContain('tc-azurite code cache absent');
    expect(statSync(cache).size).toBeGreaterThan(0);
    // The file ran as CommonJS with its own __dirname and module.exports.
    expect(JSON.parse(first.body)).toEqual({ dirname: dir, same: 'server.cjs', exportsKept: true, accounts: 'acct1:a2V5;acct2:a2V5' });
  });

  it('uses the cache on the next start and does not rewrite it', async () => {
    const before = statSync(cache).mtimeMs;
    const second = await start(true, /code cache accepted/);
    expect(second.lines.some((l) => l.includes('code cache written'))).toBe(false);
    expect(statSync(cache).mtimeMs).toBe(before);
  });

  it('a cache V8 refuses (not a cache at all) is reported and replaced', async () => {
    writeFileSync(cache, 'not a V8 code cache');
    const third = await start(true, /code cache written/);
    expect(third.lines).toContain('tc-azurite code cache rejected');
    expect(readFileSync(cache).toString('latin1')).not.toBe('not a V8 code cache');
    const fourth = await start(true, /code cache accepted/);
    expect(JSON.parse(fourth.body).exportsKept).toBe(true);
  });

  it('without TC_AZURITE_CODE_CACHE the file is required as usual and no cache is written', async () => {
    rmSync(cache);
    const plain = await start(false, /listens on/);
    expect(plain.lines.some((l) => l.includes('code cache'))).toBe(false);
    expect(JSON.parse(plain.body)).toMatchObject({ dirname: dir, accounts: 'acct1:a2V5;acct2:a2V5' });
    expect(() => statSync(cache)).toThrow();
  });
});

describe('azurite-child.cjs accounts', () => {
  it('compiles at once but runs the server only when its accounts arrive over IPC', async () => {
    const child = spawn(process.execPath, [wrapper], {
      env: { ...process.env, TC_AZURITE_BLOB_MAIN: server, TC_AZURITE_SOCKET: join(dir, 'late.sock'), TC_AZURITE_CODE_CACHE: '1' },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    try {
      // Compiled (the cache line is printed) yet not listening, however long it waits. Waits for the
      // line rather than a fixed time: a loaded machine compiles 9 MB slower than an idle one.
      await new Promise<void>((resolve) => {
        const seen = () => /code cache (accepted|absent|rejected)/.test(out) && resolve();
        child.stdout!.on('data', seen);
        seen();
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(out).toMatch(/code cache (accepted|absent|rejected)/);
      expect(out).not.toMatch(/listens on/);
      expect(child.exitCode).toBeNull();
      const listening = new Promise<void>((resolve) => child.stdout!.on('data', () => /listens on/.test(out) && resolve()));
      child.send({ type: 'something else' });
      child.send({ type: 'accounts', accounts: 'late:a2V5' });
      await listening;
      const port = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1];
      expect(JSON.parse(await fetch(`http://127.0.0.1:${port}/`).then((r) => r.text())).accounts).toBe('late:a2V5');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('ends when its parent goes away before sending the accounts', async () => {
    // A parent that spawns the wrapper and exits at once, without a word: the child must not linger.
    const parent = spawn(
      process.execPath,
      ['-e', `const c = require('node:child_process').spawn(process.execPath, [${JSON.stringify(wrapper)}], { env: { ...process.env, TC_AZURITE_BLOB_MAIN: ${JSON.stringify(server)} }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }); console.log(c.pid); c.unref(); c.channel.unref();`],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let pid = '';
    parent.stdout!.on('data', (d: Buffer) => (pid += d.toString('utf8')));
    await new Promise((r) => parent.once('exit', r));
    const childPid = Number(pid.trim());
    expect(childPid).toBeGreaterThan(0);
    expect(await processEnds(childPid)).toBe(true);
  });
});
