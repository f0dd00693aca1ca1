// One reader of PowerShell statements, as PowerShell parses them (about_Parsing, about_Quoting_Rules,
// about_Splatting, about_Hash_Tables, about_Comments): what lint reads and what run executes.
// - A statement ends at a newline or `;` outside brackets, quotes and here-strings; a backtick at a
//   line's end continues it, so does a `|` ending a line (or starting the next one, PowerShell 7).
// - A pipeline element starting with a name is a command read in ARGUMENT mode: `-Name` is a
//   parameter token, `-Name:value` a parameter with its value attached, anything else a value
//   (a bare word is a string; `'…'` is literal, `"…"` expands `$var` and `$(…)`; `@name` splats).
//   Whether `-Name value` is a switch followed by a positional value or a parameter with its value
//   only the cmdlet's declaration says: the reader keeps them as two arguments (bindArguments pairs them).
// - An element starting with `$`, a quote, a digit, `@`, `(` or `[` is an EXPRESSION (`$x = 'a'`, `$vm | Update-AzVM`).
// - `if`/`foreach`/`function`/`try`… statements are recorded by keyword, not read further.
// Nothing is expanded or repaired. Offsets are into the raw text given. One deliberate departure, as in the bash
// reader (shell-words.ts): a documentation placeholder `<group-name>` is an opaque part of a word, not the `<`
// operator PowerShell reserves, since the reader replaces it before running anything.

import type { PsArg, PsCommand, PsStatement, PsValue, PsValueKind } from '../model.ts';

export type { PsArg, PsCommand, PsStatement, PsValue, PsValueKind };

/** A documentation placeholder at a `<`: `<group-name>`, `<username@example.com>`, `<SUBSCRIPTION ID>`. */
const PLACEHOLDER_AT = /<[A-Za-z][A-Za-z0-9 _.@:\/-]{0,80}>/y;

const KEYWORDS = new Set(['if', 'elseif', 'else', 'foreach', 'for', 'while', 'do', 'until', 'switch', 'function', 'filter', 'workflow', 'try', 'catch', 'finally', 'trap', 'param', 'begin', 'process', 'end', 'return', 'throw', 'break', 'continue', 'exit', 'class', 'enum', 'using', 'data', 'dynamicparam']);
// PowerShell's tokenizer takes typographic quotes as quotes (CharTraits.cs IsSingleQuote / IsDoubleQuote,
// PowerShell/PowerShell src/System.Management.Automation/engine/parser/CharTraits.cs @929903692e550140efb5042ed05d65bfd21ccb5f):
// ‘ ’ ‚ ‛ are single quotes and “ ” „ double quotes, wherever ' and " are (strings, here-strings, doubling as an escape).
// A string opened by one of a kind is closed by any of that kind: “myRG" and 'eastus’ are strings. (bash does not: shell-words.ts.)
const SINGLE_QUOTE_CHARS = "'\u2018\u2019\u201a\u201b";
const DOUBLE_QUOTE_CHARS = '"\u201c\u201d\u201e';
export const isSingleQuote = (c: string | undefined): boolean => c !== undefined && c.length === 1 && SINGLE_QUOTE_CHARS.includes(c);
export const isDoubleQuote = (c: string | undefined): boolean => c !== undefined && c.length === 1 && DOUBLE_QUOTE_CHARS.includes(c);
/** A quote character of PowerShell, ASCII or typographic. */
export const isQuote = (c: string | undefined): boolean => isSingleQuote(c) || isDoubleQuote(c);
const SQ = `[${SINGLE_QUOTE_CHARS}]`;
const DQ = `[${DOUBLE_QUOTE_CHARS}]`;
/** A whole single-quoted string, any single-quote character opening, closing or doubled inside. */
export const SINGLE_QUOTED = new RegExp(`${SQ}(?:[^${SINGLE_QUOTE_CHARS}]|${SQ}${SQ})*${SQ}`, 'g');
/** The content of a single-quoted string: a doubled quote is the second quote (tokenizer.cs ScanStringLiteral). */
export const singleQuotedContent = (inner: string): string => inner.replace(new RegExp(`${SQ}(${SQ})`, 'g'), '$1');
const CLOSE: Record<string, string> = { '(': ')', '{': '}', '[': ']' };
const ASSIGN = /^(?:\[[^\]\r\n]+\]\s*)*\$(?:\{([^}]+)\}|(?:(?:global|script|local|private|env):)?([A-Za-z_]\w*))\s*([+\-*/%]?=|\?\?=)(?!=)/i;
const VARIABLE_NAMES = /\$(?:\{([^}]+)\}|(?:(?:global|script|local|private|using):)?([A-Za-z_]\w*(?::\w+)?))/gi;

