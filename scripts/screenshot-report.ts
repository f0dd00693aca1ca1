// npm run screenshot — photographs a real run's HTML report for the README (docs/report-screenshot.png),
// the way a doc writer first sees it: portal steps filtered out. Run `npm start` first.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../tests/helpers/browser.ts';

const root = resolve(import.meta.dirname, '..');
const html = resolve(process.argv[2] ?? resolve(root, 'reports/latest/index.html'));
const out = resolve(root, 'docs/report-screenshot.png');

if (!existsSync(html)) {
  console.error(`no report at ${html}: run \`npm start\` first (or pass the index.html to photograph)`);
  process.exit(2);
}
const { browser } = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // A report is self-contained: any request other than the file itself is a defect worth stopping for.
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(html).href) foreign.push(r.url());
  });
  await page.goto(pathToFileURL(html).href);
  for (const v of ['manual', 'skipped', 'pass']) await page.locator(`input[data-filter="${v}"]`).uncheck();
  if (foreign.length > 0) {
    console.error(`the report is not self-contained: it requested ${foreign.join(', ')}; no screenshot written`);
    process.exitCode = 1;
  } else {
    await page.screenshot({ path: out, fullPage: false });
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
