// Regressions from the precision sweep sweep-arc3 (MicrosoftDocs/azure-management-docs
// @d923d588901082fa2107de6b2a82d7d05cd95160, articles/azure-arc and articles/azure-linux, seed 1601). Each
// false finding is pinned on a byte-exact excerpt of its page (tests/lint/fixtures/real, README table),
// beside a case where the rule still fires.
// - upload-metrics.md:62: `--assignee $Env:MSI_OBJECT_ID` in an azurecli fence of the PowerShell tab was
//   "no step of the page assigns $Env": $Env:NAME is PowerShell's environment drive, no bash variable.
// - upload-metrics.md:140-142: `echo $SPN_CLIENT_ID` … under "make sure you have created the required service
//   principal … see [Create service principal](upload-metrics-and-logs-to-azure-monitor.md#create-service-principal)"
//   was "no step of the page assigns $SPN_CLIENT_ID": the page its Prerequisites section links to exports it.
// - upload-metrics.md:48: `--resource-group myresourcegroup` under `#Example`, below the same command with
//   `--resource-group <resource group>`, was "a resource group the page never creates": it illustrates the placeholder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const REAL = 'tests/lint/fixtures/real/';
const METRICS = `${REAL}arc3-upload-metrics.excerpt.md`;
const SPN_PAGE = `${REAL}arc3-upload-metrics-and-logs-to-azure-monitor.excerpt.md`;
const named = (file: string, text: string) => ruleFindings('shell-unassigned-variable', file, text).map((h) => /\$(\w+)/.exec(h.message)?.[1]);

describe('shell-unassigned-variable: $Env:NAME in an azurecli block of a PowerShell tab', () => {
  const text = readRepoFile(METRICS);
  it('$Env:MSI_OBJECT_ID is PowerShell\'s environment drive, not a bash $Env', () => {
    const names = named(METRICS, text);
    expect(names).not.toContain('Env');
    // The unassigned variables of the same command are still reported.
    expect(names).toEqual(expect.arrayContaining(['SUBSCRIPTION_ID', 'RESOURCE_GROUP_NAME', 'subscription', 'resourceGroup']));
  });
  it('a bash $Env used without the colon is still reported', () => {
    expect(named(METRICS, text.replace('--assignee $Env:MSI_OBJECT_ID', '--assignee $Env'))).toContain('Env');
  });
});

describe('shell-unassigned-variable: variables the page its Prerequisites section links to exports', () => {
  it('SPN_CLIENT_ID, exported by the linked "Create service principal" page, is not reported; without that page it is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-prereq-vars-'));
    try {
      const file = join(dir, 'upload-metrics.md');
      const text = readRepoFile(METRICS);
      writeFileSync(file, text);
      expect(named(file, text)).toEqual(expect.arrayContaining(['SPN_TENANT_ID', 'SPN_CLIENT_ID', 'SPN_CLIENT_SECRET']));
      writeFileSync(join(dir, 'upload-metrics-and-logs-to-azure-monitor.md'), readRepoFile(SPN_PAGE));
      const names = named(file, text);
      for (const name of ['SPN_TENANT_ID', 'SPN_CLIENT_ID', 'SPN_CLIENT_SECRET']) expect(names).not.toContain(name);
      expect(names).toContain('subscription'); // assigned on neither page
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('page-assumes-resource: a line shown as an #Example of the placeholder command above it', () => {
  const text = readRepoFile(METRICS);
  it('myresourcegroup under #Example, below --resource-group <resource group>, is not reported', () => {
    expect(ruleFindings('page-assumes-resource', METRICS, text)).toEqual([]);
  });
  it('without the placeholder line above, the literal group is reported', () => {
    const alone = text.replace(/export MSI_OBJECT_ID=`az k8s-extension show --resource-group <resource group>[^\n]*\n/, '');
    expect(alone).not.toBe(text);
    expect(ruleFindings('page-assumes-resource', METRICS, alone).map((f) => f.message).join('\n')).toMatch(/myresourcegroup/);
  });
});
