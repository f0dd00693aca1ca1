// Generates src/reference/powershell-cmdlets.json, the Az cmdlet table the powershell-* lint rules read, from the
// saved help excerpts src/reference/powershell-help/<Module>.md (src/reference/powershell-help-source.ts says how)
// and the ChangeLog excerpts src/reference/powershell-changelog/<Module>.md (powershell-changelog-source.ts).
// The cmdlets covered are those the corpus pages, tests/fresh pages and tutorials run: list them with
//   npx tsx scripts/list-powershell-cmdlets.ts
//   npx tsx scripts/generate-powershell-table.ts           write the table
//   npx tsx scripts/generate-powershell-table.ts --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { ChangeLogExcerptError } from '../src/reference/powershell-changelog-source.ts';
import { HelpExcerptError, renderCmdletTable } from '../src/reference/powershell-help-source.ts';
import { readInputs, writeOrCheck } from './write-generated.ts';

const root = join(import.meta.dirname, '..');
try {
  const text = renderCmdletTable(readInputs(root, 'src/reference/powershell-help', '.md'), readInputs(root, 'src/reference/powershell-changelog', '.md'));
  writeOrCheck(join(root, 'src/reference/powershell-cmdlets.json'), text, 'npx tsx scripts/generate-powershell-table.ts');
} catch (e) {
  if (!(e instanceof HelpExcerptError) && !(e instanceof ChangeLogExcerptError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
