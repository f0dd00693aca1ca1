// Which Azure RBAC permission a request needs. Data-plane operations (storage, Key Vault, App
// Configuration, Service Bus / Event Hubs, Cosmos DB) by each service's documented permission live in
// data-actions.ts (sources there); this module reads a request's URL and adds:
//  - Resource Manager: the operation naming convention of resource provider operations
//    (learn.microsoft.com/azure/role-based-access-control/resource-provider-operations):
//    {Namespace}/{type}[/{child type}…]/{read|write|delete}, POST …/{name}/action;
//    resource groups are Microsoft.Resources/subscriptions/resourceGroups/….
//  - Azure CLI data-plane commands: az keyvault secret|key|certificate … always call the vault with a
//    Microsoft Entra token; az storage blob|container|message|queue|entity|table|file|directory|fs … and
//    az appconfig kv … do so only with --auth-mode login (else they use the account key or connection
//    string, which RBAC data roles do not govern) (MicrosoftDocs/azure-docs-cli,
//    docs-ref-autogen/Latest-version/latest/storage/blob.yml, appconfig/kv.yml: --auth-mode); az storage
//    file|directory with a token also need --enable-file-backup-request-intent (storage/file.yml).
import { BLOB, KV, NEEDS, dataPlaneNeed, type RequestNeed } from './data-actions.ts';

export type { RequestNeed } from './data-actions.ts';

