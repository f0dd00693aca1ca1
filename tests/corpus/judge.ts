// Judges one run of the tool over the corpus against the goldens (goldens/FORMAT.md): which tool
// step is which golden step (by variant, text hash and occurrence), the confusion matrix (golden class × verdict), false `fail`s, `fail`s
// whose reason does not name the real defect, error-level lint findings no golden lists, and steps
// the tool or the golden has that the other has not. Pure: the report and the goldens in, figures out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report, ReportStep, ReportTutorial } from '../../src/report/schema.ts';
import { corpusRoot, normaliseStepText, stepHash, stepKey, type Golden, type GoldenClass, type GoldenStep } from './golden.ts';

export const VERDICT_ORDER = ['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped', '(no step)'] as const;
export type MatrixVerdict = (typeof VERDICT_ORDER)[number];
export const GOLDEN_ORDER = ['pass', 'drift', 'fail', 'blocked', 'not-run', '(not in golden)'] as const;
export type MatrixGolden = (typeof GOLDEN_ORDER)[number];

export interface Pairing {
  page: string;
  golden?: GoldenStep;
  step?: ReportStep;
}

export interface Judgement {
  pairs: Pairing[];
  matrix: Map<MatrixGolden, Map<MatrixVerdict, number>>;
  /** Tool `fail` where the golden says the step does not fail (or has no such step). */
  falseFails: Pairing[];
  /** Tool `fail` where the golden says `fail` but the reason does not match the golden's `reason`. */
  wrongReasons: Pairing[];
  /** Error-level lint findings no golden `lint.errors` entry covers. */
  unexpectedLintErrors: { page: string; file?: string; line: number; rule: string; message: string }[];
  /** Golden steps the tool did not extract (the tool reads the page differently). */
  missingSteps: Pairing[];
  /** Pages of the corpus the report does not list. */
  missingPages: string[];
}

const reportPath = (file: string): string => file.replace(/^.*?(?=articles\/)/, '');
/** A report's file (project-relative or absolute) as the corpus names it: "articles/…", "includes/…". */
export const corpusPath = (file: string): string => /(?:^|\/)tests\/corpus\/(.*)$/.exec(file)?.[1] ?? reportPath(file);

function bump(matrix: Judgement['matrix'], g: MatrixGolden, v: MatrixVerdict): void {
  const row = matrix.get(g) ?? new Map<MatrixVerdict, number>();
  row.set(v, (row.get(v) ?? 0) + 1);
  matrix.set(g, row);
}

/** Where a step is written, as goldens name it: "tab=linux", "pivot=python", "tab=linux;pivot=python", or null. */
export function writtenVariant(step: Pick<ReportStep, 'tab' | 'pivot'>): string | null {
  const parts = [step.tab !== undefined ? `tab=${step.tab}` : undefined, step.pivot !== undefined ? `pivot=${step.pivot}` : undefined].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(';') : null;
}

const idNumber = (id: string): number => Number(/^s(\d+)$/.exec(id)?.[1] ?? Number.NaN);

/**
 * Pairs golden steps with the tool's steps of one page by their key (variant where written, hash of
 * the normalised text, occurrence; goldens/FORMAT.md). `steps` may hold the page's entries of every
 * variant: a step shown in several variants is the same step (same id) run once in each, and is
 * judged by its first run, or by a run where it failed if there is one (no false `fail` hides).
 */
