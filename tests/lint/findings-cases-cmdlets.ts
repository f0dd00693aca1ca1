// Positive cases of powershell-unknown-cmdlet (stop 30), appended to rules.test.ts's table: a one-line break of
// the clean fixture. Real pages, positive and negative: powershell-unknown-cmdlet.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');
const w = 'warning' as const;

export const cmdletsCases = {
  'powershell-unknown-cmdlet': [
    { name: 'Set-AzDiagnosticSetting, which Az 9.0.1 replaced by New-AzDiagnosticSetting (migrate-az-9.0.1.md)', find: FIND, replace: block('azurepowershell', 'Set-AzDiagnosticSetting -ResourceId $id -StorageAccountId $sa.Id -Enabled $true -Category AuditEvent'), offset: 1, message: /Set-AzDiagnosticSetting was removed from Az in Az 9\.0\.1 \(migrate-az-9\.0\.1\.md: "Replaced by New-AzDiagnosticSetting"\).*The term 'Set-AzDiagnosticSetting' is not recognized/, severity: w },
    { name: 'Get-AzKeyVaultSecrets, a plural of Get-AzKeyVaultSecret', find: FIND, replace: block('azurepowershell', 'Get-AzKeyVaultSecrets -VaultName myvault'), offset: 1, message: /Get-AzKeyVaultSecrets is no cmdlet of Az .*Did you mean Get-AzKeyVaultSecret\?/, severity: w },
  ],
};
