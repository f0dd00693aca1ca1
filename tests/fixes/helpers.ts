// Tutorials written into a temporary git repository, linted, their fixes collected into a patch,
// and the patch applied by git itself: what a writer does with `--fix-patch`.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lintFiles } from '../../src/lint/index.ts';
import type { Finding } from '../../src/lint/finding.ts';
import { collectFixes, type Fixes } from '../../src/report/fixes/index.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const made: string[] = [];

export function gitRepo(prefix = 'tc-fixes-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

export function removeRepos(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function write(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** Lint the files and collect their fixes, paths relative to `dir`. */
export async function lintFixes(dir: string, paths: string[], extra: (file: string) => Finding[] = () => []): Promise<{ fixes: Fixes; findings: Finding[] }> {
  const results = await lintFiles(paths);
  const fixes = collectFixes(
    results.map((r) => ({ file: r.tutorial, findings: [...r.findings, ...extra(r.tutorial)] })),
    { root: dir, projectRoot },
  );
  return { fixes, findings: results.flatMap((r) => r.findings) };
}

/** `git apply` (after `--check`) in `dir`; throws with git's own message. */
export function gitApply(dir: string, patch: string, ...flags: string[]): void {
  const file = join(dir, '.fixes.patch');
  writeFileSync(file, patch);
  for (const args of [['apply', '--check', ...flags, file], ['apply', ...flags, file]]) {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}\n--- patch ---\n${patch}`);
  }
  rmSync(file);
}

export const bytes = (path: string): Buffer => readFileSync(path);

/** A fenced bash block. */
export const bash = (cmd: string, eol = '\n'): string => ['```bash', cmd, '```'].join(eol);
