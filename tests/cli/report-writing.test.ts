// Reports through the real CLI: per-format paths, output locations checked before the first step,
// and `latest` always wholly one run's, also when the run is interrupted while it writes them.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { Report } from '../../src/report/schema.ts';
import { RUN_FOLDER } from '../../src/report/outputs.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function fresh(prefix = 'tc-writing-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

/** One page with one step that passes on the emulator: a run of it takes a few seconds. */
function tokenPage(dir: string): string {
  const file = join(dir, 'token.md');
  writeFileSync(file, "# Get a token\n\nOn the VM:\n\n```bash\ncurl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F' -H Metadata:true\n```\n");
  return file;
}

const cli = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) =>
  execa('node', [bin, ...args], { cwd: opts.cwd ?? projectRoot, env: { NO_COLOR: '1', ...opts.env }, reject: false, timeout: 120_000 });

const contentsOf = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('per-format report paths', () => {
  it('--report-json/-html/-junit write exactly there (folders made), no reports/ folder; --reporter json prints the same report on stdout', async () => {
    const cwd = fresh();
    const page = tokenPage(cwd);
    const r = await cli(['run', page, '--report-json', 'out/a/report.json', '--report-html', 'r.html', '--report-junit', 'out/junit.xml', '--reporter', 'json'], { cwd });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['out', 'r.html', 'token.md']);
    const written = Report.parse(JSON.parse(readFileSync(join(cwd, 'out/a/report.json'), 'utf8')));
    expect(Report.parse(JSON.parse(r.stdout))).toEqual(written);
    expect(readFileSync(join(cwd, 'r.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(join(cwd, 'out/junit.xml'), 'utf8')).toContain('<testsuite');
    expect(r.stderr).toMatch(/^--report-json: out\/a\/report\.json$/m);
  }, 120_000);

  it('--out as well writes both: the run folder and the files', async () => {
    const cwd = fresh();
    const r = await cli(['run', tokenPage(cwd), '--report-json', 'r.json', '--out', 'reports'], { cwd });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'r.json'), 'utf8')).toBe(readFileSync(join(cwd, 'reports/latest/report.json'), 'utf8'));
  }, 120_000);
});

describe('defect 9: an unusable --out was discovered after every step had run, then a stack trace and exit 1', () => {
  it('each unusable location: exit 2 with a one-line message before the target starts, nothing written', async () => {
    const dir = fresh();
    const page = tokenPage(dir);
    writeFileSync(join(dir, 'a-file'), 'x');
    mkdirSync(join(dir, 'a-folder'));
    const cases: [string[], RegExp][] = [
      [['--out', join(dir, 'a-file')], /E_OUTPUT: --out .*a-file: cannot be written: it is a file, not a folder/],
      [['--out', '/'], /E_OUTPUT: --out \/: cannot be written: it is the root of the file system; give a folder of its own/],
      [['--out', '/proc/tc-reports'], /E_OUTPUT: --out \/proc\/tc-reports: cannot be written: /],
      [['--report-html', join(dir, 'a-folder')], /E_OUTPUT: --report-html .*a-folder: cannot be written: it is a folder; give a file name/],
      [['--report-junit', join(dir, 'a-file', 'junit.xml')], /E_OUTPUT: --report-junit .*a-file\/junit\.xml: cannot be written: a part of the path is a file, not a folder/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli(['run', page, ...args])));
    results.forEach((r, i) => {
      const [, message] = cases[i]!;
      expect(r.exitCode, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.split('\n')).toHaveLength(1); // one line: no progress (no step ran, no target booted), no stack trace
      expect(r.stdout).toBe('');
    });
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'a-folder', 'token.md']);
    expect(readdirSync(join(dir, 'a-folder'))).toEqual([]);
  }, 120_000);
});

describe('defect 20: merge --out <file>, merge --summary /nonexistent/x, lint --output <unwritable> ended in stack traces with exit 1', () => {
  it('each is a one-line error with exit 2', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'a-file'), 'x');
    const [mergeOut, mergeSummary, lintOutput] = await Promise.all([
      cli(['merge', dir, '--out', join(dir, 'a-file')]),
      cli(['merge', dir, '--out', join(dir, 'merged'), '--summary', '/nonexistent/x']),
      cli(['lint', 'tutorials/000-storage.md', '--output', '/proc/tc/lint.txt']),
    ]);
    expect([mergeOut.exitCode, mergeSummary.exitCode, lintOutput.exitCode]).toEqual([2, 2, 2]);
    expect(mergeOut.stderr).toMatch(/^tutorial-conformance merge: E_OUTPUT: --out .*a-file: cannot be written: it is a file, not a folder$/);
    expect(mergeSummary.stderr).toMatch(/^tutorial-conformance merge: E_OUTPUT: --summary \/nonexistent\/x: cannot be written: the folder \/nonexistent does not exist$/);
    expect(lintOutput.stderr).toMatch(/^tutorial-conformance lint: E_OUTPUT: --output \/proc\/tc\/lint\.txt: cannot be written: .*$/);
    expect(existsSync(join(dir, 'merged'))).toBe(false);
  }, 60_000);
});

