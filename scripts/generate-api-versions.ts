// Generates src/reference/api-versions.json (api-versions per resource provider namespace, read by
// the api-version-currency lint rule) from the folder listings saved in scripts/data/api-versions/
// (search tool find_files answers: it cannot be called from a script; the README there says what
// each listing is and why).
//   npx tsx scripts/generate-api-versions.ts           write the table
//   npx tsx scripts/generate-api-versions.ts --check   exit 1 when the committed table differs
import { readInputs, writeOrCheck } from './write-generated.ts';
import { join } from 'node:path';
import { renderApiVersions } from '../src/reference/api-versions-source.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/api-versions.json');
const listings = readInputs(root, 'scripts/data/api-versions', '.txt');
const text = renderApiVersions(listings);
writeOrCheck(out, text, 'npx tsx scripts/generate-api-versions.ts');
