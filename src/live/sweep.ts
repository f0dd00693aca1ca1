// Deletes resource groups an earlier run left behind (a killed CI job, a crashed laptop): every
// group tagged tutorial-conformance-run whose `created` tag is older than the given age, optionally
// only one prefix or one run. Groups without a readable `created` tag are reported, never deleted:
// the sweep only removes what it can prove is old.
import type { ArmClient } from './arm/client.ts';
import { CREATED_TAG, RUN_TAG } from './provision/plan.ts';
import { API } from './provision/provision.ts';

export interface SweepOptions {
  subscriptionId: string;
  olderThanMs: number;
  /** Only groups whose name starts with "<prefix>-". */
  prefix?: string;
  /** Only this run's groups. */
  runId?: string;
  dryRun: boolean;
  now: Date;
  log?: (line: string) => void;
}

export interface SweepCandidate {
  id: string;
  name: string;
  runId: string;
  created: string | undefined;
  ageMs: number | undefined;
}

export interface SweepResult {
  /** Old enough and selected: deleted, or listed only under --dry-run. */
  matched: SweepCandidate[];
  deleted: SweepCandidate[];
  kept: (SweepCandidate & { why: string })[];
  failed: (SweepCandidate & { error: string })[];
  /** True when nothing was deleted because of --dry-run. */
  dryRun: boolean;
}

interface ResourceGroupListItem {
  id?: string;
  name?: string;
  tags?: Record<string, string>;
}

export async function sweep(arm: ArmClient, opts: SweepOptions): Promise<SweepResult> {
  const groups = (await arm.list(`/subscriptions/${opts.subscriptionId}/resourcegroups`, API.resourceGroups, { $filter: `tagName eq '${RUN_TAG}'` })) as ResourceGroupListItem[];
  const result: SweepResult = { matched: [], deleted: [], kept: [], failed: [], dryRun: opts.dryRun };
  const doomed = result.matched;
  for (const g of groups) {
    if (g.id === undefined || g.name === undefined) continue;
    const tags = g.tags ?? {};
    const runId = tags[RUN_TAG];
    // ARM's tagName filter is the server's promise; check it again rather than delete on trust.
    if (runId === undefined) continue;
    const created = tags[CREATED_TAG];
    const createdMs = created !== undefined ? Date.parse(created) : NaN;
    const candidate: SweepCandidate = { id: g.id, name: g.name, runId, created, ageMs: Number.isNaN(createdMs) ? undefined : opts.now.getTime() - createdMs };
    if (opts.prefix !== undefined && !g.name.toLowerCase().startsWith(`${opts.prefix.toLowerCase()}-`)) {
      result.kept.push({ ...candidate, why: `name does not start with ${opts.prefix}-` });
    } else if (opts.runId !== undefined && runId !== opts.runId) {
      result.kept.push({ ...candidate, why: `run ${runId}, not ${opts.runId}` });
    } else if (candidate.ageMs === undefined) {
      result.kept.push({ ...candidate, why: `no readable '${CREATED_TAG}' tag` });
    } else if (candidate.ageMs < opts.olderThanMs) {
      result.kept.push({ ...candidate, why: 'younger than the limit' });
    } else {
      doomed.push(candidate);
    }
  }
  for (const c of doomed) {
    if (opts.dryRun) {
      opts.log?.(`would delete ${c.name} (run ${c.runId}, created ${c.created ?? '?'})`);
      continue;
    }
    try {
      await arm.delete(c.id, API.resourceGroups);
      result.deleted.push(c);
      opts.log?.(`deleted ${c.name} (run ${c.runId}, created ${c.created ?? '?'})`);
    } catch (err) {
      result.failed.push({ ...c, error: (err as Error).message });
    }
  }
  return result;
}
