// The Azure RBAC permission each data-plane operation needs with a Microsoft Entra token, by service,
// as each service documents it:
//  - Blob, Queue, Table and File storage: "Permissions for calling data operations",
//    learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory (2025-03-27).
//    Alternatives are kept as documented: Put Message needs messages/add/action OR messages/write; Get
//    Messages messages/process/action OR (messages/delete AND messages/read); Insert Entity entities/write
//    OR entities/add/action; every File operation needs files/read|write AND
//    fileServices/readFileBackupSemantics|writeFileBackupSemantics/action (so the SMB share roles, which
//    lack the latter, cannot call the REST API: Storage File Data Privileged Reader/Contributor can).
//    Create Container / Create Queue / Create Table are actions (…/containers/write, …/queues/write,
//    …/tables/write), not data actions: Contributor's "*" holds them.
//  - Data Lake Storage (dfs endpoint): the blob data actions (learn.microsoft.com/azure/storage/blobs/
//    data-lake-storage-access-control-model, "Role-based access control"): read, write, delete of a path,
//    rename blobs/move/action, setting ACLs blobs/modifyPermissions/action and the owner
//    blobs/manageOwnership/action (permissions/storage: Microsoft.Storage data actions). ACLs are checked
//    only when no role grants the action, so callers stay silent when the page sets ACLs.
//  - Key Vault: learn.microsoft.com/azure/key-vault/general/rbac-guide and the Microsoft.KeyVault data
//    actions (permissions/security): secrets getSecret/setSecret/readMetadata/update/delete/backup/restore;
//    keys read/create/import/delete/update/backup/restore/rotate and encrypt|decrypt|sign|verify|wrap|unwrap
//    /action; certificates read/create/import/delete/update.
//  - App Configuration: learn.microsoft.com/azure/azure-app-configuration/concept-enable-rbac and its REST
//    "Azure AD authorization" (rest-api-authorization-azure-ad): reading key-values, keys, labels and
//    revisions needs …/configurationStores/keyValues/read, PUT of a key-value or a lock keyValues/write,
//    DELETE keyValues/delete.
//  - Service Bus and Event Hubs: learn.microsoft.com/azure/service-bus-messaging/authenticate-application
//    and event-hubs/authorize-access-azure-active-directory: sending needs …/messages/send/action,
//    receiving …/messages/receive/action (Microsoft.ServiceBus or Microsoft.EventHub). Both services
//    share the host *.servicebus.windows.net, so a REST call there accepts either namespace's action.
//  - Azure Cosmos DB (NoSQL): its data plane is authorized by Cosmos DB's own role definitions
//    (Cosmos DB Built-in Data Reader/Contributor, assigned with az cosmosdb sql role assignment create),
//    never by Azure RBAC role assignments (learn.microsoft.com/azure/cosmos-db/nosql/security/
//    how-to-grant-data-plane-role-based-access): the need names …/readMetadata, which no Azure built-in
//    role grants as a data action.
import type { Need } from './rbac.ts';

export interface RequestNeed extends Need {
  /** What the request does, in words ("reading a blob"). */
  doing: string;
}

export const BLOB = 'Microsoft.Storage/storageAccounts/blobServices/containers';
const QUEUE = 'Microsoft.Storage/storageAccounts/queueServices/queues';
const TABLE = 'Microsoft.Storage/storageAccounts/tableServices/tables';
const FILES = 'Microsoft.Storage/storageAccounts/fileServices';
export const KV = 'Microsoft.KeyVault/vaults';
const APPCONFIG = 'Microsoft.AppConfiguration/configurationStores/keyValues';
export const COSMOS_METADATA = 'Microsoft.DocumentDB/databaseAccounts/readMetadata';

const data = (name: string, doing: string, anyOf?: string[][]): RequestNeed => ({ kind: 'dataAction', name, doing, ...(anyOf ? { anyOf } : {}) });
const action = (name: string, doing: string): RequestNeed => ({ kind: 'action', name, doing });

