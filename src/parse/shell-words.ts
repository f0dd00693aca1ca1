// Bash word splitting, as far as the tutorials need it, once for the whole tool: quotes, escapes,
// `\` line continuations, `$( … )` and backticks kept verbatim inside a word, comments, and the
// control/redirection operators. Nothing is expanded and nothing is repaired:
//  - only ASCII space, tab and newline separate words (U+00A0 is an ordinary character to bash, so
//    `Metadata:true<NBSP>` is one word and a lone `<NBSP>` is a word of its own);
//  - smart quotes (‘ ’ “ ”) are ordinary characters, not quotes;
//  - `$var` stays literally in the word (the model records it; run/ substitutes it). Where a quote joins
//    it to more name characters (`$NAME"Group"`, `"$NAME"Group`), it is written `${NAME}`: bash ends the
//    name at the quote, and the word without its quotes would read as `$NAMEGroup`, another variable.
// One deliberate departure from bash: a documentation placeholder `<SOME NAME>` is read as an
// opaque part of a word (the reader replaces it before running), so its spaces do not split the word
// and its angle brackets are not redirections.
// Tokens carry offsets; `commandWords` turns them into words with file lines and columns, each word
// whole as the outer command receives it, and each command substitution in it (`$( … )` or
// backticks, quoted or not, nested) also read as the words of the command inside it (what lint reads).
import { ParseError } from './errors.ts';
import { LineIndex, type SourceLine } from './source-lines.ts';


export type ShellToken =
  | {
      kind: 'word';
      text: string;
      start: number;
      end: number;
      /** Some part of the word was inside '…' or "…". */
      quoted: boolean;
      /**
       * Start and end (after the `)` or closing backtick) of each command substitution in the word,
       * `$( … )` or backticks, inside double quotes or not (not nested ones: those are found when the
       * body is read); end -1 when unclosed.
       */
      subs?: number[];
      /** Offsets of `\` line continuations inside the word, outside quotes (not part of it). */
      conts?: number[];
    }
  | { kind: 'op'; op: string; start: number; end: number }
  | { kind: 'comment'; text: string; start: number; end: number };

export type WordToken = Extract<ShellToken, { kind: 'word' }>;

export interface TokenizeResult {
  tokens: ShellToken[];
  /** Set when a quote, `$(` or backtick is not closed; lenient mode then reads to the end. */
  error?: { message: string; offset: number };
  /**
   * The here-documents (`cat <<EOF > file`, `kubectl apply -f - <<'EOF'`): their bodies are input to the
   * command, not words, and are left out of `tokens`. `end` is the offset after the delimiter line, or
   * the text's length when no line closes the body (`closed` false: bash reads to the end of input).
   */
  heredocs?: { delimiter: string; bodyStart: number; end: number; closed: boolean }[];
}

/** A documentation placeholder at the start of `s` from index `i`: `<ACCESS TOKEN>`, `<secret-name>`, a choice `<enabled/disabled>`. */
export const PLACEHOLDER_AT = /<[A-Za-z][A-Za-z0-9 _.-]{0,80}(?:\/[A-Za-z][A-Za-z0-9 _.-]{0,80})*>/y;

const OPS2 = ['&&', '||', '>>', ';;', '>&', '<<', '&>', '|&'];

/** 1 for characters with no meaning to the tokenizer (all non-ASCII characters are ordinary). */
const ORDINARY = new Uint8Array(128).fill(1);
for (const ch of ' \t\n\\\'"$`#<>|&;()') ORDINARY[ch.charCodeAt(0)] = 0;
const OPS1 = new Set(['|', '&', ';', '>', '<', '(', ')']);

// `$NAME` at the end of the text read so far (not bash's dynamic variables, which run/ leaves unexpanded).
const TRAILING_VARIABLE = /\$(?!(?:RANDOM|SECONDS|LINENO|BASHPID|EPOCHSECONDS|EPOCHREALTIME|SRANDOM)$)([A-Za-z_][A-Za-z0-9_]*)$/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/** `text` with a trailing `$NAME` written `${NAME}`, for when a quote joins more name characters to it. */
function bracedEnd(text: string): string {
  const m = TRAILING_VARIABLE.exec(text);
  return m ? `${text.slice(0, m.index)}\${${m[1]}}` : text;
}

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

