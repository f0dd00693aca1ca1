// rbac-what-if and the Key Vault permission model (issue 16 item 1, branch kvmodel): the model a page's
// own create command gives its vault (az keyvault create, New-AzKeyVault, a template), and the message
// of a step that needs several data actions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { findDocsetRoot, includeResolver } from '../../src/parse/docset.ts';
import { lintTutorial } from '../../src/lint/index.ts';

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
