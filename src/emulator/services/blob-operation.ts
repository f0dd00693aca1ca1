// Which Blob operation a request is, and what each authorization scheme needs for it: the RBAC
// (data) action, the SAS permission letters, the account-SAS resource type. Operations outside this
// table are answered "not emulated" rather than forwarded unchecked.

const BLOB_PREFIX = 'Microsoft.Storage/storageAccounts/blobServices/containers';

export type BlobOperationName =
  | 'GetUserDelegationKey'
  | 'GetServiceProperties'
  | 'SetServiceProperties'
  | 'ListContainers'
  | 'CreateContainer'
  | 'DeleteContainer'
  | 'GetContainerProperties'
  | 'ListBlobs'
  | 'GetBlob'
  | 'GetBlobProperties'
  | 'PutBlob'
  | 'PutBlock'
  | 'PutBlockList'
  | 'GetBlockList'
  | 'SetBlobMetadata'
  | 'SetBlobProperties'
  | 'DeleteBlob';

export interface BlobOperation {
  name: BlobOperationName;
  container?: string;
  blob?: string;
  /** Account-SAS `srt` letter: s(ervice), c(ontainer), o(bject). */
  resourceType: 's' | 'c' | 'o';
  /** RBAC: a control-plane action (container management) or a data action (blob contents). */
  rbac: { kind: 'action' | 'dataAction'; name: string };
  /** SAS: any one of these permission letters suffices. */
  sasPermissions: readonly string[];
  /** Whether a service SAS (sr=c/b) can authorize it at all. */
  serviceSasAllowed: boolean;
  /** Writes that need a Content-Length. */
  needsLength: boolean;
}

type Spec = Omit<BlobOperation, 'container' | 'blob'>;

const action = (name: string) => ({ kind: 'action' as const, name: `${BLOB_PREFIX}/${name}` });
const serviceAction = (name: string) => ({ kind: 'action' as const, name: `Microsoft.Storage/storageAccounts/blobServices/${name}` });
const dataAction = (name: string) => ({ kind: 'dataAction' as const, name: `${BLOB_PREFIX}/blobs/${name}` });

const SPECS: Record<BlobOperationName, Spec> = {
  // Entra ID only: no SAS can ask for a delegation key (learn.microsoft.com/rest/api/storageservices/get-user-delegation-key).
  GetUserDelegationKey: { name: 'GetUserDelegationKey', resourceType: 's', rbac: serviceAction('generateUserDelegationKey/action'), sasPermissions: [], serviceSasAllowed: false, needsLength: true },
  GetServiceProperties: { name: 'GetServiceProperties', resourceType: 's', rbac: serviceAction('read'), sasPermissions: ['r'], serviceSasAllowed: false, needsLength: false },
  SetServiceProperties: { name: 'SetServiceProperties', resourceType: 's', rbac: serviceAction('write'), sasPermissions: ['w'], serviceSasAllowed: false, needsLength: true },
  ListContainers: { name: 'ListContainers', resourceType: 's', rbac: action('read'), sasPermissions: ['l'], serviceSasAllowed: false, needsLength: false },
  CreateContainer: { name: 'CreateContainer', resourceType: 'c', rbac: action('write'), sasPermissions: ['c', 'w'], serviceSasAllowed: false, needsLength: true },
  DeleteContainer: { name: 'DeleteContainer', resourceType: 'c', rbac: action('delete'), sasPermissions: ['d'], serviceSasAllowed: false, needsLength: false },
  GetContainerProperties: { name: 'GetContainerProperties', resourceType: 'c', rbac: action('read'), sasPermissions: ['r'], serviceSasAllowed: true, needsLength: false },
  ListBlobs: { name: 'ListBlobs', resourceType: 'c', rbac: dataAction('read'), sasPermissions: ['l'], serviceSasAllowed: true, needsLength: false },
  GetBlob: { name: 'GetBlob', resourceType: 'o', rbac: dataAction('read'), sasPermissions: ['r'], serviceSasAllowed: true, needsLength: false },
  GetBlobProperties: { name: 'GetBlobProperties', resourceType: 'o', rbac: dataAction('read'), sasPermissions: ['r'], serviceSasAllowed: true, needsLength: false },
  PutBlob: { name: 'PutBlob', resourceType: 'o', rbac: dataAction('write'), sasPermissions: ['w', 'c'], serviceSasAllowed: true, needsLength: true },
  PutBlock: { name: 'PutBlock', resourceType: 'o', rbac: dataAction('write'), sasPermissions: ['w'], serviceSasAllowed: true, needsLength: true },
  PutBlockList: { name: 'PutBlockList', resourceType: 'o', rbac: dataAction('write'), sasPermissions: ['w', 'c'], serviceSasAllowed: true, needsLength: true },
  GetBlockList: { name: 'GetBlockList', resourceType: 'o', rbac: dataAction('read'), sasPermissions: ['r'], serviceSasAllowed: true, needsLength: false },
  SetBlobMetadata: { name: 'SetBlobMetadata', resourceType: 'o', rbac: dataAction('write'), sasPermissions: ['w'], serviceSasAllowed: true, needsLength: true },
  SetBlobProperties: { name: 'SetBlobProperties', resourceType: 'o', rbac: dataAction('write'), sasPermissions: ['w'], serviceSasAllowed: true, needsLength: true },
  DeleteBlob: { name: 'DeleteBlob', resourceType: 'o', rbac: dataAction('delete'), sasPermissions: ['d'], serviceSasAllowed: true, needsLength: false },
};

