// Microsoft.Resources/resourceGroups: GET one group (the tutorials' "read the resource group" call,
// and the CLI's location lookup before `az identity create`).
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup } from '../../state.ts';
import { armErrors } from './errors.ts';
import type { ArmRoute } from './route.ts';

export const resourceGroupRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}',
    resourceType: 'resourceGroups',
    action: 'Microsoft.Resources/subscriptions/resourceGroups/read',
    handle({ ctx, params, baseHeaders }) {
      const group = findResourceGroup(ctx.state, params.resourceGroupName!);
      if (group === undefined) return armErrors.resourceGroupNotFound(params.resourceGroupName!);
      // Canonical casing in `id` and `name`, whatever casing the URL used (azure-behavior.md §3.2); `tags` only when set.
      return jsonResponse(
        200,
        {
          id: `/subscriptions/${ctx.state.data.subscriptionId}/resourceGroups/${group.name}`,
          name: group.name,
          type: 'Microsoft.Resources/resourceGroups',
          location: group.location,
          ...(Object.keys(group.tags).length > 0 ? { tags: group.tags } : {}),
          properties: { provisioningState: 'Succeeded' },
        },
        baseHeaders,
      );
    },
  },
];
