import { describe, expect, it } from 'vitest';
import { exitCodeFor, Report, REPORT_VERSION } from '../../src/report/index.ts';
import { parseFailOn } from '../../src/report/exit-code.ts';
import { summarise } from '../../src/report/schema.ts';
import { sampleReport } from './sample-report.ts';

describe('report.json schema', () => {
  it('the sample report validates, has a version, and its summary is counted from the steps', async () => {
    const { report, parsed } = await sampleReport();
    expect(Report.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(report.version).toBe(REPORT_VERSION);
    expect(report.summary).toEqual(summarise(report.tutorials));
    const total = Object.values(report.summary).reduce((a, b) => a + b, 0);
    expect(total).toBe(report.tutorials.reduce((n, t) => n + t.steps.length, 0));
    // Lines are the tutorial's; the seed lets a reader map them (000 tutorials come from one seed).
    const sak = report.tutorials.find((t) => t.file === 'tutorials/000-storage-access-key.md')!;
    if (parsed) expect(sak.seed).toEqual({ file: '000_98cf1220b4d20f63.txt', firstLine: 422 });
    expect(sak.steps.every((s) => s.line.start >= 1 && s.line.end >= s.line.start)).toBe(true);
  });

  it('rejects a summary that does not match the steps, and a wrong version', async () => {
    const { report } = await sampleReport();
    const bad = { ...report, summary: { ...report.summary, pass: report.summary.pass + 1 } };
    expect(() => Report.parse(bad)).toThrow(/summary\.pass is/);
    expect(() => Report.parse({ ...report, version: REPORT_VERSION + 1 })).toThrow();
  });

  it('every check layer is recorded for steps that ran', async () => {
    const { report } = await sampleReport();
    const ran = report.tutorials.flatMap((t) => t.steps).filter((s) => s.verdict === 'pass' || s.verdict === 'drift');
    expect(ran.length).toBeGreaterThan(0);
    for (const s of ran) expect(s.checks.map((c) => c.layer)).toEqual(['example', 'contract', 'literal']);
  });
});

describe('exitCodeFor', () => {
  const relabel = (report: Report, from: string, to: Report['tutorials'][number]['steps'][number]['verdict']): Report => ({
    ...report,
    tutorials: report.tutorials.map((t) => ({ ...t, steps: t.steps.map((s) => (s.verdict === from ? { ...s, verdict: to } : s)) })),
  });

  it('0 when nothing failed, 1 when a step failed, drift and unsupported count only with --fail-on naming them', async () => {
    const { report } = await sampleReport();
    expect(report.summary.fail).toBeGreaterThan(0);
    expect(report.summary.drift).toBeGreaterThan(0);
    expect(exitCodeFor(report, { failOn: ['fail'] })).toBe(1);
    const noFail = relabel(report, 'fail', 'pass');
    expect(exitCodeFor(noFail, { failOn: ['fail'] })).toBe(0);
    expect(exitCodeFor(noFail, { failOn: ['fail', 'drift'] })).toBe(1);
    expect(exitCodeFor(relabel(noFail, 'drift', 'pass'), { failOn: ['fail', 'drift'] })).toBe(0);
    const unsupported = relabel(noFail, 'drift', 'unsupported');
    expect(exitCodeFor(unsupported, { failOn: ['fail'] })).toBe(0);
    expect(exitCodeFor(unsupported, { failOn: ['fail', 'unsupported'] })).toBe(1);
  });

  it('a fail the sidecar expects does not count', async () => {
    const { report } = await sampleReport();
    const expected = { ...report, tutorials: report.tutorials.map((t) => ({ ...t, steps: t.steps.map((s) => (s.verdict === 'fail' ? { ...s, expectedFailure: 'known defect, tracked in #12' } : s)) })) };
    expect(exitCodeFor(expected, { failOn: ['fail'] })).toBe(0);
  });

  it('--fail-on reads a comma-separated set and names what it does not know', () => {
    expect(parseFailOn('drift,unsupported')).toEqual(['fail', 'drift', 'unsupported']);
    expect(parseFailOn('fail')).toEqual(['fail']);
    expect(parseFailOn('drift, pass')).toEqual({ unknown: 'pass' });
  });
});
