// What `az role assignment create` and `list` share: az's resolution of --assignee to an object id
// (an object id is used as given; a client id printed by an earlier step resolves to its principal; a
// GUID is tried as an application id among service principal names; a sign-in name among users, any
// other name among service principal names), the scope check, the role's lookup by name, and an
// assignment printed as az prints it (properties flattened, `resourceGroup` added).
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import type { Observation } from '../observation.ts';
import { type ArmSession, armErrorText, callFailed, resourceGroupOf } from './arm.ts';
import { catalogRole } from '../../reference/rbac.ts';
import { notModelledBecause } from '../../emulator/roles.ts';
import { azError, failed } from './command.ts';

export const AUTHORIZATION_API_VERSION = '2022-04-01';
export const GRAPH = 'https://graph.microsoft.com';
export { GUID } from '../../guid.ts';
import { GUID } from '../../guid.ts';

/** Identities earlier az steps of this run printed: client id → principal (object) id. */
function knownClientIds(earlier: ReadonlyMap<string, Observation>): Map<string, string> {
  const map = new Map<string, string>();
  for (const obs of earlier.values()) {
    try {
      const printedJson = JSON.parse(obs.output?.stdout ?? '') as { clientId?: unknown; principalId?: unknown };
      if (typeof printedJson.clientId === 'string' && typeof printedJson.principalId === 'string') map.set(printedJson.clientId.toLowerCase(), printedJson.principalId);
    } catch {
      // not JSON output: nothing to learn
    }
  }
  return map;
}

/** Management group, tenant-root and provider scopes are not modelled by the emulator: the step says so. */
export function scopeNotEmulated(scope: string): StepOutcome | undefined {
  if (/^\/subscriptions\//i.test(scope)) return undefined;
  return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message: `role assignments at the scope ${scope} (outside a subscription) are not emulated` } });
}

/**
 * --role given by name → the role definition's id, looked up at `scope` as az does; or the step's
 * outcome: a real built-in role (the catalog) the emulator's role table lacks is not the page's fault
 * (unsupported), any other name is az's "Role '…' doesn't exist."
 */
export async function roleDefinitionIdByName(session: ArmSession, scope: string, role: string): Promise<{ id: string } | { failed: StepOutcome }> {
  const defs = await session.call('GET', `${scope}/providers/Microsoft.Authorization/roleDefinitions?$filter=roleName eq '${role}'&api-version=${AUTHORIZATION_API_VERSION}`);
  if (!defs.ok) return { failed: callFailed(session, defs) };
  const id = (defs.json as { value?: { id?: unknown }[] } | undefined)?.value?.[0]?.id;
  if (typeof id === 'string' && id !== '') return { id };
  const real = catalogRole(role);
  if (real !== undefined) {
    return { failed: outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message: `the built-in role '${role}' is not among the emulator's role definitions: ${notModelledBecause(real)}` } }) };
  }
  const message = `Role '${role}' doesn't exist.`;
  return { failed: failed(`ERROR: ${message}`, { exchanges: session.exchanges, error: { kind: 'az-usage', message } }) };
}

/** --assignee resolved to the principal's object id as az does, with a note when the runner stood in for Graph; or the step's outcome. */
export async function resolveAssignee(session: ArmSession, ctx: StepContext, assignee: string): Promise<{ principalId: string; resolution?: string } | { failed: StepOutcome }> {
  const viaClientId = knownClientIds(ctx.earlier).get(assignee.toLowerCase());
  if (viaClientId) {
    return { principalId: viaClientId, resolution: `--assignee ${assignee} is a client id; resolved to object id ${viaClientId} as az's Microsoft Graph lookup (servicePrincipalNames) would. The Graph call itself is not emulated.` };
  }
  if (GUID.test(assignee)) {
    // az tries a GUID as an application (client) id first: servicePrincipalNames holds the appId; else it is the object id.
    const bySpn = await session.callService('GET', `${GRAPH}/v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '${assignee}')`, GRAPH);
    const id = (bySpn.json as { value?: { id?: unknown }[] } | undefined)?.value?.[0]?.id;
    return { principalId: bySpn.ok && typeof id === 'string' ? id : assignee };
  }
  if (/^https?:\/\//i.test(assignee)) {
    // An app id URI such as https://vault.azure.net names a Microsoft first-party service principal,
    // present in every tenant on Azure but not in the emulator's directory.
    return { failed: outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message: `--assignee ${assignee} names a Microsoft first-party service principal; the emulator's directory has none` } }) };
  }
  // az's _resolve_object_id: a sign-in name (with @) among users, anything else among service principal names.
  const filter = assignee.includes('@') ? `users?$filter=userPrincipalName eq '${assignee}'` : `servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '${assignee}')`;
  const found = await session.callService('GET', `${GRAPH}/v1.0/${filter}`, GRAPH);
  const id = (found.json as { value?: { id?: unknown }[] } | undefined)?.value?.[0]?.id;
  const status = found.result.exchange.response?.status;
  if (status === 401 || status === 403) {
    // A reader signed in as a user reads the directory; the emulator's CLI sign-in is an application without Graph permissions.
    return { failed: outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message: `resolving --assignee ${assignee} through Microsoft Graph: the target's signed-in CLI principal may not read the directory (Graph answered ${status})` } }) };
  }
  if (!found.ok) return { failed: failed(armErrorText(found), { exchanges: session.exchanges, ...(found.result.error ? { error: found.result.error } : {}) }) };
  if (typeof id !== 'string') {
    // Not in the emulator's directory: whether az finds it on Azure (a user of the reader's tenant) is not known here.
    const message = `az resolves --assignee '${assignee}' (not an object id) through Microsoft Graph; the emulator's directory has no such principal (--assignee-object-id with the principal's object id runs here)`;
    return { failed: outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message } }) };
  }
  return { principalId: id };
}

/** An assignment as az prints it: the SDK's flattened model plus `resourceGroup` from the id. */
export function flattenAssignment(json: unknown): Record<string, unknown> {
  const { properties, ...rest } = json as Record<string, unknown>;
  const flat: Record<string, unknown> = { ...rest, ...(properties as Record<string, unknown> | undefined) };
  if (typeof flat.id === 'string') flat.resourceGroup = resourceGroupOf(flat.id);
  return flat;
}

/**
 * azure-cli role/custom.py _build_role_scope: --scope (with -g too is az's "redundant" error), the
 * group of -g, or the subscription; the scope, or az's error as the step's outcome.
 */
export function buildRoleScope(args: Readonly<Record<string, string>>, sub: string): { scope: string } | { failed: StepOutcome } {
  const rg = args['resource-group'];
  if (args.scope !== undefined) {
    if (rg !== undefined) return { failed: azError(`Resource group "${rg}" is redundant because scope is supplied`) };
    return { scope: args.scope };
  }
  return { scope: rg !== undefined ? `/subscriptions/${sub}/resourceGroups/${rg}` : `/subscriptions/${sub}` };
}
