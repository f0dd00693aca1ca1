// The terminal reporters (--reporter default|json|github) and what the terminal gets: the result on
// stdout, progress and diagnostics on stderr, colour only on a terminal and as NO_COLOR/FORCE_COLOR
// say, GitHub annotations escaped as the Actions runner parses them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colourWanted, NO_COLOURS } from '../../src/cli/colour.ts';
import { runCommand } from '../../src/commands/run.ts';
import { annotation, escapeData, escapeProperty, githubRun } from '../../src/report/reporters/github.ts';
import { sampleReport } from '../report/sample-report.ts';
import { progressLine } from '../../src/run/progress.ts';
import type { RunEvent } from '../../src/run/index.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { captureIo } from '../helpers/cli-io.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
const ESC = '\u001b[';
let dir: string;
const fence = (lang: string, text: string) => `\`\`\`${lang}\n${text}\n\`\`\`\n`;
const IMDS = "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com%2F' -H Metadata:true";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tc-reporters-'));
  // A name with every character an annotation property must escape; a drift (the example's token
  // type) and a fail (a no-break space glued to the header, answered 400 by IMDS).
  writeFileSync(
    join(dir, 'a,b:c 100%.md'),
    `# Get a token\n\nOn the VM:\n\n${fence('bash', IMDS)}\nThe response:\n\n${fence('json', '{\n  "access_token": "eyJ0eXAi...",\n  "expires_in": "3599",\n  "token_type": "Basic",\n  "resource": "https://management.azure.com/"\n}')}\nWith a no-break space:\n\n${fence('bash', `${IMDS}\u00a0`)}`,
  );
  writeFileSync(join(dir, 'token.md'), `# Token\n\n${fence('bash', IMDS)}`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('GitHub workflow-command escaping (actions/toolkit escapeData / escapeProperty)', () => {
  it('a message escapes %, CR and LF; a property also : and ,', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext%3A a%2Cb');
    // % first: an escape already in the text is not taken for one.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('an annotation puts the escaped properties and message in their places', () => {
    expect(annotation('error', { file: 'docs/a,b.md', line: 3, endLine: 4, title: 'x: y' }, 'one\ntwo')).toBe('::error file=docs/a%2Cb.md,line=3,endLine=4,title=x%3A y::one%0Atwo');
    expect(annotation('notice', {}, 'plain')).toBe('::notice::plain');
  });
});

describe('run --reporter github', () => {
  let r: Awaited<ReturnType<typeof execa>>;
  let summaryFile: string;
  beforeAll(async () => {
    summaryFile = join(dir, 'summary.md');
    writeFileSync(summaryFile, '# earlier step\n');
    r = await execa('node', [bin, 'run', join(dir, 'a,b:c 100%.md'), '--out', join(dir, 'out'), '--reporter', 'github', '--reporter', 'default'], {
      cwd: projectRoot,
      env: { GITHUB_WORKSPACE: tmpdir(), GITHUB_STEP_SUMMARY: summaryFile, NO_COLOR: '1' },
      reject: false,
    });
  }, 120_000);

  it('annotates the failing step as an error and the drift as a warning, at file and line relative to GITHUB_WORKSPACE, escaped', () => {
    expect(r.exitCode, String(r.stderr)).toBe(1);
    const file = `${dir.slice(tmpdir().length + 1)}/a%2Cb%3Ac 100%25.md`;
    const annotations = String(r.stdout).split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([
      `::warning file=${file},line=6,endLine=6,title=tutorial-conformance drift%3A s1 (http)::works, but differs from the page (example): /token_type is "Bearer"; the example shows "Basic" (+4 more: 4 extra)`,
      `::error file=${file},line=23,endLine=23,title=tutorial-conformance fail%3A s2 (http%2C http-error-status)::GET 169.254.169.254/metadata/identity/oauth2/token answered 400 invalid_request: Required metadata header not specified%0Asuggested: remove the invisible character (U+00A0) after \`-H Metadata:true\``,
    ]);
    // With the default reporter too: the table follows the annotations.
    expect(String(r.stdout)).toMatch(/^\| total +\| +0 \| +1 \| +1 \|/m);
  });

  it('appends a Markdown job summary to $GITHUB_STEP_SUMMARY, paths relative to the workspace', () => {
    const md = readFileSync(summaryFile, 'utf8');
    expect(md.startsWith('# earlier step\n## Tutorial conformance (emulator)\n')).toBe(true);
    expect(md).toContain(`| Get a token (\`${dir.slice(tmpdir().length + 1)}/a,b:c 100%.md\`) | 0 | 1 | 1 | 0 | 0 |`);
    expect(md).toMatch(/### Failed steps\n\n- `.*a,b:c 100%\.md:23` GET 169\.254\.169\.254/);
  });

  it('progress and where the reports went on stderr, never on stdout', () => {
    expect(String(r.stderr)).toMatch(/a,b:c 100% s2 +L23 +http +fail/);
    expect(String(r.stderr)).toMatch(/^HTML report: /m);
    expect(String(r.stdout)).not.toMatch(/L23 |HTML report|target emulator ready/);
  });
});

describe('github annotation levels say whose move it is', () => {
  it('fail → error, drift → warning, unsupported and an expected failure → notice, a tutorial problem → warning; --fail-on makes its verdicts errors', async () => {
    const { report } = await sampleReport();
    const t = report.tutorials[0]!;
    const [a, b, c, d] = t.steps;
    Object.assign(a!, { verdict: 'fail', reason: 'broke', expectedFailure: undefined });
    Object.assign(b!, { verdict: 'drift', reason: 'differs' });
    Object.assign(c!, { verdict: 'unsupported', reason: 'not emulated', unsupported: 'not-emulated' });
    Object.assign(d!, { verdict: 'fail', reason: 'known', expectedFailure: 'the sidecar says so' });
    const one = { ...report, tutorials: [{ ...t, steps: [a!, b!, c!, d!], problems: [{ code: 'E_PLACEHOLDER_UNBOUND', line: 9, message: 'no value' }] }] };
    const ctx = { style: NO_COLOURS, verbose: false, root: projectRoot, projectRoot, tool: { name: 't', version: '0' } };
    const levels = (failOn: readonly ('fail' | 'drift' | 'unsupported')[]) => githubRun(one, { ...ctx, failOn }).stdout.trim().split('\n').map((l) => /^::(\w+) .*::(.*)$/.exec(l)!.slice(1).join(' '));
    expect(levels(['fail'])).toEqual(['warning no value', 'error broke', 'warning differs', 'notice not emulated', 'notice expected failure (the sidecar says so): known']);
    expect(levels(['fail', 'drift', 'unsupported'])).toEqual(['warning no value', 'error broke', 'error differs', 'error not emulated', 'notice expected failure (the sidecar says so): known']);
  });
});

describe('lint --reporter github', () => {
  it('one annotation per finding with line, column and rule, and a job summary', async () => {
    const summaryFile = join(dir, 'lint-summary.md');
    const r = await execa('node', [bin, 'lint', 'tutorials/002-storage-user-assigned.md', '--reporter', 'github'], { cwd: projectRoot, env: { GITHUB_WORKSPACE: projectRoot, GITHUB_STEP_SUMMARY: summaryFile }, reject: false });
    expect(r.exitCode).toBe(1);
    const lines = r.stdout.trim().split('\n');
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=tutorials\/002-storage-user-assigned\.md,line=\d+,(endLine=\d+,)?(col=\d+,)?title=tutorial-conformance lint%3A [a-z0-9-]+::\S/);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=tutorials\/002-storage-user-assigned\.md,line=134,col=62,title=tutorial-conformance lint%3A smart-quote-in-command::/));
    expect(readFileSync(summaryFile, 'utf8')).toMatch(/^## Tutorial lint\n\n1 tutorial\(s\): [1-9]\d* error\(s\)/);
  }, 60_000);
});

