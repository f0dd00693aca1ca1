// The whole corpus in ONE run (no --set), judged against the goldens (goldens/FORMAT.md, judge.ts):
// every page listed in the report, no `fail` where the golden says the step does not fail (nor on a
// step no golden lists), no error-level lint finding the golden does not list, a `fail` on a
// golden-`fail` step names the golden's defect, and every `unsupported` carries a reason from the
// closed list. The confusion matrix (golden class × verdict) is printed, with the held-out pages'
// figures apart, so that "everything unsupported" cannot pass for honesty.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTutorials } from '../../src/run/index.ts';
import { writeReports } from '../../src/report/index.ts';
import { readReport } from '../../src/report/read.ts';
import type { Report } from '../../src/report/schema.ts';
import { UNSUPPORTED_REASONS } from '../../src/check/verdict.ts';
import { corpusRoot, goldenFiles, loadGolden, type Golden } from './golden.ts';
import { judge, matrixTable, type Judgement, type Pairing } from './judge.ts';

const manifest = JSON.parse(readFileSync(join(corpusRoot, 'manifest.json'), 'utf8')) as { pages: { path: string; heldOut: boolean }[] };
const pages = manifest.pages.map((p) => p.path);
const heldOut = new Set(manifest.pages.filter((p) => p.heldOut).map((p) => p.path));
const goldens = new Map<string, Golden>(goldenFiles().map((f) => loadGolden(f).golden).map((g) => [g.page, g]));

/**
 * Golden steps this branch is sure are wrong, with the evidence; goldens are not edited here (the
 * lead or a golden reviewer corrects them). Each entry must still disagree with the tool — when the
 * golden is corrected, the test says so and the entry goes.
 */

let dir: string;
let report: Report;
let j: Judgement;

const where = (p: Pairing): string => `${p.page}:${p.step?.line.start} ${p.golden ? `(golden ${p.golden.expect})` : '(not in golden)'} ${p.step?.reason ?? ''}`;

beforeAll(async () => {
  const run = await runTutorials({ paths: pages.map((p) => join(corpusRoot, p)) });
  dir = mkdtempSync(join(tmpdir(), 'tc-corpus-test-'));
  await writeReports(run.report, dir, undefined, { redactor: run.secrets.redactor });
  // Judge the report as written to disk, as a reader of report.json would get it.
  report = (await readReport(join(dir, 'report.json'))).report;
  j = judge(report, goldens, pages);
  const tuned = judge({ ...report, tutorials: report.tutorials.filter((t) => !heldOut.has(t.file.replace(/^.*?(?=articles\/)/, ''))) }, goldens, pages.filter((p) => !heldOut.has(p)));
  const held = judge({ ...report, tutorials: report.tutorials.filter((t) => heldOut.has(t.file.replace(/^.*?(?=articles\/)/, ''))) }, goldens, pages.filter((p) => heldOut.has(p)));
  console.log(`corpus: ${new Set(report.tutorials.map((t) => t.file)).size} pages (${report.tutorials.length} runs, one per variant); verdicts ${JSON.stringify(report.summary)}\n\nall pages:\n${matrixTable(j)}\n\ntuning pages:\n${matrixTable(tuned)}\n\nheld-out pages (${heldOut.size}, not used for tuning):\n${matrixTable(held)}\n\ngolden steps not extracted: ${j.missingSteps.length}`);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the corpus in one run, judged by the goldens', () => {
  it('has a golden for every page and a report listing every page', () => {
    expect(pages.filter((p) => !goldens.has(p))).toEqual([]);
    expect(j.missingPages).toEqual([]);
    // One entry per variant of a page (tabs, zone pivots): every page at least once.
    expect(new Set(report.tutorials.map((t) => t.file)).size).toBe(pages.length);
  });

  it('says fail only where the golden says the step fails', () => {
    expect(j.falseFails.map(where)).toEqual([]);
  });

  it('names the golden\'s defect in the reason of every fail on a golden-fail step', () => {
    expect(j.wrongReasons.map((p) => `${where(p)} — wants /${p.golden?.reason}/`)).toEqual([]);
  });

  it('reports no error-level lint finding the golden does not list', () => {
    expect(j.unexpectedLintErrors.map((e) => `${e.page}:${e.line} ${e.rule}: ${e.message}`)).toEqual([]);
  });

  it('gives every unsupported step a reason from the closed list', () => {
    const steps = report.tutorials.flatMap((t) => t.steps.filter((s) => s.verdict === 'unsupported').map((s) => ({ file: t.file, s })));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.filter(({ s }) => s.unsupported === undefined || !(s.unsupported in UNSUPPORTED_REASONS)).map(({ file, s }) => `${file}:${s.line.start} ${s.unsupported}`)).toEqual([]);
  });

  it('runs some steps for real: the matrix is not all unsupported', () => {
    expect(j.matrix.get('pass')?.get('pass') ?? 0).toBeGreaterThan(0);
  });
});
