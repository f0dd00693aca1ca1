// Azure Resource Manager's error answers, one named constructor per code (azure-behavior.md §3.1).
// Every answer uses ARM's envelope {"error":{"code","message"}}; errors raised by ARM itself (not by
// a resource provider) carry `x-ms-failure-cause: gateway`, as the real front door does.
import type { EmulatorResponse } from '../../types.ts';

export type ArmErrorCode =
  | 'AuthenticationFailed'
  | 'AuthenticationFailedInvalidHeader'
  | 'InvalidAuthenticationToken'
  | 'InvalidAuthenticationTokenAudience'
  | 'InvalidAuthenticationTokenTenant'
  | 'ExpiredAuthenticationToken'
  | 'AuthorizationFailed'
  | 'LinkedAuthorizationFailed'
  | 'SubscriptionNotFound'
  | 'InvalidSubscriptionId'
  | 'ResourceGroupBeingDeleted'
  | 'ResourceGroupNotFound'
  | 'ResourceNotFound'
  | 'MissingApiVersionParameter'
  | 'InvalidApiVersionParameter'
  | 'NoRegisteredProviderFound'
  | 'UnsupportedMediaType'
  | 'InvalidRequestContent'
  | 'LocationRequired'
  | 'InvalidResourceName'
  | 'PrincipalNotFound'
  | 'RoleDefinitionDoesNotExist'
  | 'RoleAssignmentExists'
  | 'RoleAssignmentNotFound'
  | 'InvalidRoleAssignmentId'
  | 'InvalidPrincipalId'
  | 'FailedIdentityOperation'
  | 'InvalidParameter'
  | 'AccountNameInvalid'
  | 'StorageAccountAlreadyTaken'
  | 'StorageAccountInAnotherResourceGroup'
  | 'VaultAlreadyExists'
  | 'ConflictError'
  | 'Conflict'
  | 'NotFound';

export interface ArmError {
  status: number;
  code: ArmErrorCode;
  message: string;
  gateway: boolean;
  headers?: Record<string, string>;
  /**
   * The App Service RP's own envelope: PascalCase at the top level with the ErrorEntity detail
   * (`{"Code","Message","Target","Details":[…,{"ErrorEntity":{"ExtendedCode",…}}],"Innererror"}`), as
   * quoted from real answers in Azure/RDS-Templates#365 and serverless/serverless-azure-functions#125.
   */
  web?: { extendedCode?: string; template?: string; parameters?: string[] };
}

const AUDIENCES = "'https://management.core.windows.net/','https://management.core.windows.net','https://management.azure.com/','https://management.azure.com'";

/** ARM's expiry time format: UTC, "M/D/YYYY h:mm:ss AM". */
export function armTime(d: Date): string {
  const h24 = d.getUTCHours();
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${h24 < 12 ? 'AM' : 'PM'}`;
}

function challenge(description: string): Record<string, string> {
  return { 'www-authenticate': `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${description}"` };
}

