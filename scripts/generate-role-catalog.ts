// Generates src/reference/built-in-roles.json, the catalog of Azure built-in roles the RBAC what-if
// reads (src/reference/role-catalog-source.ts says how), from
// - src/reference/rbac/<category>.md: the ```json role definitions of the Azure RBAC documentation's
//   built-in role pages (MicrosoftDocs/azure-docs), each headed by repo, path and commit;
// - a git snapshot of easimon/azure-builtin-roles (`az role definition list`, one file per role under
//   azure-roles/), for every role those pages do not hold;
// - src/reference/rbac/retired-roles.json: retirements the role pages do not state (Media Services), with sources.
// Output depends on the inputs only (sorted, no clock): the same commit gives the same bytes.
//   npx tsx scripts/generate-role-catalog.ts [--source <git dir>]           write the catalog
//   npx tsx scripts/generate-role-catalog.ts [--source <git dir>] --check   exit 1 when the committed catalog differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRoleCatalog, type RetiredRolesFile } from '../src/reference/role-catalog-source.ts';
import { readSnapshot, type Snapshot, snapshotSource } from './git-snapshot.ts';
import { readInputs, writeOrCheck } from './write-generated.ts';

const REPO = 'easimon/azure-builtin-roles';
const FOLDER = 'azure-roles';
const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/built-in-roles.json');
const source = snapshotSource('easimon/azure-builtin-roles', 'ROLE_SNAPSHOT_GIT', '/work/.mirror/easimon+azure-builtin-roles/repo');
const pages = readInputs(root, 'src/reference/rbac', '.md');
let snap: Snapshot;
try {
  snap = readSnapshot(source, FOLDER, (p) => p.endsWith('.json'));
} catch (e) {
  process.stderr.write(`cannot read ${FOLDER}/ of ${REPO} at ${source}: ${(e as Error).message.split('\n')[0]}\nGive --source <git dir of a clone of https://github.com/${REPO}>\n`);
  process.exit(2);
}
const retired = JSON.parse(readFileSync(join(root, 'src/reference/rbac/retired-roles.json'), 'utf8')) as RetiredRolesFile;
const text = renderRoleCatalog(pages, { repo: REPO, folder: FOLDER, commit: snap.commit, date: snap.date, files: snap.files }, retired);
writeOrCheck(out, text, `npx tsx scripts/generate-role-catalog.ts --source <git dir of ${REPO}> (snapshot ${snap.commit})`);
