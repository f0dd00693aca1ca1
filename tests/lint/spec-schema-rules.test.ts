// request-body-schema and example-output-schema (issue 16 item 4): bodies and answers of Resource
// Manager calls held to the vendored specs' schema of that operation and api-version. Negative cases
// on real pages: role-assignments-rest.md (a raw PUT at 2015-07-01, its body and its answer), the
// tutorials' REST calls, every corpus page, and MicrosoftDocs/azure-docs
// articles/azure-resource-manager/templates/copy-outputs.md @ 0de09a2685c37e7cde0991567c02c4f3434c847e
// (its first template, CC BY 4.0, in fixtures/spec-schema/copy-outputs.md: a storage account at
// 2019-04-01, between the vendored 2017-06-01 and 2023-05-01).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const RULES = ['request-body-schema', 'example-output-schema'];
const found = (text: string, page = 'tests/lint/fixtures/mutated.md') => lintText(text, 'docfx', page).filter((f) => RULES.includes(f.rule));
const brief = (text: string) => found(text).map((f) => [f.rule, f.line, f.severity, f.suggestion]);
const lineOf = (text: string, needle: string, after = 0) => text.split('\n').findIndex((l, i) => i >= after && l.includes(needle)) + 1;
/** The 1-based column of `needle` on its line. */
const columnOf = (text: string, needle: string) => (text.split('\n')[lineOf(text, needle) - 1] ?? '').indexOf(needle) + 1;
const ROLE_REST = 'tests/corpus/articles/role-based-access-control/role-assignments-rest.md';
const COPY_OUTPUTS = 'tests/lint/fixtures/spec-schema/copy-outputs.md';
const walk = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.md') ? [p] : [];
  });

describe('silence on real pages', () => {
  it('role-assignments-rest.md: the raw PUT bodies and the answer at 2015-07-01 (createdOn… are newer fields, far from every 2015 name: not judged)', () => {
    expect(found(read(ROLE_REST), ROLE_REST)).toEqual([]);
  });
  it('copy-outputs.md: a storage account template at 2019-04-01', () => {
    expect(found(read(COPY_OUTPUTS), COPY_OUTPUTS)).toEqual([]);
  });
  it('every corpus page and tutorial', { timeout: 180_000 }, () => {
    const pages = [...walk(join(root, 'tests/corpus/articles')), ...walk(join(root, 'tutorials'))].map((p) => relative(root, p));
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.flatMap((page) => found(read(page), page).map((f) => `${page}:${f.line} ${f.message}`))).toEqual([]);
  });
});

