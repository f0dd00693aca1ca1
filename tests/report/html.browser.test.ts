// The HTML report as a person sees it, in real headless Chromium (packaged in @sparticuz/chromium,
// driven by playwright-core; tests/helpers/browser.ts): summary counts, a failing step's reason, the
// verdict filter, no network.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../src/report/index.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { launchBrowser, type BrowserExecutable } from '../helpers/browser.ts';
import { sampleReport, type Sample } from './sample-report.ts';

let browser: Browser;
let executable: BrowserExecutable;
let dir: string;
let sample: Sample;
let htmlPath: string;

beforeAll(async () => {
  ({ browser, executable } = await launchBrowser());
  sample = await sampleReport();
  dir = await mkdtemp(join(tmpdir(), 'tc-html-'));
  htmlPath = (await writeReports(sample.report, dir, ['html', 'json'], { redactor: sample.redactor }))['html']!;
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('index.html in Chromium', () => {
  it('runs in the browser packaged inside node_modules unless CHROMIUM_PATH names another (no apt, no download)', () => {
    if (executable.source === 'CHROMIUM_PATH') expect(executable.path).toBe(process.env['CHROMIUM_PATH']);
    else expect(executable.path.startsWith(join(projectRoot, 'node_modules') + sep)).toBe(true);
    expect(browser.version()).toMatch(/^\d+\./);
  });

  it('shows the summary, every tutorial, a failing step with its reason, and filters by verdict without touching the network', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(htmlPath).href;
    await page.goto(url);

    // Summary counts as the reader sees them.
    const { summary } = sample.report;
    for (const v of ['pass', 'drift', 'fail', 'blocked', 'manual', 'skipped'] as const) {
      const text = await page.locator(`ul.summary li.count-${v}`).innerText();
      expect(text.replace(/\s+/g, '')).toBe(`${summary[v]}${v}`);
    }
    // One section per tutorial, titled as the page is.
    await expect(page.locator('section.tutorial h2').allInnerTexts()).resolves.toEqual(sample.report.tutorials.map((t) => t.title));

    // A failing step: visible, with its reason and the page's file:line beside what was sent.
    const failing = sample.report.tutorials.flatMap((t) => t.steps.map((s) => ({ t, s }))).find((x) => x.s.verdict === 'fail')!;
    const fail = page.locator('article.step[data-verdict="fail"]').first();
    await expect(fail.isVisible()).resolves.toBe(true);
    await expect(fail.locator('p.reason').innerText()).resolves.toBe(failing.s.reason);
    await expect(fail.locator('.where').innerText()).resolves.toContain(`${failing.t.file}:${failing.s.line.start}`);

    // A drift step shows its differences highlighted in a table.
    const drift = page.locator('article.step[data-verdict="drift"]').first();
    await expect(drift.locator('table.diffs tr.d-claim, table.diffs tr.d-value, table.diffs tr.d-extra').count()).resolves.toBeGreaterThan(0);
    // …and the lines they name are marked in the page's example and in what came back.
    await expect(drift.locator('pre.expected mark').count()).resolves.toBeGreaterThan(0);
    await expect(drift.locator('pre.received mark, pre.stdout mark').count()).resolves.toBeGreaterThan(0);

    // What a doc writer looks at first (and what `npm run screenshot` photographs): portal steps filtered out.
    await page.locator('input[data-filter="manual"]').uncheck();
    await page.locator('input[data-filter="skipped"]').uncheck();
    await expect(page.locator('article.step[data-verdict="manual"]:visible').count()).resolves.toBe(0);
    const shot = await page.screenshot({ path: join(dir, 'report.png'), fullPage: false });
    expect(shot.subarray(1, 4).toString('latin1')).toBe('PNG');
    await page.locator('input[data-filter="manual"]').check();
    await page.locator('input[data-filter="skipped"]').check();

    // Filter: unchecking "pass" hides every pass step and nothing else.
    const passCount = summary.pass;
    expect(passCount).toBeGreaterThan(0);
    await expect(page.locator('article.step[data-verdict="pass"]:visible').count()).resolves.toBe(passCount);
    await page.locator('input[data-filter="pass"]').uncheck();
    await expect(page.locator('article.step[data-verdict="pass"]:visible').count()).resolves.toBe(0);
    await expect(page.locator('article.step[data-verdict="fail"]:visible').count()).resolves.toBe(summary.fail);
    // "only fail" leaves only failing steps.
    await page.locator('button[data-only="fail"]').click();
    await expect(page.locator('article.step:visible').count()).resolves.toBe(summary.fail);
    await page.locator('button[data-only="all"]').click();
    await expect(page.locator('article.step:visible').count()).resolves.toBe(Object.values(summary).reduce((a, b) => a + b, 0));

    // A blocked step links to the step that blocked it.
    const blockedStep = sample.report.tutorials.flatMap((t, ti) => t.steps.map((s) => ({ ti, s }))).find((x) => x.s.blockedBy)!;
    await page.locator(`#t${blockedStep.ti}-${blockedStep.s.id} a.blocked-by`).click();
    expect(new URL(page.url()).hash).toBe(`#t${blockedStep.ti}-${blockedStep.s.blockedBy}`);
    await expect(page.locator(`#t${blockedStep.ti}-${blockedStep.s.blockedBy}`).getAttribute('data-verdict')).resolves.toBe('fail');

    // Nothing but the file itself was requested: no fonts, scripts or images from anywhere.
    expect(requests.map((r) => r.replace(/#.*$/, ''))).toEqual([url]);
    await page.close();
  });

  it('shows what changed since a baseline and what the target said, the changes open', async () => {
    const { compareReports } = await import('../../src/report/compare.ts');
    // A baseline in which every failing step still passed: tonight each of them is worse.
    const baseline = structuredClone(sample.report);
    for (const t of baseline.tutorials) for (const st of t.steps) if (st.verdict === 'fail') st.verdict = 'pass';
    const report = { ...sample.report, notes: ['run r1 in subscription s', "teardown could not delete /subscriptions/s/resourceGroups/rg: 409; 'tutorial-conformance sweep' will retry"], comparison: compareReports(sample.report, baseline) };
    const d = await mkdtemp(join(tmpdir(), 'tc-html-cmp-'));
    try {
      const path = (await writeReports(report, d, ['html'], { redactor: sample.redactor }))['html']!;
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(pathToFileURL(path).href);
      const changes = page.locator('details.comparison');
      await expect(changes.getAttribute('open')).resolves.not.toBeNull();
      await expect(changes.locator('summary').innerText()).resolves.toMatch(new RegExp(`${sample.report.summary.fail} worse, 0 better`));
      await expect(changes.locator('li.worse:visible').count()).resolves.toBe(sample.report.summary.fail);
      const notes = page.locator('details.target-notes');
      await expect(notes.getAttribute('open')).resolves.not.toBeNull(); // teardown left something
      await expect(notes.locator('li').allInnerTexts()).resolves.toEqual(report.notes);
      await page.close();
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });

  it('is self-contained and escapes everything', async () => {
    const html = await readFile(htmlPath, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/[^"'<\s]+\.(css|js|woff2?)/i);
    expect(html).toContain('<style>');
    // A raw "<" from a tutorial (placeholders such as <ACCESS TOKEN>) never reaches the DOM as a tag.
    expect(html).toContain('&lt;ACCESS TOKEN&gt;');
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href);
    await expect(page.locator('access').count()).resolves.toBe(0);
    await page.close();
  });
});
