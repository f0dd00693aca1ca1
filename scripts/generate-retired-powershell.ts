// Generates src/reference/retired-powershell.json (the cmdlets of the retired Azure Service Management
// and Azure.Storage PowerShell modules, and their Az names) from a git snapshot of
// MicrosoftDocs/azure-docs-powershell (src/reference/retired-powershell-source.ts says what is kept).
// The ASM reference was removed from the repository; its lists are read at the parent of the commit
// that removed azuresmps-4.0.0/Azure.Storage/New-AzureStorageContext.md. Same snapshot, same bytes.
//   npx tsx scripts/generate-retired-powershell.ts [--source <git dir>]           write the table
//   npx tsx scripts/generate-retired-powershell.ts [--source <git dir>] --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { renderRetiredPowerShell } from '../src/reference/retired-powershell-source.ts';
import { git, snapshotSource } from './git-snapshot.ts';
import { writeOrCheck } from './write-generated.ts';

const REPO = 'MicrosoftDocs/azure-docs-powershell';
const ASM = 'azuresmps-4.0.0';
const MODULES = ['Azure', 'Azure.Storage'];
const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/retired-powershell.json');
const dir = snapshotSource(REPO, 'AZURE_DOCS_POWERSHELL_GIT', '/work/.mirror/MicrosoftDocs+azure-docs-powershell/repo');
const run = (args: string[]): string => git(dir, args).toString();
const names = (tree: string): string[] => run(['ls-tree', '--name-only', tree]).split('\n').filter(Boolean);

let text: string;
try {
  const [commit = '', date = ''] = run(['log', '-1', '--format=%H%n%cI', 'HEAD']).trim().split('\n');
  const [removed = '', removedDate = '', subject = ''] = run(['log', '-1', '--diff-filter=D', '--format=%H%n%cI%n%s', 'HEAD', '--', `${ASM}/Azure.Storage/New-AzureStorageContext.md`]).trim().split('\n');
  if (!removed) throw new Error(`no commit removes ${ASM}/Azure.Storage/New-AzureStorageContext.md`);
  const readAt = run(['rev-parse', `${removed}^`]).trim();
  // The newest Az reference folder (azps-<major>.<minor>.<patch>) at HEAD.
  const azFolder = names('HEAD')
    .filter((n) => /^azps-\d+\.\d+\.\d+$/.test(n))
    .sort((a, b) => {
      const v = (s: string) => s.slice(5).split('.').map(Number);
      const [x, y] = [v(a), v(b)];
      return (x[0]! - y[0]!) || (x[1]! - y[1]!) || (x[2]! - y[2]!);
    })
    .at(-1);
  if (!azFolder) throw new Error('no azps-<version> folder at HEAD');
  const azCmdlets = run(['ls-tree', '-r', '--name-only', 'HEAD', `${azFolder}/`])
    .split('\n')
    .map((p) => /\/Az\.[\w.]+\/([A-Za-z]+-Az[A-Za-z0-9]+)\.md$/.exec(p)?.[1])
    .filter((c): c is string => !!c);
  const lists = Object.fromEntries(MODULES.map((m) => [m, names(`${readAt}:${ASM}/${m}`)]));
  text = renderRetiredPowerShell(lists, azCmdlets, { repo: REPO, commit, date, removedIn: { commit: removed, date: removedDate, subject }, readAt, azFolder });
} catch (e) {
  process.stderr.write(`cannot read ${REPO} at ${dir}: ${(e as Error).message.split('\n')[0]}\nGive --source <git dir of a clone of https://github.com/${REPO}>\n`);
  process.exit(2);
}
writeOrCheck(out, text, `npx tsx scripts/generate-retired-powershell.ts --source <git dir of ${REPO}>`);
