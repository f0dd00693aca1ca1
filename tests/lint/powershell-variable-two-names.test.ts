// powershell-variable-two-names: the fresh container-apps/get-started.md (its include assigns $RESOURCE_GROUP and
// $CONTAINERAPPS_ENVIRONMENT in the PowerShell tab, the page uses $ResourceGroupName and $ContainerAppsEnvironment)
// and the brief's $rg / $resourceGroup. PowerShell names have no case: $Location after $LOCATION is one variable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { lintTutorial } from '../../src/lint/index.ts';

const rules = ['powershell-variable-two-names', 'shell-unassigned-variable'];
const lint = (text: string) => lintText(text, 'docfx', 'p.md').filter((f) => rules.includes(f.rule));
const block = (lines: string[]) => ['# Page', '', '```azurepowershell', ...lines, '```', ''].join('\n');

describe('powershell-variable-two-names', () => {
  it('reports a use whose initials, "_" spelling or "Name" suffix twin is assigned, once per name, instead of an unassigned-variable warning', () => {
    const found = lint(block(['$rg = "myResourceGroup"', '$storage_account = "mysa"', '$location = "eastus"', 'New-AzResourceGroup -Name $resourceGroup -Location $Location', 'Get-AzStorageAccount -ResourceGroupName $resourceGroup -Name $storageAccount', 'Get-AzKeyVault -VaultName $vaultName', '$vaultName = "kv"']));
    expect(found.map((f) => [f.rule, f.line, f.message.slice(0, 40)])).toEqual([
      ['powershell-variable-two-names', 7, '$resourceGroup is never assigned, but th'],
      ['powershell-variable-two-names', 8, '$storageAccount is never assigned, but t'],
      ['shell-unassigned-variable', 9, '$vaultName is used here, but the first P'],
    ]);
    expect(found[0]!.message).toMatch(/assigns \$rg \(line 4\)/);
  });
  it('is silent when the names differ only by case, and on automatic variables', () => {
    expect(lint(block(['$ResourceGroup = "rg"', 'Get-AzVM -ResourceGroupName $resourcegroup | Where-Object { $_.Name -eq $null }', 'Write-Host $HOME $env:PATH']))).toEqual([]);
  });
  it('reports the fresh get-started page at $ResourceGroupName and $ContainerAppsEnvironment, naming the include\'s spelling', () => {
    const file = 'tests/fresh/articles/container-apps/get-started.md';
    const text = readFileSync(file, 'utf8');
    const found = lintTutorial(parseTutorialFile(file), { text }).filter((f) => f.rule === 'powershell-variable-two-names');
    expect(found.map((f) => f.line)).toEqual([46, 60]);
    expect(found[0]!.message).toMatch(/\$RESOURCE_GROUP/);
  });
  it('is silent on real pages whose PowerShell names agree', () => {
    for (const file of ['tests/fresh/articles/aks/learn/quick-kubernetes-deploy-powershell.md', 'tests/corpus/articles/storage/blobs/storage-blob-static-website-how-to.md']) {
      expect(lintTutorial(parseTutorialFile(file), { text: readFileSync(file, 'utf8') }).filter((f) => f.rule === 'powershell-variable-two-names')).toEqual([]);
    }
  });
});
