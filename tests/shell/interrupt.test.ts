// Ctrl-C while the shell engine runs a page's command: bash runs in a process group of its own (so
// the terminal's Ctrl-C does not reach it), and the run's exit must take that group with it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInTempDir } from '../helpers/processes.ts';

function running(pattern: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.includes(pattern));
}

describe('interrupting the shell engine', () => {
  // SIGHUP: defect 15 (a closed terminal left the page's bash running).
  it.each([
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)("%s during a hanging step: exit %i, and the step's processes are gone", async (signal, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-shell-int-'));
    // An argument no other process has, to find the step's own sleep.
    const marker = `${Math.floor(Math.random() * 1e6) + 1}.4242`;
    const file = join(dir, 'hangs.md');
    writeFileSync(file, `# Hangs\n\nWait:\n\n\`\`\`bash\nwaited=$(sleep ${marker}; echo done)\n\`\`\`\n`);
    const run = runCliInTempDir([file, '--engine', 'shell']);
    try {
      const deadline = Date.now() + 30_000;
      while (running(`sleep ${marker}`).length === 0) {
        if (Date.now() > deadline) throw new Error(`the step never started:\n${run.stdout()}${run.stderr()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      run.child.kill(signal);
      expect(await run.exited, run.stdout() + run.stderr()).toBe(code);
      await new Promise((r) => setTimeout(r, 300));
      expect(running(`sleep ${marker}`)).toEqual([]);
      expect(run.leftovers()).toEqual([]);
    } finally {
      run.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
