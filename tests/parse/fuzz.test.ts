// Property: whatever the text, parseTutorialText either returns a model that the zod schema
// accepts or throws the parser's own error (ParseError / ToolError) — never anything else.
// Inputs are mutations of the real tutorials (cut, splice, duplicated fences, inserted NBSP, en
// dashes, quotes, backslashes, binary bytes) and markdown-ish random text: 2,700 runs in all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.ts';
import { Tutorial } from '../../src/model.ts';
import { ParseError, parseAz, parseCurl, parseTutorialText, shellWords } from '../../src/parse/index.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

const texts = readdirSync(tutorialsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(tutorialsDir, f), 'utf8'));

const INSERTS = ['\u00a0', '\u2013', '\u2014', '\u2018', '\u2019', '\u201c', '\u201d', '\u200b', '\ufeff', 'â€™', "'", '"', '\\', '\\\n', '`', '```', '```bash\n', '\n```\n', '~~~\n', '$(', ')', '{', '}', '[', ']', '<', '>', '#', '\n# ', '\n', '\r\n', '\t', '    ', '> ', '1. ', '-H ', 'curl ', 'az ', 'echo "x" > f', 'HTTP/1.1 200 OK\n', 'Finished[####]  100%\n', '[!INCLUDE [a](b.md)]', '---\n', '\u0000', '\u0001', '\ufffd', '\ud800'];

type Mutation =
  | { op: 'cut'; at: number; len: number }
  | { op: 'splice'; at: number; from: number; start: number; len: number }
  | { op: 'insert'; at: number; what: string }
  | { op: 'duplicate-fence'; at: number }
  | { op: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 400 }) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat({ max: texts.length - 1 }), start: fc.nat(), len: fc.nat({ max: 600 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), what: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), what: fc.string({ unit: 'binary', maxLength: 8 }) }),
  fc.record({ op: fc.constant('duplicate-fence' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + m.len);
    case 'splice': {
      const src = texts[m.from]!;
      const start = m.start % (src.length + 1);
      return text.slice(0, at) + src.slice(start, start + m.len) + text.slice(at);
    }
    case 'insert':
      return text.slice(0, at) + m.what + text.slice(at);
    case 'duplicate-fence': {
      const fences = [...text.matchAll(/^[ \t>]*(`{3,}|~{3,}).*$/gm)];
      if (fences.length === 0) return text.slice(0, at) + '\n```\n' + text.slice(at);
      const f = fences[m.at % fences.length]!;
      return text.slice(0, f.index) + f[0] + '\n' + text.slice(f.index);
    }
    case 'truncate':
      return text.slice(0, at);
  }
}

/** The property: a valid model, or the parser's own error. */
function check(text: string): void {
  let model: unknown;
  try {
    model = parseTutorialText(text, 'tutorials/fuzz.md');
  } catch (e) {
    if (e instanceof ParseError || e instanceof ToolError) return;
    throw e;
  }
  const r = Tutorial.safeParse(model);
  if (!r.success) throw new Error(`invalid model: ${r.error.message}`);
  // ids are s1… in order, line ranges inside the text
  const t = r.data;
  t.steps.forEach((s, k) => {
    expect(s.id).toBe(`s${k + 1}`);
    expect(s.source.startLine).toBeLessThanOrEqual(s.source.endLine);
    expect(s.source.endLine).toBeLessThanOrEqual(Math.max(1, t.lineCount));
  });
}

describe('parseTutorialText on mutated and random input', () => {
  it('mutations of the real tutorials (1,600 runs)', () => {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (k, ms) => {
        check(ms.reduce(apply, texts[k]!));
      }),
      { numRuns: 1600, seed: 20261122 },
    );
  }, 120_000);
  it('markdown-ish random text (600 runs)', () => {
    const piece = fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => check(parts.join(''))),
      { numRuns: 600, seed: 7 },
    );
  }, 120_000);
  it('skipping markdown-it on text without block syntax changes nothing (300 runs)', () => {
    fc.assert(
      fc.property(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (k, ms) => {
        const text = ms.reduce(apply, texts[k]!);
        let a: unknown;
        let b: unknown;
        try {
          a = parseTutorialText(text, 'tutorials/fuzz.md');
        } catch (e) {
          a = (e as Error).message;
        }
        try {
          b = parseTutorialText(text, 'tutorials/fuzz.md', { alwaysMarkdown: true });
        } catch (e) {
          b = (e as Error).message;
        }
        expect(a).toEqual(b);
      }),
      { numRuns: 300, seed: 11 },
    );
  }, 120_000);
  it('the word parsers throw only ParseError (200 runs)', () => {
    const piece = fc.oneof(fc.constantFrom(...INSERTS), fc.string({ maxLength: 10 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (parts) => {
        const src = parts.join('');
        for (const fn of [() => shellWords(src), () => parseCurl(`curl ${src}`), () => parseAz(`az ${src}`)]) {
          try {
            fn();
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
          }
        }
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
