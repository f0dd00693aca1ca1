// Storage Shared Key signing for the one data-plane write provisioning makes (uploading the
// tutorial's blob), so the upload needs no data-plane role for the provisioner and no wait for one.
// String-to-sign as documented for versions 2015-02-21 and later (Content-Length empty when 0).
import { createHmac } from 'node:crypto';

export interface SharedKeyRequest {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  account: string;
  /** base64 account key. */
  key: string;
}

export function sharedKeyAuthorization(req: SharedKeyRequest): string {
  const h = (name: string): string => req.headers[name] ?? '';
  const contentLength = h('content-length') === '0' ? '' : h('content-length');
  const canonicalHeaders = Object.keys(req.headers)
    .filter((n) => n.startsWith('x-ms-'))
    .sort()
    .map((n) => `${n}:${(req.headers[n] ?? '').trim()}\n`)
    .join('');
  const params = new Map<string, string[]>();
  for (const [k, v] of req.url.searchParams) params.set(k.toLowerCase(), [...(params.get(k.toLowerCase()) ?? []), v]);
  const canonicalQuery = [...params.keys()]
    .sort()
    .map((k) => `\n${k}:${(params.get(k) ?? []).sort().join(',')}`)
    .join('');
  const canonicalResource = `/${req.account}${req.url.pathname}${canonicalQuery}`;
  const stringToSign = [
    req.method.toUpperCase(),
    h('content-encoding'),
    h('content-language'),
    contentLength,
    h('content-md5'),
    h('content-type'),
    h('date'),
    h('if-modified-since'),
    h('if-match'),
    h('if-none-match'),
    h('if-unmodified-since'),
    h('range'),
  ].join('\n');
  const signature = createHmac('sha256', Buffer.from(req.key, 'base64')).update(`${stringToSign}\n${canonicalHeaders}${canonicalResource}`, 'utf8').digest('base64');
  return `SharedKey ${req.account}:${signature}`;
}
