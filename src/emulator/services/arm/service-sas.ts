// What the Storage resource provider does for listServiceSas (azure-behavior.md §3.4, §4.3): sign a
// service SAS with the account key, always as sv=2015-04-05, times without fractional seconds, and
// `st`/`spr`/`sip`/`si` only when the caller gave them.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export const SAS_SIGNED_VERSION = '2015-04-05';

/** ServiceSasParameters (storage.json 2017-06-01); single-letter enums are open strings (x-ms-enum modelAsString). */
export const ServiceSasParameters = z.object({
  canonicalizedResource: z.string().min(1),
  signedResource: z.string().min(1).optional(),
  signedPermission: z.string().optional(),
  signedIp: z.string().optional(),
  signedProtocol: z.string().optional(),
  signedStart: z.string().optional(),
  signedExpiry: z.string().optional(),
  signedIdentifier: z.string().optional(),
  keyToSign: z.string().optional(),
  rscc: z.string().optional(),
  rscd: z.string().optional(),
  rsce: z.string().optional(),
  rscl: z.string().optional(),
  rsct: z.string().optional(),
});
export type ServiceSasParameters = z.infer<typeof ServiceSasParameters>;

/** ISO 8601 UTC without fractional seconds, or undefined when the text is not a date. */
export function sasTime(text: string): string | undefined {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function signServiceSas(p: ServiceSasParameters, accountKeyBase64: string): string {
  const st = p.signedStart !== undefined ? sasTime(p.signedStart) : undefined;
  const se = p.signedExpiry !== undefined ? sasTime(p.signedExpiry) : undefined;
  const stringToSign = [
    p.signedPermission ?? '',
    st ?? '',
    se ?? '',
    p.canonicalizedResource,
    p.signedIdentifier ?? '',
    p.signedIp ?? '',
    p.signedProtocol ?? '',
    SAS_SIGNED_VERSION,
    p.rscc ?? '',
    p.rscd ?? '',
    p.rsce ?? '',
    p.rscl ?? '',
    p.rsct ?? '',
  ].join('\n');
  const sig = createHmac('sha256', Buffer.from(accountKeyBase64, 'base64')).update(stringToSign, 'utf8').digest('base64');
  const fields: [string, string | undefined][] = [
    ['sv', SAS_SIGNED_VERSION],
    ['sr', p.signedResource],
    ['sip', p.signedIp],
    ['spr', p.signedProtocol],
    ['st', st],
    ['se', se],
    ['sp', p.signedPermission],
    ['si', p.signedIdentifier],
    ['rscc', p.rscc],
    ['rscd', p.rscd],
    ['rsce', p.rsce],
    ['rscl', p.rscl],
    ['rsct', p.rsct],
    ['sig', sig],
  ];
  return fields
    .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}
