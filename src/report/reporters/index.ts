// The terminal reporters, one registry keyed by the name `--reporter` takes (vitest's and Hurl's
// reporters map): each a pure function of a command's result, for run (the redacted report), for
// lint (its findings), or both. The CLI writes what they return: stdout, and a job summary.
import { rules, toSarif, type LintResult, type RuleMeta } from '../../lint/index.ts';
import type { Report } from '../schema.ts';
import { defaultLint, defaultRun } from './default.ts';
import { githubLint, githubRun } from './github.ts';
import type { Reporter, ReporterContext, ReporterOutput } from './types.ts';

export type { Reporter, ReporterContext, ReporterOutput } from './types.ts';

/** The rules' metadata without their check functions, for JSON consumers (HTML report, CI). */
function ruleMeta(r: RuleMeta): RuleMeta {
  const { id, name, severity, shortDescription, fullDescription, help } = r;
  return { id, name, severity, shortDescription, fullDescription, help };
}

/** lint's JSON: every rule's metadata and the findings per tutorial. */
export function lintJson(results: readonly LintResult[]): string {
  return `${JSON.stringify({ rules: rules.map(ruleMeta), results }, null, 2)}\n`;
}

/** lint's SARIF 2.1.0 log, paths relative to the repository root (%SRCROOT%). */
export function lintSarif(results: readonly LintResult[], ctx: Pick<ReporterContext, 'root' | 'projectRoot' | 'tool'>): string {
  return `${JSON.stringify(toSarif(results, { srcRoot: ctx.root, fileBase: ctx.projectRoot, toolVersion: ctx.tool.version }), null, 2)}\n`;
}

export const REPORTERS = {
  default: {
    description: 'run: the table of verdicts per tutorial and the totals; lint: one finding per line and the counts',
    run: defaultRun,
    lint: defaultLint,
  },
  json: {
    description: "run: the report (report.json's content); lint: {rules, results}",
    run: (report: Report): ReporterOutput => ({ stdout: `${JSON.stringify(report, null, 2)}\n` }),
    lint: (results: readonly LintResult[]): ReporterOutput => ({ stdout: lintJson(results) }),
  },
  github: {
    description: 'GitHub Actions annotations (::error/::warning/::notice with file and line) and a Markdown job summary',
    run: githubRun,
    lint: githubLint,
  },
  sarif: {
    description: 'lint: a SARIF 2.1.0 log for code scanning',
    lint: (results: readonly LintResult[], ctx: ReporterContext): ReporterOutput => ({ stdout: lintSarif(results, ctx) }),
  },
} as const satisfies Record<string, Reporter>;

export type ReporterName = keyof typeof REPORTERS;

/** The reporters that serve a command, by name: what its --reporter accepts. */
export function reportersFor(command: 'run' | 'lint'): ReporterName[] {
  return (Object.keys(REPORTERS) as ReporterName[]).filter((n) => command in REPORTERS[n]);
}