/** A run held while it writes its reports (TC_TEST_HOLD_REPORT_WRITING), then sent `signal`. */
async function interruptWhileWriting(args: string[], cwd: string, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [bin, 'run', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', TC_TEST_HOLD_REPORT_WRITING: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const held = new Promise<void>((resolve) =>
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
      if (stderr.includes('test hook: report writing held')) resolve();
    }),
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await Promise.race([held, exited]);
  child.kill(signal);
  return { code: await exited, stderr };
}

describe('defect 8: Ctrl-C while reports were written left latest/ mixed and a partial .tmp file', () => {
  it('interrupted while writing its run folder: exit 130, latest still wholly the previous run, nothing half-written left', async () => {
    const cwd = fresh();
    const page = tokenPage(cwd);
    const first = await cli(['run', page, '--out', 'reports', '--report-json', 'r.json'], { cwd });
    expect(first.exitCode, first.stderr).toBe(0);
    const before = { target: readlinkSync(join(cwd, 'reports/latest')), latest: contentsOf(join(cwd, 'reports/latest')), file: readFileSync(join(cwd, 'r.json'), 'utf8') };
    const second = await interruptWhileWriting([page, '--out', 'reports', '--report-json', 'r.json'], cwd, 'SIGINT');
    expect(second.code, second.stderr).toBe(130);
    expect(second.stderr).toMatch(/SIGINT received/);
    expect(readlinkSync(join(cwd, 'reports/latest'))).toBe(before.target);
    expect(contentsOf(join(cwd, 'reports/latest'))).toEqual(before.latest);
    expect(readFileSync(join(cwd, 'r.json'), 'utf8')).toBe(before.file);
    // No staging folder, no temporary file, no second run folder.
    expect(readdirSync(join(cwd, 'reports')).sort()).toEqual([before.target, 'latest']);
    expect(readdirSync(cwd).sort()).toEqual(['r.json', 'reports', 'token.md']);
  }, 180_000);

  it('interrupted while writing a per-format file: exit 143, the file as it was, no temporary file beside it', async () => {
    const cwd = fresh();
    const page = tokenPage(cwd);
    writeFileSync(join(cwd, 'r.json'), 'the previous report');
    const r = await interruptWhileWriting([page, '--report-json', 'r.json'], cwd, 'SIGTERM');
    expect(r.code, r.stderr).toBe(143);
    expect(readFileSync(join(cwd, 'r.json'), 'utf8')).toBe('the previous report');
    expect(readdirSync(cwd).sort()).toEqual(['r.json', 'token.md']);
  }, 120_000);
});

describe('defect 7: two runs started in the same second shared one timestamped folder', () => {
  it('two CLI runs at once into one --out: two run folders, each with its own complete report; latest is one of them', async () => {
    const cwd = fresh();
    const page = tokenPage(cwd);
    const runs = await Promise.all([cli(['run', page, '--out', 'reports'], { cwd }), cli(['run', page, '--out', 'reports'], { cwd })]);
    for (const r of runs) expect(r.exitCode, r.stderr).toBe(0);
    const folders = readdirSync(join(cwd, 'reports')).filter((n) => RUN_FOLDER.test(n));
    expect(folders).toHaveLength(2);
    const reports = folders.map((f) => readFileSync(join(cwd, 'reports', f, 'report.json'), 'utf8'));
    for (const [i, f] of folders.entries()) {
      expect(readdirSync(join(cwd, 'reports', f)).sort()).toEqual(['index.html', 'junit.xml', 'report.json']);
      Report.parse(JSON.parse(reports[i]!));
    }
    expect(reports[0]).not.toBe(reports[1]); // two runs, two reports (their start times and durations differ)
    expect(folders).toContain(readlinkSync(join(cwd, 'reports/latest')));
  }, 180_000);
});
