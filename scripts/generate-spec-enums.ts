// Generates src/reference/spec-enums.json (the string enums of the REST specs, read by the
// enum-value-stray-space lint rule) from the OpenAPI documents vendored in vendor/specs/.
//   npx tsx scripts/generate-spec-enums.ts           write the table
//   npx tsx scripts/generate-spec-enums.ts --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { writeOrCheck } from './write-generated.ts';
import { specDocuments, specSource } from './spec-documents.ts';
import { renderSpecEnums } from '../src/reference/spec-enums-source.ts';

const out = join(import.meta.dirname, '..', 'src/reference/spec-enums.json');
writeOrCheck(out, renderSpecEnums(specDocuments(), specSource()), 'npx tsx scripts/generate-spec-enums.ts');
