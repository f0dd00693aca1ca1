// defect: a closing precision sweep (MicrosoftDocs/azure-security-docs @1c4310be, articles/key-vault/certificates/
// how-to-export-certificate.md:64) — the reference's syntax of az keyvault secret download, with the required
// --file given the value the reader fills in ({nameofcert.pfx}) above "[--encoding {ascii, base64, …}]", "[--id]"…
// The "{nameofcert.pfx}" kept it from being read as a synopsis: its bracketed lines became JSON examples and
// json-example-invalid said six times "not valid JSON: No number after minus sign" (error).
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { lintText, readRepoFile } from '../lint/helpers.ts';

const FILE = 'tests/lint/fixtures/real/how-to-export-certificate.excerpt.md';

describe('an az synopsis whose required parameter shows its value placeholder', () => {
  it('is reference text: no step, no JSON example, no finding on its lines', () => {
    const text = readRepoFile(FILE);
    const t = parseTutorialText(text, FILE);
    expect(t.steps.filter((s) => s.raw.startsWith('az keyvault'))).toEqual([]);
    expect(t.diagnostics.filter((d) => d.code === 'az-usage-synopsis').map((d) => d.line)).toEqual([3, 17]);
    expect(lintText(text, 'docfx', FILE).filter((f) => f.severity === 'error')).toEqual([]);
  });
  it('the same command with values and no brackets is still a command', () => {
    const t = parseTutorialText('# T\n\n```azurecli\naz keyvault secret download --file {nameofcert.pfx}\n    --vault-name myvault\n```\n', 'x.md');
    expect(t.steps.map((s) => s.raw.split('\n')[0])).toEqual(['az keyvault secret download --file {nameofcert.pfx}']);
  });
});
