// Positive cases of issue 16 session 10's psfresh work (Az.EventHub, Az.PrivateDns, Az.Network private link and
// Az.Sql cmdlets in the generated cmdlet table), merged into rules.test.ts's table: a one-line break of the clean
// fixture adds a block whose line at `offset` has the defect. Real pages, positive and negative: psfresh-rules.test.ts.
const FIND = 'This page is a test fixture: lint must report nothing here.';
const block = (info: string, ...lines: string[]) => () => ['```' + info, ...lines, '```'].join('\n');

export const psfreshCases = {
  'powershell-unknown-parameter': [
    { name: 'New-AzEventHubNamespace -NamespaceName, an alias Az.EventHub 4.0.0 dropped (azure-docs#113192)', find: FIND, replace: block('azurepowershell', 'New-AzEventHubNamespace -ResourceGroupName myResourceGroup -NamespaceName namespace_name -Location eastus'), offset: 1, message: /New-AzEventHubNamespace has no parameter -NamespaceName.*A parameter cannot be found/, severity: 'error' as const },
  ],
  'retired-resource-setting': [
    { name: 'New-AzSqlDatabase -Family Gen4 (the alias of -ComputeGeneration)', find: FIND, replace: block('azurepowershell', 'New-AzSqlDatabase -ResourceGroupName rg -ServerName srv -DatabaseName db -Edition GeneralPurpose -VCore 2 -Family Gen4'), offset: 1, message: /New-AzSqlDatabase -Family Gen4: Azure SQL Gen4 hardware is retired/, severity: 'warning' as const },
    { name: 'New-AzSqlDatabase -RequestedServiceObjectiveName GP_Gen4_2', find: FIND, replace: block('azurepowershell', 'New-AzSqlDatabase -ResourceGroupName rg -ServerName srv -DatabaseName db -RequestedServiceObjectiveName "GP_Gen4_2"'), offset: 1, message: /-RequestedServiceObjectiveName GP_Gen4_2: Azure SQL Gen4 hardware is retired/, severity: 'warning' as const },
  ],
  'private-dns-zone-name': [
    { name: 'New-AzPrivateDnsZone -N (a unique prefix of -Name) privatelink.database.azure.com for a sqlServer endpoint', find: FIND, replace: block('azurepowershell', '$c = New-AzPrivateLinkServiceConnection -Name myConn -PrivateLinkServiceId $server.ResourceId -GroupId "sqlServer"', '$zone = New-AzPrivateDnsZone -ResourceGroupName rg -N "privatelink.database.azure.com"'), offset: 2, message: /privatelink\.database\.azure\.com.*privatelink\.database\.windows\.net/, severity: 'warning' as const },
  ],
};
