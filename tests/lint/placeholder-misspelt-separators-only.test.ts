// defect: includes/cli-launch-cloud-shell-sign-in.md (used by the Azure SQL CLI script pages, see
// tests/fresh) tells the reader to replace `<Subscription ID>` and writes subscription="<subscriptionId>"
// in the code. placeholder-misspelt called <Subscription ID> a misspelt twin (error) while
// placeholder-spelling-varies reported the same pair as one placeholder spelt with other separators
// and case (warning). Two spellings that differ only by separators and letter case are the
// spelling-varies rule's, at its level; a letter slip (<SUBSCRIPTON ID>) is still an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const rules = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule.startsWith('placeholder-')).map((f) => `${f.line} ${f.rule} ${f.severity}`);

describe('twin placeholder spellings', () => {
  it('that differ only by separators and case are a warning, not a misspelling (cli-launch-cloud-shell-sign-in.md)', () => {
    const page = 'tests/fresh/includes/cli-launch-cloud-shell-sign-in.md';
    expect(rules(readFileSync(join(root, page), 'utf8'), page)).toEqual(['19 placeholder-spelling-varies warning', '22 placeholder-spelling-varies warning']);
  });
  it('that differ by a letter are still misspelt (error)', () => {
    const text = '# T\n\n```azurecli\naz group show --subscription <SUBSCRIPTION ID> -n a\naz group show --subscription <SUBSCRIPTION ID> -n b\naz group show --subscription <SUBSCRIPTON ID> -n c\n```\n';
    expect(rules(text)).toContain('6 placeholder-misspelt error');
  });
});
