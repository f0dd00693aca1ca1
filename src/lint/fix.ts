// Exact edits for the corrections a rule is sure of (`--fix-patch`). An edit is placed where the
// parser says a word or a JSON string stands, and only when the file's line holds exactly that text
// there: a word continued over a backslash-newline, or a rule run without the file's text, gets no
// fix. Every builder returns undefined when it cannot be sure, and a fix with any undefined edit is
// no fix at all.
import type { LintDocument } from './document.ts';
import type { Fix, TextEdit } from './finding.ts';
import type { ShellWord } from '../parse/shell-words.ts';

/** True when the file's line holds the word's raw text at the word's column. */
export function wordOnLine(doc: LintDocument, word: ShellWord): boolean {
  if (!doc.hasText) return false;
  return doc.line(word.line).slice(word.column - 1, word.column - 1 + word.raw.length) === word.raw;
}

/** Replace columns [column, endColumn) of a line with `text`; undefined when the range is not on the line. */
export function replaceAt(doc: LintDocument, line: number, column: number, endColumn: number, text: string): TextEdit | undefined {
  if (!doc.hasText || line < 1 || line > doc.lineCount || column < 1 || endColumn < column) return undefined;
  const lineText = doc.line(line);
  if (endColumn - 1 > lineText.length) return undefined;
  const old = lineText.slice(column - 1, endColumn - 1);
  if (old === text) return undefined;
  return { line, column, endColumn, old, text };
}

/**
 * Edits that change single characters of a word: `map` gives each character's replacement ('' to
 * delete it) or undefined to keep it. Neighbouring changed characters become one edit, so that two
 * rules touching different characters of one word never overlap.
 */
export function charEdits(doc: LintDocument, word: ShellWord, map: (ch: string, index: number) => string | undefined): TextEdit[] | undefined {
  if (!wordOnLine(doc, word)) return undefined;
  const edits: TextEdit[] = [];
  let run: { from: number; text: string } | undefined;
  const flush = (to: number): void => {
    if (run === undefined) return;
    const e = replaceAt(doc, word.line, word.column + run.from, word.column + to, run.text);
    if (e !== undefined) edits.push(e);
    run = undefined;
  };
  for (let i = 0; i < word.raw.length; i++) {
    const to = map(word.raw[i] as string, i);
    if (to === undefined) {
      flush(i);
      continue;
    }
    run ??= { from: i, text: '' };
    run.text += to;
  }
  flush(word.raw.length);
  return edits.length > 0 ? edits : undefined;
}

/** Insert `text` right after a word (e.g. ` -H "Content-Type: application/json"`). */
export function insertAfter(doc: LintDocument, word: ShellWord, text: string): TextEdit | undefined {
  if (!wordOnLine(doc, word)) return undefined;
  const at = word.column + word.raw.length;
  return { line: word.line, column: at, endColumn: at, old: '', text };
}

/** Replace a whole word. */
export function replaceWord(doc: LintDocument, word: ShellWord, text: string): TextEdit | undefined {
  if (!wordOnLine(doc, word)) return undefined;
  return replaceAt(doc, word.line, word.column, word.column + word.raw.length, text);
}

/** A fix from edits, or none when any edit could not be placed. */
export function fixOf(description: string, edits: ReadonlyArray<TextEdit | undefined> | undefined): Fix | undefined {
  if (edits === undefined || edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { description, edits: edits as TextEdit[] };
}

/** Where each character of a word's raw text is quoted: 'none', "'" or '"' (quote characters themselves are 'none'). */
export function quoting(raw: string): Array<'none' | "'" | '"'> {
  const out: Array<'none' | "'" | '"'> = [];
  let state: 'none' | "'" | '"' = 'none';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (state === 'none' && (c === "'" || c === '"')) {
      out.push('none');
      state = c;
    } else if (state !== 'none' && c === state) {
      out.push('none');
      state = 'none';
    } else if (state !== "'" && c === '\\' && i + 1 < raw.length) {
      out.push(state, state);
      i++;
    } else out.push(state);
  }
  return out;
}

/** `{ fix }` to spread into a RuleHit, or nothing. */
export function withFix(fix: Fix | undefined): { fix?: Fix } {
  return fix ? { fix } : {};
}
