// The HTML report as a person sees it, in real headless Chromium (packaged in @sparticuz/chromium,
// driven by playwright-core; tests/helpers/browser.ts): counts, a failing step's reason, the verdict
// filter and its state in the URL, anchors below the sticky bar, a phone-width page without sideways
// scrolling, the no-break space made visible, a large report inflated as it is scrolled, no network.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { writeReports } from '../../src/report/index.ts';
import { buildReport, summarise, type Report } from '../../src/report/schema.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { launchBrowser, type BrowserExecutable } from '../helpers/browser.ts';
import { sampleReport, type Sample } from './sample-report.ts';

let browser: Browser;
let executable: BrowserExecutable;
let dir: string;
let sample: Sample;
let htmlPath: string;
let url: string;

async function write(report: Report, name: string): Promise<string> {
  const d = join(dir, name);
  return pathToFileURL((await writeReports(report, d, ['html'], { redactor: sample.redactor }))['html']!).href;
}

/** Opens a report and waits until every tutorial on it has its steps (small reports: all of them). */
async function open(target: string, viewport = { width: 1400, height: 1000 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(target);
  await page.waitForFunction(() => document.querySelectorAll('section.tutorial:not([data-ready])').length === 0);
  return page;
}

/** Where the sticky bar ends and where an element starts, in the viewport. */
const offsets = (page: Page, selector: string) =>
  page.evaluate((sel) => ({ bar: document.querySelector('nav.bar')!.getBoundingClientRect().bottom, top: document.querySelector(sel)!.getBoundingClientRect().top, height: innerHeight }), selector);

const total = (r: Report) => Object.values(r.summary).reduce((a, b) => a + b, 0);

beforeAll(async () => {
  ({ browser, executable } = await launchBrowser());
  sample = await sampleReport();
  dir = await mkdtemp(join(tmpdir(), 'tc-html-'));
  url = await write(sample.report, 'sample');
  htmlPath = new URL(url).pathname;
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

  it('shows the counts, every tutorial, a failing step with its reason, and filters by verdict without touching the network', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await page.waitForFunction(() => document.querySelectorAll('section.tutorial:not([data-ready])').length === 0);

    const { summary } = sample.report;
    for (const v of ['pass', 'drift', 'fail', 'unsupported', 'blocked', 'manual', 'skipped'] as const) {
      expect((await page.locator(`nav.bar .count-${v}`).innerText()).replace(/\s+/g, ' ')).toBe(`${summary[v]} ${v}`);
    }
    // textContent: a section off screen is not rendered (content-visibility), its text is there all the same.
    await expect(page.locator('section.tutorial h2').allTextContents()).resolves.toEqual(sample.report.tutorials.map((t) => t.title));
    await expect(page.locator('.toc .row:not(.head)').count()).resolves.toBe(sample.report.tutorials.length);

    // A failing step: visible, with its reason and the page's file:line.
    const failing = sample.report.tutorials.flatMap((t) => t.steps.map((s) => ({ t, s }))).find((x) => x.s.verdict === 'fail')!;
    const fail = page.locator('article.step[data-verdict="fail"]').first();
    await fail.scrollIntoViewIfNeeded();
    await expect(fail.isVisible()).resolves.toBe(true);
    // A section comes out of content-visibility:auto at the next rendering update, not at the scroll.
    await expect.poll(() => fail.locator('p.reason').innerText()).toBe(failing.s.reason);
    await expect(fail.locator('.where').innerText()).resolves.toContain(`${failing.t.file}:${failing.s.line.start}`);

    // A drift: its differences listed, and the example beside the response with coloured rows.
    const drift = page.locator('article.step[data-verdict="drift"]').first();
    await drift.scrollIntoViewIfNeeded();
    await expect(drift.locator('ul.diffs > li').count()).resolves.toBeGreaterThan(0);
    await expect(drift.locator('table.adiff tr.r-changed, table.adiff tr.r-missing, table.adiff tr.r-extra').count()).resolves.toBeGreaterThan(0);
    const colours = await drift.evaluate(() => {
      const bg = (cls: string) => {
        const td = document.querySelector(`table.adiff tr.${cls} td:not(.gap)`);
        return td ? getComputedStyle(td).backgroundColor : undefined;
      };
      return [bg('r-changed'), bg('r-missing'), bg('r-extra')].filter((c) => c !== undefined);
    });
    expect(new Set(colours).size).toBe(colours.length);

    // Filter: unchecking "pass" hides every pass step and nothing else.
    expect(summary.pass).toBeGreaterThan(0);
    await expect(page.locator('article.step[data-verdict="pass"]:visible').count()).resolves.toBe(summary.pass);
    await page.locator('input[data-filter="pass"]').uncheck();
    await expect(page.locator('article.step[data-verdict="pass"]:visible').count()).resolves.toBe(0);
    await expect(page.locator('article.step[data-verdict="fail"]:visible').count()).resolves.toBe(summary.fail);
    await page.locator('button[data-only="fail"]').click();
    await expect(page.locator('article.step:visible').count()).resolves.toBe(summary.fail);
    // The table of tutorials lists only those with a failing step.
    const failingTutorials = sample.report.tutorials.filter((t) => t.steps.some((s) => s.verdict === 'fail')).length;
    await expect(page.locator('.toc .row:not(.head):visible').count()).resolves.toBe(failingTutorials);
    await page.locator('button[data-only="all"]').click();
    await expect(page.locator('article.step:visible').count()).resolves.toBe(total(sample.report));

    // A blocked step links to the step that blocked it.
    const blocked = sample.report.tutorials.flatMap((t, ti) => t.steps.map((s) => ({ ti, s }))).find((x) => x.s.blockedBy)!;
    await page.locator(`#t${blocked.ti}-${blocked.s.id} a.blocked-by`).click();
    expect(new URL(page.url()).hash).toBe(`#t${blocked.ti}-${blocked.s.blockedBy}`);
    await expect(page.locator(`#t${blocked.ti}-${blocked.s.blockedBy}`).getAttribute('data-verdict')).resolves.toBe('fail');

    // Nothing but the file itself was requested: no fonts, scripts or images from anywhere.
    expect(requests.map((r) => r.replace(/#.*$/, ''))).toEqual([url]);
    await page.close();
  });

  it('keeps the filter in the URL: a reload or a shared link opens the same view', async () => {
    const page = await open(url);
    await page.locator('input[data-filter="pass"]').uncheck();
    await page.locator('input[data-filter="manual"]').uncheck();
    expect(new URL(page.url()).search).toBe('?show=drift,fail,unsupported,blocked,skipped');
    const visible = await page.locator('article.step:visible').count();
    expect(visible).toBe(total(sample.report) - sample.report.summary.pass - sample.report.summary.manual);

    const again = await open(page.url());
    const checked = await again.locator('input[data-filter]').evaluateAll((bs) => bs.map((b) => `${b.getAttribute('data-filter')}:${(b as HTMLInputElement).checked}`));
    expect(checked).toEqual(['pass:false', 'drift:true', 'fail:true', 'unsupported:true', 'blocked:true', 'manual:false', 'skipped:true']);
    await expect(again.locator('article.step:visible').count()).resolves.toBe(visible);
    await again.locator('button[data-only="fail"]').click();
    expect(new URL(again.url()).search).toBe('?show=fail');
    await again.locator('button[data-only="all"]').click();
    expect(new URL(again.url()).search).toBe('');
    await page.close();
    await again.close();
  });

  for (const viewport of [{ width: 1400, height: 1000 }, { width: 420, height: 900 }]) {
    it(`lands an anchor's target below the sticky bar (${viewport.width} px), from a link and from the URL`, async () => {
      const ti = sample.report.tutorials.findIndex((t) => t.steps.some((s) => s.verdict === 'fail'));
      const id = `t${ti}-${sample.report.tutorials[ti]!.steps.find((s) => s.verdict === 'fail')!.id}`;
      const page = await open(`${url}#${id}`, viewport);
      await page.waitForTimeout(100);
      let o = await offsets(page, `#${id}`);
      expect(o.top).toBeGreaterThanOrEqual(o.bar);
      expect(o.top).toBeLessThan(o.bar + 40);
      // The link in the table of tutorials to that step.
      await page.evaluate(() => scrollTo(0, 0));
      await page.locator(`.toc a[href="#${id}"]`).click();
      await page.waitForTimeout(100);
      o = await offsets(page, `#${id}`);
      expect(o.top).toBeGreaterThanOrEqual(o.bar);
      expect(o.top).toBeLessThan(o.bar + 40);
      // The bar is a strip, not a third of the screen.
      expect(o.bar).toBeLessThan(o.height / 6);
      await page.close();
    });
  }

  it('at 420 px, every evidence unfolded, nothing scrolls sideways', async () => {
    const page = await open(url, { width: 420, height: 900 });
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    const { scrollWidth, width, wide } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
      // Anything wider than the viewport, named, for the message.
      wide: Array.from(document.querySelectorAll('body *'))
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
    }));
    expect(wide).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(width);
    await page.close();
  });

  it('shows the no-break space of 000-arm-system-assigned.md as a visible ⍽U+00A0 in "the page says", and offers the command without it', async () => {
    const parsed = parseTutorialFile('tutorials/000-arm-system-assigned.md');
    const extra = buildReport({
      target: 'emulator',
      engine: 'http',
      startedAt: sample.report.startedAt,
      durationMs: 1,
      tutorials: [{ tutorial: parsed, outcomes: parsed.steps.map((step) => ({ step, verdict: step.kind === 'manual' ? ('manual' as const) : ('skipped' as const), reason: 'not run in this test' })) }],
    }).tutorials[0]!;
    const tutorials = [...sample.report.tutorials, extra];
    const withNbsp = await write({ ...sample.report, tutorials, summary: summarise(tutorials) }, 'nbsp');
    const step = extra.steps.find((s) => s.raw.includes('\u00a0'))!;
    const page = await open(`${withNbsp}#t${tutorials.length - 1}-${step.id}`);
    const mark = page.locator(`#t${tutorials.length - 1}-${step.id} .says mark.ch-nbsp`);
    await expect(mark.count()).resolves.toBe(1);
    await expect(mark.isVisible()).resolves.toBe(true);
    await expect(mark.innerText()).resolves.toMatch(/⍽\s*U\+00A0/);
    const box = (await mark.boundingBox())!;
    expect(box.width).toBeGreaterThan(20);
    // Said where: line and column.
    await expect(page.locator(`#t${tutorials.length - 1}-${step.id} ul.chars li`).innerText()).resolves.toBe(`line ${step.line.start}, column ${step.raw.indexOf('\u00a0') + 1} of the command: U+00A0 NO-BREAK SPACE`);
    // The corrected command, ready to copy, has no no-break space left.
    const fixed = await page.locator(`#t${tutorials.length - 1}-${step.id} .copyable code`).innerText();
    expect(fixed).not.toContain('\u00a0');
    expect(fixed.length).toBeGreaterThan(20);
    await page.locator(`#t${tutorials.length - 1}-${step.id} button.copy`).click();
    // The clipboard answers asynchronously; the button says so once it has.
    await expect.poll(() => page.locator(`#t${tutorials.length - 1}-${step.id} button.copy`).innerText()).toBe('Copied');
    await page.close();
  });

  it('a report of 120 tutorials inflates tutorials as they come near; a link reaches one not yet inflated, and the filter applies to it', async () => {
    const tutorials = Array.from({ length: 120 }, (_, i) => {
      const t = structuredClone(sample.report.tutorials[i % sample.report.tutorials.length]!);
      t.file = t.file.replace(/([^/]+)$/, `copy-${i}-$1`);
      t.title = `${t.title} (copy ${i})`;
      return t;
    });
    const big = await write({ ...sample.report, tutorials, summary: summarise(tutorials) }, 'big');
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(big);
    await page.waitForTimeout(200);
    const last = tutorials.length - 1;
    await expect(page.locator(`#t${last}[data-ready]`).count()).resolves.toBe(0);
    const ready = await page.locator('section.tutorial[data-ready]').count();
    expect(ready).toBeLessThan(tutorials.length);

    await page.locator('input[data-filter="manual"]').uncheck();
    const target = tutorials[last]!.steps.find((s) => s.verdict !== 'manual')!;
    await page.locator(`.toc a[href="#t${last}-${target.id}"]`).click();
    await page.waitForSelector(`#t${last}[data-ready]`);
    await page.waitForTimeout(100);
    const o = await offsets(page, `#t${last}-${target.id}`);
    expect(o.top).toBeGreaterThanOrEqual(o.bar);
    expect(o.top).toBeLessThan(o.height);
    await expect(page.locator(`#t${last} article.step[data-verdict="manual"]:visible`).count()).resolves.toBe(0);
    await expect(page.locator(`#t${last} article.step:visible`).count()).resolves.toBe(tutorials[last]!.steps.filter((s) => s.verdict !== 'manual').length);
    await page.close();
  });

  it('shows what changed since a baseline and what the target said, the changes open', async () => {
    const { compareReports } = await import('../../src/report/compare.ts');
    // A baseline in which every failing step still passed: tonight each of them is worse.
    const baseline = structuredClone(sample.report);
    for (const t of baseline.tutorials) for (const st of t.steps) if (st.verdict === 'fail') st.verdict = 'pass';
    const report = { ...sample.report, notes: ['run r1 in subscription s', "teardown could not delete /subscriptions/s/resourceGroups/rg: 409; 'tutorial-conformance sweep' will retry"], comparison: compareReports(sample.report, baseline) };
    const page = await open(await write(report, 'cmp'));
    const changes = page.locator('details.comparison');
    await expect(changes.getAttribute('open')).resolves.not.toBeNull();
    await expect(changes.locator('summary').innerText()).resolves.toMatch(new RegExp(`${sample.report.summary.fail} worse, 0 better`));
    await expect(changes.locator('li.worse:visible').count()).resolves.toBe(sample.report.summary.fail);
    const notes = page.locator('details.target-notes');
    await expect(notes.getAttribute('open')).resolves.not.toBeNull(); // teardown left something
    await expect(notes.locator('li').allInnerTexts()).resolves.toEqual(report.notes);
    await page.close();
  });

  it('is self-contained and escapes everything', async () => {
    const html = await readFile(htmlPath, 'utf8');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\/[^"'<\s]+\.(css|js|woff2?)/i);
    expect(html).toContain('<style>');
    const page = await open(url);
    // A raw "<" from a tutorial (placeholders such as <ACCESS TOKEN>) never reaches the DOM as a tag.
    await expect(page.locator('pre.raw').filter({ hasText: '<ACCESS TOKEN>' }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('access').count()).resolves.toBe(0);
    await page.close();
  });
});
