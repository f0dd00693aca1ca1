// Generates src/reference/built-in-roles.json, the catalog of Azure built-in roles the RBAC what-if
// reads, from the role definitions of the Azure RBAC documentation (MicrosoftDocs/azure-docs,
// articles/role-based-access-control/built-in-roles/<category>.md: one ```json block per role).
// Input: src/reference/rbac/<category>.md, each the ```json blocks of one page read with the search
// tool's read_file, headed by a comment naming repo, path, commit, length, and whether every role
// of the page is there ("complete") or only those of the range read ("partial"). Output depends on
// the inputs only (sorted, no clock).
//   npx tsx scripts/generate-role-catalog.ts           write the catalog
//   npx tsx scripts/generate-role-catalog.ts --check   exit 1 when the committed catalog differs
import { readInputs, writeOrCheck } from './write-generated.ts';
import { join } from 'node:path';
import { renderRoleCatalog } from '../src/reference/role-catalog-source.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/built-in-roles.json');
const pages = readInputs(root, 'src/reference/rbac', '.md');
const text = renderRoleCatalog(pages);
writeOrCheck(out, text, 'npx tsx scripts/generate-role-catalog.ts');
