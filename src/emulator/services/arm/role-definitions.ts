// Microsoft.Authorization/roleDefinitions: the built-in roles by id, and the list filtered by role
// name that `az role assignment create --role Reader` uses to resolve the name.
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { queryPairs, queryValue } from '../../respond.ts';
import { builtInRoles, type RoleDefinition } from '../../roles.ts';
import { apiVersionAtLeast } from './api-versions.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmRoute } from './route.ts';

/** Built-in roles are tenant-wide; this date is only what ARM shows as their creation. */
const BUILT_IN_CREATED = '2015-02-02T21:55:09.8806423Z';

function definitionId(call: ArmCall, role: RoleDefinition): string {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(call.params.scope ?? '')?.[1];
  return `${sub !== undefined ? `/subscriptions/${sub}` : ''}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`;
}

export function roleDefinitionBody(call: ArmCall, role: RoleDefinition): Record<string, unknown> {
  const withData = apiVersionAtLeast(call.apiVersion, '2018-01-01');
  const permissions = {
    actions: role.actions,
    notActions: role.notActions,
    ...(withData ? { dataActions: role.dataActions, notDataActions: role.notDataActions } : {}),
  };
  return {
    properties: {
      roleName: role.roleName,
      type: 'BuiltInRole',
      description: role.description,
      assignableScopes: ['/'],
      permissions: [permissions],
      createdOn: BUILT_IN_CREATED,
      updatedOn: BUILT_IN_CREATED,
      createdBy: null,
      updatedBy: null,
    },
    id: definitionId(call, role),
    type: 'Microsoft.Authorization/roleDefinitions',
    name: role.id,
  };
}

export const roleDefinitionRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: '{*scope}/providers/Microsoft.Authorization/roleDefinitions/{roleDefinitionId}',
    resourceType: 'roleDefinitions',
    action: 'Microsoft.Authorization/roleDefinitions/read',
    scope: (p) => p.scope!,
    handle(call) {
      const role = builtInRoles().find((r) => r.id === call.params.roleDefinitionId!.toLowerCase());
      if (role === undefined) return armErrors.roleDefinitionNotFound(call.params.roleDefinitionId!);
      return jsonResponse(200, roleDefinitionBody(call, role), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: '{*scope}/providers/Microsoft.Authorization/roleDefinitions',
    resourceType: 'roleDefinitions',
    action: 'Microsoft.Authorization/roleDefinitions/read',
    scope: (p) => p.scope!,
    handle(call) {
      const filter = queryValue(queryPairs(call.req.rawTarget), '$filter');
      let roles: readonly RoleDefinition[] = builtInRoles();
      if (filter !== undefined) {
        const m = /^\s*roleName\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
        if (m === null) return notEmulatedResponse(`role definition $filter '${filter}' (only roleName eq '…' is modelled)`, call.req.requestId);
        const name = m[1]!.replace(/''/g, "'").toLowerCase();
        roles = builtInRoles().filter((r) => r.roleName.toLowerCase() === name);
      }
      return jsonResponse(200, { value: roles.map((r) => roleDefinitionBody(call, r)) }, call.baseHeaders);
    },
  },
];
