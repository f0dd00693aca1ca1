// Defects found by the precision sweep of azure-docs networking, messaging and VM pages (seed 1403).
//
// defect 1: articles/load-balancer/cross-subscription-how-to-attach-backend.md works in two subscriptions,
// "Azure Subscription A" (the virtual network) and "Azure Subscription B" (the load balancer); its includes write
// Set-AzContext -Subscription '<Azure Subscription A>' and '<Azure Subscription B>', and ids with
// <subscription A ID> and <Subscription B ID>. placeholder-misspelt called each B a misspelt twin of its A — two
// false errors. Placeholders that differ only in one single-letter word are a lettered series (two values), as
// <value1>/<value2> are a numbered one; a letter slip in another word stays an error.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.ts';
import { letteredSeries } from '../../src/lint/rules/placeholder-misspelt.ts';
import { lintText, ruleFindings } from './helpers.ts';

const docset = join(import.meta.dirname, 'fixtures', 'real', 'lb-cross-subscription');
const page = join(docset, 'articles', 'load-balancer', 'cross-subscription-how-to-attach-backend.md');
// As `lint` reads it: the page with its includes, resolved from the fixture's docset root.
const lintPage = async (rule: string) => (await lintFiles([page], { docsetRoot: docset }))[0]!.findings.filter((f) => f.rule === rule);
const misspelt = (text: string) => lintText(text, 'docfx', 'p.md').filter((f) => f.rule === 'placeholder-misspelt').map((f) => `${f.line} ${f.message}`);

describe('placeholder-misspelt: a lettered series is two values', () => {
  it('<Azure Subscription A>/<Azure Subscription B> and <subscription A ID>/<Subscription B ID> are not twins (cross-subscription-how-to-attach-backend.md)', async () => {
    expect(await lintPage('placeholder-misspelt')).toEqual([]);
  });
  it('the page and its includes are read: its real errors stay (smart quote, --subnet missing, an unclosed block)', async () => {
    expect((await lintPage('smart-quote-in-command')).some((f) => f.line === 113 && /U\+2018/.test(f.message))).toBe(true);
    expect((await lintPage('az-missing-required')).map((f) => f.message)).toEqual([expect.stringMatching(/the following arguments are required: --subnet/)]);
    expect((await lintPage('markdown-block-unclosed')).map((f) => f.file)).toEqual([expect.stringMatching(/load-balancer-cross-subscription-azure-sign-in\.md$/)]);
  });
  it('a slip in another word of a lettered placeholder is still misspelt', () => {
    const text = '# T\n\n```azurecli\naz account set -s "<Subscription A ID>"\naz account set -s "<Subscription A ID>"\naz account set -s "<Subscripton A ID>"\n```\n';
    expect(misspelt(text)).toEqual([expect.stringMatching(/^6 <Subscripton A ID> is a misspelt twin of <Subscription A ID>/)]);
  });
  it('letteredSeries: one single-letter word apart, and only that', () => {
    expect(letteredSeries('AZURE_SUBSCRIPTION_A', 'AZURE_SUBSCRIPTION_B')).toBe(true);
    expect(letteredSeries('SUBSCRIPTION_A_ID', 'SUBSCRIPTION_B_ID')).toBe(true);
    expect(letteredSeries('VM_A', 'VN_B')).toBe(false);
    expect(letteredSeries('A', 'B')).toBe(false);
    expect(letteredSeries('RESOURCE_GROUP', 'RESOURCE_GROPU')).toBe(false);
  });
});

// defect 2: articles/virtual-network/configure-routing-preference-powershell.md writes `$publicIp =
// New-AzRmPublicIpAddress` and then `-Name $publicIpName`, which nothing assigns. powershell-variable-two-names
// said "$publicIpName is never assigned, but the page assigns $publicIp: one value under two names … Use one name
// ($publicIp here)" — advice that passes the public IP object as its own name. A variable that holds what a cmdlet
// returns and the same name with "Name" after it are two values; the unassigned name is reported by
// shell-unassigned-variable, as $rgName beside it is.
describe('powershell-variable-two-names: an object and its name are two values', () => {
  const file = 'tests/lint/fixtures/real/configure-routing-preference-powershell.excerpt.md';
  it('$publicIpName beside `$publicIp = New-AzRmPublicIpAddress` is not a twin; it is reported as unassigned', () => {
    expect(ruleFindings('powershell-variable-two-names', file)).toEqual([]);
    expect(ruleFindings('shell-unassigned-variable', file).map((f) => f.message)).toEqual([
      expect.stringMatching(/^no PowerShell line of the page .* assigns \$publicIpName/),
      expect.stringMatching(/assigns \$rgName/),
      expect.stringMatching(/assigns \$dnsPrefix/),
      expect.stringMatching(/assigns \$location/),
    ]);
  });
  it('a name assigned as a string stays a twin ($publicIpName used, $publicIp = "myIP" assigned)', () => {
    const text = '# T\n\n```azurepowershell\n$publicIp = "myIP"\nGet-AzPublicIpAddress -Name $publicIpName -ResourceGroupName rg\n```\n';
    expect(lintText(text).filter((f) => f.rule === 'powershell-variable-two-names').map((f) => f.line)).toEqual([5]);
  });
});
