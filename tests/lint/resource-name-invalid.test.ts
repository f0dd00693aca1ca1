import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');

// resource-name-invalid (names that cannot exist): the naming rules of
// MicrosoftDocs/azure-docs articles/azure-resource-manager/management/resource-name-rules.md.
describe('resource-name-invalid', () => {
  const names = (text: string) => lintText(text, 'docfx', 'tests/lint/fixtures/t.md').filter((f) => f.rule === 'resource-name-invalid');
  const page = (...lines: string[]) => ['# Page', '', '```azurecli', ...lines, '```', ''].join('\n');
  it('reports capitals and dashes in a storage account name, a vault name starting with a digit or too long, "--" in a container name', () => {
    const f = names(
      page(
        'az storage account create --name MyStorage-01 --resource-group rg --location westus',
        'az keyvault create -n 1vault --resource-group rg',
        'az keyvault create --name contoso-key-vault-for-tests --resource-group rg',
        'az storage container create --name my--container --account-name store',
        'az group create --name rg. --location westus',
      ),
    );
    expect(f.map((x) => [x.line, x.severity])).toEqual([[4, 'error'], [5, 'error'], [6, 'error'], [7, 'error'], [8, 'error']]);
    expect(f[0]?.message).toMatch(/"MyStorage-01" is not a storage account name.*"M" is not a lower-case letter or digit/);
    expect(f[2]?.message).toMatch(/27 characters \(3-24 allowed\)/);
  });
  it('silent on placeholders, variables and the special containers', () => {
    expect(names(page('az storage account create --name <storage-account> -g rg', 'az keyvault create --name $VAULT_NAME -g rg', 'az storage container create --name \\$web --account-name s', "az storage container create --name '$web' --account-name s"))).toEqual([]);
  });
  it('silent on the valid literal names of real pages (manage-resource-groups-cli.md: examplestore, demoResourceGroup; key-vault secrets quick-create-cli.md: "Contoso-Vault2")', () => {
    for (const p of ['tests/corpus/articles/azure-resource-manager/management/manage-resource-groups-cli.md', 'tests/corpus/articles/key-vault/secrets/quick-create-cli.md']) {
      expect(read(p)).toMatch(/az (storage account|keyvault) create (--resource-group exampleGroup )?--name "?(examplestore|Contoso-Vault2)/);
      expect(lintText(read(p), 'docfx', p).filter((f) => f.rule === 'resource-name-invalid')).toEqual([]);
    }
  });
});

// defect: container-registry-quickstart-task-cli.md (tests/fresh, before the fix of
// MicrosoftDocs/azure-docs#118892) creates the registry myContainerRegistry008: az acr create stops
// with "argument error: Registry name must use only lowercase." (Azure/azure-cli acr/custom.py,
// acr_create). The prose says "Update this to a unique value", but readers keep the example's form.
describe('resource-name-invalid: container registries', () => {
  const names = (text: string, file = 'tests/lint/fixtures/t.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'resource-name-invalid');
  const page = (...lines: string[]) => ['# Page', '', ...lines, ''].join('\n');
  it('an upper-case letter or a dash in a literal registry name is an error; length outside 5-50 too', () => {
    const f = names(page('```azurecli', 'az acr create -g rg --name myRegistry --sku Basic', 'az acr create -g rg -n my-registry --sku Basic', 'az acr create -g rg -n acr1 --sku Basic', '```'));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[4, 'error'], [5, 'error'], [6, 'error']]);
    expect(f[0]?.message).toMatch(/"R" is not a lower-case letter or digit.*Registry name must use only lowercase/);
  });
  it('an example name the prose tells the reader to update is a warning; a placeholder the prose names as one is not judged', () => {
    const f = names(page('In the following example, *myContainerRegistry008* is used. Update this to a unique value.', '', '```azurecli', 'az acr create -g rg --name myContainerRegistry008 --sku Basic', '```'));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[6, 'warning']]);
    expect(names(page('Replace the placeholder `myRegistryName` with your own name.', '', '```azurecli', 'az acr create -g rg --name myRegistryName --sku Basic', '```'))).toEqual([]);
  });
  it('reports the fresh pages readers reported (issues 118892 and 99520) as warnings', () => {
    for (const [p, line] of [
      ['tests/fresh/articles/container-registry/container-registry-quickstart-task-cli.md', 40],
      ['tests/fresh/articles/container-registry/container-registry-get-started-azure-cli.md', 57],
    ] as const) {
      expect(names(read(p), p).map((x) => [x.line, x.severity])).toEqual([[line, 'warning']]);
    }
  });
  it('silent on lower-case names and variables (the fixed page\'s mycontainerregistry008, $ACR_NAME)', () => {
    expect(names(page('```azurecli', 'az acr create -g rg --name mycontainerregistry008 --sku Basic', 'az acr create -g rg --name $ACR_NAME --sku Basic', '```'))).toEqual([]);
  });
});
