// Positive cases of issue 16 session 9's PowerShell parity (psparity): the value rules that judged az commands only
// now judge the Azure PowerShell equivalents, merged into rules.test.ts's table (a one-line break of the clean
// fixture adds a PowerShell block whose second line, offset 1, has the defect). Their real pages, positive and
// negative, are in psparity-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (...lines: string[]) => () => ['```azurepowershell', ...lines, '```'].join('\n');
const warning = 'warning' as const;
const error = 'error' as const;

export const psparityCases = {
  'retired-runtime-version': [
    { name: 'New-AzFunctionApp -Runtime Node -RuntimeVersion 14', find: FIND, replace: block('New-AzFunctionApp -Name myfunc -ResourceGroupName rg -StorageAccountName sa -Location eastus -Runtime Node -RuntimeVersion 14 -FunctionsVersion 4'), offset: 1, message: /Node\.js 14 \("14"\) reached end of support/, severity: warning },
    { name: 'New-AzFunctionApp -FunctionsVersion 3', find: FIND, replace: block('New-AzFunctionApp -Name myfunc -ResourceGroupName rg -StorageAccountName sa -Location eastus -Runtime PowerShell -FunctionsVersion 3'), offset: 1, message: /Azure Functions 3\.x \("3"\) reached end of support/, severity: warning },
  ],
  'retired-resource-setting': [
    { name: 'New-AzStorageAccount -Kind Storage', find: FIND, replace: block('New-AzStorageAccount -ResourceGroupName rg -Name mysa -Location eastus -SkuName Standard_LRS -Kind Storage'), offset: 1, message: /New-AzStorageAccount -Kind Storage: general-purpose v1/, severity: warning },
    { name: 'New-AzKeyVault -DisableSoftDelete', find: FIND, replace: block('New-AzKeyVault -Name mykv -ResourceGroupName rg -Location eastus -DisableSoftDelete'), offset: 1, message: /New-AzKeyVault -DisableSoftDelete: soft delete can no longer be turned off/, severity: warning },
    { name: 'New-AzApplicationGatewaySku -Name Standard_Medium', find: FIND, replace: block('$sku = New-AzApplicationGatewaySku -Name Standard_Medium -Tier Standard -Capacity 2'), offset: 1, message: /Application Gateway V1.*retired/, severity: warning },
  ],
  'az-vm-image-alias-retired': [
    { name: 'New-AzVM -Image UbuntuLTS', find: FIND, replace: block('New-AzVM -ResourceGroupName rg -Name myVM -Location eastus -Image UbuntuLTS -GenerateSshKey -SshKeyName k'), offset: 1, message: /Az\.Compute 7\.0\.0 removed the image alias "UbuntuLTS".*Ubuntu2204/, severity: warning },
  ],
  'resource-name-invalid': [
    { name: 'New-AzStorageAccount -Name with capitals', find: FIND, replace: block('New-AzStorageAccount -ResourceGroupName rg -Name MyStorage01 -Location eastus -SkuName Standard_LRS'), offset: 1, message: /"MyStorage01" is not a storage account name/, severity: error },
    { name: 'New-AzContainerRegistry -Name with a dash', find: FIND, replace: block('New-AzContainerRegistry -ResourceGroupName rg -Name my-registry -Sku Basic'), offset: 1, message: /"my-registry" is not a container registry name.*"-" is not a letter or digit/, severity: error },
  ],
  'az-unknown-role': [
    { name: 'New-AzRoleAssignment -RoleDefinitionName with a slip', find: FIND, replace: block('New-AzRoleAssignment -ObjectId $principalId -RoleDefinitionName "Storage Blob Data Reeder" -Scope $scope'), offset: 1, message: /no role definition is named "Storage Blob Data Reeder".*-RoleDefinitionName 'Storage Blob Data Reader'/, severity: error },
  ],
  'retired-role': [
    { name: 'New-AzRoleAssignment of a Media Services role', find: FIND, replace: block('New-AzRoleAssignment -ObjectId $principalId -RoleDefinitionName "Media Services Account Administrator" -Scope $scope'), offset: 1, message: /New-AzRoleAssignment assigns 'Media Services Account Administrator', which belongs to a retired service/, severity: warning },
  ],
  'az-assignee-id-kind': [
    { name: 'New-AzRoleAssignment -ObjectId $identity.ClientId', find: FIND, replace: block('New-AzRoleAssignment -ObjectId $identity.ClientId -RoleDefinitionName "Storage Blob Data Reader" -Scope $scope'), offset: 1, message: /-ObjectId is given \$identity\.ClientId, a client \(application\) id by its name/, severity: warning },
    { name: 'Set-AzKeyVaultAccessPolicy -ServicePrincipalName <OBJECT_ID>', find: FIND, replace: block('Set-AzKeyVaultAccessPolicy -VaultName kv -ServicePrincipalName <OBJECT_ID> -PermissionsToSecrets get'), offset: 1, message: /-ServicePrincipalName is given <OBJECT_ID>, an object \(principal\) id by its name/, severity: warning },
  ],
};
