// `lint --fix-patch` and `run --fix-patch` as a user runs them: the patch written where asked, applied
// by git from the repository root; a path that cannot be written stops the command first (exit 2).
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { gitApply, gitRepo, removeRepos } from './helpers.ts';

afterAll(removeRepos);

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
const cli = (args: string[], cwd: string) => execa('node', [bin, ...args], { cwd, env: { NO_COLOR: '1' }, reject: false, timeout: 120_000 });

/** rule@line of each finding in lint's JSON. */
async function findings(cwd: string, file: string): Promise<{ fixed: string[]; unfixed: string[] }> {
  const r = await cli(['lint', file, '--reporter', 'json'], cwd);
  const results = (JSON.parse(r.stdout) as { results: { findings: { rule: string; line: number; fix?: unknown }[] }[] }).results;
  const all = results.flatMap((x) => x.findings);
  return { fixed: all.filter((f) => f.fix !== undefined).map((f) => `${f.rule}@${f.line}`), unfixed: all.filter((f) => f.fix === undefined).map((f) => `${f.rule}@${f.line}`) };
}

describe('lint --fix-patch', () => {
  it('writes a patch of a tutorial that git apply takes from the repository root; linted again, only the findings without a fix remain', async () => {
    const dir = gitRepo('tc-lint-fix-');
    cpSync(join(projectRoot, 'tutorials/002-storage-user-assigned.md'), join(dir, 'docs/page.md'));
    mkdirSync(join(dir, 'docs/sub'));
    const before = await findings(dir, 'docs/page.md');
    expect(before.fixed).toEqual(['az-removed-command@100', 'lookalike-dash-in-flag@100', 'smart-quote-in-command@134', 'az-scope-not-resource-id@134', 'token-resource-mismatch@178', 'blob-bearer-missing-version@185']);
    // From a sub-folder: the paths in the patch are still the repository's.
    const r = await cli(['lint', '../page.md', '--fix-patch', '../../fixes.patch'], join(dir, 'docs/sub'));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('--fix-patch: 6 correction(s) the tool is sure of');
    const patch = readFileSync(join(dir, 'fixes.patch'), 'utf8');
    expect(patch).toMatch(/^--- a\/docs\/page\.md$/m);
    expect(patch.match(/^@@ .* @@ fix .+$/gm)).toEqual([
      '@@ -97,7 +97,7 @@ fix az-removed-command@100:7 lookalike-dash-in-flag@100:57',
      '@@ -131,7 +131,7 @@ fix smart-quote-in-command@134:62 az-scope-not-resource-id@134:233',
      // Their contexts would touch: one hunk, both ids, as diff would merge them.
      '@@ -175,14 +175,14 @@ fix token-resource-mismatch@178:4 blob-bearer-missing-version@185:111',
    ]);
    gitApply(dir, patch);
    const after = await findings(dir, 'docs/page.md');
    expect(after.fixed).toEqual([]);
    // The curly quotes were why no role matched; the other findings stay.
    expect(after.unfixed).toEqual(before.unfixed.filter((f) => f !== 'az-unknown-role@134'));
  }, 120_000);

  it('a --fix-patch path that cannot be written: exit 2 naming the option, nothing written', async () => {
    const dir = gitRepo('tc-lint-fix-bad-');
    cpSync(join(projectRoot, 'tutorials/004-key-vault.md'), join(dir, 'page.md'));
    mkdirSync(join(dir, 'a-folder'));
    const lint = await cli(['lint', 'page.md', '--fix-patch', 'a-folder'], dir);
    expect(lint.exitCode).toBe(2);
    expect(lint.stderr).toMatch(/--fix-patch a-folder: cannot be written: it is a folder; give a file name/);
    expect(lint.stdout).toBe('');
    // run checks it before anything boots: no step line, no report.
    const run = await cli(['run', 'page.md', '--fix-patch', 'page.md/fixes.patch'], dir);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/E_OUTPUT: --fix-patch page\.md\/fixes\.patch: cannot be written: a part of the path is a file, not a folder/);
    expect(run.stderr).not.toMatch(/emulator ready|s1 /);
    expect(existsSync(join(dir, 'reports'))).toBe(false);
    const empty = await cli(['run', 'page.md', '--fix-patch='], dir);
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toContain('--fix-patch needs a file name');
  }, 120_000);

  it('help run and help lint describe --fix-patch', async () => {
    for (const command of ['run', 'lint']) {
      const r = await cli(['help', command], projectRoot);
      expect(r.stdout).toMatch(/--fix-patch FILE +write a unified diff \(git apply FILE, from the repository root\)/);
    }
  }, 60_000);
});
