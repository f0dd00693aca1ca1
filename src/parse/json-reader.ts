// The one JSON reader: JSON shown by a page, read as JSON.parse reads it, with where things are.
// `//` and `/* */` comments are found (and removed only for a second, lenient reading), errors get a
// line and column, and every key and string value keeps its place, so that lint can point at the
// exact field. Nothing is repaired in the text itself.
import { LineIndex, type Position, type SourceLine } from './source-lines.ts';

/** Where a JSON value that starts at `text[from]` ends (index after the closing bracket), or -1. */
export function scanJsonEnd(text: string, from: number, state?: JsonScanState): number {
  const st = state ?? { depth: 0, inString: false, escape: false };
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (st.inString) {
      if (st.escape) st.escape = false;
      else if (c === 92) st.escape = true;
      else if (c === 34) st.inString = false;
      continue;
    }
    if (c === 34) st.inString = true;
    else if (c === 123 || c === 91) st.depth++;
    else if (c === 125 || c === 93) {
      st.depth--;
      if (st.depth <= 0) return i + 1;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      // a // comment runs to the end of the line
      const nl = text.indexOf('\n', i);
      if (nl < 0) return -1;
      i = nl;
    }
  }
  return -1;
}

export interface JsonScanState {
  depth: number;
  inString: boolean;
  escape: boolean;
}

/** Remove `//` and `/* *\/` comments outside strings; `lineComments` are the offsets of the `//` ones. */
export function stripJsonComments(text: string): { text: string; found: boolean; lineComments: number[] } {
  if (!text.includes('/')) return { text, found: false, lineComments: [] };
  let out = '';
  let found = false;
  const lineComments: number[] = [];
  let inString = false;
  let escape = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (escape) escape = false;
      else if (c === '\\') escape = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    // `https://` outside a string is a URL whose opening quote is not a straight one (`"id": “https://…`),
    // not a comment: a comment never follows a scheme's colon.
    if (c === '/' && text[i + 1] === '/' && !/[A-Za-z][A-Za-z0-9+.-]*:$/.test(text.slice(Math.max(0, i - 12), i))) {
      found = true;
      lineComments.push(i);
      const nl = text.indexOf('\n', i);
      i = (nl < 0 ? text.length : nl) - 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      found = true;
      const close = text.indexOf('*/', i + 2);
      i = (close < 0 ? text.length : close + 2) - 1;
      continue;
    }
    out += c;
  }
  return { text: out, found, lineComments };
}

export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

// ---------- a reading with positions ----------

export type JsonPosition = Position;

/** A key or a string value where the page writes it. */
export interface JsonString extends JsonPosition {
  /** The characters between the quotes, as written (escapes not decoded). */
  raw: string;
  /** Keys and array indexes from the root to the value (for a key: to the value it names). */
  path: string[];
  isKey: boolean;
}

export interface JsonReading {
  /** The lines read (as given). */
  lines: SourceLine[];
  /** JSON.parse accepted the text (blanks around it aside). */
  ok: boolean;
  /** The value; for invalid JSON, the value read with comments removed, when that parses. */
  value: unknown;
  /** JSON.parse's message and where it points (its position, or the first use of the token it names). */
  error: ({ message: string } & JsonPosition) | undefined;
  /** Lines holding a "//" comment outside strings. */
  commentLines: SourceLine[];
  /** Every key and string value in document order, comments skipped. */
  strings: JsonString[];
}

// Unicode blanks a page may leave around a block (NBSP after the closing brace): not JSON's
// business, and JSON.parse would stop on them.
const EDGE_BLANKS = /^[\s\u00a0\u202f\ufeff]+|[\s\u00a0\u202f\ufeff]+$/gu;

/** Read JSON written on `lines` (their texts joined by newlines). */
export function readJson(lines: SourceLine[]): JsonReading {
  const index = new LineIndex(lines);
  const joined = index.text;
  const lead = joined.length - joined.replace(/^[\s\u00a0\u202f\ufeff]+/u, '').length;
  const trimmed = joined.replace(EDGE_BLANKS, '');
  const stripped = stripJsonComments(joined);
  const commentLines = stripped.lineComments.map((o) => {
    const line = index.lineAt(o)!;
    return { line: line.line, text: line.text };
  });
  const strings = positionedStrings(index);
  const strict = tryParseJson(trimmed);
  if (strict.ok) return { lines, ok: true, value: strict.value, error: undefined, commentLines, strings };
  const at = errorOffset(strict.error, trimmed);
  const lenient = tryParseJson(stripped.text.replace(EDGE_BLANKS, ''));
  return {
    lines,
    ok: false,
    value: lenient.ok ? lenient.value : undefined,
    error: { message: strict.error, ...index.at(at === undefined ? 0 : at + lead) },
    commentLines,
    strings,
  };
}

/**
 * A reading of a block whose string values are written over several lines for display: a long escaped
 * JSON string broken after its commas, each continuation indented ("data": "[{\"name\":\"sql1\",⏎
 * \"namespace\":\"arc\", …]", azure-management-docs @d923d588 azure-arc/data/upload-usage-data.md).
 * JSON.parse refuses the raw line breaks ("Bad control character in string literal"). Each break inside a
 * string, with the blanks around it, is taken out and the rest read again: `breaks` are the lines where a
 * string goes on, `error` what JSON.parse says then (placed on the page's line), undefined when it parses.
 * Undefined when no string holds a line break.
 */
