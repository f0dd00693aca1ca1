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
