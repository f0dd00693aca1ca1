// Generates src/reference/powershell-cmdlets.json, the Az cmdlet table the powershell-* lint rules read.
// The cmdlets listed in src/reference/powershell-docs-cmdlets.txt are read from the published help of Az 16.2.0
// (MicrosoftDocs/azure-docs-powershell, azps-16.2.0/Az.<Module>/<Cmdlet>.md, copied byte for byte into
// vendor/azure-docs-powershell/ by scripts/vendor-powershell-help.ts; src/reference/powershell-docs-source.ts),
// so they are `current`. Only a cmdlet that release lacks is read from the older saved excerpts
// src/reference/powershell-help/<Module>.md (powershell-help-source.ts) with their ChangeLog excerpts
// src/reference/powershell-changelog/<Module>.md (powershell-changelog-source.ts).
// The cmdlets covered are those the corpus pages, tests/fresh pages and tutorials run: list them with
//   npx tsx scripts/list-powershell-cmdlets.ts
//   npx tsx scripts/vendor-powershell-help.ts         refresh the vendored help from a snapshot (after editing the list)
//   npx tsx scripts/generate-powershell-table.ts          write the table
//   npx tsx scripts/generate-powershell-table.ts --check  exit 1 when the committed table differs
import { join } from 'node:path';
import { ChangeLogExcerptError } from '../src/reference/powershell-changelog-source.ts';
import { readDocsCmdlet } from '../src/reference/powershell-docs-source.ts';
import { HelpExcerptError, renderCmdletTable } from '../src/reference/powershell-help-source.ts';
import { POWERSHELL_HELP_RELEASE, readVendoredHelp } from './powershell-help-vendor.ts';
import { readInputs, writeOrCheck } from './write-generated.ts';

const root = join(import.meta.dirname, '..');
try {
  const help = readVendoredHelp(root);
  const current = help.files.map((f) => readDocsCmdlet(POWERSHELL_HELP_RELEASE, f.path, help.commit, f.text));
  const text = renderCmdletTable(readInputs(root, 'src/reference/powershell-help', '.md'), readInputs(root, 'src/reference/powershell-changelog', '.md'), current);
  writeOrCheck(join(root, 'src/reference/powershell-cmdlets.json'), text, 'npx tsx scripts/generate-powershell-table.ts');
} catch (e) {
  if (!(e instanceof HelpExcerptError) && !(e instanceof ChangeLogExcerptError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
