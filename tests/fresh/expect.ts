// The reviewed expectations of the fresh set (tests/fresh/README.md): per page, the steps that
// legitimately fail and the error-level lint findings that are real, each with its evidence, and the
// page's real defects the tool reports at a lower level. Written by reading the page and what Azure
// does, never from the tool's output.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const freshRoot = join(import.meta.dirname);
export const expectRoot = join(freshRoot, 'expect');

const Evidence = { why: z.string().min(1), cite: z.string().min(1) };

export const Expectation = z
  .object({
    page: z.string().regex(/^articles\/.+\.md$/),
    /** Steps whose `fail` is the page's defect: `text` is a part of the step's raw text, `reason` a regex its reason must match. */
    fails: z.array(z.object({ text: z.string().min(1), reason: z.string().min(1), ...Evidence }).strict()).default([]),
    /** Error-level lint findings that are real: the rule and a part of the text on the finding's line. */
    lintErrors: z.array(z.object({ rule: z.string().min(1), where: z.string().min(1), ...Evidence }).strict()).default([]),
    /** Real defects the tool must report (any severity): the rule and a part of the text on the finding's line. Asserted, so recall on pages never tuned on cannot silently drop. */
    finds: z.array(z.object({ rule: z.string().min(1), where: z.string().min(1), ...Evidence }).strict()).default([]),
    /** Real defects of the page the tool reports below error level (warning, drift…), or misses; for the record. */
    defects: z.array(z.object({ where: z.string().min(1), what: z.string().min(1), reported: z.string().min(1), cite: z.string().min(1) }).strict()).default([]),
    notes: z.string().optional(),
  })
  .strict();
export type Expectation = z.infer<typeof Expectation>;

/** `articles/key-vault/certificates/quick-create-cli.md` → `key-vault--certificates--quick-create-cli`. */
export const pageSlug = (page: string): string => page.replace(/^articles\//, '').replace(/\.md$/, '').split('/').join('--');

export function loadExpectations(): Map<string, Expectation> {
  const out = new Map<string, Expectation>();
  for (const f of readdirSync(expectRoot).filter((n) => n.endsWith('.json')).sort()) {
    const e = Expectation.parse(JSON.parse(readFileSync(join(expectRoot, f), 'utf8')));
    if (`${pageSlug(e.page)}.json` !== f) throw new Error(`tests/fresh/expect/${f}: its page ${e.page} wants the file name ${pageSlug(e.page)}.json`);
    out.set(e.page, e);
  }
  return out;
}
