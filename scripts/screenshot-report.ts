// npm run screenshot [-- index.html] — photographs a real run's HTML report for the README, as a doc
// writer meets it: the top of the page (the table of tutorials) with portal and passing steps
// filtered out, and the first failing step that has a fix, at 1400 px and at 420 px (a phone). Run
// `npm start` first. Fails, writing nothing, if the page requests anything but itself or scrolls
// sideways at 420 px.
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/helpers/browser.ts';

const root = resolve(import.meta.dirname, '..');
const html = resolve(process.argv[2] ?? resolve(root, 'reports/latest/index.html'));
const docs = resolve(root, 'docs');
/** What a doc writer looks at: what fails or differs, not the portal steps and passes. */
const VIEW = '?show=drift,fail,unsupported,blocked';

if (!existsSync(html)) {
  console.error(`no report at ${html}: run \`npm start\` first (or pass the index.html to photograph)`);
  process.exit(2);
}
const file = pathToFileURL(html).href;

async function open(browser: Browser, width: number, height: number, suffix: string, foreign: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height } });
  page.on('request', (r) => {
    if (r.url().replace(/[?#].*$/, '') !== file) foreign.push(r.url());
  });
  await page.goto(file + suffix);
  // Every tutorial on screen has its steps inflated from its pack.
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('section.tutorial')).every((s) => {
      const r = s.getBoundingClientRect();
      return r.bottom < 0 || r.top > innerHeight || s.hasAttribute('data-ready');
    }),
  );
  await page.waitForTimeout(150);
  return page;
}

/** The first failing step that comes with a fix to copy (else the first failing step). */
async function firstFix(browser: Browser, foreign: string[]): Promise<string | undefined> {
  const page = await open(browser, 1400, 1000, '', foreign);
  // Render every tutorial to look through them.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => document.querySelectorAll('section.tutorial:not([data-ready])').length === 0);
  const id = await page.evaluate(() => {
    const fails = Array.from(document.querySelectorAll('article.step[data-verdict="fail"]'));
    return (fails.find((a) => a.querySelector('mark.ch') && a.querySelector('.copyable')) ?? fails.find((a) => a.querySelector('.copyable')) ?? fails[0])?.id;
  });
  await page.close();
  return id;
}

const shots: { name: string; width: number; height: number; suffix: (id: string | undefined) => string }[] = [
  { name: 'report-1400.png', width: 1400, height: 1000, suffix: () => VIEW },
  { name: 'report-step-1400.png', width: 1400, height: 1000, suffix: (id) => `?show=fail${id ? `#${id}` : ''}` },
  { name: 'report-420.png', width: 420, height: 900, suffix: () => VIEW },
  { name: 'report-step-420.png', width: 420, height: 900, suffix: (id) => `?show=fail${id ? `#${id}` : ''}` },
];

const { browser } = await launchBrowser();
try {
  const foreign: string[] = [];
  const id = await firstFix(browser, foreign);
  const pages: { name: string; page: Page }[] = [];
  for (const s of shots) pages.push({ name: s.name, page: await open(browser, s.width, s.height, s.suffix(id), foreign) });
  const overflow = await Promise.all(pages.map(async ({ name, page }) => ({ name, ...(await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }))) })));
  const wide = overflow.filter((o) => o.scroll > o.width);
  if (foreign.length > 0) {
    console.error(`the report is not self-contained: it requested ${[...new Set(foreign)].join(', ')}; no screenshot written`);
    process.exitCode = 1;
  } else if (wide.length > 0) {
    console.error(`the page scrolls sideways: ${wide.map((o) => `${o.name} ${o.scroll} px in ${o.width}`).join(', ')}; no screenshot written`);
    process.exitCode = 1;
  } else {
    await mkdir(docs, { recursive: true });
    for (const { name, page } of pages) {
      await page.screenshot({ path: resolve(docs, name), fullPage: false });
      console.log(`wrote docs/${name}`);
    }
  }
} finally {
  await browser.close();
}