export const armErrors = {
  missingAuthorization: (): ArmError => ({
    status: 401,
    code: 'AuthenticationFailed',
    message: "Authentication failed. The 'Authorization' header is missing.",
    gateway: true,
    headers: challenge("The authentication failed because of missing 'Authorization' header."),
  }),
  invalidAuthorizationHeader: (): ArmError => ({
    status: 401,
    code: 'AuthenticationFailedInvalidHeader',
    message: "Authentication failed. The 'Authorization' header is provided in an invalid format.",
    gateway: true,
    headers: challenge("The authentication failed because of invalid 'Authorization' header format."),
  }),
  invalidToken: (detail = 'The access token is invalid.'): ArmError => ({ status: 401, code: 'InvalidAuthenticationToken', message: detail, gateway: true, headers: challenge('The access token is invalid.') }),
  wrongAudience: (aud: string): ArmError => ({
    status: 401,
    code: 'InvalidAuthenticationTokenAudience',
    message: `The access token has been obtained for wrong audience or resource '${aud}'. It should exactly match with one of the allowed audiences ${AUDIENCES}.`,
    gateway: true,
    headers: challenge('The access token has been obtained for wrong audience or resource.'),
  }),
  wrongTenant: (iss: string, tenantId: string): ArmError => ({
    status: 401,
    code: 'InvalidAuthenticationTokenTenant',
    message: `The access token is from the wrong issuer '${iss}'. It must match the tenant 'https://sts.windows.net/${tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`,
    gateway: true,
    headers: challenge('The access token is from the wrong issuer.'),
  }),
  expiredToken: (expiredAt: Date, now: Date): ArmError => ({
    status: 401,
    code: 'ExpiredAuthenticationToken',
    message: `The access token expiry UTC time '${armTime(expiredAt)}' is earlier than current UTC time '${armTime(now)}'.`,
    gateway: true,
    headers: challenge('The access token expiry UTC time is earlier than current UTC time.'),
  }),
  authorizationFailed: (appId: string, objectId: string, action: string, scope: string): ArmError => ({
    status: 403,
    code: 'AuthorizationFailed',
    message: `The client '${appId}' with object id '${objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    gateway: true,
  }),
  linkedAuthorizationFailed: (appId: string, objectId: string, action: string, scope: string): ArmError => ({
    status: 403,
    code: 'LinkedAuthorizationFailed',
    message: `The client '${appId}' with object id '${objectId}' has permission to perform action on the target resource but does not have permission to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    gateway: true,
  }),
  /** 400 for a subscription id that is not a GUID; an empty one (`/subscriptions//resourceGroups/x`) names the next segment (Azure/azure-cli#30953). */
  invalidSubscriptionId: (id: string): ArmError => ({ status: 400, code: 'InvalidSubscriptionId', message: `The provided subscription identifier '${id}' is malformed or invalid.`, gateway: true }),
  /** 409 for a write into a group whose delete is running (Azure/azure-cli#21121, #28679). */
  resourceGroupBeingDeleted: (name: string): ArmError => ({
    status: 409,
    code: 'ResourceGroupBeingDeleted',
    message: `The resource group '${name}' is in deprovisioning state and cannot perform this operation.`,
    gateway: true,
  }),
  subscriptionNotFound: (id: string): ArmError => ({ status: 404, code: 'SubscriptionNotFound', message: `The subscription '${id}' could not be found.`, gateway: true }),
  resourceGroupNotFound: (name: string): ArmError => ({ status: 404, code: 'ResourceGroupNotFound', message: `Resource group '${name}' could not be found.`, gateway: true }),
  resourceNotFound: (type: string, name: string, resourceGroup: string): ArmError => ({
    status: 404,
    code: 'ResourceNotFound',
    message: `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    gateway: true,
  }),
  missingApiVersion: (): ArmError => ({ status: 400, code: 'MissingApiVersionParameter', message: "The api-version query parameter (?api-version=) is required for all requests.", gateway: true }),
  invalidApiVersion: (given: string, supported: readonly string[]): ArmError => ({
    status: 400,
    code: 'InvalidApiVersionParameter',
    message: `The api-version '${given}' is invalid. The supported versions are '${supported.join(',')}'.`,
    gateway: true,
  }),
  noRegisteredProvider: (location: string, given: string, type: string, supported: readonly string[]): ArmError => ({
    status: 400,
    code: 'NoRegisteredProviderFound',
    message: `No registered resource provider found for location '${location}' and API version '${given}' for type '${type}'. The supported api-versions are '${supported.join(', ')}'. The supported locations are '${location}'.`,
    gateway: true,
  }),
  unsupportedMediaType: (mediaType: string): ArmError => ({
    status: 415,
    code: 'UnsupportedMediaType',
    message: `The content media type '${mediaType}' is not supported. Only 'application/json' is supported.`,
    gateway: true,
  }),
  invalidRequestContent: (detail: string): ArmError => ({ status: 400, code: 'InvalidRequestContent', message: `The request content was invalid and could not be deserialized: '${detail}'.`, gateway: true }),
  locationRequired: (): ArmError => ({ status: 400, code: 'LocationRequired', message: 'The location property is required for this definition.', gateway: true }),
  invalidResourceName: (name: string, type: string, rule: string): ArmError => ({
    status: 400,
    code: 'InvalidResourceName',
    message: `Resource name ${name} is invalid. The name can be up to 128 characters long. ${rule} (type ${type})`,
    gateway: false,
  }),
  principalNotFound: (principalId: string, tenantId: string): ArmError => ({
    status: 400,
    code: 'PrincipalNotFound',
    message: `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`,
    gateway: false,
  }),
  roleDefinitionDoesNotExist: (id: string): ArmError => ({ status: 400, code: 'RoleDefinitionDoesNotExist', message: `The specified role definition with ID '${id}' does not exist.`, gateway: false }),
  roleDefinitionNotFound: (id: string): ArmError => ({ status: 404, code: 'RoleDefinitionDoesNotExist', message: `The specified role definition with ID '${id}' does not exist.`, gateway: false }),
  roleAssignmentNotFound: (name: string): ArmError => ({ status: 404, code: 'RoleAssignmentNotFound', message: `The role assignment '${name}' is not found.`, gateway: false }),
  roleAssignmentExists: (): ArmError => ({ status: 409, code: 'RoleAssignmentExists', message: 'The role assignment already exists.', gateway: false }),
  invalidRoleAssignmentId: (name: string): ArmError => ({
    status: 400,
    code: 'InvalidRoleAssignmentId',
    message: `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`,
    gateway: false,
  }),
  invalidPrincipalId: (): ArmError => ({ status: 400, code: 'InvalidPrincipalId', message: 'A valid principal ID must be provided for role assignment.', gateway: false }),
  failedIdentityOperation: (id: string): ArmError => ({
    status: 400,
    code: 'FailedIdentityOperation',
    message: `Identity operation for resource '${id}' failed with error 'Failed to perform resource identity operation. Status: 'NotFound'. Response: '{"error":{"code":"NotFound","message":"Resource '${id}' does not exist."}}'.'.`,
    gateway: false,
  }),
  invalidParameter: (message: string): ArmError => ({ status: 400, code: 'InvalidParameter', message, gateway: false }),
  // Storage and Key Vault names are global: azure-docs articles/azure-resource-manager/troubleshooting/
  // error-storage-account-name.md; Key Vault's messages as its RP returns them (quoted in public
  // issues, e.g. Azure/azure-powershell#15115, alan-turing-institute/data-safe-haven#2523).
  // The create's own code for a malformed name (quoted by readers: pulumi/templates#274 'Code="AccountNameInvalid"',
  // Azure/AzureMonitorStarterPacks#171 "(Code: AccountNameInvalid, Target: …)"), not a generic InvalidParameter.
  storageAccountNameInvalid: (name: string): ArmError => ({
    status: 400,
    code: 'AccountNameInvalid',
    message: `${name} is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.`,
    gateway: false,
  }),
  storageAccountAlreadyTaken: (name: string): ArmError => ({ status: 409, code: 'StorageAccountAlreadyTaken', message: `The storage account named ${name} is already taken.`, gateway: false }),
  storageAccountInAnotherResourceGroup: (name: string): ArmError => ({
    status: 409,
    code: 'StorageAccountInAnotherResourceGroup',
    message: `The account ${name} is already in another resource group in this subscription.`,
    gateway: false,
  }),
  vaultAlreadyExists: (name: string): ArmError => ({
    status: 409,
    code: 'VaultAlreadyExists',
    message: `The vault name '${name}' is already in use. Vault names are globally unique so it is possible that the name is already taken. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged after being placed in a recoverable state. If the vault is in a recoverable state then the vault will need to be purged before reusing the name. For more information about VaultAlreadyExists, soft delete and purging a vault follow this link https://go.microsoft.com/fwlink/?linkid=2147740.`,
    gateway: false,
  }),
  vaultInDeletedState: (): ArmError => ({
    status: 409,
    code: 'ConflictError',
    message: 'A vault with the same name already exists in deleted state. You need to either recover or purge existing key vault. Follow this link https://go.microsoft.com/fwlink/?linkid=2149745 for more information on soft delete.',
    gateway: false,
  }),
};

