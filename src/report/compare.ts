// A run against an earlier report of the same tutorials (last night's, say): which steps got worse
// and which better. A nightly run is red as long as any page has a failing step, which says nothing
// new from one night to the next; what a reader needs to act on is the change.
// Steps are matched by tutorial file and command text (the n-th occurrence of the same text in a
// file with the n-th), not by id: an edit that adds a step above renumbers the ids below it.
// Verdicts are ranked pass < drift < unsupported < blocked < fail (design.md, shared decisions); manual and skipped steps are not compared (a
// portal step has no verdict to lose, a skipped one was not asked for).
import type { Comparison, Report, ReportStep, VerdictChange } from './schema.ts';

type Ranked = Exclude<ReportStep['verdict'], 'manual' | 'skipped'>;
const RANK: Record<Ranked, number> = { pass: 0, drift: 1, unsupported: 2, blocked: 3, fail: 4 };

function ranked(v: ReportStep['verdict']): v is Ranked {
  return v in RANK;
}

function keyed(report: Report): Map<string, { file: string; step: ReportStep }> {
  const out = new Map<string, { file: string; step: ReportStep }>();
  for (const t of report.tutorials) {
    const seen = new Map<string, number>();
    for (const step of t.steps) {
      const n = seen.get(step.raw) ?? 0;
      seen.set(step.raw, n + 1);
      out.set(`${t.file}\u0000${step.raw}\u0000${n}`, { file: t.file, step });
    }
  }
  return out;
}

export function compareReports(current: Report, baseline: Report): Comparison {
  const before = keyed(baseline);
  const worse: VerdictChange[] = [];
  const better: VerdictChange[] = [];
  for (const [key, { file, step }] of keyed(current)) {
    if (!ranked(step.verdict)) continue;
    const old = before.get(key)?.step.verdict;
    const change = (from: VerdictChange['from']): VerdictChange => ({ file, step: step.id, line: step.line, raw: step.raw, from, to: step.verdict, reason: step.reason });
    if (old === undefined) {
      // A step the baseline did not have: worse unless it passes.
      if (step.verdict !== 'pass') worse.push(change('absent'));
      continue;
    }
    if (!ranked(old)) continue;
    if (RANK[step.verdict] > RANK[old]) worse.push(change(old));
    else if (RANK[step.verdict] < RANK[old]) better.push(change(old));
  }
  return { baseline: { startedAt: baseline.startedAt, target: baseline.target }, worse, better };
}
