// Generates src/reference/az-cmdlet-names.json (the names of the Az cmdlets, by module) from a git snapshot of
// MicrosoftDocs/azure-docs-powershell: the newest azps-<version>/ folder at HEAD and aztools/, and that
// version's migration guides (docs-conceptual/azps-<version>/migrate-az-*.md) for the cmdlets releases removed.
//   npx tsx scripts/generate-az-cmdlet-names.ts [--source <git dir>]           write the table
//   npx tsx scripts/generate-az-cmdlet-names.ts [--source <git dir>] --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { renderAzCmdletNames } from '../src/reference/az-cmdlet-names-source.ts';
import { git, snapshotSource } from './git-snapshot.ts';
import { writeOrCheck } from './write-generated.ts';

const REPO = 'MicrosoftDocs/azure-docs-powershell';
const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/az-cmdlet-names.json');
const dir = snapshotSource(REPO, 'AZURE_DOCS_POWERSHELL_GIT', '/work/.mirror/MicrosoftDocs+azure-docs-powershell/repo');
const run = (args: string[]): string => git(dir, args).toString();

let text: string;
try {
  const [commit = '', date = ''] = run(['log', '-1', '--format=%H%n%cI', 'HEAD']).trim().split('\n');
  const version = (s: string): number[] => s.slice(5).split('.').map(Number);
  const azFolder = run(['ls-tree', '--name-only', 'HEAD'])
    .split('\n')
    .filter((n) => /^azps-\d+\.\d+\.\d+$/.test(n))
    .sort((a, b) => {
      const [x, y] = [version(a), version(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    })
    .at(-1);
  if (!azFolder) throw new Error('no azps-<version> folder at HEAD');
  const paths = run(['ls-tree', '-r', '--name-only', 'HEAD', `${azFolder}/`, 'aztools/']).split('\n').filter(Boolean);
  const guides = run(['ls-tree', '--name-only', 'HEAD', `docs-conceptual/${azFolder}/`])
    .split('\n')
    .filter((f) => /\/migrate-az-[\w.-]+\.md$/.test(f))
    .sort()
    .map((file) => ({ file, text: run(['show', `HEAD:${file}`]) }));
  text = renderAzCmdletNames(paths, guides, { repo: REPO, commit, date, azFolder });
} catch (e) {
  process.stderr.write(`cannot read ${REPO} at ${dir}: ${(e as Error).message.split('\n')[0]}\nGive --source <git dir of a clone of https://github.com/${REPO}>\n`);
  process.exit(2);
}
writeOrCheck(out, text, `npx tsx scripts/generate-az-cmdlet-names.ts --source <git dir of ${REPO}>`);
