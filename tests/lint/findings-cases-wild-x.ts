// Positive cases of issue 16 session 14's wild-x work (reader-reported defects on Backup and HDInsight pages the
// tool had never seen: MicrosoftDocs/azure-docs#60631, #86229), appended to rules.test.ts's table: a one-line
// break of the clean fixture. Real pages, positive and negative: wild-x-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const e = 'error' as const;
const w = 'warning' as const;

export const wildXCases = {
  'powershell-unknown-parameter': [
    { name: 'Enable-AzRecoveryServicesBackupProtection -DiskListSetting, which Az.RecoveryServices never shipped (azure-docs#60631)', find: FIND, replace: block('azurepowershell', 'Enable-AzRecoveryServicesBackupProtection -Item $item -DiskListSetting "Reset" -VaultId $vault.ID'), offset: 1, message: /Enable-AzRecoveryServicesBackupProtection has no parameter -DiskListSetting: PowerShell stops with "A parameter cannot be found that matches parameter name 'DiskListSetting'\."/, severity: e },
    { name: 'New-AzHDInsightCluster -DefaultStorageAccountName, renamed -StorageAccountResourceId in Az.HDInsight 4.0 (azure-docs#86229)', find: FIND, replace: block('azurepowershell', 'New-AzHDInsightCluster -ResourceGroupName rg -ClusterName c1 -Location eastus -DefaultStorageContainer c1'), offset: 1, message: /New-AzHDInsightCluster has no parameter -DefaultStorageContainer: .*Did you mean -StorageContainer\?/, severity: e },
  ],
  'az-missing-required': [
    { name: 'az backup recoverypoint list -c myVM without --backup-management-type (azure-docs#46683)', find: FIND, replace: block('azurecli', 'az backup recoverypoint list -g myResourceGroup -v myRecoveryServicesVault -c myVM -i myVM'), offset: 1, message: /'az backup recoverypoint list' is given the container's friendly name myVM without --backup-management-type: az stops with "--backup-management-type is required when providing container's friendly name\."/, severity: e },
    { name: 'az backup item show -c <vm-name>: a placeholder may hold the native name, a warning', find: FIND, replace: block('azurecli', 'az backup item show -g rg -v vault -c <vm-name> -n <vm-name>'), offset: 1, message: /friendly name <vm-name> without --backup-management-type.*unless the reader puts the native name/, severity: w },
  ],
};
