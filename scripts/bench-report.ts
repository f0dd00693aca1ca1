// npm run bench:report [-- report.json] — is a report of 1,000 tutorials still usable? Builds one from
// real step shapes (the report tests' sample report, or the tutorials of a report.json you name, e.g.
// reports/latest/report.json after `npm start`), each copy under its own file name and title, renders
// index.html, and prints its size and, in Chromium, the time from navigation to a verdict filter
// applied (load, then a click on "only fail", then two frames): median of 3 fresh page loads.
// Targets: ≤ 5 MB, interactive within 2 s.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderHtml } from '../src/report/html.ts';
import { Report, summarise, type ReportTutorial } from '../src/report/schema.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { sampleReport } from '../tests/report/sample-report.ts';

const TUTORIALS = Number(process.env['BENCH_TUTORIALS'] ?? 1000);
const RUNS = 3;
const TARGET_BYTES = 5 * 1024 * 1024;
const TARGET_MS = 2000;

async function baseReport(): Promise<{ report: Report; from: string }> {
  const path = process.argv[2];
  if (path) return { report: Report.parse(JSON.parse(await readFile(path, 'utf8'))), from: path };
  // Renderers get a redacted report (src/report/index.ts): tokens are [REDACTED:…], as in a real run.
  const sample = await sampleReport();
  return { report: Report.parse(sample.redactor.redactDeep(sample.report, new Map())), from: 'tests/report/sample-report.ts (redacted)' };
}

/** Copy n of a tutorial: its own file and title, so nothing in the page is shared between copies. */
function copyOf(t: ReportTutorial, n: number): ReportTutorial {
  const file = t.file.replace(/([^/]+)$/, `bench-${String(n).padStart(4, '0')}-$1`);
  const c = structuredClone(t);
  c.file = file;
  c.title = `${t.title} (copy ${n})`;
  for (const f of c.findings) f.file = file;
  return c;
}

/**
 * Resolves when the click has been applied (pass steps hidden) and every tutorial on the screen has
 * its steps inflated from its pack, two frames later (painted).
 */
const WAIT_APPLIED = `new Promise((resolve) => {
  const onScreen = () => Array.from(document.querySelectorAll('section.tutorial')).filter((s) => { const r = s.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
  const check = () => {
    if (!document.body.classList.contains('hide-pass') || onScreen().some((s) => !s.hasAttribute('data-ready'))) return void setTimeout(check, 5);
    const ready = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({ interactive: performance.now(), ready })));
  };
  check();
})`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const { report: base, from } = await baseReport();
const tutorials = Array.from({ length: TUTORIALS }, (_, i) => copyOf(base.tutorials[i % base.tutorials.length]!, i));
// As a nightly run would be: tool version and links to the pages' sources in every file:line.
const settings = { ...base.settings, tool: { name: 'tutorial-conformance', version: '0.1.0' }, sourceUrl: 'https://github.com/MicrosoftDocs/azure-docs/blob/main/{file}#L{line}' };
const report: Report = { ...base, settings, tutorials, summary: summarise(tutorials), comparison: undefined, notes: undefined };
const started = performance.now();
const html = renderHtml(report);
const renderMs = performance.now() - started;
const bytes = Buffer.byteLength(html, 'utf8');
const dir = await mkdtemp(join(tmpdir(), 'tc-bench-report-'));
const file = join(dir, 'index.html');
await writeFile(file, html);

const steps = tutorials.reduce((a, t) => a + t.steps.length, 0);
console.log(`shapes from ${from}: ${base.tutorials.length} tutorials repeated to ${TUTORIALS} (${steps} steps, ${report.summary.fail} fail)`);
console.log(`rendered in ${renderMs.toFixed(0)} ms`);
console.log(`size: ${(bytes / 1024 / 1024).toFixed(2)} MB (target ≤ 5 MB: ${(bytes / TARGET_BYTES).toFixed(2)} of the budget)`);

const { browser } = await launchBrowser();
try {
  const runs: { load: number; ready: number; interactive: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 60_000 });
    const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0]!.toJSON().loadEventEnd as number);
    // A real mouse click where the button is, without Playwright's actionability waits (which are
    // the harness's time, not the page's).
    const box = (await page.locator('button[data-only="fail"]').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // A string, not a function: tsx's transform would add helpers the page does not have.
    const t = (await page.evaluate(WAIT_APPLIED)) as { interactive: number; ready: number };
    // Applied: the table lists exactly the tutorials with a failing step (steps themselves are
    // inflated as the reader scrolls to them).
    const rows = await page.locator('.toc .row:not(.head):visible').count();
    const failing = tutorials.filter((tu) => tu.steps.some((st) => st.verdict === 'fail')).length;
    if (rows !== failing) throw new Error(`the filter did not apply: ${rows} tutorials listed, ${failing} have a failing step`);
    runs.push({ load, ready: t.ready, interactive: t.interactive });
    await page.close();
  }
  for (const [i, r] of runs.entries()) console.log(`run ${i + 1}: load ${r.load.toFixed(0)} ms, filter applied and painted ${r.interactive.toFixed(0)} ms`);
  const m = median(runs.map((r) => r.interactive));
  console.log(`time to interactive (median of ${RUNS}): ${m.toFixed(0)} ms (target ≤ 2000 ms: ${(m / TARGET_MS).toFixed(2)} of the budget)`);
  if (bytes > TARGET_BYTES || m > TARGET_MS) process.exitCode = 1;
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
