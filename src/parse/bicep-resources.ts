// The resource declarations of a Bicep file (`resource sym 'Microsoft.X/y@2023-01-01' = { … }`) read
// into plain values, with where each key is written, so that a body can be held to its type's schema
// like a template's. Only the object/array/literal structure is read: any other value (a parameter,
// a function call, an interpolated string, a ternary, a multi-line string) becomes an expression,
// written `[…]` as ARM templates write theirs, which no check judges. Bicep grammar:
// learn.microsoft.com/azure/azure-resource-manager/bicep/file (objects: one property per line or
// comma-separated on one line; arrays likewise; `//` and `/* */` comments).
import type { SourceLine } from './source-lines.ts';
import type { JsonString } from './json-reader.ts';

export interface BicepResource {
  /** The full type (a nested `resource x 'secrets@…'` gets its parent's type before it). */
  type: string;
  apiVersion: string;
  line: number;
  /** The body's properties as values (expressions as `[…]` strings). */
  body: Record<string, unknown>;
  /** Every key written in the body, with its path from the body's root (as json-reader's strings). */
  keys: JsonString[];
}

const DECLARATION = /^\s*resource\s+\w+\s+'([^'@]+)@([^']+)'\s*(existing\s*)?=\s*(.*)$/;
const KEY = /^\s*(?:'([^']*)'|([A-Za-z_$][\w$]*))\s*:\s*(.*)$/;

/** A line's text without a trailing `//` comment (outside quotes). */
function code(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && c === '/' && text[i + 1] === '/') return text.slice(0, i).trimEnd();
  }
  return text.trimEnd();
}

/** The change in bracket depth a piece of code makes, quotes skipped. */
function depthOf(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'" && text[i - 1] !== '\\') quoted = !quoted;
    else if (!quoted && (c === '{' || c === '[' || c === '(')) depth++;
    else if (!quoted && (c === '}' || c === ']' || c === ')')) depth--;
  }
  return depth;
}

/** A scalar written on one line: a plain string, a number, a boolean or null; else an expression. */
function scalar(text: string): unknown {
  const t = text.trim();
  if (/^'(?:[^'\\$]|\\.|\$(?!\{))*'$/.test(t)) return t.slice(1, -1).replace(/\\(.)/g, '$1');
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  return `[${t}]`;
}

class Reader {
  i = 0;
  constructor(readonly lines: SourceLine[]) {}

  private text(k: number): string {
    return code(this.lines[k]?.text ?? '');
  }

  /** Skips an expression that opened brackets on line i-1 (a call or ternary spanning lines). */
  private skipOpen(depth: number): void {
    while (depth > 0 && this.i < this.lines.length) depth += depthOf(this.text(this.i++));
  }

  /** An object whose `{` ended the previous line; reads up to and including its `}`. */
  object(path: string[], keys: JsonString[], out: BicepResource[], parentType: string | undefined): Record<string, unknown> {
    const obj: Record<string, unknown> = {};
    while (this.i < this.lines.length) {
      const line = this.lines[this.i] as SourceLine;
      const t = this.text(this.i++).trim();
      if (t === '' || t.startsWith('@') || t.startsWith('/*') || t.startsWith('*')) continue;
      if (t.startsWith('}')) return obj;
      const nested = DECLARATION.exec(t);
      if (nested) {
        this.resource(line, nested, out, parentType);
        continue;
      }
      const m = KEY.exec(t);
      if (!m) {
        this.skipOpen(depthOf(t));
        continue;
      }
      const key = (m[1] ?? m[2]) as string;
      const at = line.text.indexOf(m[1] !== undefined ? `'${key}'` : key);
      keys.push({ line: line.line, column: at + 1, raw: key, path: [...path, key], isKey: true });
      obj[key] = this.value((m[3] as string).trim(), [...path, key], keys, out, parentType);
    }
    return obj;
  }

  private array(path: string[], keys: JsonString[], out: BicepResource[], parentType: string | undefined): unknown[] {
    const arr: unknown[] = [];
    while (this.i < this.lines.length) {
      const t = this.text(this.i++).trim();
      if (t === '') continue;
      if (t.startsWith(']')) return arr;
      arr.push(this.value(t, [...path, String(arr.length)], keys, out, parentType));
    }
    return arr;
  }

  /** A value starting with `text` (the rest of its line); reads the following lines it opens. */
  value(text: string, path: string[], keys: JsonString[], out: BicepResource[], parentType: string | undefined): unknown {
    if (text === '{') return this.object(path, keys, out, parentType);
    if (text === '[') return this.array(path, keys, out, parentType);
    const depth = depthOf(text);
    if (depth > 0 || text.startsWith("'''")) {
      if (text.startsWith("'''")) while (this.i < this.lines.length && !(text.length > 3 && text.endsWith("'''"))) text = this.text(this.i++);
      else this.skipOpen(depth);
      return `[${text}]`;
    }
    // One-line objects and arrays ({ family: 'A', name: 'standard' }) hold literals worth reading too.
    const inline = /^\{(.*)\}$/.exec(text);
    if (inline) {
      const obj: Record<string, unknown> = {};
      for (const part of (inline[1] as string).split(',')) {
        const m = KEY.exec(part);
        if (m) obj[(m[1] ?? m[2]) as string] = scalar(m[3] as string);
      }
      return obj;
    }
    return scalar(text);
  }

  resource(line: SourceLine, m: RegExpExecArray, out: BicepResource[], parentType: string | undefined): void {
    const written = m[1] as string;
    const type = parentType && !written.includes('/') ? `${parentType}/${written}` : parentType && !written.includes('.') ? `${parentType}/${written}` : written;
    const rest = (m[4] as string).trim();
    // `= {`, `= if (…) {`, `= [for … : {`: the body is the object the line opens.
    if (!rest.endsWith('{')) {
      this.skipOpen(depthOf(rest));
      return;
    }
    const keys: JsonString[] = [];
    const entry: BicepResource = { type, apiVersion: m[2] as string, line: line.line, body: {}, keys };
    if (!m[3]) out.push(entry);
    // A loop's body ends on `}]`, which closes the object and the loop at once.
    entry.body = this.object([], keys, out, type);
  }
}

/** Every resource declared on `lines` (a Bicep file or block), nested ones included; `existing` ones left out. */
export function bicepResources(lines: SourceLine[]): BicepResource[] {
  const reader = new Reader(lines);
  const out: BicepResource[] = [];
  while (reader.i < lines.length) {
    const line = lines[reader.i++] as SourceLine;
    const m = DECLARATION.exec(code(line.text));
    if (m) reader.resource(line, m, out, undefined);
  }
  return out;
}
