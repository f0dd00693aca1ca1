// Negative cases on real pages for curl-upload-at, shell-unassigned-variable and
// api-version-not-a-date (issue 16 items 3 and 5), and where they fire on corpus pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);

describe('curl-upload-at', () => {
  it('silent on -T "<file>" (deploy-zip.md, basic authentication)', () => {
    const page = 'tests/corpus/articles/app-service/deploy-zip.md';
    const lines = read(page).split('\n');
    const ok = lines.findIndex((l) => l.includes('-T "<zip-package-path>"')) + 1;
    expect(ok).toBeGreaterThan(0);
    expect(found(page, 'curl-upload-at').filter((f) => f.line === ok)).toEqual([]);
  });
});

describe('shell-unassigned-variable', () => {
  it('silent where the page assigns its variables: TOKEN=$(…) (deploy-zip.md), read name after && (quick-create-bicep.md, manage-resources-cli.md)', () => {
    expect(read('tests/corpus/articles/app-service/deploy-zip.md')).toMatch(/^TOKEN=\$\(az account get-access-token/m);
    expect(found('tests/corpus/articles/app-service/deploy-zip.md', 'shell-unassigned-variable')).toEqual([]);
    expect(read('tests/corpus/articles/key-vault/keys/quick-create-bicep.md')).toMatch(/read keyVaultName &&\naz keyvault key list --vault-name \$keyVaultName/);
    expect(found('tests/corpus/articles/key-vault/keys/quick-create-bicep.md', 'shell-unassigned-variable')).toEqual([]);
    expect(found('tests/corpus/articles/azure-resource-manager/management/manage-resources-cli.md', 'shell-unassigned-variable')).toEqual([]);
  });
  it('deploy-cli.md: $bicepFile is never assigned (line 148)', () => {
    expect(found('tests/corpus/articles/azure-resource-manager/bicep/deploy-cli.md', 'shell-unassigned-variable').map((f) => [f.line, f.severity])).toEqual([[148, 'warning']]);
  });
  it('tutorial-rotation.md: $tomorrowDate assigned PowerShell-style in a bash block', () => {
    const f = found('tests/corpus/articles/key-vault/secrets/tutorial-rotation.md', 'shell-unassigned-variable');
    expect(f.map((x) => x.line)).toEqual([200]);
    expect(f[0]?.message).toMatch(/PowerShell-style on line 199/);
  });
  it('silent when the prose tells the reader to set the variable', () => {
    const page = 'tests/corpus/articles/azure-resource-manager/bicep/deploy-cli.md';
    const text = read(page).replace('Your Bicep file might include', 'Set bicepFile to the path of your Bicep file. Your Bicep file might include');
    expect(found(page, 'shell-unassigned-variable', text)).toEqual([]);
  });
});

describe('api-version-not-a-date', () => {
  it('silent on real api-versions in URLs, Bicep and templates (role-assignments-rest.md, quick-create-bicep.md, quick-create-template.md)', () => {
    expect(read('tests/corpus/articles/role-based-access-control/role-assignments-rest.md')).toMatch(/api-version=2015-07-01/);
    expect(found('tests/corpus/articles/role-based-access-control/role-assignments-rest.md', 'api-version-not-a-date')).toEqual([]);
    expect(read('tests/corpus/articles/key-vault/keys/quick-create-bicep.md')).toMatch(/Microsoft\.KeyVault\/vaults@2021-11-01-preview/);
    expect(found('tests/corpus/articles/key-vault/keys/quick-create-bicep.md', 'api-version-not-a-date')).toEqual([]);
    expect(found('tests/corpus/articles/key-vault/keys/quick-create-template.md', 'api-version-not-a-date')).toEqual([]);
  });
  it('reports a version that cannot be a date in a table, a Bicep type and a template', () => {
    const text = [
      '# Versions',
      '',
      '| Resource type | API version |',
      '| --- | --- |',
      '| Microsoft.Compute/virtualMachines | 2018-20-01 |',
      '| Microsoft.Compute/disks | 2023-02-29 |',
      '',
      "resource vault 'Microsoft.KeyVault/vaults@2023-02-30' = {",
      '',
      '```json',
      '{ "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2021-00-01" }',
      '```',
      '',
    ].join('\n');
    const f = lintText(text).filter((x) => x.rule === 'api-version-not-a-date');
    expect(f.map((x) => [x.line, x.message.match(/\(([^)]*)\)/)?.[1]])).toEqual([
      [5, 'there is no month 20'],
      [6, 'February 2023 has no day 29'],
      [8, 'February 2023 has no day 30'],
      [11, 'there is no month 0'],
    ]);
    expect(f[0]?.message).toMatch(/Did you mean 2018-01-20\?/);
  });
});

