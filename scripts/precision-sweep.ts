// npm run sweep:precision -- --docset DIR … — a precision sweep: run the tool (lint and the run on the
// embedded emulator) over a seeded random sample of a docset's pages and write what a reviewer must
// judge: every error-level finding, every fail and drift, a sample of warnings. The pages of
// tests/fresh and tests/corpus are never-seen no more and are left out. Judge the items in
// review.json (judgement: real | false | unverified, why: the source), then sweep again with
// --reviewed that file: judged items keep their judgement, new ones are marked to review. Exit 1
// while an item judged false is still produced (a known false positive), 2 for bad arguments.
// tests/fresh is chosen for its defects; this is what a new user meets on pages nobody chose.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keptSheets, readSkipList, samplePages } from './sweep-sample.ts';
import { applyJudgements, readJudgements, reviewItems, reviewMarkdown, tally } from './sweep-review.ts';

const USAGE = `usage: npm run sweep:precision -- --docset DIR [--under FOLDER]… [--sample N] [--seed S] [--warnings N]
                                  [--skip FILE]… [--reviewed review.json] [--out DIR]
  --docset DIR      a docset's root (the folder with docfx.json, so includes resolve), e.g. an extracted
                    MicrosoftDocs/azure-aks-docs
  --under FOLDER    sample only under this folder of the docset (repeatable) [default: the whole docset]
  --sample N        pages to sweep [default: 50]
  --seed S          the sample's seed: the same seed gives the same pages everywhere [default: 1]
  --warnings N      warnings to sample for review besides every error, fail and drift [default: 20]
  --skip FILE       leave out the pages a manifest.json or a text list (one path per line) names
                    (repeatable; tests/fresh and tests/corpus manifests and the judged
                    sheets kept in sweeps/*.review.json always apply)
  --reviewed FILE   an earlier review.json with judgements to carry over
  --out DIR         where pages.txt, review.json, review.md and the run's reports go [default: sweep]`;

function fail(message: string): never {
  process.stderr.write(`precision-sweep: ${message}\n${USAGE}\n`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      docset: { type: 'string' },
      under: { type: 'string', multiple: true },
      sample: { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      warnings: { type: 'string', default: '20' },
      skip: { type: 'string', multiple: true },
      reviewed: { type: 'string' },
      out: { type: 'string', default: 'sweep' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (values.help === true) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (values.docset === undefined) fail('--docset DIR is required');
const count = (name: string, v: string): number => {
  if (!/^\d+$/.test(v)) fail(`--${name} ${v}: a whole number is needed`);
  return Number(v);
};
const size = count('sample', values.sample);
const warnings = count('warnings', values.warnings);
const docset = resolve(values.docset);
const repoRoot = resolve(import.meta.dirname, '..');

let skip = new Set<string>();
let judged = new Map<string, { judgement: 'real' | 'false' | 'unverified'; why?: string }>();
let sample;
try {
  // The sheet being re-judged is not a skip list: a sweep run again with --reviewed samples its own pages again.
  const reviewed = values.reviewed === undefined ? undefined : resolve(values.reviewed);
  const sheets = keptSheets(join(repoRoot, 'sweeps')).filter((f) => resolve(f) !== reviewed);
  for (const f of [join(repoRoot, 'tests/fresh/manifest.json'), join(repoRoot, 'tests/corpus/manifest.json'), ...sheets, ...(values.skip ?? [])]) skip = new Set([...skip, ...readSkipList(f)]);
  if (values.reviewed !== undefined) judged = readJudgements(values.reviewed);
  sample = samplePages(docset, { under: values.under ?? ['.'], size, seed: values.seed, skip });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
if (sample.pages.length === 0) fail(`no page to sweep in ${docset}${values.under ? ` under ${values.under.join(', ')}` : ''} (${sample.available} pages, ${sample.skipped} skipped)`);

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'pages.txt'), `${sample.pages.join('\n')}\n`);
process.stderr.write(`sweeping ${sample.pages.length} of ${sample.available} pages (seed ${values.seed}, ${sample.skipped} left out: in tests/fresh, tests/corpus, sweeps/ or a --skip list) …\n`);
const t0 = performance.now();
// Loaded only now, so a usage error answers at once instead of after the whole tool is compiled.
const { runTutorials } = await import('../src/run/index.ts');
const { writeReports } = await import('../src/report/index.ts');
const run = await runTutorials({ paths: sample.pages.map((p) => join(docset, p)) });
await writeReports(run.report, join(out, 'run'), undefined, { redactor: run.secrets.redactor });
const items = applyJudgements(reviewItems(run.report, docset, { warnings, seed: values.seed }).map((i) => ({ ...i, key: run.secrets.redactor.redact(i.key) })), judged);
const header = `${sample.pages.length} pages of ${docset} (seed ${values.seed}${values.under ? `, under ${values.under.join(', ')}` : ''}), ${run.report.tutorials.length} runs; verdicts ${JSON.stringify(run.report.summary)}`;
// The sheets quote the pages' lines and the run's reasons: a key or SAS a page holds is redacted as in the reports.
const redact = (text: string): string => run.secrets.redactor.redact(text);
// Each quoted text is redacted before it is written, so review.json stays JSON.
const sheetItems = items.map((i) => ({ ...i, text: redact(i.text), message: redact(i.message) }));
writeFileSync(join(out, 'review.json'), `${JSON.stringify({ docset, seed: values.seed, pages: sample.pages, summary: run.report.summary, items: sheetItems }, null, 2)}\n`);
writeFileSync(join(out, 'review.md'), reviewMarkdown(sheetItems, header));

const t = tally(items);
const line = (s: string) => process.stdout.write(`${s}\n`);
line(header);
line(`${'kind'.padEnd(8)} ${'real'.padStart(5)} ${'false'.padStart(6)} ${'unverified'.padStart(11)} ${'to review'.padStart(10)}`);
for (const k of ['fail', 'error', 'drift', 'warning'] as const) line(`${k.padEnd(8)} ${String(t[k].real).padStart(5)} ${String(t[k].false).padStart(6)} ${String(t[k].unverified).padStart(11)} ${String(t[k].unreviewed).padStart(10)}`);
line(`review: ${join(out, 'review.md')} (judge the items of review.json, then sweep again with --reviewed) · ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const falseOnes = items.filter((i) => i.judgement === 'false');
for (const i of falseOnes) line(`  still false: ${i.kind} ${i.file ?? i.page}:${i.line} ${i.rule ?? ''} ${i.why ?? ''}`);
process.exitCode = falseOnes.length > 0 ? 1 : 0;
