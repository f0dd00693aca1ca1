// Placeholders: values the reader must supply. Every spelling normalises to one key (upper case,
// words joined by "_"), so `<ACCESS TOKEN>`, `<ACCESS_TOKEN>`, `<ACCESS-TOKEN>`, `\<ACCESS TOKEN\>`
// and `$access_token` share the key ACCESS_TOKEN; misspelt twins keep their own key. Commands also
// spell them `{vault-name}`, `YOUR_VAULT`, `YourVaultName` and with a half bracket (`<vault-name`):
// findCommandPlaceholders finds those too. What a placeholder IS (its role) is src/world's to say.
import type { Placeholder, PlaceholderOccurrence } from '../model.ts';
import { Role, type FoundOccurrence, type ScanState } from './scan-state.ts';

/**
 * `<NAME>` or the markdown-escaped `\<NAME\>`; names start with a letter. A choice between values,
 * `<enabled/disabled>`, is one placeholder too (the reader writes one of them): each alternative
 * starts with a letter, so `<br/>` and `</plugin>` stay markup.
 */
export const ANGLE_PLACEHOLDER = /\\?<([A-Za-z][A-Za-z0-9 _.-]{0,80}?(?:\/[A-Za-z][A-Za-z0-9 _.-]{0,80}?)*)\\?>/g;
/** `$name` or `${name}` shell variable references. */
export const SHELL_VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;

/** Lower-case HTML tags that are markup, not placeholders. */
const HTML_TAGS = new Set(
  'a abbr b br code del details div em h1 h2 h3 h4 h5 h6 hr i img kbd li ol p pre s small span strong sub summary sup table tbody td th thead tr u ul center font section blockquote'.split(
    ' ',
  ),
);

/** The key of a placeholder spelling: `<SUBSCRIPTION-ID>` → `SUBSCRIPTION_ID`, `$access_token` → `ACCESS_TOKEN`. */
const keyCache = new Map<string, string>();

export function placeholderKey(spelling: string): string {
  const cached = keyCache.get(spelling);
  if (cached !== undefined) return cached;
  const key = computeKey(spelling);
  if (keyCache.size < 10_000) keyCache.set(spelling, key);
  return key;
}

