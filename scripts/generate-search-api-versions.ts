// Generates src/reference/search-api-versions.json: the Azure AI Search data-plane REST api-versions
// Microsoft no longer supports, read from the "API versions in Azure AI Search" page saved in
// scripts/data/search-api-versions/ (README there: repository, path, commit).
//   npx tsx scripts/generate-search-api-versions.ts           write the table
//   npx tsx scripts/generate-search-api-versions.ts --check   exit 1 when the committed table differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOrCheck } from './write-generated.ts';
import { readSearchApiVersions } from '../src/reference/search-api-versions-source.ts';

const root = join(import.meta.dirname, '..');
const page = 'scripts/data/search-api-versions/search-api-versions.md';
const table = readSearchApiVersions(readFileSync(join(root, page), 'utf8'), {
  source: 'https://github.com/MicrosoftDocs/azure-ai-docs',
  path: 'articles/search/search-api-versions.md',
  commit: '00bb5540c93f4bf3d1d78fe21e36c6dbc2930026',
  copy: page,
  generator: 'scripts/generate-search-api-versions.ts',
});
writeOrCheck(join(root, 'src/reference/search-api-versions.json'), `${JSON.stringify(table, null, 1)}\n`, 'npx tsx scripts/generate-search-api-versions.ts');
