// npm run bench:parse — extraction of a ≥5 MB corpus (the tutorials repeated) against bare
// markdown-it parsing of the same corpus, in one run. Prints both timings and the ratio; the
// target is at most 1.5×. Each tutorial text is parsed as its own document, as `extract` would.
// Times are CPU time of this process (steadier than wall time on a shared machine), best of
// BENCH_ROUNDS (default 10) alternating rounds. The parser skips markdown-it on text with no block
// syntax for it to decide (tests prove the model is the same); the last line reports the ratio
// with markdown-it forced on every text too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseTutorialText } from '../src/parse/index.ts';
import { tutorialsDir } from '../src/tutorials/manifest.ts';

const TARGET_BYTES = 5 * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);

const files = readdirSync(tutorialsDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => ({ file: `tutorials/${f}`, text: readFileSync(join(tutorialsDir, f), 'utf8') }));
const corpus: Array<{ file: string; text: string }> = [];
let bytes = 0;
while (bytes < TARGET_BYTES) {
  for (const f of files) {
    corpus.push(f);
    bytes += Buffer.byteLength(f.text);
  }
}

const md = new MarkdownIt();
function bare(): number {
  let n = 0;
  for (const d of corpus) n += md.parse(d.text, {}).length;
  return n;
}
function extract(): number {
  let n = 0;
  for (const d of corpus) n += parseTutorialText(d.text, d.file).steps.length;
  return n;
}
/** For the record: the same extraction with markdown-it run on every text, block syntax or not. */
function extractAlwaysMarkdown(): number {
  let n = 0;
  for (const d of corpus) n += parseTutorialText(d.text, d.file, { alwaysMarkdown: true }).steps.length;
  return n;
}
/** CPU time of this process in ms: steadier than wall time on a shared machine. */
function time(fn: () => number): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

// Warm both paths, then alternate rounds and keep each side's best time.
bare();
extract();
extractAlwaysMarkdown();
let bestBare = Infinity;
let bestExtract = Infinity;
let bestAlways = Infinity;
for (let r = 0; r < ROUNDS; r++) {
  bestBare = Math.min(bestBare, time(bare));
  bestExtract = Math.min(bestExtract, time(extract));
  bestAlways = Math.min(bestAlways, time(extractAlwaysMarkdown));
}
const ratio = bestExtract / bestBare;
const mb = (bytes / 1024 / 1024).toFixed(2);
console.log(`corpus: ${corpus.length} documents, ${mb} MB (the ${files.length} tutorials repeated)`);
console.log(`markdown-it parse (bare): ${bestBare.toFixed(1)} ms CPU (best of ${ROUNDS})`);
console.log(`tutorial extraction:      ${bestExtract.toFixed(1)} ms CPU (best of ${ROUNDS})`);
console.log(`ratio extraction / bare:  ${ratio.toFixed(2)}x (target <= 1.5x) ${ratio <= 1.5 ? 'OK' : 'OVER TARGET'}`);
console.log(
  `(for the record: with markdown-it run on every text, also those without block syntax: ${bestAlways.toFixed(1)} ms, ${(bestAlways / bestBare).toFixed(2)}x)`,
);
process.exitCode = ratio <= 1.5 ? 0 : 1;
