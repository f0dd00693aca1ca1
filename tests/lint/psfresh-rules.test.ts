// Issue 16 session 10 (psfresh): Az.EventHub, Az.PrivateDns, Az.Network private link and Az.Sql cmdlets in the
// generated cmdlet table. The reader-reported defect it finds: New-AzEventHubNamespace -NamespaceName (an alias Az.EventHub
// 4.0.0 dropped, azure-docs#113192), held on two real pages (tests/fresh); and the rules that read these cmdlets
// (private-dns-zone-name, retired-resource-setting's SQL Gen4) kept silent on real pages that use them correctly.
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const lineWith = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

const EH_QUICKSTART = 'tests/fresh/articles/event-hubs/event-hubs-quickstart-powershell.md';
const EH_ANOMALIES = 'tests/fresh/articles/event-hubs/event-hubs-tutorial-visualize-anomalies.md';
const SQL_ENDPOINT = 'tests/fresh/articles/private-link/tutorial-private-endpoint-sql-powershell.md';
const DNS_QUICKSTART = 'tests/fresh/articles/dns/private-dns-getstarted-powershell.md';

describe('New-AzEventHubNamespace -NamespaceName reported unknown (azure-docs#113192)', () => {
  const rule = 'powershell-unknown-parameter';
  it('event-hubs-quickstart-powershell.md: the reported line is an error', () => {
    const text = readRepoFile(EH_QUICKSTART);
    const hits = ruleFindings(rule, EH_QUICKSTART);
    expect(hits.map((h) => [h.line, h.severity])).toContainEqual([lineWith(text, 'New-AzEventHubNamespace -ResourceGroupName myResourceGroup -NamespaceName'), 'error']);
  });
  it('event-hubs-tutorial-visualize-anomalies.md: the same alias on a continued line is an error; New-AzEventHub -NamespaceName (its own parameter) is silent, its removed -MessageRetentionInDays an error', () => {
    const text = readRepoFile(EH_ANOMALIES);
    const hits = ruleFindings(rule, EH_ANOMALIES);
    const namespaceLine = lineWith(text, '     -NamespaceName $eventHubNamespace `');
    // New-AzEventHub -MessageRetentionInDays is an error too since the table reads Az 16.2.0's help (freshness current;
    // removed by Azure/azure-powershell#21585); it was a warning while New-AzEventHub's help was of unknown freshness.
    expect(hits.filter((h) => h.severity === 'error').map((h) => h.line)).toEqual([namespaceLine, lineWith(text, '-MessageRetentionInDays 3')]);
    expect(hits[0]!.message).toMatch(/New-AzEventHubNamespace has no parameter -NamespaceName/);
    // New-AzEventHub's -NamespaceName (a few lines on) binds
    expect(hits.some((h) => h.line === lineWith(text, '    -NamespaceName $eventHubNamespace `', namespaceLine))).toBe(false);
  });
});

describe('private-dns-zone-name and retired-resource-setting read the Az cmdlets through the table', () => {
  it('silent on the SQL private endpoint tutorial (sqlServer, privatelink.database.windows.net; New-AzSqlDatabase S0)', () => {
    for (const rule of ['private-dns-zone-name', 'retired-resource-setting', 'powershell-unknown-parameter']) expect(ruleFindings(rule, SQL_ENDPOINT)).toEqual([]);
  });
  it('silent on the private DNS quickstart (a custom zone private.contoso.com, linked by -ZoneName)', () => {
    for (const rule of ['private-dns-zone-name', 'powershell-unknown-parameter']) expect(ruleFindings(rule, DNS_QUICKSTART)).toEqual([]);
  });
});
