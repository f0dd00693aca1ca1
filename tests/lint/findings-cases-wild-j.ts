// Positive cases of issue 16 session 11's wild-j extensions (databases: PostgreSQL and MySQL flexible server,
// Azure Cache for Redis, Cosmos DB), merged into rules.test.ts's table by concatenation (the rules already have
// cases). A one-line break of the clean fixture adds a block whose second line (offset 1) has the defect. Their
// real pages, positive and negative, are in wild-j-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const azcli = (...lines: string[]) => () => ['```azurecli', ...lines, '```'].join('\n');
const warning = 'warning' as const;

export const wildJCases = {
  'retired-runtime-version': [
    { name: 'az postgres flexible-server create --version 11', find: FIND, replace: azcli('az postgres flexible-server create -g myResourceGroup -n mydemoserver --tier Burstable --sku-name Standard_B1ms --version 11'), offset: 1, message: /PostgreSQL 11 \("11"\) reached end of support on 2025-11-09.*creates no new server of a retired version/, severity: warning },
    { name: 'az mysql flexible-server create --version 5.7', find: FIND, replace: azcli('az mysql flexible-server create -g myResourceGroup -n mydemoserver --sku-name Standard_B1ms --version 5.7'), offset: 1, message: /MySQL 5\.7 \("5\.7"\) reached end of support on 2026-07-31.*Extended Support, which Azure bills/, severity: warning },
    { name: 'az redis create --redis-version 4', find: FIND, replace: azcli('az redis create -g myResourceGroup -n mycache -l westus --sku Basic --vm-size c0 --redis-version 4'), offset: 1, message: /Redis 4 \("4"\) reached end of support on 2023-06-30.*All new Azure Redis instances are version 6/, severity: warning },
  ],
  'retired-resource-setting': [
    { name: 'az redis create --minimum-tls-version 1.0', find: FIND, replace: azcli('az redis create -g myResourceGroup -n mycache -l westus --sku Basic --vm-size c0 --minimum-tls-version 1.0'), offset: 1, message: /--minimum-tls-version 1\.0: Azure Cache for Redis no longer takes a minimum TLS version of 1\.0 or 1\.1/, severity: warning },
  ],
  'az-retired-command': [
    { name: 'az cosmosdb dts copy in a PowerShell fence (azure-docs#105003)', find: FIND, replace: () => ['```azurepowershell-interactive', 'az cosmosdb dts copy `', '    --resource-group $resourceGroup `', '    --account-name $accountName', '```'].join('\n'), offset: 1, message: /'az cosmosdb dts copy' left the Azure CLI reference/, severity: warning },
  ],
  'azure-classic-cli': [
    { name: 'azure rediscache create in an indented block (azure-docs#105978)', find: FIND, replace: () => ['To create a cache, use the following command:', '', '    azure rediscache create --name mycache --resource-group myResourceGroup --location westus', ''].join('\n'), offset: 2, message: /azure rediscache is a command of the Azure classic CLI.*Write it with az redis/, severity: warning },
    { name: 'azure config mode arm in a bash fence', find: FIND, replace: azcli('azure config mode arm'), offset: 1, message: /azure config is a command of the Azure classic CLI.*drop the step/, severity: warning },
  ],
};
