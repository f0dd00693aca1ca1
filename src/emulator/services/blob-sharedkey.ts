// Shared Key for the Blob service (learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key):
// the string to sign built from the request as sent, used both to verify a client's signature and to
// sign the requests the emulator forwards to its Azurite backend.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header values as the string-to-sign sees them: one string per name, lower-case names. */
export type SignableHeaders = Record<string, string | string[] | undefined>;

export interface SignableRequest {
  method: string;
  /** The path as sent, still percent-encoded, without the query. */
  rawPath: string;
  /** The query as sent (without '?'), still percent-encoded. */
  rawQuery: string;
  headers: SignableHeaders;
}

function headerValue(headers: SignableHeaders, name: string): string {
  const v = headers[name];
  if (v === undefined) return '';
  return Array.isArray(v) ? v.join(',') : v;
}

/** Query names lower-cased and sorted; repeated names' values sorted and comma-joined. */
function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const byName = new Map<string, string[]>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, '%20')).toLowerCase();
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, '%20'));
    const list = byName.get(name) ?? [];
    list.push(value);
    byName.set(name, list);
  }
  return [...byName.keys()]
    .sort()
    .map((name) => `\n${name}:${(byName.get(name) ?? []).sort().join(',')}`)
    .join('');
}

/**
 * The Blob Shared Key string to sign for versions 2009-09-19 and later. From 2015-02-21 a zero
 * Content-Length is signed as the empty string; before that it is signed as "0".
 */
export function sharedKeyStringToSign(account: string, req: SignableRequest): string {
  const version = headerValue(req.headers, 'x-ms-version');
  let contentLength = headerValue(req.headers, 'content-length');
  if (contentLength === '0' && (version === '' || version >= '2015-02-21')) contentLength = '';
  const standard = [
    req.method.toUpperCase(),
    headerValue(req.headers, 'content-encoding'),
    headerValue(req.headers, 'content-language'),
    contentLength,
    headerValue(req.headers, 'content-md5'),
    headerValue(req.headers, 'content-type'),
    headerValue(req.headers, 'date'),
    headerValue(req.headers, 'if-modified-since'),
    headerValue(req.headers, 'if-match'),
    headerValue(req.headers, 'if-none-match'),
    headerValue(req.headers, 'if-unmodified-since'),
    headerValue(req.headers, 'range'),
  ].join('\n');
  const msHeaders = Object.keys(req.headers)
    .map((n) => n.toLowerCase())
    .filter((n) => n.startsWith('x-ms-'))
    .sort()
    .map((n) => `${n.trimEnd()}:${headerValue(req.headers, n).trimStart()}\n`)
    .join('');
  const resource = `/${account}${req.rawPath === '' ? '/' : req.rawPath}${canonicalQuery(req.rawQuery)}`;
  return `${standard}\n${msHeaders}${resource}`;
}

/** Decoded account keys: decoding a 64-byte base64 key on every request shows up in profiles. */
const keyBytes = new Map<string, Buffer>();

export function hmacBase64(base64Key: string, stringToSign: string): string {
  let key = keyBytes.get(base64Key);
  if (key === undefined) {
    if (keyBytes.size > 256) keyBytes.clear();
    key = Buffer.from(base64Key, 'base64');
    keyBytes.set(base64Key, key);
  }
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('base64');
}

/** Constant-time comparison of two base64 signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export type SharedKeyCheck =
  | { ok: true; keyIndex: 0 | 1 }
  | { ok: false; detail: string };

/** Verify `SharedKey <account>:<signature>` against key1 and key2 (either may sign). */
export function verifySharedKey(
  authorization: string,
  account: string,
  keys: readonly [string, string],
  req: SignableRequest,
): SharedKeyCheck {
  const m = /^SharedKey ([^:]+):(.*)$/.exec(authorization);
  if (!m) return { ok: false, detail: 'The Authorization header is not in the SharedKey format.' };
  // A header naming another account cannot match: the account is part of the string to sign.
  const [, claimedAccount = '', signature = ''] = m;
  const stringToSign = sharedKeyStringToSign(account, req);
  for (const i of [0, 1] as const) {
    if (claimedAccount === account && signaturesEqual(hmacBase64(keys[i], stringToSign), signature)) return { ok: true, keyIndex: i };
  }
  return {
    ok: false,
    detail: `The MAC signature found in the HTTP request '${signature}' is not the same as any computed signature. Server used following string to sign: '${stringToSign}'.`,
  };
}
