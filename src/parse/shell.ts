// Bash word splitting, as far as the tutorials need it: quotes, escapes, `\` line continuations,
// `$( … )` and backticks kept verbatim inside a word, comments, and the control/redirection
// operators. Nothing is expanded and nothing is repaired:
//  - only ASCII space, tab and newline separate words (U+00A0 is an ordinary character to bash, so
//    `Metadata:true<NBSP>` is one word and a lone `<NBSP>` is a word of its own);
//  - smart quotes (‘ ’ “ ”) are ordinary characters, not quotes;
//  - `$var` stays literally in the word (the model records it; run/ substitutes it).
// One deliberate departure from bash: a documentation placeholder `<SOME NAME>` is read as an
// opaque part of a word (the reader replaces it before running), so its spaces do not split the word
// and its angle brackets are not redirections.
import { ParseError } from './errors.ts';

export type ShellToken =
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'comment'; text: string; start: number; end: number };

export interface TokenizeResult {
  tokens: ShellToken[];
  /** Set when a quote, `$(` or backtick is not closed; lenient mode then reads to the end. */
  error?: { message: string; offset: number };
}

/** A documentation placeholder at the start of `s` from index `i`: `<ACCESS TOKEN>`, `<secret-name>`. */
export const PLACEHOLDER_AT = /<[A-Za-z][A-Za-z0-9 _.-]{0,80}>/y;

const OPS2 = ['&&', '||', '>>', ';;', '>&', '<<', '&>', '|&'];

/** 1 for characters with no meaning to the tokenizer (all non-ASCII characters are ordinary). */
const ORDINARY = new Uint8Array(128).fill(1);
for (const ch of ' \t\n\\\'"$`#<>|&;()') ORDINARY[ch.charCodeAt(0)] = 0;
const OPS1 = new Set(['|', '&', ';', '>', '<', '(', ')']);

/** Index of the `)` closing a `$(` whose body starts at `from`, or -1. Quotes inside are honoured. */
function closeOfSubstitution(src: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = src.indexOf("'", i + 1);
      if (j < 0) return -1;
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let k = i + 1;
      while (k < src.length && src[k] !== '"') k += src[k] === '\\' ? 2 : 1;
      if (k >= src.length) return -1;
      i = k + 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i;
    }
    i++;
  }
  return -1;
}

