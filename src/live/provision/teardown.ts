// Removes what provisioning recorded: role assignments first (they outlive nothing but are
// cheap to remove and keep the subscription's IAM list clean), then the run's resource groups,
// which takes everything inside them. Every deletion is attempted even when one fails, and the
// result says which ones failed so the run can report it and `sweep` can finish later.
import type { ArmClient } from '../arm/client.ts';
import { API, type Ledger } from './provision.ts';

export interface TeardownResult {
  deleted: string[];
  failed: { id: string; error: string }[];
}

export async function teardown(ledger: Ledger, deps: { arm: ArmClient; log?: (line: string) => void }): Promise<TeardownResult> {
  const result: TeardownResult = { deleted: [], failed: [] };
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
  await Promise.all(ledger.resourceGroups.map((id) => attempt(id, API.resourceGroups)));
  ledger.roleAssignments = ledger.roleAssignments.filter((id) => result.failed.some((f) => f.id === id));
  ledger.resourceGroups = ledger.resourceGroups.filter((id) => result.failed.some((f) => f.id === id));
  return result;
}