/** Index just past the here-string starting at `i` (`@'`/`@"` then a newline), or -1 if `i` is not one. */
function hereStringEnd(src: string, i: number): number {
  const q = src[i + 1];
  if (src[i] !== '@' || !isQuote(q)) return -1;
  const nl = /^[ \t]*\r?\n/.exec(src.slice(i + 2));
  if (!nl) return -1;
  const close = new RegExp(`\\r?\\n[ \\t]*${isSingleQuote(q) ? SQ : DQ}@`, 'g');
  close.lastIndex = i + 2 + nl[0].length - 1;
  const m = close.exec(src);
  return m ? m.index + m[0].length : src.length;
}

/**
 * Index just past the quoted string opening at `i`. A doubled quote is the quote itself; in "…" a backtick escapes and
 * `$( … )` nests. Any quote character of the opening one's kind closes it (tokenizer.cs ScanStringLiteral/ScanStringExpandable).
 */
function quotedEnd(src: string, i: number): number {
  const same = isDoubleQuote(src[i]) ? isDoubleQuote : isSingleQuote;
  const double = same === isDoubleQuote;
  let k = i + 1;
  while (k < src.length) {
    const c = src[k] as string;
    if (double && c === '`') { k += 2; continue; }
    if (double && c === '$' && src[k + 1] === '(') { k = balancedEnd(src, k + 1); continue; }
    if (same(c)) {
      if (same(src[k + 1])) { k += 2; continue; }
      return k + 1;
    }
    k++;
  }
  return src.length;
}

/** Index of the bracket closing the one at `i` (`(`, `{`, `[`), honouring quotes, here-strings and comments; -1 when it never closes. */
export function closingBracket(src: string, i: number): number {
  const stack = [CLOSE[src[i] as string] ?? ')'];
  let k = i + 1;
  while (k < src.length && stack.length > 0) {
    const c = src[k] as string;
    if (c === '`') { k += 2; continue; }
    if (isQuote(c)) { k = quotedEnd(src, k); continue; }
    if (c === '@') {
      const h = hereStringEnd(src, k);
      if (h >= 0) { k = h; continue; }
    }
    if (c === '<' && src[k + 1] === '#') { const e = src.indexOf('#>', k + 2); k = e < 0 ? src.length : e + 2; continue; }
    if (c === '#' && (k === 0 || /\s|[;({]/.test(src[k - 1] as string))) { const e = src.indexOf('\n', k); k = e < 0 ? src.length : e; continue; }
    if (c in CLOSE) stack.push(CLOSE[c] as string);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return k;
    }
    k++;
  }
  return -1;
}

/** Index just past the bracket closing the one at `i`, or the end of `src` when it never closes. */
export function balancedEnd(src: string, i: number): number {
  const close = closingBracket(src, i);
  return close < 0 ? src.length : close + 1;
}

/** Variables read in `text` outside single quotes (lower-cased, scope and `env:` names excluded), in order, unique. */
export function variablesIn(text: string): string[] {
  const out = new Set<string>();
  const code = text.replace(SINGLE_QUOTED, "''").replace(/`\$/g, '');
  for (const m of code.matchAll(VARIABLE_NAMES)) {
    const name = (m[1] ?? m[2] ?? '').toLowerCase();
    if (name.includes(':')) continue; // $env:X, $function:f: providers, not variables
    out.add(name);
  }
  return [...out];
}

function skipSpace(src: string, i: number, stopAtNewline: boolean): number {
  let k = i;
  for (;;) {
    const c = src[k];
    if (c === ' ' || c === '\t' || c === '\u00a0') k++;
    else if (c === '`' && (src[k + 1] === '\n' || (src[k + 1] === '\r' && src[k + 2] === '\n'))) k += src[k + 1] === '\r' ? 3 : 2;
    else if (c === '<' && src[k + 1] === '#') { const e = src.indexOf('#>', k + 2); k = e < 0 ? src.length : e + 2; }
    else if (c === '#') { const e = src.indexOf('\n', k); k = e < 0 ? src.length : e; }
    else if (!stopAtNewline && (c === '\n' || c === '\r')) k++;
    else return k;
  }
}

const ENDS_WORD = /[\s;|,)}]/;

