// defects: the closing precision sweep of stop 30 (40 untouched pages of MicrosoftDocs/azure-management-docs
// @d923d588, seed 1799). Each false finding is pinned on its page's excerpt beside the same text made wrong.
// - azure-arc/kubernetes/extensions-troubleshooting.md:28: `az k8s-configuration flux create <parameters> --debug`
//   was said to lack --cluster-name, --cluster-type, --name, --resource-group and --url: `<parameters>` is
//   the reader's own options, as `...` is.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const FLUX = 'tests/lint/fixtures/real/close30-extensions-troubleshooting.excerpt.md';

describe('az-missing-required and a placeholder for the options', () => {
  it('is silent on `az k8s-configuration flux create <parameters> --debug`', () => {
    expect(ruleFindings('az-missing-required', FLUX)).toEqual([]);
  });
  it('still says what the same command lacks without the placeholder', () => {
    const text = readRepoFile(FLUX).replace('flux create <parameters> --debug', 'flux create --name myconfig --debug');
    const found = ruleFindings('az-missing-required', FLUX, text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/the following arguments are required: --cluster-name\/-c, --cluster-type\/-t, --resource-group\/-g, --url\/-u/);
  });
});
