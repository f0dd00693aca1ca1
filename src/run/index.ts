// The run stage's entry: parse the tutorials, plan all of them, then run them one after another
// against one target, resetting it between tutorials, and assemble the report. Progress goes to
// `onEvent`, already redacted. One page never stops the others: a file that cannot be read, an
// include that does not resolve or a placeholder nothing binds is a problem of that tutorial (its
// affected steps `blocked`, the problem listed on it); only a run where nothing could be run at all
// (no tutorial readable, nothing selected) ends with a ToolError (exit 2) and no report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lintTutorial } from '../lint/index.ts';
import type { Finding } from '../lint/finding.ts';
import { ToolError } from '../errors.ts';
import type { Tutorial } from '../model.ts';
import { findDocsetRoot, parseTutorialFile, projectPath } from '../parse/index.ts';
import { includeResolver } from '../parse/docset.ts';
import { buildPlan, hasSelectedSteps, type Plan } from '../plan/index.ts';
import { sidecarGrants } from '../plan/author.ts';
import { buildReport, type Report, type TutorialProblem } from '../report/schema.ts';
import type { Assumption, StepOutcome as ReportOutcome } from '../report/schema.ts';
import { RunSecrets } from './secrets.ts';
import { isSecretSetting } from '../report/redact.ts';
import type { Target } from './target.ts';
import { resolveTutorialFiles } from './files.ts';
import { startTarget, type TargetName } from './targets/start.ts';
import { TokenCache } from './tokens.ts';
import { loadBlobClient } from './az/storage-blob.ts';
import type { ShellEngine } from './shell/engine.ts';
import { staticUnsupported } from './steps/support.ts';
import { runTutorial, type StepEvent } from './tutorial.ts';
import { runPaths, type RunPath } from './variants.ts';
import { blockUnprovided } from './world-outcome.ts';

export type { StepEvent } from './tutorial.ts';
export { RunSecrets } from './secrets.ts';

export type { TargetName } from './targets/start.ts';
export { resolveTutorialFiles } from './files.ts';

export type RunEvent =
  | { type: 'target-ready'; target: TargetName; ms: number }
  | { type: 'tutorial-start'; file: string; variant?: string; title: string; steps: number }
  | StepEvent
  | { type: 'tutorial-end'; file: string; variant?: string; counts: Record<string, number> };

export interface RunOptions {
  /** Tutorial files or folders (folders: every *.md in them, sorted). */
  paths: string[];
  target?: TargetName;
  /** `--set KEY=VALUE`. */
  sets?: Readonly<Record<string, string>>;
  grep?: string;
  onEvent?: (event: RunEvent) => void;
  /** Collects every secret seen; pass one to inspect it afterwards. */
  secrets?: RunSecrets;
  /** A target already started (tests, the conformance suite); it is not closed by the run. */
  targetInstance?: Target;
  /** A target the caller began starting for this run (the CLI boots it while the tool loads); the run closes it. */
  startedTarget?: Promise<Target>;
  /** How steps are executed: undici requests built from the model (default), or the page's text in bash. */
  engine?: EngineName;
  /** `--docset-root DIR`: the folder includes must stay in (else docfx.json upwards, else the page's folder). */
  docsetRoot?: string;
}

export type EngineName = 'http' | 'shell';

export interface RunResult {
  report: Report;
  secrets: RunSecrets;
}

function lint(tutorial: Tutorial, docsetRoot: string | undefined): Finding[] {
  const path = resolve(tutorial.file);
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  // Included text is linted in its place, read through the resolver the parse used.
  const resolveInclude = includeResolver(docsetRoot ?? findDocsetRoot(path));
  return lintTutorial(tutorial, { ...(text === undefined ? {} : { text }), authorGrants: sidecarGrants(path), resolveInclude });
}

/**
 * A tutorial, or, for a file that cannot be read or parsed, an empty one carrying the problem, so the
 * report lists the page and says why nothing of it ran. Include diagnostics are problems too.
 */
