// The plan stage's one entry: bind, order, select. Throws a ToolError (exit 2) naming every unbound
// placeholder before any request is sent.
import { ToolError } from '../errors.ts';
import type { Tutorial } from '../model.ts';
import { bindStep, type UnboundPlaceholder } from './bind.ts';
import { dependenciesOf, grantDependencies } from './dependencies.ts';
import type { Plan, PlannedStep, PlanOptions } from './types.ts';

export type { Binding, BindingSource, Dependency, Plan, PlannedStep, PlanOptions, StepMode } from './types.ts';
export { normaliseKey } from './bind.ts';

function unboundMessage(tutorial: Tutorial, unbound: UnboundPlaceholder[], targetName: string): string {
  const lines = unbound.map(
    (u) => `  ${tutorial.file}:${u.line} (${u.stepId}): ${u.spelling} has no value; add --set ${u.key}=<value> (no capture from an earlier step and no ${targetName} value provides it)`,
  );
  return `${unbound.length} placeholder${unbound.length === 1 ? "" : "s"} without a value:\n${lines.join("\n")}`;
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
  const unbound: UnboundPlaceholder[] = [];

  for (const step of tutorial.steps) {
    if (step.kind === 'manual') {
      planned.push({ step, bindings: [], dependsOn: [], mode: { kind: 'manual', why: 'portal instructions the runner cannot perform' } });
      continue;
    }
    const bound = bindStep(tutorial, step, options);
    unbound.push(...bound.unbound);
    planned.push({ step, bindings: bound.bindings, dependsOn: dependenciesOf(tutorial, step, bound.bindings), mode: { kind: 'execute' } });
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

  const blocking = unbound.filter((u) => needed.has(u.stepId));
  if (blocking.length > 0) {
    throw new ToolError('E_PLACEHOLDER_UNBOUND', unboundMessage(tutorial, blocking, options.targetName), { file: tutorial.file, line: blocking[0]?.line });
  }
  return { tutorial, steps: planned };
}

/** Steps a `--grep` selects in this tutorial (none: the tutorial is left out of the run). */
export function hasSelectedSteps(plan: Plan): boolean {
  return plan.steps.some((s) => s.mode.kind === 'execute');
}
