// The default reporter: for a run, the table of verdicts per tutorial (valid Markdown), what changed
// since the baseline and the totals; for lint, one finding per line and the counts. Coloured on a
// terminal; reasons cut to one short line unless --verbose.
import { paintVerdict, type Style } from '../../cli/colour.ts';
import { formatText, type LintResult } from '../../lint/index.ts';
import type { Finding } from '../../lint/finding.ts';
import { tutorialLabel, type Report, type VerdictChange } from '../schema.ts';
import { pathFromRoot } from './paths.ts';
import type { ReporterContext, ReporterOutput } from './types.ts';
import { oneLine } from '../../cli/text.ts';

const VERDICT_COLUMNS = ['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped'] as const;


/**
 * The per-tutorial verdict table, with a total row, as plain text (also valid Markdown). `path`
 * shows a report's file (relative to the repository root; the tool's own tutorials/ prefix left out).
 */
export function summaryTable(report: Report, style?: Style, path: (file: string) => string = (f) => f): string {
  const header = ['tutorial', ...VERDICT_COLUMNS];
  const rows = report.tutorials.map((t) => {
    const counts = Object.fromEntries(VERDICT_COLUMNS.map((v) => [v, 0])) as Record<(typeof VERDICT_COLUMNS)[number], number>;
    for (const s of t.steps) counts[s.verdict] += 1;
    return [tutorialLabel({ file: path(t.file).replace(/^tutorials\//, ''), variant: t.variant }), ...VERDICT_COLUMNS.map((v) => String(counts[v]))];
  });
  rows.push(['total', ...VERDICT_COLUMNS.map((v) => String(report.summary[v]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // Padded first, painted after: escape codes have no width.
  const cell = (c: string, i: number): string => {
    const padded = i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0);
    return style === undefined || i === 0 || c === '0' ? padded : paintVerdict(style, VERDICT_COLUMNS[i - 1] ?? '', padded);
  };
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [`| ${header.map((h, i) => (i === 0 ? h.padEnd(widths[i] ?? 0) : h.padStart(widths[i] ?? 0))).join(' | ')} |`, rule, ...rows.map(line)].join('\n');
}

/** What changed since the baseline (`--baseline`), one line per changed step; nothing without one. */
export function comparisonLines(report: Report, opts: { verbose?: boolean; style?: Style } = {}): string[] {
  const c = report.comparison;
  if (c === undefined) return [];
  const paint = (v: string): string => (opts.style !== undefined ? paintVerdict(opts.style, v) : v);
  const line = (what: string, ch: VerdictChange): string =>
    `  ${what.padEnd(6)} ${tutorialLabel({ file: ch.file.replace(/^.*\//, ''), variant: ch.variant })}:${ch.line.start} ${ch.step.padEnd(4)} ${ch.from} → ${paint(ch.to)}  ${oneLine(ch.reason, opts.verbose === true ? undefined : 90)}`;
  return [
    `since the baseline of ${c.baseline.startedAt} (${c.baseline.target}): ${c.worse.length} step(s) worse, ${c.better.length} better`,
    ...c.worse.map((ch) => line('worse', ch)),
    ...c.better.map((ch) => line('better', ch)),
    '',
  ];
}

export function defaultRun(report: Report, ctx: ReporterContext): ReporterOutput {
  const steps = Object.values(report.summary).reduce((a, b) => a + b, 0);
  const took = ctx.elapsedMs !== undefined ? ` in ${(ctx.elapsedMs / 1000).toFixed(1)} s` : '';
  const lines = [
    summaryTable(report, ctx.style, (file) => pathFromRoot(file, ctx.root, ctx.projectRoot)),
    '',
    ...comparisonLines(report, { verbose: ctx.verbose, style: ctx.style }),
    `${report.tutorials.length} tutorials, ${steps} steps${took} on the ${report.target} (boot, run and reports)`,
  ];
  return { stdout: `${lines.join('\n')}\n` };
}

function paintSeverity(style: Style, f: Finding, line: string): string {
  const painted = f.severity === 'error' ? style.red(f.severity) : f.severity === 'warning' ? style.yellow(f.severity) : style.dim(f.severity);
  return line.replace(` ${f.rule} ${f.severity} `, ` ${f.rule} ${painted} `);
}

export function defaultLint(results: readonly LintResult[], ctx: ReporterContext): ReporterOutput {
  // formatText's lines are the findings in order, then the counts: each finding's line gets its colour.
  const findings = results.flatMap((r) => r.findings);
  const lines = formatText(results).split('\n').map((line, i) => (findings[i] !== undefined ? paintSeverity(ctx.style, findings[i], line) : line));
  return { stdout: lines.join('\n') };
}
