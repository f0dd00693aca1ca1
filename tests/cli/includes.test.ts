// Issue 15 item 5: `[!INCLUDE [h](../../somewhere/file)]` read any file the user could read, and
// `extract` on such a page printed the emulator's CA and server private keys from its state folder.
// Includes now resolve only inside the docset root (--docset-root, else docfx.json upwards, else the
// page's folder): extract, lint and run never read, let alone print, a file outside the docs tree.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FILE, loadSigningKey } from '../../src/emulator/signing-keys.ts';
import { BUNDLE_FILE, loadTlsMaterial, type TlsMaterial } from '../../src/emulator/tls.ts';
import { expandedText } from '../../src/report/html.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
let root: string;
let tls: TlsMaterial;
let signingPem: string;

const cli = (...args: string[]) => execa('node', [bin, ...args], { cwd: root, reject: false, env: { NO_COLOR: '1' } });

/** The base64 lines of a PEM's body: any one of them printed is the key leaking. */
const pemLines = (pem: string): string[] => pem.split('\n').filter((l) => /^[A-Za-z0-9+/=]{40,}$/.test(l));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tc-include-keys-'));
  // A real emulator state folder beside the docs: the CA, the server key, the token signing key.
  const state = join(root, 'state');
  tls = await loadTlsMaterial(state);
  await loadSigningKey(state);
  signingPem = readFileSync(join(state, KEY_FILE), 'utf8');
  mkdirSync(join(root, 'docs/articles'), { recursive: true });
  mkdirSync(join(root, 'docs/includes'), { recursive: true });
  writeFileSync(join(root, 'docs/docfx.json'), '{}');
  writeFileSync(join(root, 'docs/includes/login.md'), '```azurecli\naz login\n```\n');
  writeFileSync(
    join(root, 'docs/articles/page.md'),
    `# A page\n\n[!INCLUDE [login](../includes/login.md)]\n\n[!INCLUDE [ca](../../state/${BUNDLE_FILE})]\n\n[!INCLUDE [signing](../../state/${KEY_FILE})]\n`,
  );
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("defect: extract printed the emulator's CA and server keys from the state folder through an include", () => {
  it('extract prints the include inside the docs tree and nothing of the state folder', async () => {
    const r = await cli('extract', 'docs/articles/page.md');
    expect(r.exitCode, r.stderr).toBe(0);
    const leaked = [...pemLines(tls.caKeyPem), ...pemLines(tls.keyPem), ...pemLines(signingPem)];
    expect(leaked.length).toBeGreaterThan(30);
    for (const line of leaked) expect(r.stdout).not.toContain(line);
    expect(r.stdout).not.toMatch(/PRIVATE KEY/);
    const model = JSON.parse(r.stdout) as { steps: Array<{ raw: string }>; diagnostics: Array<{ code: string; line: number; message: string }> };
    expect(model.steps.map((s) => s.raw)).toEqual(['az login']);
    expect(model.diagnostics.filter((d) => d.code === 'missing-include').map((d) => [d.line, d.message])).toEqual([
      [5, expect.stringMatching(new RegExp(`state/${BUNDLE_FILE.replace(/\./g, '\\.')} is outside the docset root .*docs; it is not read`))],
      [7, expect.stringMatching(/state\/token-signing-key-v1\.pem is outside the docset root/)],
    ]);
  }, 60_000);

  it('--docset-root names the docs tree; one that is not a folder is a usage error (exit 2)', async () => {
    const narrowed = await cli('extract', '--docset-root', 'docs/articles', 'docs/articles/page.md');
    expect(narrowed.exitCode, narrowed.stderr).toBe(0);
    // The shared include is outside docs/articles: refused too, as the narrower root says.
    expect(JSON.parse(narrowed.stdout).steps).toEqual([]);
    for (const [args, why] of [
      [['extract', '--docset-root', 'nope', 'docs/articles/page.md'], /--docset-root "nope" does not exist/],
      [['lint', '--docset-root', 'docs/docfx.json', 'docs/articles/page.md'], /--docset-root "docs\/docfx.json" is not a folder/],
      [['run', '--docset-root', '', 'docs/articles/page.md'], /--docset-root "" is empty/],
    ] as const) {
      const r = await cli(...args);
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toMatch(why);
    }
  }, 60_000);

  it('lint reads no key either: the page is linted without the refused includes', async () => {
    const r = await cli('lint', '--format', 'json', 'docs/articles/page.md');
    expect(r.exitCode, r.stderr).toBe(0);
    for (const line of [...pemLines(tls.caKeyPem), ...pemLines(tls.keyPem), ...pemLines(signingPem)]) expect(`${r.stdout}${r.stderr}`).not.toContain(line);
    // Only the page and its allowed include are read: every finding is in one of them (the refused
    // includes, the state folder's keys, give none). The allowed include runs az on a page that never
    // names the Azure CLI, which missing-prerequisite rightly warns about.
    const findings = (JSON.parse(r.stdout) as { results: { findings: { file?: string; severity: string }[] }[] }).results.flatMap((x) => x.findings);
    expect(findings.filter((f) => f.file !== undefined && !/[\\/]docs[\\/]/.test(f.file))).toEqual([]);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  }, 60_000);

  it('run lists the refused includes as problems of the page, and no report holds a key', async () => {
    const out = join(root, 'out');
    const r = await cli('run', '--out', out, 'docs/articles/page.md');
    expect(r.exitCode, r.stderr).toBeLessThanOrEqual(1);
    const report = readFileSync(join(out, 'latest', 'report.json'), 'utf8');
    const problems = (JSON.parse(report) as { tutorials: Array<{ problems?: Array<{ code: string; message: string }> }> }).tutorials[0]!.problems ?? [];
    expect(problems.filter((p) => p.code === 'missing-include').map((p) => p.message)).toEqual([
      expect.stringMatching(/outside the docset root/),
      expect.stringMatching(/outside the docset root/),
    ]);
    // The HTML report's steps travel compressed: read as a browser shows them.
    const written = ['report.json', 'index.html', 'junit.xml'].map((f) => readFileSync(join(out, 'latest', f), 'utf8')).map((text, i) => (i === 1 ? expandedText(text) : text)).join('\n');
    for (const line of [...pemLines(tls.caKeyPem), ...pemLines(tls.keyPem), ...pemLines(signingPem)]) expect(`${written}${r.stdout}${r.stderr}`).not.toContain(line);
  }, 120_000);
});
