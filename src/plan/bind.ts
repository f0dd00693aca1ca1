// Binds every placeholder a step's command uses to one source. Order of precedence (values.ts): an
// explicit `--set` by name or role (the user's word wins), the sidecars, then a capture the parser
// linked to this very step, then a shell variable an earlier step assigns, then the target's value
// for the name or the role the placeholder's position gives it. Placeholders that appear only in
// prose or in example JSON are not in `step.placeholders`, so they never need a value; nor does a
// `$name` bash would not expand (single quotes, `\$`, a comment).
import type { Capture, Placeholder, ShellStep, Step, Tutorial } from '../model.ts';
import { roleIn, type PlaceholderRoles, type RoleAt } from '../world/positions.ts';
import { bashExpandsSpelling } from './expansion.ts';
import type { Binding, BindingSource } from './types.ts';
import { normaliseKey } from './keys.ts';
import { earlySource, targetSource, type ValueSources } from './values.ts';

export { normaliseKey };

export interface UnboundPlaceholder {
  key: string;
  spelling: string;
  stepId: string;
  line: number;
  /** The role its position gives it, when one does. */
  role?: RoleAt;
}

export interface StepBindings {
  bindings: Binding[];
  unbound: UnboundPlaceholder[];
}

function shellVariableOf(spelling: string): string | undefined {
  const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(spelling);
  return m?.[1];
}

/** Spellings of a key that this step's own text contains (a key may be spelt differently elsewhere). */
function spellingsInStep(step: Step, placeholder: Placeholder | undefined, key: string): string[] {
  const fromOccurrences = placeholder?.occurrences.filter((o) => o.stepId === step.id).map((o) => o.spelling) ?? [];
  const fromText = (placeholder?.spellings ?? []).filter((s) => step.raw.includes(s));
  const all = [...new Set([...fromOccurrences, ...fromText])];
  return all.length > 0 ? all : [`<${key}>`];
}

function captureFor(tutorial: Tutorial, step: Step, key: string, spellings: string[]): Capture | undefined {
  const variables = spellings.map(shellVariableOf).filter((v): v is string => v !== undefined);
  return tutorial.captures.find(
    (c) => c.consumers.includes(step.id) && (normaliseKey(c.key) === key || c.key === key || variables.some((v) => c.key === `$${v}` || c.key === v)),
  );
}

function assigningStep(tutorial: Tutorial, before: Step, variable: string): ShellStep | undefined {
  const index = tutorial.steps.indexOf(before);
  const earlier = tutorial.steps.slice(0, index).reverse();
  return earlier.find((s): s is ShellStep => s.kind === 'shell' && s.shell.kind === 'assign' && s.shell.variable === variable);
}

export function bindStep(tutorial: Tutorial, step: Step, sources: ValueSources, roles: PlaceholderRoles): StepBindings {
  const bindings: Binding[] = [];
  const unbound: UnboundPlaceholder[] = [];

  for (const key of step.placeholders) {
    const placeholder = tutorial.placeholders.find((p) => p.key === key);
    const spellings = spellingsInStep(step, placeholder, key);
    // A `$name` bash leaves alone (inside single quotes, escaped, in a comment) is text, not a value to bind.
    if (spellings.every((s) => shellVariableOf(s) !== undefined) && !spellings.some((s) => bashExpandsSpelling(step.raw, s))) continue;
    const normal = normaliseKey(key);
    const capture = captureFor(tutorial, step, normal, spellings);
    const variable = spellings.map(shellVariableOf).find((v) => v !== undefined);
    const assigner = variable === undefined ? undefined : assigningStep(tutorial, step, variable);

    const role = roleIn(roles, step.id, key);
    let source: BindingSource | undefined = earlySource(sources, key, role?.role);
    if (source === undefined) {
      if (capture) source = { kind: 'capture', producer: capture.producer, path: capture.path, captureKey: capture.key, reason: capture.reason };
      else if (assigner && variable) source = { kind: 'shell-variable', producer: assigner.id, variable };
      else source = targetSource(sources, key, role?.role);
    }

    if (source) bindings.push({ key, spellings, source });
    else {
      const occurrence = placeholder?.occurrences.find((o) => o.stepId === step.id);
      unbound.push({ key: normal, spelling: spellings[0] ?? key, stepId: step.id, line: occurrence?.line ?? step.source.startLine, ...(role ? { role } : {}) });
    }
  }
  return { bindings, unbound };
}
