// Live, per-instance emulator state: a deep copy of the scenario that services mutate
// (new identities, role assignments, blobs, files). Never shared between instances.
import type { Scenario } from './scenario.ts';

export interface EmulatorState {
  /** Mutable copy of the scenario; services read and change it. */
  data: Scenario;
}

export function createState(scenario: Scenario): EmulatorState {
  return { data: structuredClone(scenario) };
}

/** Back to the scenario: the object stays the same (services hold it), its contents are replaced. */
export function resetState(state: EmulatorState, scenario: Scenario): void {
  state.data = structuredClone(scenario);
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function findResourceGroup(state: EmulatorState, name: string): Scenario['resourceGroups'][number] | undefined {
  return state.data.resourceGroups.find((g) => eq(g.name, name));
}

export function findStorageAccount(state: EmulatorState, resourceGroup: string, name: string): Scenario['storageAccounts'][number] | undefined {
  return state.data.storageAccounts.find((a) => eq(a.resourceGroup, resourceGroup) && eq(a.name, name));
}

export function findUserAssignedIdentity(state: EmulatorState, resourceGroup: string, name: string): Scenario['userAssignedIdentities'][number] | undefined {
  return state.data.userAssignedIdentities.find((i) => eq(i.resourceGroup, resourceGroup) && eq(i.name, name));
}

/** ARM id of the VM, with lowercase `resourcegroups` as the `xms_mirid` claim writes it. */
export function vmMiResourceId(state: EmulatorState): string {
  const { subscriptionId, vm } = state.data;
  return `/subscriptions/${subscriptionId}/resourcegroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`;
}

/** ARM id of a user-assigned identity, with lowercase `resourcegroups` as the MSI RP returns it. */
export function userAssignedIdentityId(state: EmulatorState, identity: { resourceGroup: string; name: string }): string {
  return `/subscriptions/${state.data.subscriptionId}/resourcegroups/${identity.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${identity.name}`;
}

/** An identity IMDS can issue tokens for on the scenario's VM. */
export interface VmIdentity {
  kind: 'system' | 'user';
  principalId: string;
  clientId: string;
  /** `xms_mirid` and IMDS `msi_res_id`. */
  resourceId: string;
}

/** The identities attached to the VM now: system-assigned first, then user-assigned in attach order. */
export function vmIdentities(state: EmulatorState): VmIdentity[] {
  const out: VmIdentity[] = [];
  const { vm } = state.data;
  if (vm.systemAssigned !== null) out.push({ kind: 'system', ...vm.systemAssigned, resourceId: vmMiResourceId(state) });
  for (const name of vm.userAssigned) {
    const uami = state.data.userAssignedIdentities.find((i) => eq(i.name, name));
    if (uami !== undefined) out.push({ kind: 'user', principalId: uami.principalId, clientId: uami.clientId, resourceId: userAssignedIdentityId(state, uami) });
  }
  return out;
}

/** A principal the directory knows, for role assignments (PrincipalNotFound otherwise) and error texts. */
export interface KnownPrincipal {
  principalId: string;
  clientId: string;
  principalType: 'User' | 'ServicePrincipal';
}

export function findPrincipal(state: EmulatorState, principalId: string): KnownPrincipal | undefined {
  const id = principalId.toLowerCase();
  const { vm, userAssignedIdentities, principals } = state.data;
  if (vm.systemAssigned !== null && vm.systemAssigned.principalId.toLowerCase() === id) return { ...vm.systemAssigned, principalType: 'ServicePrincipal' };
  const uami = userAssignedIdentities.find((i) => i.principalId.toLowerCase() === id);
  if (uami !== undefined) return { principalId: uami.principalId, clientId: uami.clientId, principalType: 'ServicePrincipal' };
  const p = principals.find((x) => x.principalId.toLowerCase() === id);
  if (p !== undefined) return { principalId: p.principalId, clientId: p.clientId, principalType: p.kind };
  return undefined;
}
