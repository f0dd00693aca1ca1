// Which values an example may legitimately show differently from a real response, decided by what
// they are. Volatile values change on every call: tokens, times, request ids, etags. Instance values
// are the reader's own: names and GUIDs of their resources, their secret, their VM's id, IP and MAC
// addresses and other per-machine metadata, the tags on their resources. Both are compared by shape.
// A value is classified by its key first; a value under a key that says nothing is classified by what
// it looks like (a GUID, an ISO time, an IP or MAC address, a JWT, an ETag) — never a plain word, so a
// literal the page asks the reader to create (a name, a blob's content) still compares exactly.

const VOLATILE_KEYS = new Set(
  [
    'access_token', 'refresh_token', 'expires_in', 'expires_on', 'ext_expires_in', 'not_before',
    'etag', 'lastModified', 'last_modified', 'date', 'created', 'updated', 'creationTime', 'createdOn', 'updatedOn',
    'accessTime', 'modificationTime', 'request_id', 'client_request_id', 'version', 'version_id', 'versionId',
    'serviceSasToken', 'lastAccessedOn', 'completionTime', 'msExpirationTime',
  ].map((k) => k.toLowerCase()),
);

const INSTANCE_KEYS = new Set(
  [
    'id', 'name', 'location', 'clientId', 'principalId', 'tenantId', 'resourceGroup', 'owner', 'group', 'pathSuffix',
    'scope', 'roleDefinitionId', 'client_id', 'object_id', 'msi_res_id', 'clientSecretUrl', 'value', 'container',
    'createdBy', 'updatedBy', 'kid', 'principalType',
    // Per-machine metadata (IMDS instance, VM resources).
    'vmId', 'vmScaleSetName', 'computerName', 'macAddress', 'privateIpAddress', 'publicIpAddress', 'ipAddress',
    'subnet', 'networkInterfaces', 'osDisk', 'diskId', 'placementGroupId', 'platformFaultDomain', 'platformUpdateDomain',
    'objectId', 'subscriptionId', 'userPrincipalName', 'appId',
  ].map((k) => k.toLowerCase()),
);

export const VOLATILE_HEADERS = new Set(
  ['date', 'x-ms-request-id', 'x-ms-client-request-id', 'etag', 'last-modified', 'location', 'x-ms-creation-time', 'expires', 'content-md5', 'x-ms-version-id'],
);

export type ValueClass = 'volatile' | 'instance' | 'constant';

/** Classify by the last key on the path ("/keys/0/value" → "value"); anything under `tags` is the reader's own. */
export function classifyKey(path: readonly (string | number)[]): ValueClass {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (last === undefined) return 'constant';
  const k = last.toLowerCase();
  if (VOLATILE_KEYS.has(k)) return 'volatile';
  if (INSTANCE_KEYS.has(k)) return 'instance';
  if (path.slice(0, -1).some((p) => typeof p === 'string' && p.toLowerCase() === 'tags')) return 'instance';
  return 'constant';
}

const GUID = /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const IPV4 = /^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^(?=.*:.*:)[0-9a-f:]{2,39}$/i;
const MAC = /^[0-9a-f]{2}(?:[-:]?[0-9a-f]{2}){5}$/i;
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;
const ETAG = /^(?:W\/)?"?0x[0-9A-F]{8,}"?$/;

/** What a value is, by its key, else by its meaning (a GUID, a time, an address, a token, an ETag). */
export function classifyValue(path: readonly (string | number)[], example: unknown): ValueClass {
  const byKey = classifyKey(path);
  if (byKey !== 'constant' || typeof example !== 'string') return byKey;
  if (ISO_TIME.test(example) || JWT.test(example) || ETAG.test(example)) return 'volatile';
  if (GUID.test(example) || IPV4.test(example) || IPV6.test(example) || MAC.test(example)) return 'instance';
  return 'constant';
}
