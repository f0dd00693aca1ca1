import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { XMLParser } from 'fast-xml-parser';
import { Report, REPORT_VERSION, type ReportTutorial } from '../../src/report/schema.ts';
import { summarise } from '../../src/report/schema.ts';
import { mergeReports, markdownSummary } from '../../src/live/merge.ts';
import { ToolError } from '../../src/errors.ts';

const ROOT = join(import.meta.dirname, '../..');

function tutorial(file: string, verdicts: ('pass' | 'drift' | 'fail' | 'blocked' | 'manual' | 'skipped')[]): ReportTutorial {
  return {
    file,
    title: `Title of ${file}`,
    findings: [],
    steps: verdicts.map((verdict, i) => ({
      id: `s${i + 1}`,
      kind: 'http' as const,
      line: { start: 10 + i, end: 10 + i },
      raw: `curl https://management.azure.com/step${i + 1}`,
      verdict,
      reason: verdict === 'fail' ? `status 403 where the page shows 200 | step ${i + 1}` : verdict,
      checks: [],
    })),
  };
}

function shard(startedAt: string, durationMs: number, tutorials: ReportTutorial[]): Report {
  return Report.parse({ version: REPORT_VERSION, target: 'azure', engine: 'http', startedAt, durationMs, summary: summarise(tutorials), tutorials });
}

