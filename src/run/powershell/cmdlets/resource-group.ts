// New-, Get- and Remove-AzResourceGroup (Az.Resources): the resource group calls az makes too
// (Az.Resources' ResourceManagementClient targets Microsoft.Resources 2022-09-01, per
// Azure/azure-powershell src/Resources/Resources.Sdk/Readme.md), the PSResourceGroup they return
// (ResourcesExtensions.ToPSResourceGroup) and its list view, whose Tags row is the TagsTable
// (ResourcesExtensions.ConstructTagsTable: "Name  Value", "=" rules, rows padded to the widest).
import { pollLro, resourceGroupOf } from '../../az/arm.ts';
import { RESOURCE_GROUP_API_VERSION } from '../../az/group-create.ts';
import { result, type PsCmdletModule, type PsInvocation, type PsResult } from '../cmdlet.ts';
import { stringArg } from '../run.ts';
import { PsHashtable, PsObject, psString, type PsData } from '../values.ts';
import { psCallFailure, psSession } from './arm.ts';

export const PS_RESOURCE_GROUP = 'Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResourceGroup';

function tagsTable(tags: Record<string, string> | undefined): string | null {
  const entries = Object.entries(tags ?? {});
  if (entries.length === 0) return null;
  const n = Math.max(4, ...entries.map(([k]) => k.length));
  const v = Math.max(5, ...entries.map(([, x]) => x.length));
  const row = (a: string, b: string): string => `${a.padEnd(n)}  ${b.padEnd(v)}\n`;
  return `\n${row('Name', 'Value')}${row('='.repeat(n), '='.repeat(v))}${entries.filter(([k]) => !k.startsWith('hidden-')).map(([k, x]) => row(k, x)).join('')}`;
}

/** A resource group's JSON as the PSResourceGroup Az.Resources returns. */
export function psResourceGroup(json: unknown): PsObject {
  const g = json as { name?: string; location?: string; id?: string; managedBy?: string; tags?: Record<string, string>; properties?: { provisioningState?: string } };
  const tags = new PsHashtable();
  for (const [k, v] of Object.entries(g.tags ?? {})) tags.set(k, v);
  return new PsObject(
    PS_RESOURCE_GROUP,
    [
      ['ResourceGroupName', g.name ?? null],
      ['Location', g.location ?? null],
      ['ProvisioningState', g.properties?.provisioningState ?? null],
      ['Tags', g.tags ? tags : null],
      ['TagsTable', tagsTable(g.tags)],
      ['ResourceId', g.id ?? null],
      ['ManagedBy', g.managedBy ?? null],
    ],
    { kind: 'list', properties: ['ResourceGroupName', 'Location', 'ProvisioningState', ['Tags', 'TagsTable'], 'ResourceId'] },
    true, // PSResourceGroup's properties are these seven
  );
}

type Strings = { values: Record<string, string> } | { unsupported: string };

/** The string parameters of an invocation, converted as PowerShell binds [string]. */
export function strings(inv: PsInvocation, names: readonly string[]): Strings {
  const values: Record<string, string> = {};
  for (const n of names) {
    const got = stringArg(inv.args.get(n));
    if (got === undefined) continue;
    if ('unsupported' in got) return got;
    values[n] = got.value;
  }
  return { values };
}

/** -Tag @{ k = 'v' }: a hashtable of strings. */
export function tagArg(value: PsData | undefined): { tags?: Record<string, string> } | { unsupported: string } {
  if (value === undefined || value === null) return {};
  if (!(value instanceof PsHashtable)) return { unsupported: `-Tag given ${psString(value)} (a hashtable @{ Name = 'value' } is what it binds)` };
  return { tags: Object.fromEntries(value.entries.map(([k, v]) => [k, psString(v)])) };
}

const groupPath = (sub: string, name: string): string => `/subscriptions/${sub}/resourcegroups/${encodeURIComponent(name)}?api-version=${RESOURCE_GROUP_API_VERSION}`;

