// What a shared access signature can be, whatever produced it: the fields each kind of SAS has and
// needs, the values each field takes, and the resource its URL must name. Facts from Azure Storage's
// REST reference: "Create a service SAS" (learn.microsoft.com/rest/api/storageservices/create-service-sas),
// "Create an account SAS" (…/create-account-sas), "Create a user delegation SAS"
// (…/create-user-delegation-sas); the service versions from storage-versions.json (generated from
// Azurite's ValidAPIVersions by scripts/generate-storage-versions.ts).
import { readFileSync } from 'node:fs';
import { typoDistance } from './spec-schemas.ts';
import { notADate } from '../lint/rules/api-version-not-a-date.ts';

export type SasKind = 'service' | 'account' | 'user-delegation';

interface VersionTable {
  about: { commit: string; commitDate: string };
  versions: string[];
}
let versionTable: VersionTable | undefined;
function versions(): VersionTable {
  versionTable ??= JSON.parse(readFileSync(new URL('./storage-versions.json', import.meta.url), 'utf8')) as VersionTable;
  return versionTable;
}

/** The user delegation key's fields: every user delegation SAS has all six, no other SAS has any. */
export const KEY_FIELDS = ['skoid', 'sktid', 'skt', 'ske', 'sks', 'skv'] as const;
const SERVICE_FIELDS = ['sv', 'sr', 'st', 'se', 'sp', 'sip', 'spr', 'si', 'sig', 'ses', 'sdd', 'rscc', 'rscd', 'rsce', 'rscl', 'rsct', 'tn', 'spk', 'srk', 'epk', 'erk'];
const ACCOUNT_FIELDS = ['sv', 'ss', 'srt', 'sp', 'se', 'st', 'sip', 'spr', 'ses', 'sig'];
// Later user delegation fields: authorized/unauthorized object id, correlation id, delegated user.
const DELEGATION_FIELDS = [...KEY_FIELDS, 'saoid', 'suoid', 'scid', 'skdutid', 'sduoid'];
const SAS_FIELDS = new Set([...SERVICE_FIELDS, ...ACCOUNT_FIELDS, ...DELEGATION_FIELDS]);
/** Query parameters of Storage REST operations themselves, which sit next to a SAS in a URL. */
const REST_PARAMS = new Set(['restype', 'comp', 'timeout', 'snapshot', 'versionid', 'prefix', 'delimiter', 'marker', 'maxresults', 'include', 'blockid', 'blocklisttype', 'resource', 'recursive', 'action', 'directory', 'position', 'close', 'mode', 'upn', 'continuation', 'sharesnapshot', 'popreceipt', 'visibilitytimeout', 'messagettl', 'numofmessages', 'peekonly', 'where']);

/** Signed resources of a service or user delegation SAS: blob, container, directory, blob snapshot, blob version; file, share. */
const BLOB_RESOURCES = new Set(['b', 'c', 'd', 'bs', 'bv']);
const FILE_RESOURCES = new Set(['f', 's']);
// Permission letters each resource takes (the union over its resources, so a letter is only wrong
// where no resource of that service has it): blob/container/directory, file/share, table, queue, account.
const BLOB_PERMISSIONS = 'racwdxyltfmeopi';
const FILE_PERMISSIONS = 'rcwdl';
const TABLE_PERMISSIONS = 'raud';
const QUEUE_PERMISSIONS = 'raup';
const ACCOUNT_PERMISSIONS = 'rwdxylacuptfi';

/** The storage service an endpoint host names (account.blob.core.windows.net → blob), if any. */
export function storageServiceOfHost(host: string): 'blob' | 'dfs' | 'file' | 'queue' | 'table' | undefined {
  const m = /^[^.]+\.(blob|dfs|file|queue|table)\.core\.(?:windows\.net|chinacloudapi\.cn|usgovcloudapi\.net|cloudapi\.de)$/i.exec(host);
  return m ? (m[1]!.toLowerCase() as 'blob' | 'dfs' | 'file' | 'queue' | 'table') : undefined;
}

/** A SAS as a page shows it: its fields (URL-decoded) and the URL it is appended to, if any. */
export interface SasShown {
  fields: ReadonlyMap<string, string>;
  /** The endpoint host and path segments of the URL before "?", when the token is in a URL. */
  url?: { host: string; segments: string[] };
  /** The token may be incomplete (cut by a line break or an ellipsis): nothing is said of what it lacks. */
  partial: boolean;
}

export interface SasDefect {
  /** The field the defect is about (reported where it is written), or undefined for the token as a whole. */
  field?: string;
  message: string;
}

