// The Azurite children behind the blob service: how many run, and that none outlives its use.
// Vitest runs this file in a process of its own (pool: forks), so the children of this process are
// the ones these emulators started.
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { defaultScenario } from '../../src/emulator/default-scenario.ts';

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
});
