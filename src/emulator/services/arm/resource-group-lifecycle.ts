// Microsoft.Resources/resourceGroups beyond GET: create/update with tags (PUT), list with ARM's
// tag filter, and delete as a long-running operation (202 + Location + Retry-After) that removes
// everything inside the group, role assignments at or below it included. The live target's
// provisioning, teardown and sweep use these.
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup } from '../../state.ts';
import type { EmulatorState } from '../../state.ts';
import { armErrors } from './errors.ts';
import { recordDeletedVault } from './key-vaults.ts';
import { POLL_RETRY_AFTER_SECONDS, answerPoll, startOperation } from './lro.ts';
import type { ArmCall, ArmRoute } from './route.ts';

const GROUP = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';
/** 1–90 characters: letters, digits, underscores, hyphens, periods and parentheses; not ending in a period. */
const NAME = /^[-\w.()]{1,90}$/;

function groupBody(call: ArmCall, group: { name: string; location: string; tags: Record<string, string> }): Record<string, unknown> {
  return {
    id: `/subscriptions/${call.ctx.state.data.subscriptionId}/resourceGroups/${group.name}`,
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
    ...(Object.keys(group.tags).length > 0 ? { tags: group.tags } : {}),
    properties: { provisioningState: 'Succeeded' },
  };
}

function stringTags(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') return undefined;
    out[k] = v;
  }
  return out;
}

/** Remove a group and what lives in it, as ARM's cascading delete does. */
export function deleteGroupContents(state: EmulatorState, name: string, now: Date): void {
  const d = state.data;
  const inGroup = (r: { resourceGroup: string }): boolean => r.resourceGroup.toLowerCase() === name.toLowerCase();
  const prefix = `/subscriptions/${d.subscriptionId}/resourcegroups/${name}`.toLowerCase();
  d.storageAccounts = d.storageAccounts.filter((a) => !inGroup(a));
  for (const v of d.keyVaults.filter(inGroup)) recordDeletedVault(state, v, now);
  d.keyVaults = d.keyVaults.filter((v) => !inGroup(v));
  d.dataLakeStores = d.dataLakeStores.filter((s) => !inGroup(s));
  const removedIdentities = new Set(d.userAssignedIdentities.filter(inGroup).map((u) => u.name.toLowerCase()));
  d.userAssignedIdentities = d.userAssignedIdentities.filter((u) => !inGroup(u));
  d.vm.userAssigned = d.vm.userAssigned.filter((n) => !removedIdentities.has(n.toLowerCase()));
  d.roleAssignments = d.roleAssignments.filter((a) => {
    const scope = a.scope.toLowerCase().replace(/\/+$/, '');
    return scope !== prefix && !scope.startsWith(`${prefix}/`);
  });
  d.resourceGroups = d.resourceGroups.filter((g) => g.name.toLowerCase() !== name.toLowerCase());
}

/** `tagName eq 'x'` or `tagName eq 'x' and tagValue eq 'y'`, the filters ARM supports on this list. */
function parseTagFilter(filter: string): { name: string; value?: string } | undefined {
  const m = /^\s*tagName\s+eq\s+'((?:[^']|'')*)'\s*(?:and\s+tagValue\s+eq\s+'((?:[^']|'')*)'\s*)?$/i.exec(filter);
  if (m === null) return undefined;
  return { name: m[1]!.replace(/''/g, "'"), ...(m[2] !== undefined ? { value: m[2].replace(/''/g, "'") } : {}) };
}

export const resourceGroupLifecycleRoutes: ArmRoute[] = [
  {
    method: 'PUT',
    template: GROUP,
    resourceType: 'resourceGroups',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/write',
    handle(call) {
      const name = call.params.resourceGroupName!;
      if (!NAME.test(name) || name.endsWith('.')) return armErrors.invalidParameter(`Resource group name '${name}' is invalid: up to 90 letters, digits, '_', '-', '.', '(' or ')', not ending in '.'.`);
      const input = (call.body ?? {}) as { location?: unknown; tags?: unknown };
      if (typeof input.location !== 'string' || input.location === '') return armErrors.locationRequired();
      const tags = stringTags(input.tags);
      if (tags === undefined) return armErrors.invalidRequestContent('tags must be an object of string values');
      const existing = findResourceGroup(call.ctx.state, name);
      if (existing !== undefined) {
        if (existing.location.toLowerCase() !== input.location.toLowerCase()) {
          return armErrors.invalidParameter(`Invalid resource group location '${input.location}'. The Resource group already exists in location '${existing.location}'.`);
        }
        existing.tags = tags;
        return jsonResponse(200, groupBody(call, existing), call.baseHeaders);
      }
      const group = { name, location: input.location, tags };
      call.ctx.state.data.resourceGroups.push(group);
      return jsonResponse(201, groupBody(call, group), call.baseHeaders);
    },
  },
  {
    method: 'DELETE',
    template: GROUP,
    resourceType: 'resourceGroups',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/delete',
    handle(call) {
      const group = findResourceGroup(call.ctx.state, call.params.resourceGroupName!);
      if (group === undefined) return armErrors.resourceGroupNotFound(call.params.resourceGroupName!);
      // The group is gone for new requests at once; the operation reports completion on a later poll.
      deleteGroupContents(call.ctx.state, group.name, call.ctx.now());
      const op = startOperation(call.ctx.state, undefined);
      const location = `https://${call.req.host}/subscriptions/${call.ctx.state.data.subscriptionId}/operationresults/${op.id}?api-version=${call.apiVersion}`;
      return { status: 202, headers: { ...call.baseHeaders, location, 'retry-after': String(POLL_RETRY_AFTER_SECONDS) } };
    },
  },
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/operationresults/{operationId}',
    resourceType: 'resourceGroups',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle(call) {
      return answerPoll(call, () => ({ status: 200, headers: call.baseHeaders }));
    },
  },
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourcegroups',
    resourceType: 'resourceGroups',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle(call) {
      const filterText = call.req.url.searchParams.get('$filter');
      const filter = filterText === null ? undefined : parseTagFilter(filterText);
      if (filterText !== null && filter === undefined) return armErrors.invalidParameter(`The $filter '${filterText}' is not supported; use tagName eq '<name>' [and tagValue eq '<value>'].`);
      const groups = call.ctx.state.data.resourceGroups.filter((g) => {
        if (filter === undefined) return true;
        const entry = Object.entries(g.tags).find(([k]) => k.toLowerCase() === filter.name.toLowerCase());
        return entry !== undefined && (filter.value === undefined || entry[1] === filter.value);
      });
      return jsonResponse(200, { value: groups.map((g) => groupBody(call, g)) }, call.baseHeaders);
    },
  },
];
