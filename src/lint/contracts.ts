// The response (and request-body) contracts lint holds examples to: field names, types, formats and
// enums of each operation the tutorials call, written from the REST specs in vendor/specs
// (file and definition named on each entry) and, for az output, from what the CLI prints today
// (the az source: each command's output is the SDK model it returns, serialized unchanged). Hand-written so that lint stays pure and works where the specs
// folder is absent; tests/lint/contracts.test.ts checks the field lists against the spec files.
import type { LintDocument, JsonBlock } from './document.ts';
import { hostAndPath, invocations, type AzView, type CurlView } from './commands.ts';
import { operationNode, resolvedNode, type SchemaRole } from '../reference/spec-schemas.ts';
import type { SchemaNode } from '../reference/spec-schemas-source.ts';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface Field {
  type: FieldType;
  format?: 'uuid' | 'date-time' | 'arm-id';
  enum?: readonly string[];
  /** Values the spec lists but the service no longer returns: why, and what it returns instead. */
  notReturned?: Readonly<Record<string, { why: string; instead: string }>>;
  properties?: Readonly<Record<string, Field>>;
  items?: Field;
  /** A map (tags): any key, values of this shape. */
  map?: Field;
  /** Property names compared without case (ADLS WebHDFS casing differs from the spec). */
  caseInsensitive?: boolean;
}

export interface Contract {
  operation: string;
  /** Where the field list comes from. */
  source: string;
  root: Field;
  /** Fields some example shows that this API version does not have, with what to say about them. */
  absent?: Readonly<Record<string, string>>;
  /** az prints the resource flattened; a nested "properties" object is the REST shape, not the CLI's. */
  flat?: boolean;
  /** The spec index entry `root` is read from (fromSpec), when it is: then only its overlay is by hand. */
  spec?: { operationId: string; apiVersion: string; role: SchemaRole };
}

/** What a hand contract adds to the spec index's fields: formats, observed values, fields of later versions. */
interface FieldOverlay extends Partial<Omit<Field, 'properties' | 'items'>> {
  properties?: Readonly<Record<string, FieldOverlay>>;
  items?: FieldOverlay;
}

function specField(node: SchemaNode, seen: Set<string>): Field {
  const n = resolvedNode(node, new Set(seen)) ?? {};
  const inner = new Set(seen);
  if (node.ref) inner.add(node.ref);
  const field: Field = { type: n.type ?? (n.properties ? 'object' : 'string') };
  // An open enum (x-ms-enum modelAsString) takes any string: no closed list to hold a value to.
  if (n.enum && !n.open) field.enum = n.enum;
  if (n.properties) field.properties = Object.fromEntries(Object.entries(n.properties).map(([k, v]) => [k, specField(v, inner)]));
  if (n.items) field.items = specField(n.items, inner);
  if (n.map) field.map = specField(n.map, inner);
  return field;
}

function overlaid(field: Field | undefined, over: FieldOverlay): Field {
  const { properties, items, ...own } = over;
  const out: Field = { ...(field ?? { type: 'string' }), ...own };
  if (properties) out.properties = { ...out.properties, ...Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, overlaid(out.properties?.[k], v)])) };
  if (items) out.items = overlaid(out.items, items);
  return out;
}

/**
 * A contract's fields as the spec index (src/reference/spec-schemas.json) gives them: names, types,
 * closed enums, nested objects. `overlay` holds only what the specs cannot say, each with its source.
 */
function fromSpec(operationId: string, apiVersion: string, role: SchemaRole, overlay: FieldOverlay = {}): Field {
  const node = operationNode(operationId, apiVersion, role);
  if (!node) throw new Error(`the spec index has no ${role} of ${operationId} at ${apiVersion} (src/reference/spec-schemas.json)`);
  return overlaid(specField(node, new Set()), overlay);
}

const str: Field = { type: 'string' };
const uuid: Field = { type: 'string', format: 'uuid' };
const int: Field = { type: 'integer' };
const tags: Field = { type: 'object', map: str };

const IMDS_TOKEN: Contract = {
  operation: 'IMDS Identity_GetToken',
  source: 'imds/data-plane/Microsoft.InstanceMetadataService/stable/2018-02-01/imds.json#/definitions/IdentityTokenResponse',
  root: {
    type: 'object',
    properties: {
      access_token: str, expires_in: str, expires_on: str, ext_expires_in: str, not_before: str, resource: str,
      token_type: str, client_id: uuid, object_id: uuid, msi_res_id: str,
    },
  },
  absent: {
    refresh_token:
      'IMDS never returns a refresh token: IdentityTokenResponse (api-version 2018-02-01 and later) has no refresh_token; the empty "refresh_token" comes from the 2017 VM-extension endpoint',
  },
};

