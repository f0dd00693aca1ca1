// Regression: the World read every `--account-name <x>` as a storage account, so a page's Cosmos DB,
// Batch or Automation account placeholder was bound (and pre-created) as a storage account.
// --account-name names a storage account only in az storage commands.
import { describe, expect, it } from 'vitest';
import { roleAtPosition } from '../../src/world/positions.ts';

const roleOf = (command: string, placeholder: string) => roleAtPosition(command, command.indexOf(placeholder), placeholder)?.role;

describe('account-name-outside-storage', () => {
  it('az storage … --account-name is a storage account', () => {
    expect(roleOf('az storage container create --name docs --account-name <storage-account>', '<storage-account>')).toBe('storage-account');
    expect(roleOf('az storage account keys list --account-name <name> -g rg', '<name>')).toBe('storage-account');
  });
  it('az cosmosdb, batch and automation --account-name is that service\'s account, not a storage account', () => {
    expect(roleOf('az cosmosdb sql database create --account-name <cosmos-account> --name db -g rg', '<cosmos-account>')).not.toBe('storage-account');
    expect(roleOf('az batch pool list --account-name <batch-account>', '<batch-account>')).not.toBe('storage-account');
    expect(roleOf('az automation runbook create --automation-account-name x --account-name <account> -g rg', '<account>')).not.toBe('storage-account');
  });
});
