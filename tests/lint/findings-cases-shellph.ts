// Positive cases of the session-4 shell, placeholder and URL rules, merged into rules.test.ts's
// table: each breaks one line of the clean fixture the way real pages do. Their negatives on real
// pages, and the real defects they find, are in shellph-rules.test.ts.
const UPLOAD = 'az storage blob upload';
const DOWNLOAD = 'az storage blob download';
const LAST_PROSE = 'Resource Manager paths and resource group names are case-insensitive';

export const shellphCases = {
  'shell-unclosed-quote': [
    { name: 'a double quote opened and never closed', find: UPLOAD, replace: (l: string) => l.replace('-f test.txt', '-f "test.txt'), message: /double quote opened here is never closed.*">" prompt/ },
  ],
  'shell-variable-unused': [
    {
      name: 'the account in a variable, the option written literally',
      find: UPLOAD,
      replace: (l: string) => `account_name=mystorageaccount\n${l.replace('--account-name <STORAGE ACCOUNT>', '--account-name mystorage')}`,
      message: /account_name is assigned here but never used.*--account-name mystorage literally.*"mystorageaccount" here, "mystorage" there/,
      severity: 'warning' as const,
    },
  ],
  'url-literal-space': [
    {
      name: 'an OData filter with literal spaces in a request line',
      find: LAST_PROSE,
      replace: () => "```http\nGET https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourcegroups?api-version=2025-04-01&$filter=tagName eq 'env'\n```",
      offset: 1,
      message: /literal space.*\$filter=tagName%20eq%20'env'/,
      severity: 'warning' as const,
    },
    {
      name: 'an OData filter with literal spaces in a quoted curl URL',
      find: "curl 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups",
      replace: (l: string) => l.replace("2025-04-01'", "2025-04-01&%24filter=tagName eq env'"),
      message: /URL given to curl has a literal space.*curl: \(3\).*%24filter=tagName%20eq%20env/,
      severity: 'warning' as const,
    },
  ],
  'placeholder-spelling-varies': [
    { name: '<CONTAINER_NAME> beside <CONTAINER NAME>', find: DOWNLOAD, replace: (l: string) => l.replace('<CONTAINER NAME>', '<CONTAINER_NAME>'), message: /<CONTAINER_NAME> is written elsewhere on the page as <CONTAINER NAME>.*separator/, severity: 'warning' as const },
  ],
  'example-id-in-input-file': [
    {
      name: 'a stand-in subscription in a role file the next command reads',
      find: LAST_PROSE,
      replace: () =>
        'Save this as role.json:\n\n```json\n{\n  "Name": "Blob Lister",\n  "Actions": ["Microsoft.Storage/storageAccounts/read"],\n  "AssignableScopes": ["/subscriptions/11111111-1111-1111-1111-111111111111"]\n}\n```\n\n```azurecli\naz role definition create --role-definition role.json\n```',
      offset: 6,
      message: /role\.json is sent as written.*11111111-1111-1111-1111-111111111111 here is a stand-in id/,
      severity: 'warning' as const,
    },
  ],
  'azcopy-legacy-syntax': [
    {
      name: 'AzCopy 7 options instead of azcopy copy',
      find: UPLOAD,
      replace: () => 'azcopy --source test.txt --destination https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/test.txt --dest-key <STORAGE KEY>',
      message: /--source is an option of AzCopy 7\/8.*azcopy copy/,
      severity: 'warning' as const,
    },
  ],
  'shell-assignment-spaces': [
    { name: 'NAME = value in a bash block', find: 'echo "This is a test file."', replace: (l: string) => `file_name = test.txt\n${l}`, message: /"file_name = …" has blanks around "=".*file_name: command not found.*Write file_name="test\.txt"/ },
  ],
  'az-query-backtick': [
    { name: 'a JMESPath literal in backticks inside a double-quoted --query', find: DOWNLOAD, replace: (l: string) => `${l} --query "[?properties.contentLength > \`20\`].name"`, message: /bash runs `20` as a command.*invalid jmespath_type value/ },
  ],
  'placeholder-unquoted-special': [
    { name: 'a SAS token placeholder left unquoted', find: UPLOAD, replace: (l: string) => l.replace('--auth-mode login', '--sas-token <SAS TOKEN>'), message: /<SAS TOKEN> is not quoted.*"&".*Quote it: '<SAS TOKEN>'/, severity: 'warning' as const },
  ],
};