const LEGACY_TOKEN: Contract = {
  operation: 'MSI VM extension token (localhost:50342)',
  source: 'no spec exists; fields from the 2018 revision of how-to-use-vm-token (MicrosoftDocs/azure-docs articles/active-directory/managed-identities-azure-resources/how-to-use-vm-token.md)',
  root: {
    type: 'object',
    properties: { access_token: str, refresh_token: str, expires_in: str, expires_on: str, not_before: str, resource: str, token_type: str, client_id: uuid },
  },
};

const RESOURCE_GROUP: Contract = {
  operation: 'ResourceGroups_Get',
  source: 'resources/resource-manager/Microsoft.Resources/stable/2016-09-01/resources.json#/definitions/ResourceGroup',
  spec: { operationId: 'ResourceGroups_Get', apiVersion: '2016-09-01', role: 'response' },
  root: fromSpec('ResourceGroups_Get', '2016-09-01', 'response', {
    // id is an ARM resource id (ARM's convention; the spec says only "string"); `type` is in every
    // answer and in the 2024-03-01 spec's ResourceGroup, not yet in 2016-09-01's.
    properties: { id: { format: 'arm-id' }, type: str },
  }),
};

const LIST_KEYS: Contract = {
  operation: 'StorageAccounts_ListKeys',
  source: 'storage/resource-manager/Microsoft.Storage/stable/2016-12-01/storage.json#/definitions/StorageAccountListKeysResult',
  spec: { operationId: 'StorageAccounts_ListKeys', apiVersion: '2016-12-01', role: 'response' },
  root: fromSpec('StorageAccounts_ListKeys', '2016-12-01', 'response', {
    properties: {
      keys: {
        items: {
          properties: {
            // The service sends "FULL" today; the spec's enum says "Full" (azure-behavior.md §3.4).
            permissions: { enum: ['Read', 'Full', 'READ', 'FULL'] },
            // StorageAccountKey.creationTime (format date-time) from api-version 2021-04-01 on; the index keeps no formats.
            creationTime: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  }),
};

const LIST_SERVICE_SAS: Contract = {
  operation: 'StorageAccounts_ListServiceSAS',
  source: 'storage/resource-manager/Microsoft.Storage/stable/2017-06-01/storage.json#/definitions/ListServiceSasResponse',
  spec: { operationId: 'StorageAccounts_ListServiceSAS', apiVersion: '2017-06-01', role: 'response' },
  root: fromSpec('StorageAccounts_ListServiceSAS', '2017-06-01', 'response'),
};

const SERVICE_SAS_PARAMETERS: Contract = {
  operation: 'StorageAccounts_ListServiceSAS request body',
  source: 'storage/resource-manager/Microsoft.Storage/stable/2017-06-01/storage.json#/definitions/ServiceSasParameters',
  spec: { operationId: 'StorageAccounts_ListServiceSAS', apiVersion: '2017-06-01', role: 'body' },
  root: fromSpec('StorageAccounts_ListServiceSAS', '2017-06-01', 'body', {
    properties: {
      // signedResource is modelAsString in the spec, but a service SAS signs only these (the Storage
      // service SAS documentation's `sr` values: b, c, f, s); signedPermission stays open: combinations such as "rcw".
      signedResource: { enum: ['b', 'c', 'f', 's'] },
      // The spec's format: date-time, which the index does not keep.
      signedStart: { format: 'date-time' },
      signedExpiry: { format: 'date-time' },
    },
  }),
};

const GET_SECRET: Contract = {
  operation: 'Key Vault GetSecret',
  source: 'keyvault/data-plane/Microsoft.KeyVault/stable/2016-10-01/keyvault.json#/definitions/SecretBundle',
  root: {
    type: 'object',
    properties: {
      value: str, id: str, contentType: str, tags, kid: str, managed: { type: 'boolean' },
      attributes: {
        type: 'object',
        properties: {
          enabled: { type: 'boolean' }, nbf: int, exp: int, created: int, updated: int, recoverableDays: int,
          recoveryLevel: {
            type: 'string',
            enum: ['Purgeable', 'Recoverable+Purgeable', 'Recoverable', 'Recoverable+ProtectedSubscription', 'CustomizedRecoverable+Purgeable', 'CustomizedRecoverable', 'CustomizedRecoverable+ProtectedSubscription'],
            notReturned: {
              Purgeable: {
                why: 'soft delete is mandatory for every vault since February 2025, so a vault reports "Recoverable+Purgeable" (or "CustomizedRecoverable…"), never "Purgeable"',
                instead: 'Recoverable+Purgeable',
              },
            },
          },
        },
      },
    },
  },
};

const FILE_STATUS: Field = {
  type: 'object',
  caseInsensitive: true,
  properties: {
    accessTime: int, modificationTime: int, blockSize: int, length: int, msExpirationTime: int,
    owner: str, group: str, pathSuffix: str, permission: str, type: { type: 'string', enum: ['FILE', 'DIRECTORY'] },
    aclBit: { type: 'boolean' },
    replication: int, // WebHDFS field the Gen1 service sent although the spec omits it
  },
};

const LIST_STATUS: Contract = {
  operation: 'FileSystem_ListFileStatus',
  source: 'datalake-store/data-plane/Microsoft.DataLakeStore/stable/2016-11-01/filesystem.json#/definitions/FileStatusesResult',
  root: {
    type: 'object',
    caseInsensitive: true,
    properties: {
      fileStatuses: { type: 'object', caseInsensitive: true, properties: { fileStatus: { type: 'array', items: FILE_STATUS }, continuationToken: str } },
    },
  },
};

const AZ_IDENTITY_CREATE: Contract = {
  operation: 'az identity create (UserAssignedIdentities_CreateOrUpdate, flattened)',
  source: 'msi/resource-manager/Microsoft.ManagedIdentity/stable/2023-01-31/ManagedIdentity.json#/definitions/Identity (+ UserAssignedIdentityProperties, flattened by the CLI)',
  flat: true,
  root: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'arm-id' }, name: str, type: str, location: str, tags, resourceGroup: str, systemData: { type: 'object' },
      tenantId: uuid, principalId: uuid, clientId: uuid, isolationScope: str,
    },
  },
  absent: {
    clientSecretUrl:
      'clientSecretUrl existed only in the 2015-08-31-preview API; no stable Microsoft.ManagedIdentity version (2018-11-30, 2023-01-31) and no current az output has it',
  },
};

/** A role assignment as az prints it (RoleAssignment with its properties flattened). */
const ROLE_ASSIGNMENT_FLAT: Readonly<Record<string, Field>> = {
  id: { type: 'string', format: 'arm-id' }, name: uuid, type: str, resourceGroup: str,
  scope: { type: 'string', format: 'arm-id' }, roleDefinitionId: { type: 'string', format: 'arm-id' }, principalId: uuid,
  principalType: { type: 'string', enum: ['User', 'Group', 'ServicePrincipal', 'ForeignGroup', 'Device'] },
  description: str, condition: str, conditionVersion: str, createdOn: str, updatedOn: str, createdBy: str, updatedBy: str,
  delegatedManagedIdentityResourceId: str,
};

const ROLE_ASSIGNMENT_ABSENT = {
  canDelegate:
    'canDelegate belonged to the preview role assignment APIs (2017-10-01-preview to 2020-04-01-preview); the stable 2022-04-01 RoleAssignmentProperties the Azure CLI uses has no canDelegate, so az no longer prints it (and prints condition, conditionVersion, createdOn, updatedOn, createdBy, updatedBy, delegatedManagedIdentityResourceId instead)',
};

const AZ_ROLE_ASSIGNMENT_CREATE: Contract = {
  operation: 'az role assignment create / update (RoleAssignments_Create, flattened)',
  source: 'authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-RoleAssignmentsCalls.json#/definitions/RoleAssignment (properties flattened by the CLI)',
  flat: true,
  root: { type: 'object', properties: ROLE_ASSIGNMENT_FLAT },
  absent: ROLE_ASSIGNMENT_ABSENT,
};

// az role assignment list adds the role's and the principal's names to each assignment it prints
// (azure-cli role/custom.py list_role_assignments: roleDefinitionName, principalName).
const AZ_ROLE_ASSIGNMENT_LIST: Contract = {
  operation: 'az role assignment list (RoleAssignments_ListForScope, flattened, with names)',
  source: 'authorization/resource-manager/Microsoft.Authorization/stable/2022-04-01/authorization-RoleAssignmentsCalls.json#/definitions/RoleAssignmentListResult (each RoleAssignment flattened by the CLI)',
  flat: true,
  root: { type: 'array', items: { type: 'object', properties: { ...ROLE_ASSIGNMENT_FLAT, roleDefinitionName: str, principalName: str } } },
  absent: ROLE_ASSIGNMENT_ABSENT,
};

export interface OperationMatch {
  contract: Contract;
  curl?: CurlView;
  az?: AzView;
}

function curlContract(curl: CurlView): Contract | undefined {
  const url = curl.urls[0]?.value ?? '';
  const hp = hostAndPath(url);
  if (!hp) return undefined;
  const path = hp.path.toLowerCase();
  if (hp.host === '169.254.169.254' && path.startsWith('/metadata/identity/oauth2/token')) return IMDS_TOKEN;
  if (/^localhost:50342$/.test(hp.host) && path.startsWith('/oauth2/token')) return LEGACY_TOKEN;
  if (hp.host === 'management.azure.com') {
    if (/\/listkeys\/?$/.test(path)) return LIST_KEYS;
    if (/\/listservicesas\/?$/.test(path)) return LIST_SERVICE_SAS;
    if (/^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/?$/.test(path)) return RESOURCE_GROUP;
  }
  if ((hp.host.endsWith('.vault.azure.net') || /<[^>]*vault[^>]*>/i.test(hp.host)) && path.includes('/secrets/')) return GET_SECRET;
  if (hp.host.endsWith('.azuredatalakestore.net') && /op=liststatus/i.test(url)) return LIST_STATUS;
  return undefined;
}

function azContract(az: AzView): Contract | undefined {
  const path = az.path.join(' ');
  if (path === 'identity create') return AZ_IDENTITY_CREATE;
  // update PUTs the assignment it read back and prints the answer, the same RoleAssignment.
  if (path === 'role assignment create' || path === 'role assignment update') return AZ_ROLE_ASSIGNMENT_CREATE;
  if (path === 'role assignment list') return AZ_ROLE_ASSIGNMENT_LIST;
  return undefined;
}

/**
 * az prints the operation's answer itself only without --query and in JSON: a projection (--query,
 * a jq after a pipe, --output tsv/table) prints other keys and shapes, which no contract describes.
 */
export function printsAsIs(az: AzView): boolean {
  if (az.options.some((o) => o.name === '--query')) return false;
  const output = az.options.find((o) => o.name === '--output' || o.name === '-o')?.value?.value;
  return output === undefined || output === 'json' || output === 'jsonc';
}

/** The contract of the request body a curl sends (`-d '{…}'`), when lint has one. */
export function requestBodyContract(curl: CurlView): Contract | undefined {
  return curlContract(curl) === LIST_SERVICE_SAS ? SERVICE_SAS_PARAMETERS : undefined;
}

/** The contract a JSON block must respect: a response of its step, or the request body of the next step. */
export function contractFor(doc: LintDocument, block: JsonBlock): OperationMatch | undefined {
  const command = block.step ? doc.commandOf(block.step) : undefined;
  if (!command) return undefined;
  const all = invocations(command.words);
  for (const [i, inv] of all.entries()) {
    if (inv.curl) {
      const c = curlContract(inv.curl);
      if (!c) continue;
      if (block.role === 'example') {
        const body = requestBodyContract(inv.curl);
        return body ? { contract: body, curl: inv.curl } : undefined;
      }
      return { contract: c, curl: inv.curl };
    }
    if (inv.az && block.role === 'response' && i === all.length - 1 && printsAsIs(inv.az)) {
      const c = azContract(inv.az);
      if (c) return { contract: c, az: inv.az };
    }
  }
  return undefined;
}

export const contracts = {
  IMDS_TOKEN, LEGACY_TOKEN, RESOURCE_GROUP, LIST_KEYS, LIST_SERVICE_SAS, SERVICE_SAS_PARAMETERS, GET_SECRET, LIST_STATUS,
  AZ_IDENTITY_CREATE, AZ_ROLE_ASSIGNMENT_CREATE, AZ_ROLE_ASSIGNMENT_LIST,
} as const;

/** The field a path leads to (array indexes skip into items; flattened az output looks through "properties"). */
export function fieldAt(contract: Contract, path: readonly string[]): Field | undefined {
  let field: Field | undefined = contract.root;
  for (const key of path) {
    if (!field) return undefined;
    if (field.type === 'array') {
      field = field.items;
      continue;
    }
    if (field.map) {
      field = field.map;
      continue;
    }
    const answer = field === contract.root || (contract.root.type === 'array' && field === contract.root.items);
    if (contract.flat && key === 'properties' && answer && !field.properties?.properties) continue;
    const props: Readonly<Record<string, Field>> = field.properties ?? {};
    field = field.caseInsensitive ? Object.entries(props).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] : props[key];
  }
  return field;
}