function computeKey(spelling: string): string {
  let s = spelling.trim();
  s = s.replace(/^\\?</, '').replace(/\\?>$/, '');
  s = s.replace(/^\$\{?/, '').replace(/^\{/, '').replace(/\}$/, '');
  return s
    .toUpperCase()
    .split(/[\s_.\-\u00a0]+/)
    .filter((w) => w.length > 0)
    .join('_');
}

export interface FoundPlaceholder {
  spelling: string;
  index: number; // 0-based offset in the searched text
}

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 32 || c === 95 || c === 46 || c === 45;

/**
 * Angle-bracket placeholders in a piece of text (HTML tags such as `<br>` excluded). Same language
 * as ANGLE_PLACEHOLDER, scanned by hand: this runs on every line of every tutorial.
 */
export function findAnglePlaceholders(text: string): FoundPlaceholder[] {
  let lt = text.indexOf('<');
  if (lt < 0) return [];
  const out: FoundPlaceholder[] = [];
  while (lt >= 0) {
    let next = lt + 1;
    // `<<EOF > file`: a here-document's delimiter, not `<EOF >` (placeholders may hold spaces).
    if (lt + 1 < text.length && isNameStart(text.charCodeAt(lt + 1)) && !(lt > 0 && text.charCodeAt(lt - 1) === 60)) {
      let e = lt + 2;
      const max = Math.min(text.length, lt + 2 + 80);
      for (;;) {
        while (e < max && isNameChar(text.charCodeAt(e))) e++;
        // `<enabled/disabled>`: another alternative after "/" (ANGLE_PLACEHOLDER).
        if (e + 1 < max && text.charCodeAt(e) === 47 && isNameStart(text.charCodeAt(e + 1))) e += 2;
        else break;
      }
      // `\>` closes an escaped `\<`; a backslash may end the name run
      let close = -1;
      if (text.charCodeAt(e) === 62) close = e;
      else if (text.charCodeAt(e) === 92 && text.charCodeAt(e + 1) === 62) close = e + 1;
      if (close > 0) {
        const escaped = lt > 0 && text.charCodeAt(lt - 1) === 92;
        const start = escaped ? lt - 1 : lt;
        const inner = text.slice(lt + 1, e);
        if (!HTML_TAGS.has(inner)) out.push({ spelling: text.slice(start, close + 1), index: start });
        next = close + 1;
      }
    }
    lt = text.indexOf('<', next);
  }
  return out;
}

/**
 * `{vault-name}`, `{subscriptionId}`: a name in braces, as REST references and many pages write
 * them. Not `${var}` (bash), `{2..5}` / `{a,b}` (brace expansion), `{}` or `{"a":1}` (JSON), `{{x}}`
 * (templates) or `{name: .x}` (jq, JMESPath): the inside is one name-like word.
 */
export function findBracePlaceholders(text: string): FoundPlaceholder[] {
  let open = text.indexOf('{');
  if (open < 0) return [];
  const out: FoundPlaceholder[] = [];
  while (open >= 0) {
    const prev = open > 0 ? text.charCodeAt(open - 1) : 0;
    let e = open + 1;
    if (prev !== 36 /* $ */ && prev !== 123 /* { */ && e < text.length && isNameStart(text.charCodeAt(e))) {
      const max = Math.min(text.length, open + 1 + 80);
      while (e < max && isBraceNameChar(text.charCodeAt(e))) e++;
      if (text.charCodeAt(e) === 125 /* } */ && text.charCodeAt(e + 1) !== 125) {
        out.push({ spelling: text.slice(open, e + 1), index: open });
        open = text.indexOf('{', e + 1);
        continue;
      }
    }
    open = text.indexOf('{', open + 1);
  }
  return out;
}
const isBraceNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;

/** `YOUR_VAULT_NAME`, `YOUR-RESOURCE-GROUP`, `YourStorageAccountName`, `your-vault`: a bare word that asks for the reader's own value. */
const BARE_YOUR = /(?<![A-Za-z0-9_$<{-])(?:YOUR[_-][A-Z0-9][A-Z0-9_-]*[A-Z0-9]|Your[A-Z][A-Za-z0-9]*[a-z0-9]|your[_-][a-z0-9][a-z0-9_-]*[a-z0-9])(?![A-Za-z0-9_>}])/g;
/**
 * A half bracket: `<vault-name` with no closing `>` before the word ends (`https://<vault-name.vault.azure.net`).
 * The name must look like a placeholder (a dash or underscore in it, or all capitals), so that a
 * redirection such as `<input` is not one; `<<EOF` is a here-document.
 */
const HALF_OPEN = /(?<![<\\])<([A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+|[A-Z][A-Z0-9]{2,})(?=[./"'?&:\s]|$)/g;

/**
 * Stand-ins every reader replaces: a GUID of one repeated digit (`00000000-0000-0000-0000-000000000000`,
 * `22222222-…`) and an e-mail address at a documentation domain (`user1@contoso.com`, `alain@example.com`).
 */
const STAND_IN_GUID_SOURCE = '(?<![0-9A-Za-z-])([0-9a-fA-F])\\1{7}-\\1{4}-\\1{4}-\\1{4}-\\1{12}(?![0-9A-Za-z-])';
/** A fresh global regular expression for stand-in GUIDs (one repeated hexadecimal digit). */
export const standInGuids = (): RegExp => new RegExp(STAND_IN_GUID_SOURCE, 'g');
const STAND_IN = new RegExp(`${STAND_IN_GUID_SOURCE}|(?<![\\w.@-])[A-Za-z0-9._%+-]+@(?:example\\.(?:com|org|net)|contoso\\.com|fabrikam\\.com|domain\\.com)(?![\\w.-])`, 'g');

/** Bare `YOUR_…` words, stand-ins and half-bracket placeholders, outside the spans already found. */
function findBarePlaceholders(text: string, taken: readonly FoundPlaceholder[]): FoundPlaceholder[] {
  const out: FoundPlaceholder[] = [];
  const inside = (i: number, len: number) => taken.some((t) => i < t.index + t.spelling.length && t.index < i + len);
  // Each pattern only where its own mark is: most command lines hold a "<" (placeholders) and no
  // "your", "@" or repeated-digit GUID, and the stand-in pattern tried at every position was the
  // parser's costliest regular expression.
  const patterns = [/your/i.test(text) ? BARE_YOUR : undefined, text.includes('<') ? HALF_OPEN : undefined, text.includes('@') || hasRepeatedGuidStart(text) ? STAND_IN : undefined];
  for (const re of patterns) {
    if (re === undefined) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!inside(m.index, m[0].length)) out.push({ spelling: m[0], index: m.index });
  }
  return out;
}

/** Whether a "-" follows eight copies of one hexadecimal digit (00000000-…): one pass over the dashes. */
function hasRepeatedGuidStart(text: string): boolean {
  for (let i = text.indexOf('-', 8); i >= 0; i = text.indexOf('-', i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102))) continue;
    let k = 2;
    while (k <= 8 && text.charCodeAt(i - k) === c) k++;
    if (k > 8) return true;
  }
  return false;
}

/**
 * Every placeholder spelling in command text, in order: `<…>` (and `\<…\>`), `{…}`, bare `YOUR_…`
 * words and half brackets. Shell variables are findShellVariables'.
 */
export function findCommandPlaceholders(text: string): FoundPlaceholder[] {
  const angle = findAnglePlaceholders(text);
  const brace = findBracePlaceholders(text);
  const found = angle.length === 0 ? brace : brace.length === 0 ? angle : [...angle, ...brace.filter((b) => !angle.some((a) => b.index >= a.index && b.index < a.index + a.spelling.length))];
  const bare = text.includes('<') || text.includes('@') || /your/i.test(text) || hasRepeatedGuidStart(text) ? findBarePlaceholders(text, found) : [];
  const all = bare.length === 0 ? found : [...found, ...bare];
  return all.length > 1 ? all.sort((a, b) => a.index - b.index) : all;
}

/** Shell variable references (`$access_token`) in command text. */
export function findShellVariables(text: string): FoundPlaceholder[] {
  if (!text.includes('$')) return [];
  const out: FoundPlaceholder[] = [];
  SHELL_VARIABLE.lastIndex = 0;
  for (let m = SHELL_VARIABLE.exec(text); m; m = SHELL_VARIABLE.exec(text)) {
    if (text[m.index + 1] === '(') continue;
    out.push({ spelling: m[0], index: m.index });
  }
  return out;
}

/** The keys of the placeholders found, each once, in order of first appearance. */
export function uniqueKeys(...found: FoundPlaceholder[][]): string[] {
  const keys: string[] = [];
  let seen: Set<string> | undefined;
  for (const list of found) {
    for (const p of list) {
      const key = placeholderKey(p.spelling);
      seen ??= new Set();
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
    }
  }
  return keys;
}

/** Levenshtein distance, small strings only. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/** Two keys that are likely the same name misspelt (SUBSCRIPTON_ID ~ SUBSCRIPTION_ID). */
export function keysSimilar(a: string, b: string): boolean {
  if (a === b) return false;
  const min = Math.min(a.length, b.length);
  if (Math.abs(a.length - b.length) > 2 || min < 4) return false;
  // A misspelling keeps one end of the word; this spares most distance computations.
  if (a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1)) return false;
  const d = editDistance(a, b);
  return (d <= 2 && min >= 8) || (d === 1 && min >= 4);
}

