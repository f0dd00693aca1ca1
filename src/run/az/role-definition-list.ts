// `az role definition list`, as azure-cli's role/custom.py list_role_definitions and
// _search_role_definitions do it (Azure/azure-cli 01ce0346a4b9e0c6e1f1ea1d0e746fb7bb401cb4): the scope
// is --scope, the group of -g, or the subscription; one GET of the role definitions at that scope
// (no $filter), kept by --name (the definition's name or its roleName, exactly) and by
// --custom-role-only (roleType CustomRole). Printed flattened as az prints RoleDefinition
// (properties.type is roleType).
//
// The emulator holds Azure's built-in roles as the generated catalog lists them and no custom role
// (role definition create is not modelled), so only a look-up by name of a role it holds is judged; a
// full list (a subscription's custom roles are in it, and the catalog may lag Azure's newest roles),
// or a name it does not hold (a conditional or retired built-in role, or a custom role the page may
// have created), is `unsupported`.
import { catalogRole } from '../../reference/rbac.ts';
import { notModelledBecause } from '../../emulator/roles.ts';
import { ArmSession, azJson, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { outcome, type StepOutcome } from '../context.ts';
import { AUTHORIZATION_API_VERSION, buildRoleScope } from './role-assignee.ts';
import { listAll } from './role-assignment-list.ts';

/** A RoleDefinition as az prints it: properties lifted, their `type` (BuiltInRole/CustomRole) as roleType. */
export function flattenDefinition(json: Record<string, unknown>): Record<string, unknown> {
  const { properties, ...rest } = json;
  const { type: roleType, ...props } = (properties ?? {}) as Record<string, unknown>;
  return { ...rest, ...props, roleType };
}

export const roleDefinitionList: AzCommandModule = {
  path: ['role', 'definition', 'list'],
  options: [
    { dest: 'name', names: ['--name', '-n'] },
    { dest: 'resource-group', names: ['--resource-group', '-g'] },
    { dest: 'scope', names: ['--scope'] },
    { dest: 'custom-role-only', names: ['--custom-role-only'] },
  ],
  async run({ args, flags, ctx }) {
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const built = buildRoleScope(args, sub);
    if ('failed' in built) return built.failed;
    const { scope } = built;
    const notJudged = (message: string, exchanges: StepOutcome['exchanges'] = []): StepOutcome => outcome({ engine: 'http', exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message } });
    if (!/^\/subscriptions\//i.test(scope)) return notJudged(`role definitions at the scope ${scope} (outside a subscription) are not emulated`);
    const name = args.name;
    if (name === undefined || name === '') return notJudged("the emulator holds Azure's built-in roles as its generated catalog lists them and no custom role, so a list of every role definition (custom roles included, and roles newer than the catalog) is not judged");

    const session = new ArmSession(ctx);
    const listed = await listAll(session, `${scope}/providers/Microsoft.Authorization/roleDefinitions?api-version=${AUTHORIZATION_API_VERSION}`);
    if (!Array.isArray(listed)) return callFailed(session, listed);
    const customOnly = flags.has('custom-role-only') || ['true', 'yes', 'y', 't', '1'].includes((args['custom-role-only'] ?? '').toLowerCase());
    let roles = listed.map(flattenDefinition).filter((r) => r.name === name || r.roleName === name);
    if (customOnly) roles = roles.filter((r) => r.roleType === 'CustomRole');
    if (roles.length === 0 && !customOnly) {
      const builtIn = catalogRole(name);
      const why = builtIn !== undefined ? `the built-in role '${builtIn.roleName}' is not among the emulator's role definitions: ${notModelledBecause(builtIn)}` : `custom role definitions are not emulated (az role definition create does not run here), so whether '${name}' exists is not judged`;
      return notJudged(why, session.exchanges);
    }
    if (roles.length === 0) return notJudged(`custom role definitions are not emulated, so whether a custom role '${name}' exists is not judged`, session.exchanges);
    return callPrinted(session, azJson(roles));
  },
};
