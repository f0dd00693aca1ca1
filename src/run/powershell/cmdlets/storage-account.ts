// New-AzStorageAccount, Get-AzStorageAccount and Get-AzStorageAccountKey (Az.Storage): the storage
// resource provider's calls at the api-version of Az.Storage's management client (Microsoft.Storage
// 2022-05-01: Azure/azure-powershell src/Storage/Storage.Management.Sdk/README.md @ 09f82ce72c3d),
// the PSStorageAccount they return (Context is the AzureStorageContext data-plane cmdlets take) and
// the StorageAccountKey list (KeyName, Value, Permissions, CreationTime). Keys are secrets: the
// redactor learns each before anything is printed.
import { pollLro } from '../../az/arm.ts';
import type { StepContext } from '../../context.ts';
import { result, type PsCmdletModule, type PsResult } from '../cmdlet.ts';
import { PsHashtable, PsObject, psTruthy, type PsData } from '../values.ts';
import { psCallFailure, psSession } from './arm.ts';
import { strings, tagArg } from './resource-group.ts';

export const PS_STORAGE_API_VERSION = '2022-05-01';

type AccountJson = {
  id?: string;
  name?: string;
  location?: string;
  kind?: string;
  sku?: { name?: string; tier?: string };
  tags?: Record<string, string>;
  properties?: Record<string, unknown> & { primaryEndpoints?: Record<string, string>; primaryLocation?: string; provisioningState?: string; accessTier?: string; creationTime?: string; supportsHttpsTrafficOnly?: boolean };
};

/** The AzureStorageContext `$sa.Context` holds: the account's endpoints, signed in with the account's key (Az fetches it lazily). */
function storageContext(name: string, endpoints: Record<string, string>): PsObject {
  return new PsObject(
    'Microsoft.WindowsAzure.Commands.Storage.AzureStorageContext',
    [
      ['StorageAccountName', name],
      ['BlobEndPoint', endpoints.blob ?? null],
      ['TableEndPoint', endpoints.table ?? null],
      ['QueueEndPoint', endpoints.queue ?? null],
      ['FileEndPoint', endpoints.file ?? null],
      ['Name', name],
      ['EndPointSuffix', 'core.windows.net/'],
    ],
    { kind: 'list', properties: ['StorageAccountName', 'BlobEndPoint', 'TableEndPoint', 'QueueEndPoint', 'FileEndPoint'] },
  );
}

export function psStorageAccount(json: unknown): PsObject {
  const a = json as AccountJson;
  const p = a.properties ?? {};
  const endpoints = p.primaryEndpoints ?? {};
  const tags = new PsHashtable();
  for (const [k, v] of Object.entries(a.tags ?? {})) tags.set(k, v);
  const sku = new PsObject('Microsoft.Azure.Commands.Management.Storage.Models.PSSku', [['Name', a.sku?.name ?? null], ['Tier', a.sku?.tier ?? null]], { kind: 'list', properties: ['Name', 'Tier'] });
  const primary = new PsObject(
    'Microsoft.Azure.Commands.Management.Storage.Models.PSEndpoints',
    (['Blob', 'Queue', 'Table', 'File', 'Web', 'Dfs'] as const).map((k): [string, PsData] => [k, endpoints[k.toLowerCase()] ?? null]),
    { kind: 'list', properties: ['Blob', 'Queue', 'Table', 'File', 'Web', 'Dfs'] },
  );
  const group = /\/resourceGroups\/([^/]+)/i.exec(a.id ?? '')?.[1] ?? null;
  return new PsObject(
    'Microsoft.Azure.Commands.Management.Storage.Models.PSStorageAccount',
    [
      ['ResourceGroupName', group],
      ['StorageAccountName', a.name ?? null],
      ['Id', a.id ?? null],
      ['Location', a.location ?? null],
      ['Sku', sku],
      ['Kind', a.kind ?? null],
      ['AccessTier', p.accessTier ?? null],
      ['CreationTime', p.creationTime ?? null],
      ['PrimaryEndpoints', primary],
      ['PrimaryLocation', p.primaryLocation ?? null],
      ['ProvisioningState', p.provisioningState ?? null],
      ['Tags', a.tags ? tags : null],
      ['EnableHttpsTrafficOnly', p.supportsHttpsTrafficOnly ?? null],
      ['Context', storageContext(a.name ?? '', endpoints)],
    ],
    { kind: 'table', properties: ['StorageAccountName', 'ResourceGroupName', 'PrimaryLocation', ['SkuName', 'Sku.Name'], 'Kind', 'AccessTier', 'CreationTime', 'ProvisioningState', 'EnableHttpsTrafficOnly'] },
  );
}

