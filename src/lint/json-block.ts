// Re-reads a JSON example from the file's own lines so that lint can point at the exact line of a
// syntax error or of a field, whatever the parser kept of the block.
import type { JsonBlock, LintDocument } from './document.ts';
import type { SourceLine } from '../parse/shell-words.ts';

export interface JsonError {
  message: string;
  line: number;
  column: number;
}

export interface ReadJson {
  block: JsonBlock;
  /** The block's lines that hold JSON (progress lines and fences left out). */
  lines: SourceLine[];
  ok: boolean;
  /** Parsed value; for invalid JSON, the value read after removing comments, when that works. */
  value: unknown;
  error: JsonError | undefined;
  /** Lines holding a "//" comment outside strings. */
  commentLines: SourceLine[];
}

const PROGRESS = /^\s*Finished\[#*\]/;
const FENCE = /^\s*(```|~~~)/;
// Unicode blanks a page may leave around a block (NBSP after the closing brace): not JSON's
// business, and JSON.parse would stop on them.
const EDGE_BLANKS = /^[\s\u00a0\u202f\ufeff]+|[\s\u00a0\u202f\ufeff]+$/gu;

function stripComments(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      if (ch === '\\') {
        out += ch + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      out += ch;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === '/' && text[i + 1] === '/') {
      offsets.push(i);
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    out += ch;
  }
  return { text: out, offsets };
}

function position(lines: SourceLine[], offset: number): { line: number; column: number } {
  let rest = offset;
  for (const l of lines) {
    if (rest <= l.text.length) return { line: l.line, column: rest + 1 };
    rest -= l.text.length + 1;
  }
  const last = lines[lines.length - 1];
  return { line: last?.line ?? 1, column: (last?.text.length ?? 0) + 1 };
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

export function readJson(doc: LintDocument, block: JsonBlock): ReadJson {
  const lines: SourceLine[] = [];
  for (let n = block.json.source.startLine; n <= block.json.source.endLine; n++) {
    const text = doc.hasText ? doc.line(n) : (block.json.raw.split('\n')[n - block.json.source.startLine] ?? '');
    if (PROGRESS.test(text) || FENCE.test(text)) continue;
    lines.push({ line: n, text });
  }
  const joined = lines.map((l) => l.text).join('\n');
  const lead = joined.length - joined.replace(/^[\s\u00a0\u202f\ufeff]+/u, '').length;
  const trimmed = joined.replace(EDGE_BLANKS, '');
  const { text: uncommented, offsets } = stripComments(joined);
  const commentLines = offsets.map((o) => {
    const p = position(lines, o);
    return { line: p.line, text: lines.find((l) => l.line === p.line)?.text ?? '' };
  });
  try {
    const value: unknown = JSON.parse(trimmed);
    return { block, lines, ok: true, value, error: undefined, commentLines };
  } catch (err) {
    const message = (err as Error).message;
    const at = errorOffset(message, trimmed);
    const where = position(lines, at === undefined ? 0 : at + lead);
    let value: unknown = block.json.value;
    try {
      value = JSON.parse(uncommented.replace(EDGE_BLANKS, ''));
    } catch {
      // keep the parser's best effort
    }
    return { block, lines, ok: false, value, error: { message, ...where }, commentLines };
  }
}

/** The line and column where `"key":` is written in the block (the n-th time when it repeats). */
export function locateKey(read: ReadJson, key: string, valueHint?: string): { line: number; column: number } | undefined {
  const needle = `"${key}"`;
  for (const l of read.lines) {
    let from = 0;
    for (;;) {
      const at = l.text.indexOf(needle, from);
      if (at < 0) break;
      const after = l.text.slice(at + needle.length);
      if (/^\s*:/.test(after) && (valueHint === undefined || after.includes(valueHint))) return { line: l.line, column: at + 1 };
      from = at + needle.length;
    }
  }
  if (valueHint !== undefined) return locateKey(read, key);
  return undefined;
}

/** The line where a given string value is written, for values found by walking the parsed JSON. */
export function locateValue(read: ReadJson, value: string): { line: number; column: number } | undefined {
  const needle = JSON.stringify(value).slice(1, -1);
  for (const l of read.lines) {
    const at = l.text.indexOf(needle);
    if (at >= 0) return { line: l.line, column: at + 1 };
  }
  return undefined;
}

export interface JsonLeaf {
  path: string[]; // keys from the root; array indexes as strings
  value: unknown;
}

/** Every value in the tree, parents before children. */
export function walk(value: unknown, path: string[] = []): JsonLeaf[] {
  const out: JsonLeaf[] = [{ path, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...walk(v, [...path, String(i)])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.push(...walk(v, [...path, k]));
  return out;
}
