// Lint reads whatever a page contains: look-alike characters, broken JSON, stray quotes. Random
// damage to the clean fixture must give findings, never an exception or a rule failure note.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTutorialText, ParseError } from '../../src/parse/index.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { CLEAN_DOCFX, CLEAN_RENDERED } from './helpers.ts';

const nasty = fc.constantFrom('\u00a0', '\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d', '\u200b', '\ufeff', '"', "'", '\\', '<', '>', '{', '}', ',', '//', '\n', '`', 'â€™', '$(', '|', ' ');

describe('lint never throws on damaged tutorials', () => {
  for (const [form, base] of [['docfx', CLEAN_DOCFX], ['rendered', CLEAN_RENDERED]] as const) {
    it(`${form}: random insertions`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat({ max: base.length }), nasty), { minLength: 1, maxLength: 8 }), (edits) => {
          let text = base;
          for (const [at, s] of [...edits].sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + s + text.slice(at);
          let tutorial;
          try {
            tutorial = parseTutorialText(text, 'tests/lint/fixtures/fuzz.md', { form });
          } catch (err) {
            if (err instanceof ParseError) return; // the parser's call, not lint's
            throw err;
          }
          const findings = lintTutorial(tutorial, { text });
          expect(findings.filter((f) => f.message.startsWith('lint rule '))).toEqual([]);
          for (const f of findings) expect(f.line).toBeGreaterThan(0);
        }),
        { numRuns: 150, seed: 20261122 },
      );
    }, 60_000);
  }
});
