// The built-in Azure roles the emulator models. Their definitions (GUID, name, description, actions,
// notActions, dataActions, notDataActions) are Azure's own, read from the generated catalog
// (src/reference/built-in-roles.json, see src/reference/role-catalog-source.ts), never copied here:
// a role's permissions decide every ARM and data-plane check, so they must be exactly Azure's. A
// real role outside this list is not among the emulator's role definitions: az role assignment
// create with it is `unsupported` (src/run/az/role-assignee.ts), never "doesn't exist".
import { catalogRole, type CatalogRole } from '../reference/rbac.ts';

/** A modelled role: a catalog role with Azure's description (every role `az role definition list` prints has one). */
export type RoleDefinition = CatalogRole & { description: string };

/** The roles the tutorials grant, and the data roles pages give the reader who creates an RBAC vault (az's default since 2.61.0). */
const MODELLED = [
  'Owner',
  'Contributor',
  'Reader',
  'Storage Blob Data Reader',
  'Storage Blob Data Contributor',
  'Storage Account Contributor',
  'Storage Account Key Operator Service Role',
  'Key Vault Secrets User',
  'Key Vault Reader',
  'Key Vault Secrets Officer',
  'Key Vault Administrator',
];

let modelled: readonly RoleDefinition[] | undefined;
/** The modelled roles, as the catalog defines them (read once, when the emulator first needs a role). */
export function builtInRoles(): readonly RoleDefinition[] {
  modelled ??= MODELLED.map((name) => {
    const role = catalogRole(name);
    // A conditional role (an ABAC condition, several permission blocks) cannot be evaluated as one list.
    if (role === undefined || role.conditional || role.description === undefined) throw new Error(`emulated role '${name}' is not an unconditional role of the built-in role catalog`);
    return { ...role, description: role.description };
  });
  return modelled;
}

/**
 * A modelled role by name ("Reader", any case, as ARM's roleName filter and az resolve it), by GUID,
 * or by a full role definition id (`/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>`).
 */
export function findRole(ref: string): RoleDefinition | undefined {
  const role = catalogRole(ref);
  return role === undefined ? undefined : builtInRoles().find((r) => r.id === role.id);
}

/** The ARM id of a role definition as seen from a subscription. */
export function roleDefinitionResourceId(subscriptionId: string, role: RoleDefinition): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`;
}
