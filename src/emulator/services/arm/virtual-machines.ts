// Microsoft.Compute/virtualMachines: GET and the identity part of PATCH/PUT, which is what
// `az vm identity assign` changes. From 2018-06-01 user-assigned identities are a map keyed by ARM
// id; 2017-12-01 used an `identityIds` array. Attaching an identity needs the assign action on it.
import { createHash, randomUUID } from 'node:crypto';
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup, userAssignedIdentityId, vmIdentities } from '../../state.ts';
import { apiVersionAtLeast } from './api-versions.ts';
import { armErrors, type ArmError } from './errors.ts';
import type { ArmCall, ArmResult, ArmRoute } from './route.ts';

const VM = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/virtualMachines/{vmName}';
const ASSIGN_ACTION = 'Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action';
const UAMI_ID = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.managedidentity\/userassignedidentities\/([^/]+)\/?$/i;

function vmFound(call: ArmCall): ArmError | undefined {
  const { resourceGroupName: rg, vmName } = call.params as { resourceGroupName: string; vmName: string };
  if (findResourceGroup(call.ctx.state, rg) === undefined) return armErrors.resourceGroupNotFound(rg);
  const vm = call.ctx.state.data.vm;
  if (vm.resourceGroup.toLowerCase() !== rg.toLowerCase() || vm.name.toLowerCase() !== vmName.toLowerCase()) return armErrors.resourceNotFound('Microsoft.Compute/virtualMachines', vmName, rg);
  return undefined;
}

function identityType(system: boolean, user: boolean): string {
  if (system && user) return 'SystemAssigned, UserAssigned';
  if (system) return 'SystemAssigned';
  if (user) return 'UserAssigned';
  return 'None';
}

function vmBody(call: ArmCall): Record<string, unknown> {
  const { state } = call.ctx;
  const { vm, subscriptionId, tenantId } = state.data;
  const ids = vmIdentities(state);
  const users = ids.filter((i) => i.kind === 'user');
  const mapForm = apiVersionAtLeast(call.apiVersion, '2018-06-01');
  const identity = {
    type: identityType(vm.systemAssigned !== null, users.length > 0),
    ...(vm.systemAssigned !== null ? { principalId: vm.systemAssigned.principalId, tenantId } : {}),
    ...(users.length > 0
      ? mapForm
        ? { userAssignedIdentities: Object.fromEntries(users.map((u) => [u.resourceId, { principalId: u.principalId, clientId: u.clientId }])) }
        : { identityIds: users.map((u) => u.resourceId) }
      : {}),
  };
  const vmId = createHash('sha256').update(`${subscriptionId}/${vm.resourceGroup}/${vm.name}`).digest('hex');
  return {
    name: vm.name,
    id: `/subscriptions/${subscriptionId}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`,
    type: 'Microsoft.Compute/virtualMachines',
    location: vm.location,
    identity,
    properties: {
      vmId: `${vmId.slice(0, 8)}-${vmId.slice(8, 12)}-${vmId.slice(12, 16)}-${vmId.slice(16, 20)}-${vmId.slice(20, 32)}`,
      hardwareProfile: { vmSize: 'Standard_B1s' },
      osProfile: { computerName: vm.name, adminUsername: 'azureuser', linuxConfiguration: { disablePasswordAuthentication: false } },
      provisioningState: 'Succeeded',
    },
  };
}

interface IdentityInput {
  type?: unknown;
  userAssignedIdentities?: unknown;
  identityIds?: unknown;
}

function applyIdentity(call: ArmCall): ArmResult | undefined {
  const input = (call.body as { identity?: IdentityInput } | undefined)?.identity;
  if (input === undefined) return undefined;
  const { state, rbac } = call.ctx;
  const vm = state.data.vm;
  const type = typeof input.type === 'string' ? input.type.toLowerCase().replace(/\s+/g, '') : undefined;
  const allowed = ['systemassigned', 'userassigned', 'systemassigned,userassigned', 'none'];
  if (type !== undefined && !allowed.includes(type)) return armErrors.invalidParameter(`The value '${String(input.type)}' of parameter 'identity.type' is not valid. Allowed values are 'SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'None'.`);

  // Requested user-assigned identities: id → keep (true) or remove (false).
  const requested = new Map<string, boolean>();
  if (input.userAssignedIdentities !== undefined && input.userAssignedIdentities !== null) {
    if (!apiVersionAtLeast(call.apiVersion, '2018-06-01')) return armErrors.invalidParameter(`'identity.userAssignedIdentities' is not supported in api-version '${call.apiVersion}'; use 'identity.identityIds'.`);
    for (const [id, value] of Object.entries(input.userAssignedIdentities as Record<string, unknown>)) requested.set(id, value !== null);
  }
  if (Array.isArray(input.identityIds)) {
    if (apiVersionAtLeast(call.apiVersion, '2018-06-01')) return armErrors.invalidParameter(`'identity.identityIds' is not supported in api-version '${call.apiVersion}'; use 'identity.userAssignedIdentities'.`);
    for (const id of input.identityIds) if (typeof id === 'string') requested.set(id, true);
  }

  const names: string[] = type === 'none' || (type !== undefined && !type.includes('userassigned')) ? [] : [...vm.userAssigned];
  for (const [id, keep] of requested) {
    const m = UAMI_ID.exec(id);
    const uami = m !== null ? state.data.userAssignedIdentities.find((i) => i.resourceGroup.toLowerCase() === m[2]!.toLowerCase() && i.name.toLowerCase() === m[3]!.toLowerCase()) : undefined;
    if (m === null || uami === undefined || m[1]!.toLowerCase() !== state.data.subscriptionId.toLowerCase()) {
      if (!keep) continue;
      return armErrors.failedIdentityOperation(id);
    }
    const idx = names.findIndex((n) => n.toLowerCase() === uami.name.toLowerCase());
    if (!keep) {
      if (idx >= 0) names.splice(idx, 1);
      continue;
    }
    const scope = userAssignedIdentityId(state, uami);
    if (!rbac.checkAction(call.caller.oid, 'Microsoft.ManagedIdentity/userAssignedIdentities/assign/action', scope).allowed) {
      return armErrors.linkedAuthorizationFailed(call.caller.appid, call.caller.oid, ASSIGN_ACTION.replace('*/', ''), scope);
    }
    if (idx < 0) names.push(uami.name);
  }

  const wantSystem = type === undefined ? vm.systemAssigned !== null : type.includes('systemassigned');
  if (wantSystem && vm.systemAssigned === null) vm.systemAssigned = { principalId: randomUUID(), clientId: randomUUID() };
  if (!wantSystem) vm.systemAssigned = null;
  vm.userAssigned = names;
  return undefined;
}

function update(call: ArmCall): ArmResult {
  const missing = vmFound(call);
  if (missing !== undefined) return missing;
  const failed = applyIdentity(call);
  if (failed !== undefined) return failed;
  return jsonResponse(200, vmBody(call), call.baseHeaders);
}

export const virtualMachineRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: VM,
    resourceType: 'virtualMachines',
    action: 'Microsoft.Compute/virtualMachines/read',
    handle(call) {
      return vmFound(call) ?? jsonResponse(200, vmBody(call), call.baseHeaders);
    },
  },
  { method: 'PATCH', template: VM, resourceType: 'virtualMachines', action: 'Microsoft.Compute/virtualMachines/write', handle: update },
  { method: 'PUT', template: VM, resourceType: 'virtualMachines', action: 'Microsoft.Compute/virtualMachines/write', handle: update },
];
