// The exit-code policy of a run (design.md, "Decisions shared by the open issues"): 0 when every
// executed step passed — drift, unsupported, blocked and manual do not fail by default —, 1 when a
// step failed, or drifted / was unsupported and `--fail-on` names that verdict. A `fail` the page's
// sidecar expects (an `expectedFailure`) never counts. Against a baseline (`--baseline`), only a
// change counts: 1 when a step fails now that did not in the baseline.
// Exit code 2 (nothing could run) belongs to ToolError, not to a report.
import type { Report, ReportStep } from './schema.ts';

/** Verdicts `--fail-on` can add to `fail` (which always fails the run). */
export const FAIL_ON_VERDICTS = ['fail', 'drift', 'unsupported'] as const;
export type FailOnVerdict = (typeof FAIL_ON_VERDICTS)[number];
export type FailOn = readonly FailOnVerdict[];

/** `--fail-on drift,unsupported` → the set; `fail` is always in it. Undefined for a word it does not know. */
export function parseFailOn(text: string): FailOn | { unknown: string } {
  const words = text.split(',').map((w) => w.trim()).filter((w) => w !== '');
  const unknown = words.find((w) => !(FAIL_ON_VERDICTS as readonly string[]).includes(w));
  if (unknown !== undefined) return { unknown };
  return FAIL_ON_VERDICTS.filter((v) => v === 'fail' || words.includes(v));
}

type Judged = Pick<ReportStep, 'verdict'> & { expectedFailure?: string | undefined };

/** Whether a step with this verdict fails the run (and is a JUnit failure) under `failOn`. */
export function failing(step: Judged, failOn: FailOn): boolean {
  if (step.verdict === 'fail') return step.expectedFailure === undefined;
  return (failOn as readonly string[]).includes(step.verdict);
}

export function exitCodeFor(report: Report, opts: { failOn: FailOn } = { failOn: ['fail'] }): 0 | 1 {
  if (report.comparison !== undefined) {
    return report.comparison.worse.some((c) => failing({ verdict: c.to }, opts.failOn) && (c.from === 'absent' || !failing({ verdict: c.from }, opts.failOn))) ? 1 : 0;
  }
  return report.tutorials.some((t) => t.steps.some((s) => failing(s, opts.failOn))) ? 1 : 0;
}
