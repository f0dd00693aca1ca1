// Layer 2: each operation's REST contract, hand-written in zod from the specs in vendor/specs
// (paths below are relative to that folder). Objects are loose: Swagger allows properties it does
// not name. `modelAsString` enums are open strings (specs/README.md, "Enum strictness").
import { z } from 'zod';
import type { AzOperationId, RestOperationId } from './operations.ts';
import { zodFromSpec } from './spec-zod.ts';
import { GUID } from '../guid.ts';

const guid = z.string().regex(GUID, 'expected a GUID');
const numericString = z.string().regex(/^\d+$/, 'expected digits in a string');
const stringMap = z.record(z.string(), z.string());
/** A closed enum compared case-insensitively: real listKeys answers "FULL" where the spec says "Full" (azure-behavior.md §3.4). */
const caseInsensitiveEnum = (values: readonly string[]) =>
  z.string().refine((v) => values.some((x) => x.toLowerCase() === v.toLowerCase()), { message: `expected one of ${values.join(', ')} (any case)` });

// imds/data-plane/Microsoft.InstanceMetadataService/stable/2018-02-01/imds.json #/definitions/IdentityTokenResponse
// Every field is a string, numbers included. The spec marks none required; the five below are the
// ones its own example and every real capture carry.
export const IdentityTokenResponse = z.looseObject({
  access_token: z.string(),
  expires_in: numericString,
  expires_on: numericString,
  ext_expires_in: numericString.optional(),
  not_before: numericString.optional(),
  resource: z.string(),
  token_type: z.string(),
  client_id: z.string().optional(),
  object_id: z.string().optional(),
  msi_res_id: z.string().optional(),
});

// No spec exists for the legacy VM-extension endpoint (specs/README.md); its 2018 documentation
// shows the IMDS fields, all strings, plus an empty `refresh_token`.
export const LegacyMsiTokenResponse = IdentityTokenResponse.extend({ refresh_token: z.string().optional() });

// imds/data-plane/Microsoft.InstanceMetadataService/stable/2018-02-01/imds.json #/definitions/IdentityErrorResponse
// `error` is an enum with modelAsString: true → open string.
export const IdentityErrorResponse = z.looseObject({ error: z.string(), error_description: z.string().optional() });

// resources/resource-manager/Microsoft.Resources/stable/2016-09-01/resources.json #/definitions/ResourceGroup,
// from the spec index. location is the spec's only required property; id, name and, inside properties,
// provisioningState are in every answer (readOnly: the spec cannot say "always present").
export const ResourceGroup = zodFromSpec('ResourceGroups_Get', '2016-09-01', 'response', {
  required: ['id', 'name', 'location'],
  fields: { properties: { required: ['provisioningState'] } },
});

// resources/resource-manager/Microsoft.Resources/stable/2016-09-01/resources.json #/definitions/CloudError
// → common-types/resource-management/v1/types.json #/definitions/ErrorResponse
export const CloudError = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string(), target: z.string().optional(), details: z.array(z.unknown()).optional() }),
});

// storage/resource-manager/Microsoft.Storage/stable/2016-12-01/storage.json #/definitions/StorageAccountListKeysResult
// (from the spec index). StorageAccountKey.permissions is enum Read/Full with modelAsString: false; compared
// case-insensitively (real listKeys answers "FULL", azure-behavior.md §3.4). Every answer carries all of them.
export const StorageAccountListKeysResult = zodFromSpec('StorageAccounts_ListKeys', '2016-12-01', 'response', {
  required: ['keys'],
  fields: { keys: { items: { required: ['keyName', 'value', 'permissions'], fields: { permissions: caseInsensitiveEnum(['Read', 'Full']) } } } },
});

// storage/resource-manager/Microsoft.Storage/stable/2017-06-01/storage.json #/definitions/ListServiceSasResponse
// (from the spec index). The token is a query string; the spec example shows sv, sr, se, sp and sig.
export const ListServiceSasResponse = zodFromSpec('StorageAccounts_ListServiceSAS', '2017-06-01', 'response', {
  required: ['serviceSasToken'],
  fields: { serviceSasToken: z.string().refine((t) => /(^|&)sv=/.test(t) && /(^|&)sig=/.test(t), { message: 'expected a SAS query string with sv= and sig=' }) },
});

