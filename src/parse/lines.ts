// Line-level recognisers shared by the document scanner: what a line of a tutorial looks like once
// its markdown container (indentation, blockquote markers) is set aside.
import { STATUS_LINE } from './http.ts';
import { PROGRESS_LINE } from './json.ts';

/** Indentation and blockquote markers in front of a line's content. */
const PREFIX = /^[ \t]*(?:>[ \t]?[ \t]*)*/;

export function prefixLength(line: string): number {
  return PREFIX.exec(line)![0].length;
}

/** A line without its container prefix (indentation and `>` markers). */
export function contentOf(line: string): string {
  return line.slice(prefixLength(line));
}

/** Indentation in columns (tabs count 4), blockquote markers excluded. */
export function indentOf(line: string): number {
  let n = 0;
  for (const c of line) {
    if (c === ' ') n++;
    else if (c === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
}

/** Blank for markdown: ASCII whitespace only (a line of NBSPs is text). */
export function isBlank(line: string): boolean {
  return /^[ \t\r>]*$/.test(line);
}

const COMMAND_START = /^(?:curl(?:\s|$)|az\s+[a-z]|echo(?:\s|$)|(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=\$\()/;

/** A line (content only) that begins a command the tutorial tells the reader to type. */
export function isCommandStart(content: string): boolean {
  return COMMAND_START.test(content);
}

/** `# text` — a shell comment when it sits in a command group, a heading otherwise. */
export function isHashLine(content: string): boolean {
  return /^#(?!#)/.test(content);
}

/** `{` or `[` opening a JSON value (markdown links and `[!NOTE]` excluded). */
export function isJsonStart(content: string): boolean {
  const c = content[0];
  if (c === '{') return true;
  if (c !== '[') return false;
  return /^\[\s*(?:$|[{["\d\]-]|true|false|null)/.test(content);
}

export function isProgressLine(content: string): boolean {
  return PROGRESS_LINE.test(content.trim());
}

export function isStatusLine(content: string): boolean {
  return STATUS_LINE.test(content);
}

/** `1. text` or `1) text`: an ordered list item. */
export const ORDERED_ITEM = /^(\d{1,3})[.)][ \t]+\S/;
export const BULLET_ITEM = /^(?:[-*+•][ \t]+\S)/;

/** Trailing whitespace a rendered page leaves behind, NBSP included. */
export function trimEndAll(s: string): string {
  return s.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/, '');
}

/** Markdown inline syntax removed: links, emphasis, code spans, escapes. */
export function plainInline(s: string): string {
  return trimEndAll(
    s
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/__([^_]+)__/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1'),
  ).trim();
}
