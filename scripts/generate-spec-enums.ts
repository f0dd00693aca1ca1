// Generates src/reference/spec-enums.json (the string enums of the REST specs, read by the
// enum-value-stray-space lint rule) from the OpenAPI documents vendored in vendor/specs/.
//   npx tsx scripts/generate-spec-enums.ts           write the table
//   npx tsx scripts/generate-spec-enums.ts --check   exit 1 when the committed table differs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeOrCheck } from './write-generated.ts';
import { join, relative } from 'node:path';
import { renderSpecEnums, type SpecDocument } from '../src/reference/spec-enums-source.ts';

const root = join(import.meta.dirname, '..');
const specs = join(root, 'vendor/specs');
const out = join(root, 'src/reference/spec-enums.json');
const manifest = JSON.parse(readFileSync(join(specs, 'MANIFEST.json'), 'utf8')) as { source: { repository: string; snapshotCommit: string } };

function documents(dir: string): SpecDocument[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'examples' ? [] : documents(path);
    if (!name.endsWith('.json') || name === 'MANIFEST.json') return [];
    return [{ path: relative(specs, path).split('\\').join('/'), json: JSON.parse(readFileSync(path, 'utf8')) as unknown }];
  });
}

const text = renderSpecEnums(documents(specs), { repo: manifest.source.repository, commit: manifest.source.snapshotCommit });
writeOrCheck(out, text, 'npx tsx scripts/generate-spec-enums.ts');
