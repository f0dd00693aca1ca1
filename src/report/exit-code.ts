// The exit-code policy of a run: 0 when no step failed, 1 when one did (or drifted, when drift
// counts as failure). Exit code 2 (the run could not start) belongs to ToolError, not to a report.
import type { Report } from './schema.ts';

export type FailOn = 'fail' | 'drift';

export function exitCodeFor(report: Report, opts: { failOn: FailOn } = { failOn: 'fail' }): 0 | 1 {
  const bad = opts.failOn === 'drift' ? report.summary.fail + report.summary.drift : report.summary.fail;
  return bad > 0 ? 1 : 0;
}
