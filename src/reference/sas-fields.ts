// Which fields of a shared access signature follow from the request that produced it, and how a
// token shown on a page is held to that request. One implementation for lint (the request as the
// page writes it) and the check stage (the request the run really sent).
// Field names: Azure Storage's "Create a service SAS" / "Create an account SAS" references; what the
// resource provider's listServiceSas/listAccountSas echo: storage.json (2017-06-01)
// ServiceSasParameters/AccountSasParameters and its StorageAccountListServiceSAS example (st, spr and
// sip appear only when the request gives them); what az … generate-sas writes: azure-storage-blob
// _shared/shared_access_signature.py `_add_query`, which adds a field only when its value is set.

export const SAS_FIELD_NAME: Readonly<Record<string, string>> = {
  st: 'start time', se: 'expiry', sp: 'permissions', sr: 'resource', spr: 'protocol', sip: 'IP range', ss: 'services', srt: 'resource types',
};

/** What a request asked the SAS to contain, by SAS field. */
export interface SasRequest {
  fields: Map<string, string>;
  /** How the request names each field, for messages ("signedStart", "--start"). */
  names: Readonly<Record<string, string>>;
  /** The fields the request could have set but did not: the token then has none. */
  absent: Set<string>;
  /** What signs the token: the account key, or a user delegation key (az … generate-sas --as-user). */
  signedWith?: 'account-key' | 'user-delegation-key';
}

export const BODY_NAMES: Readonly<Record<string, string>> = {
  st: 'signedStart', se: 'signedExpiry', sp: 'signedPermission', sr: 'signedResource', spr: 'signedProtocol', sip: 'signedIp',
  ss: 'signedServices', srt: 'signedResourceTypes',
};

/** Fields the service writes only when the request gives them; others (sr, sv, se) it may fill in. */
const ONLY_WHEN_GIVEN = new Set(['st', 'spr', 'sip']);

/** The request of a POST …/listServiceSas or …/listAccountSas, from its URL and parsed JSON body. */
export function sasRequestOfBody(url: string, body: unknown): SasRequest | undefined {
  const account = /\/listAccountSas\b/i.test(url);
  if (!account && !/\/listServiceSas\b/i.test(url)) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  // The resource provider signs with the account's key.
  const req: SasRequest = { fields: new Map(), names: BODY_NAMES, absent: new Set(), signedWith: 'account-key' };
  for (const [field, name] of Object.entries(BODY_NAMES)) {
    const accountOnly = field === 'ss' || field === 'srt';
    if (accountOnly !== account && (accountOnly || field === 'sr')) continue;
    const v = b[name];
    if (typeof v === 'string') req.fields.set(field, v);
    else if (v === undefined) req.absent.add(field);
  }
  return req;
}

/** One field of a SAS query as written: its name, its URL-decoded value, and where the name starts. */
export interface SasQueryPart {
  name: string;
  value: string;
  /** 0-based offset of the name in the token. */
  offset: number;
}

/**
 * The fields of a SAS token ("sv=…&sr=c&…", with or without a leading "?"), in order, values
 * URL-decoded where they decode. An "&" inside a placeholder ("sp=<read&write>") does not end the
 * field; a part without a name ("&=x", a bare "&x") is no field. The one reader of SAS queries for
 * lint (tokens on a page's lines) and the check stage (the token of an example).
 */
export function sasQueryParts(token: string): SasQueryPart[] {
  const out: SasQueryPart[] = [];
  const from = token.startsWith('?') ? 1 : 0;
  let start = from;
  let depth = 0;
  const take = (end: number): void => {
    const part = token.slice(start, end);
    const eq = part.indexOf('=');
    if (eq <= 0) return;
    let value = part.slice(eq + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // shown as written
    }
    out.push({ name: part.slice(0, eq), value, offset: start });
  };
  for (let i = from; i < token.length; i++) {
    const c = token[i];
    if (c === '<') depth++;
    else if (c === '>' && depth > 0) depth--;
    else if (c === '&' && depth === 0) {
      take(i);
      start = i + 1;
    }
  }
  take(token.length);
  return out;
}

