// `az storage account create -n NAME -g RG [-l LOCATION] [--sku SKU] [--kind KIND]`: as az 2.67 does,
// GET the group for its location when none is given, PUT the account (StorageV2 and Standard_RAGRS
// unless told otherwise, HTTPS only, TLS 1.2, no public blob access), follow the operation until it
// ends and print the account as az prints it (with `resourceGroup`).
import { azJson, callFailed, callPrinted, pollLro, resourceGroupOf } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { tagsOf } from './group-create.ts';
import { creationTarget } from './group-show.ts';

export const STORAGE_API_VERSION = '2023-05-01';

export const storageAccountCreate: AzCommandModule = {
  path: ['storage', 'account', 'create'],
  options: [
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
    { dest: 'location', names: ['--location', '-l'] },
    { dest: 'sku', names: ['--sku'] },
    { dest: 'kind', names: ['--kind'] },
    { dest: 'access-tier', names: ['--access-tier'] },
    { dest: 'allow-blob-public-access', names: ['--allow-blob-public-access'] },
    { dest: 'https-only', names: ['--https-only'] },
    { dest: 'min-tls-version', names: ['--min-tls-version'] },
    { dest: 'tags', names: ['--tags'] },
  ],
  async run(inv) {
    const { args } = inv;
    const target = await creationTarget(inv);
    if ('failed' in target) return target.failed;
    const { session, sub, rg, location } = target;
    const body = {
      location,
      sku: { name: args.sku ?? 'Standard_RAGRS' },
      kind: args.kind ?? 'StorageV2',
      ...tagsOf(args),
      properties: {
        supportsHttpsTrafficOnly: (args['https-only'] ?? 'true').toLowerCase() !== 'false',
        minimumTlsVersion: args['min-tls-version'] ?? 'TLS1_2',
        allowBlobPublicAccess: (args['allow-blob-public-access'] ?? 'false').toLowerCase() === 'true',
        ...(args['access-tier'] ? { accessTier: args['access-tier'] } : {}),
        encryption: { services: { blob: { enabled: true }, file: { enabled: true } }, keySource: 'Microsoft.Storage' },
      },
    };
    const put = await session.call('PUT', `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${args.name ?? ''}?api-version=${STORAGE_API_VERSION}`, body);
    if (!put.ok) return callFailed(session, put);
    const done = await pollLro(session, put);
    if (!done.ok || typeof done.json !== 'object' || done.json === null) return callFailed(session, done);
    const account = done.json as Record<string, unknown>;
    return callPrinted(session, azJson({ ...account, resourceGroup: typeof account.id === 'string' ? resourceGroupOf(account.id) : rg }));
  },
};