function parseOrListProblem(file: string, problems: Map<string, TutorialProblem[]>, docsetRoot: string | undefined): Tutorial {
  try {
    const t = parseTutorialFile(file, docsetRoot !== undefined ? { docsetRoot } : {});
    const unresolved = t.diagnostics.filter((d) => d.code === 'missing-include' || d.code === 'code-include').map((d) => ({ code: d.code, line: d.line, message: `${d.file}:${d.line}: ${d.message}` }));
    if (unresolved.length > 0) problems.set(t.file, unresolved);
    return t;
  } catch (err) {
    if (!(err instanceof ToolError)) throw err;
    const shown = projectPath(file);
    problems.set(shown, [{ code: err.code, ...(err.line !== undefined ? { line: err.line } : {}), message: err.message }]);
    return { title: shown.replace(/^.*\//, ''), file: shown, form: 'rendered', sections: [], steps: [], examples: [], placeholders: [], captures: [], diagnostics: [], lineCount: 0 };
  }
}

export async function runTutorials(options: RunOptions): Promise<RunResult> {
  const started = new Date();
  const t0 = performance.now();
  const targetName = options.target ?? 'emulator';
  const secrets = options.secrets ?? new RunSecrets();
  const sets = options.sets ?? {};
  const closeOwned = async (pending: Promise<Target>): Promise<void> => {
    if (!options.targetInstance) await pending.then((t) => t.close()).catch(() => undefined);
  };
  let files: string[];
  try {
    files = resolveTutorialFiles(options.paths);
  } catch (err) {
    if (options.startedTarget) await closeOwned(options.startedTarget);
    throw err;
  }

  // The emulator boots while the tutorials are parsed and linted; any error still closes it.
  const tt = performance.now();
  const starting = options.targetInstance ? Promise.resolve(options.targetInstance) : (options.startedTarget ?? startTarget(targetName));
  starting.catch(() => undefined); // observed below; this keeps an early failure from being an unhandled rejection
  let tutorials: Tutorial[];
  const findings = new Map<string, Finding[]>();
  const problems = new Map<string, TutorialProblem[]>();
  try {
    // One page per turn of the event loop: a signal (Ctrl-C, SIGTERM, SIGHUP) during the parse of
    // thousands of pages is honoured after the page at hand, not after the last one.
    tutorials = [];
    for (const f of files) {
      tutorials.push(parseOrListProblem(f, problems, options.docsetRoot));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (tutorials.every((t) => problems.get(t.file)?.some((p) => p.code === 'E_TUTORIAL_UNREADABLE' || p.code === 'E_PARSE'))) {
      const all = [...problems.values()].flat().map((p) => `  ${p.message}`);
      throw new ToolError('E_TUTORIAL_UNREADABLE', `no tutorial could be read:\n${all.join('\n')}`);
    }
    if (tutorials.some((t) => t.steps.some((s) => s.kind === 'az' && s.az.path[0] === 'storage'))) await loadBlobClient();
  } catch (err) {
    await closeOwned(starting);
    throw err;
  }
  const target = await starting;
  // Lint fills the gaps of the run: one tutorial per turn of the event loop, while steps wait for
  // answers (Azurite, the shell, the network), instead of before the first step.
  const linting = (async () => {
    for (const t of tutorials) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      // An unreadable page has no text to lint; a lint rule's own failure is that page's problem, not the run's end.
      if (problems.get(t.file)?.some((p) => p.code === 'E_TUTORIAL_UNREADABLE' || p.code === 'E_PARSE')) continue;
      try {
        findings.set(t.file, lint(t, options.docsetRoot));
      } catch (err) {
        problems.set(t.file, [...(problems.get(t.file) ?? []), { code: 'E_INTERNAL', message: `lint failed on this page: ${err instanceof Error ? err.message : String(err)} (please report it)` }]);
      }
    }
  })();
  linting.catch(() => undefined); // a lint failure surfaces where it is awaited, below; not as an unhandled rejection first
  const results: { path: RunPath; tutorial: Tutorial; variant?: string; outcomes: ReportOutcome[]; findings: Finding[]; problems: TutorialProblem[]; assumptions: Assumption[] }[] = [];
  // Problems of one path (an unbound placeholder, a step's internal error), by path key; the page's
  // own (unreadable, an include not resolved, lint failing) stay in `problems`, by file.
  const pathProblems = new Map<string, TutorialProblem[]>();
  const addPathProblems = (key: string, more: readonly TutorialProblem[]): void => void pathProblems.set(key, [...(pathProblems.get(key) ?? []), ...more]);
  let shell: ShellEngine | undefined;
  try {
    // Inside the try: a throwing progress callback must still close the target.
    options.onEvent?.({ type: 'target-ready', target: target.name, ms: performance.now() - tt });
    for (const s of target.knownSecrets) secrets.add(s.value, s.label);
    // A --set value is a secret when its key or its shape says so, not by its length: role names,
    // GUIDs and URLs given with --set are printed as given.
    for (const [k, v] of Object.entries(sets)) if (isSecretSetting(k, v)) secrets.add(v, `--set ${k}`);
    // Each variant of a page (tabs × pivots) is a path of its own: planned, run and reported apart.
    const paths = tutorials.flatMap(runPaths);
    const planned: { path: RunPath; plan: Plan }[] = paths
      .map((path) => ({ path, plan: buildPlan(path.tutorial, { targetValues: target.values, targetRoles: target.roleValues, targetName: target.name, sets, resolveInclude: includeResolver(options.docsetRoot ?? findDocsetRoot(resolve(path.tutorial.file))), unsupported: (step) => staticUnsupported(step, options.engine === 'shell' ? 'shell' : 'http', target.serves?.bind(target)), ...(options.grep !== undefined ? { grep: options.grep } : {}) }) }))
      // --grep leaves out the tutorials it selects nothing in; without it, every page is listed,
      // a page with nothing runnable (or nothing readable) too, with its lint findings and problems.
      .filter(({ plan }) => options.grep === undefined || hasSelectedSteps(plan));
    if (options.grep !== undefined && planned.length === 0) {
      throw new ToolError('E_USAGE', `--grep ${JSON.stringify(options.grep)} selects no step in ${tutorials.length} tutorial(s); nothing was run and no report was written`);
    }
    for (const { path, plan } of planned) addPathProblems(path.key, plan.problems);
    const tokens = new TokenCache(target.cli, secrets);
    if (options.engine === 'shell') {
      // Loaded only when asked for, so the default http run does not pay for it.
      const { startShellEngine } = await import('./shell/engine.ts');
      shell = await startShellEngine({ target });
    }

    for (const { path, plan } of planned) {
      // The path's World on the target's own state: what the page states, assumes or its sidecar
      // gives exists; what its commands create does not yet. New secrets (seeded keys, values) are known before any step.
      blockUnprovided(plan, await target.reset(plan.world));
      for (const s of target.knownSecrets) secrets.add(s.value, s.label);
      const { tutorial } = plan;
      const variant = path.variant !== undefined ? { variant: path.variant } : {};
      options.onEvent?.({ type: 'tutorial-start', file: tutorial.file, ...variant, title: tutorial.title, steps: tutorial.steps.length });
      const onProblem = (p: TutorialProblem): void => addPathProblems(path.key, [p]);
      const outcomes = await runTutorial({ plan, target, secrets, tokens, sets, onStep: (e) => options.onEvent?.(e), onProblem, ...(shell ? { executor: shell.execute } : {}) });
      const counts: Record<string, number> = {};
      for (const o of outcomes) {
        const v = o.check?.verdict ?? o.verdict ?? 'skipped';
        counts[v] = (counts[v] ?? 0) + 1;
      }
      options.onEvent?.({ type: 'tutorial-end', file: tutorial.file, ...variant, counts });
      results.push({ path, tutorial, ...variant, outcomes, findings: [], problems: [], assumptions: plan.world.assumptions });
    }
    await linting;
    const listed = new Set<string>();
    for (const r of results) {
      // The page's lint findings once, on its first path run; its problems on every path they concern.
      r.findings = listed.has(r.tutorial.file) ? [] : (findings.get(r.tutorial.file) ?? []);
      listed.add(r.tutorial.file);
      r.problems = [...(problems.get(r.tutorial.file) ?? []), ...(pathProblems.get(r.path.key) ?? [])];
    }
  } finally {
    await shell?.close();
    if (!options.targetInstance) await target.close();
  }
  const report = buildReport({
    target: target.name,
    engine: options.engine ?? 'http',
    startedAt: started.toISOString(),
    durationMs: performance.now() - t0,
    tutorials: results,
    // After close(): teardown's lines included. A target passed in by the caller is still open.
    notes: target.notes?.() ?? [],
  });
  return { report, secrets };
}
