// defect 15: SIGHUP (a closed terminal, a dropped SSH session) tore nothing down: temporary folders
// were left, the page's bash kept running. Now a hang-up is a termination like SIGTERM: teardown,
// then exit 129 (128 + 1), nothing left behind. (The shell engine's case: tests/shell/interrupt.test.ts;
// the live target's: tests/live/interrupted.test.ts.)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processEnds, runCliInTempDir } from '../helpers/processes.ts';

const bin = fileURLToPath(new URL('../../bin/tutorial-conformance.js', import.meta.url));

describe('defect 15: SIGHUP tore nothing down', () => {
  it('an emulator run hung up mid-way: exit 129, no report folder, nothing in the temporary directory', async () => {
    const run = runCliInTempDir([fileURLToPath(new URL('../../tutorials', import.meta.url))]);
    try {
      await new Promise<void>((resolve) => run.child.stderr!.on('data', () => /000-arm-system-assigned s3 /.test(run.stderr()) && resolve()));
      run.child.kill('SIGHUP');
      expect(await run.exited, run.stderr()).toBe(129);
      expect(run.stderr()).toMatch(/SIGHUP received: stopping the run and tearing down/);
      expect(readdirSync(run.out)).toEqual([]); // not even the staging folder
      expect(run.leftovers()).toEqual([]);
    } finally {
      run.cleanup();
    }
  }, 60_000);

  it('the emulator command stops on SIGHUP as on SIGTERM, and leaves nothing in the temporary directory', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'tc-hup-emu-'));
    try {
      const child = spawn(process.execPath, [bin, 'emulator', '--json'], { env: { ...process.env, TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const first = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
      expect(JSON.parse(first)).toHaveProperty('https');
      child.kill('SIGHUP');
      expect(await exited).toBe(0);
      expect(await processEnds(child.pid!)).toBe(true);
      expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});
