// Positive cases of the rules about what a page shows and says around its commands (issue 16:
// example-output, inconsistent-name, other), merged into rules.test.ts's table. Their negative
// cases on real pages are in output-rules.test.ts.
const ROLE_CMD = 'az role assignment create';

export const outputCases = {
  'az-graph-objectid-query': [
    {
      name: 'object id of a service principal queried as objectId',
      find: ROLE_CMD,
      replace: (l: string) => `az ad sp show --id <CLIENT ID> --query objectId --output tsv\n${l}`,
      message: /selects "objectId".*Query "id" \(--query "id"\)/,
      severity: 'warning' as const,
    },
  ],
  'html-entity-in-code': [
    {
      name: 'placeholder written with &lt; &gt; in a command block',
      find: 'az identity create -g <RESOURCE GROUP>',
      replace: (l: string) => l.replace('<RESOURCE GROUP>', '&lt;RESOURCE GROUP&gt;'),
      message: /"&lt;", "&gt;" inside a code block \(azurecli\).*Write "az identity create -g <RESOURCE GROUP>/,
      severity: 'warning' as const,
    },
  ],
  // issue 16 session 4: the page's world
  'inconsistent-path': [
    {
      name: 'a file created by bare name, read from a folder nothing makes',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `Create a new file named **role.json**.\n\n\`\`\`azurecli\naz role definition create --role-definition ~/roles/role.json\n\`\`\`\n\n${l}`,
      message: /creates role\.json in the folder they are in, but line \d+ reads it as ~\/roles\/role\.json/,
      severity: 'warning' as const,
    },
    {
      name: 'a folder the prose names that no step makes, while the steps cd into another',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `\`\`\`bash\nmkdir lint-proj\ncd lint-proj\n\`\`\`\n\nRun the next command from the *LintProject* folder.\n\n${l}`,
      offset: 5,
      message: /no step makes or enters a folder named LintProject: the page's steps work in lint-proj/,
      severity: 'warning' as const,
    },
  ],
  'file-shown-after-use': [
    {
      name: 'a template deployed before the block that shows it',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `\`\`\`azurecli\naz deployment group create --resource-group <RESOURCE GROUP> --template-file lint.bicep\n\`\`\`\n\nThe file lint.bicep:\n\n\`\`\`bicep\nparam prefix string\n\`\`\`\n\n${l}`,
      offset: 1,
      message: /reads lint\.bicep, but the page shows that file only after it \(line \d+\)/,
      severity: 'warning' as const,
    },
  ],
  'role-used-before-created': [
    {
      name: 'a custom role listed before the definition that creates it',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `\`\`\`azurecli\naz role definition list --name "Lint Operator"\n\`\`\`\n\nThe role:\n\n\`\`\`json\n{ "Name": "Lint Operator", "Actions": ["*/read"], "AssignableScopes": ["/subscriptions/<SUBSCRIPTION ID>"] }\n\`\`\`\n\n\`\`\`azurecli\naz role definition create --role-definition lint.json\n\`\`\`\n\n${l}`,
      offset: 1,
      message: /the custom role "Lint Operator" is used here, but the page creates it only on line \d+/,
      severity: 'warning' as const,
    },
  ],
  'prose-value-differs': [
    {
      name: 'the prose names one prefix, the command passes another',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `List the containers whose names begin with the prefix *logs-*:\n\n\`\`\`azurecli\nprefix="app-logs-"\naz storage container list --account-name <STORAGE ACCOUNT> --prefix $prefix --auth-mode login\n\`\`\`\n\n${l}`,
      message: /the prose says prefix "logs-", but the command that follows passes \(line \d+\) "app-logs-"/,
      severity: 'warning' as const,
    },
  ],
  'retired-runtime-version': [
    {
      name: 'prose asks for Functions Core Tools 3.x',
      find: 'Create a file to upload:',
      replace: (l: string) => `Install the Azure Functions Core Tools version 3.x. ${l}`,
      message: /Azure Functions 3\.x \("3\.x"\) reached end of support on 2022-12-13/,
      severity: 'warning' as const,
    },
  ],
  'inconsistent-resource-name': [
    {
      name: 'the identity goes into another group than the one created',
      find: 'az identity create -g <RESOURCE GROUP>',
      replace: (l: string) => `az group create --name myGroup --location westus\n${l.replace('<RESOURCE GROUP>', 'myGroupName')}`,
      offset: 1,
      message: /uses the resource group "myGroupName", which no step creates or introduces; the page creates "myGroup" \(line \d+\)/,
      severity: 'warning' as const,
    },
  ],
  'example-projection-keys': [
    {
      name: 'az --query keeps two fields, the example shows the whole identity',
      find: 'az identity create -g <RESOURCE GROUP>',
      replace: (l: string) => `${l} --query "{clientId: clientId, principalId: principalId}"`,
      expectAt: (text: string, changed: number) => text.split('\n').findIndex((l, i) => i >= changed && l.includes('"id": ')) + 1,
      message: /The example shows "id", but --query "\{clientId: clientId, principalId: principalId\}" \(line \d+\) builds objects with the keys "clientId", "principalId" only/,
      severity: 'warning' as const,
    },
  ],
  'example-az-default-name': [
    {
      name: 'az webapp up output with the old <user>_rg_<os>_<location> group name',
      find: 'Create a file to upload:',
      replace: (l: string) =>
        ['```azurecli', 'az webapp up --location westeurope --name <app_name> --html', '```', '', '```output', '{', '  "resourcegroup": "appsvc_rg_Linux_westeurope",', '  "sku": "FREE"', '}', '```', '', l].join('\n'),
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.includes('"resourcegroup": "appsvc_rg_Linux_westeurope"')) + 1,
      message: /given no --resource-group.*today <user>_rg_<4 random digits>.*"appsvc_rg_Linux_westeurope" is the Linux\/westeurope form of older Azure CLI versions/,
      severity: 'warning' as const,
    },
  ],
  'example-role-definition-differs': [
    {
      name: 'the created role is shown with an action its file does not grant',
      find: 'Create a file to upload:',
      replace: (l: string) =>
        [
          'Save this as role.json:',
          '',
          '```json',
          '{"Name": "Blob Peeker", "IsCustom": true, "Actions": ["Microsoft.Storage/*/read"], "AssignableScopes": ["/subscriptions/<SUBSCRIPTION ID>"]}',
          '```',
          '',
          '```azurecli',
          'az role definition create --role-definition role.json',
          '```',
          '',
          '```output',
          '{"roleName": "Blob Peeker", "permissions": [{"actions": ["Microsoft.Storage/*/read", "Microsoft.Storage/*/write"]}], "assignableScopes": ["/subscriptions/<SUBSCRIPTION ID>"]}',
          '```',
          '',
          l,
        ].join('\n'),
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.startsWith('{"roleName": "Blob Peeker"')) + 1,
      message: /"Blob Peeker" matches none.*actions "Microsoft\.Storage\/\*\/write" that it does not grant/,
      severity: 'warning' as const,
    },
    {
      name: 'the built-in Reader is shown with an action it does not have and without one it has',
      find: 'Create a file to upload:',
      replace: (l: string) =>
        [
          '```azurecli',
          'az role definition list --name Reader',
          '```',
          '',
          '```output',
          '[{"roleName": "Reader", "roleType": "BuiltInRole", "name": "acdd72a7-3385-48ef-bd42-f606fba81ae7",',
          ' "permissions": [{"actions": ["Microsoft.Storage/*/read"], "notActions": [], "dataActions": [], "notDataActions": []}], "assignableScopes": ["/"]}]',
          '```',
          '',
          l,
        ].join('\n'),
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.startsWith('[{"roleName": "Reader"')) + 1,
      message: /built-in role "Reader" is not its definition today: actions lacks "\*\/read"; actions has "Microsoft\.Storage\/\*\/read", which the role no longer has/,
      severity: 'warning' as const,
    },
  ],
  'example-secret-from-file': [
    {
      name: 'the value read back has its line breaks elsewhere than the file',
      find: 'Create a file to upload:',
      replace: (l: string) =>
        [
          'Create a text file called "note.txt" containing the following lines:',
          '',
          '```text',
          'first line',
          'second line',
          '```',
          '',
          '```azurecli',
          'az keyvault secret set --vault-name <KEY VAULT NAME> --name Note --file note.txt',
          'az keyvault secret show --vault-name <KEY VAULT NAME> --name Note --query value',
          '```',
          '',
          '```output',
          '"first\\nline second line"',
          '```',
          '',
          l,
        ].join('\n'),
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.startsWith('"first\\n')) + 1,
      message: /holds "first line\\nsecond line"/,
      severity: 'warning' as const,
    },
  ],
  'link-reference-mismatch': [
    {
      name: 'az login linked to Connect-AzAccount',
      find: 'Create a file to upload:',
      replace: (l: string) => `Sign in with [az login](/powershell/module/az.accounts/connect-azaccount). ${l}`,
      message: /names an az command but points at the Azure PowerShell reference/,
      severity: 'warning' as const,
    },
  ],
  'output-in-command-fence': [
    { name: 'output block tagged bash', find: '```output', replace: () => '```bash', offset: 1, message: /inside a ```bash block/, severity: 'warning' as const },
  ],
  'prose-az-option-single-dash': [
    {
      name: 'the resource group option written with one dash (logic-apps quickstart)',
      find: 'Create a file to upload:',
      replace: (l: string) => `Give the group with \`-resource-group -g\`. ${l}`,
      message: /-resource-group is written with one dash: the az option is --resource-group/,
      severity: 'warning' as const,
    },
  ],
  // issue 16 session 6, wild defects (wild-a)
  'az-output-field-named': [
    {
      name: 'the prose names a create-for-rbac output field that az does not print',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `\`\`\`azurecli\naz ad sp create-for-rbac --name lint-sp\n\`\`\`\n\nYour \`appId\`, \`password\`, \`sp_name\` and \`tenant\` are returned.\n\n${l}`,
      offset: 4,
      message: /az ad sp create-for-rbac \(line \d+\) prints appId, displayName, password, tenant; there is no `sp_name`/,
      severity: 'warning' as const,
    },
  ],
  'resource-host-name-differs': [
    {
      name: 'a secret URL whose vault host drops the hyphen of the vault the page creates',
      find: 'Be sure to replace `<RESOURCE GROUP>`',
      replace: (l: string) => `\`\`\`azurecli\naz keyvault create --name lint-vault2 --resource-group <RESOURCE GROUP>\n\`\`\`\n\nRead it at https://lintvault2.vault.azure.net/secrets/lint.\n\n${l}`,
      offset: 4,
      message: /the key vault lint-vault2, whose host is lint-vault2\.vault\.azure\.net; https:\/\/lintvault2\.vault\.azure\.net names another key vault/,
      severity: 'warning' as const,
    },
  ],
};