/** Split shell text into words, operators and comments. Never throws. */
export function tokenizeShell(src: string): TokenizeResult {
  const tokens: ShellToken[] = [];
  let error: TokenizeResult['error'];
  let cur = '';
  let inWord = false;
  let curStart = 0;
  let i = 0;
  const n = src.length;
  // (no closures here: this runs for every command line)
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      if (inWord) {
        tokens.push({ kind: 'word', text: cur, start: curStart, end: i });
        inWord = false;
      }
      i++;
      continue;
    }
    if (c === '\n') {
      if (inWord) {
        tokens.push({ kind: 'word', text: cur, start: curStart, end: i });
        inWord = false;
      }
      tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '\\') {
      if (src[i + 1] === '\n') {
        i += 2; // line continuation: removed, and it does not end the word
        continue;
      }
      if (!inWord) {
        inWord = true;
        cur = '';
        curStart = i;
      }
      if (i + 1 >= n) {
        cur += '\\';
        i++;
      } else {
        cur += src[i + 1]!;
        i += 2;
      }
      continue;
    }
    if (c === "'") {
      if (!inWord) {
        inWord = true;
        cur = '';
        curStart = i;
      }
      const j = src.indexOf("'", i + 1);
      if (j < 0) {
        error ??= { message: 'unbalanced single quote', offset: i };
        cur += src.slice(i + 1);
        i = n;
        break;
      }
      cur += src.slice(i + 1, j);
      i = j + 1;
      continue;
    }
    if (c === '"') {
      if (!inWord) {
        inWord = true;
        cur = '';
        curStart = i;
      }
      let k = i + 1;
      let s = '';
      while (k < n && src[k] !== '"') {
        const d = src[k]!;
        if (d === '\\' && k + 1 < n && '$`"\\\n'.includes(src[k + 1]!)) {
          if (src[k + 1] !== '\n') s += src[k + 1]!;
          k += 2;
        } else if (d === '$' && src[k + 1] === '(') {
          const close = closeOfSubstitution(src, k + 2);
          if (close < 0) {
            s += src.slice(k);
            k = n;
            error ??= { message: 'unclosed $( inside double quotes', offset: k };
          } else {
            s += src.slice(k, close + 1);
            k = close + 1;
          }
        } else {
          s += d;
          k++;
        }
      }
      cur += s;
      if (k >= n) {
        error ??= { message: 'unbalanced double quote', offset: i };
        i = n;
        break;
      }
      i = k + 1;
      continue;
    }
    if (c === '$' && src[i + 1] === '(') {
      if (!inWord) {
        inWord = true;
        cur = '';
        curStart = i;
      }
      const close = closeOfSubstitution(src, i + 2);
      if (close < 0) {
        error ??= { message: 'unclosed $(', offset: i };
        cur += src.slice(i);
        i = n;
        break;
      }
      cur += src.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    if (c === '`') {
      if (!inWord) {
        inWord = true;
        cur = '';
        curStart = i;
      }
      let k = i + 1;
      while (k < n && src[k] !== '`') k += src[k] === '\\' ? 2 : 1;
      if (k >= n) {
        error ??= { message: 'unbalanced backtick', offset: i };
        cur += src.slice(i);
        i = n;
        break;
      }
      cur += src.slice(i, k + 1);
      i = k + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const j = src.indexOf('\n', i);
      const end = j < 0 ? n : j;
      tokens.push({ kind: 'comment', text: src.slice(i + 1, end), start: i, end });
      i = end;
      continue;
    }
    if (c === '<') {
      PLACEHOLDER_AT.lastIndex = i;
      const m = PLACEHOLDER_AT.exec(src);
      if (m) {
        if (!inWord) {
          inWord = true;
          cur = '';
          curStart = i;
        }
        cur += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (OPS1.has(c)) {
      if (inWord) {
        tokens.push({ kind: 'word', text: cur, start: curStart, end: i });
        inWord = false;
      }
      const two = src.slice(i, i + 2);
      const op = OPS2.includes(two) ? two : c;
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    if (!inWord) {
      inWord = true;
      cur = '';
      curStart = i;
    }
    // A run of ordinary characters is appended in one slice.
    let e = i + 1;
    while (e < n && ORDINARY[src.charCodeAt(e)] !== 0) e++;
    cur += e === i + 1 ? c : src.slice(i, e);
    i = e;
  }
  if (inWord) {
    tokens.push({ kind: 'word', text: cur, start: curStart, end: i });
    inWord = false;
  }
  return error ? { tokens, error } : { tokens };
}

export interface Redirect {
  op: string;
  target: string;
}

export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  start: number;
  end: number;
}

/** A pipeline of simple commands, and the operator that ends it (`;`, `&&`, `||`, `&`, newline). */
export interface Pipeline {
  commands: SimpleCommand[];
  terminator?: string;
}

/** Group tokens into pipelines of simple commands with their redirections. */
export function toPipelines(tokens: ShellToken[]): Pipeline[] {
  const out: Pipeline[] = [];
  let pipe: SimpleCommand[] = [];
  let cmd: SimpleCommand | null = null;
  // (plain loops, no closures: this runs for every command line)
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (t !== undefined && t.kind === 'comment') continue;
    if (t !== undefined && t.kind === 'word') {
      cmd ??= { words: [], redirects: [], start: t.start, end: t.end };
      cmd.words.push(t.text);
      cmd.end = t.end;
      continue;
    }
    if (t !== undefined && (t.op === '>' || t.op === '>>' || t.op === '<' || t.op === '&>' || t.op === '>&' || t.op === '<<')) {
      cmd ??= { words: [], redirects: [], start: t.start, end: t.end };
      const next = tokens[k + 1];
      if (next && next.kind === 'word') {
        cmd.redirects.push({ op: t.op, target: next.text });
        cmd.end = next.end;
        k++;
      } else {
        cmd.redirects.push({ op: t.op, target: '' });
      }
      continue;
    }
    // end of a simple command: a pipe, another operator, or the end of the tokens
    if (cmd && (cmd.words.length > 0 || cmd.redirects.length > 0)) pipe.push(cmd);
    cmd = null;
    if (t !== undefined && (t.op === '|' || t.op === '|&')) continue;
    if (pipe.length > 0) out.push(t !== undefined ? { commands: pipe, terminator: t.op } : { commands: pipe });
    pipe = [];
  }
  return out;
}

function lineOf(src: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < src.length; i++) if (src[i] === '\n') line++;
  return line;
}

/**
 * The words of shell text as bash would pass them (comments dropped, operators dropped).
 * Throws ParseError naming the line when a quote is not closed; `firstLine` is the file line of
 * the text's first line.
 */
export function shellWords(src: string, opts: { file?: string; firstLine?: number } = {}): string[] {
  const { tokens, error } = tokenizeShell(src);
  if (error) {
    const line = (opts.firstLine ?? 1) + lineOf(src, error.offset) - 1;
    throw new ParseError(error.message, { ...(opts.file ? { file: opts.file } : {}), line });
  }
  return tokens.filter((t): t is Extract<ShellToken, { kind: 'word' }> => t.kind === 'word').map((t) => t.text);
}