// msi/resource-manager/Microsoft.ManagedIdentity/stable/2018-11-30/ManagedIdentity.json #/definitions/Identity
// (TrackedResource + UserAssignedIdentityProperties, ids format uuid); 2023-01-31 adds systemData.
export const Identity = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  location: z.string(),
  tags: stringMap.optional(),
  properties: z.looseObject({ tenantId: guid, principalId: guid, clientId: guid }),
});

// az identity create prints the same resource flattened (azure-behavior.md §7; x-ms-client-flatten
// on Identity.properties): clientId, principalId, tenantId at top level, plus resourceGroup.
export const AzIdentityOutput = z.looseObject({
  clientId: guid,
  principalId: guid,
  tenantId: guid,
  id: z.string(),
  name: z.string(),
  location: z.string(),
  resourceGroup: z.string(),
  type: z.string(),
  tags: stringMap.optional(),
});

// msi/resource-manager/Microsoft.ManagedIdentity/stable/2018-11-30/ManagedIdentity.json #/definitions/CloudError
export const MsiCloudError = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string(), target: z.string().optional(), details: z.array(z.unknown()).optional() }),
});

// authorization/resource-manager/Microsoft.Authorization/stable/2015-07-01/authorization-RoleAssignmentsCalls.json
// #/definitions/RoleAssignment (+ RoleAssignmentPropertiesWithScope); 2022-04-01 #/definitions/RoleAssignmentProperties
// adds principalType (modelAsString → open string), createdOn/updatedOn, createdBy/updatedBy.
export const RoleAssignment = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  properties: z.looseObject({
    scope: z.string(),
    roleDefinitionId: z.string(),
    principalId: z.string(),
    principalType: z.string().optional(),
  }),
});

// az role assignment create prints the 2022-04-01 RoleAssignment flattened (x-ms-client-flatten on
// properties) with resourceGroup parsed from id (azure-behavior.md §3.5).
export const AzRoleAssignmentOutput = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  scope: z.string(),
  roleDefinitionId: z.string(),
  principalId: z.string(),
  principalType: z.string().optional(),
});

// The role definitions list (used by az to resolve --role) is not among the stored specs; shape per
// Microsoft.Authorization RoleDefinitionListResult: { value: RoleDefinition[] }.
export const RoleDefinitionListResult = z.looseObject({
  value: z.array(z.looseObject({ id: z.string(), name: z.string(), type: z.string(), properties: z.looseObject({ roleName: z.string() }) })),
});

// compute/resource-manager/Microsoft.Compute/ComputeRP/stable/2018-06-01/compute.json #/definitions/VirtualMachineIdentity
// (type: enum SystemAssigned | UserAssigned | "SystemAssigned, UserAssigned" | None, modelAsString: false;
// userAssignedIdentities: map of ARM id → {principalId, clientId}); 2024-03-01 virtualMachine.json is the same.
const VirtualMachineIdentity = z.looseObject({
  principalId: z.string().optional(),
  tenantId: z.string().optional(),
  type: z.enum(['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned', 'None']),
  userAssignedIdentities: z.record(z.string(), z.looseObject({ principalId: z.string().optional(), clientId: z.string().optional() })).optional(),
});
export const VirtualMachine = z.looseObject({ id: z.string(), name: z.string(), location: z.string(), identity: VirtualMachineIdentity.optional() });

// az vm identity assign prints the VM's identities in its own shape (CLI
// `vm/custom.py assign_vm_identity`): the system-assigned principal id and the user-assigned map.
export const AzVmIdentityAssignOutput = z.looseObject({
  systemAssignedIdentity: z.string(),
  userAssignedIdentities: z.record(z.string(), z.looseObject({ clientId: guid, principalId: guid })),
});

// keyvault/data-plane/Microsoft.KeyVault/stable/2016-10-01/keyvault.json #/definitions/SecretBundle
// (+ SecretAttributes: Attributes with unixtime integers; recoveryLevel modelAsString: true → open string)
export const SecretBundle = z.looseObject({
  value: z.string(),
  id: z.string().regex(/^https:\/\/[^/]+\/secrets\/[^/]+\/[0-9a-f]{32}$/i, 'expected https://{vault}/secrets/{name}/{version}'),
  contentType: z.string().optional(),
  attributes: z
    .looseObject({
      enabled: z.boolean().optional(),
      nbf: z.number().int().optional(),
      exp: z.number().int().optional(),
      created: z.number().int().optional(),
      updated: z.number().int().optional(),
      recoveryLevel: z.string().optional(),
    })
    .optional(),
  tags: stringMap.optional(),
  kid: z.string().optional(),
  managed: z.boolean().optional(),
});

