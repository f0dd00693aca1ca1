// A 403 on data the page granted the reader access to in a step that could not run here: the page
// reads the signed-in user's id with `az ad signed-in-user show` (which this tool does not run), assigns
// it a data role (blocked behind that lookup), then uses the data. The refusal is what that grant would
// have prevented, so it says nothing about the page: the step is blocked by the grant, the 403 kept as
// evidence. A grant to anyone else (an app, another user) leaves the reader's 403 the page's defect.
import type { Step } from '../model.ts';
import type { Observation } from '../run/observation.ts';
import type { World } from '../world/types.ts';
import { grantsAccess, refusedAuthorization, runAsReader } from './assumed-access.ts';
import type { StepCheck } from './verdict.ts';

export interface GrantNotRun {
  blockedBy: Step;
  reason: string;
}

/** The steps that grant the signed-in reader access (a role or an access policy), as the World records them. */
function readerGrantSteps(world: World | undefined): Set<string> {
  const ids = new Set<string>();
  for (const g of [...(world?.grants ?? []), ...(world?.accessPolicies ?? [])]) if (g.principal.kind === 'reader' && g.cite.stepId !== undefined) ids.add(g.cite.stepId);
  return ids;
}

/**
 * Whether `step`'s failed check is a refusal a grant to the reader that did not run (blocked or
 * unsupported) would have prevented; then the last such grant before it, and the reason to report.
 */
export function grantNotRun(args: { steps: readonly Step[]; step: Step; verdicts: ReadonlyMap<string, string>; world: World | undefined; check: StepCheck; observation: Observation }): GrantNotRun | undefined {
  const { steps, step, verdicts, check, observation } = args;
  if (check.verdict !== 'fail' || !runAsReader(step) || !refusedAuthorization(step, observation)) return undefined;
  const toReader = readerGrantSteps(args.world);
  let found: Step | undefined;
  for (const p of steps) {
    if (p === step) break;
    const v = verdicts.get(p.id);
    if ((v === 'blocked' || v === 'unsupported') && grantsAccess(p) && toReader.has(p.id)) found = p;
  }
  if (found === undefined) return undefined;
  const how = verdicts.get(found.id) === 'unsupported' ? 'could not be run here (unsupported)' : 'was blocked';
  return { blockedBy: found, reason: `${found.id} (line ${found.source.startLine}: the access the page grants) ${how}, and this step was refused for lack of such access (${check.reason}): the refusal says nothing about the page` };
}
