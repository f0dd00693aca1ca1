// rbac-what-if for the Azure SDK programs a page runs (src/lint/sdk-calls.ts): a program that builds
// its client with DefaultAzureCredential and runs on the reader's machine calls as the signed-in
// reader, so its data-plane calls need the reader's role on the vault or account the page creates.
// Negative: keys/quick-create-python.md (a real page) runs its program as a service principal
// (AZURE_CLIENT_ID), which the reader what-if does not judge.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { findDocsetRoot, includeResolver } from '../../src/parse/docset.ts';
import { lintTutorial } from '../../src/lint/index.ts';

const root = join(import.meta.dirname, '..', '..');
const page = (role: string, run = 'python kv_secrets.py', credential = 'DefaultAzureCredential()') => `# Quickstart: secrets from Python

\`\`\`azurecli
az keyvault create --name "<your-unique-keyvault-name>" --resource-group "myResourceGroup"
\`\`\`

\`\`\`azurecli
az role assignment create --role "${role}" --assignee "<upn>" --scope "/subscriptions/<subscription-id>/resourceGroups/myResourceGroup/providers/Microsoft.KeyVault/vaults/<your-unique-keyvault-name>"
\`\`\`

\`\`\`python
import os
from azure.keyvault.secrets import SecretClient
from azure.identity import DefaultAzureCredential

client = SecretClient(vault_url=f"https://{os.environ['KEY_VAULT_NAME']}.vault.azure.net", credential=${credential})
client.set_secret("mySecret", "value")
retrieved = client.get_secret("mySecret")
\`\`\`

\`\`\`bash
${run}
\`\`\`
`;
const found = (text: string) => lintText(text).filter((f) => f.rule === 'rbac-what-if');

describe('rbac-what-if: SDK calls of a program the page runs as the signed-in reader', () => {
  it('Key Vault Secrets User cannot set a secret: reported on set_secret (line 17) and on the grant, not on get_secret', () => {
    const hits = found(page('Key Vault Secrets User'));
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [8, 'warning'],
      [17, 'warning'],
    ]);
    expect(hits[1]?.message).toMatch(/do not permit this Key Vault secrets call: setting a secret needs the data action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action.*use Key Vault Secrets Officer/);
  });
  it('silent with Key Vault Secrets Officer, and when the program is never run', () => {
    expect(found(page('Key Vault Secrets Officer'))).toEqual([]);
    expect(found(page('Key Vault Secrets User', 'echo done'))).toEqual([]);
  });
  it('keys/quick-create-python.md: its program runs as a service principal (AZURE_CLIENT_ID): the SDK calls are not judged', () => {
    const rel = 'tests/corpus/articles/key-vault/keys/quick-create-python.md';
    const file = join(root, rel);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/client\.create_rsa_key\(/);
    const tutorial = parseTutorialText(text, rel, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(file)) });
    const hits = lintTutorial(tutorial, { text }).filter((f) => f.rule === 'rbac-what-if');
    expect(hits.some((h) => /call:/.test(h.message))).toBe(false);
  });
});

describe('rbac-what-if: Azure Cosmos DB data with only Azure RBAC roles', () => {
  const cosmos = (grant: string) => `# Cosmos DB with Microsoft Entra ID

\`\`\`azurecli
${grant}
\`\`\`

\`\`\`python
from azure.cosmos import CosmosClient
from azure.identity import DefaultAzureCredential

client = CosmosClient("https://acct.documents.azure.com:443/", credential=DefaultAzureCredential())
container = client.get_database_client("db").get_container_client("items")
container.create_item({"id": "1", "category": "gear"})
\`\`\`
`;
  const arm = 'az role assignment create --role "DocumentDB Account Contributor" --assignee "<upn>" --scope "/subscriptions/<sub>/resourceGroups/rg/providers/Microsoft.DocumentDB/databaseAccounts/acct"';
  it('DocumentDB Account Contributor, then create_item with DefaultAzureCredential: reported on the grant and the call', () => {
    const hits = found(cosmos(arm));
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [4, 'warning'],
      [13, 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/DocumentDB Account Contributor is an Azure RBAC role: it grants no access to Azure Cosmos DB data/);
  });
  it('silent once the page assigns a Cosmos DB data-plane role (az cosmosdb sql role assignment create)', () => {
    const own = `${arm}\naz cosmosdb sql role assignment create --account-name acct --resource-group rg --role-definition-id 00000000-0000-0000-0000-000000000002 --principal-id <principal-id> --scope "/"`;
    expect(found(cosmos(own))).toEqual([]);
  });
});
