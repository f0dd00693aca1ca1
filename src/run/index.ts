// The run stage's entry: parse the tutorials, plan all of them (an unbound placeholder stops the run
// before any request), then run them one after another against one target, resetting it between
// tutorials, and assemble the report. Progress goes to `onEvent`, already redacted.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../errors.ts';
import { lintTutorial } from '../lint/index.ts';
import type { Finding } from '../lint/finding.ts';
import type { Tutorial } from '../model.ts';
import { parseTutorialFile } from '../parse/index.ts';
import { buildPlan, hasSelectedSteps, type Plan } from '../plan/index.ts';
import { buildReport, type Report } from '../report/schema.ts';
import type { StepOutcome as ReportOutcome } from '../report/schema.ts';
import { RunSecrets } from './secrets.ts';
import type { Target } from './target.ts';
import { startEmulatorTarget } from './targets/emulator.ts';
import { TokenCache } from './tokens.ts';
import { loadBlobClient } from './az/storage-blob.ts';
import { startShellEngine, type ShellEngine } from './shell/engine.ts';
import { runTutorial, type StepEvent } from './tutorial.ts';

export type { StepEvent } from './tutorial.ts';
export { RunSecrets } from './secrets.ts';

export type TargetName = 'emulator' | 'azure';

export type RunEvent =
  | { type: 'target-ready'; target: TargetName; ms: number }
  | { type: 'tutorial-start'; file: string; title: string; steps: number }
  | StepEvent
  | { type: 'tutorial-end'; file: string; counts: Record<string, number> };

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
  /** How steps are executed: undici requests built from the model (default), or the page's text in bash. */
  engine?: EngineName;
}

export type EngineName = 'http' | 'shell';

export interface RunResult {
  report: Report;
  secrets: RunSecrets;
}

/** Expand folders into their *.md files; anything missing is a ToolError naming it. */
export function resolveTutorialFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new ToolError('E_TUTORIAL_UNREADABLE', 'no such file or folder; pass tutorial files or a folder of *.md files', { file: p });
    }
    if (isDir) {
      const md = readdirSync(p).filter((f) => f.endsWith('.md')).sort();
      if (md.length === 0) throw new ToolError('E_TUTORIAL_UNREADABLE', 'the folder holds no *.md tutorial', { file: p });
      files.push(...md.map((f) => join(p, f)));
    } else files.push(p);
  }
  return [...new Set(files.map((f) => resolve(f)))];
}

async function startTarget(name: TargetName): Promise<Target> {
  if (name === 'azure') {
    // Loaded only for live runs; configuration errors (E_CONFIG) and provisioning failures (E_TARGET) pass through.
    const [{ loadLiveConfig }, { createAzureTarget }] = await Promise.all([import('../config.ts'), import('../live/target.ts')]);
    return createAzureTarget(loadLiveConfig());
  }
  try {
    return await startEmulatorTarget();
  } catch (err) {
    throw new ToolError('E_TARGET', `the embedded emulator could not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

function lint(tutorial: Tutorial): Finding[] {
  let text: string | undefined;
  try {
    text = readFileSync(resolve(tutorial.file), 'utf8');
  } catch {
    text = undefined;
  }
  return lintTutorial(tutorial, text === undefined ? {} : { text });
}

export async function runTutorials(options: RunOptions): Promise<RunResult> {
  const started = new Date();
  const t0 = performance.now();
  const targetName = options.target ?? 'emulator';
  const files = resolveTutorialFiles(options.paths);
  const secrets = options.secrets ?? new RunSecrets();
  const sets = options.sets ?? {};

  // The emulator boots while the tutorials are parsed; a parse error still closes it.
  const tt = performance.now();
  const starting = options.targetInstance ? Promise.resolve(options.targetInstance) : startTarget(targetName);
  starting.catch(() => undefined); // observed below; this keeps an early failure from being an unhandled rejection
  let tutorials: Tutorial[];
  try {
    tutorials = files.map((f) => parseTutorialFile(f));
    if (tutorials.some((t) => t.steps.some((s) => s.kind === 'az' && s.az.path[0] === 'storage'))) await loadBlobClient();
  } catch (err) {
    if (!options.targetInstance) await starting.then((t) => t.close()).catch(() => undefined);
    throw err;
  }
  const target = await starting;
  options.onEvent?.({ type: 'target-ready', target: target.name, ms: performance.now() - tt });
  const results: { tutorial: Tutorial; outcomes: ReportOutcome[]; findings: Finding[] }[] = [];
  let shell: ShellEngine | undefined;
  try {
    for (const s of target.knownSecrets) secrets.add(s.value, s.label);
    for (const v of Object.values(sets)) if (v.length >= 16) secrets.add(v, 'a --set value');
    const plans: Plan[] = tutorials
      .map((t) => buildPlan(t, { targetValues: target.values, targetName: target.name, sets, ...(options.grep !== undefined ? { grep: options.grep } : {}) }))
      .filter(hasSelectedSteps);
    const tokens = new TokenCache(target.cli, secrets);
    if (options.engine === 'shell') shell = await startShellEngine({ target });

    for (const [i, plan] of plans.entries()) {
      if (i > 0 || options.targetInstance) await target.reset();
      const { tutorial } = plan;
      options.onEvent?.({ type: 'tutorial-start', file: tutorial.file, title: tutorial.title, steps: tutorial.steps.length });
      const outcomes = await runTutorial({ plan, target, secrets, tokens, sets, onStep: (e) => options.onEvent?.(e), ...(shell ? { executor: shell.execute } : {}) });
      const counts: Record<string, number> = {};
      for (const o of outcomes) {
        const v = o.check?.verdict ?? o.verdict ?? 'skipped';
        counts[v] = (counts[v] ?? 0) + 1;
      }
      options.onEvent?.({ type: 'tutorial-end', file: tutorial.file, counts });
      results.push({ tutorial, outcomes, findings: lint(tutorial) });
    }
  } finally {
    await shell?.close();
    if (!options.targetInstance) await target.close();
  }
  const report = buildReport({ target: target.name, engine: options.engine ?? 'http', startedAt: started.toISOString(), durationMs: performance.now() - t0, tutorials: results });
  return { report, secrets };
}
