// Which Azure RBAC permission a REST request needs, for the services the tutorials call. Each entry
// cites the permission the service documents for the operation:
//  - Blob storage: "Permissions for calling data operations", learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory
//    (Get Blob / Get Blob Properties / List Blobs: …/containers/blobs/read; Put Blob: …/blobs/write;
//    Delete Blob: …/blobs/delete; Create Container: …/blobServices/containers/write, an action).
//  - Key Vault secrets: learn.microsoft.com/azure/key-vault/general/rbac-guide and the data actions of
//    Microsoft.KeyVault (learn.microsoft.com/azure/role-based-access-control/permissions/security):
//    Get Secret: vaults/secrets/getSecret/action; Set Secret: vaults/secrets/setSecret/action;
//    Delete Secret: vaults/secrets/delete; Get Secrets (list) / Get Secret Versions: vaults/secrets/readMetadata/action.
//  - Key Vault keys and certificates: the Microsoft.KeyVault data actions
//    (learn.microsoft.com/azure/role-based-access-control/permissions/security#microsoftkeyvault):
//    vaults/keys/read (get, list), keys/create/action, keys/import/action, keys/delete,
//    keys/{encrypt,decrypt,sign,verify,wrap,unwrap,backup,restore,rotate,update}/action;
//    vaults/certificates/read, certificates/create/action, certificates/import/action, certificates/delete.
//  - Queue storage (same page as Blob): Put Message: …/queues/messages/add/action; Peek/Get Messages:
//    …/queues/messages/read; Delete Message: …/queues/messages/delete.
//  - Azure CLI data-plane commands: az keyvault secret|key|certificate … always call the vault with a
//    Microsoft Entra token; az storage blob|message … do so only with --auth-mode login (else they use
//    the account key, which RBAC data roles do not govern) (MicrosoftDocs/azure-docs-cli,
//    docs-ref-autogen/Latest-version/latest/storage/blob.yml, --auth-mode).
//  - Data Lake Storage Gen2: its ACLs are checked after RBAC and only when no role grants the data
//    action (learn.microsoft.com/azure/storage/blobs/data-lake-storage-access-control-model); a role
//    that grants it decides alone. The what-if judges the RBAC part: a denial by RBAC is not final
//    when the page sets ACLs (the caller may still pass them), so it stays silent then.
//  - Resource Manager: the operation naming convention of resource provider operations
//    (learn.microsoft.com/azure/role-based-access-control/resource-provider-operations):
//    {Namespace}/{type}[/{child type}…]/{read|write|delete}, POST …/{name}/action;
//    resource groups are Microsoft.Resources/subscriptions/resourceGroups/….
import type { Need } from './rbac.ts';

export interface RequestNeed extends Need {
  /** What the request does, in words ("reading a blob"). */
  doing: string;
}

const BLOB = 'Microsoft.Storage/storageAccounts/blobServices/containers';

