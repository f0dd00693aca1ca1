// Defect: the PowerShell reader did not read typographic quotes as quotes, though PowerShell does. Its tokenizer takes
// ‘ ’ ‚ ‛ as single quotes and “ ” „ as double quotes (PowerShell/PowerShell
// src/System.Management.Automation/engine/parser/CharTraits.cs IsSingleQuote / IsDoubleQuote, and tokenizer.cs
// ScanStringLiteral / ScanStringExpandable, @929903692e550140efb5042ed05d65bfd21ccb5f): a string opened by one quote of a
// kind ends at any quote of that kind. So `-Location “East US”` was split into “East and US”, `-SkuName “Standard_RAGRS”`
// was judged against the ValidateSet with its quotes (three false errors on the page below) and the World missed the
// resource group. bash does not treat them as quotes (shell-words.ts): that reading stays.
// Page: MicrosoftDocs/azure-docs articles/cloud-services-extended-support/deploy-powershell.md
// @b8db86afb3deffbe364b44dcff71f31c4cce72bc, lines 26-37 (tests/lint/fixtures/real/deploy-powershell-cloud-services.excerpt.md).
import { describe, expect, it } from 'vitest';
import { readPowerShellStatements, bindArguments } from '../../src/parse/powershell-words.ts';
import { shellWords } from '../../src/parse/shell-words.ts';
import { powerShellMentions } from '../../src/world/powershell-mentions.ts';
import { evaluateExpression, expandString } from '../../src/run/powershell/expand.ts';
import { PsVariables } from '../../src/run/powershell/values.ts';
import { lintText, readRepoFile } from '../lint/helpers.ts';

const FILE = 'tests/lint/fixtures/real/deploy-powershell-cloud-services.excerpt.md';
const page = readRepoFile(FILE);
const line = (start: string): string => page.split('\n').find((l) => l.trim().startsWith(start))!.trim();
const bound = (src: string) => {
  const [st] = readPowerShellStatements(src);
  return bindArguments(st!.pipeline[0]!.args, () => false).map((a) => [a.param, a.value?.kind, a.value?.content]);
};

describe('defect: typographic quotes in a PowerShell block were read as part of the value', () => {
  it('New-AzResourceGroup -ResourceGroupName “ContosOrg” -Location “East US”: two named strings, "East US" whole', () => {
    expect(bound(line('New-AzResourceGroup'))).toEqual([
      ['ResourceGroupName', 'expandable', 'ContosOrg'],
      ['Location', 'expandable', 'East US'],
    ]);
  });
  it('any quote of the kind closes: "ContosKeyVault” (the page\'s step 6), ‘eastus’, ‚x‛, „x“; a doubled quote is the quote', () => {
    expect(bound('New-AzKeyVault -Name "ContosKeyVault” -Location ‘eastus’ -Tag ‚x‛ -Sku „x“')).toEqual([
      ['Name', 'expandable', 'ContosKeyVault'],
      ['Location', 'string', 'eastus'],
      ['Tag', 'string', 'x'],
      ['Sku', 'expandable', 'x'],
    ]);
    expect(bound("Write-Host ‘It’’s’")).toEqual([[undefined, 'string', 'It’s']]);
    expect(bound('Write-Host “It’s done” -ForegroundColor Green')).toEqual([[undefined, 'expandable', 'It’s done'], ['ForegroundColor', 'bare', undefined]]);
  });
  it('an assignment and a here-string opened with typographic quotes', () => {
    const [st] = readPowerShellStatements('$location = “East US”');
    expect(st!.pipeline[0]!.expression).toMatchObject({ kind: 'expandable', content: 'East US' });
    const [here] = readPowerShellStatements('$body = @“\n{ "a": 1 }\n”@\nWrite-Host done');
    expect(here!.pipeline[0]!.expression).toMatchObject({ kind: 'expandable', content: '{ "a": 1 }' });
  });
  it('lint: no ValidateSet or name error on “Standard_RAGRS”, “StorageV2”, “contosostorageaccount” (three false errors before)', () => {
    expect(lintText(page, 'docfx', FILE).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('the World names the resource group and the storage account the page creates', () => {
    const names = (src: string) => powerShellMentions(readPowerShellStatements(src), (s) => s).resources.map((m) => `${m.role} ${m.name}`);
    expect(names(line('New-AzResourceGroup'))).toContain('resource-group ContosOrg');
    expect(names(line('$storageAccount'))).toContain('storage-account contosostorageaccount');
  });
  it('the run evaluates “East US” and ‘eastus’ as strings; "" and “” doubled in a double-quoted string are one quote', () => {
    const vars = new PsVariables();
    expect(evaluateExpression('“East US”', vars)).toEqual({ value: 'East US' });
    expect(evaluateExpression('‘eastus’', vars)).toEqual({ value: 'eastus' });
    expect(expandString('say ””hi””', vars)).toEqual({ value: 'say ”hi”' });
  });
});

describe('negative: bash does not take typographic quotes as quotes', () => {
  it('the same line read by the shell reader keeps the curly quotes in the words and splits “East US”', () => {
    expect(shellWords(line('New-AzResourceGroup'))).toEqual(['New-AzResourceGroup', '-ResourceGroupName', '“ContosOrg”', '-Location', '“East', 'US”']);
  });
  it('an az command in a bash block with the page\'s values still gets smart-quote-in-command (bash passes the quotes to az)', () => {
    const bash = '# Create\n\n```bash\naz group create --name “ContosOrg” --location “East US”\n```\n';
    const found = lintText(bash, 'docfx', 'bash.md').filter((f) => f.rule === 'smart-quote-in-command');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]!.message).toMatch(/not a shell quote/);
  });
});
