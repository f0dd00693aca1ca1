// Checks an Azure Resource Manager id (or a role-assignment scope) segment by segment:
// /subscriptions/{id}[/resourceGroups/{rg}][/providers/{Namespace}/{type}/{name}[/{type}/{name}…]]…,
// or a tenant-level scope: "/" and /providers/{Namespace}[/{type}/{name}…] (management groups).
// Names may be placeholders; namespaces and resource types are checked against the ones the
// tutorials use, in their canonical casing.
import { editDistance } from '../parse/placeholders.ts';

interface TypeNode {
  readonly [type: string]: TypeNode;
}

// Resource types per namespace, nested as child types. Only namespaces the tutorials touch.
const NAMESPACES: Readonly<Record<string, TypeNode>> = {
  'Microsoft.Storage': {
    storageAccounts: {
      blobServices: { containers: {} },
      fileServices: { shares: {} },
      queueServices: { queues: {} },
      tableServices: { tables: {} },
    },
  },
  'Microsoft.Compute': { virtualMachines: { extensions: {} }, virtualMachineScaleSets: { virtualMachines: {} } },
  'Microsoft.ManagedIdentity': { userAssignedIdentities: { federatedIdentityCredentials: {} } },
  'Microsoft.Authorization': { roleAssignments: {}, roleDefinitions: {} },
  'Microsoft.KeyVault': { vaults: { secrets: {}, keys: {} } },
  'Microsoft.DataLakeStore': { accounts: {} },
  'Microsoft.Resources': { deployments: {} },
  'Microsoft.Management': { managementGroups: { subscriptions: {} } },
};

export interface IdProblem {
  /** Offset in the id where the problem starts. */
  offset: number;
  message: string;
  /** The namespace in another case, written wholly in lower case ("microsoft.keyvault"). */
  lowercaseNamespace?: boolean;
}

export interface IdCheck {
  problems: IdProblem[];
  /** The id with the fixable problems fixed (namespace case, a type name's typo, a missing child type). */
  suggestion: string;
}

function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return bestD <= 2 ? best : undefined;
}

export function checkResourceId(id: string): IdCheck {
  const problems: IdProblem[] = [];
  const segments = id.split('/');
  const fixed = [...segments];
  const offsetOf = (i: number): number => segments.slice(0, i).reduce((n, s) => n + s.length + 1, 0);
  // The root scope "/" and tenant-level ids ("/providers/Microsoft.Management/managementGroups/{id}",
  // "/providers/Microsoft.Insights") are scopes too: role assignments and resources exist there.
  if (id === '/') return { problems, suggestion: id };
  const tenantLevel = segments[0] === '' && segments[1]?.toLowerCase() === 'providers';
  if (!tenantLevel && (segments[0] !== '' || segments[1]?.toLowerCase() !== 'subscriptions')) {
    problems.push({ offset: 0, message: 'an ARM id starts with /subscriptions/{subscriptionId} (or is "/" or /providers/… at tenant or management-group level)' });
    return { problems, suggestion: id };
  }
  let i = tenantLevel ? 1 : 3;
  if (!tenantLevel && segments[i]?.toLowerCase() === 'resourcegroups') i += 2;
  while (i < segments.length) {
    if (segments[i] === '' && i === segments.length - 1) break; // trailing slash
    if (segments[i]?.toLowerCase() !== 'providers') {
      problems.push({ offset: offsetOf(i), message: `"${segments[i]}" stands where "providers" belongs` });
      break;
    }
    const ns = segments[i + 1] ?? '';
    const canonical = Object.keys(NAMESPACES).find((k) => k.toLowerCase() === ns.toLowerCase());
    if (canonical && canonical !== ns) {
      problems.push({
        offset: offsetOf(i + 1),
        message: `the provider namespace is written "${ns}"; Azure returns "${canonical}"`,
        ...(ns === ns.toLowerCase() ? { lowercaseNamespace: true } : {}),
      });
      fixed[i + 1] = canonical;
    }
    let node: TypeNode | undefined = canonical ? NAMESPACES[canonical] : undefined;
    let j = i + 2;
    const pairs: string[][] = [];
    while (j < segments.length && segments[j]?.toLowerCase() !== 'providers') {
      pairs.push(segments.slice(j, j + 2));
      j += 2;
    }
    let k = i + 2;
    for (const [type, name] of pairs) {
      if (type === undefined) break;
      if ((name === undefined || name === '') && k === i + 2 && j >= segments.length && !(node && Object.keys(node).some((t) => t.toLowerCase() === type.toLowerCase()))) {
        // "/subscriptions/{id}/providers/Microsoft.NotificationHubs/CheckNamespaceAvailability": one segment right
        // after the namespace that is not one of its resource types is a provider-level action, and ARM echoes that
        // path as the id of the action's response (the Notification Hubs REST spec's own example,
        // 2017-04-01/examples/Namespaces/NHNameSpaceCheckNameAvailability.json, returns exactly that id).
        break;
      }
      if (name === undefined || name === '') {
        // "blobServices/default/<CONTAINER NAME>": a name where a child type and name belong.
        const child = node ? Object.keys(node) : [];
        problems.push({
          offset: offsetOf(k),
          message:
            child.length === 1
              ? `"${type}" is a name without its resource type: under this parent the child type is "${child[0]}", so write ".../${child[0]}/${type}"`
              : `"${type}" is a name without its resource type (ARM ids alternate type/name after the namespace)`,
        });
        if (child.length === 1) fixed[k] = `${child[0]}/${type}`;
        break;
      }
      if (!node) {
        k += 2;
        continue;
      }
      const types = Object.keys(node);
      const exact = types.find((t) => t === type) ?? types.find((t) => t.toLowerCase() === type.toLowerCase());
      if (exact) node = node[exact];
      else {
        const near = closest(type, types);
        problems.push({
          offset: offsetOf(k),
          message: near
            ? `"${type}" is not a resource type of ${canonical}; did you mean "${near}"?`
            : `"${type}" is not a resource type here${types.length ? ` (expected ${types.join(' or ')})` : ''}`,
        });
        if (near) fixed[k] = near;
        node = near ? node[near] : undefined;
      }
      k += 2;
    }
    i = j;
  }
  return { problems, suggestion: fixed.join('/') };
}
