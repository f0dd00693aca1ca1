// report.json: the only data store of a run. HTML and JUnit are pure functions of it. Lines are the
// tutorial file's lines (a step or finding from an [!INCLUDE]d file names that file in its `file` and
// has its lines); `seed.firstLine` maps the page's lines to the seed (seed line = line + firstLine − 1).
import { z } from 'zod';
import { CheckResult, FailureKind, UnsupportedReason, Verdict, type StepCheck } from '../check/verdict.ts';
import { Finding } from '../lint/finding.ts';
import { SeedRef, type Step, type Tutorial } from '../model.ts';
import { ObservedExchange, ObservedRequest, ObservedResponse, type Observation } from '../run/observation.ts';

// v2 (the `unsupported` verdict, tutorial problems, redactions); read.ts upgrades a v1 report.
export const REPORT_VERSION = 2;

export const LineRange = z.object({ start: z.number().int().positive(), end: z.number().int().positive() });

export const ReportStep = z.object({
  id: z.string(),
  kind: z.enum(['http', 'az', 'shell', 'manual']),
  line: LineRange,
  // The file the step is written in when it is not the tutorial's own: an [!INCLUDE]d file, named as
  // ReportTutorial.file names pages (project-relative); `line` is that file's. Absent on the page's own steps.
  file: z.string().optional(),
  section: z.string().optional(),
  // Where the step is written, when in a tab or a zone pivot: the tab id and the zone's pivots as
  // the page writes them (the same step is in every variant that shows it).
  tab: z.string().optional(),
  pivot: z.string().optional(),
  raw: z.string(),
  verdict: Verdict,
  reason: z.string(),
  failure: FailureKind.optional(),
  unsupported: UnsupportedReason.optional(), // why the tool or target could not execute or judge the step (verdict unsupported)
  blockedBy: z.string().optional(), // step id whose failure blocked this one
  expectedFailure: z.string().optional(), // a fail the page's sidecar expects, or the page says the command fails (shownFailing), with its reason: shown, not counted in the exit code
  expectation: z.object({ kind: z.enum(['json', 'http', 'text']), line: LineRange, raw: z.string() }).optional(),
  request: ObservedRequest.optional(), // the last request sent
  response: ObservedResponse.optional(), // its response
  exchanges: z.array(ObservedExchange).optional(), // every round trip, when there were several
  output: z.object({ stdout: z.string(), stderr: z.string(), exitCode: z.number().int() }).optional(),
  checks: z.array(CheckResult),
  suggestion: z.string().optional(),
  substitution: z.string().optional(),
  durationMs: z.number().nonnegative().optional(), // how long the step ran
});
export type ReportStep = z.infer<typeof ReportStep>;

/**
 * Something that kept part of a tutorial from running (an unreadable file, an unbound placeholder,
 * an include that does not resolve): said on the tutorial; the steps it affects are `blocked`.
 */
export const TutorialProblem = z.object({
  code: z.string(), // the ToolError or diagnostic code, e.g. "E_PLACEHOLDER_UNBOUND", "missing-include"
  line: z.number().int().positive().optional(),
  message: z.string(),
});
export type TutorialProblem = z.infer<typeof TutorialProblem>;

/** Something the page uses without creating or stating it: the run provided it so the rest could be judged. */
export const Assumption = z.object({
  role: z.string(), // the resource's role ("vault", "storage-account", …)
  name: z.string(),
  line: z.number().int().positive(), // where the page first uses it
  what: z.string(), // "the key vault mytestkeyvault"
});
export type Assumption = z.infer<typeof Assumption>;
/**
 * A correction the tool is sure of (a finding's fix, src/lint/fix.ts), as a GitHub review suggestion:
 * `suggestion` replaces the file's lines `line.start`…`line.end` (a review comment's start_line and
 * line). `edits` are the same correction on the file's bytes (UTF-8 offsets, end exclusive), the
 * ones `--fix-patch` writes as a unified diff.
 */
export const ReportFix = z.object({
  // The file the correction edits when it is not the tutorial's own (an [!INCLUDE]d file; line and edits are its).
  file: z.string().optional(),
  findings: z.array(z.string()).min(1), // finding ids: rule@line:column
  rules: z.array(z.string()).min(1),
  stepIds: z.array(z.string()).optional(), // the steps whose text the correction changes
  description: z.string(),
  line: LineRange,
  suggestion: z.string(), // ```suggestion … ``` with the corrected lines
  edits: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() })).min(1),
});
export type ReportFix = z.infer<typeof ReportFix>;

