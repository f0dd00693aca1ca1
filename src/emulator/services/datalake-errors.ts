// Data Lake Store Gen1 answers: WebHDFS `RemoteException` JSON errors, the Gen1 headers seen in the
// tutorial's transcript, and the retirement notice every answer carries (the service was retired on
// 2024-02-29; the emulator keeps modelling it so the page can still be checked for consistency).
import type { EmulatorRequest, EmulatorResponse } from '../types.ts';

export const RETIRED_HEADER = 'x-emulator-retired';
export const RETIRED_NOTICE = 'Azure Data Lake Storage Gen1 was retired on 2024-02-29';

export type RemoteExceptionName =
  | 'FileNotFoundException'
  | 'AccessControlException'
  | 'FileAlreadyExistsException'
  | 'IllegalArgumentException'
  | 'BadOffsetException'
  | 'SecurityException'
  | 'PathIsNotEmptyDirectoryException';

const JAVA_CLASS: Record<RemoteExceptionName, string> = {
  FileNotFoundException: 'java.io.FileNotFoundException',
  AccessControlException: 'org.apache.hadoop.security.AccessControlException',
  FileAlreadyExistsException: 'org.apache.hadoop.fs.FileAlreadyExistsException',
  IllegalArgumentException: 'java.lang.IllegalArgumentException',
  BadOffsetException: 'org.apache.hadoop.fs.adl.BadOffsetException',
  SecurityException: 'java.lang.SecurityException',
  PathIsNotEmptyDirectoryException: 'org.apache.hadoop.fs.PathIsNotEmptyDirectoryException',
};

/** Gen1 stamps its messages with the request id and the server time: "[<id>][<time>]". */
export function gen1Stamp(req: EmulatorRequest, now: Date): string {
  return `[${req.requestId}][${now.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z')}]`;
}

export function gen1Headers(req: EmulatorRequest, now: Date): Record<string, string> {
  return {
    'cache-control': 'no-cache, no-cache, no-store, max-age=0',
    pragma: 'no-cache',
    expires: '-1',
    'x-ms-request-id': req.requestId,
    'x-ms-webhdfs-version': '17.04.22.00',
    'x-content-type-options': 'nosniff',
    'strict-transport-security': 'max-age=15724800; includeSubDomains',
    date: now.toUTCString(),
    [RETIRED_HEADER]: RETIRED_NOTICE,
  };
}

export function gen1Json(req: EmulatorRequest, now: Date, status: number, body: unknown, extra: Record<string, string> = {}): EmulatorResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...gen1Headers(req, now), ...extra },
    body: JSON.stringify(body),
  };
}

export function remoteException(req: EmulatorRequest, now: Date, status: number, exception: RemoteExceptionName, message: string, extra: Record<string, string> = {}): EmulatorResponse {
  return gen1Json(req, now, status, { RemoteException: { exception, message, javaClassName: JAVA_CLASS[exception] } }, extra);
}

/** The ACL failure text Gen1 sends for any operation the caller's ACLs do not allow. */
export function aclDenied(req: EmulatorRequest, now: Date, op: string): EmulatorResponse {
  return remoteException(
    req,
    now,
    403,
    'AccessControlException',
    `${op} failed with error 0x83090aa2 (Forbidden. ACL verification failed. Either the resource does not exist or the user is not authorized to perform the requested operation.). ${gen1Stamp(req, now)}`,
  );
}

/** Missing path. The wording is UNVERIFIED (no capture found); it follows the Gen1 "<what> [id][time]" form. */
export function fileNotFound(req: EmulatorRequest, now: Date, op: string, path: string): EmulatorResponse {
  return remoteException(req, now, 404, 'FileNotFoundException', `${op} failed: File/Folder does not exist: ${path} ${gen1Stamp(req, now)}`);
}
