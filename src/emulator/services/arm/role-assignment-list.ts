// Microsoft.Authorization/roleAssignments lists (RoleAssignments_ListForScope and its subscription,
// group and resource forms, azure-rest-api-specs authorization 2022-04-01): `az role assignment
// list` and the CLI's look-up after a 409. Without a filter: assignments at, above and below the
// scope; `atScope()`: at or above; `principalId eq '…'` / `assignedTo('…')`: the principal's at,
// above and below (groups are not modelled, so both mean the principal's own). Assignments below
// the scope show only where the caller may read them.
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { scopeIncludes } from '../../rbac.ts';
import type { ArmCall, ArmResult, ArmRoute } from './route.ts';
import { roleAssignmentBody } from './role-assignments.ts';

interface Filter {
  atScope: boolean;
  principalId?: string;
}

function parseFilter(text: string | null): Filter | undefined {
  if (text === null || text.trim() === '') return { atScope: false };
  const out: Filter = { atScope: false };
  for (const clause of text.split(/\s+and\s+/i)) {
    const c = clause.trim();
    if (/^atScope\(\)$/i.test(c)) {
      out.atScope = true;
      continue;
    }
    const m = /^principalId\s+eq\s+'([0-9a-f-]{36})'$/i.exec(c) ?? /^assignedTo\('([0-9a-f-]{36})'\)$/i.exec(c);
    if (m === null || out.principalId !== undefined) return undefined;
    out.principalId = m[1]!;
  }
  return out;
}

function list(call: ArmCall): ArmResult {
  const filterText = call.req.url.searchParams.get('$filter');
  const filter = parseFilter(filterText);
  if (filter === undefined) return notEmulatedResponse(`role assignment $filter '${filterText}' (atScope(), principalId eq and assignedTo are modelled)`, call.req.requestId);
  const scope = call.params.scope!;
  const value = call.ctx.state.data.roleAssignments
    .filter((a) => {
      if (filter.principalId !== undefined && a.principalId.toLowerCase() !== filter.principalId.toLowerCase()) return false;
      const above = scopeIncludes(a.scope, scope);
      if (above) return true;
      const below = scopeIncludes(scope, a.scope);
      return below && !filter.atScope && call.allowedAt(a.scope);
    })
    .map((a) => roleAssignmentBody(call, a));
  return jsonResponse(200, { value }, call.baseHeaders);
}

export const roleAssignmentListRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: '{*scope}/providers/Microsoft.Authorization/roleAssignments',
    resourceType: 'roleAssignments',
    action: 'Microsoft.Authorization/roleAssignments/read',
    scope: (p) => p.scope!,
    handle: list,
  },
];
