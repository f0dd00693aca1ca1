// Positive cases of issue 16 session 7's PowerShell rules (psread), merged into rules.test.ts's table: a one-line
// break of the clean fixture adds a PowerShell block whose second line (offset 1) has the defect. Their negatives on
// real pages are in powershell-parameters.test.ts and powershell-variable-two-names.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (...lines: string[]) => () => ['```azurepowershell', ...lines, '```'].join('\n');

export const psreadCases = {
  'powershell-unknown-parameter': [
    { name: 'a misspelt parameter', find: FIND, replace: block('New-AzResourceGroup -Nmae myRG -Location eastus'), offset: 1, message: /A parameter cannot be found that matches parameter name 'Nmae'/ },
  ],
  'powershell-ambiguous-parameter': [
    { name: 'a prefix of three parameters', find: FIND, replace: block('Get-AzRoleAssignment -Resource myRG'), offset: 1, message: /parameter name 'Resource' is ambiguous/ },
  ],
  'powershell-missing-value': [
    { name: 'a [bool] written as a switch', find: FIND, replace: block('New-AzStorageAccount -ResourceGroupName rg -Name sa -Location eastus -SkuName Standard_LRS -EnableHttpsTrafficOnly'), offset: 1, message: /Missing an argument for parameter 'EnableHttpsTrafficOnly'/ },
  ],
  'powershell-enum-value': [
    { name: 'a SKU outside the ValidateSet', find: FIND, replace: block('New-AzStorageAccount -ResourceGroupName rg -Name sa -Location eastus -SkuName Standard-LRS'), offset: 1, message: /does not belong to the set/ },
  ],
  'powershell-variable-two-names': [
    { name: '$rg assigned, $resourceGroup used', find: FIND, replace: () => ['```azurepowershell', 'Get-AzResourceGroup -Name $resourceGroup', '$rg = "myRG"', '```'].join('\n'), offset: 1, message: /\$resourceGroup is never assigned, but the page assigns \$rg/, severity: 'warning' as const },
  ],
};
