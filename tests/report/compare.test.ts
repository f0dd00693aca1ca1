// --baseline: a run compared with an earlier report, step by step; the exit code then counts changes.
import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/report/compare.ts';
import { exitCodeFor } from '../../src/report/exit-code.ts';
import { Report, REPORT_VERSION, summarise, type ReportTutorial } from '../../src/report/schema.ts';
import { markdownSummary } from '../../src/live/merge.ts';
import { renderHtml } from '../../src/report/html.ts';

type V = ReportTutorial['steps'][number]['verdict'];

function report(startedAt: string, tutorials: Record<string, [raw: string, verdict: V][]>): Report {
  const ts: ReportTutorial[] = Object.entries(tutorials).map(([file, steps]) => ({
    file,
    title: file,
    findings: [],
    steps: steps.map(([raw, verdict], i) => ({ id: `s${i + 1}`, kind: 'http' as const, line: { start: 10 * (i + 1), end: 10 * (i + 1) }, raw, verdict, reason: `${verdict} because`, checks: [] })),
  }));
  return Report.parse({ version: REPORT_VERSION, target: 'azure', engine: 'http', startedAt, durationMs: 1, summary: summarise(ts), tutorials: ts });
}

const lastNight = report('2026-11-22T02:00:00.000Z', {
  'tutorials/a.md': [['curl one', 'pass'], ['curl two', 'fail'], ['portal', 'manual'], ['curl same', 'pass'], ['curl same', 'pass']],
  'tutorials/b.md': [['az x', 'drift']],
});

describe('compareReports', () => {
  it('lists steps that got worse and better, matched by file and command text, not by id', () => {
    const tonight = report('2026-11-23T02:00:00.000Z', {
      // A step added at the top renumbers the rest: s2 is now "curl one".
      'tutorials/a.md': [['curl new', 'fail'], ['curl one', 'drift'], ['curl two', 'pass'], ['portal', 'manual'], ['curl same', 'pass'], ['curl same', 'blocked']],
      'tutorials/b.md': [['az x', 'drift']],
    });
    const c = compareReports(tonight, lastNight);
    expect(c.baseline).toEqual({ startedAt: '2026-11-22T02:00:00.000Z', target: 'azure' });
    expect(c.worse.map((w) => [w.step, w.raw, w.from, w.to])).toEqual([
      ['s1', 'curl new', 'absent', 'fail'],
      ['s2', 'curl one', 'pass', 'drift'],
      // The second "curl same" is matched with the baseline's second one.
      ['s6', 'curl same', 'pass', 'blocked'],
    ]);
    expect(c.better.map((b) => [b.step, b.from, b.to])).toEqual([['s3', 'fail', 'pass']]);
    expect(c.worse[0]).toMatchObject({ file: 'tutorials/a.md', line: { start: 10, end: 10 }, reason: 'fail because' });
  });

  it('the exit code with a baseline: 1 only for a step failing now that did not before', () => {
    const same = report('2026-11-23T02:00:00.000Z', { 'tutorials/a.md': [['curl one', 'pass'], ['curl two', 'fail']], 'tutorials/b.md': [['az x', 'drift']] });
    // Without a baseline a failing step fails the run; with one, a failure already there does not.
    expect(exitCodeFor(same)).toBe(1);
    expect(exitCodeFor({ ...same, comparison: compareReports(same, lastNight) })).toBe(0);
    const worse = report('2026-11-23T02:00:00.000Z', { 'tutorials/a.md': [['curl one', 'fail'], ['curl two', 'fail']] });
    expect(exitCodeFor({ ...worse, comparison: compareReports(worse, lastNight) })).toBe(1);
    // pass → drift is worse, but fails the run only with --fail-on drift.
    const drifted = report('2026-11-23T02:00:00.000Z', { 'tutorials/a.md': [['curl one', 'drift'], ['curl two', 'fail']] });
    const withComparison = { ...drifted, comparison: compareReports(drifted, lastNight) };
    expect(exitCodeFor(withComparison)).toBe(0);
    expect(exitCodeFor(withComparison, { failOn: ['fail', 'drift'] })).toBe(1);
    // b.md drifted both nights: with --fail-on drift that is no change either.
    const stillDrift = report('2026-11-23T02:00:00.000Z', { 'tutorials/b.md': [['az x', 'drift']] });
    expect(exitCodeFor({ ...stillDrift, comparison: compareReports(stillDrift, lastNight) }, { failOn: ['fail', 'drift'] })).toBe(0);
  });

  it('the job summary and the HTML report show the changes first', () => {
    const tonight = report('2026-11-23T02:00:00.000Z', { 'tutorials/a.md': [['curl one', 'fail'], ['curl two', 'pass']] });
    const r = Report.parse({ ...tonight, comparison: compareReports(tonight, lastNight) });
    const md = markdownSummary(r);
    expect(md).toContain('### Since 2026-11-22T02:00:00.000Z: 1 step(s) worse, 1 better');
    expect(md).toContain('- `tutorials/a.md:10` pass → **fail**: fail because');
    expect(md).toContain('- `tutorials/a.md:20` fail → **pass**: pass because');
    const html = renderHtml(r);
    expect(html).toContain('<details class="comparison" open><summary>since the baseline of 2026-11-22T02:00:00.000Z: 1 worse, 1 better</summary>');
    expect(html).toContain('<code>tutorials/a.md:10</code> s1 <span class="badge pass">pass</span> → <span class="badge fail">fail</span>');
    expect(renderHtml(tonight)).not.toContain('<details class="comparison"');
  });
});

