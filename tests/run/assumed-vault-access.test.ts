// Regression from a precision sweep of never-seen AKS pages (MicrosoftDocs/azure-aks-docs @fb060abe,
// articles/aks/deploy-mongodb-cluster.md): the second page of a series writes secrets to
// $MY_KEYVAULT_NAME, a vault the first page (create-mongodb-infrastructure.md) made with
// --enable-rbac-authorization false, which gives its creator an access policy. The World provides the
// assumed vault but no permission on it, so each `az keyvault secret set` answered 403 ForbiddenByRbac
// and was failed: six false fails. Such a refusal is `unsupported` (assumed-access); where the page
// creates the vault itself, or states the reader's role on it, a 403 is still the page's.
import { describe, expect, it } from 'vitest';
import { pageVerdicts } from '../helpers/page-verdicts.ts';

const SERIES = `# Deploy the cluster

Store the credentials in the key vault you created in the previous article.

\`\`\`azurecli
az keyvault secret set --vault-name $MY_KEYVAULT_NAME --name MONGODB-BACKUP-USER --value MONGODB_BACKUP_USER --output none
\`\`\`
`;

const CREATES = `# Create a vault

\`\`\`azurecli
az group create --name myResourceGroup --location eastus
\`\`\`

\`\`\`azurecli
az keyvault create --name mykv-series-1 --resource-group myResourceGroup --location eastus
\`\`\`

\`\`\`azurecli
az keyvault secret set --vault-name mykv-series-1 --name MySecret --value hello
\`\`\`
`;

const STATES_ROLE = `# Use the vault

## Prerequisites

- A key vault named mykv-series-2. Assign yourself the **Key Vault Reader** role on the key vault.

\`\`\`azurecli
az keyvault secret set --vault-name mykv-series-2 --name MySecret --value hello
\`\`\`
`;

describe('assumed-vault-access', () => {
  it('a 403 on a vault the page only assumes is unsupported (assumed-access), not a fail of the page', async () => {
    const steps = await pageVerdicts(SERIES, 'tc-assumed-kv-');
    const set = steps.find((s) => s.line === 6);
    expect(set?.verdict).toBe('unsupported');
    expect(set?.reason).toMatch(/uses the key vault \S+ without creating it .*neither grants nor states the signed-in account's access to it; .*403 Forbidden\/ForbiddenByRbac says nothing about the page/);
  }, 120_000);
  it('a 403 on the RBAC vault the page itself creates stays a fail', async () => {
    const steps = await pageVerdicts(CREATES, 'tc-created-kv-');
    const set = steps.find((s) => s.line === 12);
    expect(set?.verdict).toBe('fail');
    expect(set?.reason).toMatch(/403.*ForbiddenByRbac/);
  }, 120_000);
  it('a 403 where the page states the reader\'s role on the vault stays a fail (the role is the wrong one)', async () => {
    const steps = await pageVerdicts(STATES_ROLE, 'tc-stated-kv-');
    const set = steps.find((s) => s.line === 8);
    expect(set?.verdict).toBe('fail');
    expect(set?.reason).toMatch(/403.*ForbiddenByRbac/);
  }, 120_000);
});