/** The permission `method url` needs with a Microsoft Entra token, or undefined when not modelled. */
export function requestNeed(method: string, url: string): RequestNeed | undefined {
  const m = /^https?:\/\/([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase();
  const segments = m[2]!.split('/').filter(Boolean);
  const query = (m[3] ?? '').toLowerCase();
  const verb = method.toUpperCase();
  if (/\.blob\.core\.windows\.net$|\.blob\.storage\.azure\.net$/.test(host) || host.startsWith('<') && /\.blob\./.test(host)) {
    const isContainer = segments.length === 1 || /restype=container/.test(query);
    if (isContainer && /comp=list/.test(query)) return { kind: 'dataAction', name: `${BLOB}/blobs/read`, doing: 'listing blobs' };
    if (isContainer && verb === 'PUT') return { kind: 'action', name: `${BLOB}/write`, doing: 'creating a container' };
    if (segments.length < 2) return undefined;
    if (verb === 'GET' || verb === 'HEAD') return { kind: 'dataAction', name: `${BLOB}/blobs/read`, doing: 'reading a blob' };
    if (verb === 'PUT') return { kind: 'dataAction', name: `${BLOB}/blobs/write`, doing: 'writing a blob' };
    if (verb === 'DELETE') return { kind: 'dataAction', name: `${BLOB}/blobs/delete`, doing: 'deleting a blob' };
    return undefined;
  }
  if (/\.vault\.azure\.net$/.test(host) && segments[0]?.toLowerCase() === 'secrets') {
    const kv = 'Microsoft.KeyVault/vaults/secrets';
    if (segments.length === 1 || segments[2]?.toLowerCase() === 'versions') return verb === 'GET' ? { kind: 'dataAction', name: `${kv}/readMetadata/action`, doing: 'listing secrets' } : undefined;
    if (verb === 'GET') return { kind: 'dataAction', name: `${kv}/getSecret/action`, doing: "reading a secret's value" };
    if (verb === 'PUT') return { kind: 'dataAction', name: `${kv}/setSecret/action`, doing: 'setting a secret' };
    if (verb === 'DELETE') return { kind: 'dataAction', name: `${kv}/delete`, doing: 'deleting a secret' };
    return undefined;
  }
  if (host === 'management.azure.com') return armNeed(verb, segments);
  return undefined;
}

function armNeed(verb: string, segments: string[]): RequestNeed | undefined {
  const lower = segments.map((s) => s.toLowerCase());
  const p = lower.lastIndexOf('providers');
  const suffix = verb === 'GET' ? 'read' : verb === 'PUT' || verb === 'PATCH' ? 'write' : verb === 'DELETE' ? 'delete' : undefined;
  if (p < 0) {
    // /subscriptions/{id}/resourceGroups/{name}
    if (lower[0] === 'subscriptions' && lower[2] === 'resourcegroups' && segments.length === 4 && suffix) {
      return { kind: 'action', name: `Microsoft.Resources/subscriptions/resourceGroups/${suffix}`, doing: `${suffix === 'read' ? 'reading' : suffix === 'write' ? 'writing' : 'deleting'} a resource group` };
    }
    return undefined;
  }
  const ns = segments[p + 1];
  if (!ns) return undefined;
  const rest = segments.slice(p + 2);
  const types: string[] = [];
  for (let i = 0; i < rest.length; i += 2) types.push(rest[i]!);
  if (verb === 'POST') {
    // …/{type}/{name}/{action}: the odd segment is the action name
    if (rest.length % 2 === 0) return undefined;
    const action = types.pop()!;
    // a provider-level action (POST /providers/Microsoft.Authorization/elevateAccess) has no type
    return { kind: 'action', name: `${[ns, ...types, action].join('/')}/action`, doing: `calling ${action}` };
  }
  if (!suffix || types.length === 0) return undefined;
  return { kind: 'action', name: `${ns}/${types.join('/')}/${suffix}`, doing: `${verb} ${ns}/${types.join('/')}` };
}

const KV = 'Microsoft.KeyVault/vaults';
const STORAGE = 'Microsoft.Storage/storageAccounts';

/** az data-plane commands (path after `az`) → the data action they need; `what` says what the request does. */
const AZ_DATA: Record<string, { name: string; doing: string }> = {
  'keyvault secret set': { name: `${KV}/secrets/setSecret/action`, doing: 'setting a secret' },
  'keyvault secret show': { name: `${KV}/secrets/getSecret/action`, doing: "reading a secret's value" },
  'keyvault secret download': { name: `${KV}/secrets/getSecret/action`, doing: "reading a secret's value" },
  'keyvault secret list': { name: `${KV}/secrets/readMetadata/action`, doing: 'listing secrets' },
  'keyvault secret list-versions': { name: `${KV}/secrets/readMetadata/action`, doing: "listing a secret's versions" },
  'keyvault secret delete': { name: `${KV}/secrets/delete`, doing: 'deleting a secret' },
  'keyvault key create': { name: `${KV}/keys/create/action`, doing: 'creating a key' },
  'keyvault key import': { name: `${KV}/keys/import/action`, doing: 'importing a key' },
  'keyvault key show': { name: `${KV}/keys/read`, doing: 'reading a key' },
  'keyvault key list': { name: `${KV}/keys/read`, doing: 'listing keys' },
  'keyvault key list-versions': { name: `${KV}/keys/read`, doing: "listing a key's versions" },
  'keyvault key delete': { name: `${KV}/keys/delete`, doing: 'deleting a key' },
  'keyvault key encrypt': { name: `${KV}/keys/encrypt/action`, doing: 'encrypting with a key' },
  'keyvault key decrypt': { name: `${KV}/keys/decrypt/action`, doing: 'decrypting with a key' },
  'keyvault key sign': { name: `${KV}/keys/sign/action`, doing: 'signing with a key' },
  'keyvault key verify': { name: `${KV}/keys/verify/action`, doing: 'verifying with a key' },
  'keyvault key rotate': { name: `${KV}/keys/rotate/action`, doing: 'rotating a key' },
  'keyvault key backup': { name: `${KV}/keys/backup/action`, doing: 'backing up a key' },
  'keyvault certificate create': { name: `${KV}/certificates/create/action`, doing: 'creating a certificate' },
  'keyvault certificate import': { name: `${KV}/certificates/import/action`, doing: 'importing a certificate' },
  'keyvault certificate show': { name: `${KV}/certificates/read`, doing: 'reading a certificate' },
  'keyvault certificate list': { name: `${KV}/certificates/read`, doing: 'listing certificates' },
  'keyvault certificate delete': { name: `${KV}/certificates/delete`, doing: 'deleting a certificate' },
  'storage blob upload': { name: `${BLOB}/blobs/write`, doing: 'writing a blob' },
  'storage blob upload-batch': { name: `${BLOB}/blobs/write`, doing: 'writing blobs' },
  'storage blob download': { name: `${BLOB}/blobs/read`, doing: 'reading a blob' },
  'storage blob download-batch': { name: `${BLOB}/blobs/read`, doing: 'reading blobs' },
  'storage blob show': { name: `${BLOB}/blobs/read`, doing: "reading a blob's properties" },
  'storage blob list': { name: `${BLOB}/blobs/read`, doing: 'listing blobs' },
  'storage blob exists': { name: `${BLOB}/blobs/read`, doing: 'reading a blob' },
  'storage blob delete': { name: `${BLOB}/blobs/delete`, doing: 'deleting a blob' },
  'storage message put': { name: `${STORAGE}/queueServices/queues/messages/add/action`, doing: 'adding a queue message' },
  'storage message peek': { name: `${STORAGE}/queueServices/queues/messages/read`, doing: 'peeking at queue messages' },
  'storage message get': { name: `${STORAGE}/queueServices/queues/messages/read`, doing: 'reading queue messages' },
};

export interface AzNeed extends RequestNeed {
  /** Which service's resource the command reaches: a vault (--vault-name) or a storage account (--account-name). */
  service: 'vault' | 'storage-account';
}

/** The data action an az data-plane command needs with a Microsoft Entra token, or undefined (not modelled, or not a token call). */
export function azNeed(path: readonly string[], authModeLogin: boolean): AzNeed | undefined {
  const key = path.join(' ');
  const entry = AZ_DATA[key];
  if (!entry) return undefined;
  const service = path[0] === 'keyvault' ? 'vault' : 'storage-account';
  if (service === 'storage-account' && !authModeLogin) return undefined;
  return { kind: 'dataAction', name: entry.name, doing: entry.doing, service };
}

const AUTHZ = 'Microsoft.Authorization';

/**
 * az commands that write or delete Microsoft.Authorization resources, the operation each sends
 * (azure-cli src/azure-cli/azure/cli/command_modules/role/custom.py: create_role_assignment →
 * RoleAssignments.create, create_role_definition → RoleDefinitions.create_or_update; resource/custom.py:
 * create_lock → ManagementLocks.create_or_update_at_*_level, delete_lock → delete_at_*), named by the
 * resource provider operation convention above.
 */
const AZ_AUTHZ: Record<string, { name: string; doing: string }> = {
  'role assignment create': { name: `${AUTHZ}/roleAssignments/write`, doing: 'creating a role assignment' },
  'role assignment update': { name: `${AUTHZ}/roleAssignments/write`, doing: 'updating a role assignment' },
  'role assignment delete': { name: `${AUTHZ}/roleAssignments/delete`, doing: 'deleting a role assignment' },
  'role definition create': { name: `${AUTHZ}/roleDefinitions/write`, doing: 'creating a custom role' },
  'role definition update': { name: `${AUTHZ}/roleDefinitions/write`, doing: 'updating a custom role' },
  'role definition delete': { name: `${AUTHZ}/roleDefinitions/delete`, doing: 'deleting a custom role' },
  'lock create': { name: `${AUTHZ}/locks/write`, doing: 'creating a management lock' },
  'lock update': { name: `${AUTHZ}/locks/write`, doing: 'updating a management lock' },
  'lock delete': { name: `${AUTHZ}/locks/delete`, doing: 'deleting a management lock' },
};

/**
 * The Microsoft.Authorization action an az command needs, or undefined. `has(flag)` says whether the
 * command line gives an option: `az ad sp create-for-rbac` assigns a role only with --role ("By default,
 * this command does not assign any role": MicrosoftDocs/azure-docs-cli ad/sp.yml), `az … identity
 * assign` only with --scope.
 */
export function azAuthorizationNeed(path: readonly string[], has: (flag: string) => boolean): RequestNeed | undefined {
  // `az group lock create`, `az resource lock delete`, `az account lock update` are the same operations at another level.
  const key = path.join(' ').replace(/^(?:group|resource|account) lock /, 'lock ');
  const entry = AZ_AUTHZ[key];
  if (entry) return { kind: 'action', ...entry };
  const assigns = { kind: 'action' as const, name: `${AUTHZ}/roleAssignments/write`, doing: 'assigning a role' };
  if (key === 'ad sp create-for-rbac' && has('--role')) return assigns;
  if (path.at(-2) === 'identity' && path.at(-1) === 'assign' && has('--scope')) return assigns;
  return undefined;
}
