// rbac-what-if, grants and their scope (issue 16 session 5, src/lint/rbac-scope.ts): a role assigned
// at a scope that does not contain the resource a later request reaches permits nothing there (Azure
// RBAC inherits downwards only). Positive cases edit real corpus pages to grant on another vault,
// account or container; negatives are the real pages whose grants name the resource, a placeholder, or
// a subscription / resource group.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { findDocsetRoot, includeResolver } from '../../src/parse/docset.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = (page: string, edit: (t: string) => string = (t) => t) => {
  const file = join(root, 'tests/corpus/articles', page);
  const text = edit(readFileSync(file, 'utf8'));
  const tutorial = parseTutorialText(text, `tests/corpus/articles/${page}`, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(file)) });
  return lintTutorial(tutorial, { text }).filter((f) => f.rule === 'rbac-what-if');
};

const QUICK = 'key-vault/secrets/quick-create-cli.md';
const grantOn = (role: string, scope: string) => (t: string) =>
  t.replace('## Add a secret to Key Vault', `## Grant yourself access\n\n\`\`\`azurecli\naz role assignment create --role "${role}" --assignee "<upn>" --scope "${scope}"\n\`\`\`\n\n## Add a secret to Key Vault`);
const VAULTS = '/subscriptions/<subscription-id>/resourceGroups/ContosoResourceGroup/providers/Microsoft.KeyVault/vaults';

describe('rbac-what-if: a role granted at a scope that does not contain the resource', () => {
  it('Key Vault Secrets Officer on another vault: reported on both commands and on the grant, not as "no role"', () => {
    const found = corpus(QUICK, grantOn('Key Vault Secrets Officer', `${VAULTS}/Contoso-Vault3`));
    const lines = found.map((f) => f.line);
    const grantLine = 66;
    expect(lines).toContain(grantLine);
    const set = found.find((f) => /setting a secret on vault 'Contoso-Vault2'/.test(f.message));
    expect(set?.severity).toBe('warning');
    expect(set?.message).toMatch(/grants it only at another scope — Key Vault Secrets Officer on vault 'Contoso-Vault3' \(line 66\).*403 \(ForbiddenByRbac\)/);
    expect(found.find((f) => f.line === grantLine)?.message).toMatch(/assigned on vault 'Contoso-Vault3', but the page uses it on vault 'Contoso-Vault2'/);
    expect(found.some((f) => /no role on it/.test(f.message))).toBe(false);
  });

  it('silent when the scope is the vault itself, its resource group, the subscription, or a placeholder', () => {
    expect(corpus(QUICK, grantOn('Key Vault Secrets Officer', `${VAULTS}/Contoso-Vault2`))).toEqual([]);
    expect(corpus(QUICK, grantOn('Key Vault Secrets Officer', `${VAULTS}/contoso-vault2`))).toEqual([]);
    expect(corpus(QUICK, grantOn('Key Vault Secrets Officer', '/subscriptions/<subscription-id>/resourceGroups/ContosoResourceGroup'))).toEqual([]);
    expect(corpus(QUICK, grantOn('Key Vault Secrets Officer', '/subscriptions/<subscription-id>'))).toEqual([]);
    expect(corpus(QUICK, grantOn('Key Vault Secrets Officer', `${VAULTS}/<vault-name>`))).toEqual([]);
  });

  it('a role on a storage account says nothing about a vault: the vault commands keep their own finding', () => {
    const found = corpus(QUICK, grantOn('Storage Blob Data Contributor', '/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/other'));
    expect(found.some((f) => /another scope/.test(f.message))).toBe(false);
    expect(found.some((f) => /no role on it/.test(f.message))).toBe(true);
  });

  it('a container-scoped grant used on another container of the account (--auth-mode login)', () => {
    const page = 'storage/blobs/storage-blob-user-delegation-sas-create-cli.md';
    const text = readFileSync(join(root, 'tests/corpus/articles', page), 'utf8');
    expect(text).toContain('--scope "/subscriptions/<subscription>/resourceGroups/<resource-group>/providers/Microsoft.Storage/storageAccounts/<storage-account>"');
    // the real page: the account-scoped grant names a placeholder: silent
    expect(corpus(page).filter((f) => /another scope/.test(f.message))).toEqual([]);
  });

  it('a container-scoped grant, then a download from another container of the same account', () => {
    const scope = '/subscriptions/<subscription-id>/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/mystorage/blobServices/default/containers';
    const page = (container: string) =>
      `# Read a blob\n\nGrant yourself read access to the photos container:\n\n\`\`\`azurecli\naz role assignment create --role "Storage Blob Data Reader" --assignee "<upn>" --scope "${scope}/photos"\n\`\`\`\n\nDownload the file:\n\n\`\`\`azurecli\naz storage blob download --account-name mystorage --container-name ${container} --name a.txt --file a.txt --auth-mode login\n\`\`\`\n`;
    const found = lintText(page('documents')).filter((f) => f.rule === 'rbac-what-if');
    expect(found.map((f) => f.line)).toEqual([6, 12]);
    expect(found[1]?.message).toMatch(/reading a blob on container 'documents' of storage account 'mystorage'.*Storage Blob Data Reader on container 'photos' of storage account 'mystorage' \(line 6\)/);
    expect(lintText(page('photos')).filter((f) => f.rule === 'rbac-what-if')).toEqual([]);
    expect(lintText(page('$CONTAINER')).filter((f) => f.rule === 'rbac-what-if')).toEqual([]);
  });
});

