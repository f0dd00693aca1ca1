// rbac-what-if and the Key Vault permission model (issue 16 item 1, branch kvmodel): the model a page's
// own create command gives its vault (az keyvault create, New-AzKeyVault, a template), and the message
// of a step that needs several data actions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { findDocsetRoot, includeResolver } from '../../src/parse/docset.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const rbac = (file: string, edit: (t: string) => string = (t) => t) => {
  const path = join(root, file);
  const text = edit(readFileSync(path, 'utf8'));
  const tutorial = parseTutorialText(text, file, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(path)) });
  return lintTutorial(tutorial, { text }).filter((f) => f.rule === 'rbac-what-if');
};

const CLI_PAGE = 'tests/corpus/articles/key-vault/secrets/quick-create-cli.md';
const SET = 'az keyvault secret set --vault-name "Contoso-Vault2" --name "ExamplePassword" --value "hVFkk965BuUv"';

describe('rbac-what-if: a step that needs several data actions names the strongest', () => {
  it('the message of a step whose substitution reads a secret and whose command sets one names Secrets Officer (set), not Secrets User (the inner read)', () => {
    const copy = 'az keyvault secret set --vault-name "Contoso-Vault2" --name "Copy" --value "$(az keyvault secret show --vault-name "Contoso-Vault2" --name "ExamplePassword" --query value -o tsv)"';
    expect(readFileSync(join(root, CLI_PAGE), 'utf8')).toContain(SET);
    const found = rbac(CLI_PAGE, (t) => t.replace(SET, copy));
    const line = found.find((f) => f.line === 70);
    expect(line?.message).toMatch(/setting a secret needs the data action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action.*Assign Key Vault Secrets Officer/);
    expect(line?.message).not.toMatch(/Secrets User/);
  });

  it('with a role that permits only the inner read (Secrets User), the step is reported for the set, and the grant names the set', () => {
    const copy = 'az keyvault secret set --vault-name "Contoso-Vault2" --name "Copy" --value "$(az keyvault secret show --vault-name "Contoso-Vault2" --name "ExamplePassword" --query value -o tsv)"';
    const grant = `az role assignment create --role "Key Vault Secrets User" --assignee "<upn>" --scope "/subscriptions/<subscription-id>/resourceGroups/ContosoResourceGroup/providers/Microsoft.KeyVault/vaults/Contoso-Vault2"\n${copy}`;
    const found = rbac(CLI_PAGE, (t) => t.replace(SET, grant));
    expect(found.find((f) => f.line === 71)?.message).toMatch(/setting a secret needs the data action .*setSecret\/action, and Key Vault Secrets User does not include it.*use Key Vault Secrets Officer/);
  });
});

const ER_PAGE = 'tests/fresh/articles/expressroute/expressroute-howto-macsec.md';

describe('rbac-what-if: the permission model of a vault New-AzKeyVault creates (Az.KeyVault 6.0.0: Azure RBAC unless -DisableRbacAuthorization)', () => {
  it('expressroute-howto-macsec.md (azure-docs df9ae8bd): Set-AzKeyVaultSecret (74, 75) denied and Set-AzKeyVaultAccessPolicy (92) ignored on the RBAC vault New-AzKeyVault creates (44)', () => {
    const found = rbac(ER_PAGE);
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [74, 'warning'],
      [75, 'warning'],
      [92, 'warning'],
    ]);
    expect(found[0]?.message).toMatch(/creates the vault \(line 44: New-AzKeyVault makes it an Azure RBAC vault \(the default since Az\.KeyVault 6\.0\.0\)\).*setSecret\/action.*403 \(ForbiddenByRbac\)\. Assign Key Vault Secrets Officer on the vault first, or create the vault with New-AzKeyVault -DisableRbacAuthorization\./);
    expect(found[2]?.message).toMatch(/Set-AzKeyVaultAccessPolicy writes an access policy that Key Vault does not evaluate on such a vault.*New-AzRoleAssignment -RoleDefinitionName "Key Vault Secrets Officer".*-DisableRbacAuthorization/);
  });

  it('expressroute-howto-macsec.md: silent once New-AzKeyVault is given -DisableRbacAuthorization (access policies, the creator gets one)', () => {
    const edit = (t: string) => t.replace('-Location "resource_location" -SoftDeleteRetentionInDays 90', '-Location "resource_location" -SoftDeleteRetentionInDays 90 -DisableRbacAuthorization');
    expect(edit(readFileSync(join(root, ER_PAGE), 'utf8'))).toContain('-DisableRbacAuthorization');
    expect(rbac(ER_PAGE, edit)).toEqual([]);
  });

  it('a Key Vault data role assigned with New-AzRoleAssignment on a vault New-AzKeyVault -DisableRbacAuthorization creates permits nothing', () => {
    const edit = (t: string) =>
      t
        .replace('-Location "resource_location" -SoftDeleteRetentionInDays 90', '-Location "resource_location" -SoftDeleteRetentionInDays 90 -DisableRbacAuthorization')
        .replace('Set-AzKeyVaultAccessPolicy -VaultName "your_key_vault_name" -PermissionsToSecrets get -ObjectId $identity.PrincipalId', 'New-AzRoleAssignment -ObjectId $identity.PrincipalId -RoleDefinitionName "Key Vault Secrets User" -Scope $keyVault.ResourceId');
    const found = rbac(ER_PAGE, edit);
    expect(found.map((f) => f.line)).toEqual([92]);
    expect(found[0]?.message).toMatch(/Key Vault Secrets User is an Azure RBAC data role, but the page creates this vault with the access policy permission model \(line 44: New-AzKeyVault -DisableRbacAuthorization\).*Grant access with Set-AzKeyVaultAccessPolicy/);
  });
});

