// The exit-code policy of a run: 0 when no step failed, 1 when one did (or drifted, when drift
// counts as failure). Against a baseline (`--baseline`), only a change counts: 1 when a step fails
// (or drifts) now that did not in the baseline, 0 when every failure was already there.
// Exit code 2 (the run could not start) belongs to ToolError, not to a report.
import type { Report, ReportStep } from './schema.ts';

export type FailOn = 'fail' | 'drift';

/** Whether a step with this verdict fails the run (and is a JUnit failure) under `failOn`. */
export function failing(verdict: ReportStep['verdict'], failOn: FailOn): boolean {
  return verdict === 'fail' || (failOn === 'drift' && verdict === 'drift');
}

export function exitCodeFor(report: Report, opts: { failOn: FailOn } = { failOn: 'fail' }): 0 | 1 {
  if (report.comparison !== undefined) {
    return report.comparison.worse.some((c) => failing(c.to, opts.failOn) && (c.from === 'absent' || !failing(c.from, opts.failOn))) ? 1 : 0;
  }
  const bad = opts.failOn === 'drift' ? report.summary.fail + report.summary.drift : report.summary.fail;
  return bad > 0 ? 1 : 0;
}
