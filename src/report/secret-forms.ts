// Every way a known secret can be written by the tools a page runs, as exact strings: the secret as
// text (JSON-, HTML-, URL- and form-escaped), its bytes in base64 and base64url wherever they sit
// inside a larger blob (one form per byte alignment, so a token after a non-UTF-8 byte in a body
// stored as base64, or a client secret inside `Basic base64(id:secret)`, is still found), in hex
// (`xxd -p`, `od -tx1`, curl --trace's cells) and in octal byte lists (`od -b`). A key that is itself
// base64 (a storage or Key Vault key) also in the hex of its decoded bytes: the Shared Key samples
// print `base64 -d | xxd -p` of it. Line breaks and dump layouts are not forms: the views do that.
// Each form is one numbered kind, so the index can recompute the one form a hit needs.

/** Shorter strings would redact ordinary words; no Azure secret is this short. */
export const MIN_SECRET_LENGTH = 6;

type Kind = (secret: string) => string | undefined;

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const json = (s: string): string => JSON.stringify(s).slice(1, -1);

function urlDecoded(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined; // not URL-encoded
  }
}

/**
 * The base64 characters that depend on `bytes` alone when they start `offset` bytes after a
 * 3-byte boundary of a larger blob: character i covers bits [6i, 6i+6); only those inside the
 * secret's bits [8·offset, 8·(offset+n)) are fixed by it.
 */
export function base64Core(bytes: Buffer, offset: 0 | 1 | 2, alphabet: 'base64' | 'base64url'): string {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString(alphabet);
  return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
}

/** Bytes a key-shaped secret stands for: base64 of at least 16 bytes, as storage and Key Vault keys are. */
function decodedKey(secret: string): Buffer | undefined {
  if (secret.length < 24 || secret.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return undefined;
  const bytes = Buffer.from(secret, 'base64');
  return bytes.length >= 16 ? bytes : undefined;
}

const TEXTUAL: Kind[] = [
  (s) => s,
  json,
  (s) => htmlEscape(s),
  (s) => htmlEscape(json(s)),
  (s) => encodeURIComponent(s),
  // Some encoders write percent escapes in lower case.
  (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
  (s) => new URLSearchParams({ x: s }).toString().slice(2), // form encoding: spaces as "+"
  urlDecoded,
  (s) => {
    const d = urlDecoded(s);
    return d === undefined ? undefined : htmlEscape(d);
  },
];

/** The bytes a body or a header carries: the secret as text, URL-encoded (a form body) or JSON-escaped (a JSON body). */
const CARRIED: ((s: string) => Buffer)[] = [(s) => Buffer.from(s, 'utf8'), (s) => Buffer.from(encodeURIComponent(s), 'utf8'), (s) => Buffer.from(json(s), 'utf8')];

const BYTES: ((b: Buffer) => string)[] = [
  (b) => b.toString('base64'),
  (b) => b.toString('base64').replace(/=+$/, ''),
  (b) => b.toString('base64url'),
  ...([0, 1, 2] as const).flatMap((offset) => [(b: Buffer) => base64Core(b, offset, 'base64'), (b: Buffer) => base64Core(b, offset, 'base64url')]),
];

const CARRIED_FROM = TEXTUAL.length;

const KINDS: Kind[] = [
  ...TEXTUAL,
  ...CARRIED.flatMap((carry) => BYTES.map((encode): Kind => (s) => encode(carry(s)))),
  (s) => Buffer.from(s, 'utf8').toString('hex'),
  (s) => Buffer.from(s, 'utf8').toString('hex').toUpperCase(),
  (s) => [...Buffer.from(s, 'utf8')].map((b) => b.toString(8).padStart(3, '0')).join(''), // od -b
  (s) => decodedKey(s)?.toString('hex'),
  (s) => decodedKey(s)?.toString('hex').toUpperCase(),
  (s) => decodedKey(s)?.toString('base64url'),
  // A form with blanks is also looked for without them: views drop the blanks of od, fold and dumps.
  ...TEXTUAL.map((kind): Kind => (s) => {
    const f = kind(s);
    return f !== undefined && /\s/.test(f) ? f.replace(/\s+/g, '') : undefined;
  }),
];

/** Form number `kind` of `secret` (undefined when the secret has no such form). */
export function formOf(secret: string, kind: number): string | undefined {
  return KINDS[kind]?.(secret);
}

/** The distinct forms of `secret` at least MIN_SECRET_LENGTH long, with their kind numbers; the secret itself first. */
export function formsWithKinds(secret: string): { kind: number; form: string }[] {
  const seen = new Set<string>();
  const out: { kind: number; form: string }[] = [];
  // A secret its escapes leave alone (a JWT, a key) carries the same bytes three times: encode them once.
  const carried = new Set<string>();
  const skipped = new Set<number>();
  for (const [k, carry] of CARRIED.entries()) {
    const bytes = carry(secret).toString('latin1');
    if (carried.has(bytes)) for (let b = 0; b < BYTES.length; b++) skipped.add(CARRIED_FROM + k * BYTES.length + b);
    carried.add(bytes);
  }
  for (const [kind, make] of KINDS.entries()) {
    if (skipped.has(kind)) continue;
    const form = make(secret);
    if (form === undefined || form.length < MIN_SECRET_LENGTH || seen.has(form)) continue;
    seen.add(form);
    out.push({ kind, form });
  }
  return out;
}

/** Every written form of `secret` at least MIN_SECRET_LENGTH long, the secret itself first. */
export function encodedForms(secret: string): string[] {
  return formsWithKinds(secret).map((f) => f.form);
}
