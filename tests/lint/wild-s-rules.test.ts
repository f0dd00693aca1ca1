// Issue 16 session 12 (wild-s): defects on data and analytics pages (tests/fresh: Data Lake Storage Gen1 and Data Lake
// Analytics, both retired on 29 February 2024), each held on the real page and kept silent where the same thing is
// written right on a real page.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;

const GEN1_POWERSHELL = 'tests/fresh/articles/data-lake-store/data-lake-store-get-started-powershell.md';
const ADLA_CLI = 'tests/fresh/articles/data-lake-analytics/data-lake-analytics-get-started-cli.md';
const GEN2_CREATE = 'tests/fresh/articles/storage/blobs/data-lake-storage-quickstart-create-account.md';
const ADX_CLI_2019 = 'tests/fresh/articles/data-explorer/create-cluster-database-cli.md';
const ADX_CLI_FIXED = 'tests/lint/fixtures/real/create-cluster-database-cli.dataexplorer-docs.md';
const APIM_CLI = 'tests/fresh/articles/api-management/get-started-create-service-instance-cli.md';

describe('az-create-retired-service: the Azure PowerShell create cmdlets of retired services', () => {
  const rule = 'az-create-retired-service';
  it('data-lake-store-get-started-powershell.md: New-AzDataLakeStoreAccount creates a Gen1 account (retired 29 February 2024; microsoft-academic-services#226)', () => {
    const text = read(GEN1_POWERSHELL);
    const hits = found(rule, GEN1_POWERSHELL);
    // Only the create: Test-, Get-…ChildItem, Import-, Remove-AzDataLakeStoreAccount work on an account that exists, another matter.
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'New-AzDataLakeStoreAccount -ResourceGroupName'), 'warning']]);
    expect(hits[0]?.message).toMatch(/New-AzDataLakeStoreAccount creates a resource of Azure Data Lake Storage Gen1, which was retired on 29 February 2024.*cannot work.*New-AzStorageAccount -Kind StorageV2 -EnableHierarchicalNamespace \$true/);
  });
  it('the AzureRM name of the same cmdlet, and Data Lake Analytics (azure-docs#98584), are the same retired services', () => {
    const text = '```powershell\nNew-AzureRmDataLakeStoreAccount -ResourceGroupName rg -Name mygen1 -Location "East US 2"\nNew-AzDataLakeAnalyticsAccount -ResourceGroupName rg -Name myadla -Location "East US 2" -DefaultDataLakeStore mygen1\n```\n';
    const hits = found(rule, 'azurerm.md', text);
    expect(hits.map((h) => h.line)).toEqual([2, 3]);
    expect(hits[1]?.message).toMatch(/Azure Data Lake Analytics, which was retired on 29 February 2024.*#98584.*New-AzSynapseWorkspace/);
  });
  it('silent on the real page that creates Data Lake Storage Gen2 in PowerShell (New-AzStorageAccount -EnableHierarchicalNamespace $True)', () => {
    expect(read(GEN2_CREATE)).toMatch(/New-AzStorageAccount -ResourceGroupName \$resourceGroup `/);
    expect(found(rule, GEN2_CREATE)).toEqual([]);
  });
  it('the az path of the Analytics create stays az-retired-command\'s (it left the reference): one finding per line', () => {
    const text = read(ADLA_CLI);
    expect(found(rule, ADLA_CLI).map((h) => h.line)).toEqual([lineOf(text, 'az dls account create --account')]);
    expect(found('az-retired-command', ADLA_CLI).map((h) => h.line)).toContain(lineOf(text, 'az dla account create --account'));
  });
});

describe('fence-language-as-command: a language id on the first line of a bare fence', () => {
  const rule = 'fence-language-as-command';
  it('data-lake-analytics-get-started-cli.md: "```" then "azurecli" (twice): copying the block runs azurecli', () => {
    const text = read(ADLA_CLI);
    const hits = found(rule, ADLA_CLI);
    const second = lineOf(text, '**To list jobs and show job details**');
    expect(hits.map((h) => [h.line, h.column, h.severity])).toEqual([
      [lineOf(text, 'azurecli'), 1, 'warning'],
      [lineOf(text, 'azurecli', second), 1, 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/"azurecli" on the first line of a fence with no language \(line \d+\).*bash answers "azurecli: command not found" \(exit status 127\).*```azurecli on the fence line/);
  });
  it('silent where the id is on the fence line: the same page\'s ```azurecli block, and a real page\'s ```azurecli-interactive blocks', () => {
    const text = read(ADLA_CLI);
    expect(text).toContain('```azurecli\naz dls account create');
    expect(found(rule, APIM_CLI)).toEqual([]);
    expect(read(APIM_CLI)).toContain('```azurecli-interactive');
  });
  it('silent on a bare fence whose first line is a program (bash starts a shell), on a block that is only the id, and on a fenced block with a language', () => {
    const text = '```\nbash\naz login\n```\n\n```\nazurecli\n```\n\n```output\nazurecli\naz login\n```\n';
    expect(found(rule, 'negatives.md', text)).toEqual([]);
  });
  it('an Azure PowerShell id is answered by PowerShell', () => {
    const text = '```\nazurepowershell\nConnect-AzAccount\n```\n';
    expect(found(rule, 'ps.md', text)[0]?.message).toMatch(/The term 'azurepowershell' is not recognized as a name of a cmdlet/);
  });
});

describe('az-key-value-option-bare: az kusto options that read KEY=VALUE words', () => {
  const rule = 'az-key-value-option-bare';
  it('create-cluster-database-cli.md (2019): az kusto cluster create --sku D11_v2 (readers: azure-cli#13330, #13753)', () => {
    const text = read(ADX_CLI_2019);
    const hits = found(rule, ADX_CLI_2019);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '--sku D11_v2'), 'warning']]);
    expect(hits[0]?.column).toBe(text.split('\n')[lineOf(text, '--sku D11_v2') - 1]!.indexOf('D11_v2') + 1);
    expect(hits[0]?.message).toMatch(/usage error: --sku \[KEY=VALUE \.\.\.\].*Write --sku name=Standard_D11_v2 tier=Standard/);
  });
  it('silent on the page as fixed for the kusto extension (dataexplorer-docs @92caf10: --sku name="Standard_E8ads_v5" tier="Standard", --read-write-database soft-delete-period=P365D …)', () => {
    expect(read(ADX_CLI_FIXED)).toContain('--sku name="Standard_E8ads_v5" tier="Standard"');
    expect(found(rule, ADX_CLI_FIXED)).toEqual([]);
  });
  it('a bare --read-write-database value is reported; a variable or a placeholder is not judged', () => {
    const text = '```azurecli\naz kusto database create --cluster-name c --database-name d -g rg --read-write-database P365D\naz kusto cluster create -n c -g rg --sku $SKU\naz kusto cluster create -n c -g rg --sku <sku>\n```\n';
    const hits = found(rule, 'kv.md', text);
    expect(hits.map((h) => h.line)).toEqual([2]);
    expect(hits[0]?.message).toMatch(/--read-write-database soft-delete-period=P365D hot-cache-period=P31D/);
  });
});
