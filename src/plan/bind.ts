// Binds every placeholder a step's command uses to one source. Order of precedence (values.ts): an
// explicit `--set` by name or role (the user's word wins), the sidecars, then a capture the parser
// linked to this very step, then a shell variable an earlier step assigns, then the page's own world
// and the target's value for the name or the role the placeholder's position gives it. Placeholders
// that appear only in prose or in example JSON are not in `step.placeholders`, so they never need a
// value; nor does a `$name` bash would not expand (single quotes, `\$`, a comment).
import type { Capture, Placeholder, ShellStep, Step, Tutorial } from '../model.ts';
import { roleIn, type PlaceholderRoles, type RoleAt } from '../world/positions.ts';
import { assignedBeforeUse, bashExpandsSpelling, expandedVariables } from './expansion.ts';
import { odataOptionAt } from '../parse/odata-options.ts';
import type { Binding, BindingSource } from './types.ts';
import { normaliseKey } from './keys.ts';
import { placeholderKey } from '../parse/index.ts';
import { readsVariable } from '../parse/read-prompts.ts';
import { earlySource, targetSource, type ValueSources } from './values.ts';

export { normaliseKey };

export interface UnboundPlaceholder {
  key: string;
  spelling: string;
  stepId: string;
  line: number;
  /** The role its position gives it, when one does. */
  role?: RoleAt;
  /** The page asks the reader to type it at a `read` prompt. */
  read?: boolean;
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
 * captures by consuming step. Binding a step then costs the size of that step, not of the page.
 */
export class BindIndex {
  readonly placeholders: ReadonlyMap<string, Placeholder>;
  readonly #occurrences = new Map<string, Map<string, string[]>>();
  readonly #captures = new Map<string, Capture[]>();

  constructor(tutorial: Tutorial) {
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

/** Every place bash expands `$name` in `text` is an OData option of a URL (`?$filter=`, `&$top=`). */
function odataOnly(text: string, name: string): boolean {
  const uses = expandedVariables(text).filter((v) => v.name === name);
  return uses.length > 0 && uses.every((u) => u.spelling === `$${name}` && odataOptionAt(text, u.index) !== undefined);
}

/** `assignerOf`: the latest earlier step assigning a shell variable (dependencies.ts's EarlierSteps). */
export function bindStep(index: BindIndex, step: Step, sources: ValueSources, roles: PlaceholderRoles, assignerOf: (variable: string) => ShellStep | undefined): StepBindings {
  const bindings: Binding[] = [];
  const unbound: UnboundPlaceholder[] = [];

  // `read RG`: the reader types RG's value, bound here like a placeholder's (parse/read-prompts.ts).
  const read = step.kind === 'shell' && step.shell.kind === 'assign' && step.shell.read ? step.shell.variable : undefined;
  for (const key of step.placeholders) {
    const placeholder = index.placeholders.get(key);
    const reads = read !== undefined && placeholderKey(`$${read}`) === key;
    const spellings = reads ? [`$${read}`] : index.spellingsInStep(step, key);
    // A `$name` bash leaves alone (inside single quotes, escaped, in a comment) is text, not a value to bind.
    if (!reads && spellings.every((s) => shellVariableOf(s) !== undefined) && !spellings.some((s) => bashExpandsSpelling(step.raw, s))) continue;
    // A `$name` the step's own text assigns before using it (`token=$(…) && curl … $token`): bash gives it its value.
    const names = spellings.map(shellVariableOf);
    if (!reads && names.every((n) => n !== undefined && assignedBeforeUse(step.raw, n))) continue;
    const normal = normaliseKey(key);
    const capture = index.captureFor(step, normal, spellings);
    const variable = spellings.map(shellVariableOf).find((v) => v !== undefined);
    const assigner = variable === undefined ? undefined : assignerOf(variable);

    const role = roleIn(roles, step.id, key);
    let source: BindingSource | undefined = earlySource(sources, key, role?.role);
    if (source === undefined) {
      if (capture) source = { kind: 'capture', producer: capture.producer, path: capture.path, captureKey: capture.key, reason: capture.reason };
      else if (assigner && variable) source = { kind: 'shell-variable', producer: assigner.id, variable };
      else {
        source = targetSource(sources, key, role?.role);
        // What the reader types at a `read` prompt comes from --set, the sidecars or the page's World,
        // never from the target's stand-in for the role: that is not the value the page asks for.
        if (source?.kind === 'target' && variable !== undefined && (reads || readsVariable(step.raw, variable))) source = undefined;
      }
    }
    // `"…?$filter=…"`: the page means an OData option, bash expands a variable nothing sets, to the
    // empty string. The request is what bash sends (lint's shell-odata-dollar-expanded says so).
    if (source === undefined && variable !== undefined && odataOnly(step.raw, variable)) source = { kind: 'unset', value: '', variable };

    if (source) bindings.push({ key, spellings, source });
    else {
      const occurrence = placeholder?.occurrences.find((o) => o.stepId === step.id);
      const typed = variable !== undefined && (reads || readsVariable(step.raw, variable));
      unbound.push({ key: normal, spelling: spellings[0] ?? key, stepId: step.id, line: occurrence?.line ?? step.source.startLine, ...(role ? { role } : {}), ...(typed ? { read: true } : {}) });
    }
  }
  return { bindings, unbound };
}
