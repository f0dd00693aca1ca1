// Generates src/reference/api-versions.json (api-versions per resource provider namespace, read by
// the api-version-currency lint rule) from the folder listings saved in scripts/data/api-versions/
// (search tool find_files answers: it cannot be called from a script; the README there says what
// each listing is and why).
//   npx tsx scripts/generate-api-versions.ts           write the table
//   npx tsx scripts/generate-api-versions.ts --check   exit 1 when the committed table differs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderApiVersions } from '../src/reference/api-versions-source.ts';

const root = join(import.meta.dirname, '..');
const inputs = join(root, 'scripts/data/api-versions');
const out = join(root, 'src/reference/api-versions.json');
const listings = readdirSync(inputs)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ file: `scripts/data/api-versions/${f}`, text: readFileSync(join(inputs, f), 'utf8') }));
const text = renderApiVersions(listings);
if (process.argv.includes('--check')) {
  const same = readFileSync(out, 'utf8') === text;
  process.stdout.write(same ? 'api-versions.json is up to date\n' : 'api-versions.json differs from its listings: run npx tsx scripts/generate-api-versions.ts\n');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
process.stdout.write(`wrote ${out}\n`);
