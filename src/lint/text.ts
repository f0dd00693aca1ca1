// Small text helpers shared by several rules: placeholders as written, their normalised keys (the
// model's placeholderKey), and code point names for messages.
import { findAnglePlaceholders, placeholderKey } from '../parse/placeholders.ts';

export interface PlaceholderHit {
  spelling: string; // as written, e.g. "<SUBSCRIPTON ID>"
  key: string; // "SUBSCRIPTON_ID"
  column: number; // 1-based
}

/**
 * The angle-bracket placeholders of a line as the model finds them (findAnglePlaceholders: "<UAMI CLIENT ID>",
 * "<secret-name>", the DocFX-escaped "\<ACCESS_TOKEN_VALUE\>"; HTML tags are not placeholders), spelt without escapes.
 */
export function placeholdersIn(text: string): PlaceholderHit[] {
  return findAnglePlaceholders(text).map((p) => ({ spelling: p.spelling.replace(/\\/g, ''), key: placeholderKey(p.spelling), column: p.index + 1 }));
}

const NAMES: Record<number, string> = {
  0x2013: 'EN DASH',
  0x2014: 'EM DASH',
  0x2012: 'FIGURE DASH',
  0x2212: 'MINUS SIGN',
  0x2018: 'LEFT SINGLE QUOTATION MARK',
  0x2019: 'RIGHT SINGLE QUOTATION MARK',
  0x201c: 'LEFT DOUBLE QUOTATION MARK',
  0x201d: 'RIGHT DOUBLE QUOTATION MARK',
  0x00a0: 'NO-BREAK SPACE',
  0x202f: 'NARROW NO-BREAK SPACE',
  0x2009: 'THIN SPACE',
  0x200a: 'HAIR SPACE',
  0x2007: 'FIGURE SPACE',
  0x205f: 'MEDIUM MATHEMATICAL SPACE',
  0x3000: 'IDEOGRAPHIC SPACE',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (BOM)',
};

export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function describeChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return `${codePoint(ch)} ${NAMES[cp] ?? 'non-ASCII character'}`;
}

/** Shows invisible characters in a message ("true\\u00a0" rather than a blank); visible look-alikes stay as they are. */
export function visible(s: string): string {
  return s.replace(/[\u00a0\u1680\u2000-\u200f\u202f\u205f\u3000\u2060\ufeff\u00ad]/gu, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A value in double quotes for a message, invisible characters spelt out ("true\u00a0"). */
export function quote(s: string): string {
  return `"${visible(s).replace(/"/g, '\\"')}"`;
}

/** A name as a whole word of a line: not inside a longer name of letters, digits, `_`, `.` or `-` (`myGroup` is not in `myGroupName`). */
export function nameWord(name: string, flags = 'i'): RegExp {
  return new RegExp(`(^|[^\\w.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`, flags);
}

// "Be sure to replace the placeholders `myResourceGroup`, … and `storageAccountName`", "In the
// following example *myContainerRegistry007* is used. Update this to a unique value."
const REPLACE_CUE = /\b(?:replace|substitute|placeholders?|update this|your own|unique (?:name|value))\b/i;

/** True when a prose line marks `value` as code or emphasis and tells the reader to replace it. */
export function tellsToReplace(line: string, value: string): boolean {
  if (!REPLACE_CUE.test(line)) return false;
  const v = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\`${v}\`|(?<![*\\w])\\*{1,2}${v}\\*{1,2}(?![*\\w])|(?<![_\\w])_${v}_(?![_\\w])`).test(line);
}
