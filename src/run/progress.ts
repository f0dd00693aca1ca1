// What the terminal shows while a run goes and when it ends: one line per step (tutorial, step,
// line, kind, verdict, reason) and a table of verdict counts per tutorial. Pure functions of the
// run's events and report, so the CLI and the conformance suite print the same thing.
import type { Report, VerdictChange } from '../report/schema.ts';
import type { RunEvent } from './index.ts';

const VERDICT_COLUMNS = ['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped'] as const;

function oneLine(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export function shortRaw(raw: string, max = 60): string {
  return oneLine(raw, max);
}

/** A progress line for an event, or undefined for events that print nothing. */
export function progressLine(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'target-ready':
      return `target ${event.target} ready in ${Math.round(event.ms)} ms`;
    case 'tutorial-start':
      return `\n${event.file}  ${oneLine(event.title, 90)}`;
    case 'step':
      // The tutorial on every line, so a step's line can be found (or grepped) on its own.
      return `  ${event.file.replace(/^.*\//, '').replace(/\.md$/, '')} ${event.step.id.padEnd(4)} L${String(event.step.source.startLine).padEnd(4)} ${event.step.kind.padEnd(6)} ${event.verdict.padEnd(11)} ${oneLine(event.reason, 100)}`;
    case 'tutorial-end':
      return undefined;
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** What changed since the baseline (`--baseline`), one line per changed step; nothing without one. */
export function comparisonLines(report: Report): string[] {
  const c = report.comparison;
  if (c === undefined) return [];
  const line = (what: string, ch: VerdictChange): string =>
    `  ${what.padEnd(6)} ${ch.file.replace(/^.*\//, '')}:${ch.line.start} ${ch.step.padEnd(4)} ${ch.from} → ${ch.to}  ${oneLine(ch.reason, 90)}`;
  return [
    `since the baseline of ${c.baseline.startedAt} (${c.baseline.target}): ${c.worse.length} step(s) worse, ${c.better.length} better`,
    ...c.worse.map((ch) => line('worse', ch)),
    ...c.better.map((ch) => line('better', ch)),
    '',
  ];
}

/** The per-tutorial verdict table, with a total row, as plain text (also valid Markdown). */
export function summaryTable(report: Report): string {
  const header = ['tutorial', ...VERDICT_COLUMNS];
  const rows = report.tutorials.map((t) => {
    const counts = Object.fromEntries(VERDICT_COLUMNS.map((v) => [v, 0])) as Record<(typeof VERDICT_COLUMNS)[number], number>;
    for (const s of t.steps) counts[s.verdict] += 1;
    return [t.file.replace(/^tutorials\//, ''), ...VERDICT_COLUMNS.map((v) => String(counts[v]))];
  });
  rows.push(['total', ...VERDICT_COLUMNS.map((v) => String(report.summary[v]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
