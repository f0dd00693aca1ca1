// The goldens of the development corpus (format: tests/corpus/goldens/FORMAT.md): zod schema,
// loading, and the step key (page, variant, hash of the normalised text, occurrence) the corpus
// tests match the tool's steps with. Goldens are written from the page and Azure's behaviour, never
// from the tool's output.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Role } from '../../src/world/roles.ts';

export const corpusRoot = join(import.meta.dirname);
export const goldensRoot = join(corpusRoot, 'goldens');

// The role vocabulary is the product's (src/world/roles.ts): goldens and the planner share it.
export { ROLES, Role } from '../../src/world/roles.ts';

export const DEFECT_CLASSES = [
  'lookalike-char', 'trailing-space', 'wrong-command', 'wrong-parameter', 'shell-syntax', 'curl-usage', 'json-invalid', 'api-version',
  'endpoint', 'audience', 'rbac', 'example-output', 'name-rule', 'inconsistent-name', 'missing-prerequisite', 'placeholder', 'other',
] as const;
export const DefectClass = z.enum(DEFECT_CLASSES);

export const GoldenClass = z.enum(['pass', 'drift', 'fail', 'blocked', 'not-run']);
export type GoldenClass = z.infer<typeof GoldenClass>;

const Cited = z.object({ cite: z.string().min(1).optional(), unverified: z.boolean().optional() });

export const GoldenStep = z
  .object({
    text: z.string().min(1),
    occurrence: z.number().int().positive().default(1),
    variant: z.string().nullable().default(null),
    expect: GoldenClass,
    why: z.string().optional(),
    reason: z.string().optional(), // regex the tool's fail reason must match
    note: z.string().optional(),
  })
  .merge(Cited)
  .strict()
  .superRefine((s, ctx) => {
    const needs = (field: 'why' | 'reason', when: boolean) => {
      if (when && (s[field] === undefined || s[field] === '')) ctx.addIssue({ code: 'custom', path: [field], message: `expect: ${s.expect} needs ${field}` });
    };
    needs('why', s.expect === 'fail' || s.expect === 'drift' || s.expect === 'blocked' || s.expect === 'not-run');
    needs('reason', s.expect === 'fail');
    if ((s.expect === 'fail' || s.expect === 'drift') && s.cite === undefined && s.unverified !== true) {
      ctx.addIssue({ code: 'custom', path: ['cite'], message: `expect: ${s.expect} needs cite (or unverified: true)` });
    }
    if (s.reason !== undefined) {
      try {
        new RegExp(s.reason, 'i');
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: ['reason'], message: `not a regular expression: ${(err as Error).message}` });
      }
    }
  });
export type GoldenStep = z.infer<typeof GoldenStep>;

export const Golden = z
  .object({
    page: z.string().regex(/^articles\/.+\.md$/),
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    works: z.boolean(),
    readings: z.array(z.object({ by: z.string(), date: z.string(), agreed: z.boolean().optional(), changes: z.string().optional() }).strict()).min(1),
    variants: z.array(z.string()).default([]),
    steps: z.array(GoldenStep),
    placeholders: z.array(z.object({ spelling: z.string(), role: Role, note: z.string().optional() }).strict()).default([]),
    lint: z.object({ errors: z.array(z.object({ rule: z.string().optional(), where: z.string(), why: z.string() }).strict()).default([]) }).strict().default({ errors: [] }),
    defects: z.array(z.object({ class: DefectClass, where: z.string(), note: z.string() }).merge(Cited).strict()).default([]),
    assumptions: z.array(z.string()).default([]),
    note: z.string().optional(),
  })
  .strict();
export type Golden = z.infer<typeof Golden>;

/** Each line trimmed of ASCII spaces and tabs (indentation is not identity), joined by "\n". */
export function normaliseStepText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

export function stepHash(text: string): string {
  return createHash('sha256').update(normaliseStepText(text)).digest('hex').slice(0, 12);
}

/** The key a step is matched by: "variant|hash|occurrence" (variant "" outside tabs and pivots). */
export function stepKey(variant: string | null, text: string, occurrence: number): string {
  return `${variant ?? ''}|${stepHash(text)}|${occurrence}`;
}

export interface LoadedGolden {
  file: string; // relative to the corpus root
  golden: Golden;
}

export function goldenFiles(): string[] {
  let names: string[];
  try {
    names = readdirSync(goldensRoot, { recursive: true }).map(String);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.yaml')).map((n) => join(goldensRoot, n)).sort();
}

export function loadGolden(path: string): LoadedGolden {
  const parsed = Golden.safeParse(parseYaml(readFileSync(path, 'utf8')));
  const file = relative(corpusRoot, path);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`${file} is not a valid golden:\n${issues}`);
  }
  return { file, golden: parsed.data };
}
