// Removes what provisioning recorded: role assignments first (they outlive nothing but are
// cheap to remove and keep the subscription's IAM list clean), then the run's resource groups,
// which takes everything inside them. Every deletion is attempted even when one fails, and the
// result says which ones failed so the run can report it and `sweep` can finish later.
import { ArmError, type ArmClient } from '../arm/client.ts';
import { API, type Ledger } from './provision.ts';

export interface TeardownResult {
  deleted: string[];
  failed: { id: string; error: string }[];
  /** Soft-deleted vaults that could not be purged: not left resources, but names reserved until Azure purges them. */
  warnings: string[];
}

export async function teardown(ledger: Ledger, deps: { arm: ArmClient; log?: (line: string) => void }): Promise<TeardownResult> {
  const result: TeardownResult = { deleted: [], failed: [], warnings: [] };
  const attempt = async (id: string, apiVersion: string): Promise<void> => {
    try {
      await deps.arm.delete(id, apiVersion);
      result.deleted.push(id);
      deps.log?.(`deleted ${id}`);
    } catch (err) {
      result.failed.push({ id, error: (err as Error).message });
    }
  };
  // Removing an assignment under a resource group that is about to go is still worth it: on Azure a
  // deleted scope can leave an orphaned assignment ("Identity not found") in the subscription's list.
  await Promise.all(ledger.roleAssignments.map((id) => attempt(id, API.roleAssignments)));
  // What a tutorial created in a group that is not the run's: that group stays, so its resources go one by one.
  await Promise.all(ledger.resources.map((r) => attempt(r.id, r.apiVersion)));
  await Promise.all(ledger.resourceGroups.map((id) => attempt(id, API.resourceGroups)));
  ledger.resources = ledger.resources.filter((r) => result.failed.some((f) => f.id === r.id));
  ledger.roleAssignments = ledger.roleAssignments.filter((id) => result.failed.some((f) => f.id === id));
  ledger.resourceGroups = ledger.resourceGroups.filter((id) => result.failed.some((f) => f.id === id));
  if (ledger.resourceGroups.length === 0 && ledger.resources.length === 0) {
    // Deleting a group soft-deletes its vaults; purge them so nothing of the run lingers.
    for (const v of ledger.keyVaults) {
      const path = `/subscriptions/${v.subscriptionId}/providers/Microsoft.KeyVault/locations/${v.location}/deletedVaults/${v.name}/purge`;
      try {
        await deps.arm.post(path, API.keyVault);
        deps.log?.(`purged key vault ${v.name}`);
      } catch (err) {
        if (err instanceof ArmError && err.status === 404) continue; // never created, or already purged
        result.warnings.push(`could not purge soft-deleted key vault ${v.name}: ${(err as Error).message}`);
      }
    }
    ledger.keyVaults = [];
  }
  return result;
}
