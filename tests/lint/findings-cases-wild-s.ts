// Positive cases of issue 16 session 12's wild-s work (data and analytics pages: Data Lake Storage Gen1 and Data Lake
// Analytics, retired on 29 February 2024), appended to rules.test.ts's table: a one-line break of the clean fixture.
// Real pages, positive and negative: wild-s-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const wildSCases = {
  'az-create-retired-service': [
    { name: 'New-AzDataLakeStoreAccount (Gen1, retired 29 February 2024; microsoft-academic-services#226)', find: FIND, replace: block('azurepowershell', 'New-AzDataLakeStoreAccount -ResourceGroupName rg -Name mygen1 -Location "East US 2"'), offset: 1, message: /New-AzDataLakeStoreAccount creates a resource of Azure Data Lake Storage Gen1, which was retired on 29 February 2024.*New-AzStorageAccount -Kind StorageV2 -EnableHierarchicalNamespace \$true/, severity: w },
    { name: 'new-azdatalakeanalyticsaccount, any case (Data Lake Analytics; azure-docs#98584)', find: FIND, replace: block('powershell', 'new-azdatalakeanalyticsaccount -ResourceGroupName rg -Name myadla -Location "East US 2" -DefaultDataLakeStore mygen1'), offset: 1, message: /new-azdatalakeanalyticsaccount creates a resource of Azure Data Lake Analytics, which was retired on 29 February 2024.*Azure Synapse Analytics/, severity: w },
  ],
  'az-key-value-option-bare': [
    { name: 'az kusto cluster create --sku D11_v2 (azure-cli#13330)', find: 'az identity create -g', replace: () => 'az kusto cluster create --name azureclitest --sku D11_v2 --resource-group testrg', message: /az kusto cluster create --sku D11_v2: the kusto extension reads --sku as KEY=VALUE words.*usage error: --sku \[KEY=VALUE \.\.\.\].*Invalid SKU name provided.*--sku name=Standard_D11_v2 tier=Standard/, severity: w },
  ],
  'fence-language-as-command': [
    { name: 'a bare fence whose first line is azurecli (data-lake-analytics-get-started-cli.md)', find: FIND, replace: block('', 'azurecli', 'az login'), offset: 1, message: /"azurecli" on the first line of a fence with no language.*azurecli: command not found.*```azurecli/, severity: w },
  ],
};
