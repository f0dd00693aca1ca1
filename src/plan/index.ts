// The plan stage's one entry: bind, order, select. A placeholder nothing gives a value to blocks the
// steps that need it (and, at run time, their dependants), with the message naming the file, line,
// spelling and the `--set` to add; it never stops the other steps or the other tutorials.
import type { Tutorial } from '../model.ts';
import { BindIndex, bindStep, type UnboundPlaceholder } from './bind.ts';
import { EarlierSteps, grantDependencies } from './dependencies.ts';
import type { Plan, PlannedStep, PlanOptions } from './types.ts';

export type { Binding, BindingSource, Dependency, Plan, PlannedStep, PlanOptions, PlanProblem, StepMode } from './types.ts';
export { normaliseKey } from './bind.ts';

function unboundMessage(tutorial: Tutorial, u: UnboundPlaceholder, targetName: string): string {
  return `${tutorial.file}:${u.line}: ${u.spelling} has no value; add --set ${u.key}=<value> (no capture from an earlier step and no ${targetName} value provides it)`;
}

function selected(tutorial: Tutorial, grep: string | undefined): Set<string> {
  if (grep === undefined) return new Set(tutorial.steps.map((s) => s.id));
  const needle = grep.toLowerCase();
  const whole = tutorial.title.toLowerCase().includes(needle) || tutorial.file.toLowerCase().includes(needle);
  return new Set(tutorial.steps.filter((s) => whole || s.raw.toLowerCase().includes(needle) || s.section.toLowerCase().includes(needle)).map((s) => s.id));
}

export function buildPlan(tutorial: Tutorial, options: PlanOptions): Plan {
  const chosen = selected(tutorial, options.grep);
  const planned: PlannedStep[] = [];
  const unbound = new Map<string, UnboundPlaceholder[]>();
  // One walk down the page: each step is bound and linked against what the steps before it provide.
  const index = new BindIndex(tutorial, options);
  const earlier = new EarlierSteps(tutorial);
  for (const step of tutorial.steps) {
    if (step.kind === 'manual') {
      planned.push({ step, bindings: [], dependsOn: [], mode: { kind: 'manual', why: 'portal instructions the runner cannot perform' } });
      earlier.record(step);
      continue;
    }
    const bound = bindStep(index, step, options, (variable) => earlier.assignerOf(variable));
    if (bound.unbound.length > 0) unbound.set(step.id, bound.unbound);
    planned.push({ step, bindings: bound.bindings, dependsOn: earlier.dependenciesOf(step, bound.bindings), mode: { kind: 'execute' } });
    earlier.record(step);
  }

  grantDependencies(planned);

  // A selected step still needs what it depends on, transitively.
  const needed = new Set(chosen);
  for (let i = planned.length - 1; i >= 0; i--) {
    const p = planned[i];
    if (p && needed.has(p.step.id)) for (const d of p.dependsOn) needed.add(d.stepId);
  }
  for (const p of planned) {
    if (p.mode.kind === 'execute' && !needed.has(p.step.id)) p.mode = { kind: 'skip', why: `not selected by --grep ${JSON.stringify(options.grep)}` };
  }

  const problems: Plan['problems'] = [];
  for (const p of planned) {
    if (p.mode.kind !== 'execute') continue;
    const missing = unbound.get(p.step.id) ?? [];
    if (missing.length === 0) continue;
    const messages = missing.map((u) => unboundMessage(tutorial, u, options.targetName));
    p.mode = { kind: 'blocked', why: messages.join('; ') };
    for (const [i, u] of missing.entries()) problems.push({ code: 'E_PLACEHOLDER_UNBOUND', line: u.line, message: messages[i] ?? '' });
  }
  return { tutorial, steps: planned, problems };
}

/** Steps a `--grep` selects in this tutorial (none: the tutorial is left out of the run). */
export function hasSelectedSteps(plan: Plan): boolean {
  return plan.steps.some((s) => s.mode.kind === 'execute' || s.mode.kind === 'blocked');
}
