// Sharding end to end on the default (emulator) target: two `run --shard i/2` processes split the
// tutorials between them, and `merge` joins their reports into what one run reports.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { Report } from '../../src/report/schema.ts';

const ROOT = join(import.meta.dirname, '../..');
const FILES = ['tutorials/000-arm-system-assigned.md', 'tutorials/000-key-vault.md', 'tutorials/003-arm-user-assigned.md'];
const cli = (args: string[]) => execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), ...args], { cwd: ROOT, reject: false });
const read = (dir: string) => Report.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));

describe('run --shard and merge', () => {
  it('splits the list deterministically and merges back to the unsharded run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-shards-'));
    const [one, two, all] = await Promise.all([
      cli(['run', ...FILES, '--shard', '1/2', '--out', join(dir, 's1')]),
      cli(['run', ...FILES, '--shard', '2/2', '--out', join(dir, 's2')]),
      cli(['run', ...FILES, '--out', join(dir, 'all')]),
    ]);
    for (const r of [one, two, all]) expect(r.exitCode === 0 || r.exitCode === 1, r.stderr).toBe(true);
    const s1 = read(join(dir, 's1', 'latest'));
    const s2 = read(join(dir, 's2', 'latest'));
    expect(s1.tutorials.map((t) => t.file)).toEqual(['tutorials/000-arm-system-assigned.md', 'tutorials/003-arm-user-assigned.md']);
    expect(s2.tutorials.map((t) => t.file)).toEqual(['tutorials/000-key-vault.md']);
    const merged = await cli(['merge', join(dir, 's2', 'latest'), join(dir, 's1', 'latest'), '--out', join(dir, 'merged')]);
    expect(merged.stderr).toBe('');
    const m = read(join(dir, 'merged'));
    const whole = read(join(dir, 'all', 'latest'));
    expect(m.tutorials.map((t) => t.file)).toEqual(whole.tutorials.map((t) => t.file));
    expect(m.summary).toEqual(whole.summary);
    const verdicts = (r: Report) => r.tutorials.map((t) => t.steps.map((s) => `${t.file}:${s.id}:${s.verdict}`)).flat();
    expect(verdicts(m)).toEqual(verdicts(whole));
    const bad = await cli(['run', ...FILES, '--shard', '3/2']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/E_USAGE: --shard '3\/2' is invalid/);
  }, 180_000);
});
