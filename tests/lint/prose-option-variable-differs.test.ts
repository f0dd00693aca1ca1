// defect: communicate-between-microservices.md (tests/fresh, azure-docs 0d324bf) explains the command's
// argument as `--env-vars "API_BASE_URL=https://$API_ENDPOINT"`, but the command passes
// API_BASE_URL=https://$API_BASE_URL, the variable the page assigns; $API_ENDPOINT exists nowhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const differs = (text: string, file = 'tests/lint/fixtures/t.md') => lintText(text, 'docfx', file).filter((f) => f.rule === 'prose-option-variable-differs');

describe('prose-option-variable-differs', () => {
  const page = (prose: string) =>
    ['# Page', '', '```bash', 'API_URL=$(az containerapp show -n api -g rg --query properties.configuration.ingress.fqdn -o tsv)', '```', '', '```azurecli', 'az containerapp create -n ui -g rg --environment env --image img --env-vars API_BASE_URL=https://$API_URL', '```', '', prose, ''].join('\n');
  it('reports a quoted argument whose variable no step assigns when the command passes the same text with an assigned one', () => {
    const f = differs(page('By adding the argument `--env-vars "API_BASE_URL=https://$API_ENDPOINT"` you set the variable.'));
    expect(f.map((x) => [x.line, x.severity])).toEqual([[11, 'warning']]);
    expect(f[0]?.message).toMatch(/\$API_ENDPOINT, which no step assigns.*line 8.*\$API_URL/);
  });
  it('reports the fresh page', () => {
    const p = 'tests/fresh/articles/container-apps/communicate-between-microservices.md';
    expect(differs(read(p), p).map((x) => x.line)).toEqual([252]);
  });
  it('silent when the prose quotes the command\'s own argument, another text, or an assigned variable', () => {
    expect(differs(page('By adding `--env-vars "API_BASE_URL=https://$API_URL"` you set the variable.'))).toEqual([]);
    expect(differs(page('Use `--env-vars KEY=$OTHER` for any setting.'))).toEqual([]);
    expect(differs(page('Pass `--image $API_URL` to try it.'))).toEqual([]);
  });
  it('silent on a real page that quotes its options with values in prose (quickstart-logic-apps-azure-cli.md)', () => {
    const p = 'tests/fresh/articles/logic-apps/quickstart-logic-apps-azure-cli.md';
    expect(read(p)).toMatch(/`--[a-z-]+[ =][^`]+`/);
    expect(differs(read(p), p)).toEqual([]);
  });
});
