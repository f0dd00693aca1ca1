// Which Azure RBAC permission a REST request needs, for the services the tutorials call. Each entry
// cites the permission the service documents for the operation:
//  - Blob storage: "Permissions for calling data operations", learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory
//    (Get Blob / Get Blob Properties / List Blobs: …/containers/blobs/read; Put Blob: …/blobs/write;
//    Delete Blob: …/blobs/delete; Create Container: …/blobServices/containers/write, an action).
//  - Key Vault secrets: learn.microsoft.com/azure/key-vault/general/rbac-guide and the data actions of
//    Microsoft.KeyVault (learn.microsoft.com/azure/role-based-access-control/permissions/security):
//    Get Secret: vaults/secrets/getSecret/action; Set Secret: vaults/secrets/setSecret/action;
//    Delete Secret: vaults/secrets/delete; Get Secrets (list) / Get Secret Versions: vaults/secrets/readMetadata/action.
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
    return { kind: 'action', name: `${ns}/${types.join('/')}/${action}/action`, doing: `calling ${action}` };
  }
  if (!suffix || types.length === 0) return undefined;
  return { kind: 'action', name: `${ns}/${types.join('/')}/${suffix}`, doing: `${verb} ${ns}/${types.join('/')}` };
}