const CREATE = {
  service: '"Create a service SAS"',
  account: '"Create an account SAS"',
  'user-delegation': '"Create a user delegation SAS"',
} as const;

/** A value the reader chooses or the page elides: never judged. */
export function sasValueChosen(v: string): boolean {
  return /[<>{}$`…[\]*%]|\.\.\.|^\s*$|x{3,}|redacted|your|sample|token|signature/i.test(v);
}

/** A SAS of Azure Storage at all: a signed version that is a date (Logic Apps' sv=1.0 and Service Bus' skn tokens are other things). */
export function isStorageSas(fields: ReadonlyMap<string, string>): boolean {
  const sv = fields.get('sv');
  if (sv === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(sv.trim())) return false;
  if (fields.has('skn') || fields.has('api-version')) return false;
  if ((fields.get('sp') ?? '').startsWith('/')) return false;
  return ['sig', 'sp', 'se', 'sr', 'ss', 'srt', 'si'].some((f) => fields.has(f));
}

export function sasKind(fields: ReadonlyMap<string, string>): SasKind {
  if (fields.has('ss') || fields.has('srt')) return 'account';
  if (KEY_FIELDS.some((f) => fields.has(f))) return 'user-delegation';
  return 'service';
}

/** ISO 8601 in UTC as the SAS references list them: YYYY-MM-DD, …Thh:mmZ, …Thh:mm:ssZ (fractions tolerated). */
function timeDefect(field: string, v: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (!m) return `${field}=${v} is not an ISO 8601 time (YYYY-MM-DD, YYYY-MM-DDThh:mmZ or YYYY-MM-DDThh:mm:ssZ, in UTC)`;
  const bad = notADate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (bad) return `${field}=${v} cannot be a date (${bad})`;
  if (Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return `${field}=${v} has no such time of day`;
  if (m[4] !== undefined && m[7] === undefined) return `${field}=${v} has no time zone: a SAS time is in UTC and ends in Z`;
  if (m[7] !== undefined && !/^z$/i.test(m[7])) return `${field}=${v} is not in UTC: a SAS time ends in Z`;
  return undefined;
}

function versionDefect(field: string, v: string): string | undefined {
  const t = versions();
  if (t.versions.includes(v)) return undefined;
  // A version after the list was taken may be new, not wrong.
  if (v > t.about.commitDate.slice(0, 10)) return undefined;
  const near = t.versions.filter((x) => typoDistance(x, v) === 1);
  const year = t.versions.filter((x) => x.startsWith(v.slice(0, 4)));
  return `${field}=${v} is no Azure Storage service version (${year.length ? `those of ${v.slice(0, 4)} are ${year.join(', ')}` : `none is of ${v.slice(0, 4)}`}${near.length === 1 ? `; did you mean ${near[0]}?` : ''})`;
}

function lettersDefect(field: string, v: string, allowed: string, what: string): string | undefined {
  const bad = [...new Set(v)].filter((c) => !allowed.includes(c));
  if (v === '' || bad.length > 0) return `${field}=${v}: ${bad.length ? `${bad.map((c) => `"${c}"`).join(', ')} ${bad.length > 1 ? 'are no letters' : 'is no letter'}` : 'no letter is given'} of ${what} (${[...allowed].join(', ')})`;
  return undefined;
}

/** Every reason the SAS shown cannot be a token Azure Storage issues or accepts, with the reference that says so. */
export function sasDefects(sas: SasShown): SasDefect[] {
  const { fields } = sas;
  const out: SasDefect[] = [];
  const kind = sasKind(fields);
  const source = CREATE[kind];
  const concrete = (f: string): string | undefined => {
    const v = fields.get(f);
    return v === undefined || sasValueChosen(v) ? undefined : v.trim();
  };
  // Whether the service reads letters in capitals is not documented: letters are judged without case.
  const letters = (f: string): string | undefined => concrete(f)?.toLowerCase();
  const service = sas.url ? storageServiceOfHost(sas.url.host) : undefined;

  // Required fields, only of a token shown whole.
  const need: string[] = kind === 'account' ? ['sv', 'ss', 'srt', 'sp', 'se', 'sig'] : kind === 'user-delegation' ? ['sv', 'sr', 'sp', 'se', 'sig', ...KEY_FIELDS] : ['sv', 'sig'];
  if (kind === 'service' && !fields.has('si')) need.push('sp', 'se');
  // sr is required, but the REST reference's own examples with a stored access policy (si) leave it out: not judged there.
  if (kind === 'service' && !fields.has('si') && (service === 'blob' || service === 'dfs' || service === 'file')) need.push('sr');
  const missing = sas.partial ? [] : need.filter((f) => !fields.has(f));

  // Names: a field no SAS has that is one typo from one that every SAS of the kind needs.
  for (const name of fields.keys()) {
    const lower = name.toLowerCase();
    if (SAS_FIELDS.has(name) || REST_PARAMS.has(lower) || name.length > 5) continue;
    // Whether the service reads a name in capitals is not documented: such a name is not judged.
    if (SAS_FIELDS.has(lower)) continue;
    const ofKind = kind === 'account' ? ACCOUNT_FIELDS : kind === 'service' ? SERVICE_FIELDS : [...SERVICE_FIELDS, ...DELEGATION_FIELDS];
    const typos = ofKind.filter((f) => typoDistance(f, lower) === 1 && !fields.has(f));
    // The field it most likely stands for is one the token needs and lacks.
    const near = typos.some((f) => missing.includes(f)) ? typos.filter((f) => missing.includes(f)) : typos;
    if (near.length === 0) continue;
    out.push({ field: name, message: `no SAS has a field "${name}" (${source}), so the service ignores it${near.length === 1 ? ` — did you mean ${near[0]}, which this token lacks?` : ` (this token lacks ${near.join(', ')})`}` });
  }

  // A field of another kind.
  if (kind === 'account' && fields.has('sr')) out.push({ field: 'sr', message: `sr (signed resource) belongs to a service or user delegation SAS, but this token has ${fields.has('ss') ? 'ss' : 'srt'}, the fields of an account SAS (${CREATE.account}: sv, ss, srt, sp, se, sig — no sr). The two kinds cannot be mixed: the signature covers one kind's fields, so the service refuses the token (403 AuthenticationFailed).` });
  if (kind === 'account' && KEY_FIELDS.some((f) => fields.has(f))) out.push({ field: KEY_FIELDS.find((f) => fields.has(f)), message: `this token has ss/srt (an account SAS) and the fields of a user delegation key: a user delegation SAS is never an account SAS (${CREATE['user-delegation']}; it has sr instead).` });

  // A fragment without the signature is often an illustration of some fields; only a URL is meant to be used as written.
  if (missing.length > 0 && (fields.has('sig') || sas.url)) {
    const why = missing.includes('sig') ? 'without sig the service has no signature to check and refuses it (403 AuthenticationFailed)' : `the service refuses a token without ${missing.length > 1 ? 'them' : 'it'} (403 AuthenticationFailed)`;
    out.push({ message: `this ${kind === 'user-delegation' ? 'user delegation' : kind} SAS has no ${missing.join(', ')}: ${source} requires ${missing.length > 1 ? 'them' : 'it'}${kind === 'service' && missing.some((f) => f === 'sp' || f === 'se') ? ` (unless si names a stored access policy that gives ${missing.length > 1 ? 'them' : 'it'})` : ''}; ${why}. Show the whole token.` });
  }

  // Values.
  for (const f of ['sv', 'skv']) {
    const v = concrete(f);
    const why = v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? versionDefect(f, v) : undefined;
    if (why) out.push({ field: f, message: `${why}. The service answers a SAS of an unknown version with 403 AuthenticationFailed ("Signature fields not well formed" / "Version … not supported").` });
  }
  const sv = concrete('sv');
  if (sv && kind === 'account' && sv < '2015-04-05') out.push({ field: 'sv', message: `sv=${sv}: account SAS exist from version 2015-04-05 (${CREATE.account}); an older sv makes the service refuse the token.` });
  if (sv && kind === 'user-delegation' && sv < '2018-11-09') out.push({ field: 'sv', message: `sv=${sv}: user delegation SAS exist from version 2018-11-09 (${CREATE['user-delegation']}); an older sv makes the service refuse the token.` });
  for (const f of ['st', 'se', 'skt', 'ske']) {
    const v = concrete(f);
    const why = v ? timeDefect(f, v) : undefined;
    if (why) out.push({ field: f, message: `${why} (${source}). The service refuses such a token with 403 AuthenticationFailed ("Signature fields not well formed").` });
  }
  const st = concrete('st');
  const se = concrete('se');
  if (st && se && !timeDefect('st', st) && !timeDefect('se', se) && Date.parse(st) >= Date.parse(se)) out.push({ field: 'st', message: `st=${st} is not before se=${se}: the token is never valid, and the service refuses it (403 AuthenticationFailed, "Signed expiry time … must be after signed start time …"). Give a start before the expiry (or no st).` });

  const sr = letters('sr');
  if (sr && !BLOB_RESOURCES.has(sr) && !FILE_RESOURCES.has(sr)) out.push({ field: 'sr', message: `sr=${sr} is no signed resource: ${CREATE.service} lists b (blob), c (container), d (directory), bs (blob snapshot), bv (blob version), f (file) and s (share).` });
  const spr = letters('spr');
  if (spr && spr !== 'https' && spr !== 'https,http') out.push({ field: 'spr', message: `spr=${spr} is no signed protocol: the only values are "https" and "https,http" (${source}); HTTP alone is not allowed.` });
  const ss = letters('ss');
  const ssWhy = ss ? lettersDefect('ss', ss, 'bfqt', 'signed services') : undefined;
  if (ssWhy) out.push({ field: 'ss', message: `${ssWhy}: ${CREATE.account} has b (Blob), q (Queue), t (Table) and f (Files).` });
  const srt = letters('srt');
  const srtWhy = srt ? lettersDefect('srt', srt, 'sco', 'signed resource types') : undefined;
  if (srtWhy) out.push({ field: 'srt', message: `${srtWhy}: ${CREATE.account} has s (service), c (container) and o (object).` });
  const sp = letters('sp');
  if (sp) {
    const [allowed, what] =
      kind === 'account' ? [ACCOUNT_PERMISSIONS, 'an account SAS']
      : sr && FILE_RESOURCES.has(sr) ? [FILE_PERMISSIONS, `a file or share SAS (sr=${sr})`]
      : sr && BLOB_RESOURCES.has(sr) ? [BLOB_PERMISSIONS, `a blob, container or directory SAS (sr=${sr})`]
      : fields.has('tn') || service === 'table' ? [TABLE_PERMISSIONS, 'a table SAS']
      : service === 'queue' ? [QUEUE_PERMISSIONS, 'a queue SAS']
      : [undefined, ''];
    const why = allowed ? lettersDefect('sp', sp, allowed, what) : undefined;
    if (why) out.push({ field: 'sp', message: `${why} (${source}): the service refuses permissions it does not know (403 AuthenticationFailed, "Signature fields not well formed").` });
  }

  // The URL: the resource the token signs is the one the URL names.
  if (sas.url && sr && service) {
    const depth = sas.url.segments.length;
    const blobish = service === 'blob' || service === 'dfs';
    if ((BLOB_RESOURCES.has(sr) && !blobish) || (FILE_RESOURCES.has(sr) && service !== 'file')) {
      out.push({ field: 'sr', message: `sr=${sr} signs a ${FILE_RESOURCES.has(sr) ? 'file or share' : 'blob, container or directory'}, but the URL is the ${service} endpoint (${sas.url.host}): the service refuses the token there (403 AuthenticationFailed).` });
    } else if ((sr === 'b' || sr === 'bs' || sr === 'bv' || sr === 'f') && depth < 2) {
      out.push({ field: 'sr', message: `sr=${sr} signs one ${sr === 'f' ? 'file' : 'blob'}, but the URL names ${depth === 1 ? `the ${sr === 'f' ? 'share' : 'container'} /${sas.url.segments[0]}` : 'the account'}: the signature is computed over the ${sr === 'f' ? 'file' : 'blob'}'s path, so the service answers 403 AuthenticationFailed ("Signature did not match"). Append the token to the ${sr === 'f' ? 'file' : 'blob'}'s URL, or use a ${sr === 'f' ? 'share (sr=s)' : 'container (sr=c)'} SAS.` });
    } else if ((sr === 'c' || sr === 's' || sr === 'd') && depth < 1) {
      out.push({ field: 'sr', message: `sr=${sr} signs a ${sr === 'c' ? 'container' : sr === 's' ? 'share' : 'directory'}, but the URL names only the account: the service answers 403 AuthenticationFailed. Append the token to the ${sr === 'c' ? 'container' : sr === 's' ? 'share' : 'directory'}'s URL (or a path below it).` });
    }
  }
  if (sas.url && ss && !ssWhy && service) {
    const letter = { blob: 'b', dfs: 'b', file: 'f', queue: 'q', table: 't' }[service];
    if (!ss.includes(letter)) out.push({ field: 'ss', message: `ss=${ss} does not include ${letter} (${service === 'dfs' ? 'blob' : service}), but the URL is the ${service} endpoint (${sas.url.host}): the service answers 403 AuthorizationServiceMismatch ("This request is not authorized to perform this operation using this service").` });
  }
  return out;
}