/** -ResourceGroupName and -Name (alias -StorageAccountName, -AccountName), positions 0 and 1: the same on Get-AzStorageAccount and Get-AzStorageAccountKey. */
const ACCOUNT_PARAMETERS: PsCmdletModule['parameters'] = [
  { name: 'ResourceGroupName', position: 0 },
  { name: 'Name', aliases: ['StorageAccountName', 'AccountName'], position: 1 },
];

const accountPath = (ctx: StepContext, rg: string, name: string, op = ''): string =>
  `/subscriptions/${ctx.cliAccount.subscriptionId}/resourceGroups/${encodeURIComponent(rg)}/providers/Microsoft.Storage/storageAccounts/${encodeURIComponent(name)}${op}?api-version=${PS_STORAGE_API_VERSION}`;

export const newAzStorageAccount: PsCmdletModule = {
  name: 'New-AzStorageAccount',
  parameters: [
    { name: 'ResourceGroupName', position: 0 },
    { name: 'Name', aliases: ['StorageAccountName', 'AccountName'], position: 1 },
    { name: 'SkuName', aliases: ['StorageAccountType', 'AccountType', 'Type'], position: 2 },
    { name: 'Location', position: 3 },
    { name: 'Kind' },
    { name: 'AccessTier' },
    { name: 'Tag', aliases: ['Tags'] },
    { name: 'EnableHttpsTrafficOnly' },
    { name: 'MinimumTlsVersion' },
    { name: 'AllowBlobPublicAccess' },
    { name: 'EnableHierarchicalNamespace' },
  ],
  async run(inv): Promise<PsResult> {
    const s = strings(inv, ['ResourceGroupName', 'Name', 'SkuName', 'Location', 'Kind', 'AccessTier', 'MinimumTlsVersion']);
    if ('unsupported' in s) return result([], [], s);
    const tags = tagArg(inv.args.get('Tag'));
    if ('unsupported' in tags) return result([], [], tags);
    const v = s.values;
    if (v.ResourceGroupName === undefined || v.Name === undefined || v.SkuName === undefined || v.Location === undefined) {
      return result([], [], { unsupported: 'New-AzStorageAccount without -ResourceGroupName, -Name, -SkuName and -Location prompts for them (the reader types them)' });
    }
    const bool = (n: string): boolean | undefined => (inv.args.has(n) ? psTruthy(inv.args.get(n)) : undefined);
    const props: Record<string, unknown> = {};
    if (v.AccessTier !== undefined) props.accessTier = v.AccessTier;
    if (v.MinimumTlsVersion !== undefined) props.minimumTlsVersion = v.MinimumTlsVersion;
    for (const [param, field] of [['EnableHttpsTrafficOnly', 'supportsHttpsTrafficOnly'], ['AllowBlobPublicAccess', 'allowBlobPublicAccess'], ['EnableHierarchicalNamespace', 'isHnsEnabled']] as const) {
      const b = bool(param);
      if (b !== undefined) props[field] = b;
    }
    // Az sends what it was given; -Kind defaults to StorageV2.
    const body = { sku: { name: v.SkuName }, kind: v.Kind ?? 'StorageV2', location: v.Location, ...(tags.tags ? { tags: tags.tags } : {}), properties: props };
    const session = psSession(inv.ctx, this.name, 'AccountNameParameterSet');
    const put = await session.call('PUT', accountPath(inv.ctx, v.ResourceGroupName, v.Name), body);
    const done = put.ok ? await pollLro(session, put) : put;
    if (!done.ok) return result([], session.exchanges, psCallFailure(done));
    // The cmdlet reads the account back once it exists.
    const get = typeof done.json === 'object' && done.json !== null && 'properties' in done.json ? done : await session.call('GET', accountPath(inv.ctx, v.ResourceGroupName, v.Name));
    if (!get.ok) return result([], session.exchanges, psCallFailure(get));
    return result([psStorageAccount(get.json)], session.exchanges);
  },
};

