// defect: a precision sweep (MicrosoftDocs/azure-management-docs @d923d588, articles/azure-arc/kubernetes/
// custom-locations.md:125) — `az customlocation create … --cluster-extension-ids <extensionId>` (the one id the
// prose names `extensionId`) beside update/patch's `<extensionIds>` (a list). placeholder-misspelt called the
// singular a misspelt twin of the plural (error): a false error. One item and a list of them are two values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const misspelt = (text: string) => lintText(text, 'docfx', 'p.md').filter((f) => f.rule === 'placeholder-misspelt').map((f) => `${f.line} ${f.message}`);

describe('placeholder-misspelt: a singular beside its plural', () => {
  const excerpt = readFileSync(join(root, 'tests/lint/fixtures/real/custom-locations.excerpt.md'), 'utf8');
  it('<extensionId> (create, one id) beside <extensionIds> (update, patch: a list) is not a misspelt twin', () => {
    expect(misspelt(excerpt)).toEqual([]);
  });
  it('a letter slip of the same placeholder is still an error', () => {
    expect(misspelt(excerpt.replace('--cluster-extension-ids <extensionId> ', '--cluster-extension-ids <extensionIdz> '))).toEqual([
      expect.stringMatching(/^10 <extensionIdz> is a misspelt twin of <extensionIds>/),
    ]);
  });
  it('an "es" plural is a list too (<address>, <addresses>)', () => {
    const text = '# T\n\n```azurecli\naz x create --ip <ipaddress>\naz x update --ips <ipaddresses>\naz x patch --ips <ipaddresses>\n```\n';
    expect(misspelt(text)).toEqual([]);
  });
});
