// The Azurite children behind the blob service: how many run, and that none outlives its use.
// Vitest runs this file in a process of its own (pool: forks), so the children of this process are
// the ones these emulators started.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { spawnAzurite } from '../../src/emulator/azurite-process.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { runCommand } from '../../src/commands/run.ts';
import { processEnds, runCliInTempDir } from '../helpers/processes.ts';

function azuriteChildren(): number[] {
  let out = '';
  try {
    out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return []; // ps exits 1 when nothing matches
  }
  return out
    .split('\n')
    .filter((line) => line.includes('azurite-child.cjs'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

async function settle(expected: number): Promise<number[]> {
  // A closed child takes a moment to be reaped; poll instead of sleeping a fixed time.
  for (let i = 0; i < 50; i++) {
    const now = azuriteChildren();
    if (now.length === expected) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
  return azuriteChildren();
}

let emu: EmulatorHandle | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('Azurite children', () => {
  it('a scenario Azurite cannot be seeded with fails on every request for it and leaves no child running', async () => {
    const scenario = defaultScenario();
    const account = scenario.storageAccounts[0]!;
    // Azurite refuses this container name (upper case, underscore), so seeding fails after its start.
    account.containers[0]!.name = 'Not_A_Valid_Container';
    emu = await startEmulator({ scenario });
    const { blobService } = await import('../../src/emulator/services/blob.ts');
    const ctx = { state: emu.state, tokens: emu.tokens, rbac: emu.rbac, now: () => new Date() };
    for (let i = 0; i < 3; i++) {
      await expect(blobService.backend(ctx)).rejects.toThrow(/create container Not_A_Valid_Container|put blob/);
    }
    expect(await settle(0)).toEqual([]);
  });

  it('one child per emulator while it serves, none after close', async () => {
    emu = await startEmulator();
    const { blobService } = await import('../../src/emulator/services/blob.ts');
    const ctx = { state: emu.state, tokens: emu.tokens, rbac: emu.rbac, now: () => new Date() };
    const backend = await blobService.backend(ctx);
    expect(await settle(1)).toEqual([backend.pid]);
    await emu.close();
    emu = undefined;
    expect(await settle(0)).toEqual([]);
  });

  it('an Azurite spawned ahead of the boot is the one the Blob service starts in', async () => {
    const early = spawnAzurite();
    emu = await startEmulator({ azurite: early });
    const { blobService } = await import('../../src/emulator/services/blob.ts');
    const backend = await blobService.backend({ state: emu.state, tokens: emu.tokens, rbac: emu.rbac, now: () => new Date() });
    expect(backend.pid).toBe(early.child.pid);
    expect(await settle(1)).toEqual([early.child.pid]);
    // Owned by the emulator now: disposing it (the caller's cleanup) does nothing.
    early.dispose();
    expect(backend.alive).toBe(true);
    await emu.close();
    emu = undefined;
    expect(await settle(0)).toEqual([]);
    expect(existsSync(early.cwd)).toBe(false);
  });

  it('an early Azurite nobody needs (a scenario without storage accounts) is stopped at boot, its folder removed', async () => {
    const scenario = defaultScenario();
    scenario.storageAccounts = [];
    const early = spawnAzurite();
    emu = await startEmulator({ scenario, azurite: early });
    expect(await settle(0)).toEqual([]);
    expect(existsSync(early.cwd)).toBe(false);
    expect(early.claim()).toBe(false);
  });

  it('an early Azurite never claimed does not keep its process alive, and ends with it', async () => {
    const source = fileURLToPath(new URL('../../src/emulator/azurite-process.ts', import.meta.url));
    const script = `import(${JSON.stringify(source)}).then((m) => { const p = m.spawnAzurite(); console.log(p.child.pid); });`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    parent.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        parent.kill('SIGKILL');
        reject(new Error('the process that spawned Azurite did not exit on its own within 15 s'));
      }, 15_000);
      parent.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code).toBe(0);
    const pid = Number(out.trim());
    expect(pid).toBeGreaterThan(0);
    expect(await processEnds(pid)).toBe(true);
  });

  it('a full run (which spawns Azurite before it loads the emulator) serves its blob steps and leaves no child behind', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tc-azurite-run-'));
    try {
      const io = captureIo();
      const tutorials = fileURLToPath(new URL('../../tutorials/000-storage.md', import.meta.url));
      await runCommand([tutorials, '--out', out], io);
      // s6 and s10 of 000-storage read the blob the portal steps created.
      expect(io.lines().filter((l) => /000-storage s(6|10)\s+L\d+\s+http\s+(pass|drift)/.test(l))).toHaveLength(2);
      expect(await settle(0)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('the CLI leaves nothing in the temporary directory when a run ends (Azurite and emulator folders included)', async () => {
    const run = runCliInTempDir([fileURLToPath(new URL('../../tutorials/000-storage-access-key.md', import.meta.url))]);
    try {
      expect(await run.exited, run.stdout() + run.stderr()).toBe(0);
      // The blob steps ran (so Azurite was started and stopped).
      expect(run.stderr()).toMatch(/000-storage-access-key s8 .* az\s+(pass|drift)/);
      expect(run.leftovers()).toEqual([]);
    } finally {
      run.cleanup();
    }
  }, 60_000);

  it('Ctrl-C during a run: exit 130 at once, and nothing left in the temporary directory', async () => {
    const run = runCliInTempDir([fileURLToPath(new URL('../../tutorials', import.meta.url))]);
    try {
      // Interrupted while the tutorials run: the emulator, Azurite and a tutorial's folder exist then.
      await new Promise<void>((resolve) => run.child.stderr!.on('data', () => /000-arm-system-assigned s3 /.test(run.stderr()) && resolve()));
      run.child.kill('SIGINT');
      expect(await run.exited, run.stdout() + run.stderr()).toBe(130);
      expect(run.stderr()).toMatch(/SIGINT received/);
      expect(readdirSync(run.out)).toEqual([]); // no report from a run that did not finish
      expect(run.leftovers()).toEqual([]);
    } finally {
      run.cleanup();
    }
  }, 60_000);
});
