// Microsoft.Resources/providers GET for the namespaces the emulator models: the CLI reads it to pick
// an api-version for a resource type (`az resource show`, generic ids). Shape of azure-rest-api-specs
// resources/…/stable/2022-12-01/examples/GetProvider.json. A real namespace lists every type it
// has; this one lists the types the emulator serves, and says so in `x-emulator-partial`. Any other
// namespace is not emulated (which namespaces exist is not something the emulator can know).
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { API_VERSIONS, type ArmResourceType } from './api-versions.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmRoute } from './route.ts';
import type { EmulatorResponse } from '../../types.ts';

interface Namespace {
  namespace: string;
  registrationPolicy: 'RegistrationRequired' | 'RegistrationFree';
  types: { resourceType: string; versions: ArmResourceType }[];
}

const NAMESPACES: readonly Namespace[] = [
  {
    namespace: 'Microsoft.Storage',
    registrationPolicy: 'RegistrationRequired',
    types: [
      { resourceType: 'storageAccounts', versions: 'storageAccounts' },
      { resourceType: 'storageAccounts/blobServices', versions: 'storageAccounts' },
      { resourceType: 'storageAccounts/blobServices/containers', versions: 'storageAccounts' },
    ],
  },
  { namespace: 'Microsoft.ManagedIdentity', registrationPolicy: 'RegistrationRequired', types: [{ resourceType: 'userAssignedIdentities', versions: 'userAssignedIdentities' }] },
  { namespace: 'Microsoft.Compute', registrationPolicy: 'RegistrationRequired', types: [{ resourceType: 'virtualMachines', versions: 'virtualMachines' }] },
  {
    namespace: 'Microsoft.KeyVault',
    registrationPolicy: 'RegistrationRequired',
    types: [
      { resourceType: 'vaults', versions: 'vaults' },
      { resourceType: 'vaults/secrets', versions: 'vaults' },
    ],
  },
  {
    namespace: 'Microsoft.Web',
    registrationPolicy: 'RegistrationRequired',
    types: [
      { resourceType: 'serverfarms', versions: 'webServerFarms' },
      { resourceType: 'sites', versions: 'webSites' },
      { resourceType: 'sites/config', versions: 'webSites' },
      { resourceType: 'checknameavailability', versions: 'webSites' },
    ],
  },
  {
    namespace: 'Microsoft.Authorization',
    registrationPolicy: 'RegistrationFree',
    types: [
      { resourceType: 'roleAssignments', versions: 'roleAssignments' },
      { resourceType: 'roleDefinitions', versions: 'roleDefinitions' },
    ],
  },
];

/** Display names ARM uses in provider locations, for the regions tutorials pick. */
const LOCATION_NAMES: Record<string, string> = {
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  eastus: 'East US',
  eastus2: 'East US 2',
  centralus: 'Central US',
  northeurope: 'North Europe',
  westeurope: 'West Europe',
  uksouth: 'UK South',
  southeastasia: 'Southeast Asia',
};

/** A namespace the emulator models, or its not-emulated answer. */
function modelled(call: ArmCall): Namespace | EmulatorResponse {
  const wanted = call.params.resourceProviderNamespace!.toLowerCase();
  const ns = NAMESPACES.find((n) => n.namespace.toLowerCase() === wanted);
  return ns ?? notEmulatedResponse(`resource provider namespace '${call.params.resourceProviderNamespace}'`, call.req.requestId);
}

/** The Provider as GET and register return it; every modelled namespace is registered. */
function providerResponse(call: ArmCall, ns: Namespace): EmulatorResponse {
  const location = call.ctx.state.data.location;
  return jsonResponse(
    200,
    {
      id: `/subscriptions/${call.ctx.state.data.subscriptionId}/providers/${ns.namespace}`,
      namespace: ns.namespace,
      registrationState: 'Registered',
      registrationPolicy: ns.registrationPolicy,
      resourceTypes: ns.types.map((t) => ({ resourceType: t.resourceType, locations: [LOCATION_NAMES[location.toLowerCase()] ?? location], apiVersions: API_VERSIONS[t.versions].versions })),
    },
    { ...call.baseHeaders, 'x-emulator-partial': 'resourceTypes lists only the types the emulator models' },
  );
}

export const providerRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}',
    resourceType: 'providers',
    action: 'Microsoft.Resources/subscriptions/providers/read',
    access: 'open',
    handle(call) {
      const ns = modelled(call);
      if (!('namespace' in ns)) return ns;
      // Any role in the subscription lets a caller read its providers; without one, ARM's answer is not documented.
      if (!call.ctx.rbac.hasAnyAssignment(call.caller.oid, `/subscriptions/${call.ctx.state.data.subscriptionId}`)) {
        return notEmulatedResponse(`provider read by a caller without any role assignment in the subscription`, call.req.requestId);
      }
      return providerResponse(call, ns);
    },
  },
  {
    // Providers_Register (resources.json): 200 with the Provider. Registering is the namespace's own
    // action, `{namespace}/register/action` at the subscription (Contributor's `*` has it, Reader not).
    method: 'POST',
    template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register',
    resourceType: 'providers',
    action: '{namespace}/register/action',
    access: 'open',
    handle(call) {
      const ns = modelled(call);
      if (!('namespace' in ns)) return ns;
      const scope = `/subscriptions/${call.ctx.state.data.subscriptionId}`;
      const action = `${ns.namespace}/register/action`;
      if (!call.allowedAt(scope, action)) return armErrors.authorizationFailed(call.caller.appid, call.caller.oid, action, scope);
      return providerResponse(call, ns);
    },
  },
];
