// defect: articles/azure-cache-for-redis/cache-manage-cli.md (tests/fresh) shows the classic CLI's help,
// "Format:\"{\"<key1>\":\"<value1>\",\"<key2>\":\"<value2>\"}\"": two keys and two values of one format.
// placeholder-misspelt called <value2> a misspelt twin of <value1> (error) — a false error on a page the
// tool had never seen. Placeholders that differ only in their numbers are a numbered series (two values),
// not one value spelt two ways; a letter slip stays an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const misspelt = (text: string, page = 'p.md') => lintText(text, 'docfx', page).filter((f) => f.rule === 'placeholder-misspelt').map((f) => `${f.line} ${f.message}`);

describe('numbered placeholders', () => {
  it('<value1> and <value2> of a format are two values, not a misspelt twin (cache-manage-cli.md)', () => {
    const page = 'tests/fresh/articles/azure-cache-for-redis/cache-manage-cli.md';
    expect(misspelt(readFileSync(join(root, page), 'utf8'), page)).toEqual([]);
  });
  it('a letter slip next to a numbered placeholder is still misspelt', () => {
    const text = '# T\n\n```azurecli\naz group show -n <resource-group1>\naz group show -n <resource-group1>\naz group show -n <resource-grop1>\n```\n';
    expect(misspelt(text)).toEqual([expect.stringMatching(/^6 <resource-grop1> is a misspelt twin of <resource-group1>/)]);
  });
  // From a precision sweep (MicrosoftDocs/azure-management-docs @d923d588, articles/quotas/how-to-guide-monitoring-alerting.md:68,
  // 134, 149): one query takes '<SubscriptionId>', two others ("<Subscription1>","<Subscription2>"); a false error.
  it('<SubscriptionId> beside the series <Subscription1>, <Subscription2> is another value, not a twin of <Subscription2>', () => {
    const text = "# Q\n\n```kusto\n| where subscriptionId =~ '<SubscriptionId>'\n```\n\n```kusto\n| where subscriptionId in~ (\"<Subscription1>\",\"<Subscription2>\")\n```\n\n```kusto\n| where subscriptionId in~ (\"<Subscription1>\",\"<Subscription2>\")\n```\n";
    expect(misspelt(text)).toEqual([]);
    expect(misspelt(text.replace('<SubscriptionId>', '<Subscriptiom2>'))).toEqual([expect.stringMatching(/^4 <Subscriptiom2> is a misspelt twin of <Subscription2>/)]);
  });
});
