// Finds look-alike characters inside command words and explains, per program, what the word turns
// into. Shared by the four look-alike rules so they agree on words, positions and wording.
import type { CommandView, LintDocument } from './document.ts';
import { simpleCommands } from './commands.ts';
import type { ShellWord } from '../parse/shell-words.ts';
import { quote } from './text.ts';
import { LOOKALIKES } from '../parse/marks.ts';

// The characters themselves are the parser's table, so the model's marks and lint agree on them.
export const DASHES = LOOKALIKES.dash;
export const SMART_QUOTES = LOOKALIKES.smartQuote;
export const ODD_SPACES = LOOKALIKES.oddSpace;
export const ZERO_WIDTH = LOOKALIKES.zeroWidth;

export interface WordContext {
  command: CommandView;
  word: ShellWord;
  /** The program of the simple command holding the word ("curl", "az", "echo"…). */
  program: string;
  /** The word before, within the same simple command (e.g. "-H" for a header). */
  previous: ShellWord | undefined;
  /** Index of the word in its simple command (0 = the program). */
  index: number;
  /** The word after it in the whole command line (operators included). */
  next: ShellWord | undefined;
}

/** Every command word containing at least one character matching `pattern`, once per word. */
export function wordsWith(doc: LintDocument, pattern: RegExp): WordContext[] {
  const out: WordContext[] = [];
  for (const command of doc.commands) {
    let position: Map<ShellWord, number> | undefined; // where each word stands in the command line
    for (const cmd of simpleCommands(command.words)) {
      cmd.forEach((word, index) => {
        if (!pattern.test(word.raw)) return;
        position ??= new Map(command.words.map((w, k) => [w, k]));
        const next = command.words[(position.get(word) ?? -2) + 1];
        out.push({ command, word, program: cmd[0]?.value ?? '', previous: cmd[index - 1], index, next });
      });
    }
  }
  return out;
}

/** Column of the first matching character of a word (its raw text starts at word.column). */
export function columnOf(word: ShellWord, pattern: RegExp): number {
  const at = word.raw.search(pattern);
  return word.column + Math.max(0, at);
}

function isHeaderArgument(ctx: WordContext): boolean {
  return ctx.program === 'curl' && (ctx.previous?.value === '-H' || ctx.previous?.value === '--header');
}

/** What curl or az does with the word once it carries the character, in a sentence. */
export function consequence(ctx: WordContext, cleaned: string): string {
  const v = ctx.word.value;
  if (ctx.program === 'curl') {
    if (isHeaderArgument(ctx)) {
      const colon = v.indexOf(':');
      const name = colon < 0 ? v : v.slice(0, colon);
      const value = colon < 0 ? '' : v.slice(colon + 1).replace(/^[ \t]+/, '');
      if (/^metadata$/i.test(name.trim()))
        return `curl sends the header Metadata with the value ${quote(value)}; IMDS requires exactly "true" and answers 400 (required metadata header not specified)`;
      if (/^authorization$/i.test(name.trim()))
        return `curl sends ${quote(value)} as the Authorization value: the bearer token ends with the extra bytes, is no longer the signed token, and the service answers 401`;
      return `curl sends the header ${quote(name)} with the value ${quote(value)}`;
    }
    if (ctx.previous && /^-/.test(ctx.previous.value) && ctx.previous.value.length > 1 && !/^https?:/i.test(v))
      return `curl passes ${quote(v)} as the value of ${ctx.previous.value}`;
    if (/^https?:/i.test(v))
      return `the URL curl requests ends in or contains the character's UTF-8 bytes (percent-encoded as %C2%A0 for U+00A0), so the last path segment or query value is not the one intended`;
    const next = ctx.next;
    const follows = /^[\u2010-\u2015\u2212]-?(request|header|data|upload-file|output|user|form)$/u.test(v) && next ? `; the next word ${quote(next.value)} becomes one more URL too` : '';
    return `curl does not know ${quote(v)} as an option: it takes the word as a URL, fails with "Could not resolve host: ${v}" and exits non-zero${follows}`;
  }
  if (ctx.program === 'az') {
    if (/^[-\u2010-\u2015\u2212]/u.test(v))
      return `az does not recognise ${quote(v)} as ${quote(cleaned)} and stops with "unrecognized arguments: ${v}"`;
    return `az receives ${quote(v)} with the character in it, so the value does not match any name Azure knows`;
  }
  return `bash passes ${quote(v)} to ${ctx.program || 'the command'} with the character in it`;
}