// keyvault/data-plane/Microsoft.KeyVault/stable/2016-10-01/keyvault.json #/definitions/KeyVaultError (+ Error)
export const KeyVaultError = z.looseObject({ error: z.looseObject({ code: z.string(), message: z.string(), innererror: z.unknown().optional() }) });

// datalake-store/data-plane/Microsoft.DataLakeStore/stable/2016-11-01/filesystem.json #/definitions/FileStatusesResult
// (FileStatuses, FileStatusProperties). The spec spells fileStatuses/fileStatus; the wire (WebHDFS)
// spells FileStatuses/FileStatus (specs/README.md). Keys are compared lower-cased, so these are too.
export const FileStatusesResult = z.looseObject({
  filestatuses: z.looseObject({
    filestatus: z.array(
      z.looseObject({
        accesstime: z.number().int(),
        blocksize: z.number().int(),
        length: z.number().int(),
        modificationtime: z.number().int(),
        msexpirationtime: z.number().int().optional(),
        group: z.string(),
        owner: z.string(),
        pathsuffix: z.string(),
        permission: z.string(),
        type: caseInsensitiveEnum(['FILE', 'DIRECTORY']),
        aclbit: z.boolean().optional(),
      }),
    ),
  }),
});

// datalake-store/…/2016-11-01/filesystem.json #/definitions/AdlsError (+ AdlsRemoteException: exception required).
export const AdlsError = z.looseObject({
  remoteexception: z.looseObject({ exception: z.string(), message: z.string().optional(), javaclassname: z.string().optional() }),
});

// az storage blob upload prints the Put Blob response headers as JSON (azure-behavior.md §7); the
// 2017 output had only these two, every later one keeps them.
export const AzBlobUploadOutput = z.looseObject({ etag: z.string(), lastModified: z.string() });

// az storage blob download prints the blob's properties (azure-behavior.md §7).
export const AzBlobDownloadOutput = z.looseObject({
  name: z.string(),
  properties: z.looseObject({ contentLength: z.number().int(), etag: z.string(), lastModified: z.string(), blobType: z.string() }),
});

export type BodyKind = 'json' | 'json-lowercase-keys' | 'empty' | 'any';
export type ErrorEnvelope = 'arm' | 'imds' | 'kv' | 'storage-xml' | 'webhdfs';

export interface HeaderRule {
  name: string;
  /** Absent: presence only. */
  shape?: RegExp;
  optional?: boolean;
}

export interface Contract {
  /** Where the contract comes from, shown in the report. */
  spec: string;
  success: readonly number[];
  body: BodyKind;
  schema?: z.ZodType;
  /** The spec index entry the schema is built from (./spec-zod.ts), when it is. */
  index?: { operationId: string; apiVersion: string };
  headers?: readonly HeaderRule[];
  error: ErrorEnvelope;
}

const RFC1123 = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ETAG = /^"?0x[0-9A-F]+"?$/i;
const XMS_VERSION = /^\d{4}-\d{2}-\d{2}$/;

