// The terminal a tutorial runs in: state across steps, real exit statuses, a step that ends the shell
// or hangs, and the one text transformation (placeholders) leaving every other character alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { BashSession } from '../../src/run/shell/bash-session.ts';
import { substitutePlaceholders } from '../../src/run/shell/placeholders.ts';
import { createRunDir } from '../../src/run/shell/run-dir.ts';

let root: string;
let session: BashSession;

beforeAll(async () => {
  root = await mkdtemp(join(os.tmpdir(), 'tc-bash-test-'));
  session = new BashSession({ cwd: root, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' }, scratch: root });
});

afterAll(async () => {
  await session?.close();
  await rm(root, { recursive: true, force: true });
});

describe('BashSession', () => {
  it('carries variables, functions and the folder from step to step, and reports requested variables', async () => {
    const a = await session.run('greeting="hello  world"\nsay() { printf "%s\\n" "$1"; }\nmkdir -p sub && cd sub', { timeoutMs: 5000, variables: ['greeting', 'never_set'] });
    expect(a.exitCode).toBe(0);
    expect(a.variables).toEqual({ greeting: 'hello  world' });
    const b = await session.run('say "$greeting" > out.txt; pwd', { timeoutMs: 5000 });
    expect(b.stdout.toString()).toBe(`${join(root, 'sub')}\n`);
    expect(await readFile(join(root, 'sub', 'out.txt'), 'utf8')).toBe('hello  world\n');
    await session.run('cd ..', { timeoutMs: 5000 });
  });

  it('returns the status of the last command and keeps stderr apart', async () => {
    const r = await session.run('echo to-out; echo to-err >&2; false', { timeoutMs: 5000 });
    expect(r).toMatchObject({ exitCode: 1, timedOut: false, shellExited: false });
    expect(r.stdout.toString()).toBe('to-out\n');
    expect(r.stderr.toString()).toBe('to-err\n');
    const missing = await session.run('no-such-command-here', { timeoutMs: 5000 });
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr.toString()).toMatch(/no-such-command-here: command not found/);
  });

  it('treats a no-break space as part of a word, as bash does', async () => {
    const r = await session.run('printf "[%s]" a\u00a0b c', { timeoutMs: 5000 });
    expect(r.stdout.toString()).toBe('[a\u00a0b][c]');
  });

  it('reports a step that exits the shell, and a step that hangs, and a fresh session works after', async () => {
    const exited = await session.run('echo bye; exit 7', { timeoutMs: 5000 });
    expect(exited).toMatchObject({ exitCode: 7, shellExited: true });
    expect(exited.stdout.toString()).toBe('bye\n');
    expect(session.alive).toBe(false);

    const hanging = new BashSession({ cwd: root, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, scratch: root });
    const t0 = Date.now();
    const r = await hanging.run('sleep 30', { timeoutMs: 500 });
    expect(r.timedOut).toBe(true);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(hanging.alive).toBe(false);

    session = new BashSession({ cwd: root, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' }, scratch: root });
    expect((await session.run('echo again', { timeoutMs: 5000 })).stdout.toString()).toBe('again\n');
  });
});

describe('placeholder substitution', () => {
  it('replaces <PLACEHOLDER> spellings only, longest first, and nothing else', () => {
    const values = [
      { spellings: ['<STORAGE ACCOUNT>', '$account'], value: 'short' },
      { spellings: ['<STORAGE ACCOUNT NAME>'], value: 'long' },
      { spellings: ['<ACCESS TOKEN>'], value: 'a&b' },
    ];
    const text = 'curl https://<STORAGE ACCOUNT NAME>.x/<STORAGE ACCOUNT> -H "Bearer <ACCESS TOKEN>"\u00a0 $account ${account} –-request';
    expect(substitutePlaceholders(text, values)).toBe('curl https://long.x/short -H "Bearer a&b"\u00a0 $account ${account} –-request');
  });
});

describe('run folder', () => {
  it('for a live target writes a .curlrc with the trace only (no routing, system CAs), and an az that execs the shim', async () => {
    const dir = await createRunDir({ kind: 'live' });
    try {
      await dir.prepareCurl(join(dir.traces, 'x.trace'));
      const rc = await readFile(join(dir.curlHome, '.curlrc'), 'utf8');
      expect(rc.split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([`trace = "${join(dir.traces, 'x.trace')}"`]);
      expect(await readFile(join(dir.bin, 'az'), 'utf8')).toMatch(/^#!\/bin\/sh\nexec '.*node.*' '.*bin\/az-shim\.mjs' "\$@"\n$/);
    } finally {
      await dir.remove();
    }
  });
});