/** The permission `method url` needs with a Microsoft Entra token, or undefined when not modelled. */
export function requestNeed(method: string, url: string, headers?: ReadonlyMap<string, string>): RequestNeed | undefined {
  const m = /^https?:\/\/([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(url);
  if (!m) return undefined;
  const host = m[1]!.toLowerCase();
  const segments = m[2]!.split('/').filter(Boolean);
  const query = (m[3] ?? '').toLowerCase();
  if (host === 'management.azure.com') return armNeed(method.toUpperCase(), segments);
  return dataPlaneNeed(method, host, segments, query, headers);
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

export type AzService = 'vault' | 'storage-account' | 'app-configuration';

/** az data-plane commands (path after `az`) → the permission they need, by the operation each calls. */
const AZ_DATA: Record<string, RequestNeed> = {
  'keyvault secret set': NEEDS.secretSet,
  'keyvault secret show': NEEDS.secretGet,
  'keyvault secret download': NEEDS.secretGet,
  'keyvault secret list': NEEDS.secretList,
  'keyvault secret list-versions': { ...NEEDS.secretList, doing: "listing a secret's versions" },
  'keyvault secret set-attributes': NEEDS.secretUpdate,
  'keyvault secret delete': NEEDS.secretDelete,
  'keyvault secret backup': NEEDS.secretBackup,
  'keyvault secret restore': NEEDS.secretRestore,
  'keyvault key create': NEEDS.keyCreate,
  'keyvault key import': NEEDS.keyImport,
  'keyvault key show': NEEDS.keyRead,
  'keyvault key download': NEEDS.keyRead,
  'keyvault key list': { ...NEEDS.keyRead, doing: 'listing keys' },
  'keyvault key list-versions': { ...NEEDS.keyRead, doing: "listing a key's versions" },
  'keyvault key set-attributes': NEEDS.keyUpdate,
  'keyvault key delete': NEEDS.keyDelete,
  'keyvault key encrypt': { kind: 'dataAction', name: `${KV}/keys/encrypt/action`, doing: 'encrypting with a key' },
  'keyvault key decrypt': { kind: 'dataAction', name: `${KV}/keys/decrypt/action`, doing: 'decrypting with a key' },
  'keyvault key sign': { kind: 'dataAction', name: `${KV}/keys/sign/action`, doing: 'signing with a key' },
  'keyvault key verify': { kind: 'dataAction', name: `${KV}/keys/verify/action`, doing: 'verifying with a key' },
  'keyvault key rotate': NEEDS.keyRotate,
  'keyvault key backup': NEEDS.keyBackup,
  'keyvault key restore': NEEDS.keyRestore,
  'keyvault certificate create': NEEDS.certCreate,
  'keyvault certificate import': NEEDS.certImport,
  'keyvault certificate show': NEEDS.certRead,
  'keyvault certificate download': NEEDS.certRead,
  'keyvault certificate list': { ...NEEDS.certRead, doing: 'listing certificates' },
  'keyvault certificate list-versions': { ...NEEDS.certRead, doing: "listing a certificate's versions" },
  'keyvault certificate set-attributes': NEEDS.certUpdate,
  'keyvault certificate delete': NEEDS.certDelete,
  'storage blob upload': NEEDS.blobWrite,
  'storage blob upload-batch': { ...NEEDS.blobWrite, doing: 'writing blobs' },
  'storage blob download': NEEDS.blobRead,
  'storage blob download-batch': { ...NEEDS.blobRead, doing: 'reading blobs' },
  'storage blob show': { ...NEEDS.blobRead, doing: "reading a blob's properties" },
  'storage blob list': NEEDS.blobList,
  'storage blob exists': NEEDS.blobRead,
  'storage blob delete': NEEDS.blobDelete,
  'storage blob set-tier': NEEDS.blobUpdate,
  'storage blob metadata update': NEEDS.blobUpdate,
  'storage blob tag set': NEEDS.blobTagsWrite,
  'storage container create': NEEDS.containerCreate,
  'storage container list': NEEDS.containerList,
  'storage container delete': { kind: 'action', name: `${BLOB}/delete`, doing: 'deleting a container' },
  'storage fs create': { ...NEEDS.containerCreate, doing: 'creating a file system' },
  'storage fs list': { ...NEEDS.containerList, doing: 'listing file systems' },
  'storage fs directory create': { ...NEEDS.blobWrite, doing: 'creating a directory' },
  'storage fs directory delete': { ...NEEDS.blobDelete, doing: 'deleting a directory' },
  'storage fs directory move': NEEDS.pathMove,
  'storage fs file create': { ...NEEDS.blobWrite, doing: 'creating a file' },
  'storage fs file upload': { ...NEEDS.blobWrite, doing: 'uploading a file' },
  'storage fs file download': { ...NEEDS.blobRead, doing: 'downloading a file' },
  'storage fs file show': { ...NEEDS.blobRead, doing: "reading a file's properties" },
  'storage fs file list': { ...NEEDS.blobList, doing: 'listing paths' },
  'storage fs file delete': { ...NEEDS.blobDelete, doing: 'deleting a file' },
  'storage fs file move': NEEDS.pathMove,
  'storage fs access set': NEEDS.aclSet,
  'storage fs access set-recursive': NEEDS.aclSet,
  'storage fs access update-recursive': NEEDS.aclSet,
  'storage queue create': NEEDS.queueCreate,
  'storage queue list': NEEDS.queueList,
  'storage queue delete': { kind: 'action', name: 'Microsoft.Storage/storageAccounts/queueServices/queues/delete', doing: 'deleting a queue' },
  'storage message put': NEEDS.messagePut,
  'storage message get': NEEDS.messageGet,
  'storage message peek': NEEDS.messagePeek,
  'storage message delete': NEEDS.messageDelete,
  'storage message clear': NEEDS.messageClear,
  'storage message update': NEEDS.messageUpdate,
  'storage table create': NEEDS.tableCreate,
  'storage table list': NEEDS.tableList,
  'storage entity insert': NEEDS.entityInsert,
  'storage entity show': NEEDS.entityRead,
  'storage entity query': NEEDS.entityRead,
  'storage entity merge': NEEDS.entityUpdate,
  'storage entity replace': NEEDS.entityUpdate,
  'storage entity delete': NEEDS.entityDelete,
  'storage file upload': NEEDS.fileWrite,
  'storage file download': NEEDS.fileRead,
  'storage file show': NEEDS.fileRead,
  'storage file list': NEEDS.fileRead,
  'storage file delete': NEEDS.fileWrite,
  'storage directory create': NEEDS.fileWrite,
  'storage directory delete': NEEDS.fileWrite,
  'appconfig kv set': NEEDS.configWrite,
  'appconfig kv set-keyvault': NEEDS.configWrite,
  'appconfig kv import': NEEDS.configWrite,
  'appconfig kv lock': NEEDS.configWrite,
  'appconfig kv unlock': NEEDS.configWrite,
  'appconfig kv show': NEEDS.configRead,
  'appconfig kv list': NEEDS.configRead,
  'appconfig kv export': NEEDS.configRead,
  'appconfig kv delete': NEEDS.configDelete,
};

/** How a page and a message name each service an az data-plane command reaches. */
export const AZ_SERVICES: Record<AzService, { what: string; namespace: string; denied: string; creates: string }> = {
  vault: { what: 'vault', namespace: 'microsoft.keyvault', denied: 'ForbiddenByRbac', creates: 'keyvault create' },
  'storage-account': { what: 'storage account', namespace: 'microsoft.storage', denied: 'AuthorizationPermissionMismatch', creates: 'storage account create' },
  'app-configuration': { what: 'App Configuration store', namespace: 'microsoft.appconfiguration', denied: 'Forbidden', creates: 'appconfig create' },
};

export interface AzNeed extends RequestNeed {
  /** Which service's resource the command reaches: a vault (--vault-name), a storage account (--account-name), an App Configuration store (--name, --endpoint). */
  service: AzService;
}

/** The permission an az data-plane command needs with a Microsoft Entra token, or undefined (not modelled, or not a token call). */
export function azNeed(path: readonly string[], authModeLogin: boolean): AzNeed | undefined {
  const entry = AZ_DATA[path.join(' ')];
  if (!entry) return undefined;
  const service: AzService = path[0] === 'keyvault' ? 'vault' : path[0] === 'appconfig' ? 'app-configuration' : 'storage-account';
  // Storage and App Configuration commands use the account key / connection string unless --auth-mode login.
  if (service !== 'vault' && !authModeLogin) return undefined;
  return { ...entry, service };
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