/** A token's fields by name (the last of a repeated name), values URL-decoded. */
export function sasQueryFields(token: string): Map<string, string> {
  return new Map(sasQueryParts(token).map((p) => [p.name, p.value]));
}

/** A value the reader chooses (placeholder, variable, command substitution, elision): nothing to compare. */
const CHOSEN = /[<>{}$`…]|\.\.\.|^\s*$/;
const AS_SETS = new Set(['sp', 'ss', 'srt']);
const letters = (s: string) => [...new Set(s)].sort().join('');

/** Same instant to the second: the service drops fractions of a second ("…03.1567373Z" → se=…03Z). */
function sameTime(a: string, b: string): boolean {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return a === b;
  return Math.floor(x / 1000) === Math.floor(y / 1000);
}

// The order az (the Azure Storage SDK) writes blob and container permissions in.
const AZ_ORDER = 'racwdxyltfmeopi';
const inAzOrder = (s: string) => [...AZ_ORDER].filter((c) => s.includes(c)).join('') + [...s].filter((c) => !AZ_ORDER.includes(c)).join('');

/**
 * Why a field a token shows contradicts the request (`where` names it: "the request on line 12"),
 * or undefined when it agrees or cannot be judged. `comparable` says whether the request's value
 * may be compared (false when the run substituted it from a placeholder the example cannot know).
 */
export function sasFieldMismatch(req: SasRequest, field: string, shown: string, where: string, comparable = true): string | undefined {
  if (!(field in SAS_FIELD_NAME)) return undefined;
  const asked = req.fields.get(field);
  const name = req.names[field] ?? field;
  if (asked === undefined) {
    if (!req.absent.has(field) || !ONLY_WHEN_GIVEN.has(field)) return undefined;
    return `the example's SAS has ${field}=${shown} (${SAS_FIELD_NAME[field]}), but ${where} sends no ${name}: the service writes ${field} into the token only when it is given one, so the real token has no ${field} field. Remove "${field}=…" from the example (or add ${name} to the request).`;
  }
  if (!comparable || CHOSEN.test(asked) || CHOSEN.test(shown)) return undefined;
  const same = AS_SETS.has(field) ? letters(asked) === letters(shown) : field === 'se' || field === 'st' ? sameTime(asked, shown) : asked.toLowerCase() === shown.toLowerCase();
  if (same) return undefined;
  const expected = field === 'sp' && name === '--permissions' ? inAzOrder(asked) : asked;
  return `the example's SAS has ${field}=${shown} (${SAS_FIELD_NAME[field]}), but ${where} asks for ${name} ${JSON.stringify(asked)}: the token it returns has ${field}=${expected}. Show ${field}=${expected} (or change the request).`;
}

/**
 * A token signed with a user delegation key carries the key's fields (skoid, sktid, skt, ske, sks,
 * skv); one signed with the account key never does ("Create a user delegation SAS", Azure Storage
 * REST reference). Why the token shown contradicts what signs it, or undefined.
 */
export function sasKeyMismatch(req: SasRequest, fields: ReadonlyMap<string, unknown>, where: string): string | undefined {
  const delegated = fields.has('skoid');
  const how = req.names === BODY_NAMES ? 'the resource provider signs listServiceSas/listAccountSas tokens with the account key' : req.signedWith === 'user-delegation-key' ? 'it is given --as-user' : 'it is given no --as-user';
  if (req.signedWith === 'account-key' && delegated) {
    return `the example's SAS has skoid and the other fields of a user delegation key, but ${where} is signed with the account key (${how}): such a token has no sk… fields. Show the token it returns (or ask for a user delegation SAS).`;
  }
  // Only a whole token says what it lacks (a URL broken over two lines leaves a tail with sig and no sv).
  if (req.signedWith === 'user-delegation-key' && !delegated && fields.has('sig') && fields.has('sv')) {
    return `the example's SAS has no skoid, sktid, skt, ske, sks, skv, but ${where} asks for a user delegation SAS (${how}), which always carries the fields of the key that signs it. Show the token it returns.`;
  }
  return undefined;
}
