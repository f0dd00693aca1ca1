// `tutorial-conformance emulator` ends with whatever started it: a shell killed with SIGKILL, npm exec
// stopped with SIGTERM or killed with SIGKILL. The emulator then closes as on SIGTERM: its Azurite
// is gone and so are its folders. `--keep-alive` keeps it serving. Process trees are read from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { processEnds } from '../helpers/processes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const started: ChildProcess[] = [];
const leftovers: number[] = [];

afterEach(() => {
  // Whatever a failed test left running is ended by pid.
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const c of started.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(name));
    } catch {
      // ended meanwhile
    }
  }
  return out;
}
const cmdline = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};
function descendant(pid: number, match: (cmd: string) => boolean): number | undefined {
  for (const c of childrenOf(pid)) {
    if (match(cmdline(c))) return c;
    const deeper = descendant(c, match);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

interface Started {
  parent: ChildProcess;
  emulator: number;
  azurite: number;
  azuriteFolder: string;
  instanceFolder: string;
}

/** Starts the emulator under `argv` (a shell or npm), waits for its JSON line and its Azurite. */
async function start(argv: string[]): Promise<Started> {
  const parent = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(parent);
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: parent.stdout! }).once('line', resolve);
    parent.once('exit', (code) => reject(new Error(`exited with ${code} before the emulator was ready`)));
  });
  const ready = JSON.parse(line) as { curlConfig: string };
  // The node process itself, not the shell whose command line names it.
  const emulator = descendant(parent.pid!, (c) => /^\S*node\s+bin\/tutorial-conformance\.js emulator/.test(c))!;
  expect(emulator).toBeGreaterThan(0);
  leftovers.push(emulator);
  let azurite: number | undefined;
  for (let i = 0; i < 100 && azurite === undefined; i++) {
    azurite = descendant(emulator, (c) => c.includes('azurite-child'));
    if (azurite === undefined) await new Promise((r) => setTimeout(r, 100));
  }
  expect(azurite).toBeGreaterThan(0);
  leftovers.push(azurite!);
  return { parent, emulator, azurite: azurite!, azuriteFolder: readlinkSync(`/proc/${azurite}/cwd`), instanceFolder: dirname(ready.curlConfig) };
}

async function expectAllGone(s: Started): Promise<void> {
  expect(await processEnds(s.emulator, 10_000)).toBe(true);
  expect(await processEnds(s.azurite, 5_000)).toBe(true);
  expect(existsSync(s.instanceFolder)).toBe(false);
  expect(existsSync(s.azuriteFolder)).toBe(false);
}

const EMULATOR = 'node bin/tutorial-conformance.js emulator --json';

describe('the emulator ends with its parent', () => {
  it('a shell that started it is killed with SIGKILL', async () => {
    // "; true" keeps sh as the parent instead of exec-ing node.
    const s = await start(['sh', '-c', `${EMULATOR}; true`]);
    s.parent.kill('SIGKILL');
    await expectAllGone(s);
  });

  it('npm exec is stopped with SIGTERM', async () => {
    const s = await start(['npm', 'exec', '--yes=false', '-c', EMULATOR]);
    s.parent.kill('SIGTERM');
    await expectAllGone(s);
  });

  it('npm exec is killed with SIGKILL (nothing can forward a signal then)', async () => {
    const s = await start(['npm', 'exec', '--yes=false', '-c', EMULATOR]);
    s.parent.kill('SIGKILL');
    await expectAllGone(s);
  });

  it('--keep-alive: it outlives the shell, and still stops cleanly on SIGTERM', async () => {
    const s = await start(['sh', '-c', `${EMULATOR} --keep-alive; true`]);
    s.parent.kill('SIGKILL');
    expect(await processEnds(s.emulator, 2_000)).toBe(false);
    process.kill(s.emulator, 'SIGTERM');
    await expectAllGone(s);
  });
});
