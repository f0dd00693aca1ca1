// The emulator's starting state. A run always starts from a scenario and never mutates it: each
// emulator instance deep-copies it into its own live state, so runs cannot see each other.
import { z } from 'zod';
import { GUID } from '../guid.ts';

/** Where in a tutorial the reader is told to create this (file:line), so the report can cite it. */
const Source = z.string().optional();

export const Guid = z.string().regex(GUID);

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
  containers: z.array(
    z.object({
      name: z.string(),
      blobs: z.array(ScenarioBlob),
      /** Anonymous read access: none, blobs only, or blobs and the container's listing (az's --public-access off|blob|container). */
      publicAccess: z.enum(['None', 'Blob', 'Container']).optional(), // 'None' when absent
      source: Source,
    }),
  ),
  /** "Secure transfer required", on by default for every account created today: plain http:// is refused. */
  supportsHttpsTrafficOnly: z.boolean().optional(), // true when absent
  /** Anonymous access allowed at all; off by default since November 2023, so no container can be public. */
  allowBlobPublicAccess: z.boolean().optional(), // false when absent
  source: Source,
});

export const ScenarioSecret = z.object({
  name: z.string(),
  value: z.string(),
  version: z.string().regex(/^[0-9a-f]{32}$/),
  contentType: z.string().optional(),
  enabled: z.boolean().default(true),
  created: z.number().int(), // unix seconds
  /** Last change of the version's attributes (unix seconds); `created` when absent. */
  updated: z.number().int().optional(),
  /** Not-before and expiry (unix seconds): informational, Key Vault still returns the value. */
  nbf: z.number().int().optional(),
  exp: z.number().int().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  source: Source,
});

/** A soft-deleted secret: every version, kept until purged or recovered. */
export const ScenarioDeletedSecret = z.object({
  name: z.string(),
  deletedDate: z.number().int(), // unix seconds
  versions: z.array(ScenarioSecret),
});

export const ScenarioKeyVault = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  enableRbacAuthorization: z.boolean(),
  // Access policies as the portal's "Secret Management" template grants them.
  accessPolicies: z.array(
    z.object({ objectId: Guid, secrets: z.array(z.enum(['all', 'get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge'])), source: Source }),
  ),
  recoveryLevel: z.string().default('Recoverable+Purgeable'),
  secrets: z.array(ScenarioSecret),
  deletedSecrets: z.array(ScenarioDeletedSecret).optional(),
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

/** An App Service plan (Microsoft.Web/serverfarms): its SKU name ("B1", "Y1", "EP1") and OS (`reserved`: Linux). */
export const ScenarioAppServicePlan = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  sku: z.string(),
  linux: z.boolean(),
  /** "app", "linux", "functionapp", "elastic": what the plan was created as. */
  kind: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  source: Source,
});

