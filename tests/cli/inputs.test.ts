// Which files a run or a lint reads: folders searched recursively, quoted globs expanded by the
// tool, include files and tool folders skipped, and anything that is not a regular markdown file
// refused with what it is — never read (a FIFO blocks forever, /dev/zero fills the memory).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTutorialFiles, type SkippedInput } from '../../src/run/files.ts';
import { ToolError } from '../../src/errors.ts';
import { projectRoot } from '../../src/tutorials/manifest.ts';

const bin = join(projectRoot, 'bin/tutorial-conformance.js');
let root: string;
const page = '# A page\n\nText.\n';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tc-inputs-'));
  const files = ['docs/a.md', 'docs/b/c.md', 'docs/b/d/e.md', 'docs/b/notes.txt', 'docs/includes/part.md', 'docs/b/includes/other.md', 'docs/node_modules/pkg/readme.md', 'docs/.git/x.md', 'docs/.hidden/y.md', 'docs/.dot.md', 'docs/Z.MD', 'other/f.md', 'other/g.markdown'];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), page);
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rel = (files: string[]): string[] => files.map((f) => relative(root, f));
function resolveIn(paths: string[]): { files: string[]; skipped: SkippedInput[] } {
  const skipped: SkippedInput[] = [];
  const files = rel(resolveTutorialFiles(paths.map((p) => (p.startsWith('/') ? p : join(root, p))), { onSkip: (s) => skipped.push({ path: relative(root, s.path), why: s.why }) }));
  return { files, skipped };
}
function refusal(paths: string[]): string {
  try {
    resolveIn(paths);
  } catch (err) {
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).exitCode).toBe(2);
    return (err as ToolError).message;
  }
  throw new Error(`${paths.join(' ')} was accepted`);
}

describe('folders are searched recursively', () => {
  it('every *.md below, in name order; includes/, node_modules/ and hidden folders skipped', () => {
    expect(resolveIn(['docs']).files).toEqual(['docs/Z.MD', 'docs/a.md', 'docs/b/c.md', 'docs/b/d/e.md']);
  });

  it('a folder named includes given explicitly is searched (the user asked for it)', () => {
    expect(resolveIn(['docs/includes']).files).toEqual(['docs/includes/part.md']);
  });

  it('files, folders and globs together, each file once, in the order given', () => {
    expect(resolveIn(['other/f.md', 'other', 'docs/a.md']).files).toEqual(['other/f.md', 'other/g.markdown', 'docs/a.md']);
  });
});

describe('globs, quoted so that the tool expands them', () => {
  it.each([
    ['docs/**/*.md', ['docs/a.md', 'docs/b/c.md', 'docs/b/d/e.md']],
    ['docs/*.md', ['docs/a.md']],
    ['docs/b/**', ['docs/b/c.md', 'docs/b/d/e.md']],
    ['{docs,other}/[af].md', ['docs/a.md', 'other/f.md']],
    ['docs/b/?.md', ['docs/b/c.md']],
    ['docs/**/includes/*.md', ['docs/b/includes/other.md', 'docs/includes/part.md']],
    ['docs/.*.md', ['docs/.dot.md']],
  ])('%s', (pattern, expected) => {
    expect(resolveIn([pattern]).files).toEqual(expected);
  });

  it('a pattern that matches no page is an error naming it', () => {
    expect(refusal(['docs/**/*.rst'])).toMatch(/docs\/\*\*\/\*\.rst: the pattern matches no file/);
    expect(refusal(['docs/b/*.txt'])).toMatch(/the pattern matches 1 file\(s\) but no markdown page/);
  });
});

describe('defect 13: a *.md symlink to /dev/zero grew memory to 6.8 GB; a FIFO named *.md blocked forever', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-special-'));
    writeFileSync(join(dir, 'good.md'), page);
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given by name, each is refused with what it is (exit 2), and nothing is read', () => {
    expect(refusal([join(dir, 'fifo.md')])).toMatch(/fifo\.md: a named pipe \(FIFO\), not a regular file; a pipe or a process substitution .* save the text to a file/);
    expect(refusal([join(dir, 'zero.md')])).toMatch(/zero\.md: a character device \(a symlink to \/dev\/zero\), not a regular file/);
  });

  it('found in a folder, each is skipped and said; the regular pages run', () => {
    const { files, skipped } = resolveIn([dir]);
    expect(files).toEqual([relative(root, join(dir, 'good.md'))]);
    expect(skipped.map((s) => [s.path.replace(/^.*\//, ''), s.why.replace(/[,;].*/, '')])).toEqual([
      ['fifo.md', 'a named pipe (FIFO)'],
      ['zero.md', 'a character device (a symlink to /dev/zero)'],
    ]);
  });

  it('through the CLI: run on the FIFO ends at once with exit 2 and the message (no hang)', async () => {
    const r = await execa('node', [bin, 'run', join(dir, 'fifo.md'), '--out', join(dir, 'out')], { cwd: projectRoot, reject: false, timeout: 30_000 });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/E_TUTORIAL_UNREADABLE: .*fifo\.md: a named pipe \(FIFO\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('defect 20: unclear input errors (a symlink loop was "no such file", a folder named sub.md "holds no *.md", lint <(cat t.md) "empty file")', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tc-unclear-'));
    symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
    symlinkSync('gone.md', join(dir, 'dangling.md'));
    mkdirSync(join(dir, 'sub.md'));
    writeFileSync(join(dir, 'sub.md', 'notes.txt'), 'not a page');
    writeFileSync(join(dir, 't.md'), `# T\n\n\`\`\`bash\ncurl -H Metadata:true http://169.254.169.254/metadata/instance?api-version=2021-02-01\n\`\`\`\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a symlink loop says so; a dangling symlink names its target', () => {
    expect(refusal([join(dir, 'loop-a.md')])).toMatch(/loop-a\.md: a symlink loop/);
    expect(refusal([join(dir, 'dangling.md')])).toMatch(/dangling\.md: a symlink to gone\.md, which does not exist/);
  });

  it('a folder named sub.md is called a folder', () => {
    expect(refusal([join(dir, 'sub.md')])).toMatch(/sub\.md: a folder, not a markdown file, and it holds no \*\.md page/);
  });

  it('lint <(cat t.md) names the pipe and says what to do (exit 2)', async () => {
    const r = await execa('bash', ['-c', `node ${JSON.stringify(bin)} lint <(cat ${JSON.stringify(join(dir, 't.md'))})`], { cwd: projectRoot, reject: false, timeout: 30_000 });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/fd\/\d+: a named pipe \(FIFO\), not a regular file; a pipe or a process substitution such as <\(cat page\.md\) gives one: save the text to a file and pass that/);
  });
});

describe('defect 10: `run package.json` executed no step and exited 0', () => {
  it('a file that is not markdown is a clear error, exit 2, before anything boots', async () => {
    const out = mkdtempSync(join(tmpdir(), 'tc-notmd-'));
    try {
      const r = await execa('node', [bin, 'run', 'package.json', '--out', out], { cwd: projectRoot, reject: false });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toBe("tutorial-conformance run: E_TUTORIAL_UNREADABLE: package.json: not a markdown page (*.md); pass markdown pages, folders or quoted globs such as 'docs/**/*.md'");
      expect(r.stdout).toBe('');
      expect(execFileSync('ls', ['-A', out], { encoding: 'utf8' })).toBe('');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
