// Generates src/reference/spec-schemas.json (request-body and answer schemas of the Resource Manager
// operations, read by the request-body-schema and example-output-schema lint rules through
// src/reference/spec-schemas.ts) from the OpenAPI documents vendored in vendor/specs/.
//   npx tsx scripts/generate-spec-schemas.ts           write the table
//   npx tsx scripts/generate-spec-schemas.ts --check   exit 1 when the committed table differs
import { join } from 'node:path';
import { writeOrCheck } from './write-generated.ts';
import { specDocuments, specSource } from './spec-documents.ts';
import { renderSpecSchemas } from '../src/reference/spec-schemas-source.ts';

const out = join(import.meta.dirname, '..', 'src/reference/spec-schemas.json');
writeOrCheck(out, renderSpecSchemas(specDocuments(), specSource()), 'npx tsx scripts/generate-spec-schemas.ts');
