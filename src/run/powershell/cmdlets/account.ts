// Connect-AzAccount, Set-AzContext and Get-AzContext (Az.Accounts). Signing in cannot open a browser here: as for
// `az login`, the run takes a token for the same account the target issues and says so. The objects
// are those the cmdlets return: PSAzureProfile (Connect-AzAccount: a table of Account,
// SubscriptionName, TenantId, Environment) and PSAzureContext (Set-AzContext: Name, Account,
// SubscriptionName, Environment, TenantId).
import { ARM_RESOURCE } from '../../az/arm.ts';
import type { StepContext } from '../../context.ts';
import { result, type PsCmdletModule, type PsResult } from '../cmdlet.ts';
import { PsObject, psString } from '../values.ts';

/** The signed-in context: its Account, Subscription and Tenant are objects, as in Az.Accounts (their string forms are not modelled). */
function context(ctx: StepContext): PsObject {
  const a = ctx.cliAccount;
  const name = `${a.subscriptionName} (${a.subscriptionId}) - ${a.tenantId} - ${a.user}`;
  const account = new PsObject('Microsoft.Azure.Commands.Profile.Models.PSAzureRmAccount', [['Id', a.user], ['Type', a.userType === 'user' ? 'User' : 'ServicePrincipal']], { kind: 'list', properties: ['Id', 'Type'] });
  const subscription = new PsObject('Microsoft.Azure.Commands.Profile.Models.PSAzureSubscription', [['Id', a.subscriptionId], ['Name', a.subscriptionName], ['State', 'Enabled'], ['TenantId', a.tenantId]], { kind: 'table', properties: ['Name', 'Id', 'TenantId', 'State'] });
  const tenant = new PsObject('Microsoft.Azure.Commands.Profile.Models.PSAzureTenant', [['Id', a.tenantId]], { kind: 'table', properties: ['Id'] });
  return new PsObject(
    'Microsoft.Azure.Commands.Profile.Models.Core.PSAzureContext',
    [
      ['Name', name],
      ['Account', account],
      ['Environment', 'AzureCloud'],
      ['Subscription', subscription],
      ['Tenant', tenant],
    ],
    { kind: 'table', properties: ['Name', ['Account', 'Account.Id'], ['SubscriptionName', 'Subscription.Name'], 'Environment', ['TenantId', 'Tenant.Id']] },
  );
}

export const connectAzAccount: PsCmdletModule = {
  name: 'Connect-AzAccount',
  parameters: [
    { name: 'Tenant', aliases: ['Domain', 'TenantId'] },
    { name: 'Subscription', aliases: ['SubscriptionName', 'SubscriptionId'] },
    { name: 'UseDeviceAuthentication', aliases: ['DeviceCode', 'DeviceAuth', 'Device'], switch: true },
    { name: 'Identity', switch: true },
    { name: 'Environment', aliases: ['EnvironmentName'] },
  ],
  async run(inv): Promise<PsResult> {
    const sub = inv.args.get('Subscription');
    const a = inv.ctx.cliAccount;
    if (sub !== undefined && sub !== null && ![a.subscriptionId, a.subscriptionName].includes(psString(sub))) {
      return result([], [], { unsupported: `Connect-AzAccount -Subscription ${psString(sub)}: the target signs in to its own subscription only` });
    }
    const token = await inv.ctx.tokens.refresh(ARM_RESOURCE);
    const c = context(inv.ctx);
    const profile = new PsObject(
      'Microsoft.Azure.Commands.Profile.Models.Core.PSAzureProfile',
      [['Context', c], ['Account', a.user], ['SubscriptionName', a.subscriptionName], ['TenantId', a.tenantId], ['Environment', 'AzureCloud']],
      { kind: 'table', properties: ['Account', 'SubscriptionName', 'TenantId', 'Environment'] },
    );
    return result([profile], token.exchanges, { substitution: `Connect-AzAccount cannot open a browser here: ${token.note ?? `signed in as ${a.user} with a token the target issued`}` });
  },
};

export const setAzContext: PsCmdletModule = {
  name: 'Set-AzContext',
  parameters: [
    { name: 'Subscription', aliases: ['SubscriptionId', 'SubscriptionName'], position: 0 },
    { name: 'Tenant', aliases: ['Domain', 'TenantId'] },
  ],
  async run(inv): Promise<PsResult> {
    const a = inv.ctx.cliAccount;
    const sub = inv.args.get('Subscription');
    const tenant = inv.args.get('Tenant');
    // Another subscription is not the page's error: the reader sets their own, the target has one.
    if (sub !== undefined && sub !== null && ![a.subscriptionId, a.subscriptionName].includes(psString(sub))) {
      return result([], [], { unsupported: `Set-AzContext -Subscription ${psString(sub)}: the target serves its own subscription only` });
    }
    if (tenant !== undefined && tenant !== null && psString(tenant) !== a.tenantId) return result([], [], { unsupported: `Set-AzContext -Tenant ${psString(tenant)}: the target has one tenant` });
    return result([context(inv.ctx)]);
  },
};

export const getAzContext: PsCmdletModule = {
  name: 'Get-AzContext',
  parameters: [],
  async run(inv): Promise<PsResult> {
    // The context the sign-in made: the target's account, subscription and tenant.
    return result([context(inv.ctx)]);
  },
};
