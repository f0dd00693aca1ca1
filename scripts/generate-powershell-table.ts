// Generates src/reference/powershell-cmdlets.json, the Az cmdlet table the powershell-* lint rules read.
// The cmdlets listed in src/reference/powershell-docs-cmdlets.txt are read from the published help of Az 16.2.0
// (MicrosoftDocs/azure-docs-powershell, azps-16.2.0/Az.<Module>/<Cmdlet>.md; src/reference/powershell-docs-source.ts),
// so they are `current`. Only a cmdlet that release lacks is read from the older saved excerpts
// src/reference/powershell-help/<Module>.md (powershell-help-source.ts) with their ChangeLog excerpts
// src/reference/powershell-changelog/<Module>.md (powershell-changelog-source.ts).
// The cmdlets covered are those the corpus pages, tests/fresh pages and tutorials run: list them with
//   npx tsx scripts/list-powershell-cmdlets.ts
//   npx tsx scripts/generate-powershell-table.ts [--source <git dir>]           write the table
//   npx tsx scripts/generate-powershell-table.ts [--source <git dir>] --check   exit 1 when the committed table differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChangeLogExcerptError } from '../src/reference/powershell-changelog-source.ts';
import { readDocsCmdlet } from '../src/reference/powershell-docs-source.ts';
import { HelpExcerptError, renderCmdletTable } from '../src/reference/powershell-help-source.ts';
import { readSnapshot, snapshotSource } from './git-snapshot.ts';
import { readInputs, writeOrCheck } from './write-generated.ts';

const REPO = 'MicrosoftDocs/azure-docs-powershell';
/** The Az release read: pinned, so a newer mirror changes the table only when this is moved on. */
const RELEASE = 'azps-16.2.0';
const root = join(import.meta.dirname, '..');
const wanted = new Set(readFileSync(join(root, 'src/reference/powershell-docs-cmdlets.txt'), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean));
const dir = snapshotSource(REPO, 'AZURE_DOCS_POWERSHELL_GIT', '/work/.mirror/MicrosoftDocs+azure-docs-powershell/repo');
try {
  const name = (path: string): string => /\/Az\.[\w.]+\/([\w-]+)\.md$/.exec(path)?.[1]?.toLowerCase() ?? '';
  const snap = readSnapshot(dir, RELEASE, (path) => wanted.has(name(path)));
  const current = snap.files.map((f) => readDocsCmdlet(RELEASE, f.path, snap.commit, f.text));
  const text = renderCmdletTable(readInputs(root, 'src/reference/powershell-help', '.md'), readInputs(root, 'src/reference/powershell-changelog', '.md'), current);
  writeOrCheck(join(root, 'src/reference/powershell-cmdlets.json'), text, 'npx tsx scripts/generate-powershell-table.ts');
} catch (e) {
  if (!(e instanceof HelpExcerptError) && !(e instanceof ChangeLogExcerptError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
