// The steps of the tutorials travel in the page compressed: raw DEFLATE in base-85 text, several
// neighbouring tutorials per block, inflated in the browser by DecompressionStream when a tutorial
// comes near the screen. A report of 1,000 tutorials stays a few megabytes and opens at once. The blocks hold HTML
// the renderer already escaped, so the browser only inserts it. Anything that scans a written page
// (for secrets, for markup) must scan `expandedText`, never the file's bytes alone.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const PACK_TYPE = 'application/x-tc-pack';

/**
 * Uncompressed characters per block. DEFLATE looks back 32 KB: neighbours in one block share their
 * markup and vocabulary, and each block's start pays for it alone (1,000 tutorials of real shapes:
 * 256 KB blocks 5.31 MB packed, 1 MB blocks 5.12 MB); a 1 MB block still inflates in a few
 * milliseconds.
 */
const BLOCK_BYTES = 1024 * 1024;

/**
 * Base 85 over printable ASCII without the characters that mean something in HTML or could end a
 * script element (" & ' < > \ `), nor "=" and "%", so no secret pattern of the redactor ("sig=",
 * "AccountKey=", "sig%3D", a JSON "value") can ever match a packed block's text: 5 characters per
 * 4 bytes where base64 takes 5⅓. The page's script gets this very string (html.ts).
 */
export const ALPHABET = '!#$()*+,-./0123456789:;?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~';

export function encode85(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4) {
    const k = Math.min(4, bytes.length - i);
    let n = 0;
    for (let j = 0; j < 4; j++) n = n * 256 + (j < k ? bytes[i + j]! : 0);
    let group = '';
    for (let j = 0; j < 5; j++) {
      group = ALPHABET[n % 85]! + group;
      n = Math.floor(n / 85);
    }
    out += group.slice(0, k + 1);
  }
  return out;
}

export function decode85(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 4) / 5));
  let o = 0;
  for (let i = 0; i < text.length; i += 5) {
    const k = Math.min(5, text.length - i);
    let n = 0;
    for (let j = 0; j < 5; j++) {
      const d = j < k ? ALPHABET.indexOf(text[i + j]!) : 84;
      if (d < 0) throw new Error(`a packed block holds ${JSON.stringify(text[i + j])}, not a base-85 digit`);
      n = n * 85 + d;
    }
    for (let j = 3; j >= 0; j--) {
      if (j < k - 1) out[o + j] = n % 256;
      n = Math.floor(n / 256);
    }
    o += k - 1;
  }
  return out.subarray(0, o);
}

/** Tutorial index → the HTML of its steps (and its findings not tied to a step). */
export type Pack = Record<string, string>;

/**
 * Quotes in the text between tags are literal in HTML: "&quot;" there is six bytes for one, and a JSON
 * body is full of them. Tags are matched whole and left alone (attribute values keep their escapes;
 * every value in them went through `esc`, so no ">" is inside one).
 */
export function literalQuotes(html: string): string {
  return html.replace(/&quot;|&#39;|<[^>]*>/g, (m) => (m === '&quot;' ? '"' : m === '&#39;' ? "'" : m));
}

/**
 * A block's text: each part as "<tutorial index>:<length>:<html>", length in UTF-16 code units (a
 * JavaScript string's length). Not JSON: escaping every quote of the markup costs a third of the size.
 */
function encode(block: Pack): string {
  return Object.entries(block)
    .map(([ti, html]) => {
      const text = literalQuotes(html);
      return `${ti}:${text.length}:${text}`;
    })
    .join('');
}

function decode(text: string): Pack {
  const out: Pack = {};
  let at = 0;
  while (at < text.length) {
    const c1 = text.indexOf(':', at);
    const c2 = text.indexOf(':', c1 + 1);
    if (c1 < 0 || c2 < 0) throw new Error(`a packed block is malformed at ${at}`);
    const n = Number(text.slice(c1 + 1, c2));
    out[text.slice(at, c1)] = text.slice(c2 + 1, c2 + 1 + n);
    at = c2 + 1 + n;
  }
  return out;
}

export interface Packed {
  /** Tutorial index → block index. */
  blockOf: Map<number, number>;
  scripts: string;
}

export function packAll(parts: readonly string[]): Packed {
  const blockOf = new Map<number, number>();
  const blocks: Pack[] = [];
  let current: Pack = {};
  let size = 0;
  parts.forEach((html, ti) => {
    if (size > 0 && size + html.length > BLOCK_BYTES) {
      blocks.push(current);
      current = {};
      size = 0;
    }
    current[String(ti)] = html;
    size += html.length;
    blockOf.set(ti, blocks.length);
  });
  if (size > 0) blocks.push(current);
  const scripts = blocks.map((b, i) => `<script type="${PACK_TYPE}" id="p${i}">${compress(b)}</script>`).join('\n');
  return { blockOf, scripts };
}

const BLOCK = new RegExp(`<script type="${PACK_TYPE.replace(/[.+]/g, '\\$&')}" id="p(\\d+)">([^<]*)</script>`, 'g');

/** Every tutorial's packed HTML in a rendered page, by tutorial index. */
export function unpack(html: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of html.matchAll(BLOCK)) {
    const block = decode(inflateRawSync(decode85(m[2]!)).toString('utf8'));
    for (const [ti, part] of Object.entries(block)) out.set(Number(ti), part);
  }
  return out;
}

/** The page with every packed part in plain text after it: all a reader can ever see. */
export function expandedText(html: string): string {
  return [html, ...unpack(html).values()].join('\n');
}

function compress(block: Pack): string {
  return encode85(deflateRawSync(Buffer.from(encode(block), 'utf8'), { level: 9, memLevel: 9 }));
}

/**
 * `fn` applied to every part of a page a reader can see: the text outside the packed blocks, and
 * each tutorial's part inside them (a changed block is compressed again). The blocks' own text is
 * never given to `fn`: a pattern run over base-85 text could only corrupt it. Unchanged, the page is
 * returned as it was. This is how the writer scans a page for secrets and redacts one it composed.
 */
export function mapText(html: string, fn: (part: string) => string): string {
  let out = '';
  let at = 0;
  let changed = false;
  for (const m of html.matchAll(BLOCK)) {
    const before = html.slice(at, m.index);
    const plain = fn(before);
    changed ||= plain !== before;
    const block = decode(inflateRawSync(decode85(m[2]!)).toString('utf8'));
    let blockChanged = false;
    for (const [ti, part] of Object.entries(block)) {
      const next = fn(part);
      if (next !== part) {
        block[ti] = next;
        blockChanged = true;
      }
    }
    changed ||= blockChanged;
    out += plain + (blockChanged ? `<script type="${PACK_TYPE}" id="p${m[1]}">${compress(block)}</script>` : m[0]);
    at = m.index + m[0].length;
  }
  const tail = html.slice(at);
  const last = fn(tail);
  return changed || last !== tail ? out + last : html;
}
