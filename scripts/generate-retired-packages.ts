// Generates src/reference/retired-packages.json (the Azure SDK packages marked deprecated, with end of
// support and replacement) from a git snapshot of Azure/azure-sdk, _data/releases/latest/*-packages.csv
// (src/reference/retired-packages-source.ts says what is kept). Same commit, same bytes.
//   npx tsx scripts/generate-retired-packages.ts [--source <git dir>]           write the table
//   npx tsx scripts/generate-retired-packages.ts [--source <git dir>] --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { renderRetiredPackages, SDK_LANGUAGES } from '../src/reference/retired-packages-source.ts';
import { readSnapshot, type Snapshot, snapshotSource } from './git-snapshot.ts';
import { writeOrCheck } from './write-generated.ts';

const REPO = 'Azure/azure-sdk';
const FOLDER = '_data/releases/latest';
const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/retired-packages.json');
const source = snapshotSource('Azure/azure-sdk', 'AZURE_SDK_SNAPSHOT_GIT', '/work/.mirror/Azure+azure-sdk/repo');
const wanted = new Set(SDK_LANGUAGES.map((l) => `${FOLDER}/${l}-packages.csv`));
let snap: Snapshot;
try {
  snap = readSnapshot(source, FOLDER, (p) => wanted.has(p));
} catch (e) {
  process.stderr.write(`cannot read ${FOLDER}/ of ${REPO} at ${source}: ${(e as Error).message.split('\n')[0]}\nGive --source <git dir of a clone of https://github.com/${REPO}>\n`);
  process.exit(2);
}
if (snap.files.length !== wanted.size) {
  process.stderr.write(`${REPO} ${FOLDER}/ at ${snap.commit} lacks some of ${[...wanted].join(', ')}\n`);
  process.exit(2);
}
const text = renderRetiredPackages(snap.files, { repo: REPO, folder: FOLDER, commit: snap.commit, date: snap.date });
writeOrCheck(out, text, `npx tsx scripts/generate-retired-packages.ts --source <git dir of ${REPO}> (snapshot ${snap.commit})`);
