// The ARM operations the live target's provisioning, teardown and sweep need beyond what the
// tutorials call themselves, registered with the ARM service as one list.
import { keyVaultRoutes } from './key-vaults.ts';
import { resourceGroupLifecycleRoutes } from './resource-group-lifecycle.ts';
import { roleAssignmentDeleteRoutes } from './role-assignment-delete.ts';
import type { ArmRoute } from './route.ts';
import { storageAccountCreateRoutes } from './storage-account-create.ts';

export const provisioningRoutes: readonly ArmRoute[] = [...resourceGroupLifecycleRoutes, ...storageAccountCreateRoutes, ...keyVaultRoutes, ...roleAssignmentDeleteRoutes];