describe('merging shard reports', () => {
  const a = shard('2026-11-22T02:23:00.000Z', 60_000, [tutorial('tutorials/c.md', ['pass', 'fail']), tutorial('tutorials/a.md', ['pass', 'drift'])]);
  const b = shard('2026-11-22T02:22:30.000Z', 120_000, [tutorial('tutorials/b.md', ['blocked', 'manual', 'skipped'])]);

  it('concatenates tutorials in file order, recounts the summary and spans the shards\' time', () => {
    const merged = mergeReports([
      { path: 'a/report.json', report: a },
      { path: 'b/report.json', report: b },
    ]);
    expect(merged.tutorials.map((t) => t.file)).toEqual(['tutorials/a.md', 'tutorials/b.md', 'tutorials/c.md']);
    expect(merged.summary).toEqual({ pass: 2, drift: 1, fail: 1, unsupported: 0, blocked: 1, manual: 1, skipped: 1 });
    expect(merged.startedAt).toBe('2026-11-22T02:22:30.000Z');
    expect(merged.durationMs).toBe(120_000); // 02:22:30 → 02:24:30 (b ends last)
    const reversed = mergeReports([
      { path: 'b/report.json', report: b },
      { path: 'a/report.json', report: a },
    ]);
    expect(reversed).toEqual(merged);
  });

  it('a page run once per variant is one shard\'s page: its entries stay together, in variant order', () => {
    const variant = (t: ReportTutorial, v: string): ReportTutorial => ({ ...t, variant: v });
    const tabs = shard('2026-11-22T02:23:00.000Z', 1, [variant(tutorial('tutorials/t.md', ['pass']), 'tab=windows'), variant(tutorial('tutorials/t.md', ['fail']), 'tab=linux')]);
    const merged = mergeReports([
      { path: 'b/report.json', report: b },
      { path: 't/report.json', report: tabs },
    ]);
    expect(merged.tutorials.map((t) => [t.file, t.variant ?? null])).toEqual([
      ['tutorials/b.md', null],
      ['tutorials/t.md', 'tab=windows'],
      ['tutorials/t.md', 'tab=linux'],
    ]);
    // The same variant in two shards is still two shards' page.
    expect(() => mergeReports([{ path: 't/report.json', report: tabs }, { path: 'u/report.json', report: tabs }])).toThrow(/tutorials\/t\.md \(tab=windows\) is in two shard reports/);
  });

  it('keeps every shard\'s target notes under the shard\'s name, in shard order; the summary lists teardown trouble', async () => {
    const withNotes = (r: Report, notes: string[]): Report => Report.parse({ ...r, notes });
    const x = withNotes(a, ['run r1 in subscription s', 'provisioned resource group tc-r1-mi-test']);
    const y = withNotes(b, ["teardown could not delete /subscriptions/s/resourceGroups/tc-r2-mi-test: 409 Conflict; 'tutorial-conformance sweep --run-id r2 --older-than 0s' will retry"]);
    const merged = mergeReports([
      { path: 'shards/report-shard-2/report.json', report: y },
      { path: 'shards/report-shard-1/report.json', report: x },
    ]);
    expect(merged.notes).toEqual([
      'report-shard-1: run r1 in subscription s',
      'report-shard-1: provisioned resource group tc-r1-mi-test',
      "report-shard-2: teardown could not delete /subscriptions/s/resourceGroups/tc-r2-mi-test: 409 Conflict; 'tutorial-conformance sweep --run-id r2 --older-than 0s' will retry",
    ]);
    const md = markdownSummary(merged);
    expect(md).toContain('### Teardown');
    expect(md).toContain('- report-shard-2: teardown could not delete /subscriptions/s/resourceGroups/tc-r2-mi-test');
    expect(md).not.toContain('provisioned resource group');
    // Shards without notes give a report without them.
    expect(mergeReports([{ path: 'a/report.json', report: a }]).notes).toBeUndefined();
    // The HTML report shows them, opened because teardown left something.
    const { renderHtml } = await import('../../src/report/html.ts');
    const html = renderHtml(merged);
    expect(html).toContain('<details class="target-notes" open><summary>target notes (3)</summary>');
    expect(html).toContain('report-shard-2: teardown could not delete /subscriptions/s/resourceGroups/tc-r2-mi-test: 409 Conflict; &#39;tutorial-conformance sweep');
    expect(renderHtml(x)).toContain('<details class="target-notes"><summary>target notes (2)</summary>');
    expect(renderHtml(a)).not.toContain('<details class="target-notes"');
  });

  it('refuses a tutorial that two shards both ran', () => {
    expect(() => mergeReports([
      { path: 'a/report.json', report: a },
      { path: 'x/report.json', report: a },
    ])).toThrow(ToolError);
  });

  it('writes a Markdown summary with totals and failed steps', () => {
    const md = markdownSummary(mergeReports([{ path: 'a', report: a }]), { missingShards: ['shards/report-shard-3'] });
    expect(md).toContain('| 2 | 1 | 1 | 0 | 0 | 0 |');
    expect(md).toContain('`tutorials/c.md:11` status 403 where the page shows 200 \\| step 2');
    expect(md).toContain('Missing shard reports');
  });

  it('merge command: reads shard directories, writes JSON, HTML and JUnit, appends the summary, exit 1 on failures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-merge-'));
    for (const [name, report] of [['report-shard-1', a], ['report-shard-2', b]] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'report.json'), JSON.stringify(report));
    }
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step output\n');
    const out = join(dir, 'merged');
    const res = await execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'merge', join(dir, 'report-shard-1'), join(dir, 'report-shard-2'), '--out', out, '--summary', summary], { reject: false, cwd: ROOT });
    expect(res.stderr).toBe('');
    expect(res.exitCode).toBe(1); // one step failed
    const merged = Report.parse(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')));
    expect(merged.tutorials).toHaveLength(3);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('tutorials/b.md');
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(out, 'junit.xml'), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(junit)).toContain('tutorials/c.md');
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# earlier step output\n## Tutorial conformance (azure)')).toBe(true);
    // Against last night's merged report (the same failures): exit 0, and the summary says so.
    const tonight = join(dir, 'tonight');
    const compared = await execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'merge', join(dir, 'report-shard-1'), join(dir, 'report-shard-2'), '--out', tonight, '--summary', summary, '--baseline', out], { reject: false, cwd: ROOT });
    expect(compared.exitCode, compared.stderr).toBe(0);
    expect(compared.stdout).toMatch(/since the baseline of 2026-11-22T02:22:30\.000Z: 0 step\(s\) worse, 0 better/);
    expect(readFileSync(summary, 'utf8')).toContain('### Since 2026-11-22T02:22:30.000Z: 0 step(s) worse, 0 better');
    const bad = await execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'merge', join(dir, 'report-shard-1'), '--out', tonight, '--baseline', join(dir, 'summary.md')], { reject: false, cwd: ROOT });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/summary\.md is not JSON/);
  }, 60_000);

  it('merge command: a missing shard is reported and fails the merge, the others are still merged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-merge-'));
    mkdirSync(join(dir, 'ok'));
    const passing = shard('2026-11-22T02:23:00.000Z', 1000, [tutorial('tutorials/a.md', ['pass'])]);
    writeFileSync(join(dir, 'ok', 'report.json'), JSON.stringify(passing));
    mkdirSync(join(dir, 'crashed'));
    const res = await execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'merge', join(dir, 'ok'), join(dir, 'crashed'), '--out', join(dir, 'm')], { reject: false, cwd: ROOT });
    expect(res.stderr).toMatch(/cannot read shard report .*crashed\/report\.json/);
    expect(res.exitCode).toBe(1);
    expect(Report.parse(JSON.parse(readFileSync(join(dir, 'm', 'report.json'), 'utf8'))).summary.pass).toBe(1);
    const usage = await execa('node', [join(ROOT, 'bin/tutorial-conformance.js'), 'merge', join(dir, 'ok')], { reject: false, cwd: ROOT });
    expect(usage.exitCode).toBe(2);
    expect(usage.stderr).toMatch(/E_USAGE: --out is required/);
  }, 60_000);
});