describe('provider-namespace-misspelt', () => {
  it('knows namespaces in any case and flags only a dot or one letter away', async () => {
    const { misspeltNamespace } = await import('../../src/lint/rules/provider-namespace-misspelt.ts');
    expect(misspeltNamespace('Microsoft.Compute')).toBeUndefined();
    expect(misspeltNamespace('microsoft.insights')).toBeUndefined();
    expect(misspeltNamespace('Microsoft.Insights')).toBeUndefined();
    expect(misspeltNamespace('MicrosoftCompute')).toBe('Microsoft.Compute');
    expect(misspeltNamespace('Microsoft.Compue')).toBe('Microsoft.Compute');
    expect(misspeltNamespace('Microsoft.App')).toBeUndefined(); // newer than the list, and too short to judge
    expect(misspeltNamespace('Contoso.Widgets')).toBeUndefined();
    expect(misspeltNamespace('Microsoft.Stroage')).toBe('Microsoft.Storage');
  });
  it('resource types: a near miss of a listed type in a covered namespace, in any case; silent on listed, far and uncovered ones', async () => {
    const { misspeltType } = await import('../../src/lint/rules/provider-namespace-misspelt.ts');
    expect(misspeltType('Microsoft.Storage', 'storageAcounts')?.type).toBe('storageAccounts');
    expect(misspeltType('Microsoft.Storage', 'storageAccount')?.type).toBe('storageAccounts');
    expect(misspeltType('microsoft.keyvault', 'vualts')?.type).toBe('vaults');
    expect(misspeltType('Microsoft.Storage', 'StorageAccounts')).toBeUndefined();
    expect(misspeltType('Microsoft.KeyVault', 'deletedVaults')).toBeUndefined(); // a list-only type the built-in roles name
    expect(misspeltType('Microsoft.KeyVault', 'managedHsms')).toBeUndefined();
    expect(misspeltType('Microsoft.Storage', 'skus')).toBeUndefined(); // too short to judge
    expect(misspeltType('Microsoft.Storage', 'storageTasks')).toBeUndefined(); // far from every listed type
    expect(misspeltType('Microsoft.Compute', 'virtualMachnes')).toBeUndefined(); // namespace without a type listing
  });
  it('resource types where pages write them: a template "type", a Bicep resource, az --resource-type with its namespace, a role action', () => {
    const text = [
      '# Page',
      '',
      '```json',
      '{ "type": "Microsoft.KeyVault/vualts", "apiVersion": "2023-07-01", "name": "kv" }',
      '```',
      '',
      '```bicep',
      "resource sa 'Microsoft.Storage/storageAcounts@2023-01-01' = {",
      '}',
      '```',
      '',
      '```azurecli',
      'az resource show -g rg -n id1 --resource-type Microsoft.ManagedIdentity/userAssignedIdentites',
      'az role definition create --role-definition \'{"Actions": ["Microsoft.Storage/storageAccounts/read"]}\'',
      '```',
      '',
    ].join('\n');
    const f = found('tests/lint/fixtures/t.md', 'provider-namespace-misspelt', text);
    expect(f.map((x) => [x.line, x.suggestion, x.severity])).toEqual([
      [4, 'vaults', 'error'],
      [8, 'storageAccounts', 'error'],
      [13, 'userAssignedIdentities', 'error'],
    ]);
  });
  it('silent on real pages full of namespaces (resource-providers-and-types.md, role-assignments-rest.md, custom-roles-cli.md)', () => {
    for (const page of [
      'tests/corpus/articles/azure-resource-manager/management/resource-providers-and-types.md',
      'tests/corpus/articles/role-based-access-control/role-assignments-rest.md',
      'tests/corpus/articles/role-based-access-control/custom-roles-cli.md',
    ]) {
      expect(read(page)).toMatch(/Microsoft\.[A-Za-z]+\/[A-Za-z]/);
      expect(found(page, 'provider-namespace-misspelt')).toEqual([]);
    }
  });
});

describe('example-id-vs-request', () => {
  const page = (requestGroup: string, shownName: string, shownId: string) =>
    [
      '# Read a group',
      '',
      '```bash',
      `curl 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/${requestGroup}?api-version=2021-04-01' -H "Authorization: Bearer <ACCESS TOKEN>"`,
      '```',
      '',
      'The response:',
      '',
      '```json',
      `{ "id": "${shownId}", "name": "${shownName}", "location": "westus" }`,
      '```',
      '',
    ].join('\n');
  const ids = (text: string) => lintText(text).filter((f) => f.rule === 'example-id-vs-request');
  it('reports a name and an id of another group than the request reads', () => {
    const f = ids(page('prod-rg', 'test-rg', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg'));
    expect(f.map((x) => x.message.slice(0, 40))).toEqual([`the example's id has "test-rg" where the`, `the example's name is "test-rg" but the `]);
  });
  it('silent when they agree in any letter case, or when either side is a placeholder', () => {
    expect(ids(page('prod-rg', 'Prod-RG', '/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourcegroups/PROD-RG'))).toEqual([]);
    expect(ids(page('<RESOURCE GROUP>', 'myGroup', '/subscriptions/<SUBSCRIPTION ID>/resourceGroups/myGroup'))).toEqual([]);
  });
  it('silent on real pages whose ARM examples follow their requests (the tutorials 000-arm-*)', () => {
    for (const p of ['tutorials/000-arm-system-assigned.md', 'tutorials/000-arm-user-assigned.md', 'tutorials/003-arm-user-assigned.md']) {
      expect(read(p)).toMatch(/curl[^\n]*https:\/\/management\.azure\.com\/subscriptions\//);
      expect(found(p, 'example-id-vs-request')).toEqual([]);
    }
  });
});
