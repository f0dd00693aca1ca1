// `az role assignment create --assignee X --role R --scope S`. In az's order: resolve the assignee
// (an object id is used as given; a client id is resolved to its service principal's object id, as
// az's Microsoft Graph lookup by servicePrincipalNames would), resolve the role by name at the scope
// (GET roleDefinitions?$filter=roleName eq '…'), then PUT the assignment and print it flattened.
import { randomUUID } from 'node:crypto';
import { ArmSession, armErrorText, azJson, resourceGroupOf } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { failed, printed } from './command.ts';
import { outcome } from '../context.ts';
import { BUILT_IN_ROLES } from '../../lint/azure-facts.ts';
import type { Observation } from '../observation.ts';

export const AUTHORIZATION_API_VERSION = '2022-04-01';
const GRAPH = 'https://graph.microsoft.com';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

    let principalId = assignee;
    let resolution: string | undefined;
    const session = new ArmSession(ctx);
    // Management group, tenant-root and provider scopes are not modelled by the emulator.
    if (!/^\/subscriptions\//i.test(scope)) return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message: `role assignments at the scope ${scope} (outside a subscription) are not emulated` } });
    if (args['assignee-object-id'] === undefined) {
      const viaClientId = knownClientIds(ctx.earlier).get(assignee.toLowerCase());
      if (viaClientId) {
        principalId = viaClientId;
        resolution = `--assignee ${assignee} is a client id; resolved to object id ${viaClientId} as az's Microsoft Graph lookup (servicePrincipalNames) would. The Graph call itself is not emulated.`;
      } else if (GUID.test(assignee)) {
        // az tries a GUID as an application (client) id first: servicePrincipalNames holds the appId.
        const bySpn = await session.callService('GET', `${GRAPH}/v1.0/servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '${assignee}')`, GRAPH);
        const id = (bySpn.json as { value?: { id?: unknown }[] } | undefined)?.value?.[0]?.id;
        if (bySpn.ok && typeof id === 'string') principalId = id;
      } else {
        // az's _resolve_object_id: a sign-in name (with @) among users, anything else among service principal names.
        const filter = assignee.includes('@') ? `users?$filter=userPrincipalName eq '${assignee}'` : `servicePrincipals?$filter=servicePrincipalNames/any(c:c eq '${assignee}')`;
        if (/^https?:\/\//i.test(assignee)) {
          // An app id URI such as https://vault.azure.net names a Microsoft first-party service principal,
          // present in every tenant on Azure but not in the emulator's directory.
          return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message: `--assignee ${assignee} names a Microsoft first-party service principal; the emulator's directory has none` } });
        }
        const found = await session.callService('GET', `${GRAPH}/v1.0/${filter}`, GRAPH);
        const id = (found.json as { value?: { id?: unknown }[] } | undefined)?.value?.[0]?.id;
        const status = found.result.exchange.response?.status;
        if (status === 401 || status === 403) {
          // A reader signed in as a user reads the directory; the emulator's CLI sign-in is an application without Graph permissions.
          return outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message: `resolving --assignee ${assignee} through Microsoft Graph: the target's signed-in CLI principal may not read the directory (Graph answered ${status})` } });
        }
        if (!found.ok) return failed(armErrorText(found), { exchanges: session.exchanges, ...(found.result.error ? { error: found.result.error } : {}) });
        if (typeof id !== 'string') {
          // Not in the emulator's directory: whether az finds it on Azure (a user of the reader's tenant) is not known here.
          const message = `az resolves --assignee '${assignee}' (not an object id) through Microsoft Graph; the emulator's directory has no such principal (--assignee-object-id with the principal's object id runs here)`;
          return outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message } });
        }
        principalId = id;
      }
    }

    let roleDefinitionId: string;
    if (GUID.test(args.role ?? '')) {
      roleDefinitionId = `/subscriptions/${sub}/providers/Microsoft.Authorization/roleDefinitions/${args.role}`;
    } else {
      const filter = `roleName eq '${args.role ?? ''}'`;
      const defs = await session.call('GET', `${scope}/providers/Microsoft.Authorization/roleDefinitions?$filter=${filter}&api-version=${AUTHORIZATION_API_VERSION}`);
      if (!defs.ok) return failed(armErrorText(defs), { exchanges: session.exchanges, ...(defs.result.error ? { error: defs.result.error } : {}) });
      const found = (defs.json as { value?: { id?: string }[] } | undefined)?.value ?? [];
      if ((found.length === 0 || !found[0]?.id) && Object.keys(BUILT_IN_ROLES).some((r) => r.toLowerCase() === (args.role ?? '').toLowerCase())) {
        // A real built-in role the emulator's role table does not have: not the page's fault.
        return outcome({ engine: 'http', exchanges: session.exchanges, error: { kind: 'unsupported', unsupported: 'not-emulated', message: `the built-in role '${args.role ?? ''}' is not among the emulator's role definitions` } });
      }
      if (found.length === 0 || !found[0]?.id) {
        const message = `Role '${args.role ?? ''}' doesn't exist.`;
        return outcome({ engine: 'http', exchanges: session.exchanges, output: { stdout: '', stderr: `ERROR: ${message}\n`, exitCode: 1 }, error: { kind: 'az-usage', message } });
      }
      roleDefinitionId = found[0].id;
    }

    const properties: Record<string, string> = { roleDefinitionId, principalId };
    if (args['assignee-principal-type']) properties.principalType = args['assignee-principal-type'];
    const put = await session.call('PUT', `${scope}/providers/Microsoft.Authorization/roleAssignments/${randomUUID()}?api-version=${AUTHORIZATION_API_VERSION}`, { properties });
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return failed(armErrorText(put), { exchanges: session.exchanges, ...(put.result.error ? { error: put.result.error } : {}) });
    const { properties: props, ...rest } = put.json as Record<string, unknown>;
    const flat: Record<string, unknown> = { ...rest, ...(props as Record<string, unknown> | undefined) };
    if (typeof flat.id === 'string') flat.resourceGroup = resourceGroupOf(flat.id);
    const notes = [resolution, session.tokenNote].filter((n): n is string => n !== undefined);
    return printed(azJson(flat), { exchanges: session.exchanges, ...(notes.length > 0 ? { substitution: notes.join(' ') } : {}) });
  },
};
