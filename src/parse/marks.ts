// Look-alike characters: never repaired, only marked with their place, so lint and report can say
// what bash and curl will do with them.
import type { CharMark, CharMarkKind } from '../model.ts';

/** Characters Windows-1252 produces from the bytes 0x80–0xBF of a UTF-8 sequence. */
const CP1252_CONT = '\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
/** UTF-8 read as Windows-1252: "â€™" (’), "Ã©" (é), "Â " (NBSP). */
const MOJIBAKE = new RegExp(`[\\u00c2\\u00c3][${CP1252_CONT}]|\\u00e2[${CP1252_CONT}][${CP1252_CONT}]`, 'y');

export function charKind(cp: number): CharMarkKind | null {
  if (cp < 0x7f) return null;
  if (cp === 0x2013) return 'en-dash';
  if (cp === 0x2014) return 'em-dash';
  if (cp === 0x2018 || cp === 0x2019 || cp === 0x201c || cp === 0x201d) return 'smart-quote';
  if (cp === 0xa0) return 'nbsp';
  if ((cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x1680) return 'non-ascii-space';
  if ((cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff) return 'zero-width';
  return 'other-non-ascii';
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Marks in one line of text; `column0` is the 1-based column of `text[0]` in the file line. */
export function marksInLine(text: string, line: number, column0 = 1): CharMark[] {
  const out: CharMark[] = [];
  // Fast path: pure ASCII lines are the common case.
  let i = 0;
  for (; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) break;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (cp <= 0x7e) {
      i++;
      continue;
    }
    MOJIBAKE.lastIndex = i;
    const mj = MOJIBAKE.exec(text);
    let kind: CharMarkKind;
    let end: number;
    if (mj) {
      kind = 'mojibake';
      end = i + mj[0].length;
    } else {
      kind = charKind(cp)!;
      end = i + (cp > 0xffff ? 2 : 1);
      // merge a run of the same kind (three NBSPs are one mark)
      while (end < text.length) {
        const c2 = text.codePointAt(end)!;
        if (charKind(c2) !== kind) break;
        MOJIBAKE.lastIndex = end;
        if (MOJIBAKE.test(text)) break;
        end += c2 > 0xffff ? 2 : 1;
      }
    }
    const s = text.slice(i, end);
    out.push({ kind, text: s, codePoints: Array.from(s, (c) => hex(c.codePointAt(0)!)), line, column: column0 + i });
    i = end;
  }
  return out;
}

/** True when the text holds a mojibake sequence. */
export function hasMojibake(text: string): boolean {
  return marksInLine(text, 1).some((m) => m.kind === 'mojibake');
}
