// Binds every placeholder a step's command uses to one source. Order of precedence: an explicit
// `--set` (the user's word wins), then a capture the parser linked to this very step, then a shell
// variable an earlier step assigns, then the target's values. Placeholders that appear only in prose
// or in example JSON are not in `step.placeholders`, so they never need a value; nor does a `$name`
// bash would not expand (single quotes, `\$`, a comment).
import type { Capture, Placeholder, ShellStep, Step, Tutorial } from '../model.ts';
import { assignedBeforeUse, bashExpandsSpelling } from './expansion.ts';
import type { Binding, BindingSource, PlanOptions } from './types.ts';
import { normaliseKey } from './keys.ts';

export { normaliseKey };

export interface UnboundPlaceholder {
  key: string;
  spelling: string;
  stepId: string;
  line: number;
}

export interface StepBindings {
  bindings: Binding[];
  unbound: UnboundPlaceholder[];
}

function shellVariableOf(spelling: string): string | undefined {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(spelling);
  return m?.[1];
}

/**
 * What binding looks up, indexed once per tutorial: placeholders by key, their occurrences and the
 * captures by consuming step, the settings by normalised key. Binding a step then costs the size of
 * that step, not of the page.
 */
export class BindIndex {
  readonly placeholders: ReadonlyMap<string, Placeholder>;
  readonly #occurrences = new Map<string, Map<string, string[]>>();
  readonly #captures = new Map<string, Capture[]>();
  readonly sets: ReadonlyMap<string, string>;
  readonly targetValues: ReadonlyMap<string, string>;

  constructor(tutorial: Tutorial, options: PlanOptions) {
    this.placeholders = new Map(tutorial.placeholders.map((p) => [p.key, p]));
    for (const p of tutorial.placeholders) {
      for (const o of p.occurrences) {
        if (o.stepId === undefined) continue; // in prose
        let byKey = this.#occurrences.get(o.stepId);
        if (!byKey) this.#occurrences.set(o.stepId, (byKey = new Map()));
        const spellings = byKey.get(p.key);
        if (spellings) spellings.push(o.spelling);
        else byKey.set(p.key, [o.spelling]);
      }
    }
    for (const c of tutorial.captures) {
      for (const consumer of new Set(c.consumers)) {
        const list = this.#captures.get(consumer);
        if (list) list.push(c);
        else this.#captures.set(consumer, [c]);
      }
    }
    this.sets = new Map(Object.entries(options.sets).map(([k, v]) => [normaliseKey(k), v]));
    this.targetValues = new Map(Object.entries(options.targetValues).map(([k, v]) => [normaliseKey(k), v]));
  }

  /** Spellings of a key that this step's own text contains (a key may be spelt differently elsewhere). */
  spellingsInStep(step: Step, key: string): string[] {
    const placeholder = this.placeholders.get(key);
    const fromOccurrences = this.#occurrences.get(step.id)?.get(key) ?? [];
    const fromText = (placeholder?.spellings ?? []).filter((s) => step.raw.includes(s));
    const all = [...new Set([...fromOccurrences, ...fromText])];
    return all.length > 0 ? all : [`<${key}>`];
  }

  captureFor(step: Step, key: string, spellings: string[]): Capture | undefined {
    const variables = spellings.map(shellVariableOf).filter((v): v is string => v !== undefined);
    return this.#captures.get(step.id)?.find((c) => normaliseKey(c.key) === key || c.key === key || variables.some((v) => c.key === `$${v}` || c.key === v));
  }
}

/** `assignerOf`: the latest earlier step assigning a shell variable (dependencies.ts's EarlierSteps). */
export function bindStep(index: BindIndex, step: Step, options: PlanOptions, assignerOf: (variable: string) => ShellStep | undefined): StepBindings {
  const bindings: Binding[] = [];
  const unbound: UnboundPlaceholder[] = [];
  const { sets, targetValues } = index;

  for (const key of step.placeholders) {
    const placeholder = index.placeholders.get(key);
    const spellings = index.spellingsInStep(step, key);
    // A `$name` bash leaves alone (inside single quotes, escaped, in a comment) is text, not a value to bind.
    if (spellings.every((s) => shellVariableOf(s) !== undefined) && !spellings.some((s) => bashExpandsSpelling(step.raw, s))) continue;
    // A `$name` the step's own text assigns before using it (`token=$(…) && curl … $token`): bash gives it its value.
    const names = spellings.map(shellVariableOf);
    if (names.every((n) => n !== undefined && assignedBeforeUse(step.raw, n))) continue;
    const normal = normaliseKey(key);
    const capture = index.captureFor(step, normal, spellings);
    const variable = spellings.map(shellVariableOf).find((v) => v !== undefined);
    const assigner = variable === undefined ? undefined : assignerOf(variable);

    let source: BindingSource | undefined;
    const set = sets.get(normal);
    const targetValue = targetValues.get(normal);
    if (set !== undefined) source = { kind: 'set', value: set };
    else if (capture) source = { kind: 'capture', producer: capture.producer, path: capture.path, captureKey: capture.key, reason: capture.reason };
    else if (assigner && variable) source = { kind: 'shell-variable', producer: assigner.id, variable };
    else if (targetValue !== undefined) source = { kind: 'target', value: targetValue, target: options.targetName };

    if (source) bindings.push({ key, spellings, source });
    else {
      const occurrence = placeholder?.occurrences.find((o) => o.stepId === step.id);
      unbound.push({ key: normal, spelling: spellings[0] ?? key, stepId: step.id, line: occurrence?.line ?? step.source.startLine });
    }
  }
  return { bindings, unbound };
}