describe('request-body-schema', () => {
  it('a raw PUT body: a misspelt property (warning), another case (note), at the key', () => {
    const text = read(ROLE_REST).replace('"roleDefinitionId": "/{scope}', '"roleDefinitonId": "/{scope}').replace('"principalId": "{objectId1}"\n  }', '"principalID": "{objectId1}"\n  }');
    const f = found(text);
    expect(f.map((x) => [x.line, x.column, x.severity, x.suggestion])).toEqual([
      [lineOf(text, '"roleDefinitonId"'), columnOf(text, '"roleDefinitonId"'), 'warning', 'roleDefinitionId'],
      [lineOf(text, '"principalID"'), columnOf(text, '"principalID"'), 'note', 'principalId'],
    ]);
    expect(f[0]?.message).toMatch(/properties\.roleDefinitonId is not a property of the PUT body of RoleAssignments_Create, api-version 2015-07-01 \(vendor\/specs\/authorization\/.*2015-07-01\/authorization-RoleAssignmentsCalls\.json\); did you mean "roleDefinitionId"\?/);
  });
  it('a template resource at a vendored version: open enums misspelt by a swap, an uncoercible boolean (error)', () => {
    const text = read(COPY_OUTPUTS)
      .replace('"apiVersion": "2019-04-01"', '"apiVersion": "2023-05-01"')
      .replace('"name": "Standard_LRS"', '"name": "Standard_LSR"')
      .replace('"kind": "Storage"', '"kind": "Stroage"')
      .replace('"properties": {}', '"properties": { "supportsHttpsTrafficOnly": "yes" }');
    expect(brief(text)).toEqual([
      ['request-body-schema', lineOf(text, 'Standard_LSR'), 'warning', 'Standard_LRS'],
      ['request-body-schema', lineOf(text, 'Stroage'), 'warning', 'Storage'],
      ['request-body-schema', lineOf(text, 'supportsHttpsTrafficOnly'), 'error', undefined],
    ]);
  });
  it('a version between two vendored ones judges only what they agree on: the boolean yes, not the SKU list (2023-05-01 has SKUs 2017-06-01 lacks)', () => {
    const text = read(COPY_OUTPUTS).replace('"name": "Standard_LRS"', '"name": "Standard_LSR"').replace('"properties": {}', '"properties": { "supportsHttpsTrafficOnly": "yes" }');
    const f = found(text);
    expect(f.map((x) => [x.line, x.severity])).toEqual([[lineOf(text, 'supportsHttpsTrafficOnly'), 'warning']]);
    expect(f[0]?.message).toMatch(/api-version 2019-04-01 is not vendored, and 2017-06-01 and 2023-05-01 .* agree here/);
  });
  it('curl -d and az rest --body: a misspelt name, a closed enum value (error)', () => {
    const text = [
      '# Page',
      '',
      '```bash',
      `curl -X PUT "https://management.azure.com/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>?api-version=2023-01-31" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d '{"loaction": "eastus"}'`,
      '```',
      '',
      '```azurecli',
      `az rest --method put --url "https://management.azure.com/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<vault>?api-version=2023-07-01" --body '{"location": "eastus", "properties": {"tenantId": "<tenant>", "sku": {"family": "A", "name": "basic"}}}'`,
      '```',
    ].join('\n');
    const f = found(text);
    expect(f.map((x) => [x.line, x.column, x.severity, x.suggestion])).toEqual([
      [4, columnOf(text, '"loaction"'), 'warning', 'location'],
      [8, columnOf(text, '"name": "basic"'), 'error', undefined],
    ]);
    expect(f[1]?.message).toMatch(/properties\.sku\.name is "basic", which is none of "standard", "premium" in the PUT body of Vaults_CreateOrUpdate, api-version 2023-07-01/);
  });
  it('a Bicep resource body: the real manage-resource-groups-cli.md storage file at 2022-09-01 is silent; at 2023-05-01 with a misspelt property and a string for a boolean it is not', () => {
    const page = 'tests/corpus/articles/azure-resource-manager/management/manage-resource-groups-cli.md';
    expect(found(read(page), page)).toEqual([]);
    const text = read(page).replace('storageAccounts@2022-09-01', 'storageAccounts@2023-05-01').replace('supportsHttpsTrafficOnly: true', "supportsHttpsTrafficOnly: 'yes'\n    accesTier: 'Hot'");
    expect(brief(text)).toEqual([
      ['request-body-schema', lineOf(text, 'supportsHttpsTrafficOnly'), 'error', undefined],
      ['request-body-schema', lineOf(text, 'accesTier'), 'warning', 'accessTier'],
    ]);
    expect(found(text)[1]?.column).toBe(columnOf(text, 'accesTier'));
  });
  it('a JSON file the page has the reader save and then sends with --body @file / -d @file', () => {
    const page = (name: string) =>
      [
        'Save the following as `assignment.json`:',
        '',
        '```json',
        `{ "properties": { "roleDefinitionId": "<ROLE ID>", "${name}": "<PRINCIPAL ID>", "principalType": "ServicePrincipal" } }`,
        '```',
        '',
        '```azurecli',
        'az rest --method put --url "https://management.azure.com/subscriptions/<SUB>/providers/Microsoft.Authorization/roleAssignments/<GUID>?api-version=2022-04-01" --body @assignment.json',
        '```',
        '',
        '```bash',
        'curl -X PUT "https://management.azure.com/subscriptions/<SUB>/providers/Microsoft.Authorization/roleAssignments/<GUID>?api-version=2022-04-01" -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -d @other.json',
        '```',
      ].join('\n');
    expect(found(page('principalId'))).toEqual([]);
    expect(brief(page('principalIdd'))).toEqual([['request-body-schema', 4, 'warning', 'principalId']]);
  });
  it('silent on a preview version, an unvendored provider, placeholders and ARM expressions', () => {
    const text = [
      '```json',
      '{ "resources": [',
      '  { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2021-06-01-preview", "kind": "Stroage" },',
      '  { "type": "Microsoft.Sql/servers", "apiVersion": "2023-08-01", "properties": { "administratorLogn": "x" } },',
      '  { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-05-01", "kind": "[parameters(\'kind\')]", "sku": { "name": "<sku>" }, "properties": { "supportsHttpsTrafficOnly": "[variables(\'https\')]" } }',
      '] }',
      '```',
    ].join('\n');
    expect(found(text)).toEqual([]);
  });
});

describe('example-output-schema', () => {
  it('the answer of a raw PUT: a name in another case than the service writes', () => {
    const text = read(ROLE_REST).replace('"principalId": "{objectId1}",\n        "scope"', '"principalID": "{objectId1}",\n        "scope"');
    const f = found(text);
    expect(f.map((x) => [x.rule, x.line, x.severity, x.suggestion])).toEqual([['example-output-schema', lineOf(text, '"principalID"'), 'warning', 'principalId']]);
    expect(f[0]?.message).toMatch(/the answer of RoleAssignments_Create, api-version 2015-07-01 .*; the service writes "principalId"/);
  });
  it('the answer a curl prints: a closed enum value the spec lacks; silent on open enums and on the values it has', () => {
    const page = (name: string, publicNetworkAccess = 'Enabled') =>
      [
        '```bash',
        'curl "https://management.azure.com/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<vault>?api-version=2023-07-01" -H "Authorization: Bearer $TOKEN"',
        '```',
        '',
        'The output resembles:',
        '',
        '```json',
        `{ "id": "/subscriptions/x/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v", "name": "v", "location": "eastus", "properties": { "sku": { "family": "A", "name": "${name}" }, "tenantId": "t", "publicNetworkAccess": "${publicNetworkAccess}" } }`,
        '```',
      ].join('\n');
    expect(found(page('standard'))).toEqual([]);
    expect(found(page('Premium', 'SecuredByPerimeter'))).toEqual([]);
    expect(brief(page('standart'))).toEqual([['example-output-schema', 8, 'warning', 'standard']]);
  });
});
