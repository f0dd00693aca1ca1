// The built-in Azure roles the emulator models: every role of the generated catalog
// (src/reference/built-in-roles.json, see src/reference/role-catalog-source.ts) whose permissions can
// be evaluated as one list, with Azure's own GUID, name, description, actions, notActions,
// dataActions and notDataActions, never copied here: a role's permissions decide every ARM and
// data-plane check, so they must be exactly Azure's. Left out, and so `unsupported` when a page uses
// them (az role assignment create, src/run/az/role-assignee.ts; a PUT with their id), never "doesn't
// exist": a conditional role (an ABAC condition such as Key Vault Data Access Administrator's, or
// several permission blocks), a role without the description Azure lists it with, and a role whose
// service is retired (Azure removed the definition). A grant of any catalog role the page states is
// still seeded and evaluated by its catalog definition (rbac.ts).
import { roleCatalog, catalogRole, type CatalogRole } from '../reference/rbac.ts';

/** A modelled role: a catalog role with Azure's description (every role `az role definition list` prints has one). */
export type RoleDefinition = CatalogRole & { description: string };

const modelledRole = (r: CatalogRole): r is RoleDefinition => !r.conditional && r.description !== undefined && r.retired?.status !== 'retired';

let modelled: readonly RoleDefinition[] | undefined;
/** The modelled roles, as the catalog defines them (read once, when the emulator first needs a role). */
export function builtInRoles(): readonly RoleDefinition[] {
  modelled ??= roleCatalog().roles.filter(modelledRole);
  return modelled;
}

/** Why a catalog role is not among the emulator's definitions, for the `unsupported` message that says so. */
export function notModelledBecause(role: CatalogRole): string {
  if (role.conditional) return 'it carries an ABAC condition (or several permission blocks) the emulator does not evaluate';
  if (role.retired?.status === 'retired') return `its service is retired (${role.retired.wording})`;
  return 'az role definition list does not list it with a description';
}

let byId: Map<string, RoleDefinition> | undefined;
/**
 * A modelled role by name ("Reader", any case, as ARM's roleName filter and az resolve it), by GUID,
 * or by a full role definition id (`/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>`).
 */
export function findRole(ref: string): RoleDefinition | undefined {
  const role = catalogRole(ref);
  byId ??= new Map(builtInRoles().map((r) => [r.id, r] as const));
  return role === undefined ? undefined : byId.get(role.id);
}

/** The ARM id of a role definition as seen from a subscription. */
export function roleDefinitionResourceId(subscriptionId: string, role: RoleDefinition): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`;
}
