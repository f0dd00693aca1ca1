// One page never stops the others: an unreadable file, a placeholder nothing binds, a page with
// nothing runnable are problems of that page; the other pages run, the report lists every page, and
// exit 2 is kept for a run in which nothing could run at all.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliInTempDir } from '../helpers/processes.ts';
import type { Report } from '../../src/report/schema.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\`\n`;

function pages(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tc-pages-'));
  dirs.push(dir);
  writeFileSync(
    join(dir, 'a-works.md'),
    `# Get a token\n\nOn the VM:\n\n${fence('bash', "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F' -H Metadata:true")}`,
  );
  writeFileSync(join(dir, 'b-binary.md'), Buffer.from([0, 1, 2, 3, 0, 0x62, 0x69, 0x6e]));
  writeFileSync(
    join(dir, 'c-unbound.md'),
    `# Unbound\n\nFirst:\n\n${fence('bash', "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net' -H Metadata:true")}\nThen:\n\n${fence('bash', 'curl https://management.azure.com/subscriptions/<MY OWN THING>/resourceGroups?api-version=2016-09-01')}`,
  );
  writeFileSync(join(dir, 'd-powershell.md'), `# PowerShell only\n\nRun:\n\n${fence('azurepowershell', 'Get-AzKeyVaultSecret -VaultName "myvault" -Name "mysecret"')}`);
  return dir;
}

describe('defect: one bad page stopped the whole run (exit 2, no report)', () => {
  it('runs every page it can, lists every page with its problems, and writes the report', async () => {
    const run = runCliInTempDir([pages()]);
    try {
      const code = await run.exited;
      expect(run.stderr()).not.toMatch(/\n\s+at /); // no stack trace
      const report = JSON.parse(readFileSync(join(run.out, 'latest', 'report.json'), 'utf8')) as Report;
      expect(report.tutorials.map((t) => t.file.replace(/^.*\//, ''))).toEqual(['a-works.md', 'b-binary.md', 'c-unbound.md', 'd-powershell.md']);
      const byName = (n: string) => report.tutorials.find((t) => t.file.endsWith(n))!;
      expect(byName('a-works.md').steps.map((s) => s.verdict)).toEqual(['pass']);
      expect(byName('b-binary.md').steps).toEqual([]);
      expect(byName('b-binary.md').problems).toEqual([expect.objectContaining({ code: 'E_TUTORIAL_UNREADABLE', message: expect.stringMatching(/b-binary\.md: the file is binary/) })]);
      const unbound = byName('c-unbound.md');
      expect(unbound.steps.map((s) => s.verdict)).toEqual(['pass', 'blocked']);
      expect(unbound.steps[1]!.reason).toMatch(/c-unbound\.md:\d+: <MY OWN THING> has no value; add --set MY_OWN_THING=<value>/);
      expect(unbound.problems?.map((p) => p.code)).toEqual(['E_PLACEHOLDER_UNBOUND']);
      // A page with nothing runnable is still listed (with its findings), not dropped.
      expect(byName('d-powershell.md').steps.filter((s) => s.verdict === 'fail')).toEqual([]);
      // Nothing failed: blocked and unreadable pages are not the run's failure.
      expect(code).toBe(0);
      expect(run.stdout()).toMatch(/b-binary\.md/);
    } finally {
      run.cleanup();
    }
  }, 120_000); // real CLI processes: slow when the whole suite shares two cores

  it('exit 2 and the previous report untouched when --grep selects nothing', async () => {
    const run = runCliInTempDir([pages(), '--grep', 'zzzz-no-such-step']);
    try {
      mkdirSync(join(run.out, 'latest'), { recursive: true });
      writeFileSync(join(run.out, 'latest', 'report.json'), '{"earlier":true}');
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toMatch(/--grep "zzzz-no-such-step" selects no step in 4 tutorial\(s\); nothing was run and no report was written/);
      expect(readFileSync(join(run.out, 'latest', 'report.json'), 'utf8')).toBe('{"earlier":true}');
    } finally {
      run.cleanup();
    }
  }, 120_000); // real CLI processes: slow when the whole suite shares two cores

  it('exit 2 when no page can be read at all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-pages-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'only-binary.md'), Buffer.from([0, 0, 0]));
    const run = runCliInTempDir([dir]);
    try {
      expect(await run.exited).toBe(2);
      expect(run.stderr()).toMatch(/no tutorial could be read:\n\s+.*only-binary\.md: the file is binary/);
      expect(existsSync(join(run.out, 'latest'))).toBe(false);
    } finally {
      run.cleanup();
    }
  }, 120_000); // real CLI processes: slow when the whole suite shares two cores
});
