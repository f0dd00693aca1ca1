// Lint reads the page as rendered (src/lint/rendered.ts): the text of an [!INCLUDE]d file is linted
// in its place, and a finding on it names the include's file and line — in lint's own output, in
// SARIF, in report.json — so that a reader clicking it lands on the text it names. Fixes edit the
// file the text is in. An include used by two pages is part of both; used twice in one page, its
// findings are said once per place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintFiles, lintTutorial, toSarif } from '../../src/lint/index.ts';
import type { Finding } from '../../src/lint/finding.ts';
import { includeResolver } from '../../src/parse/docset.ts';
import { parseTutorialFile, parseTutorialText } from '../../src/parse/index.ts';
import { placeFindings, renderIncludes } from '../../src/lint/rendered.ts';
import { expandedText, renderHtml } from '../../src/report/html.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { githubRun } from '../../src/report/reporters/github.ts';
import { NO_COLOURS } from '../../src/cli/colour.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import type { Report } from '../../src/report/schema.ts';
import { runTutorials } from '../../src/run/index.ts';
import { startEmulatorTarget } from '../../src/run/targets/emulator.ts';
import type { Target } from '../../src/run/target.ts';
import { bash, gitApply, gitRepo, lintFixes, removeRepos, write } from '../fixes/helpers.ts';

const include = (target: string): string => `[!INCLUDE [part](${target})]`;
const FRONT = ['---', 'author: someone', 'ms.topic: include', '---', ''].join('\n');
// Line 9 of the include: an en dash where "--" belongs (lookalike-dash-in-flag, an error with a fix).
const CREATE = [FRONT, 'Create the group:', '', bash('az group create \u2013-name myGroup --location eastus')].join('\n');
const CREATE_LINE = 9;

let dir: string;
let docs: string;
beforeAll(() => {
  dir = gitRepo('tc-incl-');
  docs = join(dir, 'docs');
  write(docs, 'docfx.json', '{}');
  write(docs, 'includes/create-group.md', CREATE);
  write(docs, 'includes/write-file.md', [FRONT, bash('echo "hello" > hello.txt')].join('\n'));
});
afterAll(() => removeRepos());

const page = (name: string, lines: string[]): string => write(docs, `articles/${name}`, `${lines.join('\n')}\n`);
const of = (findings: readonly Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const shown = (path: string) => parseTutorialFile(path).file;
// An include outside the project is named by its absolute path (parse/docset.ts), as the parser's steps name it.
const incFile = (name: string) => join(docs, 'includes', name);

describe('a defect in an include', () => {
  it('is reported at the include\'s file and line, not on the page', async () => {
    const p = page('one.md', ['# One', '', include('../includes/create-group.md'), '', 'Done.']);
    const [r] = await lintFiles([p]);
    const dash = of(r!.findings, 'lookalike-dash-in-flag');
    expect(dash.map((f) => [f.file, f.line, f.column, f.severity])).toEqual([[incFile('create-group.md'), CREATE_LINE, 17, 'error']]);
    expect(readFileSync(join(docs, 'includes/create-group.md'), 'utf8').split('\n')[CREATE_LINE - 1]!.slice(16, 18)).toBe('\u2013-');
    expect(r!.tutorial).toBe(shown(p));
  });

  it('in SARIF: the include is the location, the page that includes it a related location', async () => {
    const p = page('sarif.md', ['# Sarif', '', include('../includes/create-group.md')]);
    const results = await lintFiles([p]);
    const sarif = toSarif(results) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; relatedLocations?: { message: { text: string } }[]; properties: { includedBy?: string } }[] }[] };
    const hit = sarif.runs[0]!.results.find((x) => x.ruleId === 'lookalike-dash-in-flag')!;
    expect(hit.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/includes\/create-group\.md$/);
    expect(hit.locations[0]!.physicalLocation.region.startLine).toBe(CREATE_LINE);
    expect(hit.relatedLocations?.[0]?.message.text).toBe(`Included by ${shown(p)}`);
    expect(hit.properties.includedBy).toBe(shown(p));
  });

  it('inside a list item: the indentation rendering adds is not counted in the column', async () => {
    const p = page('listed.md', ['# Listed', '', '1. Create the group:', '', `   ${include('../includes/create-group.md')}`, '', '1. Then go on.']);
    const [r] = await lintFiles([p]);
    expect(of(r!.findings, 'lookalike-dash-in-flag').map((f) => [f.line, f.column])).toEqual([[CREATE_LINE, 17]]);
  });

  it('an include the page does not resolve stays missing: nothing is reported in its place', async () => {
    const p = page('missing.md', ['# Missing', '', include('../includes/nowhere.md')]);
    const [r] = await lintFiles([p]);
    expect(r!.findings.filter((f) => f.file !== r!.tutorial)).toEqual([]);
  });
});

