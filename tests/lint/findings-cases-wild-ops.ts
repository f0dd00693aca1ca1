// Positive cases of issue 16 session 17's wild-ops work (Site Recovery pages readers reported), appended to
// rules.test.ts's table: a one-line break of the clean fixture. Real pages, positive and negative: wild-ops-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';

export const wildOpsCases = {
  'powershell-dollar-space': [
    {
      name: 'a blank after the "$" of a variable given to a parameter (azure-docs#16664)',
      find: FIND,
      replace: () => ['```azurepowershell', '$config = New-AzRecoveryServicesAsrAzureToAzureDiskReplicationConfig -ManagedDisk -DiskId $diskId -RecoveryResourceGroupId  $ RecoveryRG.ResourceId', '```'].join('\n'),
      offset: 1,
      message: /"\$ RecoveryRG\.ResourceId": a blank after "\$".*-RecoveryResourceGroupId is given the string "\$".*Write \$RecoveryRG\.ResourceId/,
      severity: 'warning' as const,
    },
  ],
};
