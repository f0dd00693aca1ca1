// Runs one planned tutorial, step by step, in a fresh working folder: manual steps are `manual`,
// unselected ones `skipped`, a step the plan could not bind, or whose producer failed, was
// unsupported or was blocked (or produced nothing it needs), `blocked`;
// every other step is executed by its kind's executor, its secrets harvested, its captures read, and
// checked. The fixed order inside a step: bind, send, harvest secrets, capture, check.
import { stepConstructMessage } from './steps/support.ts';
import { checkStep, type Verdict } from '../check/index.ts';
import { UNSUPPORTED_REASONS } from '../check/verdict.ts';
import { grantNotRun } from '../check/grant-not-run.ts';
import type { Capture, Step, Tutorial } from '../model.ts';
import type { Plan, PlannedStep } from '../plan/index.ts';
import type { World } from '../world/types.ts';
import { expandedVariables, unquotedWordVariables } from '../plan/expansion.ts';
import type { StepOutcome as ReportOutcome } from '../report/schema.ts';
import { captureValue } from './captures.ts';
import { keptEvidence } from './evidence.ts';
import type { StepContext, StepOutcome } from './context.ts';
import { outcome } from './context.ts';
import { errorKindOf } from './http/send.ts';
import type { Observation } from './observation.ts';
import { harvestObservation, type RunSecrets } from './secrets.ts';
import { azRejectsBeforeAnyRequest, runAzStep } from './steps/az.ts';
import { sideLoadedSource } from './az/side-loaded.ts';
import { configuredDefaults } from './az/configured-defaults.ts';
import { runHttpStep } from './steps/http.ts';
import { runShellStep } from './steps/shell.ts';
import { runPowerShellStep } from './steps/powershell.ts';
import { PsVariables } from './powershell/values.ts';
import type { BoundValue } from './substitute.ts';
import type { Target } from './target.ts';
import { CliTokenError, type TokenCache } from './tokens.ts';
import { makeTempFolder, removeTempFolder } from '../temp-folders.ts';

export interface StepEvent {
  type: 'step';
  file: string;
  step: Step;
  verdict: Verdict;
  /** Already redacted. */
  reason: string;
}

export interface TutorialRunInput {
  plan: Plan;
  target: Target;
  secrets: RunSecrets;
  tokens: TokenCache;
  sets: Readonly<Record<string, string>>;
  onStep?: (event: StepEvent) => void;
  /** Runs each executable step; absent, the http engine's executor per step kind (`--engine shell` passes its own). */
  executor?: StepExecutor;
  /** Told about what kept a step from being judged (an internal error), for the tutorial's problems. */
  onProblem?: (problem: { code: string; line: number; message: string }) => void;
}

export type StepExecutor = (step: Step, ctx: StepContext) => Promise<StepOutcome>;

async function execute(step: Step, ctx: StepContext): Promise<StepOutcome> {
  if (step.kind === 'shell' && step.language === 'powershell') return runPowerShellStep(step, ctx);
  // One command per step: what bash does around it (a pipe, `&&` another command, a $( … )) is the shell engine's.
  const construct = stepConstructMessage(step);
  if (construct !== undefined) return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'shell-construct', message: construct } });
  try {
    switch (step.kind) {
      case 'http':
        return await runHttpStep(step, ctx);
      case 'az':
        return await runAzStep(step, ctx);
      case 'shell':
        return await runShellStep(step, ctx);
      case 'manual':
        return outcome({ engine: 'http' });
      default: {
        const never: never = step;
        return never;
      }
    }
  } catch (err) {
    // A connection-level failure surfacing from a library (the storage SDK, a token request) is the
    // step's evidence; anything else is a bug in the runner and must not pass for a verdict.
    if (err instanceof CliTokenError) {
      return outcome({ engine: 'http', output: { stdout: '', stderr: `ERROR: ${err.message}\n`, exitCode: 1 }, error: { kind: 'network', message: err.message } });
    }
    if (err && typeof err === 'object' && 'code' in err) return outcome({ engine: 'http', error: errorKindOf(err, ctx.connector.ownServer) });
    throw err;
  }
}

function normalisedValues(values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toUpperCase().replace(/[^A-Z0-9]+/g, '_'), v]));
}

