// Positive cases of issue 16 session 9's echo2 rules (data-plane examples against the request that
// produced them), merged into rules.test.ts's table (one-line breaks of the clean fixture). Their
// real pages, positive and negative, are in echo2-rules.test.ts.
const KV_READ = "curl 'https://<KEY VAULT NAME>.vault.azure.net/secrets/<SECRET NAME>?api-version=7.4'";
const DOWNLOAD = 'az storage blob download -c <CONTAINER NAME> -n test.txt';
const IDENTITY = 'az identity create -g <RESOURCE GROUP> -n <IDENTITY NAME>';

export const echo2Cases = {
  'example-vault-object-vs-request': [
    {
      name: 'GET of a named secret answered with another secret',
      find: KV_READ,
      replace: (l: string) => l.replace('<KEY VAULT NAME>', 'mykeyvault').replace('<SECRET NAME>', 'OtherSecret'),
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.includes('"id":"https://mykeyvault.vault.azure.net/secrets/MySecret/')) + 1,
      message: /id names secret "MySecret" where the request on line \d+ names "OtherSecret".*https:\/\/mykeyvault\.vault\.azure\.net\/secrets\/OtherSecret\/\{version\}/,
      severity: 'warning' as const,
    },
  ],
  'example-blob-vs-request': [
    {
      name: 'az storage blob show of another blob than the example names',
      find: DOWNLOAD,
      replace: () => 'az storage blob show -c <CONTAINER NAME> -n other.txt --account-name <STORAGE ACCOUNT> --auth-mode login',
      expectAt: (text: string) => text.split('\n').findIndex((l) => l.includes('"name": "test.txt"')) + 1,
      message: /name is "test.txt" but az storage blob show on line \d+ is given --name other\.txt/,
      severity: 'warning' as const,
    },
  ],
  'example-app-host-vs-request': [
    {
      name: 'az webapp show printing another app\'s host',
      find: IDENTITY,
      replace: () => 'az webapp show -g <RESOURCE GROUP> -n contoso-web\n```\n\n```json\n{"defaultHostName": "contosoweb.azurewebsites.net", "name": "contoso-web"}\n```\n\n```azurecli\n' + IDENTITY,
      offset: 4,
      message: /defaultHostName is "contosoweb\.azurewebsites\.net" but az webapp show on line \d+ is given --name contoso-web/,
      severity: 'warning' as const,
    },
  ],
};
