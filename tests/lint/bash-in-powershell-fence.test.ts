// bash in a PowerShell block: the fresh governance/policy/assign-policy-azurecli.md (MicrosoftDocs/azure-docs
// @02d00dc8) writes `rgid=$(az group show …)` and a "\"-continued az command in an azurepowershell block,
// which PowerShell cannot run as written. Silent on PowerShell itself, hashtable Key=Value lines included,
// and on every real page of the corpus (many of which have PowerShell blocks).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const rule = (text: string, file = 'p.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'bash-in-powershell-fence');
const block = (tag: string, lines: string[]) => ['# Page', '', `\`\`\`${tag}`, ...lines, '```', ''].join('\n');

describe('bash-in-powershell-fence', () => {
  it('reports the fresh policy page once, at its bash assignment', () => {
    const file = 'tests/fresh/articles/governance/policy/assign-policy-azurecli.md';
    const found = rule(readFileSync(file, 'utf8'), file);
    expect(found.map((f) => f.line)).toEqual([59]);
    expect(found[0]!.message).toMatch(/"rgid=…" is a bash assignment in a PowerShell block \(azurepowershell\).*never set/);
  });
  it('reports a command continued with "\\" before an option line', () => {
    const found = rule(block('azurepowershell-interactive', ['az group create \\', '  --name rg --location eastus']));
    expect(found.map((f) => f.line)).toEqual([4]);
    expect(found[0]!.message).toMatch(/backtick/);
  });
  it('is silent on PowerShell: $name = value, hashtable Key=Value lines, backtick continuations, a path ending in \\', () => {
    expect(rule(block('azurepowershell', ['$rg = "myResourceGroup"', '$params = @{', "  Name='myVM'", "  Location='eastus'", '}', 'New-AzVM @params `', '  -Verbose', 'Set-Location C:\\temp\\', 'Get-ChildItem']))).toEqual([]);
  });
  it('is silent on bash in a bash block', () => {
    expect(rule(block('azurecli', ['rgid=$(az group show --name rg --query id -o tsv)', 'az group create \\', '  --name rg --location eastus']))).toEqual([]);
  });
});
