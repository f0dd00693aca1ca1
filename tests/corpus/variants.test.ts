// The corpus pages with tabs or zone pivots (manifest features `tabs`, `pivots`) are run per
// variant: each parses into two or more variants whose tab ids and pivots are the ones its golden
// lists, and every golden step the parser extracts is written in the variant the golden gives it
// (goldens/FORMAT.md: a step's key is its variant, its text's hash and its occurrence).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { corpusRoot, goldenFiles, loadGolden, stepHash, type Golden } from './golden.ts';
import { writtenVariant } from './judge.ts';

const manifest = JSON.parse(readFileSync(join(corpusRoot, 'manifest.json'), 'utf8')) as { pages: { path: string; features: string[] }[] };
const goldens = new Map<string, Golden>(goldenFiles().map((f) => loadGolden(f).golden).map((g) => [g.page, g]));
const structured = manifest.pages.filter((p) => p.features.includes('tabs') || p.features.includes('pivots'));

describe('corpus pages with tabs or zone pivots', () => {
  it('are at least 20 of the corpus', () => {
    expect(structured.length).toBeGreaterThanOrEqual(20);
  });

  it.each(structured.map((p) => p.path))('%s has a variant per tab id and pivot its golden names; its steps are where the golden says', (page) => {
    const t = parseTutorialFile(join(corpusRoot, page));
    const golden = goldens.get(page)!;
    expect(t.variants?.length ?? 0).toBeGreaterThanOrEqual(2);
    // Each part of each variant's name ("tab=cli", "pivot=python") is one the golden lists.
    for (const v of t.variants ?? []) for (const part of v.name.split(';')) expect(golden.variants).toContain(part);
    const written = new Map(t.steps.map((s) => [stepHash(s.raw), writtenVariant(s)]));
    const placed = golden.steps.filter((g) => written.has(stepHash(g.text))).map((g) => [g.text.split('\n')[0], written.get(stepHash(g.text))]);
    expect(placed).toEqual(golden.steps.filter((g) => written.has(stepHash(g.text))).map((g) => [g.text.split('\n')[0], g.variant]));
  });
});
