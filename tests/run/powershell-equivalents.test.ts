// Azure PowerShell through the http engine: Az cmdlets run as their REST equivalents against the
// emulator (started for real), with Az's api-versions and headers, PowerShell's own output (its
// default views), `$variables` holding the objects later statements read, and `unsupported` naming
// what is not modelled. Pages are written here in the shape Learn's "Azure PowerShell" tabs use.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTutorials, type RunSecrets } from '../../src/run/index.ts';
import type { Report } from '../../src/report/schema.ts';

const dir = mkdtempSync(join(os.tmpdir(), 'tc-psrun-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Steps = Report['tutorials'][number]['steps'];

async function run(name: string, blocks: string[]): Promise<{ steps: Steps; report: Report; secrets: RunSecrets }> {
  const file = join(dir, name);
  writeFileSync(file, ['# PowerShell page', '', ...blocks.flatMap((b) => ['```azurepowershell-interactive', b, '```', ''])].join('\n'));
  const { report, secrets } = await runTutorials({ paths: [file] });
  return { steps: report.tutorials[0]?.steps ?? [], report, secrets };
}

const at = (steps: Steps, text: string): Steps[number] => {
  const s = steps.find((x) => x.raw.includes(text));
  if (!s) throw new Error(`no step ${text}`);
  return s;
};

describe('Az cmdlets run as their REST equivalents', () => {
  it('New-AzResourceGroup sends the PUT Az.Resources sends and prints its list view; $rg keeps the object', async () => {
    const { steps } = await run('rg.md', [
      'Connect-AzAccount',
      '$rg = New-AzResourceGroup -Name psrg-one -Location eastus -Tag @{ Env = "Test" }',
      'Write-Host "id: $($rg.ResourceId)"',
      'Write-Host "$rg.ResourceGroupName"',
      'New-AzResourceGroup -Location westus psrg-two', // the positional value binds the unbound Name (position 0)
    ]);
    expect(at(steps, 'Connect-AzAccount')).toMatchObject({ verdict: 'pass' });
    expect(at(steps, 'Connect-AzAccount').substitution).toMatch(/cannot open a browser/);
    const create = at(steps, '$rg = New');
    expect(create.verdict).toBe('pass');
    expect(create.output?.stdout).toBe(''); // assigned, not printed
    const put = create.request!;
    expect(put.method).toBe('PUT');
    expect(put.url).toMatch(/\/resourcegroups\/psrg-one\?api-version=2022-09-01$/);
    expect(JSON.parse(put.body ?? '{}')).toEqual({ location: 'eastus', tags: { Env: 'Test' } });
    expect(put.headers.find(([k]) => k === 'CommandName')?.[1]).toBe('New-AzResourceGroup');
    // "$($rg.ResourceId)" reads the member; "$rg.ResourceGroupName" expands $rg alone (its ToString: the type name).
    expect(at(steps, 'id: ').output?.stdout).toMatch(/^id: \/subscriptions\/[0-9a-f-]+\/resourceGroups\/psrg-one\n$/);
    expect(at(steps, '"$rg.ResourceGroupName"').output?.stdout).toBe('Microsoft.Azure.Commands.ResourceManager.Cmdlets.SdkModels.PSResourceGroup.ResourceGroupName\n');
    const printed = at(steps, 'psrg-two').output?.stdout ?? '';
    expect(printed).toMatch(/^\nResourceGroupName : psrg-two\nLocation          : westus\nProvisioningState : Succeeded\nTags              :\nResourceId        : \/subscriptions\/[0-9a-f-]+\/resourceGroups\/psrg-two\n\n$/);
  });

  it('prints the Tags row as Az.Resources TagsTable, Get-AzResourceGroup fails with its own message, Remove-AzResourceGroup prints True after the prompt the reader answers', async () => {
    const { steps } = await run('rg-life.md', [
      'New-AzResourceGroup -Name psrg-tags -Location eastus -Tag @{ Department = "IT" }',
      'Get-AzResourceGroup -Name psrg-missing',
      'Remove-AzResourceGroup -Name psrg-tags',
      'Remove-AzResourceGroup -Name psrg-tags -Force',
    ]);
    expect(at(steps, 'New-AzResourceGroup').output?.stdout).toContain('Tags              :\n                    Name        Value\n                    ==========  =====\n                    Department  IT\nResourceId');
    const missing = at(steps, 'psrg-missing');
    expect(missing.verdict).toBe('fail');
    expect(missing.output?.stderr).toBe('Get-AzResourceGroup: Provided resource group does not exist.\n');
    const removed = steps.filter((s) => s.raw.startsWith('Remove-AzResourceGroup'));
    expect(removed[0]).toMatchObject({ verdict: 'pass', output: { stdout: 'True\n' } });
    expect(removed[0]?.substitution).toMatch(/answered Yes/);
    // Removed already: ARM's 404 is the second removal's failure.
    expect(removed[1]?.verdict).toBe('fail');
    expect(removed[1]?.reason).toMatch(/ResourceGroupNotFound/);
  });

  it('storage: New-AzStorageAccount, (Get-AzStorageAccountKey …)[0].Value and (Get-AzStorageAccount …).Context; keys never printed', async () => {
    const { steps, secrets } = await run('storage.md', [
      '$resourceGroup = "psrg-sa"\n$location = "eastus"',
      'New-AzResourceGroup -Name $resourceGroup -Location $location',
      'New-AzStorageAccount -ResourceGroupName $resourceGroup -Name pssa12345 -Location $location -SkuName Standard_LRS -Kind StorageV2',
      '$key = (Get-AzStorageAccountKey -ResourceGroupName $resourceGroup -Name pssa12345)[0].Value',
      'Write-Output $key',
      '$ctx = (Get-AzStorageAccount -ResourceGroupName $resourceGroup -Name pssa12345).Context',
      'Write-Output $ctx.BlobEndPoint',
    ]);
    const create = at(steps, 'New-AzStorageAccount');
    expect(create.verdict).toBe('pass');
    const put = (create.exchanges ?? []).find((x) => x.request.method === 'PUT')?.request;
    expect(put?.url).toMatch(/storageAccounts\/pssa12345\?api-version=2022-05-01$/);
    expect(JSON.parse(put?.body ?? '{}')).toMatchObject({ sku: { name: 'Standard_LRS' }, kind: 'StorageV2', location: 'eastus' });
    expect(create.output?.stdout).toMatch(/StorageAccountName ResourceGroupName PrimaryLocation SkuName\s+Kind/);
    // The key is printed as the page asks; the run knows it as a secret, so every writer redacts it.
    const printedKey = at(steps, 'Write-Output $key').output?.stdout ?? '';
    expect(printedKey).toMatch(/^[A-Za-z0-9+/]{60,}={0,2}\n$/);
    expect(secrets.redactor.redact(printedKey)).not.toContain(printedKey.trim());
    expect(at(steps, '$ctx.BlobEndPoint').output?.stdout).toBe('https://pssa12345.blob.core.windows.net/\n');
  });
});

describe('what is not modelled is unsupported, what nothing sets blocks', () => {
  it('names the cmdlet or the parameter, blocks readers of a variable nothing sets or whose statement failed', async () => {
    const { steps } = await run('limits.md', [
      'New-AzVM -Name myVM',
      'Get-AzResourceGroup -Name psrg-x -ApiVersion 2021-04-01',
      'New-AzResourceGroup -Name psrg-typo -Location eastus -Tagz @{ a = "b" }',
      'Remove-AzResourceGroup -Name psrg-typo -ErrorAction SilentlyContinue',
      'Get-AzResourceGroup -Name $neverSet',
      'New-AzResourceGroup -Name psrg-gone -Location eastus',
      'Remove-AzResourceGroup -Name psrg-gone -Force',
      '$gone = Get-AzResourceGroup -Name psrg-gone',
      'Write-Host $gone.ResourceId',
      '$name = Read-Host -Prompt "Group"',
      'New-AzResourceGroup -Name $name -Location eastus',
    ]);
    expect(at(steps, 'New-AzVM')).toMatchObject({ verdict: 'unsupported', unsupported: 'language' });
    expect(at(steps, 'New-AzVM').reason).toMatch(/New-AzVM has no REST equivalent/);
    expect(at(steps, '-ApiVersion').reason).toMatch(/Get-AzResourceGroup -ApiVersion is not modelled/);
    // The cmdlet reference (src/reference/powershell-cmdlets.json) reads New-AzResourceGroup from Az 16.2.0's published
    // help (freshness current), which has no -Tagz: PowerShell stops the command before it sends anything.
    const typo = at(steps, '-Tagz');
    expect(typo).toMatchObject({ verdict: 'fail' });
    expect(typo.reason).toMatch(/A parameter cannot be found that matches parameter name 'Tagz'/);
    expect(typo.exchanges ?? []).toEqual([]);
    // A common parameter is real, but the equivalent does not model what it changes.
    expect(at(steps, '-ErrorAction').reason).toMatch(/Remove-AzResourceGroup -ErrorAction is not modelled/);
    expect(at(steps, '$neverSet')).toMatchObject({ verdict: 'blocked' });
    expect(at(steps, '$neverSet').reason).toMatch(/reads \$neverset, which no earlier PowerShell statement of the page sets/);
    expect(at(steps, '$gone = ').verdict).toBe('fail');
    expect(at(steps, '$gone.ResourceId')).toMatchObject({ verdict: 'blocked' });
    expect(at(steps, 'Read-Host').verdict).toBe('unsupported');
    expect(at(steps, '-Name $name')).toMatchObject({ verdict: 'blocked' });
    expect(at(steps, '-Name $name').reason).toMatch(/could not be run here \(unsupported\)/);
  });

  it('the shell engine leaves PowerShell to the http engine (unsupported, language)', async () => {
    const file = join(dir, 'shell-engine.md');
    writeFileSync(file, '# p\n\n```azurepowershell\nNew-AzResourceGroup -Name psrg-sh -Location eastus\n```\n');
    const { report } = await runTutorials({ paths: [file], engine: 'shell' });
    expect(report.tutorials[0]?.steps[0]).toMatchObject({ verdict: 'unsupported', unsupported: 'language' });
  });

  it('a PowerShell block next to an Azure CLI block outside tabs is the same procedure: the run follows the CLI; in a PowerShell tab it runs', async () => {
    // The shape of tests/fresh/articles/key-vault/secrets/quick-create-net.md's clean-up: az group delete, then Remove-AzResourceGroup.
    const side = join(dir, 'side-by-side.md');
    writeFileSync(side, '# p\n\n```azurecli\naz group create --name psrg-side -l eastus\n```\n\n```azurepowershell\nNew-AzResourceGroup -Name psrg-side -Location EastUS\n```\n');
    const tabs = join(dir, 'tabs.md');
    writeFileSync(tabs, '# p\n\n# [Azure CLI](#tab/azure-cli)\n\n```azurecli\naz group create --name psrg-tab -l eastus\n```\n\n# [Azure PowerShell](#tab/azure-powershell)\n\n```azurepowershell\nNew-AzResourceGroup -Name psrg-tab -Location EastUS\n```\n\n---\n');
    const { report } = await runTutorials({ paths: [side, tabs] });
    const ps = (file: string) => report.tutorials.filter((t) => t.file.endsWith(file)).flatMap((t) => t.steps).find((s) => s.raw.startsWith('New-AzResourceGroup'));
    expect(ps('side-by-side.md')).toMatchObject({ verdict: 'unsupported', unsupported: 'language' });
    expect(ps('side-by-side.md')?.reason).toMatch(/outside tabs next to the page's Azure CLI commands/);
    expect(ps('tabs.md')?.verdict).toBe('pass');
  });
});
