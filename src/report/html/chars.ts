// Characters a reader cannot see or cannot tell from ASCII (U+00A0, zero-width, en dashes, smart
// quotes, mojibake), shown where they stand in "the page says": a visible marker with the code point.
// Found in the report's raw text with the parser's own table (src/parse/marks.ts), so the report
// marks exactly what parse and lint mark.
import { describeChar } from '../../lint/text.ts';
import type { CharMark } from '../../model.ts';
import { LOOKALIKES, marksInLine } from '../../parse/marks.ts';
import { esc } from './escape.ts';

export interface CharNote {
  /** Line of the text (1 = its first line) and column in that line, 1-based. */
  line: number;
  column: number;
  kind: CharMark['kind'];
  text: string;
  codePoints: string[];
}

const INVISIBLE = new Set<CharMark['kind']>(['nbsp', 'non-ascii-space', 'zero-width']);

/** The marks worth showing: every look-alike kind; of other non-ASCII characters, only dashes. */
export function charNotes(text: string): CharNote[] {
  const out: CharNote[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of marksInLine(l, i + 1)) {
      if (m.kind === 'other-non-ascii' && !LOOKALIKES.dash.test(m.text)) continue;
      out.push({ line: m.line, column: m.column, kind: m.kind, text: m.text, codePoints: m.codePoints });
    }
  });
  return out;
}

function glyph(kind: CharMark['kind'], ch: string): string {
  if (kind === 'nbsp') return '⍽';
  if (kind === 'non-ascii-space') return '␣';
  if (kind === 'zero-width') return '◌';
  return ch;
}

export function describeNote(n: CharNote): string {
  const names = [...new Set(Array.from(n.text, (c) => describeChar(c)))].join(', ');
  const count = Array.from(n.text).length;
  return n.kind === 'mojibake' ? `${n.codePoints.join(' ')} mojibake (UTF-8 read as Windows-1252)` : `${count > 1 ? `${count} × ` : ''}${names}`;
}

function markHtml(n: CharNote): string {
  const chars = Array.from(n.text);
  const label = n.kind === 'mojibake' ? 'mojibake' : [...new Set(n.codePoints)].join(' ');
  const count = chars.length > 1 && n.kind !== 'mojibake' ? `${chars.length}×` : '';
  // The character itself stays in the text (a copy of "the page says" is what the page says); the
  // glyph and the code point are decoration that is not selected.
  const shown = INVISIBLE.has(n.kind) ? `<span class="g" aria-hidden="true">${esc(chars.map((c) => glyph(n.kind, c)).join(''))}</span><span class="inv">${esc(n.text)}</span>` : esc(n.text);
  return `<mark class="ch ch-${n.kind}" title="${esc(`${describeNote(n)} at line ${n.line}, column ${n.column}`)}">${shown}<span class="cp" aria-hidden="true">${esc(count + label)}</span></mark>`;
}

/** The text escaped, each look-alike wrapped in its marker. */
export function markedText(text: string, notes: readonly CharNote[] = charNotes(text)): string {
  if (notes.length === 0) return esc(text);
  const lines = text.split('\n');
  return lines
    .map((l, i) => {
      const here = notes.filter((n) => n.line === i + 1);
      if (here.length === 0) return esc(l);
      let out = '';
      let at = 0;
      for (const n of here) {
        out += esc(l.slice(at, n.column - 1)) + markHtml(n);
        at = n.column - 1 + n.text.length;
      }
      return out + esc(l.slice(at));
    })
    .join('\n');
}

const ASCII: Partial<Record<CharMark['kind'], (s: string) => string>> = {
  'en-dash': (s) => s.replace(/./gu, '-'),
  'em-dash': (s) => s.replace(/./gu, '-'),
  'other-non-ascii': (s) => s.replace(/./gu, '-'), // only dashes are kept by charNotes
  'smart-quote': (s) => s.replace(/[\u2018\u2019\u201a\u201b\u2032]/gu, "'").replace(/[\u201c\u201d\u201e\u201f\u2033]/gu, '"'),
  nbsp: (s) => s.replace(/./gu, ' '),
  'non-ascii-space': (s) => s.replace(/./gu, ' '),
  'zero-width': () => '',
};

/**
 * The text with every look-alike replaced by the ASCII character it passes for (a no-break space
 * that ends a line is dropped), or undefined when there is none or one has no sure replacement
 * (mojibake).
 */
export function asciiText(text: string, notes: readonly CharNote[] = charNotes(text)): string | undefined {
  if (notes.length === 0 || notes.some((n) => ASCII[n.kind] === undefined)) return undefined;
  const lines = text.split('\n');
  return lines
    .map((l, i) => {
      const here = notes.filter((n) => n.line === i + 1);
      if (here.length === 0) return l;
      let out = '';
      let at = 0;
      let trailing = false;
      for (const n of here) {
        const end = n.column - 1 + n.text.length;
        trailing = INVISIBLE.has(n.kind) && l.slice(end).trim() === '';
        out += l.slice(at, n.column - 1) + (trailing ? '' : ASCII[n.kind]!(n.text));
        at = end;
      }
      return trailing ? out.trimEnd() : out + l.slice(at);
    })
    .join('\n');
}
