// Bad input gives a clear error naming file and line, never a crash; includes resolve relative to
// the including file and keep their own file and lines; `extract` prints the model.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ToolError } from '../../src/errors.ts';
import { Tutorial } from '../../src/model.ts';
import { ParseError, parseTutorialFile, parseTutorialText } from '../../src/parse/index.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const fixtures = resolve(projectRoot, 'tests/parse/fixtures');
const fx = (name: string) => join(fixtures, name);

function toolError(fn: () => unknown): ToolError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ToolError) return e;
    throw e;
  }
  throw new Error('expected a ToolError');
}

describe('unreadable, empty and binary files', () => {
  it('a missing file', () => {
    const e = toolError(() => parseTutorialFile(fx('nope.md')));
    expect(e.code).toBe('E_TUTORIAL_UNREADABLE');
    expect(e.message).toBe('tests/parse/fixtures/nope.md: no such file');
    expect(e.exitCode).toBe(2);
  });
  it('an empty file and a file of blank lines', () => {
    for (const f of ['empty.md', 'blank.md']) {
      const e = toolError(() => parseTutorialFile(fx(f)));
      expect(e.code).toBe('E_TUTORIAL_UNREADABLE');
      expect(e.message).toBe(`tests/parse/fixtures/${f}: the file is empty`);
    }
  });
  it('a binary file', () => {
    const e = toolError(() => parseTutorialFile(fx('binary.md')));
    expect(e.code).toBe('E_TUTORIAL_UNREADABLE');
    expect(e.message).toContain('tests/parse/fixtures/binary.md');
    expect(e.message).toContain('binary');
  });
  it('a directory', () => {
    expect(toolError(() => parseTutorialFile(fixtures)).code).toBe('E_TUTORIAL_UNREADABLE');
  });
  it('a file that cannot be read', () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const dir = mkdtempSync(join(tmpdir(), 'tc-parse-'));
    try {
      const f = join(dir, 'locked.md');
      execFileSync('sh', ['-c', `echo '# x' > '${f}' && chmod 000 '${f}'`]);
      expect(toolError(() => parseTutorialFile(f)).code).toBe('E_TUTORIAL_UNREADABLE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('parseTutorialText rejects empty and binary text with ParseError', () => {
    expect(() => parseTutorialText('', 'x.md')).toThrow(ParseError);
    expect(() => parseTutorialText(' \n\n', 'x.md')).toThrow(ParseError);
    expect(() => parseTutorialText('a\u0000b', 'x.md')).toThrow(/x\.md:1: not a tutorial/);
  });
});

describe('broken markdown and shell inside a tutorial', () => {
  it('an unterminated fence is a diagnostic; the command and JSON after it are still found', () => {
    const t = parseTutorialFile(fx('unterminated.md'));
    expect(t.diagnostics.filter((d) => d.code === 'unterminated-fence').map((d) => [d.line, d.file])).toEqual([[5, 'tests/parse/fixtures/unterminated.md']]);
    expect(t.steps.map((s) => [s.kind, s.source.startLine, s.expectation?.kind])).toEqual([['http', 6, 'json']]);
    expect(() => Tutorial.parse(t)).not.toThrow();
  });
  it('an unbalanced quote in a curl is a diagnostic naming its line; the next command is intact', () => {
    const t = parseTutorialFile(fx('unbalanced.md'));
    const d = t.diagnostics.find((x) => x.code === 'unbalanced-quote');
    expect(d).toMatchObject({ line: 4, file: 'tests/parse/fixtures/unbalanced.md', severity: 'warning' });
    expect(t.steps.map((s) => [s.kind, s.source.startLine, s.source.endLine])).toEqual([
      ['http', 4, 4],
      ['http', 8, 8],
    ]);
    expect(t.steps[1]!.kind === 'http' && t.steps[1]!.curl.url).toBe('https://example.com/b');
  });
  it('direct calls on bad text throw only ParseError', () => {
    expect(() => parseTutorialText('```\ncurl "a\n', 'bad.md')).not.toThrow();
    expect(() => parseTutorialText('\u0000', 'bad.md')).toThrow(ParseError);
  });
});

describe('[!INCLUDE] resolution', () => {
  it('resolves includes relative to the including file; included steps keep their own file and lines', () => {
    const t = parseTutorialFile(fx('include-main.md'));
    expect(t.steps.map((s) => [s.id, s.kind, s.source.file, s.source.startLine])).toEqual([
      ['s1', 'http', 'tests/parse/fixtures/includes/token-step.md', 4],
      ['s2', 'shell', 'tests/parse/fixtures/includes/nested.md', 2],
      ['s3', 'http', 'tests/parse/fixtures/include-main.md', 16],
    ]);
    expect(t.steps[0]!.expectation).toMatchObject({ kind: 'json', source: { file: 'tests/parse/fixtures/includes/token-step.md', startLine: 10, endLine: 10 } });
    expect(t.steps[0]!.section).toBe('Get a token');
    expect(t.captures.map((c) => [c.key, c.producer, c.path, c.consumers])).toEqual([['ACCESS_TOKEN', 's1', 'access_token', ['s3']]]);
    expect(t.diagnostics.filter((d) => d.code === 'missing-include').map((d) => [d.file, d.line])).toEqual([['tests/parse/fixtures/include-main.md', 19]]);
    expect(() => Tutorial.parse(t)).not.toThrow();
  });
  it('parseTutorialText leaves includes unresolved unless given a reader', () => {
    const t = parseTutorialText('[!INCLUDE [x](x.md)]\n', 'a/b.md');
    expect(t.diagnostics.map((d) => d.code)).toEqual(['missing-include']);
    const withReader = parseTutorialText('[!INCLUDE [x](x.md)]\n', 'a/b.md', { readInclude: (f) => (f === 'a/x.md' ? 'echo "hi" > f\n' : undefined) });
    expect(withReader.steps.map((s) => s.source.file)).toEqual(['a/x.md']);
  });
  it('stops an include cycle', () => {
    const t = parseTutorialText('[!INCLUDE [x](a.md)]\n', 'a.md', { readInclude: () => '[!INCLUDE [x](a.md)]\necho "x" > y\n' });
    expect(t.steps.length).toBeGreaterThan(0);
    expect(t.steps.length).toBeLessThan(20);
  });
});

describe('extract', () => {
  const cli = resolve(projectRoot, 'bin/tutorial-conformance.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'extract', ...args], { cwd: projectRoot, encoding: 'utf8' });

  it('prints the model as JSON', () => {
    const r = run('tutorials/000-storage.md');
    expect(r.status).toBe(0);
    const t = Tutorial.parse(JSON.parse(r.stdout));
    expect(t.file).toBe('tutorials/000-storage.md');
    expect(t.steps).toHaveLength(10);
  });
  it('bad arguments are a usage error, exit 2', () => {
    for (const args of [[], ['a.md', 'b.md'], ['--bogus', 'a.md']]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('E_USAGE');
      expect(r.stderr).toContain("see 'tutorial-conformance help extract'");
    }
  });
  it('an unreadable tutorial names the file, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-extract-'));
    try {
      mkdirSync(join(dir, 'd'));
      const r = run(join(dir, 'missing.md'));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('E_TUTORIAL_UNREADABLE');
      expect(r.stderr).toContain('missing.md: no such file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('markdown-it is skipped only where it decides nothing', () => {
  it('every tutorial gives the same model with markdown-it forced on', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = resolve(projectRoot, 'tutorials');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(parseTutorialText(text, `tutorials/${f}`), f).toEqual(parseTutorialText(text, `tutorials/${f}`, { alwaysMarkdown: true }));
    }
  });
});

describe('DocFX constructs', () => {
  it('reads fences of any info string, indented code, code in list items and notes, zone pivots and tab groups', () => {
    const t = parseTutorialFile(fx('docfx-constructs.md'));
    expect(t.form).toBe('docfx');
    expect(t.title).toBe('DocFX constructs');
    expect(t.steps.map((s) => [s.id, s.kind, s.source.startLine, s.section, s.fence ?? null, s.expectation?.kind ?? null, s.tab ?? null, s.pivot ?? null])).toEqual([
      ['s1', 'http', 12, 'DocFX constructs', 'bash', null, null, null], // fenced code inside a > [!NOTE] block
      ['s2', 'az', 24, 'Azure CLI', 'azurecli-interactive', null, null, 'cli'], // inside a list item, inside a zone pivot
      ['s3', 'az', 30, 'Azure CLI', 'azurecli', null, null, 'cli'], // ~~~ fence
      ['s4', 'http', 38, 'Azure CLI', '', null, 'bash', null], // fence without info string, in a tab group
      ['s5', 'http', 46, 'Azure CLI', null, 'json', 'rest', null], // indented code; "Response:" after the group's "---", then a ```JSON fence
    ]);
    expect(t.steps[4]!.kind === 'http' && t.steps[4]!.curl.method).toBe('DELETE');
    // Tab headings are tab labels, not sections; the "---" closing a tab group does not make the
    // paragraph above it a heading.
    expect(t.sections.map((s) => [s.level, s.line, s.title])).toEqual([
      [1, 6, 'DocFX constructs'],
      [2, 19, 'Azure CLI'],
    ]);
    // Two groups of one tab each: every reader sees both, one pivot: one path.
    expect(t.variants).toBeUndefined();
    expect(() => Tutorial.parse(t)).not.toThrow();
  });
});

describe('line endings and size', () => {
  it('CRLF text gives the same model as LF text', async () => {
    const { readFileSync } = await import('node:fs');
    for (const f of ['001-storage-access-key.md', '000-storage.md', '000-key-vault.md']) {
      const text = readFileSync(join(projectRoot, 'tutorials', f), 'utf8');
      expect(parseTutorialText(text.replace(/\n/g, '\r\n'), `tutorials/${f}`), f).toEqual(parseTutorialText(text, `tutorials/${f}`));
    }
  });
  it('stays linear on a large text (thousands of consumers without a producer, long lists)', () => {
    const block = (k: number) =>
      `${k}. Select the thing.\n\n    curl https://h/${k} -H "Authorization: Bearer <ACCESS TOKEN>"\n\n    {"a":${k}}\n\naccess_token_${k}=$(curl 'https://h' | jq -r '.x')\n\n`;
    const text = Array.from({ length: 4000 }, (_, k) => block(k + 1)).join('');
    const t0 = Date.now();
    const t = parseTutorialText(text, 'big.md');
    expect(t.steps.length).toBe(8000); // each item holds its curl, so none is a manual step
    expect(Date.now() - t0).toBeLessThan(15_000);
  }, 60_000);
});
