// Positive case of issue 16 session 10's echo3 rule (a PowerShell output against the command that
// printed it), merged into rules.test.ts's table (a break of the clean fixture). Its real pages,
// positive and negative, are in echo3-rules.test.ts.
const IDENTITY = 'az identity create -g <RESOURCE GROUP> -n <IDENTITY NAME>';

export const echo3Cases = {
  'example-powershell-vs-request': [
    {
      name: 'New-AzResourceGroup output in another region than -Location',
      find: IDENTITY,
      replace: () => 'az account show\n```\n\n```azurepowershell\nNew-AzResourceGroup -Name myResourceGroup -Location "East US"\n```\n\n```output\nResourceGroupName : myResourceGroup\nLocation          : westus\nProvisioningState : Succeeded\n```\n\n```azurecli\n' + IDENTITY,
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.startsWith('Location          : westus')) + 1,
      message: /Location "westus" but New-AzResourceGroup on line \d+ is given -Location "East US".*whose Location is "eastus"/,
      severity: 'warning' as const,
    },
  ],
};
