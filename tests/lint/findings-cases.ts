// Positive cases of issue 16's rules, merged into rules.test.ts's table: each breaks one line of
// the clean fixture the way real pages do. Their negative cases on real pages are in
// shell-rules.test.ts and example-request.test.ts.
const UPLOAD = 'az storage blob upload';
const TOKEN_CURL = "resource=https%3A%2F%2Fstorage.azure.com%2F' -H Metadata:true";
const BLOB_CURL = 'curl https://<STORAGE ACCOUNT>.blob.core.windows.net';
const ARM_GET = "resourceGroups/<RESOURCE GROUP>?api-version=2025-04-01' -H";

export const findingsCases = {
  'shell-backslash-space': [
    { name: 'blank after the backslash', find: UPLOAD, replace: (l: string) => l.replace(' -f test.txt', ' \\ \n  -f test.txt'), message: /escaped space.*"-f test.txt/ },
  ],
  'shell-trailing-backslash': [
    { name: 'backslash on the last line of the block', find: UPLOAD, replace: (l: string) => `${l} \\`, message: /">" prompt/, severity: 'warning' as const },
  ],
  'shell-missing-continuation': [
    { name: 'options on the next line without a backslash', find: UPLOAD, replace: (l: string) => l.replace(' -f test.txt', '\n    -f test.txt'), message: /"-f: command not found"/ },
  ],
  'curl-help-flag': [
    { name: '-h for -H', find: BLOB_CURL, replace: (l: string) => l.replace('-H "x-ms-version', '-h "x-ms-version'), message: /exits 0 without sending the request/ },
  ],
  'shell-unquoted-ampersand': [
    { name: 'unquoted IMDS URL', find: TOKEN_CURL, replace: (l: string) => l.replace("curl '", 'curl ').replace("' -H", ' -H'), message: /without "resource"/ },
  ],
  'shell-single-quoted-variable': [
    {
      name: 'token variable in single quotes',
      find: BLOB_CURL,
      replace: (l: string) => `token='<ACCESS TOKEN>'\n${l.replace('"Authorization: Bearer <ACCESS TOKEN>"', "'Authorization: Bearer $token'")}`,
      offset: 1,
      message: /literal text "\$token"/,
      severity: 'warning' as const,
    },
  ],
  'shell-tilde-in-quotes': [
    { name: 'quoted home path', find: UPLOAD, replace: (l: string) => l.replace('-f test.txt', '-f "~/test.txt"'), message: /"\$HOME\/test.txt"/ },
  ],
  'shell-odata-dollar-expanded': [
    {
      name: '$filter in a double-quoted URL',
      find: ARM_GET,
      replace: (l: string) => l.replace("curl 'https", 'curl "https').replace("2025-04-01'", '2025-04-01&$filter=tagName eq \'env\'"'),
      message: /expands "\$filter"/,
      severity: 'warning' as const,
    },
  ],
  'example-sas-fields': [
    { name: 'st= without signedStart', find: '"serviceSasToken":"sv=', replace: (l: string) => l.replace('&se=', '&st=2026-12-31T00%3A00%3A00Z&se='), message: /sends no signedStart/, severity: 'warning' as const },
    { name: 'sp other than signedPermission', find: '"serviceSasToken":"sv=', replace: (l: string) => l.replace('&sp=r&', '&sp=rw&'), message: /signedPermission "r"/, severity: 'warning' as const },
    { name: 'sip= without signedIp', find: '"serviceSasToken":"sv=', replace: (l: string) => l.replace('&spr=https', '&sip=168.1.5.65&spr=https'), message: /sip=168\.1\.5\.65 \(IP range\), but the request on line \d+ sends no signedIp/, severity: 'warning' as const },
    {
      name: 'spr=https from az generate-sas without --https-only',
      find: 'az role assignment create',
      replace: (l: string) => `az storage container generate-sas --account-name mystorageaccount --name mycontainer --permissions r --expiry 2027-01-01T00:00Z --account-key <KEY>\n\`\`\`\n\n\`\`\`output\n"se=2027-01-01T00%3A00Z&sp=r&spr=https&sv=2022-11-02&sr=c&sig=<SIGNATURE>"\n\`\`\`\n\n\`\`\`azurecli\n${l}`,
      offset: 4,
      message: /spr=https \(protocol\), but the request on line \d+ sends no --https-only/,
      severity: 'warning' as const,
    },
  ],
  'rbac-what-if': [
    { name: 'Reader granted, blob read with the identity', find: 'az role assignment create', replace: (l: string) => l.replace('"Storage Blob Data Reader"', '"Reader"'), message: /Reader grants no data action.*use Storage Blob Data Reader/ },
  ],
  'rbac-notactions-only': [
    {
      name: 'custom role with NotActions only',
      find: 'az role assignment create',
      replace: () => `az role definition create --role-definition '{"Name": "No basic auth", "NotActions": ["Microsoft.Web/sites/basicPublishingCredentialsPolicies/scm/Write"], "AssignableScopes": ["/subscriptions/<SUBSCRIPTION ID>"]}'`,
      message: /NotActions but no Actions.*still allow Microsoft\.Web\/sites\/basicPublishingCredentialsPolicies\/scm\/Write/,
      severity: 'warning' as const,
    },
  ],
  'rbac-permission-not-stated': [
    {
      name: 'role assignment, the role that allows it no longer in the prerequisites',
      find: 'Owner or User Access Administrator on the storage account',
      replace: (l: string) => l.replace('Owner or User Access Administrator on the storage account', 'A browser'),
      // reported where the page should say it: the first line of its Prerequisites
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.includes('A Linux VM with a system-assigned')) + 1,
      message: /the page does not say that the reader needs Microsoft\.Authorization\/roleAssignments\/write/,
      severity: 'warning' as const,
    },
    {
      name: 'blob upload with --auth-mode login, no data role stated for the account the page does not create',
      find: 'Owner or User Access Administrator on the storage account',
      replace: (l: string) => l.replace(', and Storage Blob Data Contributor on it to upload and download blobs', ''),
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.startsWith('az storage blob upload')) + 1,
      message: /writing a blob needs the data action Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/blobs\/write.*Storage Blob Data Contributor/,
      severity: 'warning' as const,
    },
  ],
  'curl-upload-at': [
    { name: '-T @file', find: BLOB_CURL, replace: (l: string) => `${l} -X PUT -T @test.txt`, message: /Can't open '@test.txt'!.*Write -T test.txt/ },
  ],
  'shell-unassigned-variable': [
    { name: 'principal id from a variable nobody sets', find: 'az role assignment create', replace: (l: string) => l.replace('<PRINCIPAL ID>', '$identityObjectId'), message: /no step of the page assigns \$identityObjectId/, severity: 'warning' as const },
  ],
  'api-version-not-a-date': [
    { name: 'month 13', find: ARM_GET, replace: (l: string) => l.replace('2025-04-01', '2025-13-01'), message: /there is no month 13/ },
    { name: 'swapped month and day', find: ARM_GET, replace: (l: string) => l.replace('2025-04-01', '2025-20-04'), message: /Did you mean 2025-04-20\?/ },
  ],
  'api-version-currency': [
    { name: 'a Storage version years behind the newest stable', find: 'listServiceSas?api-version=2025-06-01', replace: (l: string) => l.replace('2025-06-01', '2019-06-01'), message: /2019-06-01 of Microsoft\.Storage is more than two years older than the newest stable version, 2026-09-01/, severity: 'warning' as const },
    { name: 'a Storage version the provider never published', find: 'listServiceSas?api-version=2025-06-01', replace: (l: string) => l.replace('2025-06-01', '2019-06-02'), message: /not among the versions Microsoft\.Storage published/, severity: 'warning' as const },
  ],
  'resource-name-invalid': [
    { name: 'an identity name with a space-free but illegal character', find: 'az identity create -g', replace: (l: string) => l.replace('<IDENTITY NAME>', 'my.identity'), message: /"my\.identity" is not a user-assigned identity name.*"\." is not a letter, digit, hyphen or underscore/ },
  ],
  'provider-namespace-misspelt': [
    { name: 'namespace without its dot', find: 'az role assignment create', replace: (l: string) => l.replace('providers/Microsoft.Storage/', 'providers/MicrosoftStorage/'), message: /"MicrosoftStorage".*Did you mean Microsoft\.Storage\?/ },
    { name: 'namespace with two letters swapped', find: 'az role assignment create', replace: (l: string) => l.replace('providers/Microsoft.Storage/', 'providers/Microsoft.Stroage/'), message: /"Microsoft\.Stroage".*Did you mean Microsoft\.Storage\?/ },
    { name: 'resource type one letter short in a scope', find: 'az role assignment create', replace: (l: string) => l.replace('/storageAccounts/', '/storageAcounts/'), message: /Microsoft\.Storage has no resource type "storageAcounts".*InvalidResourceType.*Did you mean storageAccounts\?/ },
    { name: 'resource type given to az with --namespace', find: 'az identity create', replace: () => 'az resource list --namespace Microsoft.KeyVault --resource-type vualts', message: /Microsoft\.KeyVault has no resource type "vualts".*Did you mean vaults\?/ },
  ],
  'example-id-vs-request': [
    { name: 'id of another kind of resource', find: '"id": "/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>"', replace: (l: string) => l.replace('/resourceGroups/', '/resourceProviders/'), message: /"resourceProviders" where the request on line \d+ has "resourceGroups"/, severity: 'warning' as const },
  ],
  'az-deprecated-parameter': [
    { name: '--sdk-auth for --json-auth', find: 'az identity create', replace: () => 'az ad sp create-for-rbac --name <APP NAME> --role Reader --scopes /subscriptions/<SUBSCRIPTION ID> --sdk-auth', message: /option --sdk-auth is deprecated.*Write --json-auth/, severity: 'warning' as const },
  ],
  'quickstart-template-moved': [
    {
      name: 'template URI in a 101- folder',
      find: 'az identity create',
      replace: () => 'az deployment group create -g <RESOURCE GROUP> --template-uri https://raw.githubusercontent.com/Azure/azure-quickstart-templates/master/101-storage-account-create/azuredeploy.json',
      message: /101-storage-account-create.*answers 404/,
      severity: 'warning' as const,
    },
  ],
  'prose-az-command-unknown': [
    { name: 'hyphen for a space in a command named by the prose', find: '- The Azure CLI, signed in with `az login`.', replace: () => '- The Azure CLI, signed in with `az login`; grant access with [az keyvault-set-policy](/cli/azure/keyvault).', message: /`az keyvault-set-policy`.*Write `az keyvault set-policy`/, severity: 'warning' as const },
  ],
  'powershell-missing-continuation': [
    {
      name: 'a PowerShell parameter on the next line without a backtick',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `Or with PowerShell:\n\n\`\`\`azurepowershell\nNew-AzUserAssignedIdentity\n    -ResourceGroupName <RESOURCE GROUP> -Name <IDENTITY NAME>\n\`\`\`\n\n${l}`,
      offset: 3,
      message: /New-AzUserAssignedIdentity runs without the parameters below it and "-ResourceGroupName …" on line 23/,
      severity: 'warning' as const,
    },
  ],
  'bash-in-powershell-fence': [
    {
      name: 'a bash assignment in an azurepowershell block',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `Or with PowerShell:\n\n\`\`\`azurepowershell\nidentityName=myIdentity\n\`\`\`\n\n${l}`,
      offset: 3,
      message: /"identityName=…" is a bash assignment in a PowerShell block \(azurepowershell\)/,
      severity: 'warning' as const,
    },
  ],
  'powershell-in-bash-fence': [
    { name: 'a PowerShell assignment in the azurecli block', find: 'az identity create', replace: (l: string) => `$identityName = "<IDENTITY NAME>"\n${l}`, message: /"\$identityName =…" is a PowerShell assignment in a bash block \(azurecli\).*Write identityName=<value>/ },
  ],
  // issue 16 items 3-4 (spec data)
  'enum-value-stray-space': [
    { name: 'identity type with a space inside SystemAssigned (JSON)', find: '"location": "westus",', replace: (l: string) => `${l} "identity": { "type": "System Assigned, UserAssigned" },`, message: /"System Assigned, UserAssigned" is not a value of (ResourceIdentityType|ManagedServiceIdentityType).*Write "SystemAssigned, UserAssigned"/, severity: 'warning' as const },
    { name: 'JWK operation with a leading space in inline code', find: 'Create a file to upload:', replace: () => 'Create a key whose `keyOps` are `["sign", " wrapKey"]`:', message: /" wrapKey" is not a value of JsonWebKeyOperation.*Write "wrapKey"/, severity: 'warning' as const },
  ],
  'identity-type-value': [
    { name: 'an identity type no spec defines', find: '"location": "westus",', replace: (l: string) => `${l} "identity": { "type": "Managed" },`, message: /identity type "Managed" is none of/, severity: 'warning' as const },
  ],
};
