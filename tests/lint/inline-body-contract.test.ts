import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineOf, lintText, mutate } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');

// Request bodies written inside the command (curl -d '{…}') are held to the operation's request
// contract like a body shown in its own block: enum values, types and unknown fields (issue 16 item 3).
describe('inline request bodies against the operation contract', () => {
  const clean = read('tests/lint/fixtures/clean-docfx.md');
  const sas = "listServiceSas?api-version=2025-06-01' -H";
  const at = (text: string, rule: string) => lintText(text, 'docfx').filter((f) => f.rule === rule);
  it('an enum value ServiceSasParameters does not have ("signedResource":"x"), at its column in the command line', () => {
    const { text, line } = mutate(clean, sas, (l) => l.replace('"signedResource":"c"', '"signedResource":"x"'));
    const f = at(text, 'contract-enum-value');
    expect(f.map((x) => [x.line, x.column, x.severity])).toEqual([[line, lineText(text, line).indexOf('"signedResource"') + 1, 'error']]);
    expect(f[0]?.message).toMatch(/signedResource is "x", which is not one of "b", "c", "f", "s"/);
  });
  it('a field the request contract does not have ("signedProtocols")', () => {
    const { text, line } = mutate(clean, sas, (l) => l.replace('"signedProtocol"', '"signedProtocols"'));
    expect(at(text, 'contract-field-not-in-api').map((x) => x.line)).toEqual([line]);
  });
  it('silent on the clean body, and on a body that is not JSON (left to the JSON syntax rules)', () => {
    expect(lintText(clean, 'docfx').filter((f) => f.rule.startsWith('contract-') && f.line === lineOf(clean, sas))).toEqual([]);
    const { text, line } = mutate(clean, sas, (l) => l.replace('"signedResource":"c"', '"signedResource":x'));
    expect(lintText(text, 'docfx').filter((f) => f.rule.startsWith('contract-') && f.line === line)).toEqual([]);
  });
});

function lineText(text: string, n: number): string {
  return text.split('\n')[n - 1] ?? '';
}
