// `az role assignment create --assignee X --role R --scope S`. In az's order: resolve the assignee
// (an object id is used as given; a client id is resolved to its service principal's object id, as
// az's Microsoft Graph lookup by servicePrincipalNames would), resolve the role by name at the scope
// (GET roleDefinitions?$filter=roleName eq '…'), then PUT the assignment and print it flattened.
import { randomUUID } from 'node:crypto';
import { ArmSession, armErrorText, azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { failed, printed } from './command.ts';
import { outcome } from '../context.ts';
import { AUTHORIZATION_API_VERSION, flattenAssignment, GUID, resolveAssignee, roleDefinitionIdByName, scopeNotEmulated } from './role-assignee.ts';


export const roleAssignmentCreate: AzCommandModule = {
  path: ['role', 'assignment', 'create'],
  options: [
    { dest: 'assignee', names: ['--assignee'] },
    { dest: 'assignee-object-id', names: ['--assignee-object-id'] },
    { dest: 'assignee-principal-type', names: ['--assignee-principal-type'] },
    { dest: 'role', names: ['--role'], required: true },
    { dest: 'scope', names: ['--scope'] },
    { dest: 'description', names: ['--description'] },
  ],
  async run({ args, ctx }) {
    const assignee = args['assignee-object-id'] ?? args.assignee;
    if (assignee === undefined) return outcome({ engine: 'http', output: { stdout: '', stderr: 'ERROR: usage error: --assignee STRING | --assignee-object-id GUID\n', exitCode: 2 }, error: { kind: 'az-usage', message: 'usage error: --assignee STRING | --assignee-object-id GUID' } });
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    // --scope is required (az ≥ 2.54 removed --resource-group: Azure/azure-cli PR #27651); the table makes az's check.
    const scope = args.scope ?? `/subscriptions/${sub}`;

    const session = new ArmSession(ctx);
    const outside = scopeNotEmulated(scope);
    if (outside) return outside;
    let principalId = assignee;
    let resolution: string | undefined;
    if (args['assignee-object-id'] === undefined) {
      const resolved = await resolveAssignee(session, ctx, assignee);
      if ('failed' in resolved) return resolved.failed;
      ({ principalId, resolution } = resolved);
    }

    let roleDefinitionId: string;
    if (GUID.test(args.role ?? '')) {
      roleDefinitionId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${args.role}`;
    } else {
      const found = await roleDefinitionIdByName(session, scope, args.role ?? '');
      if ('failed' in found) return found.failed;
      roleDefinitionId = found.id;
    }

    const properties: Record<string, string> = { roleDefinitionId, principalId };
    if (args['assignee-principal-type']) properties.principalType = args['assignee-principal-type'];
    const put = await session.call('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/${randomUUID()}?api-version=${AUTHORIZATION_API_VERSION}`, { properties });
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return failed(armErrorText(put), { exchanges: session.exchanges, ...(put.result.error ? { error: put.result.error } : {}) });
    const flat = flattenAssignment(put.json);
    const notes = [resolution, session.tokenNote].filter((n): n is string => n !== undefined);
    return printed(azJson(flat), { exchanges: session.exchanges, ...(notes.length > 0 ? { substitution: notes.join(' ') } : {}) });
  },
};