describe('rbac-what-if: negatives from real pages where the vault uses access policies as created', () => {
  it('aks/airflow-create-infrastructure.md (azure-aks-docs 09b67a2f): az keyvault create --enable-rbac-authorization false, then secret set as the creator: silent', () => {
    const page = 'tests/fresh/articles/aks/airflow-create-infrastructure.md';
    expect(readFileSync(join(root, page), 'utf8')).toContain('--enable-rbac-authorization false --output table');
    expect(rbac(page)).toEqual([]);
  });

  it('aks/learn/tutorial-kubernetes-workload-identity.md (azure-docs fc02a2ff, before the reader fix MicrosoftDocs/azure-docs#121380): set-policy and secret set reported; silent with the fix (--enable-rbac-authorization false)', () => {
    const page = 'tests/fresh/articles/aks/learn/tutorial-kubernetes-workload-identity.md';
    expect(rbac(page).map((f) => f.line)).toEqual([114, 119, 142, 149]);
    const create = 'az keyvault create --resource-group "${RESOURCE_GROUP}" --location "${LOCATION}" --name "${KEYVAULT_NAME}"';
    expect(rbac(page, (t) => t.replace(create, `${create} --enable-rbac-authorization false`))).toEqual([]);
  });
});

describe('resource-name-invalid: a placeholder written as a name', () => {
  it('expressroute-howto-macsec.md: "your_key_vault_name" is the reader\'s name, a warning about its form, not an error', () => {
    const path = join(root, ER_PAGE);
    const text = readFileSync(path, 'utf8');
    const found = lintTutorial(parseTutorialText(text, ER_PAGE, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(path)) }), { text }).filter((f) => f.rule === 'resource-name-invalid');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[44, 'warning']]);
    expect(found[0]?.message).toMatch(/the placeholder "your_key_vault_name" stands for the reader's own name, but it is not in the form of a key vault name/);
  });
});

// MicrosoftDocs/azure-docs articles/spring-apps/includes/quickstart-deploy-event-driven-app/provision-key-vault.md
// @1ee034f95307610c49ee262289a6d7a43e1559cf, its portal step choosing the model (line 36, byte-exact).
const PORTAL_CHOICE = '1. Navigate to the tab **Access configuration** on the key vault **Create** page, select `Vault access policy` for **Permission model**.';
const portalPage = (grant: string) => `# Portal vault\n\n${PORTAL_CHOICE}\n\n1. Select **Review and Create** to review your selections. Select **Create** to provision the Key Vault.\n\n${grant}\n`;

describe('rbac-what-if: the permission model the page says to choose in the portal', () => {
  it('a Key Vault data role assigned on a vault created with the portal\'s Vault access policy model permits nothing', () => {
    const grant = '```azurecli\naz role assignment create --role "Key Vault Secrets User" --assignee "<principal-id>" --scope "/subscriptions/<sub>/resourceGroups/myresourcegroup/providers/Microsoft.KeyVault/vaults/mykeyvault"\n```';
    const found = lintText(portalPage(grant)).filter((f) => f.rule === 'rbac-what-if');
    expect(found.map((f) => [f.line, f.severity])).toEqual([[8, 'warning']]);
    expect(found[0]?.message).toMatch(/Key Vault Secrets User is an Azure RBAC data role, but the page creates this vault with the access policy permission model \(line 3: the portal's Vault access policy permission model.*Add an access policy for the principal/);
  });

  it('silent when the page grants with an access policy (the include\'s own next steps), or offers Azure RBAC as the other model', () => {
    const policy = '```azurecli\naz keyvault set-policy --name mykeyvault --object-id "<principal-id>" --secret-permissions get list\n```';
    expect(lintText(portalPage(policy)).filter((f) => f.rule === 'rbac-what-if')).toEqual([]);
    const grant = '```azurecli\naz role assignment create --role "Key Vault Secrets User" --assignee "<principal-id>" --scope "/subscriptions/<sub>/resourceGroups/myresourcegroup/providers/Microsoft.KeyVault/vaults/mykeyvault"\n```';
    const both = portalPage(grant).replace(PORTAL_CHOICE, `${PORTAL_CHOICE}\n\n   Or select **Azure role-based access control** for **Permission model** and assign a Key Vault data role.`);
    expect(lintText(both).filter((f) => f.rule === 'rbac-what-if')).toEqual([]);
  });
});
