// defect: the Cosmos DB and Azure SQL CLI script pages (tests/fresh) show their whole script from
// another file ([!code-azurecli-interactive[main](../../../cli_scripts/…/create.sh)], :::code
// language="azurecli" source="~/azure_cli_scripts/….sh":::). The tool listed one clean-up step and
// said nothing of the script it never read. A shell code include is now a `code-include` warning
// (a problem in the report) naming the file; code includes of templates and program source
// (json, bicep, java…) are shown code, not commands, and stay silent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

const root = join(import.meta.dirname, '..', '..');
const said = (page: string) => parseTutorialText(readFileSync(join(root, page), 'utf8'), page).diagnostics.filter((d) => d.code === 'code-include');

describe('a script the page shows from another file', () => {
  it('is said, with the file, on a [!code-azurecli-interactive[…](…)] page', () => {
    const d = said('tests/fresh/articles/cosmos-db/scripts/cli/sql/create.md');
    expect(d.map((x) => [x.line, x.severity])).toEqual([[20, 'warning']]);
    expect(d[0]?.message).toContain('../../../cli_scripts/cosmosdb/sql/create.sh');
  });
  it('is said on a :::code language="azurecli" source=…::: page', () => {
    const d = said('tests/fresh/articles/azure-sql/database/scripts/create-and-configure-database-cli.md');
    expect(d.map((x) => x.line)).toEqual([30]);
    expect(d[0]?.message).toMatch(/neither run nor linted/);
  });
  it('is not said for templates and program source shown by code include', () => {
    for (const page of ['tests/corpus/articles/app-service/quickstart-arm-template.md', 'tests/corpus/articles/key-vault/secrets/quick-create-bicep.md', 'tests/corpus/articles/azure-functions/create-first-function-cli-java.md']) expect(said(page)).toEqual([]);
  });
});
