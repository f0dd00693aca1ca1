// What the run runs: one path per variant of a page (tabs × zone pivots, parse/variants.ts), each a
// tutorial of its own, planned and run against a freshly reset target and reported as
// `file (variant)`. A page without tabs or pivots is one path, with no variant name.
import type { Tutorial } from '../model.ts';
import { variantView } from '../parse/index.ts';
import { tutorialLabel } from '../report/schema.ts';

export interface RunPath {
  /** The page as parsed (all variants). */
  page: Tutorial;
  /** What this path runs: the page, or the view of one variant. */
  tutorial: Tutorial;
  /** The variant's name ("tab=linux;pivot=python"), absent for a page with one path. */
  variant?: string;
  /** Unique in a run: the file, and the variant in parentheses. */
  key: string;
}

export function runPaths(page: Tutorial): RunPath[] {
  const variants = page.variants ?? [];
  if (variants.length === 0) return [{ page, tutorial: page, key: page.file }];
  return variants.map((v) => ({ page, tutorial: variantView(page, v), variant: v.name, key: tutorialLabel({ file: page.file, variant: v.name }) }));
}
