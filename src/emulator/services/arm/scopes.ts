// Does an ARM scope name something that exists? Role assignments are made at a scope, and ARM
// refuses a scope whose resource group or resource is missing. Resource types the emulator does not
// model, and ids that are not well formed (a type without a name, as in
// ".../blobServices/default/<container>"), get the "not emulated" answer: Azure's exact reply to
// them is not known here, and guessing would be a fake result.
import type { EmulatorResponse } from '../../types.ts';
import { notEmulatedResponse } from '../../router.ts';
import { findResourceGroup, findStorageAccount, findUserAssignedIdentity } from '../../state.ts';
import { armErrors, type ArmError } from './errors.ts';
import type { ArmCall } from './route.ts';

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function checkScopeExists(call: ArmCall, scope: string): ArmError | EmulatorResponse | undefined {
  const segs = scope.split('/').filter(Boolean);
  if (segs.length === 0) return undefined; // the root scope "/"
  if (!eq(segs[0]!, 'subscriptions') || segs.length < 2) return notEmulatedResponse(`role assignment scope '${scope}' (only subscription, resource group and resource scopes are modelled)`, call.req.requestId);
  if (segs.length === 2) return undefined; // the subscription itself, checked by the pipeline
  if (!eq(segs[2]!, 'resourceGroups') || segs.length < 4) return notEmulatedResponse(`role assignment scope '${scope}'`, call.req.requestId);
  const state = call.ctx.state;
  const rg = segs[3]!;
  if (findResourceGroup(state, rg) === undefined) return armErrors.resourceGroupNotFound(rg);
  if (segs.length === 4) return undefined;
  const rest = segs.slice(4);
  if (!eq(rest[0]!, 'providers') || rest.length < 4 || (rest.length - 2) % 2 !== 0) {
    return notEmulatedResponse(`role assignment scope '${scope}' is not a well-formed resource id (each resource type needs a name); Azure's answer to it is not modelled`, call.req.requestId);
  }
  const namespace = rest[1]!;
  const pairs: [string, string][] = [];
  for (let i = 2; i < rest.length; i += 2) pairs.push([rest[i]!, rest[i + 1]!]);
  const type = [namespace, ...pairs.map(([t]) => t)].join('/').toLowerCase();
  const names = pairs.map(([, n]) => n);
  const notFound = (t: string): ArmError => armErrors.resourceNotFound(t, names.join('/'), rg);
  switch (type) {
    case 'microsoft.storage/storageaccounts':
    case 'microsoft.storage/storageaccounts/blobservices':
    case 'microsoft.storage/storageaccounts/blobservices/containers': {
      const account = findStorageAccount(state, rg, names[0]!);
      if (account === undefined) return notFound('Microsoft.Storage/storageAccounts');
      if (names.length >= 2 && !eq(names[1]!, 'default')) return notFound('Microsoft.Storage/storageAccounts/blobServices');
      if (names.length === 3 && !account.containers.some((c) => eq(c.name, names[2]!))) return notFound('Microsoft.Storage/storageAccounts/blobServices/containers');
      return undefined;
    }
    case 'microsoft.compute/virtualmachines':
      return eq(state.data.vm.name, names[0]!) && eq(state.data.vm.resourceGroup, rg) ? undefined : notFound('Microsoft.Compute/virtualMachines');
    case 'microsoft.managedidentity/userassignedidentities':
      return findUserAssignedIdentity(state, rg, names[0]!) !== undefined ? undefined : notFound('Microsoft.ManagedIdentity/userAssignedIdentities');
    case 'microsoft.keyvault/vaults':
      return state.data.keyVaults.some((v) => eq(v.resourceGroup, rg) && eq(v.name, names[0]!)) ? undefined : notFound('Microsoft.KeyVault/vaults');
    case 'microsoft.datalakestore/accounts':
      return state.data.dataLakeStores.some((d) => eq(d.resourceGroup, rg) && eq(d.name, names[0]!)) ? undefined : notFound('Microsoft.DataLakeStore/accounts');
    case 'microsoft.web/sites':
      return (state.data.webApps ?? []).some((w) => eq(w.resourceGroup, rg) && eq(w.name, names[0]!)) ? undefined : notFound('Microsoft.Web/sites');
    case 'microsoft.web/serverfarms':
      return (state.data.appServicePlans ?? []).some((p) => eq(p.resourceGroup, rg) && eq(p.name, names[0]!)) ? undefined : notFound('Microsoft.Web/serverfarms');
    default:
      return notEmulatedResponse(`role assignment scope of resource type '${[namespace, ...pairs.map(([t]) => t)].join('/')}'`, call.req.requestId);
  }
}
