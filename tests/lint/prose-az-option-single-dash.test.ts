// missed defect: logic-apps/quickstart-logic-apps-azure-cli.md (tests/fresh) lists az logic workflow
// delete's parameters with `-resource-group -g` (line 138): az's long option is --resource-group.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const found = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'prose-az-option-single-dash');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const page = (cell: string, extra = '') =>
  ['# T', '', '```azurecli', 'az group delete --name myGroup --yes', extra, '```', '', '| Parameter | Value |', '|---|---|', `| Resource group | ${cell} |`, ''].join('\n');

describe('prose-az-option-single-dash', () => {
  it('logic-apps quickstart: `-resource-group -g` in the delete parameters table (line 138), and nothing else on the page', () => {
    const p = 'tests/fresh/articles/logic-apps/quickstart-logic-apps-azure-cli.md';
    const f = found(read(p), p);
    expect(f.map((x) => [x.line, x.column])).toEqual([[138, 26]]);
    expect(f[0]?.message).toMatch(/-resource-group is written with one dash: the az option is --resource-group/);
    expect(f[0]?.suggestion).toBe('--resource-group');
  });
  it('a table cell and a sentence; silent on two dashes, short forms, look-alike dashes and options no az command of the page has', () => {
    expect(found(page('`-resource-group -g`')).map((x) => x.line)).toEqual([10]);
    expect(found(page('`--name -n`'))).toEqual([]);
    expect(found(page('`-n`'))).toEqual([]);
    expect(found(page('`\u2013-name`'))).toEqual([]);
    expect(found(page('`-account-name`'))).toEqual([]); // az group delete has no --account-name
  });
  it('silent where another program of the page takes the one-dash spelling (terraform -auto-approve)', () => {
    const text = ['# T', '', '```azurecli', 'az deployment group create --resource-group rg --template-file main.json --no-wait', '```', '', '```bash', 'terraform apply -no-wait', '```', '', 'Pass `-no-wait` to terraform.', ''].join('\n');
    expect(found(text)).toEqual([]);
    expect(found(text.replace('terraform apply -no-wait', 'terraform apply'))).toHaveLength(1);
  });
  it('silent on real pages whose prose names az options with two dashes', () => {
    for (const p of ['tests/corpus/articles/storage/blobs/blob-containers-cli.md', 'tests/fresh/articles/event-hubs/event-hubs-quickstart-cli.md', 'tests/corpus/articles/azure-resource-manager/management/manage-resource-groups-cli.md']) expect(found(read(p), p), p).toEqual([]);
  });
});
