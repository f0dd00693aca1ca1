// defect: `"…?$filter=…"` (an OData option written inside double quotes) was planned as a placeholder
// the reader fills: the run blocked the step asking for `--set FILTER=…`. Bash expands `$filter`
// there, a variable nothing sets, to the empty string, and sends `…&=resourceType eq …`; `\$filter`
// stays a literal `$`. The plan now binds such a variable to what bash gives it (a --set, a sidecar or
// a step that assigns it still wins), so the request is the one bash sends; lint warns about it
// (shell-odata-dollar-expanded). A `$name` elsewhere in the URL is still the reader's value to give.
import { describe, expect, it } from 'vitest';
import { emulatorRun } from '../helpers/emulator-run.ts';

const URL = "https://management.azure.com/subscriptions/{subscriptionId}/resources?api-version=2021-04-01&";
const FILTER = "filter=resourceType eq 'Microsoft.Storage/storageAccounts'";
const PAGE = [
  '# List storage accounts',
  '',
  '```azurecli',
  'az group create --name myResourceGroup --location eastus',
  '```',
  '',
  '```azurecli',
  `az rest --url "${URL}$${FILTER}"`,
  '```',
  '',
  '```azurecli',
  `az rest --url "${URL}\\$${FILTER}"`,
  '```',
  '',
  '```azurecli',
  `az rest --url "${URL}$${FILTER}&$top=$count"`,
  '```',
  '',
].join('\n');

const emulator = emulatorRun('odata-dollar');
const urlOf = (s: { request?: { url: string } | undefined }): string => decodeURIComponent(s.request?.url ?? '');

describe('defect: "…?$filter=…" in double quotes asked for --set FILTER', () => {
  it('an unset $filter expands to the empty string, as bash sends it; \\$filter is literal; $count is still the reader\'s to give', async () => {
    const t = await emulator.page('odata.md', PAGE, { engine: 'http' });
    expect(t.steps.map((s) => `${s.id} ${s.verdict}`)).toEqual(['s1 pass', 's2 pass', 's3 pass', 's4 blocked']);
    expect(urlOf(t.steps[1]!)).toMatch(/api-version=2021-04-01&=resourceType eq 'Microsoft\.Storage\/storageAccounts'$/);
    expect(urlOf(t.steps[2]!)).toMatch(/api-version=2021-04-01&\$filter=resourceType eq 'Microsoft\.Storage\/storageAccounts'$/);
    expect(t.steps[3]!.reason).toMatch(/\$count has no value; add --set COUNT=<value>/);
    expect(t.steps[3]!.reason).not.toMatch(/FILTER/);
    expect(t.findings.filter((f) => f.rule === 'shell-odata-dollar-expanded').map((f) => f.line)).toEqual([8, 16, 16]); // line 16: $filter and $top
  }, 120_000);

  it('a --set still wins over bash\'s empty expansion', async () => {
    const t = await emulator.page('odata-set.md', PAGE, { engine: 'http', sets: { FILTER: 'filter', COUNT: '5' } });
    expect(urlOf(t.steps[1]!)).toMatch(/&filter=resourceType eq/);
    // $top is unset too: bash sends "&=5".
    expect(urlOf(t.steps[3]!)).toMatch(/&filter=resourceType eq 'Microsoft\.Storage\/storageAccounts'&=5$/);
  }, 120_000);
});
