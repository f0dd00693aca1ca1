// Copies the published help of the Az cmdlets the table covers (src/reference/powershell-docs-cmdlets.txt) from a
// snapshot of MicrosoftDocs/azure-docs-powershell into vendor/azure-docs-powershell/, byte for byte, with a manifest of
// each file's git blob SHA-1, so that the table's generator and its test read nothing outside the repository.
//   npx tsx scripts/vendor-powershell-help.ts [--source <git dir>]           copy (replaces the folder)
//   npx tsx scripts/vendor-powershell-help.ts [--source <git dir>] --check   exit 1 when the copies differ
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSnapshot, snapshotSource } from './git-snapshot.ts';
import { gitBlobSha1, POWERSHELL_HELP_RELEASE, POWERSHELL_HELP_REPO, POWERSHELL_HELP_VENDOR, type VendoredHelpManifest } from './powershell-help-vendor.ts';

const root = join(import.meta.dirname, '..');
const wanted = new Set(readFileSync(join(root, 'src/reference/powershell-docs-cmdlets.txt'), 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean));
const name = (path: string): string => /\/Az\.[\w.]+\/([\w-]+)\.md$/.exec(path)?.[1]?.toLowerCase() ?? '';

const dir = snapshotSource(POWERSHELL_HELP_REPO, 'AZURE_DOCS_POWERSHELL_GIT', '/work/.mirror/MicrosoftDocs+azure-docs-powershell/repo');
const snap = readSnapshot(dir, POWERSHELL_HELP_RELEASE, (path) => wanted.has(name(path)));
const missing = [...wanted].filter((c) => !snap.files.some((f) => name(f.path) === c));
if (missing.length > 0) {
  process.stderr.write(`${POWERSHELL_HELP_RELEASE} of ${POWERSHELL_HELP_REPO} has no help for: ${missing.join(', ')} (remove them from src/reference/powershell-docs-cmdlets.txt or move the release on)\n`);
  process.exit(2);
}
const manifest: VendoredHelpManifest = {
  source: { repository: POWERSHELL_HELP_REPO, commit: snap.commit, commitDate: snap.date, release: POWERSHELL_HELP_RELEASE },
  files: snap.files.map((f) => ({ path: f.path, sha1: gitBlobSha1(Buffer.from(f.text, 'utf8')) })),
};
const base = join(root, POWERSHELL_HELP_VENDOR);
const manifestText = `${JSON.stringify(manifest, null, 1)}\n`;
if (process.argv.includes('--check')) {
  let same = readFileSync(join(base, 'MANIFEST.json'), 'utf8') === manifestText;
  for (const f of snap.files) same &&= readFileSync(join(base, f.path), 'utf8') === f.text;
  process.stdout.write(same ? `${POWERSHELL_HELP_VENDOR} is up to date\n` : `${POWERSHELL_HELP_VENDOR} differs from ${POWERSHELL_HELP_REPO} ${snap.commit}: run npx tsx scripts/vendor-powershell-help.ts\n`);
  process.exit(same ? 0 : 1);
}
rmSync(join(base, POWERSHELL_HELP_RELEASE), { recursive: true, force: true });
for (const f of snap.files) {
  mkdirSync(dirname(join(base, f.path)), { recursive: true });
  writeFileSync(join(base, f.path), f.text);
}
writeFileSync(join(base, 'MANIFEST.json'), manifestText);
process.stdout.write(`copied ${snap.files.length} help files of ${POWERSHELL_HELP_RELEASE} (${snap.commit}) into ${POWERSHELL_HELP_VENDOR}\n`);
