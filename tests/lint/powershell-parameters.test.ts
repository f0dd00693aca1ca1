// The Az cmdlet parameter rules (powershell-unknown-parameter, -ambiguous-parameter, -missing-value, -enum-value),
// read against the generated cmdlet table (src/reference/powershell-cmdlets.json, from the Az help markdown). Each
// positive case is the error PowerShell's binder prints; each negative is a real page that writes the cmdlet right
// (aliases, unique prefixes, <placeholders>, a [bool] given its value, values in the ValidateSet).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { findCmdlet, resolveParameter } from '../../src/reference/powershell-cmdlets.ts';

const RULES = ['powershell-unknown-parameter', 'powershell-ambiguous-parameter', 'powershell-missing-value', 'powershell-enum-value'];
const lint = (text: string, file = 'p.md') => lintText(text, 'docfx', file).filter((f) => RULES.includes(f.rule));
const block = (lines: string[], tag = 'azurepowershell') => ['# Page', '', `\`\`\`${tag}`, ...lines, '```', ''].join('\n');

describe('PowerShell parameter binding over the cmdlet table (about_Parameters)', () => {
  it('binds a name, an alias and a unique prefix without case; names an ambiguous prefix and an unknown name', () => {
    const rg = findCmdlet('new-azresourcegroup')!;
    expect(resolveParameter(rg, 'name')).toMatchObject({ kind: 'parameter', how: 'name' });
    expect(resolveParameter(rg, 'ResourceGroupName')).toMatchObject({ kind: 'parameter', how: 'alias', parameter: { name: 'Name' } });
    expect(resolveParameter(rg, 'Loc')).toMatchObject({ kind: 'parameter', how: 'prefix', parameter: { name: 'Location' } });
    expect(resolveParameter(rg, 'Verbose')).toMatchObject({ kind: 'parameter', common: true });
    expect(resolveParameter(rg, 'ea')).toMatchObject({ kind: 'parameter', parameter: { name: 'ErrorAction' } });
    const ra = findCmdlet('Get-AzRoleAssignment')!;
    expect(resolveParameter(ra, 'Resource')).toMatchObject({ kind: 'ambiguous' });
    expect(resolveParameter(rg, 'Nmae')).toMatchObject({ kind: 'unknown', suggestions: ['Name'] });
  });
});

describe('powershell-unknown-parameter', () => {
  it('reports a parameter the cmdlet does not have, at the parameter, with what PowerShell prints', () => {
    const found = lint(block(['New-AzResourceGroup -Nmae myRG -Location eastus']));
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([['powershell-unknown-parameter', 4, 21]]);
    expect(found[0]!.message).toMatch(/A parameter cannot be found that matches parameter name 'Nmae'\..*Did you mean -Name\?/);
  });
  it('reads a nested command and a continued line', () => {
    const found = lint(block(['$key = (Get-AzStorageAccountKey -ResourceGroupName $rg `', '  -AccountName $sa)[0].Value', '$ctx = (Get-AzStorageAccount -ResourceGroupName $rg -StorageName $sa).Context']));
    expect(found.map((f) => [f.rule, f.line])).toEqual([['powershell-unknown-parameter', 6]]);
  });
});

describe('powershell-ambiguous-parameter', () => {
  it('reports a prefix that fits several parameters', () => {
    const found = lint(block(['Get-AzRoleAssignment -Resource myRG -SignInName user@contoso.com']));
    expect(found.map((f) => f.rule)).toEqual(['powershell-ambiguous-parameter']);
    expect(found[0]!.message).toMatch(/parameter name 'Resource' is ambiguous\. Possible matches include: -ResourceGroupName -ResourceName -ResourceType/);
  });
});

describe('powershell-missing-value', () => {
  it('reports a [bool] parameter written like a switch, and a value-taking parameter last', () => {
    const found = lint(block(['New-AzStorageAccount -ResourceGroupName myRG -Name mysa -Location eastus `', '  -SkuName Standard_LRS -EnableHttpsTrafficOnly -Kind StorageV2', 'Remove-AzResourceGroup -Force -Name']));
    expect(found.map((f) => [f.rule, f.line])).toEqual([['powershell-missing-value', 5], ['powershell-missing-value', 6]]);
    expect(found[0]!.message).toMatch(/Missing an argument for parameter 'EnableHttpsTrafficOnly'\. Specify a parameter of type 'System\.Boolean'.*\$true/);
  });
  it('is silent on switches, -Name:value and a [bool] given its value', () => {
    expect(lint(block(['New-AzStorageAccount -ResourceGroupName myRG -Name mysa -Location eastus -SkuName Standard_LRS -EnableHttpsTrafficOnly $true -AssignIdentity', 'Remove-AzResourceGroup -Name:myRG -Force -AsJob']))).toEqual([]);
  });
});

describe('powershell-enum-value', () => {
  it('reports a literal outside the ValidateSet, each element of a list, without case', () => {
    const found = lint(block(["New-AzStorageAccount -ResourceGroupName myRG -Name mysa -Location eastus -SkuName 'Standard-LRS' -Kind storagev2"]));
    expect(found.map((f) => f.rule)).toEqual(['powershell-enum-value']);
    expect(found[0]!.message).toMatch(/The argument "Standard-LRS" does not belong to the set "Standard_LRS,Standard_ZRS/);
  });
  it('leaves variables and placeholders to the reader', () => {
    expect(lint(block(['New-AzStorageAccount -ResourceGroupName myRG -Name mysa -Location eastus -SkuName $sku -Kind "<kind>"']))).toEqual([]);
  });
});

describe('the four rules on real pages that write the cmdlets right', () => {
  it.each([
    // <placeholders> as values, an alias (-AccountName), -Name:value-free binding, backtick continuations
    'tests/corpus/articles/storage/common/storage-account-keys-manage.md',
    'tests/corpus/articles/azure-functions/create-first-function-cli-python.md',
    'tests/corpus/articles/role-based-access-control/elevate-access-global-admin.md',
    'tests/corpus/articles/storage/blobs/storage-blob-static-website-how-to.md',
    'tests/corpus/articles/app-service/deploy-configure-credentials.md',
  ])('%s', (file) => {
    expect(lint(readFileSync(file, 'utf8'), file)).toEqual([]);
  });
});

describe('splatting (about_Splatting)', () => {
  it('binds the keys of a hashtable the page assigns literally, and reports an unknown key at the key', () => {
    const found = lint(block(['$params = @{', "  ResourceGroupName = 'myRG'", "  Nmae = 'mysa'", "  Location = 'eastus'", "  SkuName = 'Standard_LRS'", '}', 'New-AzStorageAccount @params']));
    expect(found.map((f) => [f.rule, f.line, f.column])).toEqual([['powershell-unknown-parameter', 6, 3]]);
    expect(found[0]!.message).toMatch(/a key of the hashtable splatted as @params/);
  });
  it('leaves a hashtable assigned twice or built at run time alone', () => {
    expect(lint(block(['$p = @{ Nmae = "x" }', '$p = @{ Name = "x" }', 'New-AzResourceGroup @p -Location eastus', '$q = Get-Params', 'New-AzResourceGroup @q']))).toEqual([]);
  });
});