describe('compareReports on pages with tabs or zone pivots', () => {
  // One page, two variants: the same command in both (a step outside the tabs), each with its verdict.
  const twoTabs = (linux: V, windows: V): Report => {
    const [l] = report('2026-11-23T02:00:00.000Z', { 'tutorials/t.md': [['curl shared', linux]] }).tutorials;
    const [w] = report('2026-11-23T02:00:00.000Z', { 'tutorials/t.md': [['curl shared', windows]] }).tutorials;
    const tutorials = [{ ...l!, variant: 'tab=linux' }, { ...w!, variant: 'tab=windows' }];
    return Report.parse({ version: REPORT_VERSION, target: 'azure', engine: 'http', startedAt: '2026-11-23T02:00:00.000Z', durationMs: 1, summary: summarise(tutorials), tutorials });
  };

  it('matches steps within the same variant of the page', () => {
    const c = compareReports(twoTabs('pass', 'fail'), twoTabs('pass', 'pass'));
    expect(c.worse.map((w) => [w.file, w.variant, w.step, w.from, w.to])).toEqual([['tutorials/t.md', 'tab=windows', 's1', 'pass', 'fail']]);
    expect(c.better).toEqual([]);
    // Keyed by file alone, the Windows failure would have been compared with the Linux pass only once.
    expect(compareReports(twoTabs('fail', 'pass'), twoTabs('pass', 'fail')).worse.map((w) => w.variant)).toEqual(['tab=linux']);
  });

  it('a page that gained variants since the baseline is compared, variant by variant, with the one path the baseline ran', () => {
    const before = report('2026-11-22T02:00:00.000Z', { 'tutorials/t.md': [['curl shared', 'pass']] });
    const c = compareReports(twoTabs('pass', 'drift'), before);
    expect(c.worse.map((w) => [w.variant, w.from, w.to])).toEqual([['tab=windows', 'pass', 'drift']]);
  });

  it('a page that lost its variants is compared with the baseline\'s first variant', () => {
    const now = report('2026-11-24T02:00:00.000Z', { 'tutorials/t.md': [['curl shared', 'fail']] });
    const c = compareReports(now, twoTabs('pass', 'fail'));
    expect(c.worse.map((w) => [w.variant ?? null, w.from, w.to])).toEqual([[null, 'pass', 'fail']]);
  });

  it('the reports name the variant of a changed step: file (variant):line', () => {
    const tonight = { ...twoTabs('pass', 'fail'), comparison: compareReports(twoTabs('pass', 'fail'), twoTabs('pass', 'pass')) };
    expect(markdownSummary(tonight)).toContain('`tutorials/t.md (tab=windows):10` pass → **fail**');
    expect(renderHtml(tonight)).toContain('tutorials/t.md (tab=windows):10');
  });
});

describe('a v1 report (before the unsupported verdict) as a baseline', () => {
  it('reads its not-emulated failures as unsupported, so the comparison is like with like', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readReport } = await import('../../src/report/read.ts');
    const step = (id: string, raw: string, verdict: string, failure?: string) => ({ id, kind: 'http', line: { start: 1, end: 1 }, raw, verdict, reason: 'r', ...(failure ? { failure } : {}), checks: [] });
    const v1 = {
      version: 1,
      target: 'emulator',
      engine: 'http',
      startedAt: '2026-11-22T02:00:00.000Z',
      durationMs: 1,
      summary: { pass: 1, drift: 0, fail: 2, blocked: 0, manual: 0, skipped: 0 },
      tutorials: [{ file: 'tutorials/a.md', title: 'a', findings: [], steps: [step('s1', 'curl one', 'pass'), step('s2', 'curl two', 'fail', 'not-emulated'), step('s3', 'curl three', 'fail', 'http-error-status')] }],
    };
    const dir = await mkdtemp(join(tmpdir(), 'tc-v1-'));
    try {
      await writeFile(join(dir, 'report.json'), JSON.stringify(v1));
      const { report } = await readReport(dir, 'baseline');
      expect(report.version).toBe(REPORT_VERSION);
      expect(report.tutorials[0]!.steps.map((s) => [s.verdict, s.failure, s.unsupported])).toEqual([
        ['pass', undefined, undefined],
        ['unsupported', undefined, 'not-emulated'],
        ['fail', 'http-error-status', undefined],
      ]);
      expect(report.summary).toMatchObject({ pass: 1, fail: 1, unsupported: 1 });
      // Tonight the not-emulated step is still unsupported: no change, exit 0.
      const tonight = { ...report, startedAt: '2026-11-23T02:00:00.000Z' };
      const comparison = compareReports(tonight, report);
      expect(comparison.worse).toEqual([]);
      expect(exitCodeFor({ ...tonight, comparison })).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
