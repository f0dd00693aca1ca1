// The goldens themselves are sound: each validates against its format (goldens/FORMAT.md), names a
// corpus page at the commit the corpus holds, and quotes the page exactly — every step text, every
// placeholder spelling and every defect's `where` is found in the page or the files it includes, so a
// golden cannot judge a command the page does not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusRoot, goldenFiles, loadGolden, normaliseStepText } from './golden.ts';

interface ManifestPage {
  path: string;
  commit: string;
  includes: string[];
  heldOut: boolean;
}
const manifest = JSON.parse(readFileSync(join(corpusRoot, 'manifest.json'), 'utf8')) as { pages: ManifestPage[] };
const pages = new Map(manifest.pages.map((p) => [p.path, p]));

/**
 * The page and everything it includes, each line trimmed as step texts are; a line inside a block
 * quote (`> ` markers, nested too) also without its markers, as the reader copies the command.
 */
function pageLines(page: ManifestPage): string[] {
  const files = [page.path, ...page.includes];
  return files.flatMap((f) =>
    normaliseStepText(readFileSync(join(corpusRoot, f), 'utf8'))
      .split('\n')
      .map((l) => l.replace(/^(?:>[ \t]?)+/, '').replace(/^[ \t]+|[ \t]+$/g, '')),
  );
}

function pageText(page: ManifestPage): string {
  return [page.path, ...page.includes].map((f) => readFileSync(join(corpusRoot, f), 'utf8')).join('\n');
}

/** Whether the step's lines appear in order, adjacent, among the page's lines. */
function containsLines(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (haystack[i] !== needle[0]) continue;
    if (needle.every((l, k) => haystack[i + k] === l)) return true;
  }
  return false;
}

const files = goldenFiles();

describe('corpus goldens', () => {
  it('cover every page of the corpus (at least 40), each read twice', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    const judged = new Set(files.map((f) => loadGolden(f).golden.page));
    expect(manifest.pages.map((p) => p.path).filter((p) => !judged.has(p))).toEqual([]);
    for (const f of files) expect(loadGolden(f).golden.readings.length, `${f} needs a second reading`).toBeGreaterThanOrEqual(2);
  });

  for (const path of files) {
    it(`${path.slice(corpusRoot.length + 1)} is a valid golden that quotes its page exactly`, () => {
      const { golden } = loadGolden(path);
      const page = pages.get(golden.page);
      expect(page, `${golden.page} is not in tests/corpus/manifest.json`).toBeDefined();
      expect(path.endsWith(`goldens/${golden.page.replace(/\.md$/, '.yaml')}`), 'a golden lives at goldens/<page path>.yaml').toBe(true);
      expect(golden.commit).toBe(page!.commit);
      const lines = pageLines(page!);
      const text = pageText(page!);
      const seen = new Map<string, number>();
      for (const step of golden.steps) {
        const needle = normaliseStepText(step.text).split('\n');
        expect(containsLines(lines, needle), `step not found in the page: ${JSON.stringify(step.text)}`).toBe(true);
        const key = `${step.variant ?? ''}\u0000${normaliseStepText(step.text)}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        expect(step.occurrence, `occurrence of ${JSON.stringify(step.text)} should be ${n}`).toBe(n);
      }
      for (const p of golden.placeholders) expect(text.includes(p.spelling), `placeholder ${p.spelling} not in the page`).toBe(true);
      for (const d of golden.defects) expect(text.includes(d.where), `defect 'where' not in the page: ${JSON.stringify(d.where)}`).toBe(true);
      for (const e of golden.lint.errors) expect(text.includes(e.where), `lint error 'where' not in the page: ${JSON.stringify(e.where)}`).toBe(true);
      for (const v of golden.steps.map((s) => s.variant).filter((v): v is string => v !== null)) expect(golden.variants).toContain(v);
    });
  }
});