export function readJoiningBrokenStrings(lines: SourceLine[]): { breaks: number[]; error: ({ message: string } & JsonPosition) | undefined } | undefined {
  const index = new LineIndex(lines);
  const text = index.text;
  let out = '';
  const origin: number[] = [];
  const breaks: number[] = [];
  let inString = false;
  let escape = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString && !escape && c === '\n') {
      breaks.push(index.at(i).line);
      while (out.length > 0 && /[ \t]/.test(out[out.length - 1]!)) {
        out = out.slice(0, -1);
        origin.pop();
      }
      while (i + 1 < text.length && /[ \t\r]/.test(text[i + 1]!)) i++;
      continue;
    }
    out += c;
    origin.push(i);
    if (inString) {
      if (escape) escape = false;
      else if (c === '\\') escape = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
  }
  if (breaks.length === 0) return undefined;
  const read = tryParseJson(out);
  if (read.ok) return { breaks, error: undefined };
  const at = errorOffset(read.error, out);
  // No offset ("Unexpected end of JSON input"): the value stops where the text does.
  const offset = at === undefined || at >= origin.length ? text.trimEnd().length : origin[at]!;
  return { breaks, error: { message: read.error, ...index.at(offset) } };
}

function errorOffset(message: string, text: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  // Newer V8 messages name the token instead of its offset: find its first use outside strings.
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  if (token === undefined) return undefined;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString && ch === '\\') i++;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === token) return i;
  }
  return undefined;
}

/**
 * Keys and string values with their places and paths, in one pass that skips comments and keeps
 * going over whatever is not JSON (a comment, a placeholder, a missing comma), so that the fields
 * of an invalid example can be pointed at too.
 */
function positionedStrings(index: LineIndex): JsonString[] {
  const text = index.text;
  const out: JsonString[] = [];
  // One frame per open bracket: its path, whether it is an array, the next index, the last key.
  const stack: Array<{ path: string[]; array: boolean; index: number; key: string | undefined }> = [];
  const n = text.length;
  let i = 0;
  const skipBlanksAndComments = (from: number): number => {
    let k = from;
    for (;;) {
      while (k < n && (text.charCodeAt(k) <= 32 || text.charCodeAt(k) === 0xa0)) k++;
      if (text.charCodeAt(k) === 47 && text.charCodeAt(k + 1) === 47) {
        const nl = text.indexOf('\n', k);
        k = nl < 0 ? n : nl;
      } else if (text.charCodeAt(k) === 47 && text.charCodeAt(k + 1) === 42) {
        const close = text.indexOf('*/', k + 2);
        k = close < 0 ? n : close + 2;
      } else return k;
    }
  };
  const childPath = (): string[] => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    return [...top.path, top.array ? String(top.index) : (top.key ?? '')];
  };
  while (i < n) {
    i = skipBlanksAndComments(i);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      let k = i + 1;
      while (k < n && text.charCodeAt(k) !== 34 && text.charCodeAt(k) !== 10) k += text.charCodeAt(k) === 92 ? 2 : 1;
      const raw = text.slice(i + 1, Math.min(k, n));
      const after = skipBlanksAndComments(k + 1);
      const top = stack[stack.length - 1];
      const isKey = text.charCodeAt(after) === 58 /* : */ && top !== undefined && !top.array;
      if (isKey) top.key = raw.includes('\\') ? decoded(raw) : raw;
      const p = index.at(i);
      out.push({ raw, path: childPath(), isKey, line: p.line, column: p.column });
      i = k + 1;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push({ path: childPath(), array: c === 91, index: 0, key: undefined });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      else if (top) top.key = undefined;
    }
    i++;
  }
  return out;
}

function decoded(raw: string): string {
  const r = tryParseJson(`"${raw}"`);
  return r.ok && typeof r.value === 'string' ? r.value : raw;
}

/** The keys of a reading by name, and its lines by number: built once per reading, when first asked. */
const keyIndexes = new WeakMap<JsonReading, { keys: Map<string, JsonString[]>; lineText: Map<number, string> }>();
function keyIndex(read: JsonReading) {
  let index = keyIndexes.get(read);
  if (!index) {
    index = { keys: new Map(), lineText: new Map(read.lines.map((l) => [l.line, l.text])) };
    for (const s of read.strings) {
      if (!s.isKey) continue;
      const name = s.path[s.path.length - 1] ?? '';
      const list = index.keys.get(name);
      if (list) list.push(s);
      else index.keys.set(name, [s]);
    }
    keyIndexes.set(read, index);
  }
  return index;
}

/** The place where `"key":` is written (the first, or the first whose line goes on with `valueHint`). */
export function locateKey(read: JsonReading, key: string, valueHint?: string): JsonPosition | undefined {
  const index = keyIndex(read);
  const keys = index.keys.get(key);
  if (!keys) return undefined;
  for (const s of keys) {
    if (valueHint !== undefined && !(index.lineText.get(s.line) ?? '').slice(s.column + s.raw.length + 1).includes(valueHint)) continue;
    return { line: s.line, column: s.column };
  }
  return { line: keys[0]!.line, column: keys[0]!.column };
}

/** Where a string value is written (the first string that holds it), at its first character. */
export function locateValue(read: JsonReading, value: string): JsonPosition | undefined {
  const needle = JSON.stringify(value).slice(1, -1);
  for (const s of read.strings) {
    const at = s.raw.indexOf(needle);
    if (at >= 0) return { line: s.line, column: s.column + 1 + at };
  }
  return undefined;
}

export interface JsonLeaf {
  path: string[]; // keys from the root; array indexes as strings
  value: unknown;
}

/** Every value in the tree, parents before children, in the order the text writes them. */
export function walk(value: unknown, path: string[] = []): JsonLeaf[] {
  const out: JsonLeaf[] = [];
  const visit = (v: unknown, at: string[]): void => {
    out.push({ path: at, value: v });
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...at, String(i)]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v as Record<string, unknown>)) visit(x, [...at, k]);
  };
  visit(value, path);
  return out;
}
