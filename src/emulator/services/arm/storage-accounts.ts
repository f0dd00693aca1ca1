// Microsoft.Storage/storageAccounts: GET, listKeys and listServiceSas, the calls the access-key and
// SAS tutorials make with the VM's token.
import type { Scenario } from '../../scenario.ts';
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup, findStorageAccount } from '../../state.ts';
import { apiVersionAtLeast } from './api-versions.ts';
import { armErrors, type ArmError } from './errors.ts';
import type { ArmCall, ArmRoute } from './route.ts';
import { ServiceSasParameters, sasTime, signServiceSas } from './service-sas.ts';

const ACCOUNT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}';
type Account = Scenario['storageAccounts'][number];

function findAccount(call: ArmCall): Account | ArmError {
  const rg = call.params.resourceGroupName!;
  if (findResourceGroup(call.ctx.state, rg) === undefined) return armErrors.resourceGroupNotFound(rg);
  const account = findStorageAccount(call.ctx.state, rg, call.params.accountName!);
  return account ?? armErrors.resourceNotFound('Microsoft.Storage/storageAccounts', call.params.accountName!, rg);
}

const accountScope = (params: Record<string, string>): string =>
  `/subscriptions/${params.subscriptionId}/resourceGroups/${params.resourceGroupName}/providers/Microsoft.Storage/storageAccounts/${params.accountName}`;

/** The account as ARM returns it on GET and at the end of a create (Storage RP 2017-06-01+ shape). */
export function storageAccountBody(subscriptionId: string, a: Account, tags: Record<string, string> = {}, sku = 'Standard_LRS'): Record<string, unknown> {
  return {
    sku: { name: sku, tier: sku.startsWith('Premium') ? 'Premium' : 'Standard' },
    kind: a.kind,
    id: `/subscriptions/${subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}`,
    name: a.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: a.location,
    tags,
    properties: {
      provisioningState: 'Succeeded',
      primaryEndpoints: { blob: `https://${a.name}.blob.core.windows.net/` },
      primaryLocation: a.location,
      statusOfPrimary: 'available',
      supportsHttpsTrafficOnly: a.supportsHttpsTrafficOnly !== false,
      allowBlobPublicAccess: a.allowBlobPublicAccess === true,
    },
  };
}

/** Keys are created with the account; the scenario has no creation time, so the group's start is used. */
const KEY_CREATION_TIME = '2026-01-01T00:00:00.0000000Z';

export const storageAccountRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: ACCOUNT,
    resourceType: 'storageAccounts',
    action: 'Microsoft.Storage/storageAccounts/read',
    handle(call) {
      const a = findAccount(call);
      if ('status' in a) return a;
      return jsonResponse(
        200,
        storageAccountBody(call.ctx.state.data.subscriptionId, a),
        call.baseHeaders,
      );
    },
  },
  {
    method: 'POST',
    template: `${ACCOUNT}/listKeys`,
    resourceType: 'storageAccounts',
    // ARM quotes the operation as 'listKeys' in AuthorizationFailed (terraform-provider-azurerm PR 19645); roles write 'listkeys'.
    action: 'Microsoft.Storage/storageAccounts/listKeys/action',
    scope: accountScope,
    handle(call) {
      const a = findAccount(call);
      if ('status' in a) return a;
      // Today's RP writes "FULL"; creationTime exists from 2021-04-01 on (azure-behavior.md §3.4).
      const withTime = apiVersionAtLeast(call.apiVersion, '2021-04-01');
      const keys = a.keys.map((value, i) => ({ ...(withTime ? { creationTime: KEY_CREATION_TIME } : {}), keyName: `key${i + 1}`, value, permissions: 'FULL' }));
      return jsonResponse(200, { keys }, call.baseHeaders);
    },
  },
  {
    method: 'POST',
    template: `${ACCOUNT}/ListServiceSas`,
    resourceType: 'storageAccounts',
    action: 'Microsoft.Storage/storageAccounts/ListServiceSas/action',
    scope: accountScope,
    handle(call) {
      const a = findAccount(call);
      if ('status' in a) return a;
      const parsed = ServiceSasParameters.safeParse(call.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return armErrors.invalidRequestContent(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
      }
      const p = parsed.data;
      for (const [name, value] of [['signedStart', p.signedStart], ['signedExpiry', p.signedExpiry]] as const) {
        if (value !== undefined && sasTime(value) === undefined) return armErrors.invalidParameter(`The value '${value}' of parameter '${name}' is not a valid date-time.`);
      }
      const keyName = (p.keyToSign ?? 'key1').toLowerCase();
      const key = keyName === 'key2' ? a.keys[1] : keyName === 'key1' ? a.keys[0] : undefined;
      if (key === undefined) return armErrors.invalidParameter(`The value '${p.keyToSign}' of parameter 'keyToSign' is not valid; use key1 or key2.`);
      return jsonResponse(200, { serviceSasToken: signServiceSas(p, key) }, call.baseHeaders);
    },
  },
];
