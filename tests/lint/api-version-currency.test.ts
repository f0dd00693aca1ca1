// api-version-currency (issue 16 item 3): the generated version table, where the rule finds a
// version on a page (URL, Bicep, template, az / PowerShell parameter), what it says, and the real
// pages where it must stay quiet.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { renderApiVersions } from '../../src/reference/api-versions-source.ts';
import { judgeApiVersion } from '../../src/lint/rules/api-version-currency.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === 'api-version-currency');

describe('src/reference/api-versions.json', () => {
  it('is what scripts/generate-api-versions.ts makes of scripts/data/api-versions/*.txt (byte for byte)', () => {
    const dir = join(root, 'scripts/data/api-versions');
    const listings = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ file: `scripts/data/api-versions/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
    expect(renderApiVersions(listings)).toBe(read('src/reference/api-versions.json'));
  });
  it('rejects a listing line without a commit, naming file and line', () => {
    expect(() => renderApiVersions([{ file: 'x.txt', text: 'repo a/b\nfolder f\nnamespace Microsoft.X\n2020-01-01/types.json\n' }])).toThrow(/x\.txt:4: expected "<path> <40-hex commit>"/);
  });
});

describe('judgeApiVersion', () => {
  it('a stable version more than two years behind the newest stable: warning naming it', () => {
    expect(judgeApiVersion('Microsoft.Web', 'sites/config', '2020-06-01')).toMatchObject({ severity: 'warning', suggestion: '2025-03-01' });
  });
  it('within two years of the newest stable: nothing', () => {
    expect(judgeApiVersion('Microsoft.Web', 'sites', '2024-04-01')).toBeUndefined();
  });
  it('a preview where a newer stable shipped less than two years later: note', () => {
    expect(judgeApiVersion('Microsoft.KeyVault', 'vaults', '2024-12-01-preview')).toMatchObject({ severity: 'note', suggestion: '2026-05-15' });
  });
  it('a preview newer than every stable: nothing', () => {
    expect(judgeApiVersion('Microsoft.KeyVault', 'vaults', '2026-06-01-preview')).toBeUndefined();
  });
  it('a version the namespace never published: warning; one newer than the listing: nothing (the listing may be older)', () => {
    expect(judgeApiVersion('Microsoft.Storage', 'storageAccounts', '2019-06-02')?.message).toMatch(/not among the versions Microsoft\.Storage published.*NoRegisteredProviderFound/);
    expect(judgeApiVersion('Microsoft.Storage', 'storageAccounts', '2030-01-01')).toBeUndefined();
  });
  it('a version ARM registers beyond the specs (the emulator\'s list: storage 2021-05-01) is known (stale, not unknown)', () => {
    const verdict = judgeApiVersion('Microsoft.Storage', 'storageAccounts', '2021-05-01');
    expect(verdict?.message).not.toMatch(/not among/);
    expect(verdict?.message).toMatch(/more than two years older/);
  });
  it('silent where the data cannot say: partial listing, a type not modelled, a namespace not covered, not a date', () => {
    expect(judgeApiVersion('Microsoft.Network', 'virtualNetworks', '2019-02-02')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Authorization', 'elevateAccess', '2016-07-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Authorization', 'roleAssignments', '2017-05-01')?.message).not.toMatch(/not among/);
    expect(judgeApiVersion('Microsoft.Compute', 'disks', '2015-06-15')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Storage', 'storageAccounts', '2019-13-01')).toBeUndefined();
  });
  it("Microsoft.Resources and Microsoft.Compute per spec folder (the readmes' input files): each type against its own versions", () => {
    expect(judgeApiVersion('Microsoft.Resources', 'resourceGroups', '2016-09-01')?.message).toMatch(/Microsoft\.Resources\/resourceGroups is more than two years older than the newest stable version, 2025-04-01/);
    expect(judgeApiVersion('Microsoft.Resources', 'deployments', '2019-10-01')?.suggestion).toBe('2025-04-01');
    expect(judgeApiVersion('Microsoft.Resources', 'subscriptions', '2022-12-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Resources', 'subscriptions', '2021-01-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Resources', 'subscriptions', '2020-01-01')?.suggestion).toBe('2022-12-01');
    expect(judgeApiVersion('Microsoft.Resources', 'deployments', '2019-06-02')?.message).toMatch(/not among the versions Microsoft\.Resources\/deployments published/);
    expect(judgeApiVersion('Microsoft.Resources', 'templateSpecs', '2019-06-01-preview')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Compute', 'virtualMachines', '2024-07-02')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Compute', 'virtualMachines', '2015-06-15')?.suggestion).toBe('2025-04-01');
    // disks version apart from virtual machines: 2023-10-02 is within two years of 2025-01-02.
    expect(judgeApiVersion('Microsoft.Compute', 'disks', '2023-10-02')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Compute', 'disks', '2019-07-01')?.suggestion).toBe('2025-01-02');
    expect(judgeApiVersion('Microsoft.Compute', 'galleries', '2022-03-03')).toBeUndefined();
  });
  it('Microsoft.Authorization/locks from its own spec folder beside the RBAC types; Microsoft.Network DNS zones apart from the network folder', () => {
    expect(judgeApiVersion('Microsoft.Authorization', 'locks', '2016-09-01')).toMatchObject({ severity: 'warning', suggestion: '2020-05-01' });
    expect(judgeApiVersion('Microsoft.Authorization', 'locks', '2020-05-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Network', 'dnsZones', '2018-05-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Network', 'privateDnsZones', '2024-06-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Network', 'privateDnsZones', '2020-06-01')?.suggestion).toBe('2024-06-01');
    expect(judgeApiVersion('Microsoft.Network', 'frontDoors', '2020-05-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Network', 'virtualNetworks', '2020-05-01')?.message).toMatch(/stable version 2025-03-01 \(the listing may miss newer ones\)/);
  });
  it('Microsoft.Insights per spec file (the monitor readme\'s newest tags, partial): metric alerts keep 2018-03-01 while scheduled query rules reach 2026', () => {
    expect(judgeApiVersion('Microsoft.Insights', 'metricAlerts', '2018-03-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Insights', 'eventtypes/management/values', '2015-04-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Insights', 'scheduledQueryRules', '2022-08-01-preview')).toMatchObject({ severity: 'warning', suggestion: '2026-03-01' });
    expect(judgeApiVersion('Microsoft.Insights', 'actionGroups', '2019-06-01')).toBeUndefined(); // not in the partial listing: not judged
    expect(judgeApiVersion('Microsoft.Insights', 'diagnosticSettings', '2021-05-01-preview')).toBeUndefined();
  });
  it('Microsoft.ContainerService: managed clusters from the AKS readme (partial: it stops at 2024-07); fleets not judged', () => {
    expect(judgeApiVersion('Microsoft.ContainerService', 'managedClusters', '2021-03-01')?.suggestion).toBe('2024-07-01');
    expect(judgeApiVersion('Microsoft.ContainerService', 'managedClusters/agentPools', '2024-05-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.ContainerService', 'managedClusters', '2023-05-02-preview')?.severity).toBe('note');
    expect(judgeApiVersion('Microsoft.ContainerService', 'managedClusters', '2024-09-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.ContainerService', 'fleets', '2023-10-15')).toBeUndefined();
  });
  it('per resource type for Microsoft.Authorization: roleAssignments against its own newest stable', () => {
    expect(judgeApiVersion('Microsoft.Authorization', 'roleassignments', '2015-07-01')?.message).toMatch(/Microsoft\.Authorization\/roleassignments.*2022-04-01/);
    expect(judgeApiVersion('Microsoft.Authorization', 'roleDefinitions', '2022-04-01')).toBeUndefined();
  });
});

describe('listings scoped to the types they speak for (only / except)', () => {
  it('Microsoft.Web/connections (Logic Apps API connections, 2016-06-01 only) is not judged by the sites and plans versions', () => {
    expect(judgeApiVersion('Microsoft.Web', 'connections', '2016-06-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Web', 'customApis', '2016-06-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Web', 'serverfarms', '2016-09-01')?.severity).toBe('warning');
  });
  it('Microsoft.Cache: redis judged by the redis folder, redisEnterprise (another folder, other versions) not judged', () => {
    expect(judgeApiVersion('Microsoft.Cache', 'redis', '2020-06-01')).toMatchObject({ severity: 'warning', suggestion: '2024-11-01' });
    expect(judgeApiVersion('Microsoft.Cache', 'redis/firewallRules', '2024-03-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Cache', 'redisEnterprise', '2020-10-01-preview')).toBeUndefined();
  });
  it('Microsoft.Sql, Microsoft.Cdn, Microsoft.Logic: newest stable named; a preview older than it by two years: warning', () => {
    expect(judgeApiVersion('Microsoft.Sql', 'servers/databases', '2014-04-01')?.suggestion).toBe('2023-08-01');
    expect(judgeApiVersion('Microsoft.Sql', 'servers', '2021-11-01')).toBeUndefined();
    expect(judgeApiVersion('Microsoft.Sql', 'servers', '2015-05-01-preview')).toMatchObject({ severity: 'warning', suggestion: '2023-08-01' });
    expect(judgeApiVersion('Microsoft.Cdn', 'profiles', '2016-04-02')?.suggestion).toBe('2025-06-01');
    expect(judgeApiVersion('Microsoft.Logic', 'workflows', '2016-06-01')?.suggestion).toBe('2019-05-01');
    expect(judgeApiVersion('Microsoft.Logic', 'workflows', '2019-05-01')).toBeUndefined();
  });
  it('`only` and `except` in a listing: per-type entry, or types the namespace-wide list does not speak for', () => {
    const only = renderApiVersions([{ file: 'a.txt', text: 'repo a/b\nfolder f\nnamespace Microsoft.X\nonly things\n2020-01-01/types.md ' + 'a'.repeat(40) + '\n' }]);
    expect(JSON.parse(only).namespaces['Microsoft.X']).toMatchObject({ stable: [], types: { things: { stable: ['2020-01-01'] } } });
    const except = renderApiVersions([{ file: 'a.txt', text: 'repo a/b\nfolder f\nnamespace Microsoft.X\nexcept Others More\n2020-01-01/types.md ' + 'a'.repeat(40) + '\n' }]);
    expect(JSON.parse(except).namespaces['Microsoft.X']).toMatchObject({ stable: ['2020-01-01'], except: ['more', 'others'] });
  });
});

describe('where a page writes an api-version', () => {
  const page = (...lines: string[]) => ['# Page', '', ...lines, ''].join('\n');
  it('template "apiVersion" judged with the "type" of its resource, a few lines away', () => {
    const text = page('```json', '{', '  "resources": [', '    {', '      "name": "x",', '      "type": "Microsoft.Storage/storageAccounts",', '      "location": "eastus",', '      "apiVersion": "2019-06-01"', '    }', '  ]', '}', '```');
    expect(found('tests/lint/fixtures/t.md', text).map((f) => [f.line, f.column])).toEqual([[10, 22]]);
  });
  it('Bicep type@version, az --api-version with --namespace and --resource-type, PowerShell -ApiVersion with -ResourceType on the line before', () => {
    const text = page(
      '```bicep',
      "resource sa 'Microsoft.Storage/storageAccounts@2019-06-01' = {",
      '}',
      '```',
      '',
      '```azurecli',
      'az resource show -g rg -n app --namespace Microsoft.Web --resource-type sites --api-version 2018-02-01',
      '```',
      '',
      '```powershell',
      'Set-AzResource -ResourceGroupName rg `',
      '-ResourceType Microsoft.Web/sites/config -ResourceName app/web `',
      '-ApiVersion 2015-08-01 -Force',
      '```',
    );
    expect(found('tests/lint/fixtures/t.md', text).map((f) => [f.line, f.message.slice(0, 40)])).toEqual([
      [4, 'api-version 2019-06-01 of Microsoft.Stor'],
      [9, 'api-version 2018-02-01 of Microsoft.Web '],
      [15, 'api-version 2015-08-01 of Microsoft.Web '],
    ]);
  });
  it('a URL whose placeholders hold spaces', () => {
    const text = page('```bash', "curl -X POST 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/listKeys?api-version=2016-12-01' -H \"Authorization: Bearer $T\"", '```');
    expect(found('tests/lint/fixtures/t.md', text).map((f) => f.line)).toEqual([4]);
  });
  it('registering a provider is judged as Microsoft.Resources/providers, not as a type of the namespace registered', () => {
    const text = page('```bash', "az rest --method post --url 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/providers/Microsoft.Storage/register?api-version=2019-10-01'", '```');
    expect(found('tests/lint/fixtures/t.md', text).map((f) => f.message.slice(0, 60))).toEqual(['api-version 2019-10-01 of Microsoft.Resources/providers is m']);
  });
  it('prose that cites a version is no request', () => {
    expect(found('tests/lint/fixtures/t.md', page('Since api-version 2015-07-01 of Microsoft.Storage/storageAccounts the property exists.'))).toEqual([]);
  });
});

