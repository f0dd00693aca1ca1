// `az role assignment delete`, as azure-cli's role/custom.py delete_role_assignments does it
// (Azure/azure-cli 01ce0346a4b9e0c6e1f1ea1d0e746fb7bb401cb4): with --ids, DELETE each id; otherwise the
// scope is --scope, the group of -g, or the subscription (_build_role_scope); the assignments at that
// scope are listed with $filter=atScope() and kept when their scope is exactly it (or above it with
// --include-inherited), then by role (_resolve_role_id: a definition id, a GUID, or the name looked up
// with roleName eq) and by the assignee's object id; each is deleted by id; az prints nothing. None matched is az's
// "No matched assignments were found to delete" (exit status 1) — `unsupported` here, since the grant
// the page removes was made where the emulator did not see it.
import { ArmSession, callFailed, callPrinted, type ArmCall } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { outcome } from '../context.ts';
import { AUTHORIZATION_API_VERSION, buildRoleScope, flattenAssignment, GUID, resolveAssignee, roleDefinitionIdByName, scopeNotEmulated } from './role-assignee.ts';
import { listAll } from './role-assignment-list.ts';

export const roleAssignmentDelete: AzCommandModule = {
  path: ['role', 'assignment', 'delete'],
  options: [
    { dest: 'ids', names: ['--ids'] },
    { dest: 'assignee', names: ['--assignee'] },
    { dest: 'role', names: ['--role'] },
    { dest: 'resource-group', names: ['--resource-group', '-g'] },
    { dest: 'scope', names: ['--scope'] },
    { dest: 'include-inherited', names: ['--include-inherited'], flag: true },
    { dest: 'yes', names: ['--yes', '-y'], flag: true },
  ],
  async run({ args, flags, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const deleteById = async (id: string): Promise<ArmCall> => session.call('DELETE', `${id}?api-version=${AUTHORIZATION_API_VERSION}`);
    if (args.ids !== undefined) {
      for (const id of args.ids.split(/\s+/).filter(Boolean)) {
        const outside = scopeNotEmulated(id);
        if (outside) return outside;
        const del = await deleteById(id);
        if (!del.ok) return callFailed(session, del);
      }
      return callPrinted(session, '');
    }
    const rg = args['resource-group'];
    // Without any selector az asks "This will delete all role assignments under the subscription. Are you sure?" (default no).
    if (args.assignee === undefined && args.role === undefined && rg === undefined && args.scope === undefined && !flags.has('yes')) {
      return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'az-no-equivalent', message: "without --assignee, --role, --resource-group, --scope or --yes az asks 'This will delete all role assignments under the subscription. Are you sure?' on the terminal; this tool gives no answer to a prompt" } });
    }
    const built = buildRoleScope(args, sub);
    if ('failed' in built) return built.failed;
    const { scope } = built;
    const outside = scopeNotEmulated(scope);
    if (outside) return outside;

    let principalId: string | undefined;
    let resolution: string | undefined;
    if (args.assignee !== undefined) {
      const resolved = await resolveAssignee(session, ctx, args.assignee);
      if ('failed' in resolved) return resolved.failed;
      ({ principalId, resolution } = resolved);
    }
    const listed = await listAll(session, `${scope}/providers/Microsoft.Authorization/roleAssignments?$filter=atScope()&api-version=${AUTHORIZATION_API_VERSION}`);
    if (!Array.isArray(listed)) return callFailed(session, listed);
    const lower = (v: unknown): string => String(v ?? '').toLowerCase();
    const inherited = flags.has('include-inherited');
    let found = listed.map(flattenAssignment).filter((a) => lower(a.scope) === scope.toLowerCase() || (inherited && scope.toLowerCase().startsWith(lower(a.scope))));
    if (found.length > 0 && args.role !== undefined) {
      let roleId: string;
      if (/^\/subscriptions\/.+\/providers\/Microsoft\.Authorization\/roleDefinitions\//i.test(args.role)) roleId = args.role;
      else if (GUID.test(args.role)) roleId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${args.role}`;
      else {
        const role = await roleDefinitionIdByName(session, scope, args.role);
        if ('failed' in role) return role.failed;
        roleId = role.id;
      }
      // az compares the ids as strings (case kept).
      found = found.filter((a) => a.roleDefinitionId === roleId);
    }
    if (principalId !== undefined) found = found.filter((a) => a.principalId === principalId);
    if (found.length === 0) {
      // A role the emulator does not hold could never have been granted here: that, not the page, is why nothing matched.
      if (args.role !== undefined && !GUID.test(args.role) && !args.role.includes('/')) {
        const role = await roleDefinitionIdByName(session, scope, args.role);
        if ('failed' in role && role.failed.error?.kind === 'unsupported') return role.failed;
      }
      // What the page removes was granted in its world — by an earlier step that did not run or failed
      // here, in the portal, by someone else — and the emulator holds no such grant: az's answer here
      // says nothing about the page.
      return outcome({
        engine: 'http',
        exchanges: session.exchanges,
        output: { stdout: '', stderr: 'ERROR: No matched assignments were found to delete\n', exitCode: 1 },
        error: { kind: 'unsupported', unsupported: 'not-emulated', message: `no role assignment at ${scope} matches (az: "No matched assignments were found to delete"); the assignment the page removes is not one the emulator holds (it was granted outside what ran here), so this removal is not judged` },
      });
    }
    for (const a of found) {
      const del = await deleteById(String(a.id));
      if (!del.ok) return callFailed(session, del);
    }
    return callPrinted(session, '', resolution);
  },
};
