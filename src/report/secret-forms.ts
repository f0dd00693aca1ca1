// Every way a known secret can be written by the tools a page runs, as exact strings: the secret as
// text (JSON-, HTML-, URL- and form-escaped), its bytes in base64 and base64url wherever they sit
// inside a larger blob (one form per byte alignment, so a token after a non-UTF-8 byte in a body
// stored as base64, or a client secret inside `Basic base64(id:secret)`, is still found), in hex
// (`xxd -p`, `od -tx1`, curl --trace's cells) and in octal byte lists (`od -b`). A key that is itself
// base64 (a storage or Key Vault key) also in the hex of its decoded bytes: the Shared Key samples
// print `base64 -d | xxd -p` of it. Line breaks and dump layouts are not forms: the views do that.

/** Shorter strings would redact ordinary words; no Azure secret is this short. */
export const MIN_SECRET_LENGTH = 6;

function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
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

function base64Forms(bytes: Buffer, into: Set<string>): void {
  const b64 = bytes.toString('base64');
  into.add(b64);
  into.add(b64.replace(/=+$/, ''));
  into.add(bytes.toString('base64url'));
  for (const offset of [0, 1, 2] as const) {
    into.add(base64Core(bytes, offset, 'base64'));
    into.add(base64Core(bytes, offset, 'base64url'));
  }
}

function hexForms(bytes: Buffer, into: Set<string>): void {
  const hex = bytes.toString('hex');
  into.add(hex);
  into.add(hex.toUpperCase());
}

/** Bytes a key-shaped secret stands for: base64 of at least 16 bytes, as storage and Key Vault keys are. */
function decodedKey(secret: string): Buffer | undefined {
  if (secret.length < 24 || secret.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return undefined;
  const bytes = Buffer.from(secret, 'base64');
  return bytes.length >= 16 ? bytes : undefined;
}

/** Every written form of `secret` at least MIN_SECRET_LENGTH long, the secret itself first. */
export function encodedForms(secret: string): string[] {
  const textual = new Set<string>([secret]);
  const json = JSON.stringify(secret).slice(1, -1);
  textual.add(json);
  textual.add(htmlEscape(secret));
  textual.add(htmlEscape(json));
  const url = encodeURIComponent(secret);
  textual.add(url);
  // Some encoders write percent escapes in lower case.
  textual.add(url.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()));
  textual.add(new URLSearchParams({ x: secret }).toString().slice(2)); // form encoding: spaces as "+"
  try {
    const decoded = decodeURIComponent(secret);
    textual.add(decoded);
    textual.add(htmlEscape(decoded));
  } catch {
    // not URL-encoded; nothing to add
  }
  const forms = new Set<string>(textual);
  // The bytes a body or a header carries: the secret as text, URL-encoded (a form body) or JSON-escaped (a JSON body).
  for (const t of new Set([secret, url, json])) base64Forms(Buffer.from(t, 'utf8'), forms);
  const bytes = Buffer.from(secret, 'utf8');
  hexForms(bytes, forms);
  forms.add([...bytes].map((b) => b.toString(8).padStart(3, '0')).join('')); // od -b
  const key = decodedKey(secret);
  if (key) {
    hexForms(key, forms);
    forms.add(key.toString('base64url'));
  }
  // A form with spaces is also looked for without them: views drop the spaces of od, fold and dumps.
  for (const f of [...forms]) if (/\s/.test(f)) forms.add(f.replace(/\s+/g, ''));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}
