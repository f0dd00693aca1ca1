// Microsoft.Resources/resourceGroups beyond GET: create/update with tags (PUT) and delete as a
// long-running operation (202 + Location + Retry-After) that removes everything inside the group,
// role assignments at or below it included. With realistic timing the group itself stays, in
// provisioning state 'Deleting', until the operation ends: recreating it meanwhile is Azure's 409
// ResourceGroupBeingDeleted. The live target's provisioning, teardown and sweep use these.
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup } from '../../state.ts';
import type { EmulatorState } from '../../state.ts';
import { armErrors } from './errors.ts';
import { recordDeletedVault } from './key-vaults.ts';
import { answerPoll, isInstant, retryAfter, startOperation } from './lro.ts';
import { groupBody, isGroupDeleting, markGroupDeleting } from './resource-groups.ts';
import type { ArmRoute } from './route.ts';

const GROUP = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}';
/** 1–90 characters: letters, digits, underscores, hyphens, periods and parentheses; not ending in a period. */
const NAME = /^[-\w.()]{1,90}$/;

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

/** Remove a group and what lives in it, as ARM's cascading delete does (`keepGroup`: the group record stays, 'Deleting'). */
export function deleteGroupContents(state: EmulatorState, name: string, now: Date, keepGroup = false): void {
  const d = state.data;
  const inGroup = (r: { resourceGroup: string }): boolean => r.resourceGroup.toLowerCase() === name.toLowerCase();
  const prefix = `/subscriptions/${d.subscriptionId}/resourcegroups/${name}`.toLowerCase();
  d.storageAccounts = d.storageAccounts.filter((a) => !inGroup(a));
  for (const v of d.keyVaults.filter(inGroup)) recordDeletedVault(state, v, now);
  d.keyVaults = d.keyVaults.filter((v) => !inGroup(v));
  d.dataLakeStores = d.dataLakeStores.filter((s) => !inGroup(s));
  if (d.webApps !== undefined) d.webApps = d.webApps.filter((w) => !inGroup(w));
  if (d.appServicePlans !== undefined) d.appServicePlans = d.appServicePlans.filter((p) => !inGroup(p));
  const removedIdentities = new Set(d.userAssignedIdentities.filter(inGroup).map((u) => u.name.toLowerCase()));
  d.userAssignedIdentities = d.userAssignedIdentities.filter((u) => !inGroup(u));
  d.vm.userAssigned = d.vm.userAssigned.filter((n) => !removedIdentities.has(n.toLowerCase()));
  d.roleAssignments = d.roleAssignments.filter((a) => {
    const scope = a.scope.toLowerCase().replace(/\/+$/, '');
    return scope !== prefix && !scope.startsWith(`${prefix}/`);
  });
  if (!keepGroup) d.resourceGroups = d.resourceGroups.filter((g) => g.name.toLowerCase() !== name.toLowerCase());
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
      if (existing !== undefined && isGroupDeleting(call.ctx.state, existing.name)) return armErrors.resourceGroupBeingDeleted(existing.name);
      if (existing !== undefined) {
        // ARM reads a location's display name as its name: "West Europe" is westeurope.
        if (existing.location.toLowerCase().replace(/\s+/g, '') !== input.location.toLowerCase().replace(/\s+/g, '')) {
          return armErrors.invalidParameter(`Invalid resource group location '${input.location}'. The Resource group already exists in location '${existing.location}'.`);
        }
        existing.tags = tags;
        return jsonResponse(200, groupBody(call.ctx.state, existing), call.baseHeaders);
      }
      const group = { name, location: input.location, tags };
      call.ctx.state.data.resourceGroups.push(group);
      return jsonResponse(201, groupBody(call.ctx.state, group), call.baseHeaders);
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
      const state = call.ctx.state;
      if (isGroupDeleting(state, group.name)) return armErrors.resourceGroupBeingDeleted(group.name);
      // Instant timing: the group is gone for new requests at once and the operation reports
      // completion on a later poll. Realistic timing: the group stays, 'Deleting', until it ends.
      const instant = isInstant(state);
      deleteGroupContents(state, group.name, call.ctx.now(), !instant);
      if (!instant) markGroupDeleting(state, group.name, true);
      const op = startOperation(state, call.ctx.now(), undefined, instant ? undefined : () => {
        markGroupDeleting(state, group.name, false);
        state.data.resourceGroups = state.data.resourceGroups.filter((g) => g !== group);
      });
      const location = `https://${call.req.host}/subscriptions/${state.data.subscriptionId}/operationresults/${op.id}?api-version=${call.apiVersion}`;
      return { status: 202, headers: { ...call.baseHeaders, location, 'retry-after': retryAfter(state) } };
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
];
