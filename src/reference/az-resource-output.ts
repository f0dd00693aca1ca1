// What an az command prints when its result is the SDK model of a Resource Manager resource, as a
// schema: the resource's answer in the vendored REST specs (spec-schemas.ts) reshaped the way az
// reshapes it. The Azure CLI prints a command's result through azure-cli-core's todict
// (Azure/azure-cli src/azure-cli-core/azure/cli/core/util.py): every attribute of the SDK model, its
// Python name turned back to camelCase (to_camel_case). The SDK models are generated from the same
// specs: a property marked x-ms-client-flatten has its own properties lifted into the model (so az
// prints a storage account's primaryEndpoints at the top, where the REST answer has
// properties.primaryEndpoints), and x-ms-client-name renames one (supportsHttpsTrafficOnly is the
// SDK's enable_https_traffic_only, printed enableHttpsTrafficOnly). A property without the mark stays
// where the REST answer has it (a resource group's properties.provisioningState, a vault's
// properties.vaultUri). The CLI also adds resourceGroup next to every id it prints (the resource-group
// transform of results, Azure/azure-cli src/azure/cli/extensions/transform.py, now in azure-cli-core).
import type { SchemaNode, SpecOperation } from './spec-schemas-source.ts';
import { collectNames, resolve, resourceOperations, type SchemaView } from './spec-schemas.ts';

interface AzResourceCommand {
  /** The az command path. */
  path: string;
  resourceType: string;
  /** The command prints a list of the resources. */
  list?: true;
  /** Keys the command adds to (or renames in) the model, with where az does it. */
  adds?: { keys: readonly string[]; when?: string; source: string };
}

const WEBAPP_ADDS = {
  keys: ['appServicePlanId', 'ftpPublishingUrl'],
  source: 'azure-cli appservice/custom.py: show_webapp renames serverFarmId to appServicePlanId (_rename_server_farm_props) and adds ftpPublishingUrl',
};
const VM_DETAILS = {
  keys: ['powerState', 'publicIps', 'fqdns', 'privateIps', 'macAddresses'],
  when: '--show-details',
  source: 'azure-cli vm/custom.py: get_vm_details / list_vm with show_details add the instance view power state and the NICs\' addresses',
};
const ROLE_NAMES = {
  keys: ['principalName', 'roleDefinitionName'],
  source: 'azure-cli role/custom.py list_role_assignments: adds the role\'s and the principal\'s names to each assignment',
};

/** The commands whose result is the resource's SDK model (azure-cli command modules, each returning what the SDK call returns). */
const COMMANDS: readonly AzResourceCommand[] = [
  ...['create', 'show', 'update'].map((v) => ({ path: `group ${v}`, resourceType: 'Microsoft.Resources/resourceGroups' })),
  { path: 'group list', resourceType: 'Microsoft.Resources/resourceGroups', list: true },
  ...['create', 'show'].map((v) => ({ path: `identity ${v}`, resourceType: 'Microsoft.ManagedIdentity/userAssignedIdentities' })),
  { path: 'identity list', resourceType: 'Microsoft.ManagedIdentity/userAssignedIdentities', list: true },
  ...['create', 'show', 'update'].map((v) => ({ path: `storage account ${v}`, resourceType: 'Microsoft.Storage/storageAccounts' })),
  { path: 'storage account list', resourceType: 'Microsoft.Storage/storageAccounts', list: true },
  ...['create', 'show', 'update'].map((v) => ({ path: `keyvault ${v}`, resourceType: 'Microsoft.KeyVault/vaults' })),
  { path: 'vm show', resourceType: 'Microsoft.Compute/virtualMachines', adds: VM_DETAILS },
  { path: 'vm list', resourceType: 'Microsoft.Compute/virtualMachines', list: true, adds: VM_DETAILS },
  ...['appservice plan', 'functionapp plan'].flatMap((g) => [
    ...['create', 'show', 'update'].map((v) => ({ path: `${g} ${v}`, resourceType: 'Microsoft.Web/serverfarms' })),
    { path: `${g} list`, resourceType: 'Microsoft.Web/serverfarms', list: true as const },
  ]),
  ...['webapp', 'functionapp'].flatMap((g) => [
    { path: `${g} show`, resourceType: 'Microsoft.Web/sites', adds: WEBAPP_ADDS },
    { path: `${g} list`, resourceType: 'Microsoft.Web/sites', list: true as const, adds: WEBAPP_ADDS },
  ]),
  { path: 'role assignment create', resourceType: 'Microsoft.Authorization/roleAssignments' },
  { path: 'role assignment list', resourceType: 'Microsoft.Authorization/roleAssignments', list: true, adds: ROLE_NAMES },
  { path: 'role definition create', resourceType: 'Microsoft.Authorization/roleDefinitions' },
  { path: 'role definition list', resourceType: 'Microsoft.Authorization/roleDefinitions', list: true },
];

