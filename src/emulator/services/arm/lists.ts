// Collection reads: resource groups, storage accounts and user-assigned identities by subscription
// or group, and the generic /resources list (`az resource list`, `az storage account keys list -n`
// without -g, which finds the account's group this way). ARM filters every list by the caller's
// rights: a Reader on one group sees that group and what is in it, not a 403 (see `access:
// 'filtered'` in route.ts). Shapes: azure-rest-api-specs resources 2016-09-01 (ResourceGroups_List,
// Resources_List), storage 2017-06-01 (StorageAccounts_List), msi 2023-01-31 (ListBySubscription).
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { findResourceGroup, userAssignedIdentityId } from '../../state.ts';
import type { EmulatorState } from '../../state.ts';
import { armErrors } from './errors.ts';
import { groupBody } from './resource-groups.ts';
import type { ArmCall, ArmResult, ArmRoute } from './route.ts';
import { storageAccountBody } from './storage-accounts.ts';
import { identityBody } from './user-assigned-identities.ts';

const SUB = '/subscriptions/{subscriptionId}';
const RG = `${SUB}/resourceGroups/{resourceGroupName}`;

/** A resource as the generic list shows it (GenericResourceExpanded without $expand). */
interface Listed {
  id: string;
  name: string;
  type: string;
  resourceGroup: string;
  location: string;
  kind?: string;
  sku?: Record<string, string>;
}

