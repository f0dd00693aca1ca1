// Two placeholders that name resource groups (`<resource-group-name>`, `<db-resource-group-name>`) are two
// groups to the page, but when the run chose both values by role alone (the one group the page creates,
// or the target's group) they become one. Once a step deletes that group under one name, a later step
// that reaches it under the other name answers 404 ResourceGroupNotFound: a failure of the run's
// binding, not of the page (howto-deploy-java-wls-app.md's clean-up deletes the portal-made WebLogic group
// and the CLI-made database group, two lines of one block). Such a step is blocked, said plainly, until
// the second name gets a value of its own (--set). A name bound by the page itself (a variable, a
// capture, --set, the sidecar) is the reader's own value and is left alone, and so is one placeholder
// used again after its own group's deletion (that is the page's order).
import type { Binding, PlannedStep } from './types.ts';
import { normaliseKey } from './keys.ts';
import { describeSource } from './values.ts';

/** The group a binding gives when the run chose it by the placeholder's role, not by its name. */
function groupByRole(b: Binding): string | undefined {
  const s = b.source;
  return (s.kind === 'world' || s.kind === 'target') && s.role === 'resource-group' ? s.value : undefined;
}

interface Deleted {
  key: string;
  spelling: string;
  stepId: string;
  line: number;
}

export function blockGroupDeletedUnderAnotherName(planned: PlannedStep[]): void {
  const deleted = new Map<string, Deleted>(); // group (lower case) → the deletion that removed it
  for (const p of planned) {
    if (p.mode.kind !== 'execute') continue;
    for (const b of p.bindings) {
      const group = groupByRole(b);
      const gone = group === undefined ? undefined : deleted.get(group.toLowerCase());
      if (group === undefined || gone === undefined || gone.key === b.key) continue;
      const spelling = b.spellings[0] ?? b.key;
      p.mode = {
        kind: 'blocked',
        why: `${spelling} and ${gone.spelling} (line ${gone.line}) are two names the page gives resource groups, but the run had one group for both (${group}: ${describeSource(b.source)}), which ${gone.stepId} deleted already: run so, this step would answer ResourceGroupNotFound, a failure the page does not have. Give ${spelling} a group of its own with --set ${normaliseKey(b.key)}=<group>`,
      };
      break;
    }
    if (p.mode.kind !== 'execute' || p.step.kind !== 'az' || p.step.az.path.join(' ') !== 'group delete') continue;
    for (const b of p.bindings) {
      const group = groupByRole(b);
      if (group !== undefined) deleted.set(group.toLowerCase(), { key: b.key, spelling: b.spellings[0] ?? b.key, stepId: p.step.id, line: p.step.source.startLine });
    }
  }
}