describe('one include in several places', () => {
  it('is reported for each page that includes it (it is part of both)', async () => {
    const a = page('a.md', ['# A', '', include('../includes/create-group.md')]);
    const b = page('b.md', ['# B', '', 'Intro.', '', include('../includes/create-group.md')]);
    const results = await lintFiles([a, b]);
    expect(results.map((r) => of(r.findings, 'lookalike-dash-in-flag').map((f) => [f.file.replace(/^.*\//, ''), f.line]))).toEqual([
      [['create-group.md', CREATE_LINE]],
      [['create-group.md', CREATE_LINE]],
    ]);
  });

  it('is reported once in a page that includes it twice (two tabs)', async () => {
    const p = page('tabs.md', ['# Tabs', '', '# [Bash](#tab/bash)', '', include('../includes/create-group.md'), '', '# [Zsh](#tab/zsh)', '', include('../includes/create-group.md'), '', '---', '']);
    const [r] = await lintFiles([p]);
    expect(of(r!.findings, 'lookalike-dash-in-flag')).toHaveLength(1);
  });
});

describe('the page\'s world sees included text where the include line is', () => {
  it('a file the include writes before the upload is there (no missing-prerequisite)', async () => {
    const p = page('world.md', ['# World', '', include('../includes/write-file.md'), '', 'Upload it:', '', bash('az storage blob upload --account-name acct --container-name c --name hello.txt --file hello.txt --auth-mode login')]);
    const [r] = await lintFiles([p]);
    // The file prerequisite (an error); the page's unnamed Azure CLI and sign-in are warnings of their own.
    expect(of(r!.findings, 'missing-prerequisite').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('written after the upload, it is still missing at the upload, on the page\'s line', async () => {
    const p = page('late.md', ['# Late', '', 'Upload it:', '', bash('az storage blob upload --account-name acct --container-name c --name hello.txt --file hello.txt --auth-mode login'), '', include('../includes/write-file.md')]);
    const [r] = await lintFiles([p]);
    expect(of(r!.findings, 'missing-prerequisite').filter((f) => f.severity === 'error').map((f) => [f.file, f.line])).toEqual([[shown(p), 6]]);
  });

  it('a line a message cites in an include is named by that file and its line', async () => {
    write(docs, 'includes/make-group.md', [FRONT, bash('az group create --name myGroup --location eastus')].join('\n'));
    const p = page('cites.md', ['# Cites', '', include('../includes/make-group.md'), '', 'Clean up:', '', bash('az group delete --name otherGroup --yes')]);
    const t = parseTutorialFile(p);
    const text = readFileSync(p, 'utf8');
    const named = of(lintTutorial(t, { text, resolveInclude: includeResolver(docs) }), 'inconsistent-resource-name');
    expect(named.map((f) => [f.file, f.line])).toEqual([[t.file, 8]]);
    expect(named[0]!.message).toContain(`"myGroup" (line 7 of ${incFile('make-group.md')})`);
    // Without the resolver, lint reads the page alone (as before included text was linted).
    expect(lintTutorial(t, { text }).some((f) => f.file !== t.file)).toBe(false);
  });
});

describe('placing findings of the rendered page', () => {
  // page: 1 "# P", 2 "", 3 include → inc lines 1-3 (rendered 4-6), then page 4 "", 5 "end" (rendered 7-8)
  const rendered = renderIncludes('# P\n\n[!INCLUDE [x](inc.md)]\n\nend', 'p.md', (target) => (target === 'inc.md' ? { file: 'inc.md', text: 'a\nb\nc' } : { error: 'no' }));
  const t = parseTutorialText('# P\n\nend\n', 'p.md');
  const place = (message: string, line = 8): Finding => placeFindings([{ rule: 'r', severity: 'note', message, file: 'p.md', line }], rendered, t, t)[0]!;

  it('maps each line to its file', () => {
    expect(rendered.origins.map((o) => `${o.file}:${o.line}`)).toEqual(['p.md:1', 'p.md:2', 'p.md:3', 'inc.md:1', 'inc.md:2', 'inc.md:3', 'p.md:4', 'p.md:5']);
    expect([place('x', 5)].map((f) => [f.file, f.line])).toEqual([['inc.md', 2]]);
  });

  it('relabels the lines a message cites: one, a range, a list, and lines of two files', () => {
    expect(place('see line 5').message).toBe('see line 2 of inc.md');
    expect(place('see lines 4–6').message).toBe('see lines 1–3 of inc.md');
    expect(place('see lines 4, 5 and 6').message).toBe('see lines 1, 2 and 3 of inc.md');
    expect(place('see lines 1 and 5').message).toBe('see lines 1 and 2 of inc.md');
    expect(place('see line 8').message).toBe('see line 5');
    expect(place('see line 99').message).toBe('see line 99');
  });

  it('a fix is moved to the include\'s lines, or left out (said) when its edits are in two files', () => {
    const withFix = (lines: number[]): Finding => ({ rule: 'r', severity: 'error', message: 'm', file: 'p.md', line: lines[0]!, fix: { description: 'd', edits: lines.map((line) => ({ line, column: 1, endColumn: 2, old: 'a', text: 'A' })) } });
    const [moved, spanning] = placeFindings([withFix([4]), withFix([5, 7])], rendered, t, t);
    expect([moved!.file, moved!.fix?.edits.map((e) => e.line)]).toEqual(['inc.md', [1]]);
    expect(spanning!.fix).toBeUndefined();
    expect(spanning!.message).toBe('m (no automatic fix: the correction would edit p.md as well as inc.md)');
  });
});

describe('fixes inside an include', () => {
  it('--fix-patch edits the include, once, and leaves the pages alone', async () => {
    const repo = gitRepo('tc-incl-fix-');
    write(repo, 'docfx.json', '{}');
    const inc = write(repo, 'includes/create-group.md', CREATE);
    const a = write(repo, 'articles/a.md', `# A\n\n${include('../includes/create-group.md')}\n`);
    const b = write(repo, 'articles/b.md', `# B\n\n- ${include('../includes/create-group.md')}\n`);
    const before = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
    const { fixes } = await lintFixes(repo, [a, b]);
    expect(fixes.corrections).toBe(1);
    expect(fixes.patch).toMatch(/^--- a\/includes\/create-group\.md$/m);
    gitApply(repo, fixes.patch);
    expect(readFileSync(inc, 'utf8')).toBe(CREATE.replace('\u2013-name', '--name'));
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(before);
  });
});

describe('report.json, JUnit: a step and a finding of an include name its file', () => {
  let target: Target & { close(): Promise<void> };
  let report: Report;
  beforeAll(async () => {
    target = await startEmulatorTarget();
    const p = page('run.md', ['# Run', '', 'Start here.', '', include('../includes/create-group.md'), '', bash('az group show --name myGroup')]);
    ({ report } = await runTutorials({ paths: [p], targetInstance: target }));
  }, 120_000);
  afterAll(async () => target?.close());

  it('the include\'s step has the include\'s file and lines; the page\'s own step has neither', () => {
    const t = report.tutorials[0]!;
    expect(t.steps.map((s) => [s.file, s.line.start])).toEqual([
      [incFile('create-group.md'), CREATE_LINE],
      [undefined, 8],
    ]);
    expect(of(t.findings, 'lookalike-dash-in-flag').map((f) => [f.file, f.line, f.stepId])).toEqual([[incFile('create-group.md'), CREATE_LINE, t.steps[0]!.id]]);
    const junit = renderJunit(report);
    expect(junit).toContain(`file="${incFile('create-group.md')}" line="${CREATE_LINE}"`);
    expect(junit).toMatch(new RegExp(`file="${t.file.replace(/[.]/g, '\\.')}" line="8"`));
  });

  it('a GitHub annotation of the include\'s step is on the include\'s file and line', () => {
    const t = report.tutorials[0]!;
    expect(t.steps[0]!.verdict).toBe('fail');
    const ctx = { style: NO_COLOURS, verbose: false, root: docs, projectRoot, failOn: ['fail' as const], tool: { name: 'tutorial-conformance', version: '0' } };
    const lines = githubRun(report, ctx).stdout.split('\n').filter((l) => l.includes(`${t.steps[0]!.id} (az`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^::error file=includes/create-group\\.md,line=${CREATE_LINE},endLine=${CREATE_LINE},`));
  });

  it('the HTML report links the include\'s step and finding to the include\'s source (--source-url)', () => {
    const html = expandedText(renderHtml({ ...report, settings: { ...report.settings, sourceUrl: 'https://example.com/src/{file}#L{line}' } } as Report));
    const href = `https://example.com/src/${incFile('create-group.md')}#L${CREATE_LINE}`;
    expect(html).toContain(`<a class="where" href="${href}">${incFile('create-group.md')}:${CREATE_LINE}</a>`);
    expect(html).toContain(`<a class="fl" href="${href}">${incFile('create-group.md')}:${CREATE_LINE}:17</a>`);
  });
});