/** Every resource the emulator models, in the order ARM has no promise about (creation order here). */
export function allResources(state: EmulatorState): Listed[] {
  const d = state.data;
  const rid = (rg: string, type: string, name: string): string => `/subscriptions/${d.subscriptionId}/resourceGroups/${rg}/providers/${type}/${name}`;
  return [
    ...d.storageAccounts.map((a) => ({ id: rid(a.resourceGroup, 'Microsoft.Storage/storageAccounts', a.name), name: a.name, type: 'Microsoft.Storage/storageAccounts', resourceGroup: a.resourceGroup, location: a.location, kind: a.kind, sku: { name: 'Standard_LRS', tier: 'Standard' } })),
    ...d.userAssignedIdentities.map((u) => ({ id: userAssignedIdentityId(state, u), name: u.name, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', resourceGroup: u.resourceGroup, location: u.location })),
    { id: rid(d.vm.resourceGroup, 'Microsoft.Compute/virtualMachines', d.vm.name), name: d.vm.name, type: 'Microsoft.Compute/virtualMachines', resourceGroup: d.vm.resourceGroup, location: d.vm.location },
    ...d.keyVaults.map((v) => ({ id: rid(v.resourceGroup, 'Microsoft.KeyVault/vaults', v.name), name: v.name, type: 'Microsoft.KeyVault/vaults', resourceGroup: v.resourceGroup, location: v.location })),
    ...d.dataLakeStores.map((s) => ({ id: rid(s.resourceGroup, 'Microsoft.DataLakeStore/accounts', s.name), name: s.name, type: 'Microsoft.DataLakeStore/accounts', resourceGroup: s.resourceGroup, location: s.location })),
    ...(d.appServicePlans ?? []).map((p) => ({ id: rid(p.resourceGroup, 'Microsoft.Web/serverfarms', p.name), name: p.name, type: 'Microsoft.Web/serverfarms', resourceGroup: p.resourceGroup, location: p.location, kind: p.kind ?? (p.linux ? 'linux' : 'app'), sku: { name: p.sku } })),
    ...(d.webApps ?? []).map((w) => ({ id: rid(w.resourceGroup, 'Microsoft.Web/sites', w.name), name: w.name, type: 'Microsoft.Web/sites', resourceGroup: w.resourceGroup, location: w.location, kind: w.kind })),
  ].filter((r) => findResourceGroup(state, r.resourceGroup) !== undefined);
}

type ResourceField = 'resourcetype' | 'name' | 'resourcegroup' | 'location';
/**
 * `$filter` clauses `resourceType`, `name`, `resourceGroup` and `location eq '…'` joined by `and`, the
 * forms az resource list sends (Resources_List documents eq on these properties); tag filters are
 * not modelled (the emulator keeps no tags on resources).
 */
function parseResourceFilter(filter: string): { field: ResourceField; value: string }[] | undefined {
  const clauses = filter.split(/\s+and\s+/i);
  const out: { field: ResourceField; value: string }[] = [];
  for (const c of clauses) {
    const m = /^\s*(resourceType|name|resourceGroup|location)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(c);
    if (m === null) return undefined;
    out.push({ field: m[1]!.toLowerCase() as ResourceField, value: m[2]!.replace(/''/g, "'") });
  }
  return out;
}

function fieldOf(r: Listed, field: ResourceField): string {
  return field === 'name' ? r.name : field === 'resourcetype' ? r.type : field === 'resourcegroup' ? r.resourceGroup : r.location;
}

function groupMissing(call: ArmCall): ArmResult | undefined {
  const rg = call.params.resourceGroupName;
  return rg !== undefined && findResourceGroup(call.ctx.state, rg) === undefined ? armErrors.resourceGroupNotFound(rg) : undefined;
}

const inScope = (call: ArmCall, resourceGroup: string): boolean => call.params.resourceGroupName === undefined || resourceGroup.toLowerCase() === call.params.resourceGroupName.toLowerCase();

function listResources(call: ArmCall): ArmResult {
  const missing = groupMissing(call);
  if (missing !== undefined) return missing;
  if (call.req.url.searchParams.has('$expand') || call.req.url.searchParams.has('$top')) {
    return notEmulatedResponse(`/resources with $expand or $top (${call.req.url.search})`, call.req.requestId);
  }
  const filterText = call.req.url.searchParams.get('$filter');
  const filter = filterText === null ? [] : parseResourceFilter(filterText);
  if (filter === undefined) return notEmulatedResponse(`/resources $filter '${filterText}' (only resourceType, name, resourceGroup and location eq are modelled)`, call.req.requestId);
  const items = allResources(call.ctx.state).filter(
    (r) =>
      inScope(call, r.resourceGroup) &&
      filter.every((f) => fieldOf(r, f.field).toLowerCase() === f.value.toLowerCase()) &&
      call.allowedAt(r.id, `${r.type}/read`),
  );
  return jsonResponse(200, { value: items.map(({ resourceGroup: _rg, ...r }) => r) }, call.baseHeaders);
}

function listStorageAccounts(call: ArmCall): ArmResult {
  const missing = groupMissing(call);
  if (missing !== undefined) return missing;
  const sub = call.ctx.state.data.subscriptionId;
  const value = call.ctx.state.data.storageAccounts
    .filter((a) => inScope(call, a.resourceGroup))
    .map((a) => storageAccountBody(sub, a))
    .filter((body) => call.allowedAt(String(body.id)));
  return jsonResponse(200, { value }, call.baseHeaders);
}

function listIdentities(call: ArmCall): ArmResult {
  const missing = groupMissing(call);
  if (missing !== undefined) return missing;
  const value = call.ctx.state.data.userAssignedIdentities
    .filter((u) => inScope(call, u.resourceGroup) && call.allowedAt(userAssignedIdentityId(call.ctx.state, u)))
    .map((u) => identityBody(call, u));
  return jsonResponse(200, { value }, call.baseHeaders);
}

/** `tagName eq 'x'` or `tagName eq 'x' and tagValue eq 'y'`, the filters ARM supports on the group list. */
function parseTagFilter(filter: string): { name: string; value?: string } | undefined {
  const m = /^\s*tagName\s+eq\s+'((?:[^']|'')*)'\s*(?:and\s+tagValue\s+eq\s+'((?:[^']|'')*)'\s*)?$/i.exec(filter);
  if (m === null) return undefined;
  return { name: m[1]!.replace(/''/g, "'"), ...(m[2] !== undefined ? { value: m[2].replace(/''/g, "'") } : {}) };
}

function listGroups(call: ArmCall): ArmResult {
  const filterText = call.req.url.searchParams.get('$filter');
  const filter = filterText === null ? undefined : parseTagFilter(filterText);
  if (filterText !== null && filter === undefined) return notEmulatedResponse(`resource group $filter '${filterText}' (only tagName/tagValue eq are modelled)`, call.req.requestId);
  const state = call.ctx.state;
  const groups = state.data.resourceGroups.filter((g) => {
    if (!call.allowedAt(`/subscriptions/${state.data.subscriptionId}/resourceGroups/${g.name}`)) return false;
    if (filter === undefined) return true;
    const entry = Object.entries(g.tags).find(([k]) => k.toLowerCase() === filter.name.toLowerCase());
    return entry !== undefined && (filter.value === undefined || entry[1] === filter.value);
  });
  return jsonResponse(200, { value: groups.map((g) => groupBody(state, g)) }, call.baseHeaders);
}

const subScope = (p: Record<string, string>): string => `/subscriptions/${p.subscriptionId}`;
const rgScope = (p: Record<string, string>): string => `/subscriptions/${p.subscriptionId}/resourceGroups/${p.resourceGroupName}`;

export const listRoutes: ArmRoute[] = [
  { method: 'GET', template: `${SUB}/resourcegroups`, resourceType: 'resourceGroups', action: 'Microsoft.Resources/subscriptions/resourceGroups/read', scope: subScope, access: 'filtered', handle: listGroups },
  { method: 'GET', template: `${SUB}/resources`, resourceType: 'resources', action: 'Microsoft.Resources/subscriptions/resources/read', scope: subScope, access: 'filtered', handle: listResources },
  { method: 'GET', template: `${RG}/resources`, resourceType: 'resources', action: 'Microsoft.Resources/subscriptions/resourceGroups/resources/read', scope: rgScope, access: 'filtered', handle: listResources },
  { method: 'GET', template: `${SUB}/providers/Microsoft.Storage/storageAccounts`, resourceType: 'storageAccounts', action: 'Microsoft.Storage/storageAccounts/read', scope: subScope, access: 'filtered', handle: listStorageAccounts },
  { method: 'GET', template: `${RG}/providers/Microsoft.Storage/storageAccounts`, resourceType: 'storageAccounts', action: 'Microsoft.Storage/storageAccounts/read', scope: rgScope, access: 'filtered', handle: listStorageAccounts },
  { method: 'GET', template: `${SUB}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`, resourceType: 'userAssignedIdentities', action: 'Microsoft.ManagedIdentity/userAssignedIdentities/read', scope: subScope, access: 'filtered', handle: listIdentities },
  { method: 'GET', template: `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities`, resourceType: 'userAssignedIdentities', action: 'Microsoft.ManagedIdentity/userAssignedIdentities/read', scope: rgScope, access: 'filtered', handle: listIdentities },
];