describe('rbac-what-if: the vault permission model against the grants', () => {
  const policyVault = (t: string) => t.replace('--resource-group "ContosoResourceGroup" --location eastus\n```', '--resource-group "ContosoResourceGroup" --location eastus --enable-rbac-authorization false\n```');
  it('a Key Vault data role assigned on a vault the page creates with access policies permits nothing: reported on the grant', () => {
    const found = corpus(QUICK, (t) => grantOn('Key Vault Secrets Officer', `${VAULTS}/Contoso-Vault2`)(policyVault(t)));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[66, 'warning']]);
    expect(found[0]?.message).toMatch(/Key Vault Secrets Officer is an Azure RBAC data role, but the page creates this vault with the access policy permission model \(line 53: az keyvault create --enable-rbac-authorization false\)/);
  });
  it('silent for the real page (an RBAC vault), for a control-plane role, and once the page moves the vault to RBAC', () => {
    expect(corpus(QUICK, grantOn('Key Vault Secrets Officer', `${VAULTS}/Contoso-Vault2`))).toEqual([]);
    expect(corpus(QUICK, (t) => grantOn('Key Vault Contributor', `${VAULTS}/Contoso-Vault2`)(policyVault(t)))).toEqual([]);
    const moved = (t: string) => grantOn('Key Vault Secrets Officer', `${VAULTS}/Contoso-Vault2`)(policyVault(t)).replace('## Add a secret to Key Vault', '```azurecli\naz keyvault update --name "Contoso-Vault2" --enable-rbac-authorization true\n```\n\n## Add a secret to Key Vault');
    expect(corpus(QUICK, moved)).toEqual([]);
  });
  it('a template vault with enableRbacAuthorization: false and no access policy, then az keyvault secret show: nobody has data access', () => {
    const page = (policies: string) =>
      `# Deploy a vault\n\n\`\`\`json\n{\n  "type": "Microsoft.KeyVault/vaults",\n  "name": "[parameters('keyVaultName')]",\n  "properties": {\n    "enableRbacAuthorization": false,\n    "accessPolicies": ${policies},\n    "tenantId": "[subscription().tenantId]"\n  }\n}\n\`\`\`\n\n\`\`\`azurecli\naz deployment group create --resource-group rg --template-file azuredeploy.json\n\`\`\`\n\n\`\`\`azurecli\naz keyvault secret show --vault-name <vault-name> --name adminpassword\n\`\`\`\n`;
    const found = lintText(page('[]')).filter((f) => f.rule === 'rbac-what-if');
    expect(found.map((f) => f.line)).toEqual([9, 20]);
    expect(found[0]?.message).toMatch(/lists none, so nobody has data access/);
    const withPolicy = page(`[ { "tenantId": "[subscription().tenantId]", "objectId": "[parameters('objectId')]", "permissions": { "secrets": [ "get" ] } } ]`);
    expect(lintText(withPolicy).filter((f) => f.rule === 'rbac-what-if')).toEqual([]);
  });
});
