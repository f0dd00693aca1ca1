// Precision and message debt of lint rules seen on never-seen pages (tests/fresh), issue 16,
// session 11 (branch prec5). Each test is named after the defect it pins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);
const lineWith = (page: string, needle: string) => read(page).split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('prose-stale-preview: the preview of another thing pinned on a GA command', () => {
  const arc = 'tests/fresh/articles/app-service/quickstart-arc.md';
  it('quickstart-arc.md: "`az webapp up` is not supported during the public preview" (App Service on Azure Arc\'s preview) is not a preview claim on az webapp up', () => {
    expect(read(arc)).toContain('> `az webapp up` is not supported during the public preview.');
    expect(found(arc, 'prose-stale-preview')).toEqual([]);
  });
  it('a GA feature named in a sentence about another preview is left alone too', () => {
    const text = ['# Arc', '', 'Key auto-rotation in Azure Key Vault is not available during the preview of this integration.', ''].join('\n');
    expect(found('other.md', 'prose-stale-preview', text)).toEqual([]);
  });
  it('still reports a GA command that is the subject of "preview": "is currently in preview", "(preview)", "is a preview command"', () => {
    const text = [
      '# Rotate',
      '',
      'The `az keyvault key rotate` command is currently in preview.',
      '',
      'Run az keyvault key rotate (preview) to rotate the key.',
      '',
      '`az keyvault key rotate` is a preview command.',
      '',
      'The az keyvault key rotate command is not supported with the preview of key versions.',
      '',
      'You can run az keyvault key rotate while the portal experience is in preview.',
      '',
    ].join('\n');
    expect(found('rotate.md', 'prose-stale-preview', text).map((f) => f.line)).toEqual([3, 5, 7]);
  });
});
