// defect: the Cosmos DB and Azure SQL CLI script pages (tests/fresh) show their script from another
// file — [!code-azurecli-interactive[main](../../../cli_scripts/cosmosdb/sql/create.sh …)] and
// :::code language="azurecli" source="~/azure_cli_scripts/…/create-and-configure-database.sh":::
// — and their clean-up step uses $resourceGroupName / $resourceGroup, which that script assigns.
// shell-unassigned-variable warned that nothing assigns them. With a shell code include on the
// page the finding is a note naming the file the tool does not read; without one it stays a warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const unassigned = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'shell-unassigned-variable');

describe('a variable the page\'s code-included script assigns', () => {
  for (const [page, name, source] of [
    ['tests/fresh/articles/cosmos-db/scripts/cli/sql/create.md', 'resourceGroupName', '../../../cli_scripts/cosmosdb/sql/create.sh'],
    ['tests/fresh/articles/azure-sql/database/scripts/create-and-configure-database-cli.md', 'resourceGroup', '~/azure_cli_scripts/sql-database/create-and-configure-database/create-and-configure-database.sh'],
  ] as const) {
    it(`is a note naming the script, not a warning (${page.replace(/^.*\//, '')})`, () => {
      const found = unassigned(readFileSync(join(root, page), 'utf8'), page);
      expect(found.map((f) => f.severity)).toEqual(['note']);
      expect(found[0]?.message).toContain(`$${name}`);
      expect(found[0]?.message).toContain(source);
    });
  }
  it('stays a warning on a page without a code include', () => {
    const found = unassigned('# T\n\n```azurecli\naz group delete --name $resourceGroup\n```\n');
    expect(found.map((f) => f.severity)).toEqual(['warning']);
  });
});
