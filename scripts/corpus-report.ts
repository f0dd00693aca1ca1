// npm run corpus — runs the tool over every page of the development corpus (tests/corpus) in one
// run, then judges the report against the goldens: the confusion matrix (golden class × verdict),
// false `fail`s, `fail`s whose reason misses the real defect, error-level lint findings no golden
// lists, golden steps the tool did not extract, and recall per defect class (all pages and the
// held-out ones). `--json` prints the figures as JSON; `--out DIR` keeps the run's reports there;
// `--report FILE` judges a kept report.json instead of running; `--missed` lists defects not found. Not part of `npm test` (tests/corpus/corpus.test.ts asserts on it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Report } from '../src/report/schema.ts';
import { runTutorials } from '../src/run/index.ts';
import { writeReports } from '../src/report/index.ts';
import { corpusRoot, goldenFiles, loadGolden, type Golden } from '../tests/corpus/golden.ts';
import { judge, matrixTable } from '../tests/corpus/judge.ts';
import { recall, recallTable } from '../tests/corpus/recall.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;

const manifest = JSON.parse(readFileSync(join(corpusRoot, 'manifest.json'), 'utf8')) as { pages: { path: string; heldOut: boolean; includes: string[] }[] };
const goldens = new Map<string, Golden>(goldenFiles().map((f) => loadGolden(f).golden).map((g) => [g.page, g]));
// --report FILE judges a report.json kept from an earlier run (e.g. main's, for before/after figures)
const savedAt = args.indexOf('--report');
let report: Report;
let dir: string;
if (savedAt >= 0) {
  const file = args[savedAt + 1] ?? '';
  report = JSON.parse(readFileSync(file, 'utf8')) as Report;
  dir = dirname(file);
} else {
  const run = await runTutorials({ paths: manifest.pages.map((p) => join(corpusRoot, p.path)) });
  report = run.report;
  dir = out ?? mkdtempSync(join(tmpdir(), 'tc-corpus-'));
  await writeReports(report, dir, undefined, { redactor: run.secrets.redactor });
}
const j = judge(report, goldens, manifest.pages.map((p) => p.path));
const heldOut = new Set(manifest.pages.filter((p) => p.heldOut).map((p) => p.path));
const includes = new Map(manifest.pages.map((p) => [p.path, p.includes]));
const rec = recall(report, goldens, (file) => readFileSync(join(corpusRoot, file), 'utf8'), heldOut, (page) => includes.get(page) ?? []);

const summary = {
  pages: new Set(report.tutorials.map((t) => t.file)).size,
  // A page with tabs or zone pivots runs once per variant.
  runs: report.tutorials.length,
  goldens: goldens.size,
  verdicts: report.summary,
  falseFails: j.falseFails.length,
  falseFailsHeldOut: j.falseFails.filter((p) => heldOut.has(p.page)).length,
  wrongReasons: j.wrongReasons.length,
  unexpectedLintErrors: j.unexpectedLintErrors.length,
  missingSteps: j.missingSteps.length,
  missingPages: j.missingPages,
  recall: Object.fromEntries([...rec.byClass].filter(([, c]) => c.defects > 0)),
};
if (asJson) {
  process.stdout.write(`${JSON.stringify({ summary, matrix: Object.fromEntries([...j.matrix].map(([g, row]) => [g, Object.fromEntries(row)])) }, null, 2)}\n`);
} else {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line(`corpus: ${summary.pages} pages (${summary.runs} runs, one per variant), ${summary.goldens} goldens; verdicts ${JSON.stringify(summary.verdicts)}`);
  line('');
  line(matrixTable(j));
  line('');
  line(`false fail: ${summary.falseFails} (held-out pages: ${summary.falseFailsHeldOut}); fail with a reason missing the defect: ${summary.wrongReasons}; unexpected lint errors: ${summary.unexpectedLintErrors}; golden steps not extracted: ${summary.missingSteps}`);
  for (const p of j.falseFails) line(`  false fail  ${p.page}:${p.step?.line.start} ${p.golden ? `(golden ${p.golden.expect})` : '(not in golden)'} ${p.step?.reason.slice(0, 160)}`);
  for (const p of j.wrongReasons) line(`  reason      ${p.page}:${p.step?.line.start} wants /${p.golden?.reason}/: ${p.step?.reason.slice(0, 160)}`);
  for (const e of j.unexpectedLintErrors) line(`  lint        ${e.page}${e.file !== undefined ? ` (${e.file})` : ""}:${e.line} ${e.rule}: ${e.message.slice(0, 160)}`);
  for (const p of j.missingSteps) line(`  not a step  ${p.page}: ${JSON.stringify(p.golden?.text.slice(0, 100))}`);
  line('');
  line('Recall per defect class (a mapped finding on the defect\'s lines, or a fail naming it):');
  line(recallTable(rec));
  if (args.includes('--missed')) for (const m of rec.missed) line(`  missed      ${m.page} ${m.class}: ${JSON.stringify(m.where.slice(0, 100))}`);
  if (rec.unlocated.length > 0) line(`defects whose text is neither on the page nor in its includes: ${rec.unlocated.length}`);
  if (args.includes('--missed')) for (const m of rec.unlocated) line(`  unlocated   ${m.page} ${m.class}: ${JSON.stringify(m.where.slice(0, 100))}`);
  if (rec.unclassifiedRules.length > 0) line(`rules without a defect class (tests/corpus/defect-classes.ts): ${rec.unclassifiedRules.join(', ')}`);
  line(`reports: ${dir}`);
}
if (out === undefined && savedAt < 0) rmSync(dir, { recursive: true, force: true });