describe('colour: on a terminal, honouring NO_COLOR and FORCE_COLOR', () => {
  it('the decision', () => {
    const env = (noColor?: string, forceColor?: string, term?: string) => ({ noColor, forceColor, term });
    expect(colourWanted(env(), true)).toBe(true);
    expect(colourWanted(env(), false)).toBe(false);
    expect(colourWanted(env('1'), true)).toBe(false);
    expect(colourWanted(env(''), true)).toBe(true); // NO_COLOR counts only when non-empty
    expect(colourWanted(env(undefined, undefined, 'dumb'), true)).toBe(false);
    expect(colourWanted(env(undefined, '1'), false)).toBe(true);
    expect(colourWanted(env('1', '1'), false)).toBe(true); // FORCE_COLOR wins, as in Node
    expect(colourWanted(env(undefined, '0'), true)).toBe(false);
    expect(colourWanted(env(undefined, 'false'), true)).toBe(false);
  });

  it('a run on a terminal is coloured, and not with NO_COLOR=1; stdout and stderr apart', async () => {
    const tty = captureIo({ env: {} });
    const noColor = captureIo({ env: { noColor: '1' } });
    for (const io of [tty, noColor]) {
      io.stdoutIsTTY = true;
      io.stderrIsTTY = true;
      expect(await runCommand([join(dir, 'token.md'), '--report-json', join(dir, `r-${io === tty ? 'tty' : 'plain'}.json`)], io)).toBe(0);
    }
    expect(tty.out()).toContain(ESC);
    expect(tty.err()).toContain(`${ESC}32mpass`);
    expect(noColor.out()).not.toContain(ESC);
    expect(noColor.err()).not.toContain(ESC);
    expect(noColor.out()).toMatch(/^\| total +\| +1 \|/m);
    expect(noColor.out()).not.toMatch(/ s1 +L\d/);
    expect(noColor.err()).toMatch(/token s1 +L4 +http +pass/);
  }, 120_000);

  it('lint through a pipe: plain; FORCE_COLOR=1 colours it, also over NO_COLOR=1; FORCE_COLOR=0 does not', async () => {
    const lint = (env: Record<string, string>) => execa('node', [bin, 'lint', 'tutorials/000-storage.md'], { cwd: projectRoot, env, reject: false });
    const [plain, forced, both, off] = await Promise.all([lint({}), lint({ FORCE_COLOR: '1' }), lint({ FORCE_COLOR: '1', NO_COLOR: '1' }), lint({ FORCE_COLOR: '0' })]);
    expect(plain.stdout).not.toContain(ESC);
    expect(forced.stdout).toContain(`${ESC}31merror${ESC}39m`);
    expect(both.stdout).toContain(ESC);
    expect(off.stdout).not.toContain(ESC);
    expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
  }, 60_000);
});

describe('--verbose', () => {
  const reason = `answered 403 AuthorizationFailed: ${'a long explanation '.repeat(12)}and the end`;
  const event = { type: 'step', file: 'tutorials/x.md', step: { id: 's1', kind: 'http', source: { startLine: 7 } }, verdict: 'fail', reason } as unknown as RunEvent;

  it('default lines stay short (the reason cut at 100 characters); --verbose prints it whole', () => {
    const short = progressLine(event, { style: NO_COLOURS })!;
    expect(short).toMatch(/ answered 403 .*…$/);
    expect(short).not.toContain('and the end');
    expect(progressLine(event, { style: NO_COLOURS, verbose: true })).toMatch(/ answered 403 .* and the end$/);
  });
});