/** autorest's Python name of a property, back through to_camel_case: IPAddressOrRange → ipAddressOrRange. */
export function azKeyOf(name: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return name;
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  return snake.split('_').map((p, i) => (i === 0 ? p : p.charAt(0).toUpperCase() + p.slice(1))).join('');
}

/** An object node of az's output, with what az did to the REST shape there. */
export interface AzNodeFacts {
  /** Properties az lifted into this object (x-ms-client-flatten), by their REST name. */
  flattened: string[];
}
const facts = new WeakMap<SchemaNode, AzNodeFacts>();
export const azNodeFacts = (node: SchemaNode): AzNodeFacts | undefined => facts.get(node);

/**
 * The REST schema reshaped as az prints it. Each definition is reshaped once (memoised by its ref);
 * a definition that contains itself keeps its REST shape below the first level.
 */
function reshaper(known: Set<string>): (node: SchemaNode) => SchemaNode {
  const done = new Map<string, SchemaNode>();
  const reshape = (node: SchemaNode): SchemaNode => {
    if (node.ref) {
      const hit = done.get(node.ref);
      if (hit) return hit;
      const target = resolve(node);
      if (!target) return node;
      const out: SchemaNode = {};
      done.set(node.ref, out);
      const inline = reshapeInline(target);
      Object.assign(out, inline);
      const f = facts.get(inline);
      if (f) facts.set(out, f);
      return out;
    }
    return reshapeInline(node);
  };
  const reshapeInline = (n: SchemaNode): SchemaNode => {
    const { properties, items, map, ref: _ref, ...rest } = n;
    const out: SchemaNode = { ...rest };
    if (items) out.items = reshape(items);
    if (map) out.map = reshape(map);
    if (properties) {
      const props: Record<string, SchemaNode> = {};
      const flattened: string[] = [];
      for (const [name, sub] of Object.entries(properties)) {
        known.add(name);
        const target = sub.flatten ? resolve(sub) : undefined;
        if (target?.properties && !target.polymorphic) {
          flattened.push(name);
          const lifted = reshape(sub);
          for (const [k, v] of Object.entries(lifted.properties ?? {})) if (!(k in props)) props[k] = v;
          continue;
        }
        const key = azKeyOf(sub.clientName ?? name);
        known.add(key);
        props[key] = reshape(sub);
      }
      if ('id' in props && !('resourceGroup' in props)) props.resourceGroup = { type: 'string' };
      out.properties = props;
      facts.set(out, { flattened });
    }
    return out;
  };
  return reshape;
}

export interface AzPrintedResource {
  command: string;
  list: boolean;
  /** The az-shaped schema of one resource (an object node). */
  item: SchemaNode;
  /** A view for checkAgainstSchema: the printed value's schema (a list of items for a list command). */
  view: SchemaView;
  operation: SpecOperation;
  /** Keys the command adds to the model. */
  adds: readonly string[];
  /** az resource show: the provider's answer under "properties" as the service returns it. */
  generic?: true;
}

const stable = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
const cache = new Map<string, AzPrintedResource | null>();

/** What `az <path>` prints, as a schema, when its result is a resource model the specs describe. */
export function azPrintedResource(path: readonly string[], options: readonly string[] = []): AzPrintedResource | undefined {
  const command = COMMANDS.find((c) => c.path === path.join(' '));
  if (!command) return undefined;
  const withAdds = !command.adds?.when || options.includes(command.adds.when);
  const key = `${command.path}|${withAdds}`;
  if (!cache.has(key)) cache.set(key, build(command, withAdds) ?? null);
  return cache.get(key) ?? undefined;
}