/** The storage and service data operations, by what they do: one place for REST, az and SDK calls. */
export const NEEDS = {
  blobRead: data(`${BLOB}/blobs/read`, 'reading a blob'),
  blobList: data(`${BLOB}/blobs/read`, 'listing blobs'),
  blobWrite: data(`${BLOB}/blobs/write`, 'writing a blob', [[`${BLOB}/blobs/write`], [`${BLOB}/blobs/add/action`]]),
  blobUpdate: data(`${BLOB}/blobs/write`, "changing a blob's properties"),
  blobDelete: data(`${BLOB}/blobs/delete`, 'deleting a blob'),
  blobTagsWrite: data(`${BLOB}/blobs/tags/write`, "setting a blob's tags"),
  containerCreate: action(`${BLOB}/write`, 'creating a container'),
  containerList: action(`${BLOB}/read`, 'listing containers'),
  pathMove: data(`${BLOB}/blobs/move/action`, 'renaming a path'),
  aclSet: data(`${BLOB}/blobs/modifyPermissions/action`, "setting a path's ACL"),
  queueCreate: action(`${QUEUE}/write`, 'creating a queue'),
  queueList: action(`${QUEUE}/read`, 'listing queues'),
  messagePut: data(`${QUEUE}/messages/add/action`, 'adding a queue message', [[`${QUEUE}/messages/add/action`], [`${QUEUE}/messages/write`]]),
  messageGet: data(`${QUEUE}/messages/process/action`, 'receiving (dequeuing) queue messages', [[`${QUEUE}/messages/process/action`], [`${QUEUE}/messages/delete`, `${QUEUE}/messages/read`]]),
  messagePeek: data(`${QUEUE}/messages/read`, 'peeking at queue messages'),
  messageDelete: data(`${QUEUE}/messages/process/action`, 'deleting a queue message', [[`${QUEUE}/messages/process/action`], [`${QUEUE}/messages/delete`]]),
  messageClear: data(`${QUEUE}/messages/delete`, 'clearing a queue'),
  messageUpdate: data(`${QUEUE}/messages/write`, 'updating a queue message'),
  tableCreate: action(`${TABLE}/write`, 'creating a table'),
  tableList: action(`${TABLE}/read`, 'listing tables'),
  entityRead: data(`${TABLE}/entities/read`, 'querying table entities'),
  entityInsert: data(`${TABLE}/entities/add/action`, 'inserting a table entity', [[`${TABLE}/entities/write`], [`${TABLE}/entities/add/action`]]),
  entityUpsert: data(`${TABLE}/entities/write`, 'inserting or replacing a table entity', [[`${TABLE}/entities/write`], [`${TABLE}/entities/add/action`, `${TABLE}/entities/update/action`]]),
  entityUpdate: data(`${TABLE}/entities/update/action`, 'updating a table entity', [[`${TABLE}/entities/write`], [`${TABLE}/entities/update/action`]]),
  entityDelete: data(`${TABLE}/entities/delete`, 'deleting a table entity'),
  fileRead: data(`${FILES}/fileShares/files/read`, 'reading a file share', [[`${FILES}/fileShares/files/read`, `${FILES}/readFileBackupSemantics/action`]]),
  fileWrite: data(`${FILES}/fileShares/files/write`, 'writing to a file share', [[`${FILES}/fileShares/files/write`, `${FILES}/writeFileBackupSemantics/action`]]),
  secretGet: data(`${KV}/secrets/getSecret/action`, "reading a secret's value"),
  secretSet: data(`${KV}/secrets/setSecret/action`, 'setting a secret'),
  secretList: data(`${KV}/secrets/readMetadata/action`, 'listing secrets'),
  secretUpdate: data(`${KV}/secrets/update/action`, "updating a secret's attributes"),
  secretDelete: data(`${KV}/secrets/delete`, 'deleting a secret'),
  secretBackup: data(`${KV}/secrets/backup/action`, 'backing up a secret'),
  secretRestore: data(`${KV}/secrets/restore/action`, 'restoring a secret'),
  keyRead: data(`${KV}/keys/read`, 'reading a key'),
  keyCreate: data(`${KV}/keys/create/action`, 'creating a key'),
  keyImport: data(`${KV}/keys/import/action`, 'importing a key'),
  keyDelete: data(`${KV}/keys/delete`, 'deleting a key'),
  keyUpdate: data(`${KV}/keys/update/action`, "updating a key's attributes"),
  keyBackup: data(`${KV}/keys/backup/action`, 'backing up a key'),
  keyRestore: data(`${KV}/keys/restore/action`, 'restoring a key'),
  keyRotate: data(`${KV}/keys/rotate/action`, 'rotating a key'),
  certRead: data(`${KV}/certificates/read`, 'reading a certificate'),
  certCreate: data(`${KV}/certificates/create/action`, 'creating a certificate'),
  certImport: data(`${KV}/certificates/import/action`, 'importing a certificate'),
  certDelete: data(`${KV}/certificates/delete`, 'deleting a certificate'),
  certUpdate: data(`${KV}/certificates/update/action`, "updating a certificate's attributes"),
  configRead: data(`${APPCONFIG}/read`, 'reading App Configuration key-values'),
  configWrite: data(`${APPCONFIG}/write`, 'writing an App Configuration key-value'),
  configDelete: data(`${APPCONFIG}/delete`, 'deleting an App Configuration key-value'),
  busSend: data('Microsoft.ServiceBus/namespaces/messages/send/action', 'sending a message', [['Microsoft.ServiceBus/namespaces/messages/send/action'], ['Microsoft.EventHub/namespaces/messages/send/action']]),
  busReceive: data('Microsoft.ServiceBus/namespaces/messages/receive/action', 'receiving messages', [['Microsoft.ServiceBus/namespaces/messages/receive/action'], ['Microsoft.EventHub/namespaces/messages/receive/action']]),
  serviceBusSend: data('Microsoft.ServiceBus/namespaces/messages/send/action', 'sending a Service Bus message'),
  serviceBusReceive: data('Microsoft.ServiceBus/namespaces/messages/receive/action', 'receiving Service Bus messages'),
  eventHubSend: data('Microsoft.EventHub/namespaces/messages/send/action', 'sending events to an event hub'),
  eventHubReceive: data('Microsoft.EventHub/namespaces/messages/receive/action', 'receiving events from an event hub'),
  cosmosData: data(COSMOS_METADATA, 'reading or writing Azure Cosmos DB data'),
} satisfies Record<string, RequestNeed>;

