// One table of look-alike characters for the model's marks and for lint: every character lint
// explains is marked by the parser with the kind that names it.
import { describe, expect, it } from 'vitest';
import { charKind, LOOKALIKES, marksInLine } from '../../src/parse/marks.ts';
import { DASHES, ODD_SPACES, SMART_QUOTES, ZERO_WIDTH } from '../../src/lint/lookalike.ts';

/** Every BMP character a one-class regex matches. */
function members(re: RegExp): string[] {
  const out: string[] = [];
  for (let cp = 0x80; cp <= 0xffff; cp++) if (re.test(String.fromCharCode(cp))) out.push(String.fromCharCode(cp));
  return out;
}

describe('look-alike characters', () => {
  it('lint uses the parser\'s table', () => {
    expect([DASHES, SMART_QUOTES, ODD_SPACES, ZERO_WIDTH]).toEqual([LOOKALIKES.dash, LOOKALIKES.smartQuote, LOOKALIKES.oddSpace, LOOKALIKES.zeroWidth]);
  });

  it('every character of a class is marked with its kind', () => {
    for (const ch of members(LOOKALIKES.smartQuote)) expect(charKind(ch.codePointAt(0)!)).toBe('smart-quote');
    for (const ch of members(LOOKALIKES.zeroWidth)) expect(charKind(ch.codePointAt(0)!)).toBe('zero-width');
    for (const ch of members(LOOKALIKES.oddSpace)) expect(charKind(ch.codePointAt(0)!)).toBe(ch === '\u00a0' ? 'nbsp' : 'non-ascii-space');
    expect(members(LOOKALIKES.dash).map((ch) => charKind(ch.codePointAt(0)!))).toEqual(['other-non-ascii', 'other-non-ascii', 'other-non-ascii', 'en-dash', 'em-dash', 'other-non-ascii', 'other-non-ascii']);
  });

  it('marks the less common ones too: a low quote, a soft hyphen, a figure space', () => {
    const marks = marksInLine('echo \u201ehi\u201c a\u00adb c\u2007d', 3);
    expect(marks.map((m) => [m.kind, m.column])).toEqual([
      ['smart-quote', 6],
      ['smart-quote', 9],
      ['zero-width', 12],
      ['non-ascii-space', 16],
    ]);
    expect(marks[2]?.codePoints).toEqual(['U+00AD']);
  });
});
