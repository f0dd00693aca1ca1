// Helpers for tests about processes: whether one has ended, and a CLI run in a temporary directory
// of its own (so what it leaves there can be looked at).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True once `pid` no longer exists, polled for up to `ms`; false if it still runs then. */
export async function processEnds(pid: number, ms = 5_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export interface CliInTempDir {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Report folder given with --out. */
  out: string;
  /** What the run left in its TMPDIR (tsx's own cache aside). */
  leftovers: () => string[];
  /** Removes both folders. */
  cleanup: () => void;
}

const BIN = fileURLToPath(new URL('../../bin/tutorial-conformance.js', import.meta.url));

/** `tutorial-conformance run <args> --out <new folder>` with TMPDIR set to a new folder. */
export function runCliInTempDir(args: string[]): CliInTempDir {
  const tmp = mkdtempSync(join(tmpdir(), 'tc-cli-tmp-'));
  const out = mkdtempSync(join(tmpdir(), 'tc-cli-out-'));
  const child = spawn(process.execPath, [BIN, 'run', ...args, '--out', out], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: new Promise((resolve) => child.once('exit', resolve)),
    out,
    leftovers: () => readdirSync(tmp).filter((n) => !n.startsWith('tsx-')),
    cleanup: () => {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
    },
  };
}
