// A page with tabs or zone pivots has one report entry per variant: every output names the entry
// `file (variant)`, and what several variants say alike (the same step failing in each) is said once.
import { describe, expect, it } from 'vitest';
import { NO_COLOURS } from '../../src/cli/colour.ts';
import { expandedText, renderHtml } from '../../src/report/html.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { markdownSummary } from '../../src/report/markdown-summary.ts';
import { summaryTable } from '../../src/report/reporters/default.ts';
import { githubRun } from '../../src/report/reporters/github.ts';
import { Report, REPORT_VERSION, summarise, type ReportStep, type ReportTutorial } from '../../src/report/schema.ts';

const step = (id: string, raw: string, verdict: ReportStep['verdict'], line: number, where: { tab?: string } = {}): ReportStep => ({
  id,
  kind: 'http',
  line: { start: line, end: line },
  ...where,
  raw,
  verdict,
  reason: verdict === 'fail' ? 'status 404 where the page shows 200' : verdict,
  checks: [],
});

function entry(variant: string | undefined, steps: ReportStep[]): ReportTutorial {
  return { file: 'docs/imds.md', ...(variant !== undefined ? { variant } : {}), title: 'Instance metadata', steps, findings: [] };
}

const tutorials = [
  entry('tab=linux', [step('s1', 'curl linux', 'pass', 10, { tab: 'linux' }), step('s3', 'curl shared', 'fail', 30)]),
  entry('tab=windows', [step('s2', 'curl windows', 'fail', 20, { tab: 'windows' }), step('s3', 'curl shared', 'fail', 30)]),
];
const report = Report.parse({ version: REPORT_VERSION, target: 'emulator', engine: 'http', startedAt: '2026-12-06T02:00:00.000Z', durationMs: 1, summary: summarise(tutorials), tutorials });
const ctx = { style: NO_COLOURS, verbose: false, root: '/repo', projectRoot: '/repo', failOn: ['fail' as const], tool: { name: 'tutorial-conformance', version: '0' } };

describe('outputs of a page run per variant', () => {
  it('the console table and the job summary have a row per variant, named file (variant)', () => {
    const table = summaryTable(report, NO_COLOURS);
    expect(table).toMatch(/docs\/imds\.md \(tab=linux\) +\| +1 \| +0 \| +1 \|/);
    expect(table).toMatch(/docs\/imds\.md \(tab=windows\) +\| +0 \| +0 \| +2 \|/);
    const summary = markdownSummary(report);
    expect(summary).toContain('| Instance metadata (`docs/imds.md (tab=windows)`) | 0 | 0 | 2 | 0 | 0 |');
    expect(summary).toContain('- `docs/imds.md (tab=windows):20` status 404 where the page shows 200');
  });

  it('JUnit: a testsuite per variant, its cases classed by file (variant), file= the page', () => {
    const xml = renderJunit(report);
    expect(xml).toContain('<testsuite name="Instance metadata (tab=linux)"');
    expect(xml).toContain('<testsuite name="Instance metadata (tab=windows)"');
    expect(xml).toMatch(/<testcase name="s2 http line 20: curl windows" classname="docs\/imds\.md \(tab=windows\)" file="docs\/imds\.md" line="20"/);
  });

  it('GitHub annotations: the step failing in both variants is one annotation naming both; the other is its own', () => {
    const lines = githubRun(report, ctx).stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.includes('line=30'))).toMatch(/^::error file=docs\/imds\.md,line=30,endLine=30,title=tutorial-conformance fail%3A s3 \(http\) in tab=linux%2C tab=windows::status 404/);
    expect(lines.find((l) => l.includes('line=20'))).toMatch(/title=tutorial-conformance fail%3A s2 \(http\) in tab=windows::/);
  });

  it('HTML: the table of tutorials names each row file (variant), each section heads with its variant', () => {
    const html = renderHtml(report);
    expect(html).toContain('"docs/imds.md (tab=linux)"');
    expect(html).toContain('"docs/imds.md (tab=windows)"');
    expect(expandedText(html)).toContain('<span class="variant">(tab=windows)</span>');
  });
});