function build(command: AzResourceCommand, withAdds: boolean): AzPrintedResource | undefined {
  const ops = resourceOperations(command.resourceType).filter((o) => o.response && stable(o.apiVersion));
  const newest = ops.sort((a, b) => (a.apiVersion < b.apiVersion ? 1 : -1))[0];
  if (!newest?.response) return undefined;
  const known = new Set<string>();
  // Names any vendored version knows (REST and az spelling) are never judged unknown.
  for (const o of ops.slice(1)) reshaper(known)(o.response as SchemaNode);
  const item = reshaper(known)(newest.response);
  if (!item.properties) return undefined;
  const adds = withAdds ? (command.adds?.keys ?? []) : [];
  for (const k of command.adds?.keys ?? []) known.add(k);
  const one: SchemaNode = adds.length ? { ...item, properties: { ...item.properties, ...Object.fromEntries(adds.map((k) => [k, {}])) } } : item;
  const f = facts.get(item);
  if (f) facts.set(one, f);
  const root: SchemaNode = command.list ? { type: 'array', items: one } : one;
  return {
    command: `az ${command.path}`,
    list: command.list === true,
    item: one,
    view: { role: 'response', nodes: [root], operations: [newest], exact: true, known },
    operation: newest,
    adds,
  };
}

/**
 * What `az resource show` prints for a resource of a type: the GenericResource of Microsoft.Resources
 * (id, name, type, location, tags, sku, kind, identity, plan, managedBy, extendedLocation) with the
 * provider's answer in "properties" as the service returns it (a JSON object, not an SDK model: no
 * flattening, no renaming), plus the resourceGroup az adds. Source: Azure/azure-cli
 * command_modules/resource/custom.py show_resource (GET of the resource id through the generic
 * resources client) and resources.json#/definitions/GenericResource.
 */
export function azGenericResource(resourceType: string): AzPrintedResource | undefined {
  const key = `resource show|${resourceType.toLowerCase()}`;
  if (!cache.has(key)) cache.set(key, buildGeneric(resourceType) ?? null);
  return cache.get(key) ?? undefined;
}

const GENERIC_TOP = ['id', 'name', 'type', 'location', 'extendedLocation', 'tags', 'plan', 'properties', 'kind', 'managedBy', 'sku', 'identity', 'resourceGroup'];

function buildGeneric(resourceType: string): AzPrintedResource | undefined {
  const ops = resourceOperations(resourceType).filter((o) => o.response && stable(o.apiVersion));
  const newest = ops.sort((a, b) => (a.apiVersion < b.apiVersion ? 1 : -1))[0];
  const model = newest?.response ? resolve(newest.response) : undefined;
  const inner = model?.properties?.properties;
  if (!newest || !inner) return undefined;
  const known = new Set<string>();
  for (const o of ops) collectNames(o.response as SchemaNode, known, new Set());
  const properties: Record<string, SchemaNode> = {};
  for (const k of GENERIC_TOP) properties[k] = k === 'properties' ? inner : (model?.properties?.[k] ?? {});
  const item: SchemaNode = { type: 'object', properties };
  return { command: 'az resource show', generic: true, list: false, item, view: { role: 'response', nodes: [item], operations: [newest], exact: true, known }, operation: newest, adds: [] };
}

/** "az storage account show prints the StorageAccounts_Create model (api-version 2023-05-01, vendor/specs/…) as the SDK shapes it" */
export function describeAzPrinted(p: AzPrintedResource): string {
  if (p.generic) return `${p.command} prints a GenericResource whose "properties" are the ${p.operation.operationId} answer's as the service returns them (api-version ${p.operation.apiVersion}, vendor/specs/${p.operation.file})`;
  return `${p.command} prints the ${p.operation.operationId} answer (api-version ${p.operation.apiVersion}, vendor/specs/${p.operation.file}) as the SDK model az serialises`;
}