/**
 * Split shell text into words, operators and comments. Never throws. `spans`, when given, receives
 * the start and the closing offset of every quote, `$( … )` and backtick outside quotes (the text's
 * length when it is not closed): where a text cut short would leave one open.
 */
export function tokenizeShell(src: string, spans?: number[]): TokenizeResult {
  const tokens: ShellToken[] = [];
  let error: TokenizeResult['error'];
  let cur = '';
  let inWord = false;
  // what the current word has besides its text; reset when the word is pushed
  let quoted = false;
  let subs: number[] | undefined;
  let conts: number[] | undefined;
  let curStart = 0;
  let i = 0;
  const n = src.length;
  // Here-documents: after `<<` (or `<<-`) the next word is a delimiter; at the end of that line the
  // bodies follow, each up to a line holding its delimiter alone.
  let wantDelimiter = 0; // 0: none; 1: `<<`; 2: `<<-` (leading tabs of the body are stripped)
  let pendingDocs: { delimiter: string; strip: boolean }[] | undefined;
  let heredocs: NonNullable<TokenizeResult['heredocs']> | undefined;
  // (no closures here: this runs for every command line)
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) {
        tokens.push(wordToken(cur, curStart, i, quoted, subs, conts));
        if (wantDelimiter > 0) (pendingDocs ??= []).push({ delimiter: cur, strip: wantDelimiter === 2 });
        wantDelimiter = 0;
        inWord = quoted = false;
        subs = conts = undefined;
      }
      if (c === '\n') {
        tokens.push({ kind: 'op', op: '\n', start: i, end: i + 1 });
        if (pendingDocs) {
          i = skipHeredocs(src, i + 1, pendingDocs, (heredocs ??= []));
          pendingDocs = undefined;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === '\\') {
      if (src[i + 1] === '\n') {
        if (inWord) (conts ??= []).push(i); // a line continuation is removed and does not end the word
        i += 2;
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
      quoted = true;
      const j = src.indexOf("'", i + 1);
      if (spans) spans.push(i, j < 0 ? n : j);
      if (j < 0) {
        error ??= { message: 'unbalanced single quote', offset: i };
        cur += src.slice(i + 1);
        i = n;
        break;
      }
      if (NAME_CHAR.test(src[i + 1] ?? '')) cur = bracedEnd(cur); // $NAME'Group'
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
      quoted = true;
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
            (subs ??= []).push(k, -1);
            s += src.slice(k);
            k = n;
            error ??= { message: 'unclosed $( inside double quotes', offset: k };
          } else {
            (subs ??= []).push(k, close + 1);
            s += src.slice(k, close + 1);
            k = close + 1;
          }
        } else if (d === '`') {
          // "…`cmd`…": bash runs the command inside double quotes too; the quote goes on after it.
          let e = k + 1;
          while (e < n && src[e] !== '`') e += src[e] === '\\' ? 2 : 1;
          if (e >= n) {
            s += src.slice(k);
            k = n;
          } else {
            (subs ??= []).push(k, e + 1);
            s += src.slice(k, e + 1);
            k = e + 1;
          }
        } else {
          s += d;
          k++;
        }
      }
      if (NAME_CHAR.test(s[0] ?? '')) cur = bracedEnd(cur); // $NAME"Group"
      cur += s;
      if (k < n && NAME_CHAR.test(src[k + 1] ?? '')) cur = bracedEnd(cur); // "$NAME"Group
      if (spans) spans.push(i, Math.min(k, n));
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
      if (spans) spans.push(i, close < 0 ? n : close);
      if (close < 0) {
        error ??= { message: 'unclosed $(', offset: i };
        (subs ??= []).push(i, -1);
        cur += src.slice(i);
        i = n;
        break;
      }
      (subs ??= []).push(i, close + 1);
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
      if (spans) spans.push(i, Math.min(k, n));
      if (k >= n) {
        error ??= { message: 'unbalanced backtick', offset: i };
        (subs ??= []).push(i, -1);
        cur += src.slice(i);
        i = n;
        break;
      }
      (subs ??= []).push(i, k + 1);
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
        tokens.push(wordToken(cur, curStart, i, quoted, subs, conts));
        if (wantDelimiter > 0) (pendingDocs ??= []).push({ delimiter: cur, strip: wantDelimiter === 2 });
        wantDelimiter = 0;
        inWord = quoted = false;
        subs = conts = undefined;
      }
      const two = src.slice(i, i + 2);
      const op = OPS2.includes(two) ? two : c;
      tokens.push({ kind: 'op', op, start: i, end: i + op.length });
      i += op.length;
      // `<<` opens a here-document (`<<<` is a here-string: a word, no body).
      if (op === '<<' && src[i] !== '<') {
        wantDelimiter = src[i] === '-' ? 2 : 1;
        if (wantDelimiter === 2) i++;
      }
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
  if (inWord) tokens.push(wordToken(cur, curStart, i, quoted, subs, conts));
  if (inWord && wantDelimiter > 0) (pendingDocs ??= []).push({ delimiter: cur, strip: wantDelimiter === 2 });
  // The text ends on the line that opens a body: the body is not in the text (the caller reads on).
  if (pendingDocs) for (const d of pendingDocs) (heredocs ??= []).push({ delimiter: d.delimiter, bodyStart: n, end: n, closed: false });
  const out: TokenizeResult = error ? { tokens, error } : { tokens };
  if (heredocs) out.heredocs = heredocs;
  return out;
}

