// `az identity show`, `az keyvault show`, `az storage account show`: one GET of the resource by group
// and name, printed as az prints it (identities flattened, `resourceGroup` added); a name the group
// does not have is ARM's 404 and az's exit status 3.
import { ArmSession, azJson, callFailed, callPrinted, resourceGroupOf } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { flattenIdentity, IDENTITY_API_VERSION } from './identity-create.ts';
import { KEYVAULT_API_VERSION } from './keyvault-create.ts';
import { STORAGE_API_VERSION } from './storage-account-create.ts';

function showCommand(path: string[], provider: string, apiVersion: string, shape: (json: Record<string, unknown>) => Record<string, unknown>): AzCommandModule {
  return {
    path,
    options: [
      { dest: 'name', names: ['--name', '-n'], required: true },
      { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
    ],
    async run({ args, ctx }) {
      const session = new ArmSession(ctx);
      const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
      const get = await session.call('GET', `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/${provider}/${args.name ?? ''}?api-version=${apiVersion}`);
      if (!get.ok || typeof get.json !== 'object' || get.json === null) {
        const out = callFailed(session, get);
        return get.result.exchange.response?.status === 404 && out.output ? { ...out, output: { ...out.output, exitCode: 3 } } : out;
      }
      return callPrinted(session, azJson(shape(get.json as Record<string, unknown>)));
    },
  };
}

const withGroup = (json: Record<string, unknown>): Record<string, unknown> => ({ ...json, ...(typeof json.id === 'string' ? { resourceGroup: resourceGroupOf(json.id) } : {}) });

export const identityShow = showCommand(['identity', 'show'], 'Microsoft.ManagedIdentity/userAssignedIdentities', IDENTITY_API_VERSION, flattenIdentity);
export const keyvaultShow = showCommand(['keyvault', 'show'], 'Microsoft.KeyVault/vaults', KEYVAULT_API_VERSION, withGroup);
export const storageAccountShow = showCommand(['storage', 'account', 'show'], 'Microsoft.Storage/storageAccounts', STORAGE_API_VERSION, withGroup);
