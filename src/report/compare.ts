// A run against an earlier report of the same tutorials (last night's, say): which steps got worse
// and which better. A nightly run is red as long as any page has a failing step, which says nothing
// new from one night to the next; what a reader needs to act on is the change.
// Steps are matched by tutorial file, variant and command text (the n-th occurrence of the same text
// in one variant's entry with the n-th), not by id: an edit that adds a step above renumbers the ids
// below it. A page that gained tabs or pivots since the baseline is compared, variant by variant,
// with the one path the baseline ran; a page that lost them, with the baseline's first variant.
// Verdicts are ranked pass < drift < unsupported < blocked < fail (design.md, shared decisions); manual and skipped steps are not compared (a
// portal step has no verdict to lose, a skipped one was not asked for).
import type { Comparison, Report, ReportStep, ReportTutorial, VerdictChange } from './schema.ts';

type Ranked = Exclude<ReportStep['verdict'], 'manual' | 'skipped'>;
const RANK: Record<Ranked, number> = { pass: 0, drift: 1, unsupported: 2, blocked: 3, fail: 4 };

function ranked(v: ReportStep['verdict']): v is Ranked {
  return v in RANK;
}

const entryKey = (file: string, variant: string | undefined): string => `${file}\u0000${variant ?? ''}`;

/** Each entry's steps by "text\0occurrence", and entries by file and variant. */
function entries(report: Report): Map<string, { tutorial: ReportTutorial; steps: Map<string, ReportStep> }> {
  const out = new Map<string, { tutorial: ReportTutorial; steps: Map<string, ReportStep> }>();
  for (const t of report.tutorials) {
    const seen = new Map<string, number>();
    const steps = new Map<string, ReportStep>();
    for (const step of t.steps) {
      const n = seen.get(step.raw) ?? 0;
      seen.set(step.raw, n + 1);
      steps.set(`${step.raw}\u0000${n}`, step);
    }
    out.set(entryKey(t.file, t.variant), { tutorial: t, steps });
  }
  return out;
}

export function compareReports(current: Report, baseline: Report): Comparison {
  const before = entries(baseline);
  const firstVariant = new Map<string, string | undefined>();
  for (const t of baseline.tutorials) if (!firstVariant.has(t.file)) firstVariant.set(t.file, t.variant);
  const worse: VerdictChange[] = [];
  const better: VerdictChange[] = [];
  for (const { tutorial: t, steps } of entries(current).values()) {
    const old =
      before.get(entryKey(t.file, t.variant)) ?? before.get(entryKey(t.file, undefined)) ?? (firstVariant.has(t.file) ? before.get(entryKey(t.file, firstVariant.get(t.file))) : undefined);
    for (const [key, step] of steps) {
      if (!ranked(step.verdict)) continue;
      const was = old?.steps.get(key)?.verdict;
      const change = (from: VerdictChange['from']): VerdictChange => ({
        file: t.file,
        ...(t.variant !== undefined ? { variant: t.variant } : {}),
        step: step.id,
        line: step.line,
        raw: step.raw,
        from,
        to: step.verdict,
        reason: step.reason,
      });
      if (was === undefined) {
        // A step the baseline did not have: worse unless it passes.
        if (step.verdict !== 'pass') worse.push(change('absent'));
        continue;
      }
      if (!ranked(was)) continue;
      if (RANK[step.verdict] > RANK[was]) worse.push(change(was));
      else if (RANK[step.verdict] < RANK[was]) better.push(change(was));
    }
  }
  return { baseline: { startedAt: baseline.startedAt, target: baseline.target }, worse, better };
}
