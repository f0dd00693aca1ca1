// resource-host-name-differs on real pages: a vault or storage host that is a slip away from the
// resource the page's commands create (MicrosoftDocs/azure-docs#46827), and the fixed page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const found = (page: string, text = readFileSync(join(root, page), 'utf8')) => lintText(text, 'docfx', page).filter((f) => f.rule === 'resource-host-name-differs');

describe('resource-host-name-differs', () => {
  it('reports https://ContosoVault.vault.azure.net after az keyvault create --name "Contoso-Vault2" (key-vault/quick-create-cli.md @5e3cc558)', () => {
    const f = found('tests/fresh/articles/key-vault/quick-create-cli.md');
    expect(f.map((x) => x.line)).toEqual([71]);
    expect(f[0]?.message).toMatch(/key vault Contoso-Vault2, whose host is contoso-vault2\.vault\.azure\.net; https:\/\/ContosoVault\.vault\.azure\.net names another key vault/);
    expect(f[0]?.suggestion).toBe('https://contoso-vault2.vault.azure.net');
  });

  it('silent on the fixed page (https://Contoso-Vault2.vault.azure.net: DNS names are case-insensitive) and on storage hosts that match the account', () => {
    expect(found('tests/corpus/articles/key-vault/secrets/quick-create-cli.md')).toEqual([]);
    expect(found('tests/corpus/articles/storage/blobs/storage-quickstart-blobs-cli.md')).toEqual([]);
    expect(found('tutorials/000-key-vault.md')).toEqual([]);
  });

  it('silent when the page names several vaults, or the host is unlike the page\'s vault', () => {
    const page = (lines: string[]) => ['# KV', '', '```azurecli', ...lines, '```', '', 'Open https://contosovault.vault.azure.net/secrets/x.', ''].join('\n');
    expect(found('two.md', page(['az keyvault create --name contoso-vault2 -g rg', 'az keyvault create --name other-vault -g rg']))).toEqual([]);
    expect(found('far.md', page(['az keyvault create --name fabrikam-kv -g rg']))).toEqual([]);
    expect(found('same.md', page(['az keyvault create --name ContosoVault -g rg']))).toEqual([]);
  });
});