/** The edit distance `nearKeyPairs` finds every pair within. */
const NEAR = 2;
const PIECES = NEAR + 1;

/** Start of piece `k` of a string of `length` characters cut into PIECES (the last ones longer). */
function pieceStart(length: number, k: number): number {
  const base = Math.floor(length / PIECES);
  const shorter = PIECES - (length - base * PIECES);
  return k <= shorter ? k * base : shorter * base + (k - shorter) * (base + 1);
}

// Substrings are compared by a polynomial hash (mod 2^32) of their characters: equal substrings
// have equal hashes, so no pair is missed; a collision only adds a pair for the caller to reject.
const BASE = 0x01000193;
let powers = new Int32Array([1]);
function power(n: number): number {
  if (n >= powers.length) {
    const next = new Int32Array(Math.max(n + 1, powers.length * 2));
    next.set(powers);
    for (let k = powers.length; k < next.length; k++) next[k] = Math.imul(next[k - 1]!, BASE);
    powers = next;
  }
  return powers[n]!;
}
function prefixHashes(s: string): Int32Array {
  const h = new Int32Array(s.length + 1);
  for (let k = 0; k < s.length; k++) h[k + 1] = (Math.imul(h[k]!, BASE) + s.charCodeAt(k)) | 0;
  return h;
}
/** The slot of piece `k` (text s[from, from + len)) of a string of `length` characters. */
function slot(h: Int32Array, from: number, len: number, length: number, k: number): number {
  const hash = (h[from + len]! - Math.imul(h[from]!, power(len))) | 0;
  return (Math.imul(hash ^ (length << 2), 0x2545f491) + k) | 0;
}

