// The browser the HTML report is checked (and photographed) in. On Linux it comes from the npm
// registry inside a package (@sparticuz/chromium ships a headless Chromium, brotli-compressed, in
// its own files), so `npm ci && npm test` needs no apt, no download and no system browser. The
// binary is unpacked once into node_modules/.cache and reused. CHROMIUM_PATH names another browser
// (any platform); elsewhere than Linux it is required. Never skips: a report test without a
// browser fails and says what to do.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const PACKAGE = '@sparticuz/chromium';

/** The flags every launch uses: headless, no sandbox (root in CI), and nothing that reaches the network. */
const FLAGS = ['--headless', '--no-sandbox', '--no-zygote', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface BrowserExecutable {
  path: string;
  /** Where it came from, for messages and for the test that asserts the packaged one was used. */
  source: 'CHROMIUM_PATH' | typeof PACKAGE;
  /** Environment the browser needs (the package's own fonts). */
  env: Record<string, string>;
}

function packageVersion(): string {
  // The package's exports do not include package.json; read it where npm installs it.
  const manifest = join(projectRoot, 'node_modules', ...PACKAGE.split('/'), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * Unpacks the package's browser into `node_modules/.cache/tutorial-conformance/chromium-<version>/`.
 * The package unpacks into os.tmpdir(); it runs in a child process whose TMPDIR is a staging folder,
 * renamed into place when complete, so two test workers unpacking at once never see half a binary.
 */
async function unpackPackagedChromium(): Promise<string> {
  const folder = join(projectRoot, 'node_modules', '.cache', 'tutorial-conformance', `chromium-${packageVersion()}`);
  if (existsSync(join(folder, 'chromium')) && existsSync(join(folder, 'fonts.conf'))) return folder;
  // A folder is renamed into place complete; one without its fonts.conf is from an older layout.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(dirname(folder), { recursive: true });
  const staging = `${folder}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging);
  try {
    const script = `import(${JSON.stringify(PACKAGE)}).then(async (m) => { m.default.setGraphicsMode = false; process.stdout.write(await m.default.executablePath()); })`;
    await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, env: { ...process.env, TMPDIR: staging }, timeout: 120_000 });
    // The package's fonts.conf names /tmp/fonts (where it unpacks on AWS Lambda); ours names the
    // fonts where they are now, and the system's fonts when the machine has any.
    writeFileSync(join(staging, 'fonts.conf'), fontsConf(folder));
    try {
      renameSync(staging, folder);
    } catch (err) {
      // Another worker finished first: its copy is as good as ours.
      if (!existsSync(join(folder, 'chromium'))) throw err;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return folder;
}

function fontsConf(folder: string): string {
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${xml(join(folder, 'fonts', 'fonts'))}</dir>`,
    `  <cachedir>${xml(join(folder, 'fonts-cache'))}</cachedir>`,
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    '</fontconfig>',
    '',
  ].join('\n');
}

export async function browserExecutable(): Promise<BrowserExecutable> {
  const named = process.env['CHROMIUM_PATH'];
  if (named !== undefined && named !== '') {
    if (!existsSync(named)) throw new Error(`CHROMIUM_PATH=${named} does not exist. Unset it to use the browser packaged in ${PACKAGE} (Linux), or name an installed Chromium or Chrome.`);
    return { path: named, source: 'CHROMIUM_PATH', env: {} };
  }
  if (process.platform !== 'linux') {
    throw new Error(`The HTML report tests need a browser: ${PACKAGE} packages one for Linux only. Set CHROMIUM_PATH to an installed Chromium or Chrome (e.g. "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome").`);
  }
  const folder = await unpackPackagedChromium();
  return { path: join(folder, 'chromium'), source: PACKAGE, env: { FONTCONFIG_FILE: join(folder, 'fonts.conf') } };
}

export async function launchBrowser(): Promise<{ browser: Browser; executable: BrowserExecutable }> {
  const executable = await browserExecutable();
  const browser = await chromium.launch({
    executablePath: executable.path,
    args: FLAGS,
    env: { ...(process.env as Record<string, string>), ...executable.env },
  });
  return { browser, executable };
}
