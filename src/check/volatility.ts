// Which values an example may legitimately show differently from a real response.
// Volatile values change on every call (tokens, times, request ids, etags); instance values are
// the reader's own (names, GUIDs of their resources, their secret). Both are compared by shape.

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
  ].map((k) => k.toLowerCase()),
);

export const VOLATILE_HEADERS = new Set(
  ['date', 'x-ms-request-id', 'x-ms-client-request-id', 'etag', 'last-modified', 'location', 'x-ms-creation-time', 'expires', 'content-md5', 'x-ms-version-id'],
);

export type ValueClass = 'volatile' | 'instance' | 'constant';

/** Classify by the last key on the path ("/keys/0/value" → "value"). */
export function classifyKey(path: readonly (string | number)[]): ValueClass {
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  if (last === undefined) return 'constant';
  const k = last.toLowerCase();
  if (VOLATILE_KEYS.has(k)) return 'volatile';
  if (INSTANCE_KEYS.has(k)) return 'instance';
  return 'constant';
}