function pick(name: BlobOperationName, container?: string, blob?: string): BlobOperation {
  const op: BlobOperation = { ...SPECS[name] };
  if (container !== undefined) op.container = container;
  if (blob !== undefined) op.blob = blob;
  return op;
}

/** The value of a query name in a raw query, or null; cheaper than URLSearchParams on the hot path. */
function rawParam(search: string, name: string): string | null {
  for (const part of search.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key === name) return eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
  }
  return null;
}

/** Classify by method, path and the `restype`/`comp` query; undefined when not modelled. */
export function classifyBlobOperation(method: string, url: URL): BlobOperation | undefined {
  const segments = url.pathname.split('/').slice(1);
  const container = segments[0] ? decodeURIComponent(segments[0]) : undefined;
  const blobPath = segments.slice(1).join('/');
  const blob = blobPath !== '' ? decodeURIComponent(blobPath) : undefined;
  const restype = rawParam(url.search, 'restype');
  const comp = rawParam(url.search, 'comp');
  const m = method.toUpperCase();
  if (container === undefined) {
    if (m === 'GET' && comp === 'list') return pick('ListContainers');
    if (restype !== 'service') return undefined;
    if (m === 'POST' && comp === 'userdelegationkey') return pick('GetUserDelegationKey');
    if (m === 'GET' && comp === 'properties') return pick('GetServiceProperties');
    if (m === 'PUT' && comp === 'properties') return pick('SetServiceProperties');
    return undefined;
  }
  if (blob === undefined) {
    if (restype !== 'container') return undefined;
    if (m === 'PUT' && comp === null) return pick('CreateContainer', container);
    if (m === 'DELETE' && comp === null) return pick('DeleteContainer', container);
    if ((m === 'GET' || m === 'HEAD') && comp === null) return pick('GetContainerProperties', container);
    if (m === 'GET' && comp === 'list') return pick('ListBlobs', container);
    return undefined;
  }
  if (m === 'GET' && comp === null) return pick('GetBlob', container, blob);
  if (m === 'HEAD' && comp === null) return pick('GetBlobProperties', container, blob);
  if (m === 'PUT' && comp === null) return pick('PutBlob', container, blob);
  if (m === 'PUT' && comp === 'block') return pick('PutBlock', container, blob);
  if (m === 'PUT' && comp === 'blocklist') return pick('PutBlockList', container, blob);
  if (m === 'GET' && comp === 'blocklist') return pick('GetBlockList', container, blob);
  if (m === 'PUT' && comp === 'metadata') return pick('SetBlobMetadata', container, blob);
  if (m === 'PUT' && comp === 'properties') return pick('SetBlobProperties', container, blob);
  if (m === 'DELETE' && comp === null) return pick('DeleteBlob', container, blob);
  return undefined;
}