/** Index just past one argument-mode token starting at `i` (quotes and brackets inside it kept whole). */
function argumentEnd(src: string, i: number): number {
  let k = i;
  while (k < src.length && !ENDS_WORD.test(src[k] as string)) {
    const c = src[k] as string;
    if (c === '<') {
      PLACEHOLDER_AT.lastIndex = k;
      if (PLACEHOLDER_AT.test(src)) { k = PLACEHOLDER_AT.lastIndex; continue; }
    }
    if (c === '`') { k += 2; continue; }
    if (isQuote(c)) { k = quotedEnd(src, k); continue; }
    if (c === '$' && src[k + 1] === '(') { k = balancedEnd(src, k + 1); continue; }
    if ((c === '(' || c === '{' || c === '[') && k > i) { k = balancedEnd(src, k); continue; }
    if (c === '(' || c === '{') { k = balancedEnd(src, k); continue; }
    k++;
  }
  return k;
}

/**
 * The value of one hashtable entry `Key = value` when it is a single token ending the entry (a quoted
 * string, a number, a bare word, a variable): what a splat (`New-AzResourceGroup @rg`) binds to `-Key`
 * (about_Splatting). A value that is an expression or spans more is left out: not judged, never guessed.
 */
function entryValue(body: string, from: number, base: number): PsValue | undefined {
  let i = from;
  while (body[i] === ' ' || body[i] === '\t') i++;
  const c = body[i];
  if (c === undefined) return undefined;
  const end = isQuote(c) ? quotedEnd(body, i) : argumentEnd(body, i);
  if (end <= i) return undefined;
  let k = end;
  while (body[k] === ' ' || body[k] === '\t') k++;
  if (k < body.length && !/[;\r\n]/.test(body[k]!) && !(body[k] === '#')) return undefined;
  const value = classifyValue(body.slice(i, end), base + i);
  return value.kind === 'string' || value.kind === 'expandable' || value.kind === 'bare' || value.kind === 'number' || value.kind === 'variable' || value.kind === 'bool' ? value : undefined;
}

/**
 * `body` with what lies inside its nested brackets, quoted strings and comments blanked out (same length, so offsets
 * hold): what is left is the hashtable's own `key = value` separators. A quoted string keeps its quotes and length.
 */
function topLevel(body: string): string {
  let out = '';
  let k = 0;
  while (k < body.length) {
    const c = body[k]!;
    let end = -1;
    if (c === '@') end = hereStringEnd(body, k);
    if (end < 0 && isQuote(c)) end = quotedEnd(body, k);
    if (end >= 0) {
      out += c + 'x'.repeat(Math.max(0, end - k - 2)) + (end - k >= 2 ? body[end - 1]! : '');
      k = end;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') {
      end = balancedEnd(body, k);
      out += c + ' '.repeat(Math.max(0, end - k - 1));
      k = end;
      continue;
    }
    if (c === '#' && (k === 0 || /\s/.test(body[k - 1]!))) {
      const nl = body.indexOf('\n', k);
      end = nl < 0 ? body.length : nl;
      out += ' '.repeat(end - k);
      k = end;
      continue;
    }
    out += c;
    k++;
  }
  return out;
}

/** Where a hashtable's own entry starts: its key, quoted (any quote character) or bare, then `=`. */
const HASHTABLE_KEY = new RegExp(`(?:^|[;\\n{])\\s*(?:${SQ}([^${SINGLE_QUOTE_CHARS}]*)${SQ}|${DQ}([^${DOUBLE_QUOTE_CHARS}]*)${DQ}|([A-Za-z_][\\w.-]*))\\s*=`, 'g');

