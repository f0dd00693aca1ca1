// npm run corpus — runs the tool over every page of the development corpus (tests/corpus) in one
// run, then judges the report against the goldens: the confusion matrix (golden class × verdict),
// false `fail`s, `fail`s whose reason misses the real defect, error-level lint findings no golden
// lists, and golden steps the tool did not extract. `--json` prints the figures as JSON; `--out DIR`
// keeps the run's reports there. Not part of `npm test` (tests/corpus/corpus.test.ts asserts on it).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTutorials } from '../src/run/index.ts';
import { writeReports } from '../src/report/index.ts';
import { corpusRoot, goldenFiles, loadGolden, type Golden } from '../tests/corpus/golden.ts';
import { judge, matrixTable } from '../tests/corpus/judge.ts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;

const manifest = JSON.parse(readFileSync(join(corpusRoot, 'manifest.json'), 'utf8')) as { pages: { path: string; heldOut: boolean }[] };
const goldens = new Map<string, Golden>(goldenFiles().map((f) => loadGolden(f).golden).map((g) => [g.page, g]));
const { report, secrets } = await runTutorials({ paths: manifest.pages.map((p) => join(corpusRoot, p.path)) });
const dir = out ?? mkdtempSync(join(tmpdir(), 'tc-corpus-'));
await writeReports(report, dir, undefined, { redactor: secrets.redactor });
const j = judge(report, goldens, manifest.pages.map((p) => p.path));
const heldOut = new Set(manifest.pages.filter((p) => p.heldOut).map((p) => p.path));

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
  for (const e of j.unexpectedLintErrors) line(`  lint        ${e.page}:${e.line} ${e.rule}: ${e.message.slice(0, 160)}`);
  for (const p of j.missingSteps) line(`  not a step  ${p.page}: ${JSON.stringify(p.golden?.text.slice(0, 100))}`);
  line(`reports: ${dir}`);
}
if (out === undefined) rmSync(dir, { recursive: true, force: true });
