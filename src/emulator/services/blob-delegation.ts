// User delegation: Get User Delegation Key (POST /?restype=service&comp=userdelegationkey, Entra
// tokens only, learn.microsoft.com/rest/api/storageservices/get-user-delegation-key) and the
// user delegation SAS signed with that key (…/create-user-delegation-sas). The key's value is
// derived from the account key and the key's signed fields, so a SAS can be checked later without
// remembering keys. Strings to sign per signed version, as @azure/storage-blob 12.32 builds them
// (sas/BlobSASSignatureValues.ts, generateBlobSASQueryParametersUDK20181109 … 20260406).
import { createHmac } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse, TokenClaims } from '../types.ts';
import type { BlobOperation } from './blob-operation.ts';
import { BLOB_SERVER } from './blob-errors.ts';
import { notEmulated } from './not-emulated.ts';

/** A delegation key may be valid for seven days at most. */
const MAX_KEY_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/** ISO 8601 without fractions, as SDKs and the service write SAS times (2024-01-01T00:00:00Z). */
function isoSeconds(value: string): string | undefined {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface KeyFields {
  oid: string;
  tid: string;
  start: string;
  expiry: string;
  service: string;
  version: string;
}

/** The key's value: HMAC of its signed fields under the account key (base64, 32 bytes like Azure's). */
export function delegationKeyValue(accountKey: string, f: KeyFields): string {
  const start = isoSeconds(f.start) ?? f.start;
  const expiry = isoSeconds(f.expiry) ?? f.expiry;
  return createHmac('sha256', Buffer.from(accountKey, 'base64')).update(['user-delegation-key', f.oid.toLowerCase(), f.tid.toLowerCase(), start, expiry, f.service, f.version].join('\n')).digest('base64');
}

const tag = (xml: string, name: string): string | undefined => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();

/** The key for a caller already authenticated with a token allowed generateUserDelegationKey. */
export function userDelegationKey(req: EmulatorRequest, now: Date, accountKey: string, claims: TokenClaims): EmulatorResponse {
  const body = req.body.toString('utf8');
  const expiryText = tag(body, 'Expiry');
  const startText = tag(body, 'Start') ?? now.toISOString();
  const expiry = expiryText === undefined ? undefined : isoSeconds(expiryText);
  const start = isoSeconds(startText);
  // The service's texts for a malformed KeyInfo or a key beyond seven days are not documented.
  if (expiry === undefined || start === undefined) return notEmulated('Azure Blob Storage (Get User Delegation Key without a valid KeyInfo Start/Expiry)', req);
  if (new Date(expiry).getTime() - now.getTime() > MAX_KEY_LIFETIME_MS || new Date(expiry) <= new Date(start)) {
    return notEmulated('Azure Blob Storage (Get User Delegation Key for more than seven days, or ending before it starts)', req);
  }
  const version = typeof req.headers['x-ms-version'] === 'string' ? req.headers['x-ms-version'] : '';
  const fields: KeyFields = { oid: claims.oid, tid: claims.tid, start, expiry, service: 'b', version };
  const xml =
    '<?xml version="1.0" encoding="utf-8"?><UserDelegationKey>' +
    `<SignedOid>${claims.oid}</SignedOid><SignedTid>${claims.tid}</SignedTid><SignedStart>${start}</SignedStart><SignedExpiry>${expiry}</SignedExpiry>` +
    `<SignedService>b</SignedService><SignedVersion>${version}</SignedVersion><Value>${delegationKeyValue(accountKey, fields)}</Value></UserDelegationKey>`;
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', server: BLOB_SERVER, 'x-ms-request-id': req.requestId, ...(version !== '' ? { 'x-ms-version': version } : {}), date: now.toUTCString() },
    body: Buffer.from(xml, 'utf8'),
  };
}

const q = (url: URL, name: string): string => url.searchParams.get(name) ?? '';

/** The string a user delegation SAS signs, by signed version; undefined for versions or fields not modelled. */
export function userDelegationStringToSign(url: URL, account: string, op: BlobOperation): string | undefined {
  const sv = q(url, 'sv');
  const sr = q(url, 'sr');
  const blobScoped = sr === 'b' || sr === 'bs' || sr === 'bv';
  const canonical = `/blob/${account}/${op.container ?? ''}${blobScoped ? `/${op.blob ?? ''}` : ''}`;
  const snapshot = sr === 'bs' ? q(url, 'snapshot') : sr === 'bv' ? q(url, 'versionid') : '';
  const key = [q(url, 'skoid'), q(url, 'sktid'), q(url, 'skt'), q(url, 'ske'), q(url, 'sks'), q(url, 'skv')];
  const head = [q(url, 'sp'), q(url, 'st'), q(url, 'se'), canonical, ...key];
  const tail = [q(url, 'rscc'), q(url, 'rscd'), q(url, 'rsce'), q(url, 'rscl'), q(url, 'rsct')];
  const where = [q(url, 'sip'), q(url, 'spr'), sv, sr, snapshot];
  if (sv < '2018-11-09') return undefined;
  if (sv < '2020-02-10') return [...head, ...where, ...tail].join('\n');
  const agents = [q(url, 'saoid'), q(url, 'suoid'), q(url, 'scid')];
  if (sv < '2020-12-06') return [...head, ...agents, ...where, ...tail].join('\n');
  if (sv < '2025-07-05') return [...head, ...agents, ...where, q(url, 'ses'), ...tail].join('\n');
  const delegated = [q(url, 'skdutid'), q(url, 'sduoid')];
  if (sv < '2026-04-06') return [...head, ...agents, ...delegated, ...where, q(url, 'ses'), ...tail].join('\n');
  // 2026-04-06 signs request headers and query parameters named in srh/srq: only their absence is modelled.
  if (url.searchParams.has('srh') || url.searchParams.has('srq')) return undefined;
  return [...head, ...agents, ...delegated, ...where, q(url, 'ses'), '', '', ...tail].join('\n');
}

/** The key a user delegation SAS names, re-derived from its signed key fields. */
export function keyOfSas(url: URL, accountKey: string): string {
  return delegationKeyValue(accountKey, { oid: q(url, 'skoid'), tid: q(url, 'sktid'), start: q(url, 'skt'), expiry: q(url, 'ske'), service: q(url, 'sks'), version: q(url, 'skv') });
}