/**
 * Whether `line` closes a here-document delimited by `delimiter`. Blanks around the word are not
 * compared: a fenced block in a list item is indented on the page, not in the reader's shell (bash
 * itself strips only tabs, with `<<-`), and a blank after the word is invisible on the page.
 */
export function isHeredocEnd(line: string, delimiter: string): boolean {
  return line.trim() === delimiter;
}

/**
 * Skips the bodies of the here-documents opened on the line that ended at `from - 1`, in order, and
 * returns the offset of the newline after the last delimiter line (or the text's end).
 */
function skipHeredocs(src: string, from: number, docs: readonly { delimiter: string; strip: boolean }[], out: NonNullable<TokenizeResult['heredocs']>): number {
  let p = from;
  for (const doc of docs) {
    const bodyStart = p;
    let closed = false;
    while (p < src.length) {
      const nl = src.indexOf('\n', p);
      const e = nl < 0 ? src.length : nl;
      if (isHeredocEnd(src.slice(p, e), doc.delimiter)) {
        closed = true;
        p = e;
        break;
      }
      p = nl < 0 ? src.length : nl + 1;
    }
    out.push({ delimiter: doc.delimiter, bodyStart, end: p, closed });
    if (!closed) return src.length;
    if (doc !== docs[docs.length - 1]) p++;
  }
  return p;
}

function wordToken(text: string, start: number, end: number, quoted: boolean, subs: number[] | undefined, conts: number[] | undefined): WordToken {
  const t: WordToken = { kind: 'word', text, start, end, quoted };
  if (subs) t.subs = subs;
  if (conts) t.conts = conts;
  return t;
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
  return tokens.filter((t): t is WordToken => t.kind === 'word').map((t) => t.text);
}

// ---------- words with positions ----------

/** A command substitution in a word: the words of the command inside, and where it stands in the word's `raw`. */
export interface Substitution {
  words: ShellWord[];
  /** Offsets in the word's `raw` of the `$(` or opening backtick and just after its close. */
  from: number;
  to: number;
}

/** A word where the page writes it. Operators (`|`, `;`, `&&`, `(`, `)`…) are words of their own. */
export interface ShellWord {
  /** The word after quote removal, as the program receives it (a substitution's text kept as written). */
  value: string;
  /** The word's characters as written, quotes included, line continuations left out. */
  raw: string;
  line: number;
  column: number; // 1-based UTF-16 column of the word's first character
  /** True when some part of the word was inside '…' or "…". */
  quoted: boolean;
  /** Each command substitution in the word (`$( … )` or backticks, in double quotes or not), in order. */
  substitutions?: Substitution[];
}

