// Run-level regressions from the precision sweep of Key Vault pages (seed 1401, MicrosoftDocs/azure-security-docs
// @1c4310bed2b9), on byte-exact excerpts of the two pages (tests/lint/fixtures/real, README table):
// - access-control-default.md: "Check a single vault" (az keyvault show --name <vault-name> --resource-group
//   <resource-group>) was bound to the vault a later section creates (testCreateTutorial, in another group) and
//   failed 404 before it existed: a placeholder first used before the page creates anything of its role names
//   the reader's own;
// - managed-hsm/logging.md: $storageresource = (Get-AzStorageAccount -ResourceGroupName "<resource-group>"
//   -Name "<storage-account-name>").Id failed 404: the World did not read the cmdlet inside the group, so it
//   provided no account, though the PowerShell engine ran that cmdlet.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import type { Report } from '../../src/report/schema.ts';

const fixtures = join(import.meta.dirname, '..', 'lint', 'fixtures', 'real');
let target: Target & { close(): Promise<void> };
let dir: string;
let report: Report;
beforeAll(async () => {
  target = await startEmulatorTarget();
  dir = mkdtempSync(join(tmpdir(), 'tc-sweep-kv-'));
  copyFileSync(join(fixtures, 'kv-access-control-default.excerpt.md'), join(dir, 'access-control-default.md'));
  copyFileSync(join(fixtures, 'kv-managed-hsm-logging.excerpt.md'), join(dir, 'logging.md'));
  ({ report } = await runTutorials({ paths: [dir], targetInstance: target }));
}, 120_000);
afterAll(async () => {
  await target?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stepAt = (file: string, raw: string) => {
  const steps = report.tutorials.filter((t) => t.file.endsWith(file)).flatMap((t) => t.steps);
  const step = steps.find((s) => s.raw.startsWith(raw));
  if (!step) throw new Error(`${file} has no step ${raw}`);
  return step;
};

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
    const ps = report.tutorials.find((t) => t.file.endsWith('logging.md') && t.variant === 'tab=azurepowershell')!;
    expect(ps.assumptions).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'storage-account' })]));
  });

  it('no step of either page fails', () => {
    expect(report.tutorials.flatMap((t) => t.steps).filter((s) => s.verdict === 'fail').map((s) => `${s.raw}: ${s.reason}`)).toEqual([]);
  });
});
