// How much of what a step printed or received is kept. Two bounds, each keeping a head and a tail and
// marking the cut with how much was cut:
// - CHECKED_BYTES, when the output is read (a file, a trace, a response body): what the checks see.
//   Far above any page's example, far below V8's longest string (a step printing 600 MB ended the
//   run with ERR_STRING_TOO_LONG), and the middle is never read;
// - KEPT_BYTES, per text of the evidence the report keeps, after the checks (a 100 MB output made
//   100 MB reports).
// A cut never splits a secret, which would leave a prefix no redaction recognises: it moves to a
// break between words, and off any known secret the caller locates around it.
import { open, stat } from 'node:fs/promises';

export const CHECKED_BYTES = 16 << 20;
export const KEPT_BYTES = 1 << 20;
/** How far a cut may move to find a break between words. */
const BREAK_WINDOW = 4096;

/** The line that replaces what was cut; `about` when the count is estimated (a trace's data, from its dump's size). */
export function cutMarker(bytes: number, about = false): string {
  return `\n[… ${about ? 'about ' : ''}${bytes.toLocaleString('en-US')} bytes cut here by tutorial-conformance: the first and last part are kept …]\n`;
}

const MARKER = /\n\[… (?:about )?([\d,]+) bytes cut here by tutorial-conformance: the first and last part are kept …\]\n/g;

/** The bytes a marker line (without its line breaks) says were cut, or undefined for any other line. */
export function cutMarkerCount(line: string): number | undefined {
  MARKER.lastIndex = 0;
  const m = MARKER.exec(`\n${line}\n`);
  return m && m.index === 0 && m[0].length === line.length + 2 ? Number((m[1] ?? '0').replace(/,/g, '')) : undefined;
}

/** Bytes a text already says were cut from it (a text cut when read and again when kept). */
function alreadyCut(text: string): number {
  let n = 0;
  for (const m of text.matchAll(MARKER)) n += Number((m[1] ?? '0').replace(/,/g, ''));
  return n;
}

/** Where known secrets are in a piece of text (the run's redactor), so that a cut stays off them. */
export type SecretLocator = (text: string) => readonly { start: number; end: number }[];

/** Characters a token, key or signature is made of: a cut inside a run of them may split one. */
function isTokenChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45 || c === 46 || c === 126 || c === 37;
}

/** `at` moved by `step` (-1: back, 1: forward) until it is not inside a run of token characters; unmoved past BREAK_WINDOW. */
function toBreak(code: (i: number) => number, length: number, at: number, step: -1 | 1): number {
  let k = at;
  while (k > 0 && k < length && Math.abs(k - at) < BREAK_WINDOW && isTokenChar(code(k - 1)) && isTokenChar(code(k))) k += step;
  return Math.abs(k - at) >= BREAK_WINDOW ? at : k;
}

/** The cut [from, to) moved outwards to breaks between words and off any secret that crosses an end. */
function safeCut(text: string, from: number, to: number, locate?: SecretLocator): [number, number] {
  const code = (i: number): number => text.charCodeAt(i);
  let a = toBreak(code, text.length, from, -1);
  let b = toBreak(code, text.length, to, 1);
  if (locate) {
    const reach = 8 * BREAK_WINDOW;
    const start = Math.max(0, a - reach);
    for (const s of locate(text.slice(start, a + reach))) if (start + s.start < a && start + s.end > a) a = start + s.start;
    const end = Math.max(a, b - reach);
    for (const s of locate(text.slice(end, b + reach))) if (end + s.start < b && end + s.end > b) b = end + s.end;
  }
  return [a, b];
}

/** How many characters from `from` (forward, or backward to `from`) make at most `bytes` UTF-8 bytes. */
function charsWithin(text: string, bytes: number, fromEnd: boolean): number {
  let n = 0;
  let used = 0;
  for (;;) {
    const i = fromEnd ? text.length - 1 - n : n;
    if (i < 0 || i >= text.length) return n;
    const c = text.charCodeAt(i);
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    if (used + size > bytes) return n;
    used += size;
    n++;
  }
}

/** `text` if it is at most `limit` bytes (UTF-8), else its head and tail (at most `limit` bytes) around a marked cut. */
export function capText(text: string, limit = KEPT_BYTES, locate?: SecretLocator): string {
  // A character is at most 3 UTF-8 bytes (a surrogate pair: 4 for 2), so a short text is within the limit.
  if (text.length * 3 <= limit || Buffer.byteLength(text, 'utf8') <= limit) return text;
  const half = Math.floor(limit / 2);
  let [a, b] = safeCut(text, charsWithin(text, half, false), text.length - charsWithin(text, limit - half, true), locate);
  // Never split a surrogate pair.
  if (a > 0 && text.charCodeAt(a - 1) >= 0xd800 && text.charCodeAt(a - 1) <= 0xdbff) a--;
  if (b < text.length && text.charCodeAt(b) >= 0xdc00 && text.charCodeAt(b) <= 0xdfff) b++;
  const middle = text.slice(a, b);
  const markers = middle.match(MARKER)?.join('') ?? '';
  const cut = Buffer.byteLength(middle, 'utf8') - Buffer.byteLength(markers, 'utf8') + alreadyCut(middle);
  return `${text.slice(0, a)}${cutMarker(cut)}${text.slice(b)}`;
}

/** Head and tail of `head` and `tail` (bytes of one text, or of its start and end), cut at breaks between words. */
function joinAtBreaks(head: Buffer, tail: Buffer, total: number): Buffer {
  const headEnd = toBreak((i) => head[i]!, head.length, head.length - 1, -1);
  const tailStart = tail.length - toBreak((i) => tail[tail.length - 1 - i]!, tail.length, tail.length - 1, -1);
  const kept = [head.subarray(0, headEnd), tail.subarray(tailStart)] as const;
  return Buffer.concat([kept[0], Buffer.from(cutMarker(total - kept[0].length - kept[1].length)), kept[1]]);
}

/** `bytes` if at most `limit`, else head and tail around a marked cut (a response body shown as evidence). */
export function capBytes(bytes: Buffer, limit = CHECKED_BYTES): Buffer {
  if (bytes.length <= limit) return bytes;
  const half = Math.floor(limit / 2);
  return joinAtBreaks(bytes.subarray(0, half), bytes.subarray(bytes.length - (limit - half)), bytes.length);
}

/** A file's bytes, at most `limit` of them (head and tail around a marker); the middle is never read. */
export async function readCapped(path: string, limit = CHECKED_BYTES): Promise<{ bytes: Buffer; total: number; read: number }> {
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  );
  if (size < 0) return { bytes: Buffer.alloc(0), total: 0, read: 0 };
  const handle = await open(path, 'r');
  try {
    if (size <= limit) {
      const bytes = await handle.readFile();
      return { bytes, total: bytes.length, read: bytes.length };
    }
    const half = Math.floor(limit / 2);
    const head = Buffer.alloc(half);
    const tail = Buffer.alloc(limit - half);
    const h = await handle.read(head, 0, head.length, 0);
    const t = await handle.read(tail, 0, tail.length, size - tail.length);
    return { bytes: joinAtBreaks(head.subarray(0, h.bytesRead), tail.subarray(0, t.bytesRead), size), total: size, read: h.bytesRead + t.bytesRead };
  } finally {
    await handle.close();
  }
}
