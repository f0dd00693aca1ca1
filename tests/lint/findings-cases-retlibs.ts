// Positive case of issue 16 session 10's retlibs rule (a cmdlet of the retired pre-Az "Azure" /
// Azure.Storage PowerShell modules), merged into rules.test.ts's table (one-line break of the clean
// fixture). Its real pages, positive and negative, and the Go reading of retired-sdk-package are in
// retlibs-rules.test.ts.
export const retlibsCases = {
  'retired-azure-powershell-module': [
    { name: 'New-AzureStorageContext (Azure.Storage)', find: 'az identity create -g', replace: () => '$ctx = New-AzureStorageContext -StorageAccountName mystorageaccount -UseConnectedAccount', message: /New-AzureStorageContext is a cmdlet of the Azure\.Storage module.*names it New-AzStorageContext/, severity: 'warning' as const },
  ],
};