describe('real pages', () => {
  it('role-assignments-rest.md: 2015-07-01 twice and the 2018-09-01-preview, each on its URL', () => {
    const f = found('tests/corpus/articles/role-based-access-control/role-assignments-rest.md');
    expect(f.map((x) => [x.line, x.severity])).toEqual([[35, 'warning'], [78, 'warning'], [116, 'warning']]);
    expect(f[2]?.message).toMatch(/2018-09-01-preview .* is a preview/);
  });
  it('quick-create-bicep.md: both Bicep resources at 2021-11-01-preview', () => {
    expect(found('tests/corpus/articles/key-vault/keys/quick-create-bicep.md').map((x) => x.line)).toEqual([72, 95]);
  });
  it('silent on current versions and on what the table does not model (elevate-access-global-admin.md: roleAssignments, denyAssignments, roleDefinitions at 2022-04-01; elevateAccess 2016-07-01; Microsoft.Insights)', () => {
    const page = 'tests/corpus/articles/role-based-access-control/elevate-access-global-admin.md';
    expect(read(page)).toMatch(/roleAssignments\?api-version=2022-04-01/);
    expect(read(page)).toMatch(/elevateAccess\?api-version=2016-07-01/);
    expect(found(page)).toEqual([]);
  });
  it('a resource group URL (no /providers/ segment) in a tutorial: Microsoft.Resources/resourceGroups 2016-09-01', () => {
    expect(found('tutorials/000-arm-system-assigned.md').map((x) => [x.line, x.severity])).toEqual([[71, 'warning']]);
  });
  it('silent on the data-plane and IMDS versions of the tutorials (no provider namespace in the URL)', () => {
    expect(found('tutorials/000-key-vault.md')).toEqual([]);
  });
});