/** A web or function app (Microsoft.Web/sites) on a plan, with its app settings. */
export const ScenarioWebApp = z.object({
  name: z.string(),
  resourceGroup: z.string(),
  location: z.string(),
  /** "app", "app,linux", "functionapp", "functionapp,linux". */
  kind: z.string(),
  /** The plan's ARM id. */
  serverFarmId: z.string(),
  appSettings: z.record(z.string(), z.string()),
  /** App settings that stay with the slot on a swap (slotConfigNames). */
  slotSettingNames: z.array(z.string()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
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
  /** A user's sign-in name (Graph `userPrincipalName`); az resolves `--assignee user@domain` by it. */
  userPrincipalName: z.string().optional(),
  /** Microsoft Graph application permissions granted to a service principal (e.g. "Directory.Read.All"); users read the directory by default. */
  graphAppRoles: z.array(z.string()).optional(),
  clientSecret: z.string().optional(), // client-credentials secret, for the Entra token endpoint
  federatedIssuer: z.string().optional(), // accepted client-assertion issuer
  /** The federated credential's subject (e.g. "repo:org/repo:ref:refs/heads/main"); any subject when absent. */
  federatedSubject: z.string().optional(),
  /** Public keys (JWKS `keys`) that may sign this principal's client assertions (RS256/ES256). */
  assertionKeys: z.array(z.record(z.string(), z.unknown())).optional(),
  source: Source,
});

/**
 * How fast Azure's eventually consistent parts settle. The defaults are instant (a long-running
 * operation finishes on the first poll after Retry-After 1, a role assignment applies at once);
 * `realisticTiming` gives the values seen on Azure, so waiting logic and races can be tested.
 */
export const ScenarioTiming = z.object({
  /** Polls a long-running operation answers "in progress" (202 / InProgress) before it reports its result. */
  lroPolls: z.number().int().min(0).max(100),
  /** The Retry-After seconds on 202 answers. */
  retryAfterSeconds: z.number().int().min(0).max(3600),
  /** Seconds (emulator clock) before a new role assignment grants anything: RBAC propagation. */
  roleAssignmentDelaySeconds: z.number().min(0).max(3600),
});
export type ScenarioTiming = z.infer<typeof ScenarioTiming>;

export const Scenario = z.object({
  subscriptionId: Guid,
  /** The subscription's display name (az account show's `name`). */
  subscriptionName: z.string().optional(), // 'Tutorial Subscription' when absent
  tenantId: Guid,
  /** The directory's display name and default domain (ARM /tenants, Graph user names). */
  tenantDisplayName: z.string().optional(), // 'Tutorial Directory' when absent
  tenantDomain: z.string().optional(), // 'tutorialdirectory.onmicrosoft.com' when absent
  location: z.string(),
  resourceGroups: z.array(z.object({ name: z.string(), location: z.string(), tags: z.record(z.string(), z.string()).default({}), source: Source })),
  vm: ScenarioVm, // the VM the tutorials' curl commands run on (the one IMDS answers for)
  userAssignedIdentities: z.array(ScenarioUserAssignedIdentity),
  storageAccounts: z.array(ScenarioStorageAccount),
  keyVaults: z.array(ScenarioKeyVault),
  dataLakeStores: z.array(ScenarioDataLakeStore),
  /** App Service plans and apps (absent: none). */
  appServicePlans: z.array(ScenarioAppServicePlan).optional(),
  webApps: z.array(ScenarioWebApp).optional(),
  roleAssignments: z.array(ScenarioRoleAssignment),
  /**
   * Grants a page states (its portal steps, its prose) for a user-assigned identity its own commands
   * create: made when that identity is created (its principal id does not exist before).
   */
  identityGrants: z.array(z.object({ identity: z.string(), role: z.string(), scope: z.string(), source: Source })).optional(),
  principals: z.array(ScenarioPrincipal),
  /** The caller of `az` commands (the signed-in reader); must be one of `principals`. */
  cliPrincipal: z.string(),
  /** 2017 VM-extension endpoint on localhost:50342; off by default, as on a VM today. */
  legacyMsiEndpoint: z.boolean().default(false),
  timing: ScenarioTiming.partial().optional(), // each absent field is instant (INSTANT_TIMING, see timingOf)
  /** Placeholder key → value the reader would type, e.g. STORAGE_ACCOUNT → "mitutorialstorage". */
  values: z.record(z.string(), z.string()),
});
export type Scenario = z.infer<typeof Scenario>;

/**
 * `--realistic-timing`: Azure's pace. The Storage RP asks for Retry-After 17 on an account create
 * (azure-sdk-for-js arm-storage recordings); ARM's group delete 15; operations take several polls.
 * Role assignments "can take up to 10 minutes" to apply (learn.microsoft.com/azure/role-based-access-
 * control/troubleshooting); 30 s is a typical wait, short enough to run.
 */
export const INSTANT_TIMING: ScenarioTiming = { lroPolls: 1, retryAfterSeconds: 1, roleAssignmentDelaySeconds: 0 };

/** The scenario's timing with the instant defaults filled in. */
export function timingOf(s: Pick<Scenario, 'timing'>): ScenarioTiming {
  return { ...INSTANT_TIMING, ...s.timing };
}

/** The directory's names with their defaults. */
export function directoryOf(s: Pick<Scenario, 'subscriptionName' | 'tenantDisplayName' | 'tenantDomain'>): { subscriptionName: string; tenantDisplayName: string; tenantDomain: string } {
  return {
    subscriptionName: s.subscriptionName ?? 'Tutorial Subscription',
    tenantDisplayName: s.tenantDisplayName ?? 'Tutorial Directory',
    tenantDomain: s.tenantDomain ?? 'tutorialdirectory.onmicrosoft.com',
  };
}

export const REALISTIC_TIMING: ScenarioTiming = { lroPolls: 3, retryAfterSeconds: 15, roleAssignmentDelaySeconds: 30 };
