// defect: container-registry-artifact-streaming.md (tests/fresh) runs az configure --defaults
// acr=mystreamingtest and then az acr artifact-streaming create --image …: az-missing-required
// reported "--name/-n required" (a false error) because it read only group= and location= defaults.
// azure-cli declares the registry name with configured_default='acr' (its reference entry says "You can
// configure the default registry name using `az configure --defaults acr=<registry name>`").
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const missing = (text: string, file = 'tests/lint/fixtures/t.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'az-missing-required');
const page = (...lines: string[]) => ['# Page', '', '```azurecli', ...lines, '```', ''].join('\n');

describe('az configure --defaults supplies the options declared with configured_default', () => {
  it('acr= supplies the registry name of az acr commands (--name in az acr artifact-streaming, --registry in az acr build)', () => {
    expect(missing(page('az configure --defaults acr="mystreamingtest"', 'az acr artifact-streaming create --image jupyter/all-spark-notebook:latest', 'az acr build --image a:v1 .'))).toEqual([]);
  });
  it('without the default the registry name is still required', () => {
    expect(missing(page('az acr artifact-streaming create --image jupyter/all-spark-notebook:latest')).map((f) => f.message)).toEqual([expect.stringMatching(/--name\/-n/)]);
  });
  it('a default for another key supplies nothing here', () => {
    expect(missing(page('az configure --defaults web=myapp', 'az acr artifact-streaming create --image a:v1'))).toHaveLength(1);
  });
  it('the fresh page keeps only its real errors (az acr import -source: --source missing)', () => {
    const p = 'tests/fresh/articles/container-registry/container-registry-artifact-streaming.md';
    expect(missing(readFileSync(join(root, p), 'utf8'), p).map((f) => [f.line, f.message])).toEqual([[92, expect.stringMatching(/required: --source"/)]]);
  });
});
