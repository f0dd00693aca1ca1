// Run-level regressions from the precision sweep of Key Vault pages (seed 1401, MicrosoftDocs/azure-security-docs
// @1c4310bed2b9), on byte-exact excerpts of the two pages (tests/lint/fixtures/real, README table):
// - access-control-default.md: "Check a single vault" (az keyvault show --name <vault-name> --resource-group
//   <resource-group>) was bound to the vault a later section creates (testCreateTutorial, in another group) and
//   failed 404 before it existed: a placeholder first used before the page creates anything of its role names
//   the reader's own;
// - managed-hsm/logging.md: $storageresource = (Get-AzStorageAccount -ResourceGroupName "<resource-group>"
//   -Name "<storage-account-name>").Id failed 404: the World did not read the cmdlet inside the group, so it
//   provided no account, though the PowerShell engine ran that cmdlet.
import { describe, expect, it } from 'vitest';
import { excerptRun } from '../helpers/emulator-run.ts';

const run = excerptRun('sweep-kv', { 'kv-access-control-default.excerpt.md': 'access-control-default.md', 'kv-managed-hsm-logging.excerpt.md': 'logging.md' });
const stepAt = run.stepAt;

describe('sweep of Key Vault pages: false fails pinned', () => {
  it('a placeholder vault read before the page creates its own vault is the reader\'s, not the later one', () => {
    const show = stepAt('access-control-default.md', 'az keyvault show --name <vault-name>');
    expect(show.verdict).toBe('pass');
    // The reader's vault (the target's), not the one the page creates further down.
    expect(show.request?.url).not.toMatch(/testCreateTutorial/i);
    // The page's own vault is still created where the page creates it.
    expect(stepAt('access-control-default.md', 'az keyvault create --name "testCreateTutorial"').verdict).not.toBe('fail');
  });

  it('a cmdlet inside $x = ( … ).Id names what the page uses: the storage account is provided', () => {
    const get = stepAt('logging.md', '$storageresource = (Get-AzStorageAccount');
    expect(get.verdict).not.toBe('fail');
    const ps = run.report.tutorials.find((t) => t.file.endsWith('logging.md') && t.variant === 'tab=azurepowershell')!;
    expect(ps.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'storage-account' })]));
  });

  it('no step of either page fails', () => {
    expect(run.report.tutorials.flatMap((t) => t.steps).filter((s) => s.verdict === 'fail').map((s) => `${s.raw}: ${s.reason}`)).toEqual([]);
  });
});
