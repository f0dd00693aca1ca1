// Microsoft.Authorization/roleAssignments: PUT (az role assignment create) and GET by name. The
// principal must exist in the directory unless the caller states its principalType (the documented
// way around replication delay); 2015-07-01 answers 201 only and knows no principalType.
import { jsonResponse } from '../../respond.ts';
import { findRole, notModelledBecause, roleDefinitionResourceId } from '../../roles.ts';
import { catalogRole } from '../../../reference/rbac.ts';
import { notEmulatedResponse } from '../../router.ts';
import { findPrincipal } from '../../state.ts';
import { checkScopeExists } from './scopes.ts';
import { normaliseScope, recordNewAssignment } from '../../rbac.ts';
import type { Scenario } from '../../scenario.ts';
import { apiVersionAtLeast } from './api-versions.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmRoute } from './route.ts';
import { GUID } from '../../../guid.ts';

type Assignment = Scenario['roleAssignments'][number];

const timestamps = new WeakMap<Assignment, { createdOn: string; updatedOn: string; createdBy: string }>();

/** The assignment as PUT, GET and the lists return it, shaped by the api-version. */
export function roleAssignmentBody(call: ArmCall, a: Assignment): Record<string, unknown> {
  const role = findRole(a.role);
  const roleDefinitionId = role !== undefined ? roleDefinitionResourceId(call.ctx.state.data.subscriptionId, role) : a.role;
  const v = call.apiVersion;
  const t = timestamps.get(a);
  const properties: Record<string, unknown> = { roleDefinitionId, principalId: a.principalId };
  if (apiVersionAtLeast(v, '2018-09-01')) properties.principalType = a.principalType ?? findPrincipal(call.ctx.state, a.principalId)?.principalType ?? 'ServicePrincipal';
  properties.scope = a.scope;
  if (apiVersionAtLeast(v, '2020-04-01')) {
    Object.assign(properties, {
      condition: null,
      conditionVersion: null,
      createdOn: t?.createdOn ?? null,
      updatedOn: t?.updatedOn ?? null,
      createdBy: t?.createdBy ?? null,
      updatedBy: t?.createdBy ?? null,
      delegatedManagedIdentityResourceId: null,
      description: null,
    });
  }
  return { properties, id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.name}`, type: 'Microsoft.Authorization/roleAssignments', name: a.name };
}

export const roleAssignmentRoutes: ArmRoute[] = [
  {
    method: 'PUT',
    template: '{*scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}',
    resourceType: 'roleAssignments',
    action: 'Microsoft.Authorization/roleAssignments/write',
    scope: (p) => p.scope!,
    handle(call) {
      const scope = call.params.scope!;
      const name = call.params.roleAssignmentName!;
      const missing = checkScopeExists(call, scope);
      if (missing !== undefined) return missing;
      if (!GUID.test(name)) return armErrors.invalidRoleAssignmentId(name);
      const props = ((call.body ?? {}) as { properties?: { roleDefinitionId?: unknown; principalId?: unknown; principalType?: unknown } }).properties ?? {};
      if (typeof props.principalId !== 'string' || !GUID.test(props.principalId)) return armErrors.invalidPrincipalId();
      const roleRef = typeof props.roleDefinitionId === 'string' ? props.roleDefinitionId : '';
      const role = GUID.test(roleRef.split('/').pop() ?? '') ? findRole(roleRef) : undefined;
      if (role === undefined) {
        // A real built-in role the emulator does not model exists on Azure: say so, never "does not exist".
        const real = GUID.test(roleRef.split('/').pop() ?? '') ? catalogRole(roleRef) : undefined;
        if (real !== undefined) return notEmulatedResponse(`the built-in role '${real.roleName}' (${real.id}) is not among the emulator's role definitions: ${notModelledBecause(real)}`, call.req.requestId);
        return armErrors.roleDefinitionDoesNotExist(roleRef.split('/').pop() ?? roleRef);
      }
      const typeGiven = apiVersionAtLeast(call.apiVersion, '2018-09-01') && typeof props.principalType === 'string';
      const principal = findPrincipal(call.ctx.state, props.principalId);
      if (principal === undefined && !typeGiven) return armErrors.principalNotFound(props.principalId, call.ctx.state.data.tenantId);
      const assignments = call.ctx.state.data.roleAssignments;
      const same = assignments.find((a) => a.name?.toLowerCase() === name.toLowerCase());
      const duplicate = assignments.find(
        (a) => a !== same && a.principalId.toLowerCase() === props.principalId!.toString().toLowerCase() && findRole(a.role)?.id === role.id && normaliseScope(a.scope) === normaliseScope(scope),
      );
      if (duplicate !== undefined) return armErrors.roleAssignmentExists();
      const now = call.ctx.now().toISOString();
      const principalType = typeGiven ? (props.principalType as Assignment['principalType']) : principal?.principalType;
      const record: Assignment = { principalId: props.principalId, role: role.id, scope, name: name.toLowerCase(), ...(principalType !== undefined ? { principalType } : {}) };
      if (same !== undefined) assignments.splice(assignments.indexOf(same), 1, record);
      else assignments.push(record);
      // With realistic timing a new grant applies only after the propagation delay.
      recordNewAssignment(call.ctx.state, record, call.ctx.now());
      timestamps.set(record, { createdOn: now, updatedOn: now, createdBy: call.caller.oid });
      // 2015-07-01 defines 201 only; later versions answer 200 when the assignment already existed.
      const status = same !== undefined && apiVersionAtLeast(call.apiVersion, '2018-01-01') ? 200 : 201;
      return jsonResponse(status, roleAssignmentBody(call, record), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: '{*scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}',
    resourceType: 'roleAssignments',
    action: 'Microsoft.Authorization/roleAssignments/read',
    scope: (p) => p.scope!,
    handle(call) {
      const name = call.params.roleAssignmentName!.toLowerCase();
      const found = call.ctx.state.data.roleAssignments.find((a) => a.name?.toLowerCase() === name && normaliseScope(a.scope) === normaliseScope(call.params.scope!));
      if (found === undefined) return armErrors.roleAssignmentNotFound(call.params.roleAssignmentName!);
      return jsonResponse(200, roleAssignmentBody(call, found), call.baseHeaders);
    },
  },
];