export async function runTutorial(input: TutorialRunInput): Promise<ReportOutcome[]> {
  const { plan, target, secrets } = input;
  const tutorial: Tutorial = plan.tutorial;
  const workdir = await makeTempFolder('tc-run-');
  const observations = new Map<string, Observation>();
  const verdicts = new Map<string, string>();
  const outcomes: ReportOutcome[] = [];
  const env = new Map<string, string>();
  const psVariables = new PsVariables();
  // Looked up per step: indexed once, so a page of 100,000 steps is not scanned 100,000 times.
  const capturesBy = new Map<string, Capture[]>();
  for (const c of tutorial.captures) {
    const list = capturesBy.get(c.producer);
    if (list) list.push(c);
    else capturesBy.set(c.producer, [c]);
  }
  const stepsById = new Map(tutorial.steps.map((s) => [s.id, s]));
  const sideLoadedExtension = sideLoadedSource(tutorial);
  const azDefaults = configuredDefaults(tutorial);
  const emit = (o: ReportOutcome): void => {
    outcomes.push(o);
    const verdict: Verdict = o.check?.verdict ?? o.verdict ?? 'skipped';
    verdicts.set(o.step.id, verdict);
    input.onStep?.({ type: 'step', file: tutorial.file, step: o.step, verdict, reason: secrets.redactor.redact(o.check?.reason ?? o.reason ?? verdict) });
  };

  try {
    for (const planned of plan.steps) {
      const { step } = planned;
      if (planned.mode.kind === 'manual') {
        emit({ step, verdict: 'manual', reason: planned.mode.why });
        continue;
      }
      if (planned.mode.kind === 'skip') {
        emit({ step, verdict: 'skipped', reason: planned.mode.why });
        continue;
      }
      if (planned.mode.kind === 'unsupported') {
        const info = UNSUPPORTED_REASONS[planned.mode.reason];
        emit({ step, verdict: 'unsupported', unsupported: planned.mode.reason, reason: `${info.title}: ${planned.mode.why}. ${info.runsIt}` });
        continue;
      }
      if (planned.mode.kind === 'blocked') {
        emit({ step, verdict: 'blocked', reason: planned.mode.why });
        continue;
      }
      const failedDep = planned.dependsOn.find((d) => ['fail', 'blocked', 'unsupported'].includes(verdicts.get(d.stepId) ?? ''));
      // A command az rejects before any request fails as written, whatever it waited on: it runs (no request leaves).
      if (failedDep && !(step.kind === 'az' && azRejectsBeforeAnyRequest(step, { values: [], env }, sideLoadedExtension, azDefaults))) {
        const depVerdict = verdicts.get(failedDep.stepId);
        // Say what happened to the step waited on: a blocked one never ran, so "did not succeed" would read as a failure.
        const how = depVerdict === 'unsupported' ? 'could not be run here (unsupported)' : depVerdict === 'blocked' ? 'was blocked' : 'did not succeed';
        emit({ step, verdict: 'blocked', reason: `${failedDep.stepId} ${how} and this step ${failedDep.detail}`, blockedBy: failedDep.stepId });
        continue;
      }
      const bound = bindValues(planned, stepsById, observations);
      if ('missing' in bound) {
        emit({ step, verdict: 'blocked', reason: bound.missing.reason, blockedBy: bound.missing.producer });
        continue;
      }

      const ctx: StepContext = {
        connector: target.connector,
        workdir,
        env,
        values: bound.values,
        // A request written as HTTP has no shell: `$filter` in it is OData, expanded by nothing.
        // `read RG` (modelled as RG="$RG", the value the reader types): RG is the one name it expands.
        expands: step.kind === 'http' && step.request ? new Set<string>() : step.kind === 'shell' && step.shell.kind === 'assign' && step.shell.read ? new Set([step.shell.variable]) : new Set(expandedVariables(step.raw).map((v) => v.name)),
        ...(step.kind === 'http' && !step.request ? { splits: unquotedWordVariables(step.raw) } : {}),
        secrets,
        tokens: input.tokens,
        cliAccount: target.cli.account,
        earlier: observations,
        psVariables,
        ...(sideLoadedExtension !== undefined ? { sideLoadedExtension } : {}),
        ...(azDefaults.size > 0 ? { configuredDefaults: azDefaults } : {}),
      };
      const startedAt = new Date();
      const t0 = performance.now();
      let result: StepOutcome;
      try {
        // No shell reads a request written as HTTP (parse/request.ts): the http engine sends it under either engine.
        result = await (input.executor !== undefined && !(step.kind === 'http' && step.request) ? input.executor : execute)(step, ctx);
      } catch (err) {
        // A bug of the tool's own is no verdict on the page: this step is blocked by it, said plainly,
        // and the rest of the tutorial (and the run) goes on.
        const message = `internal error in tutorial-conformance while running this step: ${err instanceof Error ? err.message : String(err)} (please report it)`;
        input.onProblem?.({ code: 'E_INTERNAL', line: step.source.startLine, message: `${tutorial.file}:${step.source.startLine}: ${message}` });
        emit({ step, verdict: 'blocked', reason: message });
        continue;
      }
      const observation: Observation = {
        stepId: step.id,
        engine: result.engine,
        startedAt: startedAt.toISOString(),
        durationMs: performance.now() - t0,
        exchanges: result.exchanges,
        ...(result.output ? { output: result.output } : {}),
        files: result.files,
        ...(result.error ? { error: result.error } : {}),
        bindings: { ...normalisedValues(target.values), ...normalisedValues(input.sets), ...bound.byKey },
        captured: { ...result.captured },
        ...(result.substitution ? { substitution: result.substitution } : {}),
      };
      harvestObservation(observation, secrets);
      for (const capture of capturesBy.get(step.id) ?? []) {
        const got = captureValue(capture, step, observation);
        if ('value' in got) {
          const value = got.value;
          observation.captured[capture.key] = value;
          if (/token|key|sas|secret|sig|password/i.test(`${capture.key} ${capture.path}`)) secrets.add(value, `${capture.key} captured from ${step.id}`);
        }
      }
      for (const value of Object.values(result.captured)) if (/^eyJ/.test(value)) secrets.add(value, `token captured by ${step.id}`);
      observations.set(step.id, observation);
      const check = checkStep({ tutorial, step, observation, world: plan.world });
      // Judged on all that was read; reported with at most KEPT_BYTES per text.
      const evidence = keptEvidence(observation, (text) => secrets.redactor.secretSpans(text));
      const notGranted = grantNotRun({ steps: plan.steps.map((p) => p.step), step, verdicts, world: plan.world, check, observation });
      if (notGranted !== undefined) {
        emit({ step, verdict: 'blocked', reason: notGranted.reason, blockedBy: notGranted.blockedBy.id, observation: evidence });
        continue;
      }
      emit(expected(planned, { step, check, observation: evidence }));
    }
  } finally {
    await removeTempFolder(workdir);
  }
  return outcomes;
}

