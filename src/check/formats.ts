// String shapes that Azure responses use and that examples are compared by when a value is volatile
// (tokens, times, ids, etags) or the reader's own (names, GUIDs of their resources).
// The order of FORMATS matters: the first matching shape is the one an example value "has".
import { GUID } from '../guid.ts';

export type FormatName =
  | 'empty'
  | 'jwt'
  | 'guid'
  | 'epoch-seconds'
  | 'epoch-millis'
  | 'numeric'
  | 'iso-datetime'
  | 'rfc1123'
  | 'etag'
  | 'arm-id'
  | 'url'
  | 'hex'
  | 'base64'
  | 'string';

const JWT = /^eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ETAG = /^(W\/)?"?0x[0-9A-F]{6,}"?$/i;
const ARM_ID = /^\/subscriptions\/[^/]+(\/[^/]+\/[^/]+)*\/?$/i;
const URL_RE = /^https?:\/\/\S+$/;
const HEX = /^[0-9a-f]{16,}$/i;
const BASE64 = /^[A-Za-z0-9+/]{8,}={0,2}$/;

const TESTS: ReadonlyArray<[FormatName, (s: string) => boolean]> = [
  ['empty', (s) => s === ''],
  ['jwt', (s) => JWT.test(s)],
  ['guid', (s) => GUID.test(s)],
  // 1e9..1e10: seconds between 2001 and 2286; IMDS sends them as strings.
  ['epoch-seconds', (s) => /^\d{10}$/.test(s)],
  ['epoch-millis', (s) => /^\d{13}$/.test(s)],
  ['numeric', (s) => /^-?\d+$/.test(s)],
  ['iso-datetime', (s) => ISO.test(s) && !Number.isNaN(Date.parse(s))],
  ['rfc1123', (s) => RFC1123.test(s)],
  ['etag', (s) => ETAG.test(s)],
  ['arm-id', (s) => ARM_ID.test(s)],
  ['url', (s) => URL_RE.test(s)],
  ['hex', (s) => HEX.test(s)],
  ['base64', (s) => BASE64.test(s) && s.length % 4 === 0 && /[A-Za-z]/.test(s)],
];

/** The most specific shape of a string. */
export function formatOf(s: string): FormatName {
  for (const [name, test] of TESTS) if (test(s)) return name;
  return 'string';
}

/** Whether `s` has shape `f`. Wider shapes accept narrower ones where the wire may vary (numeric ⊃ epoch). */
export function hasFormat(s: string, f: FormatName): boolean {
  switch (f) {
    case 'string':
      return true;
    case 'numeric':
      return /^-?\d+$/.test(s);
    case 'epoch-seconds':
      // A token lifetime like "3599" and an epoch "1504130527" are both numeric strings; the
      // example fixes the kind of number, not its digits.
      return /^\d{9,10}$/.test(s);
    case 'epoch-millis':
      return /^\d{12,13}$/.test(s);
    default: {
      const test = TESTS.find(([name]) => name === f);
      return test ? test[1](s) : false;
    }
  }
}

export const FORMAT_LABEL: Readonly<Record<FormatName, string>> = {
  empty: 'an empty string',
  jwt: 'a JWT',
  guid: 'a GUID',
  'epoch-seconds': 'epoch seconds',
  'epoch-millis': 'epoch milliseconds',
  numeric: 'a numeric string',
  'iso-datetime': 'an ISO 8601 date-time',
  rfc1123: 'an RFC 1123 date',
  etag: 'an ETag',
  'arm-id': 'an ARM resource id',
  url: 'a URL',
  hex: 'a hex string',
  base64: 'base64',
  string: 'a string',
};

/** "8-4-4-4-12" groups of any letters: an example GUID with a typo ("…c3a0fdc190fz"). */
export function looksLikeBrokenGuid(s: string): boolean {
  return /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/i.test(s) && !GUID.test(s);
}
