// Which REST operation (or which az command whose printed output is compared) a request is, so the
// contract layer can pick the operation's schema. ARM matches paths case-insensitively and accepts a
// trailing "/" (specs/README.md, "Case and trailing slashes"); so does this table.
import type { AzStep, Step } from '../model.ts';

export const REST_OPERATIONS = [
  'imds.token',
  'msi-legacy.token',
  'arm.resourceGroups.get',
  'arm.storage.listKeys',
  'arm.storage.listServiceSas',
  'arm.identity.createOrUpdate',
  'arm.identity.get',
  'arm.vm.get',
  'arm.vm.update',
  'arm.roleAssignments.create',
  'arm.roleDefinitions.list',
  'kv.secrets.get',
  'blob.get',
  'blob.put',
  'adls.liststatus',
  'adls.create',
  'adls.other',
] as const;

export const AZ_OPERATIONS = [
  'az.identity.create',
  'az.vm.identity.assign',
  'az.role.assignment.create',
  'az.storage.blob.upload',
  'az.storage.blob.download',
] as const;

export type RestOperationId = (typeof REST_OPERATIONS)[number];
export type AzOperationId = (typeof AZ_OPERATIONS)[number];
export type OperationId = RestOperationId | AzOperationId;

interface Route {
  id: RestOperationId;
  method: string | RegExp;
  host: RegExp;
  path: RegExp;
  query?: (q: URLSearchParams) => boolean;
}

const ARM = /^management\.azure\.com$/i;
const SUB_RG = String.raw`/subscriptions/[^/]+/resourcegroups/[^/]+`;
const SCOPE = String.raw`(?:/subscriptions/[^/]+(?:/resourcegroups/[^/]+(?:/providers/[^/]+/[^/]+/[^/]+(?:/[^/]+/[^/]+)*)?)?)`;

const ROUTES: readonly Route[] = [
  { id: 'imds.token', method: 'GET', host: /^169\.254\.169\.254$/, path: /^\/metadata\/identity\/oauth2\/token\/?$/i },
  { id: 'msi-legacy.token', method: /^(GET|POST)$/, host: /^(localhost|127\.0\.0\.1)$/i, path: /^\/oauth2\/token\/?$/i },
  { id: 'arm.resourceGroups.get', method: 'GET', host: ARM, path: new RegExp(`^${SUB_RG}/?$`, 'i') },
  { id: 'arm.storage.listKeys', method: 'POST', host: ARM, path: new RegExp(`^${SUB_RG}/providers/Microsoft\\.Storage/storageAccounts/[^/]+/listKeys/?$`, 'i') },
  { id: 'arm.storage.listServiceSas', method: 'POST', host: ARM, path: new RegExp(`^${SUB_RG}/providers/Microsoft\\.Storage/storageAccounts/[^/]+/listServiceSas/?$`, 'i') },
  { id: 'arm.identity.createOrUpdate', method: 'PUT', host: ARM, path: new RegExp(`^${SUB_RG}/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+/?$`, 'i') },
  { id: 'arm.identity.get', method: 'GET', host: ARM, path: new RegExp(`^${SUB_RG}/providers/Microsoft\\.ManagedIdentity/userAssignedIdentities/[^/]+/?$`, 'i') },
  { id: 'arm.vm.get', method: 'GET', host: ARM, path: new RegExp(`^${SUB_RG}/providers/Microsoft\\.Compute/virtualMachines/[^/]+/?$`, 'i') },
  { id: 'arm.vm.update', method: /^(PATCH|PUT)$/, host: ARM, path: new RegExp(`^${SUB_RG}/providers/Microsoft\\.Compute/virtualMachines/[^/]+/?$`, 'i') },
  { id: 'arm.roleAssignments.create', method: 'PUT', host: ARM, path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleAssignments/[^/]+/?$`, 'i') },
  { id: 'arm.roleDefinitions.list', method: 'GET', host: ARM, path: new RegExp(`^${SCOPE}/providers/Microsoft\\.Authorization/roleDefinitions/?$`, 'i') },
  { id: 'kv.secrets.get', method: 'GET', host: /\.vault\.azure\.net$/i, path: /^\/secrets\/[^/]+(\/[^/]*)?\/?$/i },
  { id: 'adls.liststatus', method: 'GET', host: /\.azuredatalakestore\.net$/i, path: /^\/webhdfs\/v1(\/.*)?$/i, query: (q) => (q.get('op') ?? '').toUpperCase() === 'LISTSTATUS' },
  { id: 'adls.create', method: 'PUT', host: /\.azuredatalakestore\.net$/i, path: /^\/webhdfs\/v1\/.+$/i, query: (q) => (q.get('op') ?? '').toUpperCase() === 'CREATE' },
  { id: 'adls.other', method: /.*/, host: /\.azuredatalakestore\.net$/i, path: /^\/webhdfs\/v1(\/.*)?$/i },
  // Blob last: container/blob paths are the fallback for the account host.
  { id: 'blob.get', method: 'GET', host: /\.blob\.core\.windows\.net$/i, path: /^\/[^/]+\/.+$/ },
  { id: 'blob.put', method: 'PUT', host: /\.blob\.core\.windows\.net$/i, path: /^\/[^/]+\/.+$/ },
];

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

export function identifyRestOperation(request: { method: string; url: string }): RestOperationId | undefined {
  const u = parse(request.url);
  if (!u) return undefined;
  const method = request.method.toUpperCase();
  for (const r of ROUTES) {
    const okMethod = typeof r.method === 'string' ? r.method === method : r.method.test(method);
    if (okMethod && r.host.test(u.hostname) && r.path.test(u.pathname) && (!r.query || r.query(u.searchParams))) return r.id;
  }
  return undefined;
}

/** The az command whose printed output the page shows, by its command path. */
export function identifyAzOperation(step: AzStep): AzOperationId | undefined {
  const p = step.az.path.join(' ');
  switch (p) {
    case 'identity create':
      return 'az.identity.create';
    case 'vm identity assign':
    case 'vm assign-identity': // the 2017 name; az rejects it today, the output contract is the same
      return 'az.vm.identity.assign';
    case 'role assignment create':
      return 'az.role.assignment.create';
    case 'storage blob upload':
      return 'az.storage.blob.upload';
    case 'storage blob download':
      return 'az.storage.blob.download';
    default:
      return undefined;
  }
}

/**
 * The operation a request is. For an az step whose request is not one of the REST operations above
 * (or when the caller asks about the command itself), the az-level operation is returned.
 */
export function identifyOperation(request: { method: string; url: string }, step?: Step): OperationId | undefined {
  return identifyRestOperation(request) ?? (step?.kind === 'az' ? identifyAzOperation(step) : undefined);
}