export const newAzResourceGroup: PsCmdletModule = {
  name: 'New-AzResourceGroup',
  parameters: [
    { name: 'Name', aliases: ['ResourceGroupName'], position: 0 },
    { name: 'Location', position: 1 },
    { name: 'Tag', aliases: ['Tags'] },
    { name: 'Force', switch: true },
    { name: 'Confirm', switch: true },
  ],
  async run(inv): Promise<PsResult> {
    const s = strings(inv, ['Name', 'Location']);
    if ('unsupported' in s) return result([], [], s);
    const tags = tagArg(inv.args.get('Tag'));
    if ('unsupported' in tags) return result([], [], tags);
    const { Name: name, Location: location } = s.values;
    if (name === undefined || location === undefined) return result([], [], { unsupported: 'New-AzResourceGroup without -Name and -Location prompts for them (the reader types them)' });
    // Az first asks whether the group exists (HEAD) and, when it does, asks the reader to confirm the
    // update unless -Force; either way the PUT follows. The emulator serves no HEAD: the PUT is the call judged.
    const session = psSession(inv.ctx, this.name, 'Default');
    const put = await session.call('PUT', groupPath(inv.ctx.cliAccount.subscriptionId, name), { location, ...(tags.tags ? { tags: tags.tags } : {}) });
    if (!put.ok) return result([], session.exchanges, psCallFailure(put));
    return result([psResourceGroup(put.json)], session.exchanges);
  },
};

export const getAzResourceGroup: PsCmdletModule = {
  name: 'Get-AzResourceGroup',
  parameters: [
    { name: 'Name', aliases: ['ResourceGroupName'], position: 0 },
    { name: 'Id', aliases: ['ResourceGroupId', 'ResourceId'] },
    { name: 'Location', position: 1 },
  ],
  async run(inv): Promise<PsResult> {
    const s = strings(inv, ['Name', 'Id', 'Location']);
    if ('unsupported' in s) return result([], [], s);
    const name = s.values.Name ?? (s.values.Id !== undefined ? resourceGroupOf(s.values.Id) : undefined);
    const sub = inv.ctx.cliAccount.subscriptionId;
    if (name !== undefined && /[*?]/.test(name)) return result([], [], { unsupported: 'a wildcard -Name (Az lists every group and filters them)' });
    const session = psSession(inv.ctx, this.name, name !== undefined ? 'GetByResourceGroupName' : 'GetByResourceGroupName');
    if (name !== undefined) {
      const get = await session.call('GET', groupPath(sub, name));
      // Az.Resources turns ResourceGroupNotFound into its own message (Resources.ResourceGroupDoesntExists).
      if (get.result.exchange.response?.status === 404) return result([], session.exchanges, { error: 'Provided resource group does not exist.' });
      if (!get.ok) return result([], session.exchanges, psCallFailure(get));
      return result([psResourceGroup(get.json)], session.exchanges);
    }
    const list = await session.call('GET', `/subscriptions/${sub}/resourcegroups?api-version=${RESOURCE_GROUP_API_VERSION}`);
    if (!list.ok) return result([], session.exchanges, psCallFailure(list));
    const groups = ((list.json as { value?: unknown[] } | undefined)?.value ?? []).map(psResourceGroup);
    const location = s.values.Location?.toLowerCase().replace(/\s+/g, '');
    return result(location === undefined ? groups : groups.filter((g) => psString(g.member('Location') ?? null).toLowerCase() === location), session.exchanges);
  },
};

export const removeAzResourceGroup: PsCmdletModule = {
  name: 'Remove-AzResourceGroup',
  parameters: [
    { name: 'Name', aliases: ['ResourceGroupName'], position: 0 },
    { name: 'Id', aliases: ['ResourceGroupId', 'ResourceId'] },
    { name: 'Force', switch: true },
    { name: 'Confirm', switch: true },
  ],
  async run(inv): Promise<PsResult> {
    const s = strings(inv, ['Name', 'Id']);
    if ('unsupported' in s) return result([], [], s);
    const name = s.values.Name ?? (s.values.Id !== undefined ? resourceGroupOf(s.values.Id) : undefined);
    if (name === undefined) return result([], [], { unsupported: 'Remove-AzResourceGroup without -Name prompts for it (the reader types it)' });
    const session = psSession(inv.ctx, this.name, s.values.Name !== undefined ? 'RemoveByResourceGroupName' : 'RemoveByResourceGroupId');
    const del = await session.call('DELETE', groupPath(inv.ctx.cliAccount.subscriptionId, name));
    const done = del.ok ? await pollLro(session, del) : del;
    if (!done.ok) return result([], session.exchanges, psCallFailure(done));
    // Without -Force the cmdlet asks (ConfirmAction → ShouldContinue, which -Confirm:$false does not silence) "Are you sure you want to remove resource group …"; the reader answers yes.
    const asked = !inv.switches.has('Force');
    return result([true], session.exchanges, asked ? { substitution: `Remove-AzResourceGroup asks to confirm removing '${name}'; answered Yes, as the reader following the page does` } : {});
  },
};
