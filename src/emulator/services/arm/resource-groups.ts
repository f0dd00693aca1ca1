// Microsoft.Resources/resourceGroups: GET one group (the tutorials' "read the resource group" call,
// and the CLI's location lookup before `az identity create`), and the group's shape every answer uses.
import { jsonResponse } from '../../respond.ts';
import type { EmulatorState } from '../../state.ts';
import { findResourceGroup } from '../../state.ts';
import { armErrors } from './errors.ts';
import type { ArmRoute } from './route.ts';

type Group = EmulatorState['data']['resourceGroups'][number];

/** Groups whose delete is still running (realistic timing): they answer 'Deleting' and refuse writes. */
const deleting = new WeakMap<EmulatorState['data'], Set<string>>();

export function markGroupDeleting(state: EmulatorState, name: string, on: boolean): void {
  // Keyed by the live data, which a reset replaces: a reset ends every deletion in progress.
  let set = deleting.get(state.data);
  if (set === undefined) {
    set = new Set();
    deleting.set(state.data, set);
  }
  if (on) set.add(name.toLowerCase());
  else set.delete(name.toLowerCase());
}

export function isGroupDeleting(state: EmulatorState, name: string): boolean {
  return deleting.get(state.data)?.has(name.toLowerCase()) ?? false;
}

/** Canonical casing in `id` and `name`, whatever casing the URL used (azure-behavior.md §3.2); `tags` only when set. */
export function groupBody(state: EmulatorState, group: Group): Record<string, unknown> {
  return {
    id: `/subscriptions/${state.data.subscriptionId}/resourceGroups/${group.name}`,
    name: group.name,
    type: 'Microsoft.Resources/resourceGroups',
    location: group.location,
    ...(Object.keys(group.tags).length > 0 ? { tags: group.tags } : {}),
    properties: { provisioningState: isGroupDeleting(state, group.name) ? 'Deleting' : 'Succeeded' },
  };
}

export const resourceGroupRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}',
    resourceType: 'resourceGroups',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    handle({ ctx, params, baseHeaders }) {
      const group = findResourceGroup(ctx.state, params.resourceGroupName!);
      if (group === undefined) return armErrors.resourceGroupNotFound(params.resourceGroupName!);
      return jsonResponse(200, groupBody(ctx.state, group), baseHeaders);
    },
  },
];
