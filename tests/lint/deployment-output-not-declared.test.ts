// defect: artifact-cache-acr-to-acr-cli.md (tests/fresh, the parent of MicrosoftDocs/azure-management-docs
// e618bbd79 "Remove reference to missing identityResourceId output") tells the reader to note
// identityPrincipalId and identityResourceId "from the deployment output", while its Bicep file declares
// `output identityPrincipalId` only; the later az acr cache update --identity "<identityResourceId>"
// has no value to come from.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const undeclared = (text: string, file = 'tests/lint/fixtures/t.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'deployment-output-not-declared');
// The Bicep file and the sentence as the fixed revision (e618bbd79) writes them.
const bicep = ['```bicep', "param cacheRuleName string = 'cacheRule'", 'output identityPrincipalId string = managedIdentity.properties.principalId', '```', ''];

describe('deployment-output-not-declared', () => {
  it('reports an output the prose names that the page\'s Bicep file does not declare', () => {
    const f = undeclared(['# Page', '', ...bicep, '1. Note the `identityPrincipalId` and `identityResourceId` values from the deployment output.', ''].join('\n'));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[8, 'warning']]);
    expect(f[0]?.message).toMatch(/identityResourceId, but the Bicep file on this page declares only identityPrincipalId/);
  });
  it('reports the fresh page', () => {
    const p = 'tests/fresh/articles/container-registry/artifact-cache-acr-to-acr-cli.md';
    expect(undeclared(read(p), p).map((x) => x.line)).toEqual([175]);
  });
  it('silent on the fixed sentence, on pages without a Bicep file, and on a real Bicep quickstart (key-vault keys quick-create-bicep.md)', () => {
    expect(undeclared(['# Page', '', ...bicep, '1. Note the `identityPrincipalId` value from the deployment output.', ''].join('\n'))).toEqual([]);
    expect(undeclared(['# Page', '', '1. Note the `anything` value from the deployment output.', ''].join('\n'))).toEqual([]);
    const p = 'tests/corpus/articles/key-vault/keys/quick-create-bicep.md';
    expect(read(p)).toMatch(/^output proxyKey object/m);
    expect(undeclared(read(p), p)).toEqual([]);
  });
});
