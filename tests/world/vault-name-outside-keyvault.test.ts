// Regression: the World read every `--vault-name <x>` as a key vault, so Azure Backup pages (az backup …
// --vault-name {vaultname}, a Recovery Services vault) were told "the page assumes the key vault … exists"
// (tests/fresh/articles/backup/*.md). --vault-name names a key vault only in az keyvault and az sf (the az
// reference: az backup, site-recovery and dataprotection take it for their own vaults).
import { describe, expect, it } from 'vitest';
import { roleAtPosition } from '../../src/world/positions.ts';
import { ruleFindings } from '../lint/helpers.ts';

const roleOf = (command: string, placeholder: string) => roleAtPosition(command, command.indexOf(placeholder), placeholder)?.role;

describe('vault-name-outside-keyvault', () => {
  it('az keyvault … and az sf … --vault-name is a key vault', () => {
    expect(roleOf('az keyvault secret show --vault-name <vault-name> --name s', '<vault-name>')).toBe('vault');
    expect(roleOf('az sf cluster certificate add -g rg -c c --vault-name <kv-name> --secret-identifier x', '<kv-name>')).toBe('vault');
  });
  it('az backup, site-recovery and dataprotection --vault-name is their own vault, not a key vault', () => {
    expect(roleOf('az backup item show -c vm -n vm --vault-name <vault-name> -g rg', '<vault-name>')).not.toBe('vault');
    expect(roleOf('az site-recovery fabric list --vault-name <vault> -g rg', '<vault>')).not.toBe('vault');
    expect(roleOf('az dataprotection backup-instance list --vault-name <vault> -g rg', '<vault>')).not.toBe('vault');
  });
  it('tutorial-restore-disk.md: page-assumes-resource names the resource group only, not a "key vault myRecoveryServicesVault"', () => {
    const hits = ruleFindings('page-assumes-resource', 'tests/fresh/articles/backup/tutorial-restore-disk.md');
    expect(hits.map((h) => h.message).join('\n')).not.toMatch(/key vault/);
  });
});