/**
 * Every pair of keys (i < j) that may be within edit distance 2, without comparing all pairs
 * (PassJoin's partition index): a key cut into three pieces keeps at least one of them intact
 * through two edits, at a place bounded by the piece's number and the length difference. Keys are
 * taken shortest first; each looks up the pieces of the shorter (or equal) keys already indexed at
 * those places. The callers decide with their own measure which of these pairs count.
 */
export function nearKeyPairs(keys: readonly string[]): Array<[number, number]> {
  if (keys.length < 2) return [];
  const order = keys.map((_, i) => i).sort((a, b) => keys[a]!.length - keys[b]!.length || a - b);
  const index = new Map<number, number[]>();
  const out: Array<[number, number]> = [];
  const found = new Set<number>();
  for (const i of order) {
    const key = keys[i]!;
    const h = prefixHashes(key);
    found.clear();
    for (let length = Math.max(0, key.length - NEAR); length <= key.length; length++) {
      const delta = key.length - length;
      for (let k = 0; k < PIECES; k++) {
        const start = pieceStart(length, k);
        const len = pieceStart(length, k + 1) - start;
        const from = Math.max(start - k, start + delta - (NEAR - k), 0);
        const to = Math.min(start + k, start + delta + (NEAR - k), key.length - len);
        for (let at = from; at <= to; at++) {
          const list = index.get(slot(h, at, len, length, k));
          if (!list) continue;
          for (const j of list) {
            if (found.has(j)) continue;
            found.add(j);
            out.push(i < j ? [i, j] : [j, i]);
          }
        }
      }
    }
    for (let k = 0; k < PIECES; k++) {
      const start = pieceStart(key.length, k);
      const s = slot(h, start, pieceStart(key.length, k + 1) - start, key.length, k);
      const list = index.get(s);
      if (list) list.push(i);
      else index.set(s, [i]);
    }
  }
  return out;
}

const DIGITS = /[0-9]+/g;
const numbersOf = (key: string): string => (key.match(DIGITS) ?? []).join(',');