/** Operators a word list keeps as words: they cut a command line into simple commands. */
export const COMMAND_OPERATORS: ReadonlySet<string> = new Set(['|', ';', '&', '&&', '(', ')']);

/**
 * The words of a command written over `lines` (continuation lines joined by a trailing backslash),
 * with where each starts. Comments and newlines are dropped; operators are kept as words. A word
 * holding a command substitution stays whole (`--value "$(az … -o tsv)" --vault-name x` keeps its
 * three words for the outer command), and carries the words of each command inside it, with their
 * own file lines and columns, so that those commands can be read like any other.
 */
export function commandWords(lines: readonly SourceLine[]): ShellWord[] {
  const index = new LineIndex(lines);
  const out: ShellWord[] = [];
  wordsOf(index.text, 0, index.text.length, index, out);
  return out;
}

/** Every word of `words` and, depth first, of the substitutions in them (each word once). */
export function everyWord(words: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  const visit = (ws: readonly ShellWord[]): void => {
    for (const w of ws) {
      out.push(w);
      for (const s of w.substitutions ?? []) visit(s.words);
    }
  };
  visit(words);
  return out;
}

/** `words` and, depth first, the word list of each substitution in them: each simple-command context once. */
export function wordLists(words: readonly ShellWord[]): (readonly ShellWord[])[] {
  const out: (readonly ShellWord[])[] = [words];
  for (const w of words) for (const s of w.substitutions ?? []) out.push(...wordLists(s.words));
  return out;
}

function push(out: ShellWord[], index: LineIndex, value: string, raw: string, offset: number, quoted: boolean): ShellWord {
  const p = index.at(offset);
  const w: ShellWord = { value, raw, line: p.line, column: p.column, quoted };
  out.push(w);
  return w;
}

/** Words of src[from, to): each word is a token of that slice, offsets shifted back to src. */
function wordsOf(src: string, from: number, to: number, index: LineIndex, out: ShellWord[]) {
  const text = from === 0 && to === src.length ? src : src.slice(from, to);
  for (const t of tokenizeShell(text).tokens) {
    const start = t.start + from;
    if (t.kind === 'comment' || (t.kind === 'op' && t.op === '\n')) continue;
    if (t.kind === 'op') {
      // Two-character operators made of a cutting character and another are two words, so that a
      // command line is cut where its cutting character stands (`2>&1` cuts at `&`, as `&` does).
      if (t.op === '||' || t.op === ';;' || t.op === '|&' || t.op === '&>' || t.op === '>&') {
        push(out, index, t.op[0]!, t.op[0]!, start, false);
        push(out, index, t.op[1]!, t.op[1]!, start + 1, false);
      } else push(out, index, t.op, t.op, start, false);
      continue;
    }
    // raw leaves line continuations out: an offset of `text` in the word is that many characters less in raw
    const rawAt = (offset: number): number => offset - t.start - 2 * (t.conts ?? []).filter((c) => c < offset).length;
    let raw = text.slice(t.start, t.end);
    if (t.conts) {
      let kept = '';
      let last = t.start;
      for (const c of t.conts) {
        kept += text.slice(last, c);
        last = c + 2;
      }
      raw = kept + text.slice(last, t.end);
    }
    const word = push(out, index, t.text, raw, start, t.quoted);
    if (!t.subs) continue;
    word.substitutions = [];
    for (let k = 0; k < t.subs.length; k += 2) {
      const open = t.subs[k]!;
      const closed = t.subs[k + 1]! >= 0;
      const end = closed ? t.subs[k + 1]! : t.end;
      const body = open + (text[open] === '`' ? 1 : 2);
      const inner: ShellWord[] = [];
      wordsOf(src, body + from, (closed ? end - 1 : end) + from, index, inner);
      word.substitutions.push({ words: inner, from: rawAt(open), to: rawAt(end) });
    }
  }
}
