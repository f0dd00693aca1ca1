// Positive cases of issue 16 session 5's rules about retired SDKs and tools, merged into
// rules.test.ts's table (one-line breaks of the clean fixture). Their negatives on real pages are in
// other-rules.test.ts.
export const otherCases = {
  'retired-sdk-package': [
    { name: 'npm install of the retired azure-storage package', find: 'az identity create -g', replace: () => 'npm install azure-storage', message: /^azure-storage: this library reached end of support on 2023-03-31 .*Use @azure\/storage-blob/, severity: 'warning' as const },
    { name: 'pip install of azure-storage-blob 2.x', find: 'az identity create -g', replace: () => 'pip install azure-storage-blob==2.1.0', message: /azure-storage-blob 2\.1\.0: that line of azure-storage-blob reached end of support on 2024-09-13/, severity: 'warning' as const },
  ],
  'bicep-snippet-is-json': [
    {
      name: 'a Bicep parameter shown as ARM template JSON',
      find: 'This page is a test fixture',
      replace: () => ['Your Bicep file might declare the location like this:', '', '```json', '"location": {', '  "type": "string",', '  "defaultValue": "eastus"', '}', '```'].join('\n'),
      message: /introduces part of a Bicep file, but the block after it \(line \d+\) is ARM template JSON/,
      severity: 'warning' as const,
    },
  ],
  'prose-vault-object-mismatch': [
    {
      name: 'secrets described above a KeyClient sample',
      find: 'This page is a test fixture',
      replace: () => ['The following code sample shows how to set a secret and retrieve a secret.', '', '```python', 'from azure.keyvault.keys import KeyClient', 'client = KeyClient(vault_url=uri, credential=credential)', '```'].join('\n'),
      message: /says the sample works on secrets \("set a secret"\), but the sample \(line \d+\) uses KeyClient/,
      severity: 'warning' as const,
    },
  ],
  'retired-azurerm-module': [
    { name: 'an AzureRM cmdlet', find: 'az identity create -g', replace: () => 'Get-AzureRmResourceGroup -Name myResourceGroup', message: /retired on 2024-02-29.*names it Get-AzResourceGroup/, severity: 'warning' as const },
  ],
};
