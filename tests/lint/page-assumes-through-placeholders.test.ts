// page-assumes-resource sees names that come through placeholders: a page that reads
// `https://<vault-name>.vault.azure.net/secrets/<secret-name>` and never creates or states a vault
// assumes one. Silent where unsure: the reader's own resource group, a page whose template, `az webapp
// up` or build tool creates resources it never names, a placeholder the page's own command creates.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text}\n\`\`\`\n`;
const READ = fence('bash', 'curl "https://<vault-name>.vault.azure.net/secrets/<secret-name>?api-version=7.4" -H "Authorization: Bearer $TOKEN"');
const found = (text: string) => lintText(text, 'docfx', 'tests/lint/fixtures/placeholders.md').filter((f) => f.rule === 'page-assumes-resource');

describe('page-assumes-resource through placeholders', () => {
  it('placeholder-vault-never-assumed: a vault and secret named only by placeholders, created and stated nowhere, are assumed', () => {
    const hits = found(['# Read a secret\n', 'Read it:\n', READ].join('\n'));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ severity: 'warning', line: 6 }) // the curl line;
    expect(hits[0]!.message).toBe('the page assumes the key vault <vault-name> and the secret <secret-name> in the key vault <vault-name> exist; say so in the prerequisites');
  });

  it('a prerequisite that states the vault and its secret silences it', () => {
    expect(found(['# Read a secret\n', '## Prerequisites\n', '- A key vault with a secret.\n', '## Read\n', READ].join('\n'))).toEqual([]);
  });

  it('a vault the page creates under the same placeholder is not assumed', () => {
    const create = fence('azurecli', 'az keyvault create --name <vault-name> --resource-group <resource-group> --location eastus');
    const set = fence('azurecli', 'az keyvault secret set --vault-name <vault-name> --name <secret-name> --value hello');
    expect(found(['# Make and read a secret\n', create, set, READ].join('\n'))).toEqual([]);
  });

  it('is silent on the reader\'s resource group and after a deployment that creates what it does not name', () => {
    expect(found(['# Show\n', fence('azurecli', 'az group show --name <resource-group>')].join('\n'))).toEqual([]);
    const deploy = fence('azurecli', 'az deployment group create --resource-group <resource-group> --template-file azuredeploy.json');
    const list = fence('azurecli', 'az storage blob list --account-name <storage-account> --container-name <container> --auth-mode login');
    expect(found(['# Deploy then list\n', deploy, list].join('\n'))).toEqual([]);
    // The same listing with nothing before it: the account and the container are assumed.
    expect(found(['# List\n', list].join('\n')).map((f) => f.message)).toEqual(['the page assumes the storage account <storage-account> and the blob container <container> in the storage account <storage-account> exist; say so in the prerequisites']);
  });

  it('webapp-up-group-assumed: a group az webapp up or a Maven deploy made is not assumed (they create it; the page cannot name it before)', () => {
    const up = fence('azurecli', 'az webapp up --location westeurope --name <app_name> --html');
    const clean = fence('azurecli', 'az group delete --name appsvc_rg_Windows_westeurope');
    expect(found(['# Deploy\n', up, clean].join('\n'))).toEqual([]);
    const mvn = fence('bash', 'mvn azure-functions:deploy');
    expect(found(['# Deploy\n', mvn, fence('azurecli', 'az group delete --name java-functions-group')].join('\n'))).toEqual([]);
    // Without the deploy the same clean-up assumes the group.
    expect(found(['# Clean up\n', clean].join('\n')).map((f) => f.message)).toEqual(['the page assumes the resource group appsvc_rg_Windows_westeurope exists; say so in the prerequisites']);
  });

  it('prerequisites stated by an include are not second-guessed for placeholders', () => {
    const list = fence('azurecli', 'az storage container create --name demo --account-name <storage-account> --auth-mode login');
    expect(found(['# Containers\n', '## Prerequisites\n', '[!INCLUDE [storage-quickstart-prereq-include](../includes/storage-quickstart-prereq-include.md)]\n', '## Create\n', list].join('\n'))).toEqual([]);
    expect(found(['# Containers\n', '## Create\n', list].join('\n'))).toHaveLength(1);
  });
});