/** Occurrences grouped by key, in order of first appearance; `similarTo` links misspelt twins. */
export function groupPlaceholders(occurrences: readonly FoundOccurrence[]): Placeholder[] {
  const byKey = new Map<string, Placeholder>();
  const spellings = new Set<string>(); // a spelling has one key: seen once, listed once
  for (const o of occurrences) {
    const key = placeholderKey(o.spelling);
    if (key === '') continue;
    let p = byKey.get(key);
    if (!p) {
      p = { key, spellings: [], occurrences: [], similarTo: [] };
      byKey.set(key, p);
    }
    if (!spellings.has(o.spelling)) {
      spellings.add(o.spelling);
      p.spellings.push(o.spelling);
    }
    const occ: PlaceholderOccurrence = { spelling: o.spelling, line: o.line, column: o.column, inProse: o.inProse };
    if (o.step) occ.stepId = o.step.id;
    p.occurrences.push(occ);
  }
  const placeholders = [...byKey.values()];
  const keys = placeholders.map((p) => p.key);
  const similar = new Map<number, number[]>();
  const link = (i: number, j: number) => {
    const list = similar.get(i);
    if (list) list.push(j);
    else similar.set(i, [j]);
  };
  // Numbered names (TOKEN1, TOKEN2, … VM_1, VM_2) are a series, not misspellings of one another: keys
  // are compared by their shape, digit runs folded ("TOKEN#"), once per shape. Within two similar
  // shapes only keys with the same numbers are twins (MY_VAULT1 ~ MY_VUALT1). A page of 4,000 numbered
  // tokens is then one shape, not 8 million similar pairs (issue 15 item 12: parsing was quadratic).
  const shapes = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const shape = k.replace(DIGITS, '#');
    const list = shapes.get(shape);
    if (list) list.push(i);
    else shapes.set(shape, [i]);
  });
  const shapeKeys = [...shapes.keys()];
  const twin = (i: number, j: number) => {
    if (!keysSimilar(keys[i]!, keys[j]!)) return;
    link(i, j);
    link(j, i);
  };
  for (const [a, b] of nearKeyPairs(shapeKeys)) {
    const A = shapes.get(shapeKeys[a]!)!;
    const B = shapes.get(shapeKeys[b]!)!;
    if (A.length === 1 && B.length === 1) {
      twin(A[0]!, B[0]!);
      continue;
    }
    const byNumbers = new Map(B.map((j) => [numbersOf(keys[j]!), j]));
    for (const i of A) {
      const j = byNumbers.get(numbersOf(keys[i]!));
      if (j !== undefined) twin(i, j);
    }
  }
  // in the order of the keys, as a comparison of every key with every other would list them
  for (const [i, list] of similar) placeholders[i]!.similarTo = list.sort((x, y) => x - y).map((j) => keys[j]!);
  return placeholders;
}

/** Placeholders on every line a reader sees: in prose, commands and responses (shell variables in commands). */
export function findOccurrences(st: ScanState): FoundOccurrence[] {
  const out: FoundOccurrence[] = [];
  for (let k = 0; k < st.n; k++) {
    const r = st.role[k];
    if (r === Role.Skip || r === Role.Marker) continue;
    const line = st.lines[k]!;
    // An example line with a step is a request's body written in the block after it (request.ts): command text.
    const step = r === Role.Command || r === Role.Expectation || r === Role.Example ? st.lineStep[k] : undefined;
    const inProse = r === Role.Prose || r === Role.Heading;
    const found = r === Role.Command || (r === Role.Example && step) ? findCommandPlaceholders(line) : findAnglePlaceholders(line);
    for (const p of found) out.push({ spelling: p.spelling, line: k + 1, column: p.index + 1, inProse, ...(step ? { step } : {}) });
    if (r === Role.Command && !(step?.kind === 'http' && step.request)) for (const p of findShellVariables(line)) out.push({ spelling: p.spelling, line: k + 1, column: p.index + 1, inProse: false, ...(step ? { step } : {}) });
  }
  return out;
}
