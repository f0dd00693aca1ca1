// `az role assignment list`, as azure-cli's role/custom.py list_role_assignments does it: the scope is
// --scope, the group of -g, or the subscription (none with --all); with a scope, the assignments list at
// that scope with $filter=atScope(), kept when their scope is exactly it (or above it with
// --include-inherited); without one, the subscription's list filtered by principalId (--assignee) or
// unfiltered. --role keeps one role definition id. Then az fills roleDefinitionName from the role
// definitions at the scope and principalName from Microsoft Graph (getByIds); a Graph failure leaves
// principalName out, as az does (it only logs it).
import { ArmSession, azJson, callFailed, callPrinted, type ArmCall } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { azError } from './command.ts';
import { AUTHORIZATION_API_VERSION, flattenAssignment, GRAPH, GUID, resolveAssignee, roleDefinitionIdByName, scopeNotEmulated } from './role-assignee.ts';

/** Every page of an ARM list (nextLink followed), or the failed call. */
export async function listAll(session: ArmSession, first: string): Promise<Record<string, unknown>[] | ArmCall> {
  const items: Record<string, unknown>[] = [];
  let next: string | undefined = first;
  while (next !== undefined) {
    const call = await session.call('GET', next);
    if (!call.ok) return call;
    const page = call.json as { value?: Record<string, unknown>[]; nextLink?: unknown } | undefined;
    items.push(...(page?.value ?? []));
    next = typeof page?.nextLink === 'string' ? page.nextLink.replace(/^https:\/\/[^/]+/i, '') : undefined;
  }
  return items;
}

/** az's _get_displayable_name of a directory object. */
function displayableName(o: { userPrincipalName?: unknown; servicePrincipalNames?: unknown; displayName?: unknown }): string {
  if (typeof o.userPrincipalName === 'string' && o.userPrincipalName) return o.userPrincipalName;
  if (Array.isArray(o.servicePrincipalNames) && typeof o.servicePrincipalNames[0] === 'string') return o.servicePrincipalNames[0];
  return typeof o.displayName === 'string' ? o.displayName : '';
}

export const roleAssignmentList: AzCommandModule = {
  path: ['role', 'assignment', 'list'],
  options: [
    { dest: 'assignee', names: ['--assignee'] },
    { dest: 'assignee-object-id', names: ['--assignee-object-id'] },
    { dest: 'role', names: ['--role'] },
    { dest: 'resource-group', names: ['--resource-group', '-g'] },
    { dest: 'scope', names: ['--scope'] },
    { dest: 'all', names: ['--all'], flag: true },
    { dest: 'include-inherited', names: ['--include-inherited'], flag: true },
    { dest: 'fill-role-definition-name', names: ['--fill-role-definition-name'] },
    { dest: 'fill-principal-name', names: ['--fill-principal-name'] },
  ],
  async run({ args, flags, ctx }) {
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const rg = args['resource-group'];
    let scope: string | undefined;
    if (flags.has('all')) {
      if (rg !== undefined || args.scope !== undefined) return azError('group or scope are not required when --all is used');
    } else if (args.scope !== undefined) {
      if (rg !== undefined) return azError(`Resource group "${rg}" is redundant because scope is supplied`);
      scope = args.scope;
    } else scope = rg !== undefined ? `/subscriptions/${sub}/resourceGroups/${rg}` : `/subscriptions/${sub}`;
    if (scope !== undefined) {
      const outside = scopeNotEmulated(scope);
      if (outside) return outside;
    }

    const session = new ArmSession(ctx);
    const assignee = args['assignee-object-id'] ?? args.assignee;
    let principalId: string | undefined;
    let resolution: string | undefined;
    if (assignee !== undefined) {
      if (args['assignee-object-id'] !== undefined) principalId = assignee;
      else {
        const resolved = await resolveAssignee(session, ctx, assignee);
        if ('failed' in resolved) return resolved.failed;
        ({ principalId, resolution } = resolved);
      }
    }

    const filter = scope !== undefined ? 'atScope()' : principalId !== undefined ? `principalId eq '${principalId}'` : undefined;
    const path = `${scope ?? `/subscriptions/${sub}`}/providers/Microsoft.Authorization/roleAssignments?${filter !== undefined ? `$filter=${filter}&` : ''}api-version=${AUTHORIZATION_API_VERSION}`;
    const listed = await listAll(session, path);
    if (!Array.isArray(listed)) return callFailed(session, listed);
    let results = listed.map(flattenAssignment);
    const lower = (v: unknown): string => String(v ?? '').toLowerCase();
    if (scope !== undefined) {
      const inherited = flags.has('include-inherited');
      results = results.filter((a) => lower(a.scope) === scope.toLowerCase() || (inherited && scope.toLowerCase().startsWith(lower(a.scope))));
    }
    const defsScope = scope ?? `/subscriptions/${sub}`;
    if (args.role !== undefined) {
      let roleId: string;
      if (/^\/subscriptions\/.+\/providers\/Microsoft\.Authorization\/roleDefinitions\//i.test(args.role)) roleId = args.role;
      else if (GUID.test(args.role)) roleId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${args.role}`;
      else {
        const found = await roleDefinitionIdByName(session, defsScope, args.role);
        if ('failed' in found) return found.failed;
        roleId = found.id;
      }
      results = results.filter((a) => lower(a.roleDefinitionId) === roleId.toLowerCase());
    }
    // Without --include-groups az filters the principal itself (the service cannot combine the filters).
    if (principalId !== undefined) results = results.filter((a) => lower(a.principalId) === principalId.toLowerCase());

    if ((args['fill-role-definition-name'] ?? 'true').toLowerCase() !== 'false') {
      const defs = await listAll(session, `${defsScope}/providers/Microsoft.Authorization/roleDefinitions?api-version=${AUTHORIZATION_API_VERSION}`);
      if (!Array.isArray(defs)) return callFailed(session, defs);
      const names = new Map(defs.map((d) => [String(d.id), (d.properties as { roleName?: unknown } | undefined)?.roleName]));
      for (const a of results) {
        const name = names.get(String(a.roleDefinitionId));
        if (typeof name === 'string') a.roleDefinitionName = name;
      }
    }
    const ids = [...new Set(results.map((a) => a.principalId).filter((p): p is string => typeof p === 'string' && p !== ''))];
    if ((args['fill-principal-name'] ?? 'true').toLowerCase() !== 'false' && ids.length > 0) {
      const got = await session.callService('POST', `${GRAPH}/v1.0/directoryObjects/getByIds`, GRAPH, { ids, types: ['user', 'group', 'servicePrincipal', 'directoryObjectPartnerReference'] });
      const objects = (got.json as { value?: Record<string, unknown>[] } | undefined)?.value;
      if (got.ok && Array.isArray(objects)) {
        const byId = new Map(objects.map((o) => [String(o.id), displayableName(o)]));
        for (const a of results) if (!a.principalName) a.principalName = byId.get(String(a.principalId)) ?? '';
      }
    }
    return callPrinted(session, azJson(results), resolution);
  },
};
