// The whole run, as `npm start` does it (in-process, so the secrets it saw can be listed): every
// step of every tutorial gets a verdict with evidence, the three reports are written and read back,
// and no secret value — nor its base64 or URL-encoded form — is in any output file or terminal line.
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.ts';
import { main } from '../../src/cli.ts';
import { ToolError } from '../../src/errors.ts';
import { expandedText } from '../../src/report/html.ts';
import { Report } from '../../src/report/schema.ts';
import { RunSecrets } from '../../src/run/secrets.ts';
import { captureIo } from '../helpers/cli-io.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

const out = mkdtempSync(join(os.tmpdir(), 'tc-full-'));
const secrets = new RunSecrets();
const io = captureIo({ secrets });
let code: number;
let report: Report;

beforeAll(async () => {
  code = await runCommand([tutorialsDir, '--out', out], io);
  report = Report.parse(JSON.parse(readFileSync(join(out, 'latest', 'report.json'), 'utf8')));
}, 120_000);

function forms(secret: string): string[] {
  const b64 = Buffer.from(secret, 'utf8').toString('base64');
  return [secret, b64, b64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url'), encodeURIComponent(secret)].filter((f) => f.length >= 8);
}

describe('npm start on the twelve tutorials', () => {
  it('gives every step of every tutorial a verdict, with evidence for the ones that ran', () => {
    const files = readdirSync(tutorialsDir).filter((f) => f.endsWith('.md'));
    expect(report.tutorials.map((t) => t.file.replace(/^tutorials\//, '')).sort()).toEqual(files.sort());
    for (const t of report.tutorials) {
      expect(t.steps.length).toBeGreaterThan(0);
      for (const s of t.steps) {
        expect(s.reason.length).toBeGreaterThan(0);
        if (s.verdict === 'pass' || s.verdict === 'drift' || s.verdict === 'fail') {
          expect(s.request !== undefined || s.output !== undefined, `${t.file} ${s.id} has no evidence`).toBe(true);
        }
        if (s.verdict === 'blocked') expect(t.steps.some((o) => o.id === s.blockedBy)).toBe(true);
      }
    }
    expect(report.summary.pass + report.summary.drift).toBeGreaterThan(10);
  });

  it('reports the pages\' defects as the service or az answers them, not repaired', () => {
    const step = (file: string, line: number) => report.tutorials.find((t) => t.file.endsWith(file))?.steps.find((s) => s.line.start === line);
    expect(step('002-storage-user-assigned.md', 100)).toMatchObject({ verdict: 'fail', failure: 'az-usage' });
    expect(step('002-storage-user-assigned.md', 134)?.output?.stderr).toContain("Role '\u2018Reader\u2019' doesn't exist.");
    expect(step('000-storage-sas.md', 131)?.output?.stderr).toContain('expected one argument');
    expect(step('002-storage-access-key-user-assigned.md', 29)).toMatchObject({ verdict: 'fail', failure: 'network-error' });
    expect(step('002-storage-access-key-user-assigned.md', 51)).toMatchObject({ verdict: 'blocked' });
    // az login cannot open a browser: it is marked as substituted, with the Entra exchange as evidence.
    const login = step('002-storage-user-assigned.md', 67);
    expect(login?.substitution).toMatch(/az login/);
    expect(login?.request?.url).toMatch(/^https:\/\/login\.microsoftonline\.com\/.*\/oauth2\/v2\.0\/token$/);
    expect(login?.request?.body).not.toMatch(/client_secret=[A-Za-z0-9_-]{20}/);
    // The Data Lake upload shows curl's interim 100 Continue and the 307 it follows.
    const upload = step('000-datalake.md', 80);
    expect(upload?.exchanges?.map((e) => [e.interim.map((i) => i.status), e.response?.status])).toEqual([
      [[100], 307],
      [[100], 201],
    ]);
  });

  it('writes report.json, index.html and junit.xml into a run folder of its own, latest pointing to it', () => {
    const folders = readdirSync(out).sort();
    expect(folders).toEqual([expect.stringMatching(/^\d{8}-\d{6}-[0-9a-f]{6}$/), 'latest']);
    expect(readlinkSync(join(out, 'latest'))).toBe(folders[0]);
    for (const f of folders) expect(readdirSync(join(out, f)).sort()).toEqual(['index.html', 'junit.xml', 'report.json']);
    expect(readFileSync(join(out, 'latest', 'junit.xml'), 'utf8')).toContain('<testsuite');
    // The result on stdout, progress and where the reports went on stderr.
    expect(io.out()).toMatch(/^\| total/m);
    expect(io.out()).not.toMatch(/ L\d+ +(http|az|manual) /);
    expect(io.err()).toMatch(/^HTML report: /m);
    expect(io.err()).toMatch(/000-storage s6 +L\d+ +http/);
    expect(code).toBe(report.summary.fail > 0 ? 1 : 0);
  });

  it('records the tool and the run settings in report.json (never a --set value)', () => {
    expect(report.settings).toEqual({ tool: { name: 'tutorial-conformance', version: expect.stringMatching(/^\d+\.\d+\.\d+/) }, failOn: ['fail'] });
  });

  it('leaks no secret the run saw into any report or terminal line', () => {
    const seen = secrets.values();
    // tokens from IMDS and Entra, account keys, SAS, the Key Vault secret, the CLI's client secret
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.some((s) => s.value.startsWith('eyJ'))).toBe(true);
    expect(seen.some((s) => /key1/.test(s.label))).toBe(true);
    const outputs: [string, string][] = [['terminal', io.lines().join('\n')]];
    // index.html keeps its steps compressed: scanned as a reader sees it, inflated.
    const readable = (path: string) => (path.endsWith('.html') ? expandedText(readFileSync(path, 'utf8')) : readFileSync(path, 'utf8'));
    for (const f of readdirSync(out)) for (const file of readdirSync(join(out, f))) outputs.push([`${f}/${file}`, readable(join(out, f, file))]);
    for (const { value, label } of seen) {
      for (const form of forms(value)) {
        for (const [where, text] of outputs) expect(text.includes(form), `${label} (${form.slice(0, 6)}…) in ${where}`).toBe(false);
      }
    }
  });
});

describe('exit codes', () => {
  it('--fail-on drift fails a tutorial that only drifts; without it the run passes', async () => {
    const only = join(tutorialsDir, '000-storage.md');
    const sink = captureIo();
    const dir = mkdtempSync(join(os.tmpdir(), 'tc-exit-'));
    expect(await runCommand([only, '--out', dir], sink)).toBe(0);
    const junitDrifts = () => (readFileSync(join(dir, 'latest', 'junit.xml'), 'utf8').match(/<failure /g) ?? []).length;
    expect(junitDrifts()).toBe(0);
    expect(await runCommand([only, '--out', dir, '--fail-on', 'drift'], sink)).toBe(1);
    // The drifting step is a JUnit failure too, so CI dashboards agree with the exit code.
    expect(junitDrifts()).toBeGreaterThan(0);
  }, 60_000);

  it('--baseline: a failure already in the baseline does not fail the run, a new one does; the change is printed and reported', async () => {
    const only = join(tutorialsDir, '000-key-vault.md');
    const dir = mkdtempSync(join(os.tmpdir(), 'tc-baseline-'));
    expect(await runCommand([only, '--out', dir], captureIo())).toBe(1); // s6 fails (https://https://…)
    // The baseline is the folder this run replaces: it is read before the run starts.
    let printed = captureIo();
    expect(await runCommand([only, '--out', dir, '--baseline', join(dir, 'latest')], printed)).toBe(0);
    expect(printed.out()).toMatch(/since the baseline of \S+ \(emulator\): 0 step\(s\) worse, 0 better/);
    const again = Report.parse(JSON.parse(readFileSync(join(dir, 'latest', 'report.json'), 'utf8')));
    expect(again.comparison).toMatchObject({ worse: [], better: [] });
    // A baseline in which that step passed: now it is a change, and the run fails.
    const passing = Report.parse(JSON.parse(readFileSync(join(dir, 'latest', 'report.json'), 'utf8')));
    const failing = passing.tutorials[0]!.steps.find((st) => st.verdict === 'fail')!;
    failing.verdict = 'pass';
    passing.summary = { ...passing.summary, fail: passing.summary.fail - 1, pass: passing.summary.pass + 1 };
    delete passing.comparison;
    const baselineFile = join(dir, 'night-before.json');
    writeFileSync(baselineFile, JSON.stringify(passing));
    printed = captureIo();
    expect(await runCommand([only, '--out', dir, '--baseline', baselineFile], printed)).toBe(1);
    expect(printed.out()).toMatch(new RegExp(`worse +000-key-vault\\.md:${failing.line.start} ${failing.id} +pass → fail`));
    // A baseline that is not a report stops the run before it starts (exit 2, E_USAGE naming the file).
    await expect(runCommand([only, '--out', dir, '--baseline', join(dir, 'nothing-here.json')], captureIo())).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/cannot read baseline .*nothing-here\.json/) });
  }, 90_000);

  it('--grep runs the matching steps and what they need, skips the rest, and leaves out tutorials without a match', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'tc-grep-'));
    await runCommand([tutorialsDir, '--out', dir, '--grep', 'blob download'], captureIo());
    const r = Report.parse(JSON.parse(readFileSync(join(dir, 'latest', 'report.json'), 'utf8')));
    expect(r.tutorials.map((t) => t.file.replace(/^tutorials\//, '')).sort()).toEqual(['000-storage-access-key.md', '000-storage-sas.md', '001-storage-access-key.md', '002-storage-access-key-user-assigned.md']);
    const access = r.tutorials.find((t) => t.file.endsWith('000-storage-access-key.md'));
    const verdicts = Object.fromEntries(access?.steps.map((s) => [s.line.start, s.verdict]) ?? []);
    expect(verdicts[120]).not.toBe('skipped'); // the download
    expect(verdicts[106]).not.toBe('skipped'); // the upload it needs
    const sas = r.tutorials.find((t) => t.file.endsWith('000-storage-sas.md'));
    expect(sas?.steps.find((s) => s.line.start === 115)?.verdict).toBe('skipped'); // listServiceSas: not needed by the download
  }, 60_000);

  it('2 when the run cannot start: bad option, live target not built yet, missing file', async () => {
    // Without a live subscription configured, --target azure names what to configure (and never crashes).
    const live = await runCommand(['--target', 'azure'], captureIo()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(live).toBeInstanceOf(ToolError);
    expect((live as ToolError).exitCode).toBe(2);
    expect((live as ToolError).message).toMatch(/AZURE_SUBSCRIPTION_ID|issue 7/);
    expect(await main(['run', '--target', 'azure'])).toBe(2);
    expect(await main(['run', '--bogus'])).toBe(2);
    expect(await main(['run', 'no/such/tutorial.md'])).toBe(2);
  });
});