export const getAzStorageAccount: PsCmdletModule = {
  name: 'Get-AzStorageAccount',
  parameters: ACCOUNT_PARAMETERS,
  async run(inv): Promise<PsResult> {
    const s = strings(inv, ['ResourceGroupName', 'Name']);
    if ('unsupported' in s) return result([], [], s);
    const { ResourceGroupName: rg, Name: name } = s.values;
    const session = psSession(inv.ctx, this.name, name !== undefined ? 'AccountNameParameterSet' : 'ResourceGroupParameterSet');
    if (rg !== undefined && name !== undefined) {
      const get = await session.call('GET', accountPath(inv.ctx, rg, name));
      if (!get.ok) return result([], session.exchanges, psCallFailure(get));
      return result([psStorageAccount(get.json)], session.exchanges);
    }
    if (name !== undefined) return result([], [], { unsupported: 'Get-AzStorageAccount -Name without -ResourceGroupName' });
    const sub = inv.ctx.cliAccount.subscriptionId;
    const path = rg !== undefined ? `/subscriptions/${sub}/resourceGroups/${encodeURIComponent(rg)}/providers/Microsoft.Storage/storageAccounts` : `/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts`;
    const list = await session.call('GET', `${path}?api-version=${PS_STORAGE_API_VERSION}`);
    if (!list.ok) return result([], session.exchanges, psCallFailure(list));
    return result(((list.json as { value?: unknown[] } | undefined)?.value ?? []).map(psStorageAccount), session.exchanges);
  },
};

export const getAzStorageAccountKey: PsCmdletModule = {
  name: 'Get-AzStorageAccountKey',
  parameters: ACCOUNT_PARAMETERS,
  async run(inv): Promise<PsResult> {
    const s = strings(inv, ['ResourceGroupName', 'Name']);
    if ('unsupported' in s) return result([], [], s);
    const { ResourceGroupName: rg, Name: name } = s.values;
    if (rg === undefined || name === undefined) return result([], [], { unsupported: 'Get-AzStorageAccountKey without -ResourceGroupName and -Name prompts for them' });
    const session = psSession(inv.ctx, this.name, 'AccountNameParameterSet');
    const post = await session.call('POST', accountPath(inv.ctx, rg, name, '/listKeys'));
    if (!post.ok) return result([], session.exchanges, psCallFailure(post));
    const keys = ((post.json as { keys?: { keyName?: string; value?: string; permissions?: string; creationTime?: string }[] } | undefined)?.keys ?? []).map((k) => {
      if (typeof k.value === 'string') inv.ctx.secrets.add(k.value, `storage account key ${k.keyName ?? ''} of ${name}`);
      return new PsObject(
        'Microsoft.Azure.Management.Storage.Models.StorageAccountKey',
        [['KeyName', k.keyName ?? null], ['Value', k.value ?? null], ['Permissions', k.permissions ? k.permissions.replace(/^./, (c) => c.toUpperCase()) : null], ['CreationTime', k.creationTime ?? null]],
        { kind: 'table', properties: ['KeyName', 'Value', 'Permissions', 'CreationTime'] },
        true, // the SDK's StorageAccountKey has these four
      );
    });
    return result(keys, session.exchanges);
  },
};
