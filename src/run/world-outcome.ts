// What the target could not provide of a tutorial's World (a live name someone else holds, a world
// that could not be provisioned) blocks the steps that use it, said plainly, instead of letting them
// fail against a resource that is not the page's: a false `fail` is the worst verdict the tool can give.
import type { Plan } from '../plan/index.ts';
import type { ResetOutcome } from './target.ts';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The names a step uses: its text as written and the values bound into it. */
function uses(step: Plan['steps'][number], name: string): boolean {
  const word = new RegExp(`(?<![A-Za-z0-9-])${escape(name)}(?![A-Za-z0-9-])`, 'i');
  if (word.test(step.step.raw)) return true;
  return step.bindings.some((b) => 'value' in b.source && word.test(b.source.value));
}

/** Marks the plan's steps blocked by what the reset could not provide; returns how many. */
export function blockUnprovided(plan: Plan, outcome: ResetOutcome | void): number {
  if (outcome === undefined) return 0;
  let blocked = 0;
  for (const p of plan.steps) {
    if (p.mode.kind !== 'execute') continue;
    if (outcome.failed !== undefined) {
      p.mode = { kind: 'blocked', why: `the target could not provide this tutorial's world: ${outcome.failed}` };
      blocked++;
      continue;
    }
    const missing = outcome.unavailable.filter((u) => uses(p, u.name));
    if (missing.length === 0) continue;
    p.mode = { kind: 'blocked', why: `uses ${missing.map((u) => `${u.name} (${u.why})`).join('; ')}: the run cannot have it as the page's, so the step is not judged` };
    blocked++;
  }
  return blocked;
}