/** A `fail` the sidecar expects is reported as expected (it does not count); an expected failure that no longer fails says so. */
function expected(planned: PlannedStep, o: ReportOutcome): ReportOutcome {
  if (planned.expectedFailure === undefined || !o.check) return o;
  if (o.check.verdict === 'fail') return { ...o, expectedFailure: planned.expectedFailure };
  return { ...o, check: { ...o.check, reason: `${o.check.reason} (expected to fail: ${planned.expectedFailure}; it no longer does)` } };
}

type Bound = { values: BoundValue[]; byKey: Record<string, string> } | { missing: { producer: string; reason: string } };

function bindValues(planned: PlannedStep, stepsById: ReadonlyMap<string, Step>, observations: ReadonlyMap<string, Observation>): Bound {
  const values: BoundValue[] = [];
  const byKey: Record<string, string> = {};
  for (const b of planned.bindings) {
    let value: string | undefined;
    const s = b.source;
    if (s.kind === 'set' || s.kind === 'target' || s.kind === 'sidecar' || s.kind === 'world' || s.kind === 'unset') value = s.value;
    else {
      const producerId = s.producer;
      const obs = observations.get(producerId);
      const producer = stepsById.get(producerId);
      let why: string | undefined;
      if (s.kind === 'capture') {
        value = obs?.captured[s.captureKey];
        if (value === undefined && obs && producer) {
          const got = captureValue({ key: s.captureKey, producer: producerId, path: s.path, consumers: [], reason: s.reason }, producer, obs);
          if ('value' in got) value = got.value;
          else why = got.missing;
        }
      } else value = obs?.captured[`$${s.variable}`];
      if (value === undefined) {
        const what = s.kind === 'capture' ? (s.path ? `${s.path} for ${b.key}` : `value for ${b.key}`) : `$${s.variable}`;
        return { missing: { producer: producerId, reason: `${producerId} produced no ${what}, which this step needs${why ? `: ${why}` : ''}` } };
      }
    }
    values.push({ spellings: b.spellings, value });
    byKey[b.key] = value;
  }
  return { values, byKey };
}
