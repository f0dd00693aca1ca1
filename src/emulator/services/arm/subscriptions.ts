// Microsoft.Resources/subscriptions and /tenants: what `az login` (with --identity or a service
// principal) and `az account show` read right after the token. A caller sees the subscription when
// it holds any role assignment in it, at any scope (a Reader on one resource group included);
// shapes from azure-rest-api-specs resources/…/stable/2022-12-01 examples GetSubscriptions.json,
// GetSubscription.json and GetTenants.json.
import { jsonResponse } from '../../respond.ts';
import { notEmulatedResponse } from '../../router.ts';
import { directoryOf } from '../../scenario.ts';
import type { ArmCall, ArmRoute } from './route.ts';
import { GUID } from '../../../guid.ts';


/** Is this a subscription id ARM accepts in a path (a GUID)? Anything else is InvalidSubscriptionId. */
export function isSubscriptionId(id: string): boolean {
  return GUID.test(id);
}

function subscriptionBody(call: ArmCall): Record<string, unknown> {
  const d = call.ctx.state.data;
  return {
    id: `/subscriptions/${d.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: d.subscriptionId,
    tenantId: d.tenantId,
    displayName: directoryOf(d).subscriptionName,
    state: 'Enabled',
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
  };
}

const visible = (call: ArmCall): boolean => call.ctx.rbac.hasAnyAssignment(call.caller.oid, `/subscriptions/${call.ctx.state.data.subscriptionId}`);

export const subscriptionRoutes: ArmRoute[] = [
  {
    method: 'GET',
    template: '/subscriptions',
    resourceType: 'subscriptions',
    action: 'Microsoft.Resources/subscriptions/read',
    access: 'open',
    handle(call) {
      // A caller without any assignment gets an empty list (az login: "No subscriptions found").
      return jsonResponse(200, { value: visible(call) ? [subscriptionBody(call)] : [] }, call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}',
    resourceType: 'subscriptions',
    action: 'Microsoft.Resources/subscriptions/read',
    access: 'open',
    handle(call) {
      // Whether ARM answers 403 or 404 to a caller without any access here is not documented.
      if (!visible(call)) return notEmulatedResponse(`GET /subscriptions/{id} for a caller without any role assignment in it (oid ${call.caller.oid})`, call.req.requestId);
      return jsonResponse(200, subscriptionBody(call), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: '/tenants',
    resourceType: 'subscriptions',
    action: 'Microsoft.Resources/tenants/read',
    access: 'open',
    handle(call) {
      const d = call.ctx.state.data;
      const dir = directoryOf(d);
      return jsonResponse(
        200,
        {
          value: [
            {
              id: `/tenants/${d.tenantId}`,
              tenantId: d.tenantId,
              countryCode: 'US',
              displayName: dir.tenantDisplayName,
              domains: [dir.tenantDomain],
              tenantCategory: 'Home',
              defaultDomain: dir.tenantDomain,
              tenantType: 'AAD',
            },
          ],
        },
        call.baseHeaders,
      );
    },
  },
];
