// Generates src/reference/storage-versions.json: the Azure Storage service versions (x-ms-version,
// and a SAS's signed version sv/skv) that exist, from the list Microsoft's storage emulator accepts,
// Azure/Azurite src/blob/utils/constants.ts `ValidAPIVersions` (Azurite answers any other version with
// 400 "The API version … is not supported"). The same list as Learn's "Versioning for Azure Storage"
// and "Previous Azure Storage service versions"; the commit's date bounds what it can know: a version
// newer than that date is not judged.
//   npx tsx scripts/generate-storage-versions.ts [--source <git dir>]           write the table
//   npx tsx scripts/generate-storage-versions.ts [--source <git dir>] --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { git, snapshotSource } from './git-snapshot.ts';
import { writeOrCheck } from './write-generated.ts';

const REPO = 'Azure/Azurite';
const FILE = 'src/blob/utils/constants.ts';
const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/storage-versions.json');
const source = snapshotSource(REPO, 'AZURITE_GIT', '/work/.mirror/Azure+Azurite/repo');

let commit = '';
let date = '';
let text = '';
try {
  [commit = '', date = ''] = git(source, ['log', '-1', '--format=%H%n%cI', 'HEAD']).toString().trim().split('\n');
  text = git(source, ['show', `HEAD:${FILE}`]).toString('utf8');
} catch (e) {
  process.stderr.write(`cannot read ${FILE} of ${REPO} at ${source}: ${(e as Error).message.split('\n')[0]}\nGive --source <git dir of a clone of https://github.com/${REPO}>\n`);
  process.exit(2);
}
const list = /export const ValidAPIVersions\s*=\s*\[([^\]]*)\]/.exec(text)?.[1];
const versions = [...(list ?? '').matchAll(/"(\d{4}-\d{2}-\d{2})"/g)].map((m) => m[1] as string).sort();
if (versions.length < 10) {
  process.stderr.write(`${FILE} at ${commit} has no ValidAPIVersions list\n`);
  process.exit(2);
}
const table = {
  about: {
    source: `https://github.com/${REPO}`,
    file: FILE,
    commit,
    commitDate: date,
    generator: 'scripts/generate-storage-versions.ts',
    note: 'Generated: do not edit by hand. The Azure Storage service versions Azurite accepts (ValidAPIVersions); Learn: https://learn.microsoft.com/rest/api/storageservices/previous-azure-storage-service-versions. A version after commitDate is unknown here, not invalid.',
  },
  versions,
};
writeOrCheck(out, `${JSON.stringify(table, null, 1)}\n`, `npx tsx scripts/generate-storage-versions.ts --source <git dir of ${REPO}> (snapshot ${commit})`);