/** The App Service RP's error body (see ArmError.web). */
function webErrorBody(err: ArmError, web: NonNullable<ArmError['web']>): string {
  // The ErrorEntity detail only where a captured answer shows its extended code.
  const entity = web.extendedCode === undefined ? [] : [{ ErrorEntity: { ExtendedCode: web.extendedCode, MessageTemplate: web.template, Parameters: web.parameters, Code: err.code, Message: err.message } }];
  return JSON.stringify({ Code: err.code, Message: err.message, Target: null, Details: [{ Message: err.message }, { Code: err.code }, ...entity], Innererror: null });
}

export const webErrors = {
  /** 409 for a site name held anywhere (names are global: <name>.azurewebsites.net); ExtendedCode 54001. */
  siteNameTaken: (name: string): ArmError => ({
    status: 409,
    code: 'Conflict',
    message: `Website with given name ${name} already exists.`,
    gateway: false,
    web: { extendedCode: '54001', template: 'Website with given name {0} already exists.', parameters: [name] },
  }),
  /** 404 for a site whose serverFarmId names no plan (the text: microsoft/vscode-azurefunctions#2255, microsoft/fhir-server#3562). */
  serverFarmNotFound: (name: string): ArmError => ({
    status: 404,
    code: 'NotFound',
    message: `Cannot find ServerFarm with name ${name}.`,
    gateway: false,
    web: {},
  }),
};

export function armErrorResponse(err: ArmError, baseHeaders: Record<string, string>): EmulatorResponse {
  if (err.web !== undefined) return { status: err.status, headers: { ...baseHeaders, 'content-type': 'application/json; charset=utf-8' }, body: webErrorBody(err, err.web) };
  return {
    status: err.status,
    headers: {
      ...baseHeaders,
      'content-type': 'application/json; charset=utf-8',
      ...(err.gateway ? { 'x-ms-failure-cause': 'gateway' } : {}),
      ...(err.headers ?? {}),
    },
    body: JSON.stringify({ error: { code: err.code, message: err.message } }),
  };
}
