// The secret scan's oracle, independent of the redactor: instead of listing the forms a secret can
// take, it undoes what tools do to text (line prefixes and breaks, blanks, %-escapes, JSON escapes,
// base64 at every character offset, hex at both nibble offsets, od's octal bytes) and looks for any
// window of the secret in what comes back. A secret that can be read back from an output is a leak,
// whatever encoding nobody thought of listing.

const LINE_PREFIX = /^(?:[0-9a-fA-F]{4,8}:? ?|[0-7]{7}|[<>*{}] |\++ )/gm;

function unescapes(text: string): string[] {
  const out = [text];
  out.push(text.replace(/%([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))).replace(/\+/g, ' '));
  out.push(text.replace(/\\u([0-9A-Fa-f]{4})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16))).replace(/\\(["\\/])/g, '$1'));
  out.push(text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  return out;
}

function decodings(text: string): string[] {
  const out = new Set<string>();
  for (const t of unescapes(text)) {
    out.add(t);
    for (const run of t.match(/[A-Za-z0-9+/_-]{8,}/g) ?? []) {
      for (let skip = 0; skip < 4; skip++) {
        const bytes = Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
        out.add(bytes.toString('latin1'));
        out.add(bytes.toString('utf8'));
      }
    }
    for (const run of t.match(/[0-9a-fA-F]{12,}/g) ?? []) {
      for (let skip = 0; skip < 2; skip++) out.add(Buffer.from(run.slice(skip, skip + Math.floor((run.length - skip) / 2) * 2), 'hex').toString('latin1'));
    }
    for (const run of t.match(/[0-7]{18,}/g) ?? []) {
      for (let skip = 0; skip < 3; skip++) {
        const digits = run.slice(skip);
        const bytes: number[] = [];
        for (let k = 0; k + 3 <= digits.length; k += 3) bytes.push(Number.parseInt(digits.slice(k, k + 3), 8) & 0xff);
        out.add(Buffer.from(bytes).toString('latin1'));
      }
    }
  }
  return [...out];
}

/** What tools may have made of `text`, undone: the text, its lines joined, every decoding of those. */
export function readBack(text: string): string[] {
  const joined = text.replace(LINE_PREFIX, '').replace(/\s+/g, '');
  // Dump lines print bytes twice (hex cells, then the characters): each half joined on its own.
  const cells: string[] = [];
  const columns: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^[0-9a-f]{4,8}:? +((?:[0-9a-f]{2,4} {1,2})+) +\|?([^|]*)\|?$/i.exec(line.replace(/\r$/, ''));
    if (m) {
      cells.push(m[1]!.replace(/\s+/g, ''));
      columns.push(m[2]!);
    }
  }
  return [...decodings(text), ...decodings(joined), ...decodings(cells.join('')), columns.join('')];
}

/** Windows of `min` characters of `secret` (its UTF-8 bytes read as latin1 too) found in what `text` reads back as. */
export function recoverable(text: string, secret: string, min = 12): string[] {
  const windows = new Set<string>();
  for (const s of new Set([secret, Buffer.from(secret, 'utf8').toString('latin1')])) {
    if (s.length <= min) windows.add(s);
    else for (let k = 0; k + min <= s.length; k++) windows.add(s.slice(k, k + min));
  }
  const grams = new Set<string>();
  for (const t of readBack(text)) for (let k = 0; k + min <= t.length; k++) grams.add(t.slice(k, k + min));
  return [...windows].filter((w) => (w.length < min ? readBack(text).some((t) => t.includes(w)) : grams.has(w)));
}