const KEY_OPS: Record<string, RequestNeed> = {
  encrypt: data(`${KV}/keys/encrypt/action`, 'encrypting with a key'),
  decrypt: data(`${KV}/keys/decrypt/action`, 'decrypting with a key'),
  sign: data(`${KV}/keys/sign/action`, 'signing with a key'),
  verify: data(`${KV}/keys/verify/action`, 'verifying with a key'),
  wrapkey: data(`${KV}/keys/wrap/action`, 'wrapping a key'),
  unwrapkey: data(`${KV}/keys/unwrap/action`, 'unwrapping a key'),
};

/**
 * The data-plane permission `method` on a storage, Key Vault, App Configuration, Service Bus / Event
 * Hubs or Cosmos DB endpoint needs, or undefined (not such a host, or an operation not modelled).
 */
export function dataPlaneNeed(method: string, host: string, segments: readonly string[], query: string, headers: ReadonlyMap<string, string> = new Map()): RequestNeed | undefined {
  const verb = method.toUpperCase();
  const seg = segments.map((s) => s.toLowerCase());
  const service = /^.+?\.(blob|dfs|queue|table|file)\.(?:core\.windows\.net|storage\.azure\.net)$/.exec(host)?.[1];
  if (service === 'blob') return blobNeed(verb, seg, query);
  if (service === 'dfs') return dfsNeed(verb, seg, query, headers);
  if (service === 'queue') {
    if (seg.length === 0) return /comp=list/.test(query) ? NEEDS.queueList : undefined;
    if (seg.length === 1) return verb === 'PUT' ? NEEDS.queueCreate : undefined;
    if (seg[1] !== 'messages') return undefined;
    if (verb === 'POST') return NEEDS.messagePut;
    if (verb === 'GET') return /peekonly=true/.test(query) ? NEEDS.messagePeek : NEEDS.messageGet;
    if (verb === 'DELETE') return seg.length > 2 ? NEEDS.messageDelete : NEEDS.messageClear;
    if (verb === 'PUT') return NEEDS.messageUpdate;
    return undefined;
  }
  if (service === 'table') {
    const first = seg[0] ?? '';
    if (/^tables(?:\(|$)/.test(first)) return verb === 'POST' ? NEEDS.tableCreate : verb === 'GET' ? NEEDS.tableList : undefined;
    if (!first) return undefined;
    if (verb === 'GET') return NEEDS.entityRead;
    if (verb === 'POST') return NEEDS.entityInsert;
    if (verb === 'PUT' || verb === 'MERGE' || verb === 'PATCH') return headers.has('if-match') ? NEEDS.entityUpdate : NEEDS.entityUpsert;
    if (verb === 'DELETE') return NEEDS.entityDelete;
    return undefined;
  }
  if (service === 'file') {
    // OAuth on the File REST API is accepted only with x-ms-file-request-intent: backup; below the share.
    if (seg.length < 2 || /restype=share/.test(query)) return undefined;
    if (verb === 'GET' || verb === 'HEAD') return NEEDS.fileRead;
    if (verb === 'PUT' || verb === 'DELETE') return NEEDS.fileWrite;
    return undefined;
  }
  if (/\.vault\.azure\.net$/.test(host)) return keyVaultNeed(verb, seg);
  if (/\.azconfig\.io$/.test(host)) {
    const what = seg[0] ?? '';
    if (verb === 'GET' || verb === 'HEAD') return ['kv', 'keys', 'labels', 'revisions'].includes(what) ? NEEDS.configRead : undefined;
    if (verb === 'PUT' && (what === 'kv' || what === 'locks')) return NEEDS.configWrite;
    if (verb === 'DELETE' && what === 'kv') return NEEDS.configDelete;
    if (verb === 'DELETE' && what === 'locks') return NEEDS.configWrite;
    return undefined;
  }
  if (/\.servicebus\.windows\.net$/.test(host)) {
    const at = seg.indexOf('messages');
    if (at < 1) return undefined;
    if (verb === 'POST' && at === seg.length - 1) return NEEDS.busSend;
    if ((verb === 'POST' || verb === 'DELETE') && seg[at + 1] === 'head') return NEEDS.busReceive;
    return undefined;
  }
  if (/\.documents\.azure\.com$/.test(host) && seg[0] === 'dbs') return NEEDS.cosmosData;
  return undefined;
}

function blobNeed(verb: string, seg: readonly string[], query: string): RequestNeed | undefined {
  if (seg.length === 0) return /comp=list/.test(query) ? NEEDS.containerList : undefined;
  const isContainer = seg.length === 1 || /restype=container/.test(query);
  if (isContainer && /comp=list/.test(query)) return NEEDS.blobList;
  if (isContainer && verb === 'PUT' && !/comp=/.test(query)) return NEEDS.containerCreate;
  if (isContainer) return undefined;
  if (/comp=tags/.test(query)) return verb === 'PUT' ? NEEDS.blobTagsWrite : data(`${BLOB}/blobs/tags/read`, "reading a blob's tags");
  if (verb === 'GET' || verb === 'HEAD') return NEEDS.blobRead;
  if (verb === 'PUT') return /comp=(?:properties|metadata|tier|lease)/.test(query) ? NEEDS.blobUpdate : NEEDS.blobWrite;
  if (verb === 'DELETE') return NEEDS.blobDelete;
  return undefined;
}

/** Data Lake Storage (Path and Filesystem operations of the dfs endpoint). */
function dfsNeed(verb: string, seg: readonly string[], query: string, headers: ReadonlyMap<string, string>): RequestNeed | undefined {
  if (seg.length === 0) return undefined;
  if (seg.length === 1 && /resource=filesystem/.test(query)) return verb === 'PUT' ? NEEDS.containerCreate : verb === 'GET' ? NEEDS.blobList : undefined;
  if (/action=setaccesscontrol/.test(query)) return NEEDS.aclSet;
  if (verb === 'GET' || verb === 'HEAD') return NEEDS.blobRead;
  if (verb === 'PUT') return headers.has('x-ms-rename-source') ? NEEDS.pathMove : NEEDS.blobWrite;
  if (verb === 'PATCH') return NEEDS.blobWrite; // append, flush
  if (verb === 'DELETE') return NEEDS.blobDelete;
  return undefined;
}

function keyVaultNeed(verb: string, seg: readonly string[]): RequestNeed | undefined {
  const [what, name, third, fourth] = seg;
  if (what === 'secrets') {
    if (!name || third === 'versions') return verb === 'GET' ? NEEDS.secretList : undefined;
    if (name === 'restore') return verb === 'POST' ? NEEDS.secretRestore : undefined;
    if (third === 'backup') return verb === 'POST' ? NEEDS.secretBackup : undefined;
    if (verb === 'GET') return NEEDS.secretGet;
    if (verb === 'PUT') return NEEDS.secretSet;
    if (verb === 'PATCH') return NEEDS.secretUpdate;
    if (verb === 'DELETE') return NEEDS.secretDelete;
    return undefined;
  }
  if (what === 'keys') {
    if (!name || third === 'versions') return verb === 'GET' ? data(`${KV}/keys/read`, 'listing keys') : undefined;
    if (name === 'restore') return verb === 'POST' ? NEEDS.keyRestore : undefined;
    if (verb === 'POST') {
      if (third === 'create') return NEEDS.keyCreate;
      if (third === 'backup') return NEEDS.keyBackup;
      if (third === 'rotate') return NEEDS.keyRotate;
      const op = KEY_OPS[fourth ?? ''] ?? KEY_OPS[third ?? ''];
      return op;
    }
    if (verb === 'GET') return NEEDS.keyRead;
    if (verb === 'PUT') return NEEDS.keyImport;
    if (verb === 'PATCH') return NEEDS.keyUpdate;
    if (verb === 'DELETE') return NEEDS.keyDelete;
    return undefined;
  }
  if (what === 'certificates') {
    if (!name || third === 'versions') return verb === 'GET' ? data(`${KV}/certificates/read`, 'listing certificates') : undefined;
    if (verb === 'POST') return third === 'create' ? NEEDS.certCreate : third === 'import' ? NEEDS.certImport : undefined;
    if (verb === 'GET') return NEEDS.certRead;
    if (verb === 'PATCH') return NEEDS.certUpdate;
    if (verb === 'DELETE') return NEEDS.certDelete;
    return undefined;
  }
  return undefined;
}
