// Generates src/reference/openai-api-versions.json: the Azure OpenAI data-plane api-versions Microsoft
// retired (the service stops accepting requests that carry them), read from the Azure OpenAI API preview
// lifecycle page saved in scripts/data/openai-api-versions/ (README there: repository, path, commit).
//   npx tsx scripts/generate-openai-api-versions.ts           write the table
//   npx tsx scripts/generate-openai-api-versions.ts --check   exit 1 when the committed table differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOrCheck } from './write-generated.ts';
import { readOpenaiLifecycle } from '../src/reference/openai-api-versions-source.ts';

const root = join(import.meta.dirname, '..');
const page = 'scripts/data/openai-api-versions/api-version-deprecation.md';
const table = readOpenaiLifecycle(readFileSync(join(root, page), 'utf8'), {
  source: 'https://github.com/MicrosoftDocs/azure-docs',
  path: 'articles/ai-services/openai/api-version-deprecation.md',
  commit: '0b74e485f679b6a49977d84ebc4a1382df2d34fe',
  copy: page,
  generator: 'scripts/generate-openai-api-versions.ts',
});
writeOrCheck(join(root, 'src/reference/openai-api-versions.json'), `${JSON.stringify(table, null, 1)}\n`, 'npx tsx scripts/generate-openai-api-versions.ts');
