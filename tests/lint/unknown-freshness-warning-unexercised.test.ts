// defect: powershell-unknown-parameter has two severities: an error where the cmdlet's help is known current
// (freshness "current" or "changelog"), a warning where it is not (freshness.checked "unknown": a later release may
// have added the parameter). Since the table reads Az 16.2.0's help every cmdlet is "current", so no test went
// through the warning path any more. Here the real rule runs on a real page with the real table, except that one
// cmdlet's entry (a copy; the generated table is not edited) says its help's freshness is unknown.
// The page: tests/fresh/articles/event-hubs/event-hubs-tutorial-visualize-anomalies.md (provenance in
// tests/fresh/manifest.json): New-AzEventHub -MessageRetentionInDays 3 (removed from Az.EventHub, Azure/azure-powershell#21585).
import { describe, expect, it, vi } from 'vitest';
import type * as Cmdlets from '../../src/reference/powershell-cmdlets.ts';
import { readRepoFile, ruleFindings } from './helpers.ts';

const STALE = 'new-azeventhub';

vi.mock('../../src/reference/powershell-cmdlets.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Cmdlets>();
  return {
    ...real,
    findCmdlet: (name: string) => {
      const entry = real.findCmdlet(name);
      return entry && name.toLowerCase() === STALE ? { ...entry, freshness: { checked: 'unknown' as const } } : entry;
    },
  };
});

const EH_ANOMALIES = 'tests/fresh/articles/event-hubs/event-hubs-tutorial-visualize-anomalies.md';
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('powershell-unknown-parameter on a cmdlet whose help is of unknown freshness', () => {
  it('is a warning that says the help may predate the parameter; a cmdlet of current help stays an error', () => {
    const text = readRepoFile(EH_ANOMALIES);
    const hits = ruleFindings('powershell-unknown-parameter', EH_ANOMALIES);
    const stale = hits.filter((h) => h.line === lineWith(text, '-MessageRetentionInDays 3'));
    expect(stale.map((h) => h.severity)).toEqual(['warning']);
    expect(stale[0]!.message).toMatch(/^New-AzEventHub has no parameter -MessageRetentionInDays: .*not compared with the module's ChangeLog: if a later Az release added -MessageRetentionInDays, update Az instead\)$/);
    // New-AzEventHubNamespace -NamespaceName: its entry is untouched (current), still an error
    expect(hits.filter((h) => h.severity === 'error').map((h) => h.line)).toEqual([lineWith(text, '     -NamespaceName $eventHubNamespace `')]);
  });
});
