// `az keyvault create -n NAME -g RG [-l LOCATION]`: as az 2.67 does it, GET the group for its location
// when none is given, then PUT the vault with the signed-in account's tenant, the standard SKU, soft
// delete and — az's default since 2.61.0 — Azure RBAC authorization (no access policy for the creator:
// reading or writing secrets then needs a Key Vault data role, as on Azure). `--enable-rbac-authorization
// false` creates an access-policy vault whose only policy is the creator's, with az's default permissions.
import { azJson, callFailed, callPrinted, resourceGroupOf } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { tagsOf } from './group-create.ts';
import { creationTarget } from './group-show.ts';

export const KEYVAULT_API_VERSION = '2023-07-01';
/**
 * az keyvault create's permissions for the creator of an access-policy vault, listed one by one as
 * azure-cli's keyvault/custom.py create_vault does (never "all").
 */
const CREATOR_PERMISSIONS = {
  keys: ['get', 'create', 'delete', 'list', 'update', 'import', 'backup', 'restore', 'recover'],
  secrets: ['get', 'list', 'set', 'delete', 'backup', 'restore', 'recover'],
  certificates: ['get', 'list', 'delete', 'create', 'import', 'update', 'managecontacts', 'getissuers', 'listissuers', 'setissuers', 'deleteissuers', 'manageissuers', 'recover'],
  storage: ['get', 'list', 'delete', 'set', 'update', 'regeneratekey', 'setsas', 'listsas', 'getsas', 'deletesas'],
};

export const keyvaultCreate: AzCommandModule = {
  path: ['keyvault', 'create'],
  options: [
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
    { dest: 'location', names: ['--location', '-l'] },
    { dest: 'sku', names: ['--sku'] },
    { dest: 'enable-rbac-authorization', names: ['--enable-rbac-authorization'] },
    { dest: 'retention-days', names: ['--retention-days'] },
    { dest: 'enable-purge-protection', names: ['--enable-purge-protection'] },
    { dest: 'tags', names: ['--tags'] },
  ],
  async run(inv) {
    const { args, ctx } = inv;
    const target = await creationTarget(inv);
    if ('failed' in target) return target.failed;
    const { session, sub, rg, location } = target;
    const rbac = (args['enable-rbac-authorization'] ?? 'true').toLowerCase() !== 'false';
    const creator = ctx.cliAccount.objectId;
    const accessPolicies = rbac || creator === undefined ? [] : [{ tenantId: ctx.cliAccount.tenantId, objectId: creator, permissions: CREATOR_PERMISSIONS }];
    const body = {
      location,
      ...tagsOf(args),
      properties: {
        tenantId: ctx.cliAccount.tenantId,
        sku: { family: 'A', name: (args.sku ?? 'standard').toLowerCase() },
        accessPolicies,
        enableRbacAuthorization: rbac,
        enableSoftDelete: true,
        softDeleteRetentionInDays: Number(args['retention-days'] ?? '90'),
        ...(args['enable-purge-protection']?.toLowerCase() === 'true' ? { enablePurgeProtection: true } : {}),
      },
    };
    const put = await session.call('PUT', `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.KeyVault/vaults/${args.name ?? ''}?api-version=${KEYVAULT_API_VERSION}`, body);
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return callFailed(session, put);
    const vault = put.json as Record<string, unknown>;
    return callPrinted(session, azJson({ ...vault, resourceGroup: typeof vault.id === 'string' ? resourceGroupOf(vault.id) : rg }));
  },
};
