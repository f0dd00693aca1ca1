// Shared access signatures for the Blob service, signed with an account key: service SAS (sr=c/b,
// learn.microsoft.com/rest/api/storageservices/create-service-sas) and account SAS (ss/srt,
// …/create-account-sas), or with a user delegation key (skoid…, blob-delegation.ts). The string to sign depends on the signed version `sv`, and the errors quote
// what Azure quotes (the string to sign, the time frame in RFC 1123).
import type { BlobOperation } from './blob-operation.ts';
import { blobErrors, type StorageErrorInput } from './blob-errors.ts';
import { hmacBase64, signaturesEqual } from './blob-sharedkey.ts';
import { keyOfSas, userDelegationStringToSign } from './blob-delegation.ts';

/** Query names that belong to the signature; everything else in the URL is the request's own. */
export const SAS_PARAMS: ReadonlySet<string> = new Set([
  'sv', 'ss', 'srt', 'sp', 'st', 'se', 'sip', 'spr', 'si', 'sr', 'sig', 'ses', 'sdd',
  'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv', 'saoid', 'suoid', 'scid', 'skdutid', 'sduoid',
]);

export function hasSas(url: URL): boolean {
  return url.searchParams.has('sig');
}

export type SasCheck =
  | { ok: true; kind: 'service' | 'account' }
  | { ok: true; kind: 'userDelegation'; oid: string; tid: string }
  | { ok: false; error: StorageErrorInput }
  | { ok: false; notEmulated: string };

interface SasInput {
  account: string;
  keys: readonly [string, string];
  url: URL;
  secure: boolean;
  operation: BlobOperation;
  now: Date;
}

const q = (url: URL, name: string): string => url.searchParams.get(name) ?? '';

function rfc1123(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toUTCString();
}

function serviceStringToSign(input: SasInput): string | { notEmulated: string } {
  const { url, account, operation } = input;
  const sv = q(url, 'sv');
  const sr = q(url, 'sr');
  const blobScoped = sr === 'b' || sr === 'bs' || sr === 'bv';
  const canonical = `/blob/${account}/${operation.container ?? ''}${blobScoped ? `/${operation.blob ?? ''}` : ''}`;
  const head = [q(url, 'sp'), q(url, 'st'), q(url, 'se'), canonical, q(url, 'si'), q(url, 'sip'), q(url, 'spr'), sv];
  const overrides = [q(url, 'rscc'), q(url, 'rscd'), q(url, 'rsce'), q(url, 'rscl'), q(url, 'rsct')];
  const snapshotTime = sr === 'bs' ? q(url, 'snapshot') : sr === 'bv' ? q(url, 'versionid') : '';
  if (sv < '2015-04-05') return { notEmulated: `service SAS with sv=${sv} (before 2015-04-05) is not emulated` };
  if (sv < '2018-11-09') return [...head, ...overrides].join('\n');
  if (sv < '2020-12-06') return [...head, sr, snapshotTime, ...overrides].join('\n');
  return [...head, sr, snapshotTime, q(url, 'ses'), ...overrides].join('\n');
}

function accountStringToSign(input: SasInput): string {
  const { url, account } = input;
  const sv = q(url, 'sv');
  const fields = [account, q(url, 'sp'), q(url, 'ss'), q(url, 'srt'), q(url, 'st'), q(url, 'se'), q(url, 'sip'), q(url, 'spr'), sv];
  if (sv >= '2020-12-06') fields.push(q(url, 'ses'));
  fields.push('');
  return fields.join('\n');
}

/**
 * A SAS is sent unchanged with every request it authorizes, so its signature is computed once per
 * key and string to sign; the time window and permissions are still checked on every request.
 */
const sasSignatures = new Map<string, string>();
function sasSignature(key: string, stringToSign: string): string {
  const cacheKey = `${key}\u0000${stringToSign}`;
  let sig = sasSignatures.get(cacheKey);
  if (sig === undefined) {
    if (sasSignatures.size > 1024) sasSignatures.clear();
    sig = hmacBase64(key, stringToSign);
    sasSignatures.set(cacheKey, sig);
  }
  return sig;
}

export function verifySas(input: SasInput): SasCheck {
  const { url, keys, operation, now } = input;
  const isAccount = url.searchParams.has('ss') || url.searchParams.has('srt');
  const delegation = url.searchParams.has('skoid');
  if (q(url, 'si') !== '') return { ok: false, notEmulated: 'SAS with a stored access policy (si) is not emulated' };
  if (delegation && isAccount) return { ok: false, notEmulated: 'an account SAS with user delegation fields is not emulated' };

  const sts = delegation ? userDelegationStringToSign(url, input.account, operation) ?? { notEmulated: `user delegation SAS with sv=${q(url, 'sv')} and these fields is not emulated` } : isAccount ? accountStringToSign(input) : serviceStringToSign(input);
  if (typeof sts !== 'string') return { ok: false, notEmulated: sts.notEmulated };
  const sig = q(url, 'sig');
  // A user delegation SAS is signed with the delegation key, itself derived from the account key.
  const signingKeys = delegation ? keys.map((k) => keyOfSas(url, k)) : keys;
  const matches = signingKeys.some((k) => signaturesEqual(sasSignature(k, sts), sig));
  if (!matches) return { ok: false, error: blobErrors.authenticationFailed(`Signature did not match. String to sign used was ${sts}`) };

  const st = q(url, 'st');
  const se = q(url, 'se');
  const start = st === '' ? undefined : new Date(st);
  const expiry = new Date(se);
  if (start && start.getTime() >= expiry.getTime()) {
    return { ok: false, error: blobErrors.authenticationFailed(`Signed expiry time [${rfc1123(se)}] must be after signed start time [${rfc1123(st)}]`) };
  }
  if (Number.isNaN(expiry.getTime()) || now.getTime() > expiry.getTime() || (start && now.getTime() < start.getTime())) {
    return {
      ok: false,
      error: blobErrors.authenticationFailed(
        `Signature not valid in the specified time frame: Start [${st === '' ? '' : rfc1123(st)}] - Expiry [${rfc1123(se)}] - Current [${now.toUTCString()}]`,
      ),
    };
  }
  if (q(url, 'spr') === 'https' && !input.secure) return { ok: false, error: blobErrors.protocolMismatch() };
  if (delegation) {
    const keyExpiry = new Date(q(url, 'ske'));
    if (Number.isNaN(keyExpiry.getTime()) || now.getTime() > keyExpiry.getTime()) return { ok: false, notEmulated: "a user delegation SAS whose key has expired (the service's text is not documented)" };
  }

  const sp = q(url, 'sp');
  if (isAccount) {
    if (!q(url, 'ss').includes('b')) return { ok: false, error: blobErrors.serviceMismatch() };
    if (!q(url, 'srt').includes(operation.resourceType)) return { ok: false, error: blobErrors.resourceTypeMismatch() };
  } else if (!operation.serviceSasAllowed) {
    return { ok: false, error: blobErrors.permissionMismatch() };
  }
  if (!operation.sasPermissions.some((p) => sp.includes(p))) return { ok: false, error: blobErrors.permissionMismatch() };
  if (delegation) return { ok: true, kind: 'userDelegation', oid: q(url, 'skoid'), tid: q(url, 'sktid') };
  return { ok: true, kind: isAccount ? 'account' : 'service' };
}
