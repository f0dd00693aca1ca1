// Splits command text into the words bash would pass, keeping where each word starts. Only ASCII
// space, tab and newline separate words, as in bash's default IFS: a no-break space or a curly
// quote stays inside the word, which is exactly what the look-alike rules must explain.

export interface ShellWord {
  /** The word after quote removal, as the program receives it. */
  value: string;
  /** The word's characters as written, quotes included. */
  raw: string;
  line: number;
  column: number; // 1-based UTF-16 column of the word's first character
  /** True when some part of the word was inside '…' or "…". */
  quoted: boolean;
}

export interface SourceLine {
  line: number;
  text: string;
}

const SEPARATORS = new Set([' ', '\t', '\n']);
const OPERATORS = new Set(['|', ';', '&', '(', ')']);

/**
 * Words of a command spread over `lines` (continuation lines joined by a trailing backslash).
 * Operators (`|`, `;`, `&&`, `$(`, `)`) end a word and are returned as their own words so that
 * callers can cut a pipeline into commands.
 */
export function shellWords(lines: readonly SourceLine[]): ShellWord[] {
  const chars: { ch: string; line: number; column: number }[] = [];
  lines.forEach((l, i) => {
    for (let c = 0; c < l.text.length; c++) chars.push({ ch: l.text[c] as string, line: l.line, column: c + 1 });
    if (i < lines.length - 1) chars.push({ ch: '\n', line: l.line, column: l.text.length + 1 });
  });

  const words: ShellWord[] = [];
  let current: ShellWord | undefined;
  const start = (at: { line: number; column: number }): ShellWord => {
    current ??= { value: '', raw: '', line: at.line, column: at.column, quoted: false };
    return current;
  };
  const finish = (): void => {
    if (current) words.push(current);
    current = undefined;
  };

  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as { ch: string; line: number; column: number };
    if (c.ch === '\\' && chars[i + 1]?.ch === '\n') {
      i += 2; // line continuation
      continue;
    }
    if (SEPARATORS.has(c.ch)) {
      finish();
      i++;
      continue;
    }
    if (c.ch === '#' && !current) {
      // A comment runs to the end of its line.
      while (i < chars.length && chars[i]?.ch !== '\n') i++;
      continue;
    }
    if (OPERATORS.has(c.ch) || (c.ch === '$' && chars[i + 1]?.ch === '(')) {
      finish();
      const op = c.ch === '$' ? '$(' : c.ch === '&' && chars[i + 1]?.ch === '&' ? '&&' : c.ch;
      words.push({ value: op, raw: op, line: c.line, column: c.column, quoted: false });
      i += op.length;
      continue;
    }
    const w = start(c);
    if (c.ch === "'") {
      w.quoted = true;
      w.raw += c.ch;
      i++;
      while (i < chars.length && chars[i]?.ch !== "'") {
        w.value += chars[i]?.ch;
        w.raw += chars[i]?.ch;
        i++;
      }
      if (i < chars.length) w.raw += "'";
      i++;
      continue;
    }
    if (c.ch === '"') {
      w.quoted = true;
      w.raw += c.ch;
      i++;
      while (i < chars.length && chars[i]?.ch !== '"') {
        const ch = chars[i]?.ch as string;
        const next = chars[i + 1]?.ch;
        if (ch === '\\' && next !== undefined && '"\\$`'.includes(next)) {
          w.value += next;
          w.raw += ch + next;
          i += 2;
          continue;
        }
        w.value += ch;
        w.raw += ch;
        i++;
      }
      if (i < chars.length) w.raw += '"';
      i++;
      continue;
    }
    if (c.ch === '<') {
      // "<STORAGE ACCOUNT>": a placeholder the reader replaces as a whole, not a redirection
      // followed by words; keeping it one word keeps URLs with placeholders in one piece.
      let rest = '';
      for (let k = i; k < chars.length && k < i + 44 && chars[k]?.ch !== '\n'; k++) rest += chars[k]?.ch;
      const m = /^<[A-Za-z][A-Za-z0-9 _-]{0,40}?>/.exec(rest);
      if (m) {
        w.value += m[0];
        w.raw += m[0];
        i += m[0].length;
        continue;
      }
    }
    if (c.ch === '\\' && i + 1 < chars.length) {
      w.value += chars[i + 1]?.ch;
      w.raw += c.ch + (chars[i + 1]?.ch as string);
      i += 2;
      continue;
    }
    w.value += c.ch;
    w.raw += c.ch;
    i++;
  }
  finish();
  return words;
}
