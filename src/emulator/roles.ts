// Built-in Azure role definitions the tutorials use, with their real GUIDs and permission lists
// (learn.microsoft.com/azure/role-based-access-control/built-in-roles). A role's permissions decide
// every ARM and data-plane check in the emulator, so the lists are Azure's, not simplified ones.

export interface RoleDefinition {
  /** The role definition GUID: the same in every subscription for built-in roles. */
  id: string;
  roleName: string;
  description: string;
  actions: readonly string[];
  notActions: readonly string[];
  dataActions: readonly string[];
  notDataActions: readonly string[];
}

/** The management-plane actions every Key Vault data role carries (read the vault, its group, deployments). */
const KEY_VAULT_READ_ACTIONS = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Support/*',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
  'Microsoft.KeyVault/operations/read',
];

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  {
    id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
    roleName: 'Owner',
    description: 'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
    actions: ['*'],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  {
    id: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
    roleName: 'Contributor',
    description:
      'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
      'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action',
    ],
    dataActions: [],
    notDataActions: [],
  },
  {
    id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
    roleName: 'Reader',
    description: 'View all resources, but does not allow you to make any changes.',
    actions: ['*/read'],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  {
    id: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
    roleName: 'Storage Blob Data Reader',
    description: 'Allows for read access to Azure Storage blob containers and data',
    actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/read', 'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'],
    notActions: [],
    dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'],
    notDataActions: [],
  },
  {
    id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe',
    roleName: 'Storage Blob Data Contributor',
    description: 'Allows for read, write and delete access to Azure Storage blob containers and data',
    actions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/delete',
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/write',
      'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action',
    ],
    notActions: [],
    dataActions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action',
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action',
    ],
    notDataActions: [],
  },
  {
    id: '17d1049b-9a84-46fb-8f53-869881c3d3ab',
    roleName: 'Storage Account Contributor',
    description: 'Lets you manage storage accounts, including accessing storage account keys which provide full access to storage account data.',
    actions: [
      'Microsoft.Authorization/*/read',
      'Microsoft.Insights/alertRules/*',
      'Microsoft.Insights/diagnosticSettings/*',
      'Microsoft.Network/virtualNetworks/subnets/joinViaServiceEndpoint/action',
      'Microsoft.ResourceHealth/availabilityStatuses/read',
      'Microsoft.Resources/deployments/*',
      'Microsoft.Resources/subscriptions/resourceGroups/read',
      'Microsoft.Storage/storageAccounts/*',
      'Microsoft.Support/*',
    ],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  {
    id: '81a9662b-bebf-436f-a333-f67b29880f12',
    roleName: 'Storage Account Key Operator Service Role',
    description: 'Storage Account Key Operators are allowed to list and regenerate keys on Storage Accounts',
    actions: ['Microsoft.Storage/storageAccounts/listkeys/action', 'Microsoft.Storage/storageAccounts/regeneratekey/action'],
    notActions: [],
    dataActions: [],
    notDataActions: [],
  },
  {
    id: '4633458b-17de-408a-b874-0445c86b69e6',
    roleName: 'Key Vault Secrets User',
    description: "Read secret contents. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    actions: [],
    notActions: [],
    dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
    notDataActions: [],
  },
  {
    id: '21090545-7ca7-4776-b22c-e363652d74d2',
    roleName: 'Key Vault Reader',
    description: "Read metadata of key vaults and its certificates, keys, and secrets. Cannot read sensitive values such as secret contents or key material. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    actions: [...KEY_VAULT_READ_ACTIONS],
    notActions: [],
    dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'],
    notDataActions: [],
  },
  // The data roles pages grant to the reader who creates an RBAC vault (az's default since 2.61.0).
  {
    id: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
    roleName: 'Key Vault Secrets Officer',
    description: "Perform any action on the secrets of a key vault, except manage permissions. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    actions: [...KEY_VAULT_READ_ACTIONS],
    notActions: [],
    dataActions: ['Microsoft.KeyVault/vaults/secrets/*'],
    notDataActions: [],
  },
  {
    id: '00482a5a-887f-4fb3-b363-3b7fe8e74483',
    roleName: 'Key Vault Administrator',
    description: "Perform all data plane operations on a key vault and all objects in it, including certificates, keys, and secrets. Cannot manage key vault resources or manage role assignments. Only works for key vaults that use the 'Azure role-based access control' permission model.",
    actions: [...KEY_VAULT_READ_ACTIONS],
    notActions: [],
    dataActions: ['Microsoft.KeyVault/vaults/*'],
    notDataActions: [],
  },
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Find a built-in role by name ("Reader", case-insensitive as the CLI resolves it), by GUID, or by a
 * full role definition id (`/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>`).
 */
export function findRole(ref: string): RoleDefinition | undefined {
  const trimmed = ref.trim();
  const last = trimmed.split('/').filter(Boolean).pop() ?? '';
  if (GUID.test(last)) return BUILT_IN_ROLES.find((r) => r.id === last.toLowerCase());
  const name = trimmed.toLowerCase();
  return BUILT_IN_ROLES.find((r) => r.roleName.toLowerCase() === name);
}

/** The ARM id of a role definition as seen from a subscription. */
export function roleDefinitionResourceId(subscriptionId: string, role: RoleDefinition): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${role.id}`;
}