/** Classifies one value token as written. */
export function classifyValue(text: string, offset: number): PsValue {
  const v = (kind: PsValueKind, extra: Partial<PsValue> = {}): PsValue => ({ kind, text, offset, ...extra });
  const vars = (): Partial<PsValue> => { const names = variablesIn(text); return names.length ? { variables: names } : {}; };
  const hereBody = (q: string): string => text.replace(new RegExp(`^@${q}[ \\t]*\\r?\\n`), '').replace(new RegExp(`\\r?\\n[ \\t]*${q}@$`), '');
  if (text[0] === '@' && isSingleQuote(text[1]) && /^\s*\r?\n/.test(text.slice(2))) return v('string', { content: hereBody(SQ) });
  if (text[0] === '@' && isDoubleQuote(text[1]) && /^\s*\r?\n/.test(text.slice(2))) return v('expandable', { content: hereBody(DQ), ...vars() });
  if (isSingleQuote(text[0]) && quotedEnd(text, 0) === text.length) return v('string', { content: singleQuotedContent(text.slice(1, -1)) });
  if (isDoubleQuote(text[0]) && quotedEnd(text, 0) === text.length) return v('expandable', { content: text.slice(1, -1), ...vars() });
  if (/^\$(?:true|false)$/i.test(text)) return v('bool');
  if (/^\$null$/i.test(text)) return v('null');
  const variable = /^\$(?:\{([^}]+)\}|((?:(?:global|script|local|private|using|env):)?[A-Za-z_]\w*))/i.exec(text);
  if (variable && variable[0].length === text.length) return v('variable', { content: variable[1] ?? variable[2], ...vars() });
  if (variable && /^(?:\.[A-Za-z_]\w*(?:\(.*\))?|\[[^\]]*\])+$/s.test(text.slice(variable[0].length))) return v('member', { content: variable[1] ?? variable[2], ...vars() });
  if (text.startsWith('@{') && balancedEnd(text, 1) === text.length) {
    const body = text.slice(2, -1);
    // Keys are read where the table's own entries start: not inside a nested @{ … }, a ( … ) or a quoted value.
    const found = [...topLevel(body).matchAll(HASHTABLE_KEY)];
    const keyAt = (m: RegExpMatchArray): string => {
      const start = (m.index ?? 0) + /^[;\n{]?\s*/.exec(m[0])![0].length;
      const quoted = m[1] !== undefined || m[2] !== undefined;
      return body.slice(start + (quoted ? 1 : 0), start + (quoted ? 1 : 0) + (m[1] ?? m[2] ?? m[3] ?? '').length);
    };
    const keys = found.map(keyAt);
    const entries = found.map((m, n) => {
      const value = entryValue(body, (m.index ?? 0) + m[0].length, offset + 2);
      // the key's first character: after the separator and spaces, inside its quotes
      const lead = new RegExp(`^[;\\n{]?\\s*(?:${SQ}|${DQ})?`).exec(m[0])![0].length;
      return { key: keys[n]!, keyOffset: offset + 2 + (m.index ?? 0) + lead, ...(value ? { value } : {}) };
    });
    return v('hashtable', { keys, ...(entries.length ? { entries } : {}), ...vars() });
  }
  if (text.startsWith('@(') && balancedEnd(text, 1) === text.length) return v('array', vars());
  if (/^@[A-Za-z_]\w*$/.test(text)) return v('splat', { content: text.slice(1) });
  if (text.startsWith('$(') && balancedEnd(text, 1) === text.length) return v('subexpression', vars());
  if (text.startsWith('(') && balancedEnd(text, 0) === text.length) return v('subexpression', vars());
  if (text.startsWith('{') && balancedEnd(text, 0) === text.length) return v('scriptblock', vars());
  if (/^[+-]?(?:\d+(?:\.\d+)?|0x[0-9a-f]+)(?:e[+-]?\d+)?(?:kb|mb|gb|tb|pb)?$/i.test(text)) return v('number');
  if (/^[$@([{]/.test(text) || /\s/.test(text)) return v('expression', vars());
  return v('bare', vars());
}

/** Reads argument-mode tokens of a command from `i` until the element ends (`|`, `;`, a newline, a closing bracket). */
function readCommand(src: string, i: number, end: number): { command: PsCommand; next: number } {
  const command: PsCommand = { name: '', args: [], offset: i };
  let k = i;
  if ((src[k] === '&' || src[k] === '.') && /\s/.test(src[k + 1] ?? '')) {
    command.invocation = src[k] as '&' | '.';
    k = skipSpace(src, k + 1, true);
  }
  const nameEnd = argumentEnd(src, k);
  command.name = src.slice(k, nameEnd);
  command.offset = k;
  k = nameEnd;
  for (;;) {
    k = skipSpace(src, k, true);
    if (k >= end) break;
    const c = src[k] as string;
    if (c === '|' || c === ';' || c === '\n' || c === '\r' || c === ')' || c === '}') break;
    PLACEHOLDER_AT.lastIndex = k;
    const placeholder = c === '<' && PLACEHOLDER_AT.test(src);
    const redirect = placeholder ? null : /^(?:[1-6*]?>>?(?:&[12])?|<)/.exec(src.slice(k));
    if (redirect && (c === '>' || c === '<' || /[1-6*]/.test(c))) {
      let r = k + redirect[0].length;
      if (!redirect[0].includes('&')) { r = skipSpace(src, r, true); r = argumentEnd(src, r); }
      (command.redirections ??= []).push(src.slice(k, r).trim());
      k = r;
      continue;
    }
    if (src.startsWith('--%', k)) { // stop-parsing: the rest of the line goes as is
      const e = src.indexOf('\n', k);
      const stop = e < 0 ? end : Math.min(e, end);
      command.args.push({ value: { kind: 'bare', text: src.slice(k + 3, stop).trim(), offset: k + 3 }, offset: k });
      k = stop;
      continue;
    }
    const param = parameterAt(src, k);
    if (param) {
      const arg: PsArg = { param: param.name, offset: k };
      k = param.end;
      if (param.colon) {
        const vs = skipSpace(src, k, true);
        const ve = valueEnd(src, vs);
        arg.value = valueOf(src, vs, ve);
        k = ve;
      }
      command.args.push(arg);
      continue;
    }
    const ve = valueEnd(src, k);
    if (ve === k) { k++; continue; } // a character no token starts with; never loop
    command.args.push({ value: valueOf(src, k, ve), offset: k });
    k = ve;
  }
  return { command, next: k };
}

// What ends a parameter name in argument mode (PowerShell's tokenizer, ScanParameter): whitespace, a newline, and
// & ( ) , . ; [ { | }. A colon ends it too and attaches the value (`-Name:value`). Every other character is part
// of the name, `=` included: `-dnsPrefix=<dns-prefix>` is ONE parameter named "dnsPrefix=<dns-prefix>", which
// no cmdlet has (powershell-parameter-equals). A quote anywhere makes the whole token an argument, not a parameter
// (`-Name="x"` is the string -Name=x). Departures: a backtick before a newline continues the line here, where the
// tokenizer would keep the backtick in the name (the name stops before it); a placeholder `<your name>` is read
// whole, spaces included, as the values' reader does.
const ENDS_PARAMETER = /[\s&(),.;[{|}:]/;

/** The parameter token at `i` (`-Name`, `-Name:`), as PowerShell reads it in argument mode; undefined when the token there is no parameter. */
function parameterAt(src: string, i: number): { name: string; colon: boolean; end: number } | undefined {
  // PowerShell reads an en dash, em dash or horizontal bar as the dash of a parameter (its tokenizer's
  // SpecialCharacters.IsDash): `New-AzResourceGroup –Name rg` binds -Name, as pages pasted from Word write it.
  if (!/[-\u2013\u2014\u2015]/.test(src[i] ?? '') || !/[A-Za-z_?]/.test(src[i + 1] ?? '')) return undefined;
  let k = i + 1;
  while (k < src.length && !ENDS_PARAMETER.test(src[k]!)) {
    if (isQuote(src[k])) return undefined;
    if (src[k] === '`' && /[\r\n]/.test(src[k + 1] ?? '')) break;
    if (src[k] === '<') {
      PLACEHOLDER_AT.lastIndex = k; // an opaque part of the word, as everywhere in this reader
      if (PLACEHOLDER_AT.test(src)) { k = PLACEHOLDER_AT.lastIndex; continue; }
    }
    k++;
  }
  const colon = src[k] === ':';
  return { name: src.slice(i + 1, k), colon, end: colon ? k + 1 : k };
}

/** End of an argument-mode value starting at `i`, a comma list `a, b, c` included. */
function valueEnd(src: string, i: number): number {
  let k = tokenEnd(src, i);
  for (;;) {
    const comma = skipSpace(src, k, true);
    if (src[comma] !== ',') return k;
    const next = skipSpace(src, comma + 1, false);
    k = tokenEnd(src, next);
  }
}

function tokenEnd(src: string, i: number): number {
  const h = hereStringEnd(src, i);
  if (h >= 0) return h;
  if (src[i] === '@' && (src[i + 1] === '{' || src[i + 1] === '(')) return balancedEnd(src, i + 1);
  if (src[i] === '(' || src[i] === '{') return balancedEnd(src, i);
  return argumentEnd(src, i);
}

function valueOf(src: string, start: number, end: number): PsValue {
  const text = src.slice(start, end);
  const parts: PsValue[] = [];
  let k = start;
  while (k < end) {
    const e = tokenEnd(src, k);
    parts.push(classifyValue(src.slice(k, e), k));
    const comma = skipSpace(src, e, true);
    if (src[comma] !== ',') break;
    k = skipSpace(src, comma + 1, false);
  }
  if (parts.length <= 1) return parts[0] ?? classifyValue(text, start);
  const names = variablesIn(text);
  return { kind: 'array', text, offset: start, items: parts, ...(names.length ? { variables: names } : {}) };
}

/** End of an expression-mode pipeline element: the next `|`, `;` or newline outside brackets and quotes. */
function expressionEnd(src: string, i: number, end: number): number {
  let k = i;
  while (k < end) {
    const c = src[k] as string;
    if (c === '|' && src[k + 1] !== '|') return k;
    if (c === ';' || c === '\n' || c === '\r' || c === ')' || c === '}') return k;
    if (c === '`') { k += 2; continue; }
    if (isQuote(c)) { k = quotedEnd(src, k); continue; }
    if (c === '@') { const h = hereStringEnd(src, k); if (h >= 0) { k = h; continue; } }
    if (c === '(' || c === '{' || c === '[') { k = balancedEnd(src, k); continue; }
    if (c === '#' && /\s/.test(src[k - 1] ?? ' ')) return k;
    k++;
  }
  return k;
}

const STARTS_EXPRESSION = /^(?:[$'"\u2018\u2019\u201a\u201b\u201c\u201d\u201e@(\[\d]|[-+]\d|-(?:not|bnot)\b|!)/i;

function readElement(src: string, i: number, end: number): { command: PsCommand; next: number } {
  if (STARTS_EXPRESSION.test(src.slice(i)) && !/^@[A-Za-z_]/.test(src.slice(i))) {
    const e = expressionEnd(src, i, end);
    const text = src.slice(i, e).trimEnd();
    return { command: { name: '', args: [], expression: classifyValue(text, i), offset: i }, next: e };
  }
  return readCommand(src, i, end);
}

/**
 * `(Get-AzStorageAccount …).Id`, `$( … )`: the statements of the group a value starts with and the text
 * after its closing parenthesis (the members read from it); undefined when the value starts with no group.
 */
export function groupedStatements(text: string): { statements: PsStatement[]; rest: string } | undefined {
  if (!/^\$?\(/.test(text)) return undefined;
  const open = text.indexOf('(');
  const close = closingBracket(text, open);
  if (close < 0) return undefined;
  return { statements: readPowerShellStatements(text.slice(open + 1, close)), rest: text.slice(close + 1) };
}

/** Reads every statement of `raw` in order (several lines, `;`-separated statements). */
export function readPowerShellStatements(raw: string, from = 0, to = raw.length): PsStatement[] {
  const out: PsStatement[] = [];
  let k = from;
  const end = to;
  while (k < end) {
    k = skipSpace(raw, k, false);
    while (raw[k] === ';') k = skipSpace(raw, k + 1, false);
    if (k >= end) break;
    const start = k;
    const word = /^[A-Za-z]+/.exec(raw.slice(k))?.[0]?.toLowerCase();
    if (word && KEYWORDS.has(word) && !/^[\w-]/.test(raw[k + word.length] ?? '')) {
      // A keyword statement runs to its last `{ … }` and any else/elseif/catch/finally after it.
      let e = k + word.length;
      for (;;) {
        const open = raw.slice(e, end).search(/[{\n;(]/);
        if (open < 0) { e = end; break; }
        const at = e + open;
        if (raw[at] === '(') { e = balancedEnd(raw, at); continue; } // `if ($a -eq 'x;y')`
        if (raw[at] !== '{') {
          // `foreach ($x in $list)` then a newline and `{`: PowerShell reads on
          const ahead = skipSpace(raw, at, false);
          if (raw[at] === '\n' && raw[ahead] === '{') { e = ahead; continue; }
          e = at;
          break;
        }
        e = balancedEnd(raw, at);
        const after = skipSpace(raw, e, false);
        if (/^(?:else|elseif|catch|finally|while|until)\b/i.test(raw.slice(after))) { e = after + 1; continue; }
        break;
      }
      out.push({ pipeline: [], keyword: word, start, end: e });
      k = e;
      continue;
    }
    const statement: PsStatement = { pipeline: [], start, end: start };
    const assign = ASSIGN.exec(raw.slice(k));
    if (assign) {
      statement.assignTo = assign[1] ?? assign[2];
      statement.assignOp = assign[3];
      k = skipSpace(raw, k + assign[0].length, false);
    }
    for (;;) {
      const { command, next } = readElement(raw, k, end);
      statement.pipeline.push(command);
      k = skipSpace(raw, next, true);
      // A `|` ends the element; so does a newline followed by a `|` (PowerShell 7 leading pipe).
      let pipe = raw[k] === '|' && raw[k + 1] !== '|';
      if (!pipe && (raw[k] === '\n' || raw[k] === '\r')) {
        const ahead = skipSpace(raw, k, false);
        if (raw[ahead] === '|' && raw[ahead + 1] !== '|') { pipe = true; k = ahead; }
      }
      if (!pipe) break;
      k = skipSpace(raw, k + 1, false);
      if (k >= end) break;
    }
    statement.end = k;
    if (k < end && (raw[k] === ')' || raw[k] === '}')) k++; // stray closing bracket: step over it rather than loop
    out.push(statement);
  }
  return out;
}

/**
 * The statement `raw` holds when it is one statement (a command, a pipeline, an assignment); undefined when it holds
 * none or several (use readPowerShellStatements for those).
 */
export function readPowerShellCommand(raw: string): PsStatement | undefined {
  const all = readPowerShellStatements(raw);
  return all.length === 1 ? all[0] : undefined;
}

/** A parameter of a command paired with its value, once the cmdlet's declaration says which parameters are switches. */
export interface PsBoundArg {
  param?: string;
  value?: PsValue;
  offset: number;
  /** The value was written after the parameter, separated by space (`-Name value`), not attached (`-Name:value`). */
  separate?: boolean;
}

/**
 * Pairs `-Name value` when `-Name` takes a value (isSwitch false) — PowerShell's binder does the same: a non-switch
 * parameter takes the next token, whatever it is, unless it is another parameter (then it has no value).
 */
export function bindArguments(args: PsArg[], isSwitch: (param: string) => boolean): PsBoundArg[] {
  const out: PsBoundArg[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] as PsArg;
    if (a.param !== undefined && a.value === undefined && !isSwitch(a.param)) {
      const next = args[k + 1];
      if (next && next.param === undefined && next.value) {
        out.push({ param: a.param, value: next.value, offset: a.offset, separate: true });
        k++;
        continue;
      }
    }
    out.push({ ...a });
  }
  return out;
}

/**
 * Every command `statements` run, those inside `( … )`, `$( … )`, `@( … )` and script blocks `{ … }` included
 * (`(Get-AzStorageAccount -Name $sa).Context`, `ForEach-Object { Remove-AzVM … }`), keyword statements' bodies too.
 * Offsets stay those of `raw`.
 */
export function allCommands(raw: string, statements: PsStatement[] = readPowerShellStatements(raw)): PsCommand[] {
  const out: PsCommand[] = [];
  const inner = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      const c = raw[k] as string;
      if (isQuote(c)) { k = quotedEnd(raw, k) - 1; continue; }
      if (c === '`') { k++; continue; }
      if (c === '(' || c === '{') {
        const e = balancedEnd(raw, k);
        if (raw[k - 1] !== '@' || c === '(') out.push(...allCommands(raw, readPowerShellStatements(raw, k + 1, Math.max(k + 1, e - 1))));
        k = e - 1;
      }
    }
  };
  for (const st of statements) {
    if (st.keyword) { inner(st.start, st.end); continue; }
    for (const cmd of st.pipeline) {
      if (cmd.name) out.push(cmd);
      const values = cmd.expression ? [cmd.expression] : cmd.args.flatMap((a) => (a.value ? [a.value] : []));
      for (const v of values) {
        if (v.kind === 'expandable') inner(v.offset + 1, v.offset + v.text.length - 1);
        else if (/^(?:subexpression|scriptblock|expression|member|array)$/.test(v.kind)) inner(v.offset, v.offset + v.text.length);
      }
    }
  }
  return out;
}
