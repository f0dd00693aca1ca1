// Blob service errors as Azure Storage sends them: an XML body whose Message ends with the request id
// and time, the same code in x-ms-error-code, the message's first line as the reason phrase, and the
// storage front end's Server header. One named constructor per code the emulator itself decides;
// errors Azurite raises are re-shaped by `storageError` with Azurite's code and message.
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';

export const BLOB_SERVER = 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0';

export type BlobErrorCode =
  | 'AuthenticationFailed'
  | 'InvalidAuthenticationInfo'
  | 'AuthorizationPermissionMismatch'
  | 'AuthorizationResourceTypeMismatch'
  | 'AuthorizationServiceMismatch'
  | 'AuthorizationProtocolMismatch'
  | 'PublicAccessNotPermitted'
  | 'NoAuthenticationInformation'
  | 'AccountRequiresHttps'
  | 'MissingContentLengthHeader'
  | 'InvalidHeaderValue'
  // Codes that come back from Azurite and are passed through re-shaped.
  | (string & { readonly fromBackend?: true });

const AUTH_FAILED =
  'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Azure prints seven fractional digits: 2017-09-22T00:10:00.1234567Z. */
export function storageTime(d: Date): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

export interface StorageErrorInput {
  status: number;
  code: BlobErrorCode;
  message: string;
  /** Extra child elements after Message, in order (e.g. AuthenticationErrorDetail). */
  details?: [string, string][];
  headers?: Record<string, string>;
}

export function storageError(req: EmulatorRequest, now: Date, e: StorageErrorInput): EmulatorResponse {
  const fullMessage = `${e.message}\nRequestId:${req.requestId}\nTime:${storageTime(now)}`;
  const extra = (e.details ?? []).map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`).join('');
  // Written without the UTF-8 BOM some Storage front ends prepend: the brief's reference shape has none.
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${e.code}</Code><Message>${xmlEscape(fullMessage)}</Message>${extra}</Error>`;
  const headers: Record<string, string> = {
    'content-type': 'application/xml',
    server: BLOB_SERVER,
    'x-ms-request-id': req.requestId,
    'x-ms-error-code': e.code,
    date: now.toUTCString(),
    ...e.headers,
  };
  const version = req.headers['x-ms-version'];
  if (typeof version === 'string') headers['x-ms-version'] = version;
  return { status: e.status, statusText: e.message, headers, body: Buffer.from(body, 'utf8') };
}

