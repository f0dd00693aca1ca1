// GitHub Actions: workflow-command annotations that GitHub shows on the page's line in the pull
// request and the run, and a Markdown job summary. Severity says whose move it is:
//   fail                              → error   (the page as written does not work)
//   drift                             → warning (works, the page's example or claims differ)
//   unsupported, expected failure     → notice  (the tool or target could not judge it)
//   a tutorial problem (unreadable, unbound placeholder, missing include) → warning
// A verdict --fail-on names is an error, as it fails the run. blocked, manual, skipped and pass
// steps are not annotated (a blocked step's cause is). Lint findings: error, warning, note → notice.
// Paths are relative to the repository root (GITHUB_WORKSPACE in a job), as GitHub needs them.
import { failing } from '../exit-code.ts';
import { markdownSummary } from '../markdown-summary.ts';
import type { Report, ReportStep } from '../schema.ts';
import type { LintResult } from '../../lint/index.ts';
import type { Finding } from '../../lint/finding.ts';
import { pathFromRoot } from './paths.ts';
import type { ReporterContext, ReporterOutput } from './types.ts';

type Level = 'error' | 'warning' | 'notice';

export interface AnnotationProperties {
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  title?: string;
}

/** A workflow command's message: `%`, CR and LF escaped (actions/toolkit's escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as the message, and `:` and `,` too (escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=a.md,line=3,title=…::message` */
export function annotation(level: Level, props: AnnotationProperties, message: string): string {
  const parts = Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${level}${parts.length > 0 ? ` ${parts.join(',')}` : ''}::${escapeData(message)}`;
}

function stepLevel(step: ReportStep, ctx: ReporterContext): Level | undefined {
  if (failing(step, ctx.failOn)) return 'error';
  if (step.verdict === 'fail') return 'notice'; // a failure the sidecar expects
  if (step.verdict === 'drift') return 'warning';
  if (step.verdict === 'unsupported') return 'notice';
  return undefined;
}

function stepMessage(step: ReportStep): string {
  const lines = [step.expectedFailure !== undefined ? `expected failure (${step.expectedFailure}): ${step.reason}` : step.reason];
  if (step.suggestion !== undefined) lines.push(`suggested: ${step.suggestion}`);
  return lines.join('\n');
}

export function githubRun(report: Report, ctx: ReporterContext): ReporterOutput {
  // A page with tabs or pivots is run once per variant: the same annotation from several variants
  // is made once, its title naming the variants it came from.
  const merged = new Map<string, { level: Level; props: { file: string; line: number; endLine?: number }; title: string; message: string; variants: string[] }>();
  const add = (level: Level, props: { file: string; line: number; endLine?: number }, title: string, message: string, variant: string | undefined) => {
    const key = `${level}\u0000${props.file}\u0000${props.line}\u0000${title}\u0000${message}`;
    const seen = merged.get(key);
    if (seen) {
      if (variant !== undefined) seen.variants.push(variant);
    } else merged.set(key, { level, props, title, message, variants: variant !== undefined ? [variant] : [] });
  };
  for (const t of report.tutorials) {
    const file = pathFromRoot(t.file, ctx.root, ctx.projectRoot);
    for (const p of t.problems ?? []) add('warning', { file, line: p.line ?? 1 }, `tutorial-conformance: ${p.code}`, p.message, t.variant);
    for (const s of t.steps) {
      const level = stepLevel(s, ctx);
      if (level === undefined) continue;
      const title = `tutorial-conformance ${s.verdict}: ${s.id} (${s.kind}${s.failure !== undefined ? `, ${s.failure}` : s.unsupported !== undefined ? `, ${s.unsupported}` : ''})`;
      add(level, { file: s.file !== undefined ? pathFromRoot(s.file, ctx.root, ctx.projectRoot) : file, line: s.line.start, endLine: s.line.end }, title, stepMessage(s), t.variant);
    }
  }
  const lines = [...merged.values()].map((a) => annotation(a.level, { ...a.props, title: a.variants.length > 0 ? `${a.title} in ${a.variants.join(', ')}` : a.title }, a.message));
  return { stdout: lines.length > 0 ? `${lines.join('\n')}\n` : '', jobSummary: markdownSummary(report, { path: (file) => pathFromRoot(file, ctx.root, ctx.projectRoot) }) };
}

const LINT_LEVEL: Record<Finding['severity'], Level> = { error: 'error', warning: 'warning', note: 'notice' };

function lintSummary(results: readonly LintResult[], ctx: ReporterContext): string {
  const findings = results.flatMap((r) => r.findings);
  const count = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const errors = findings.filter((f) => f.severity === 'error').map((f) => `- \`${pathFromRoot(f.file, ctx.root, ctx.projectRoot)}:${f.line}\` ${f.rule}: ${cell(f.message)}`);
  return [
    '## Tutorial lint',
    '',
    `${results.length} tutorial(s): ${count('error')} error(s), ${count('warning')} warning(s), ${count('note')} note(s)`,
    '',
    ...(byRule.size > 0 ? ['| rule | findings |', '|---|---:|', ...[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `| ${r} | ${n} |`), ''] : []),
    ...(errors.length > 0 ? ['### Errors', '', ...errors.slice(0, 100), ...(errors.length > 100 ? [`- … and ${errors.length - 100} more`] : []), ''] : []),
  ].join('\n');
}

export function githubLint(results: readonly LintResult[], ctx: ReporterContext): ReporterOutput {
  const lines = results.flatMap((r) =>
    r.findings.map((f) =>
      annotation(LINT_LEVEL[f.severity], { file: pathFromRoot(f.file, ctx.root, ctx.projectRoot), line: f.line, ...(f.endLine !== undefined ? { endLine: f.endLine } : {}), ...(f.column !== undefined ? { col: f.column } : {}), title: `tutorial-conformance lint: ${f.rule}` }, f.suggestion !== undefined ? `${f.message}\nsuggested: ${f.suggestion}` : f.message),
    ),
  );
  return { stdout: lines.length > 0 ? `${lines.join('\n')}\n` : '', jobSummary: lintSummary(results, ctx) };
}
