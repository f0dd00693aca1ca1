// Look-alike characters: never repaired, only marked with their place, so lint and report can say
// what bash and curl will do with them.
import type { CharMark, CharMarkKind } from '../model.ts';

/** Characters Windows-1252 produces from the bytes 0x80–0xBF of a UTF-8 sequence. */
const CP1252_CONT = '\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178';
/** UTF-8 read as Windows-1252: "â€™" (’), "Ã©" (é), "Â " (NBSP). */
const MOJIBAKE = new RegExp(`[\\u00c2\\u00c3][${CP1252_CONT}]|\\u00e2[${CP1252_CONT}][${CP1252_CONT}]`, 'y');

/**
 * The characters that pass for ASCII ones in a command and are not. One table for the model's marks
 * (here) and for lint, which explains per program what each does (src/lint/lookalike.ts).
 */
export const LOOKALIKES = {
  /** Hyphens, dashes and the minus sign: never the ASCII hyphen-minus an option starts with. */
  dash: /[\u2010-\u2015\u2212]/u,
  /** Typographic quotes and primes: text to bash, not quoting. */
  smartQuote: /[\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033]/u,
  /** Spaces that are not word separators to bash (U+00A0 first among them). */
  oddSpace: /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u,
  /** Invisible characters that still are bytes of the word. */
  zeroWidth: /[\u200b-\u200d\u2060\ufeff\u00ad]/u,
} as const;

export function charKind(cp: number): CharMarkKind | null {
  if (cp < 0x7f) return null;
  if (cp === 0x2013) return 'en-dash';
  if (cp === 0x2014) return 'em-dash';
  const ch = String.fromCodePoint(cp);
  if (LOOKALIKES.smartQuote.test(ch)) return 'smart-quote';
  if (cp === 0xa0) return 'nbsp';
  if (LOOKALIKES.oddSpace.test(ch)) return 'non-ascii-space';
  if (LOOKALIKES.zeroWidth.test(ch)) return 'zero-width';
  // Other dashes (U+2010–2012, U+2015, U+2212) have no kind of their own in the model; lint names them.
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
