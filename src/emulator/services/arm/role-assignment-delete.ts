// Microsoft.Authorization/roleAssignments DELETE: answers 200 with the removed assignment, or 204
// when there was none (ARM's documented behaviour for this extension resource).
import { jsonResponse } from '../../respond.ts';
import { normaliseScope } from '../../rbac.ts';
import { findRole, roleDefinitionResourceId } from '../../roles.ts';
import type { ArmRoute } from './route.ts';

export const roleAssignmentDeleteRoutes: ArmRoute[] = [
  {
    method: 'DELETE',
    template: '{*scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}',
    resourceType: 'roleAssignments',
    action: 'Microsoft.Authorization/roleAssignments/delete',
    scope: (p) => p.scope!,
    handle(call) {
      const name = call.params.roleAssignmentName!.toLowerCase();
      const scope = normaliseScope(call.params.scope!);
      const list = call.ctx.state.data.roleAssignments;
      const found = list.find((a) => a.name?.toLowerCase() === name && normaliseScope(a.scope) === scope);
      if (found === undefined) return { status: 204, headers: call.baseHeaders };
      list.splice(list.indexOf(found), 1);
      const role = findRole(found.role);
      return jsonResponse(
        200,
        {
          properties: { roleDefinitionId: role !== undefined ? roleDefinitionResourceId(call.ctx.state.data.subscriptionId, role) : found.role, principalId: found.principalId, scope: found.scope },
          id: `${found.scope}/providers/Microsoft.Authorization/roleAssignments/${found.name}`,
          type: 'Microsoft.Authorization/roleAssignments',
          name: found.name,
        },
        call.baseHeaders,
      );
    },
  },
];
