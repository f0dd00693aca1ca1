// Issue 15 #6: the emulator's state folder holds its CA key and the tenant's token signing key. A
// folder that others can write to, or that holds a key others can read, is not used: the emulator
// makes a fresh private one for that run instead and says so.
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.ts';
import { loadTlsMaterial } from '../../src/emulator/tls.ts';
import { loadSigningKey } from '../../src/emulator/signing-keys.ts';
import { armService } from '../../src/emulator/services/arm/index.ts';

const dirs: string[] = [];
function folder(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** What another user leaves in a folder: a CA and a signing key of their own. */
async function plant(dir: string): Promise<{ caPem: string; kid: string }> {
  const { caPem } = await loadTlsMaterial(dir);
  const { kid } = await loadSigningKey(dir);
  return { caPem, kid };
}

/** Warnings the emulator emits while `fn` runs. */
async function warningsDuring<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: Error[] }> {
  const warnings: Error[] = [];
  const on = (w: Error): void => void warnings.push(w);
  process.on('warning', on);
  try {
    const value = await fn();
    await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
    return { value, warnings };
  } finally {
    process.off('warning', on);
  }
}

describe('state folder', () => {
  it('a world-writable state folder holding another CA and signing key is refused; a fresh private one is used (it was trusted)', async () => {
    const planted = folder('tc-state-planted-');
    const theirs = await plant(planted);
    chmodSync(planted, 0o777);
    const { value: emu, warnings } = await warningsDuring(() => startEmulator({ stateDir: planted, services: [armService] }));
    try {
      expect(emu.caPem).not.toBe(theirs.caPem);
      expect(emu.tokens.kid).not.toBe(theirs.kid);
      expect(emu.caPath.startsWith(planted)).toBe(false);
      const fresh = join(emu.caPath, '..');
      expect(lstatSync(fresh).mode & 0o777).toBe(0o700);
      expect(warnings.map((w) => w.message).join('\n')).toMatch(/state folder .*tc-state-planted-.* (is writable by others|not used)/);
    } finally {
      await emu.close();
    }
  });

  it('a state folder whose private key file others can read is refused', async () => {
    const dir = folder('tc-state-leaky-');
    const theirs = await plant(dir);
    const keyFile = readdirSync(dir).find((f) => f.startsWith('token-signing-key'))!;
    chmodSync(join(dir, keyFile), 0o644);
    const emu = await startEmulator({ stateDir: dir, services: [armService] });
    try {
      expect(emu.tokens.kid).not.toBe(theirs.kid);
      expect(emu.caPem).not.toBe(theirs.caPem);
    } finally {
      await emu.close();
    }
  });

  it('a symbolic link to a folder others can write is judged by that folder and refused', async () => {
    const target = folder('tc-state-target-');
    const theirs = await plant(target);
    chmodSync(target, 0o777);
    const link = join(folder('tc-state-link-'), 'state');
    symlinkSync(target, link);
    const emu = await startEmulator({ stateDir: link, services: [armService] });
    try {
      expect(emu.caPem).not.toBe(theirs.caPem);
    } finally {
      await emu.close();
    }
  });

  it('a state folder owned by another user is refused (owner compared with this process)', async () => {
    const { inspectStateDir } = await import('../../src/emulator/state-dir.ts');
    const dir = folder('tc-state-owner-');
    await plant(dir);
    const me = process.getuid!();
    expect(await inspectStateDir(dir, me)).toBeUndefined();
    expect(await inspectStateDir(dir, me + 1)).toMatch(/owned by uid \d+, not by this user/);
    const link = join(folder('tc-state-owner-link-'), 'state');
    symlinkSync(dir, link);
    expect(await inspectStateDir(link, me)).toBeUndefined();
    expect(await inspectStateDir(link, me + 1)).toMatch(/symbolic link owned by uid \d+/);
  });

  it('a private folder of its own is kept and reused; a new one is created private; the fresh one of a refused folder is removed at close', async () => {
    const base = folder('tc-state-new-');
    const dir = join(base, 'nested', 'state');
    const a = await startEmulator({ stateDir: dir, services: [armService] });
    await a.close();
    expect(lstatSync(dir).mode & 0o777).toBe(0o700);
    // What else lives there is not the emulator's concern (the tests keep a browser in the default folder).
    mkdirSync(join(dir, 'chromium-147.0.0'), { mode: 0o755 });
    writeFileSync(join(dir, 'notes.txt'), 'x', { mode: 0o644 });
    const b = await startEmulator({ stateDir: dir, services: [armService] });
    try {
      expect(b.caPem).toBe(a.caPem);
      expect(b.caPath.startsWith(dir)).toBe(true);
    } finally {
      await b.close();
    }
    const open = folder('tc-state-open-');
    mkdirSync(join(open, 'x'));
    chmodSync(open, 0o777);
    const c = await startEmulator({ stateDir: open, services: [armService] });
    const fresh = join(c.caPath, '..');
    expect(existsSync(fresh)).toBe(true);
    await c.close();
    expect(existsSync(fresh)).toBe(false);
  });
});
