// The corpus pages with tabs or zone pivots (manifest features `tabs`, `pivots`) are run per
// variant: each parses into two or more variants whose tab ids and pivots are the ones its golden
// lists, and every golden step the parser extracts is written in the variant the golden gives it
// (goldens/FORMAT.md: a step's key is its variant, its text's hash and its occurrence).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialFile } from '../../src/parse/index.ts';
import type { ReportStep } from '../../src/report/schema.ts';
import { corpusRoot, Golden as GoldenSchema, goldenFiles, loadGolden, stepHash, type Golden } from './golden.ts';
import { pairSteps, writtenVariant } from './judge.ts';

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
    // The same text may be written in several variants (`cd LocalFunctionProj` under each pivot).
    const written = new Map<string, Set<string | null>>();
    for (const s of t.steps) written.set(stepHash(s.raw), (written.get(stepHash(s.raw)) ?? new Set()).add(writtenVariant(s)));
    const placed = golden.steps.filter((g) => written.has(stepHash(g.text))).map((g) => {
      const where = written.get(stepHash(g.text))!;
      return [g.text.split('\n')[0], where.has(g.variant) ? g.variant : [...where]];
    });
    expect(placed).toEqual(golden.steps.filter((g) => written.has(stepHash(g.text))).map((g) => [g.text.split('\n')[0], g.variant]));
  });
});

describe('the judge pairs golden steps by variant', () => {
  const golden = GoldenSchema.parse({
    page: 'articles/x/page.md',
    commit: '0'.repeat(40),
    works: true,
    readings: [{ by: 'test', date: '2026-12-06' }],
    variants: ['tab=linux', 'tab=windows'],
    steps: [
      { text: 'az login', expect: 'pass' },
      { text: 'curl https://example.com/a', variant: 'tab=linux', expect: 'pass' },
      { text: 'curl https://example.com/a', variant: 'tab=windows', expect: 'fail', why: 'w', reason: '404', unverified: true },
    ],
  });
  const run = (id: string, raw: string, verdict: ReportStep['verdict'], tab?: string): ReportStep => ({ id, kind: 'http', line: { start: 1, end: 1 }, ...(tab ? { tab } : {}), raw, verdict, reason: verdict, checks: [] });

  it('the same text in two tabs is two golden steps, each paired with the step written in its tab', () => {
    // Entries of both variants: az login (outside tabs) ran in each; each tab's curl in its own.
    const pairs = pairSteps('articles/x/page.md', golden, [run('s1', 'az login', 'pass'), run('s2', 'curl https://example.com/a', 'pass', 'linux'), run('s1', 'az login', 'fail'), run('s3', 'curl https://example.com/a', 'fail', 'windows')]);
    expect(pairs.map((p) => [p.golden?.variant ?? null, p.step?.id, p.step?.verdict])).toEqual([
      [null, 's1', 'fail'], // a step shown in several variants is judged by a run where it failed: no false fail hides
      ['tab=linux', 's2', 'pass'],
      ['tab=windows', 's3', 'fail'],
    ]);
  });

  it('a step written in another variant than the golden says is not that golden step', () => {
    const pairs = pairSteps('articles/x/page.md', golden, [run('s1', 'az login', 'pass'), run('s2', 'curl https://example.com/a', 'pass', 'macos')]);
    expect(pairs.map((p) => [p.golden ? p.golden.variant : '(not in golden)', p.step?.id ?? '(no step)'])).toEqual([
      [null, 's1'],
      ['tab=linux', '(no step)'],
      ['tab=windows', '(no step)'],
      ['(not in golden)', 's2'],
    ]);
  });
});
