// Generates src/reference/resource-types.json (the top-level resource types of the namespaces the
// provider-namespace-misspelt rule judges types in) from scripts/data/resource-types/*.txt and the
// built-in role catalog (src/reference/built-in-roles.json).
//   npx tsx scripts/generate-resource-types.ts           write the table
//   npx tsx scripts/generate-resource-types.ts --check   exit 1 when the committed table differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, writeOrCheck } from './write-generated.ts';
import { renderResourceTypes } from '../src/reference/resource-types-source.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/resource-types.json');
const listings = readInputs(root, 'scripts/data/resource-types', '.txt');
const catalog = JSON.parse(readFileSync(join(root, 'src/reference/built-in-roles.json'), 'utf8')) as { roles: { actions?: string[]; notActions?: string[] }[] };
const actions = catalog.roles.flatMap((r) => [...(r.actions ?? []), ...(r.notActions ?? [])]);
writeOrCheck(out, renderResourceTypes(listings, actions), 'npx tsx scripts/generate-resource-types.ts');
