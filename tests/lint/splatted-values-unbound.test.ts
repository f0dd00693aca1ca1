// defect: the lint's cmdlet binder (powershell-commands.ts bindNamed) bound a splatted hashtable's keys as named
// parameters but not their values (`$vm = @{ SecurityType = 'Trusted' }; New-AzVM @vm` gave -SecurityType no value),
// so the value rules (powershell-enum-value, retired-resource-setting, resource-name-invalid…) never saw a splatted
// value, though PowerShell binds each key's value exactly as -Key value (about_Splatting). The values come from the
// one PowerShell reader (powershell-words.ts, the hashtable's entries), as the World's splats do.
// The real page: tests/fresh/articles/virtual-network/quick-create-powershell.md (MicrosoftDocs/azure-docs, provenance
// in tests/fresh/manifest.json), which splats every cmdlet's parameters.
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { buildDocument } from '../../src/lint/document.ts';
import { bindNamed, eachCmdlet } from '../../src/lint/powershell-commands.ts';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const VNET = 'tests/fresh/articles/virtual-network/quick-create-powershell.md';
const page = (...lines: string[]) => ['# Page', '', '```azurepowershell', ...lines, '```', ''].join('\n');

describe('a splatted hashtable\'s values are bound to its keys\' parameters', () => {
  it('the VNet quickstart: New-AzVM @vm1 binds -Name myVM1, -SubnetName default…, located in the hashtable; no value rule speaks there', () => {
    const text = readRepoFile(VNET);
    const doc = buildDocument(parseTutorialText(text, VNET, { form: 'docfx' }), text);
    const [vm1] = eachCmdlet(doc, 'New-AzVM');
    const bound = bindNamed(vm1!).map((b) => [b.written, b.value?.text, b.valueWhere?.line, b.splat]);
    expect(bound).toEqual([
      ['ResourceGroupName', "'CreateVNetQS-rg'", lineOf(text, "ResourceGroupName = 'CreateVNetQS-rg'", lineOf(text, '$vm1 = @{')), 'vm1'],
      ['Location', "'EastUS'", lineOf(text, "Location = 'EastUS'", lineOf(text, '$vm1 = @{')), 'vm1'],
      ['Name', "'myVM1'", lineOf(text, "Name = 'myVM1'"), 'vm1'],
      ['VirtualNetworkName', "'myVNet'", lineOf(text, "VirtualNetworkName = 'myVNet'"), 'vm1'],
      ['SubnetName', "'default'", lineOf(text, "SubnetName = 'default'", lineOf(text, '$vm1 = @{')), 'vm1'],
      ['AsJob', undefined, undefined, undefined],
    ]);
    for (const rule of ['powershell-enum-value', 'powershell-unknown-parameter', 'retired-resource-setting', 'resource-name-invalid', 'powershell-missing-value']) {
      expect(ruleFindings(rule, VNET)).toEqual([]);
    }
  });

  it('powershell-enum-value judges a splatted value, at the value in the hashtable', () => {
    const text = readRepoFile(VNET).replace("    SubnetName = 'default'\n}\nNew-AzVM @vm1 -AsJob", "    SubnetName = 'default'\n    SecurityType = 'Trusted'\n}\nNew-AzVM @vm1 -AsJob");
    expect(text).not.toBe(readRepoFile(VNET));
    const hits = ruleFindings('powershell-enum-value', 'vnet.md', text);
    const line = lineOf(text, "SecurityType = 'Trusted'");
    expect(hits.map((h) => [h.line, h.column, h.severity])).toEqual([[line, text.split('\n')[line - 1]!.indexOf("'Trusted'") + 1, 'error']]);
    expect(hits[0]!.message).toContain('-SecurityType of New-AzVM does not accept "Trusted"');
  });

  it('retired-resource-setting sees Kind = \'Storage\' splatted into New-AzStorageAccount', () => {
    const text = page("$sa = @{ ResourceGroupName = 'rg1'; Name = 'sa1'; Location = 'eastus'; SkuName = 'Standard_LRS'; Kind = 'Storage' }", 'New-AzStorageAccount @sa');
    const hits = ruleFindings('retired-resource-setting', 'sa.md', text);
    expect(hits.map((h) => [h.line, h.column])).toEqual([[4, text.split('\n')[3]!.indexOf("'Storage'") + 1]]);
    expect(hits[0]!.message).toMatch(/^New-AzStorageAccount -Kind Storage: general-purpose v1/);
  });

  it('common parameters splatted (ErrorAction, Verbose, WhatIf) bind on every cmdlet: no unknown parameter, no enum error on a valid preference', () => {
    const text = page("$p = @{ Name = 'rg1'; Location = 'eastus'; ErrorAction = 'Stop'; Verbose = $true; WhatIf = $true }", 'New-AzResourceGroup @p');
    expect(ruleFindings('powershell-unknown-parameter', 'p.md', text)).toEqual([]);
    expect(ruleFindings('powershell-enum-value', 'p.md', text)).toEqual([]);
  });

  it('a hashtable assigned after the command, or twice, is not what the command splats: not judged', () => {
    const later = ['# Page', '', '```azurepowershell', 'New-AzStorageAccount @sa', '```', '', '```azurepowershell', "$sa = @{ ResourceGroupName = 'rg1'; Name = 'sa1'; Location = 'eastus'; SkuName = 'Standard_LRS'; Kind = 'Storage' }", '```', ''].join('\n');
    expect(ruleFindings('retired-resource-setting', 'later.md', later)).toEqual([]);
    const twice = page("$sa = @{ Kind = 'Storage' }", "$sa = @{ Kind = 'StorageV2' }", "New-AzStorageAccount @sa -ResourceGroupName 'rg1' -Name 'sa1' -Location eastus -SkuName Standard_LRS");
    expect(ruleFindings('retired-resource-setting', 'twice.md', twice)).toEqual([]);
  });

  it('a nested hashtable\'s keys, and "key = " inside a quoted value, are not the splatted table\'s keys (was a false powershell-unknown-parameter error on -env)', () => {
    const text = page("$p = @{ Name = 'rg1'; Location = 'eastus'; Tag = @{ env = 'dev'; team = 'web' } }", 'New-AzResourceGroup @p', "$q = @{ Name = 'rg2; Owner = me'; Location = 'eastus' }", 'New-AzResourceGroup @q');
    expect(ruleFindings('powershell-unknown-parameter', 'nested.md', text)).toEqual([]);
  });
});
