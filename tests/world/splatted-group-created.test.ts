// Defect: on the virtual network PowerShell quickstart (azure-docs @00f93ff1) `page-assumes-resource`
// warned at `Remove-AzResourceGroup -Name 'CreateVNetQS-rg'` that the page assumes the group, though
// `$rg = @{ Name = 'CreateVNetQS-rg'; Location = 'EastUS' }` then `New-AzResourceGroup @rg` creates it:
// the World did not read splatted hashtables (about_Splatting binds each key as a named parameter).
import { describe, expect, it } from 'vitest';
import { classifyValue } from '../../src/parse/powershell-words.ts';
import { readRepoFile, ruleFindings } from '../lint/helpers.ts';

const PAGE = 'tests/fresh/articles/virtual-network/quick-create-powershell.md';

describe('splatted group created', () => {
  it('a literal hashtable keeps each one-token entry value with its offset; expressions and nested tables are left out', () => {
    const text = "@{\n  Name = 'rg1'\n  Location = 'EastUS' # a comment\n  Tag = @{ a = 1 }\n  Sku = $sku; N = 3\n  When = (Get-Date)\n}";
    const v = classifyValue(text, 100);
    expect(v.entries?.flatMap((e) => (e.value ? [[e.key, e.value.kind, e.value.text]] : []))).toEqual([
      ['Name', 'string', "'rg1'"],
      ['Location', 'string', "'EastUS'"],
      ['Sku', 'variable', '$sku'],
      ['N', 'number', '3'],
    ]);
    expect(v.entries?.[0]?.value?.offset).toBe(100 + text.indexOf("'rg1'"));
    // every key is an entry, with where it is written (what the lint's binder locates a splatted parameter by)
    expect(v.entries?.map((e) => [e.key, e.keyOffset - 100, e.value === undefined])).toEqual([
      ['Name', text.indexOf('Name'), false],
      ['Location', text.indexOf('Location'), false],
      ['Tag', text.indexOf('Tag'), true],
      ['Sku', text.indexOf('Sku'), false],
      ['N', text.indexOf('N = 3'), false],
      ['When', text.indexOf('When'), true],
    ]);
  });

  it('New-AzResourceGroup @rg creates the group its hashtable names: removing it later assumes nothing', () => {
    expect(readRepoFile(PAGE)).toContain('New-AzResourceGroup @rg');
    expect(ruleFindings('page-assumes-resource', PAGE).map((f) => `${f.line}: ${f.message}`)).toEqual([]);
  });

  it('what the page uses in the splatted group and never makes is still assumed (the account), the group is not', () => {
    const page = [
      '# Page', '', '```azurepowershell', "$rg = @{ Name = 'made-rg'; Location = 'eastus' }", 'New-AzResourceGroup @rg', '```', '',
      '```azurepowershell', "Get-AzStorageAccountKey -ResourceGroupName 'made-rg' -Name 'othersa'", '```', '',
    ].join('\n');
    const found = ruleFindings('page-assumes-resource', 'tests/world/fixtures/splat.md', page);
    expect(found.map((f) => f.line)).toEqual([9]);
    expect(found[0]!.message).toContain('othersa');
    expect(found[0]!.message).not.toContain('made-rg');
  });
});
