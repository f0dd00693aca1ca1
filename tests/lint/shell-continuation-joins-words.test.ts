// defect: container-registry-import-images.md (tests/fresh; still so in MicrosoftDocs/azure-management-docs
// at d923d588) writes "--source mcr.microsoft.com/windows/servercore:ltsc2022\" and then "--image
// servercore:ltsc2022" in the first column: bash removes the backslash-newline pair, --source gets
// "…:ltsc2022--image" and az stops with "unrecognized arguments: servercore:ltsc2022".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const joins = (text: string, file = 'tests/lint/fixtures/t.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'shell-continuation-joins-words');
const page = (...lines: string[]) => ['# Page', '', '```azurecli', ...lines, '```', ''].join('\n');

describe('shell-continuation-joins-words', () => {
  it('reports a backslash glued to a word when the next line starts in its first column', () => {
    const f = joins(page('az acr import \\', '--name myregistry \\', '--source mcr.microsoft.com/windows/servercore:ltsc2022\\', '--image servercore:ltsc2022'));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[6, 'error']]);
    expect(f[0]?.message).toMatch(/"mcr.microsoft.com\/windows\/servercore:ltsc2022--image"/);
    expect(f[0]?.suggestion).toBe('--source mcr.microsoft.com/windows/servercore:ltsc2022 \\');
  });
  it('reports the fresh page (container-registry-import-images.md)', () => {
    const p = 'tests/fresh/articles/container-registry/container-registry-import-images.md';
    expect(joins(read(p), p).map((x) => x.line)).toEqual([146]);
  });
  it('silent when the next line is indented or a blank precedes the backslash: blob-containers-cli.md\'s "--account-name $storageAccount\\" before an indented line', () => {
    const p = 'tests/corpus/articles/storage/blobs/blob-containers-cli.md';
    expect(read(p)).toContain('    --account-name $storageAccount\\\n    --auth-mode login');
    expect(joins(read(p), p)).toEqual([]);
    expect(joins(page('az group create \\', '--name rg \\', '--location westus'))).toEqual([]);
  });
});