export function pairSteps(page: string, golden: Golden | undefined, steps: readonly ReportStep[]): Pairing[] {
  const runs = new Map<string, ReportStep[]>();
  for (const s of steps) runs.set(s.id, [...(runs.get(s.id) ?? []), s]);
  const distinct = [...runs.values()].map((r) => r.find((s) => s.verdict === 'fail' && s.expectedFailure === undefined) ?? r[0]!);
  if (distinct.every((s) => !Number.isNaN(idNumber(s.id)))) distinct.sort((a, b) => idNumber(a.id) - idNumber(b.id));
  const byKey = new Map<string, ReportStep>();
  const seen = new Map<string, number>();
  for (const s of distinct) {
    const variant = writtenVariant(s);
    const h = `${variant ?? ''}|${stepHash(s.raw)}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    byKey.set(stepKey(variant, s.raw, n), s);
  }
  const pairs: Pairing[] = [];
  const used = new Set<ReportStep>();
  for (const g of golden?.steps ?? []) {
    const found = byKey.get(stepKey(g.variant, g.text, g.occurrence));
    const step = found && !used.has(found) ? found : undefined;
    if (step) used.add(step);
    pairs.push({ page, golden: g, ...(step ? { step } : {}) });
  }
  // The tool keeps option lines written under a command without `\` in that command's step (its
  // raw text covers the visual group; az.detachedLines lists them) where a golden may list the
  // command bash runs — the lines up to the missing `\` — as a step of its own: same command.
  for (const p of pairs) {
    if (p.step || !p.golden) continue;
    const text = normaliseStepText(p.golden.text);
    const step = distinct.find((s) => !used.has(s) && (s.kind === 'az' || s.kind === 'http') && (writtenVariant(s) ?? null) === (p.golden?.variant ?? null) && normaliseStepText(s.raw).startsWith(`${text}\n`));
    if (step) {
      used.add(step);
      p.step = step;
    }
  }
  for (const s of distinct) if (!used.has(s) && s.kind !== 'manual') pairs.push({ page, step: s });
  return pairs;
}

function lineText(file: string, line: number): string {
  const lines = readFileSync(join(corpusRoot, file), 'utf8').split('\n');
  return lines[line - 1] ?? '';
}

export function judge(report: Report, goldens: ReadonlyMap<string, Golden>, corpusPages: readonly string[]): Judgement {
  const j: Judgement = { pairs: [], matrix: new Map(), falseFails: [], wrongReasons: [], unexpectedLintErrors: [], missingSteps: [], missingPages: [] };
  // A page with tabs or pivots has one entry per variant: its steps are paired once, over all of them.
  const pages = new Map<string, ReportTutorial[]>();
  for (const t of report.tutorials) {
    const page = reportPath(t.file);
    pages.set(page, [...(pages.get(page) ?? []), t]);
  }
  j.missingPages = corpusPages.filter((p) => !pages.has(p));
  for (const [page, entries] of pages) {
    const golden = goldens.get(page);
    const pairs = pairSteps(page, golden, entries.flatMap((t) => t.steps));
    j.pairs.push(...pairs);
    for (const p of pairs) {
      const g: MatrixGolden = p.golden?.expect ?? '(not in golden)';
      const v: MatrixVerdict = p.step?.verdict ?? '(no step)';
      bump(j.matrix, g, v);
      if (p.golden && !p.step) j.missingSteps.push(p);
      if (p.step?.verdict !== 'fail' || p.step.expectedFailure !== undefined) continue;
      if (p.golden?.expect !== 'fail') j.falseFails.push(p);
      else if (p.golden.reason !== undefined && !new RegExp(p.golden.reason, 'i').test(`${p.step.reason} ${p.step.output?.stderr ?? ''}`)) j.wrongReasons.push(p);
    }
    const reported = new Set<string>();
    for (const f of entries.flatMap((t) => t.findings)) {
      if (f.severity !== 'error') continue;
      const key = `${f.file}\u0000${f.line}\u0000${f.column ?? ''}\u0000${f.rule}\u0000${f.message}`;
      if (reported.has(key)) continue;
      reported.add(key);
      // A finding on an include's text is on that file's line (the page's golden lists it all the same).
      const file = f.file === '' ? page : corpusPath(f.file);
      const text = [lineText(file, f.line), ...(f.endLine !== undefined && f.endLine > f.line ? [lineText(file, f.endLine)] : [])].join('\n');
      const listedError = (golden?.lint.errors ?? []).some((e) => text.includes(e.where) || e.where.includes(text.trim()));
      if (!listedError) j.unexpectedLintErrors.push({ page, ...(file !== page ? { file } : {}), line: f.line, rule: f.rule, message: f.message });
    }
  }
  return j;
}

/** The confusion matrix as a Markdown table (rows: golden class; columns: the tool's verdict). */
export function matrixTable(j: Judgement): string {
  const cols = VERDICT_ORDER.filter((v) => [...j.matrix.values()].some((row) => (row.get(v) ?? 0) > 0));
  const rows = GOLDEN_ORDER.filter((g) => j.matrix.has(g));
  const head = `| golden \\ verdict | ${cols.join(' | ')} | total |`;
  const rule = `|---|${cols.map(() => '---:').join('|')}|---:|`;
  const body = rows.map((g) => {
    const row = j.matrix.get(g)!;
    const cells = cols.map((c) => String(row.get(c) ?? 0));
    return `| ${g} | ${cells.join(' | ')} | ${[...row.values()].reduce((a, b) => a + b, 0)} |`;
  });
  return [head, rule, ...body].join('\n');
}

export function goldenClasses(): readonly GoldenClass[] {
  return ['pass', 'drift', 'fail', 'blocked', 'not-run'];
}
