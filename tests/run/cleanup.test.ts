// A run owns the target it starts: whatever goes wrong after the start (a missing file, a throwing
// progress callback), the emulator is closed, so no listener or Azurite child outlives the run.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

async function watched(): Promise<{ target: Promise<Target>; closed: () => boolean }> {
  let closed = false;
  const real = await startEmulatorTarget();
  const target: Target = { ...real, close: async () => {
    closed = true;
    await real.close();
  } };
  return { target: Promise.resolve(target), closed: () => closed };
}

describe('a run closes the target it was given to start', () => {
  it('when a tutorial path does not exist', async () => {
    const w = await watched();
    await expect(runTutorials({ paths: ['no/such/file.md'], startedTarget: w.target })).rejects.toThrow(/no such file/);
    expect(w.closed()).toBe(true);
  });

  it('when the progress callback throws', async () => {
    const w = await watched();
    const onEvent = (): void => {
      throw new Error('terminal gone');
    };
    await expect(runTutorials({ paths: [join(tutorialsDir, '000-storage.md')], startedTarget: w.target, onEvent })).rejects.toThrow('terminal gone');
    expect(w.closed()).toBe(true);
  });
});