export const blobErrors = {
  authenticationFailed: (detail: string): StorageErrorInput => ({
    status: 403,
    code: 'AuthenticationFailed',
    message: AUTH_FAILED,
    details: [['AuthenticationErrorDetail', detail]],
  }),
  /** Wrong audience (and other token problems Azure answers with a challenge). */
  invalidAuthenticationInfo: (detail: string, tenantId: string): StorageErrorInput => ({
    status: 401,
    code: 'InvalidAuthenticationInfo',
    message: 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.',
    details: [['AuthenticationErrorDetail', detail]],
    headers: {
      'www-authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${tenantId}/oauth2/authorize resource_id=https://storage.azure.com`,
    },
  }),
  /** An Authorization header that is neither SharedKey nor Bearer. */
  malformedAuthorization: (): StorageErrorInput => ({
    status: 400,
    code: 'InvalidAuthenticationInfo',
    message: 'Authentication information is not given in the correct format. Check the value of Authorization header.',
  }),
  permissionMismatch: (): StorageErrorInput => ({
    status: 403,
    code: 'AuthorizationPermissionMismatch',
    message: 'This request is not authorized to perform this operation using this permission.',
  }),
  resourceTypeMismatch: (): StorageErrorInput => ({
    status: 403,
    code: 'AuthorizationResourceTypeMismatch',
    message: 'This request is not authorized to perform this operation using this resource type.',
  }),
  serviceMismatch: (): StorageErrorInput => ({
    status: 403,
    code: 'AuthorizationServiceMismatch',
    message: 'This request is not authorized to perform this operation using this service.',
  }),
  protocolMismatch: (): StorageErrorInput => ({
    status: 403,
    code: 'AuthorizationProtocolMismatch',
    message: 'This request is not authorized to perform this operation using this protocol.',
  }),
  /** Anonymous access: accounts created today have AllowBlobPublicAccess=false. */
  /** A chunked PUT: Storage itself needs the length (a PUT with neither gets HTTP.sys's 411 page). */
  missingContentLength: (): StorageErrorInput => ({
    status: 411,
    code: 'MissingContentLengthHeader',
    message: 'The Content-Length header was not specified.',
  }),
  /**
   * An anonymous request the container's access level does not allow, on an account that allows
   * anonymous access: the bearer challenge (learn.microsoft.com/rest/api/storageservices/
   * authorize-with-azure-active-directory, "bearer challenge" example).
   */
  noAuthenticationInformation: (tenantId: string): StorageErrorInput => ({
    status: 401,
    code: 'NoAuthenticationInformation',
    message: 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.',
    headers: { 'www-authenticate': `Bearer authorization_uri=https://login.microsoftonline.com/${tenantId}/oauth2/authorize resource_id=https://storage.azure.com` },
  }),
  /** http:// to an account that requires secure transfer (body captured in MicrosoftDocs/azure-dev-docs#721). */
  accountRequiresHttps: (): StorageErrorInput => ({
    status: 400,
    code: 'AccountRequiresHttps',
    message: 'The account being accessed does not support http.',
  }),
  publicAccessNotPermitted: (): StorageErrorInput => ({
    status: 409,
    code: 'PublicAccessNotPermitted',
    message: 'Public access is not permitted on this storage account.',
  }),
  /**
   * A name beyond the documented limit (a blob name: 1,024 characters, learn.microsoft.com/rest/api/
   * storageservices/naming-and-referencing-containers--blobs--and-metadata). Status, code and text
   * as the service answers it: Azure/azure-powershell issue #16628, Azure/Azurite issue #398.
   */
  outOfRangeInput: (): StorageErrorInput => ({
    status: 400,
    code: 'OutOfRangeInput',
    message: 'One of the request inputs is out of range.',
  }),
} satisfies Record<string, (...args: never[]) => StorageErrorInput>;

/** An answer of the HTTP.sys front end: it comes before Storage sees the request, so the body is HTML. */
function httpSysPage(now: Date, status: number, reason: string, body: string, extra: Record<string, string> = {}): EmulatorResponse {
  return { status, statusText: reason, headers: { 'content-type': 'text/html; charset=us-ascii', server: 'Microsoft-HTTPAPI/2.0', date: now.toUTCString(), ...extra }, body };
}

/**
 * HTTP.sys's 400 for a request path it refuses (see percent-encoding.ts for when); the page's text
 * as captured from a blob endpoint in Azure/azure-iot-sdk-c issue #1288.
 */
export function invalidUrl(now: Date): EmulatorResponse {
  return httpSysPage(
    now,
    400,
    'Bad Request',
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Bad Request - Invalid URL</h2>\r\n<hr><p>HTTP Error 400. The request URL is invalid.</p>\r\n</BODY></HTML>\r\n',
  );
}

/** 411 from the HTTP.sys front end. */
export function lengthRequired(req: EmulatorRequest, now: Date): EmulatorResponse {
  return httpSysPage(
    now,
    411,
    'Length Required',
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Length Required</TITLE>\r\n<META HTTP-EQUIV="Content-Type" Content-Type="text/html; charset=us-ascii"></HEAD>\r\n<BODY><h2>Length Required</h2>\r\n<hr><p>HTTP Error 411. The request must be chunked or have a content length.</p>\r\n</BODY></HTML>\r\n',
    { 'x-ms-request-id': req.requestId },
  );
}
