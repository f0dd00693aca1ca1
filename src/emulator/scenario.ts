// The emulator's starting state. A run always starts from a scenario and never mutates it: each
// emulator instance deep-copies it into its own live state, so runs cannot see each other.
import { z } from 'zod';

/** Where in a tutorial the reader is told to create this (file:line), so the report can cite it. */
const Source = z.string().optional();

export const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const ScenarioIdentity = z.object({
  principalId: Guid, // object id: token `oid`/`sub`, RBAC principal
  clientId: Guid, // app id: token `appid`, IMDS `client_id`
});

export const ScenarioUserAssignedIdentity = ScenarioIdentity.extend({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  source: Source,
});

export const ScenarioVm = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  systemAssigned: ScenarioIdentity.nullable(),
  userAssigned: z.array(z.string()), // names of user-assigned identities attached at start
  source: Source,
});

export const ScenarioBlob = z.object({
  name: z.string(),
  content: z.string(),
  contentType: z.string().default('text/plain'),
  source: Source,
});

export const ScenarioStorageAccount = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  kind: z.string().default('StorageV2'),
  keys: z.tuple([z.string(), z.string()]), // base64 account keys key1, key2
  containers: z.array(z.object({ name: z.string(), blobs: z.array(ScenarioBlob), source: Source })),
  source: Source,
});

export const ScenarioSecret = z.object({
  name: z.string(),
  value: z.string(),
  version: z.string().regex(/^[0-9a-f]{32}$/),
  contentType: z.string().optional(),
  enabled: z.boolean().default(true),
  created: z.number().int(), // unix seconds
  source: Source,
});

export const ScenarioKeyVault = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  enableRbacAuthorization: z.boolean(),
  // Access policies as the portal's "Secret Management" template grants them.
  accessPolicies: z.array(
    z.object({ objectId: Guid, secrets: z.array(z.enum(['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge'])), source: Source }),
  ),
  recoveryLevel: z.string().default('Recoverable+Purgeable'),
  secrets: z.array(ScenarioSecret),
  source: Source,
});

export const ScenarioAclEntry = z.object({
  principalId: Guid,
  permissions: z.string().regex(/^[r-][w-][x-]$/),
  default: z.boolean().default(false), // a default entry, inherited by new children
});

export const ScenarioDataLakeEntry = z.object({
  path: z.string(), // absolute, "/" for the root, "/TestFolder"
  type: z.enum(['DIRECTORY', 'FILE']),
  content: z.string().optional(),
  owner: Guid,
  group: Guid,
  permission: z.string().regex(/^[0-7]{3}$/),
  acl: z.array(ScenarioAclEntry),
  source: Source,
});

export const ScenarioDataLakeStore = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  entries: z.array(ScenarioDataLakeEntry),
  source: Source,
});

export const ScenarioRoleAssignment = z.object({
  principalId: Guid,
  role: z.string(), // built-in role name ("Reader") or role definition GUID
  scope: z.string(), // ARM resource id
  /** The assignment's GUID (its ARM `name`); assigned by the emulator when absent. */
  name: Guid.optional(),
  principalType: z.enum(['User', 'Group', 'ServicePrincipal']).optional(),
  source: Source,
});

/** Someone who is not a managed identity: the reader running `az`, or a service principal for the live path's tests. */
export const ScenarioPrincipal = ScenarioIdentity.extend({
  displayName: z.string(),
  kind: z.enum(['User', 'ServicePrincipal']),
  clientSecret: z.string().optional(), // client-credentials secret, for the Entra token endpoint
  federatedIssuer: z.string().optional(), // accepted client-assertion issuer
  /** The federated credential's subject (e.g. "repo:org/repo:ref:refs/heads/main"); any subject when absent. */
  federatedSubject: z.string().optional(),
  /** Public keys (JWKS `keys`) that may sign this principal's client assertions (RS256/ES256). */
  assertionKeys: z.array(z.record(z.string(), z.unknown())).optional(),
  source: Source,
});

export const Scenario = z.object({
  subscriptionId: Guid,
  tenantId: Guid,
  location: z.string(),
  resourceGroups: z.array(z.object({ name: z.string(), location: z.string(), tags: z.record(z.string(), z.string()).default({}), source: Source })),
  vm: ScenarioVm, // the VM the tutorials' curl commands run on (the one IMDS answers for)
  userAssignedIdentities: z.array(ScenarioUserAssignedIdentity),
  storageAccounts: z.array(ScenarioStorageAccount),
  keyVaults: z.array(ScenarioKeyVault),
  dataLakeStores: z.array(ScenarioDataLakeStore),
  roleAssignments: z.array(ScenarioRoleAssignment),
  principals: z.array(ScenarioPrincipal),
  /** The caller of `az` commands (the signed-in reader); must be one of `principals`. */
  cliPrincipal: z.string(),
  /** 2017 VM-extension endpoint on localhost:50342; off by default, as on a VM today. */
  legacyMsiEndpoint: z.boolean().default(false),
  /** Placeholder key → value the reader would type, e.g. STORAGE_ACCOUNT → "mitutorialstorage". */
  values: z.record(z.string(), z.string()),
});
export type Scenario = z.infer<typeof Scenario>;