export const REST_CONTRACTS: Readonly<Record<RestOperationId, Contract>> = {
  'imds.token': { spec: 'imds/…/stable/2018-02-01/imds.json #/definitions/IdentityTokenResponse', success: [200], body: 'json', schema: IdentityTokenResponse, error: 'imds' },
  'msi-legacy.token': { spec: 'no spec; 2018 how-to-use-vm-token documentation', success: [200], body: 'json', schema: LegacyMsiTokenResponse, error: 'imds' },
  'arm.resourceGroups.get': { spec: 'resources/…/2016-09-01/resources.json #/definitions/ResourceGroup', success: [200], body: 'json', schema: ResourceGroup, index: { operationId: 'ResourceGroups_Get', apiVersion: '2016-09-01' }, error: 'arm' },
  'arm.storage.listKeys': { spec: 'storage/…/2016-12-01/storage.json #/definitions/StorageAccountListKeysResult', success: [200], body: 'json', schema: StorageAccountListKeysResult, index: { operationId: 'StorageAccounts_ListKeys', apiVersion: '2016-12-01' }, error: 'arm' },
  'arm.storage.listServiceSas': { spec: 'storage/…/2017-06-01/storage.json #/definitions/ListServiceSasResponse', success: [200], body: 'json', schema: ListServiceSasResponse, index: { operationId: 'StorageAccounts_ListServiceSAS', apiVersion: '2017-06-01' }, error: 'arm' },
  'arm.identity.createOrUpdate': { spec: 'msi/…/2018-11-30/ManagedIdentity.json #/definitions/Identity', success: [200, 201], body: 'json', schema: Identity, error: 'arm' },
  'arm.identity.get': { spec: 'msi/…/2018-11-30/ManagedIdentity.json #/definitions/Identity', success: [200], body: 'json', schema: Identity, error: 'arm' },
  'arm.vm.get': { spec: 'compute/…/2018-06-01/compute.json #/definitions/VirtualMachine', success: [200], body: 'json', schema: VirtualMachine, error: 'arm' },
  'arm.vm.update': { spec: 'compute/…/2018-06-01/compute.json #/definitions/VirtualMachine', success: [200, 201, 202], body: 'json', schema: VirtualMachine, error: 'arm' },
  'arm.roleAssignments.create': { spec: 'authorization/…/2015-07-01|2022-04-01/authorization-RoleAssignmentsCalls.json #/definitions/RoleAssignment', success: [200, 201], body: 'json', schema: RoleAssignment, error: 'arm' },
  'arm.roleDefinitions.list': { spec: 'Microsoft.Authorization RoleDefinitionListResult (not in specs/)', success: [200], body: 'json', schema: RoleDefinitionListResult, error: 'arm' },
  'kv.secrets.get': { spec: 'keyvault/…/2016-10-01/keyvault.json #/definitions/SecretBundle', success: [200], body: 'json', schema: SecretBundle, error: 'kv' },
  'blob.get': {
    spec: 'storage/data-plane/Microsoft.BlobStorage/stable/2021-12-02/blob.json Blob_Download 200 headers',
    success: [200, 206],
    body: 'any',
    headers: [
      { name: 'content-length', shape: /^\d+$/ },
      { name: 'etag', shape: ETAG },
      { name: 'last-modified', shape: RFC1123 },
      { name: 'x-ms-request-id' },
      { name: 'x-ms-version', shape: XMS_VERSION },
      { name: 'x-ms-blob-type', shape: /^(BlockBlob|PageBlob|AppendBlob)$/ },
    ],
    error: 'storage-xml',
  },
  'blob.put': {
    spec: 'storage/data-plane/Microsoft.BlobStorage/stable/2021-12-02/blob.json BlockBlob_Upload 201 headers',
    success: [201],
    body: 'empty',
    headers: [
      { name: 'etag', shape: ETAG },
      { name: 'last-modified', shape: RFC1123 },
      { name: 'x-ms-request-id' },
      { name: 'x-ms-version', shape: XMS_VERSION },
      { name: 'content-md5', shape: /^[A-Za-z0-9+/]{22}==$/, optional: true },
    ],
    error: 'storage-xml',
  },
  'adls.liststatus': { spec: 'datalake-store/…/2016-11-01/filesystem.json #/definitions/FileStatusesResult', success: [200], body: 'json-lowercase-keys', schema: FileStatusesResult, error: 'webhdfs' },
  // The spec's FileSystem_Create answers 201 only; raw WebHDFS clients see a 307 first (the spec
  // requires write=true, which skips it), so 307 with a Location is accepted as the first leg.
  'adls.create': { spec: 'datalake-store/…/2016-11-01/filesystem.json FileSystem_Create 201', success: [201, 307], body: 'any', error: 'webhdfs' },
  'adls.other': { spec: 'datalake-store/…/2016-11-01/filesystem.json', success: [200, 201], body: 'any', error: 'webhdfs' },
};

export const AZ_CONTRACTS: Readonly<Record<AzOperationId, { spec: string; schema: z.ZodType }>> = {
  'az.identity.create': { spec: 'Identity (msi 2018-11-30/2023-01-31) as flattened by az', schema: AzIdentityOutput },
  'az.vm.identity.assign': { spec: 'az vm identity assign output (VirtualMachineIdentity)', schema: AzVmIdentityAssignOutput },
  'az.role.assignment.create': { spec: 'RoleAssignment 2022-04-01 as flattened by az', schema: AzRoleAssignmentOutput },
  'az.storage.blob.upload': { spec: 'az storage blob upload output (Put Blob headers)', schema: AzBlobUploadOutput },
  'az.storage.blob.download': { spec: 'az storage blob download output (blob properties)', schema: AzBlobDownloadOutput },
};

export const ERROR_SCHEMAS: Readonly<Record<Exclude<ErrorEnvelope, 'storage-xml'>, z.ZodType>> = {
  arm: CloudError,
  imds: IdentityErrorResponse,
  kv: KeyVaultError,
  webhdfs: AdlsError,
};

