// What a reporter is given and gives back. A reporter is a pure function of a command's result (a
// run's redacted report, lint's findings) and this context; the CLI does the writing.
import type { Style } from '../../cli/colour.ts';
import type { LintResult } from '../../lint/index.ts';
import type { FailOn } from '../exit-code.ts';
import type { Report } from '../schema.ts';

export interface ReporterContext {
  /** Colours for stdout (none when it is not a terminal, or with NO_COLOR). */
  style: Style;
  /** --verbose: reasons in full on the terminal. */
  verbose: boolean;
  /** The repository root that annotation and SARIF paths are relative to (absolute). */
  root: string;
  /** The folder report paths are relative to (the tool's project root; absolute paths stay absolute). */
  projectRoot: string;
  failOn: FailOn;
  tool: { name: string; version: string };
  /** How long the command took so far, for the totals line. */
  elapsedMs?: number;
}

export interface ReporterOutput {
  /** What goes to stdout. */
  stdout: string;
  /** Markdown for a GitHub Actions job summary, appended to $GITHUB_STEP_SUMMARY when set. */
  jobSummary?: string;
}

export interface Reporter {
  description: string;
  run?: (report: Report, ctx: ReporterContext) => ReporterOutput;
  lint?: (results: readonly LintResult[], ctx: ReporterContext) => ReporterOutput;
}