/** A fix left out of the patch and the suggestions (conflicting with another, or unplaceable), and why. */
export const LeftOutFix = z.object({
  file: z.string().optional(), // as ReportFix.file
  findings: z.array(z.string()),
  line: z.number().int().positive(),
  reason: z.string(),
});
export type LeftOutFix = z.infer<typeof LeftOutFix>;

export const ReportTutorial = z.object({
  file: z.string(),
  // The page's variant this entry ran ("tab=linux", "pivot=python", "tab=linux;pivot=python"):
  // a page with tabs or zone pivots has one entry per variant; absent for a page with one path.
  variant: z.string().optional(),
  seed: SeedRef.optional(),
  title: z.string(),
  steps: z.array(ReportStep),
  findings: z.array(Finding),
  problems: z.array(TutorialProblem).optional(), // absent when nothing kept a step from running
  assumptions: z.array(Assumption).optional(), // absent when the page assumes nothing
  fixes: z.array(ReportFix).optional(), // absent when the tool is sure of no correction
  fixesLeftOut: z.array(LeftOutFix).optional(),
});
export type ReportTutorial = z.infer<typeof ReportTutorial>;

export const Summary = z.object({
  pass: z.number().int().nonnegative(),
  drift: z.number().int().nonnegative(),
  fail: z.number().int().nonnegative(),
  unsupported: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  manual: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof Summary>;

export function summarise(tutorials: readonly Pick<ReportTutorial, 'steps'>[]): Summary {
  const s: Summary = { pass: 0, drift: 0, fail: 0, unsupported: 0, blocked: 0, manual: 0, skipped: 0 };
  for (const t of tutorials) for (const step of t.steps) s[step.verdict] += 1;
  return s;
}

/** "file (variant)" for an entry of one variant of a page, else the file: how reports name an entry. */
/** The file a step is written in: its include's, or the tutorial's own. */
export const stepFile = (t: Pick<ReportTutorial, 'file'>, s: Pick<ReportStep, 'file'>): string => s.file ?? t.file;

export function tutorialLabel(t: { file: string; variant?: string | undefined }): string {
  return t.variant === undefined ? t.file : `${t.file} (${t.variant})`;
}

/** One step whose verdict differs from the baseline's (`absent`: the baseline has no such step). */
export const VerdictChange = z.object({
  file: z.string(),
  variant: z.string().optional(), // the variant of the page the step ran in, when it has several
  step: z.string(),
  line: LineRange,
  raw: z.string(),
  from: z.union([Verdict, z.literal('absent')]),
  to: Verdict,
  reason: z.string(), // the step's reason in this run
});
export type VerdictChange = z.infer<typeof VerdictChange>;

/** This run against an earlier report (`--baseline`): which steps got worse, which better. */
export const Comparison = z.object({
  baseline: z.object({ startedAt: z.string(), target: z.string() }),
  worse: z.array(VerdictChange),
  better: z.array(VerdictChange),
});
export type Comparison = z.infer<typeof Comparison>;

/** How the run was asked for, shown in the HTML header and used by renderers (e.g. `sourceUrl` links). */
export const RunSettings = z.object({
  tool: z.object({ name: z.string(), version: z.string() }).optional(),
  /** `--source-url`: a URL template with `{file}` and `{line}` (e.g. a GitHub blob URL) for links to the page. */
  sourceUrl: z.string().optional(),
  failOn: z.array(z.string()).optional(),
  grep: z.string().optional(),
  /** Keys given with --set (never their values). */
  setKeys: z.array(z.string()).optional(),
  shard: z.string().optional(),
});
export type RunSettings = z.infer<typeof RunSettings>;

export const Report = z
  .object({
    version: z.literal(REPORT_VERSION),
    settings: RunSettings.optional(),
    target: z.string(), // "emulator" | "azure"
    engine: z.string(), // "http" | "shell"
    startedAt: z.string(),
    durationMs: z.number().nonnegative(),
    summary: Summary,
    tutorials: z.array(ReportTutorial),
    // What the target said (live: provisioning, substitutions, retries, teardown); absent when nothing.
    notes: z.array(z.string()).optional(),
    comparison: Comparison.optional(),
    // Secrets found in what the run was about to write and replaced there (by label); absent when none.
    redactions: z.record(z.string(), z.number().int().positive()).optional(),
  })
  .superRefine((r, ctx) => {
    const counted = summarise(r.tutorials);
    for (const k of Object.keys(counted) as (keyof Summary)[]) {
      if (counted[k] !== r.summary[k]) ctx.addIssue({ code: 'custom', path: ['summary', k], message: `summary.${k} is ${r.summary[k]} but ${counted[k]} steps have that verdict` });
    }
  });
export type Report = z.infer<typeof Report>;

/** What the runner knows about one step when it builds the report. */
export interface StepOutcome {
  step: Step;
  /** From checkStep for steps that ran; the runner's own verdict for blocked/manual/skipped. */
  check?: StepCheck;
  verdict?: 'blocked' | 'manual' | 'skipped' | 'unsupported';
  unsupported?: UnsupportedReason;
  reason?: string;
  blockedBy?: string;
  /** The sidecar expects this `fail`, for this reason. */
  expectedFailure?: string;
  observation?: Observation;
}

/** A step as report.json shows it; `page` is the tutorial's file (a step of an include names its own). */
export function reportStep(o: StepOutcome, page?: string): ReportStep {
  const { step, observation } = o;
  const exchanges = observation?.exchanges ?? [];
  const last = exchanges[exchanges.length - 1];
  const verdict = o.check?.verdict ?? o.verdict ?? 'skipped';
  const exp = step.expectation;
  return {
    id: step.id,
    kind: step.kind,
    line: { start: step.source.startLine, end: step.source.endLine },
    ...(page !== undefined && step.source.file !== '' && step.source.file !== page ? { file: step.source.file } : {}),
    section: step.section,
    ...(step.tab !== undefined ? { tab: step.tab } : {}),
    ...(step.pivot !== undefined ? { pivot: step.pivot } : {}),
    raw: step.raw,
    verdict,
    reason: o.check?.reason ?? o.reason ?? (verdict === 'manual' ? 'a portal step the runner cannot perform' : verdict),
    ...(o.check?.failure ? { failure: o.check.failure } : {}),
    ...((o.check?.unsupported ?? o.unsupported) ? { unsupported: o.check?.unsupported ?? o.unsupported } : {}),
    ...(o.blockedBy ? { blockedBy: o.blockedBy } : {}),
    ...(o.expectedFailure !== undefined && verdict === 'fail' ? { expectedFailure: o.expectedFailure } : {}),
    ...(exp ? { expectation: { kind: exp.kind, line: { start: exp.source.startLine, end: exp.source.endLine }, raw: exp.raw } } : {}),
    ...(last ? { request: last.request } : {}),
    ...(last?.response ? { response: last.response } : {}),
    ...(exchanges.length > 1 ? { exchanges } : {}),
    ...(observation?.output ? { output: observation.output } : {}),
    checks: o.check?.checks ?? [],
    ...(o.check?.suggestion ? { suggestion: o.check.suggestion } : {}),
    ...(observation?.substitution ? { substitution: observation.substitution } : {}),
    ...(observation ? { durationMs: observation.durationMs } : {}),
  };
}

export interface BuildReportInput {
  target: string;
  engine: string;
  startedAt: string;
  durationMs: number;
  tutorials: { tutorial: Tutorial; variant?: string; outcomes: StepOutcome[]; findings?: Finding[]; problems?: TutorialProblem[]; assumptions?: Assumption[] }[];
  notes?: readonly string[];
}

/** Assemble and validate a report; the summary is counted, never supplied. */
export function buildReport(input: BuildReportInput): Report {
  const tutorials: ReportTutorial[] = input.tutorials.map(({ tutorial, variant, outcomes, findings, problems, assumptions }) => ({
    file: tutorial.file,
    ...(variant !== undefined ? { variant } : {}),
    ...(tutorial.seed ? { seed: tutorial.seed } : {}),
    title: tutorial.title,
    steps: outcomes.map((o) => reportStep(o, tutorial.file)),
    findings: findings ?? [],
    ...(problems !== undefined && problems.length > 0 ? { problems } : {}),
    ...(assumptions !== undefined && assumptions.length > 0 ? { assumptions } : {}),
  }));
  return Report.parse({
    version: REPORT_VERSION,
    target: input.target,
    engine: input.engine,
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    summary: summarise(tutorials),
    tutorials,
    ...(input.notes !== undefined && input.notes.length > 0 ? { notes: [...input.notes] } : {}),
  });
}
