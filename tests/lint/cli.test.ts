// The lint command as a user runs it: formats, default folder, exit codes 0 / 1 / 2.
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { fixturesDir } from './helpers.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
const lint = (...args: string[]) => execa('node', [bin, 'lint', ...args], { cwd: projectRoot, reject: false });

describe('tutorial-conformance lint', () => {
  it('lints every tutorial by default, one finding per line in the text format, and exits 1 on errors', async () => {
    const r = await lint();
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const summary = lines.pop() ?? '';
    const count = readdirSync(join(projectRoot, 'tutorials')).filter((f) => f.endsWith('.md')).length;
    expect(summary).toMatch(new RegExp(`^${count} tutorial\\(s\\): [1-9]\\d* error\\(s\\), \\d+ warning\\(s\\), \\d+ note\\(s\\)$`));
    for (const l of lines) expect(l).toMatch(/^tutorials\/[\w.-]+\.md:\d+:\d+ [a-z0-9-]+ (error|warning|note) .+ \(seed [\w.]+:\d+\)$/);
    expect(lines.some((l) => l.startsWith('tutorials/002-storage-access-key-user-assigned.md:51:198 lookalike-dash-in-flag error ') && l.endsWith('(seed 002_1baa50cf7b8ecbb3.txt:263)'))).toBe(true);
  }, 60_000);

  it('exits 0 on the clean tutorials, in both forms', async () => {
    const r = await lint(join(fixturesDir, 'clean-docfx.md'), join(fixturesDir, 'clean-rendered.md'));
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('2 tutorial(s): 0 error(s), 0 warning(s), 0 note(s)');
    expect(r.exitCode).toBe(0);
  }, 60_000);

  it('prints JSON and SARIF', async () => {
    const json = await lint('--format', 'json', 'tutorials/000-storage.md');
    const parsed = JSON.parse(json.stdout) as { rules: { id: string; severity: string }[]; results: { tutorial: string; findings: { rule: string; line: number }[] }[] };
    expect(parsed.rules.find((r) => r.id === 'inconsistent-file-name')?.severity).toBe('error');
    expect(parsed.results[0]?.tutorial).toBe('tutorials/000-storage.md');
    expect(parsed.results[0]?.findings.map((f) => [f.line, f.rule])).toContainEqual([52, 'inconsistent-file-name']);
    const sarif = await lint('--format=sarif', 'tutorials/000-storage.md');
    expect((JSON.parse(sarif.stdout) as { version: string }).version).toBe('2.1.0');
  }, 60_000);

  it('exits 2 on bad input', async () => {
    const format = await lint('--format', 'xml');
    expect(format.exitCode).toBe(2);
    expect(format.stderr).toMatch(/--format must be one of text, json, sarif/);
    const missing = await lint('tutorials/no-such-tutorial.md');
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/no-such-tutorial\.md/);
    const option = await lint('--colour');
    expect(option.exitCode).toBe(2);
  }, 60_000);
});
