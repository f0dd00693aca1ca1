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
