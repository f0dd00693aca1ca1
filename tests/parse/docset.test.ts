// Includes resolve inside the docset root (design.md, "The docset root"): --docset-root DIR, else
// the nearest folder upwards holding docfx.json (stopping at the git root), else the page's own
// folder; checked on the real path; anything outside, or anything but a regular file, is a
// missing-include diagnostic on that page and is never read.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findDocsetRoot, parseTutorialFile } from '../../src/parse/index.ts';
import type { Tutorial } from '../../src/model.ts';

const base = mkdtempSync(join(os.tmpdir(), 'tc-docset-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const fence = (text: string) => `\`\`\`bash\n${text}\n\`\`\`\n`;
const include = (target: string) => `[!INCLUDE [part](${target})]\n`;

function write(rel: string, text: string): string {
  const path = join(base, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** For each [!INCLUDE] line: whether it resolved, and the reason given when it did not. */
function includes(t: Tutorial): Array<[number, string]> {
  return t.diagnostics
    .filter((d) => d.code === 'include' || d.code === 'missing-include')
    .map((d) => [d.line, d.code === 'include' ? 'resolved' : (/\((.*)\); its steps/.exec(d.message)?.[1] ?? d.message)]);
}

const raws = (t: Tutorial) => t.steps.map((s) => s.raw);

// A docs tree: docfx.json at its root, an article two folders down, shared includes at the root.
write('docs/docfx.json', '{}');
write('docs/includes/create.md', fence('curl https://example.com/from-relative-include'));
write('docs/includes/shared.md', fence('curl https://example.com/from-docset-root-include'));
// What a hostile or careless page might reach: a file beside the docs tree.
write('private/notes.md', fence('curl -H "api-key: s3cret-outside-the-docs" https://example.com/leak'));

describe('the docset root', () => {
  it('is the nearest folder upwards holding docfx.json', () => {
    const page = write('docs/articles/storage/page.md', '# Page\n');
    expect(findDocsetRoot(page)).toBe(join(base, 'docs'));
  });

  it('stops at the git root: a docfx.json above it is not this page\'s', () => {
    const page = write('docs/vendored/repo/articles/page.md', '# Page\n');
    mkdirSync(join(base, 'docs/vendored/repo/.git'), { recursive: true });
    expect(findDocsetRoot(page)).toBe(join(base, 'docs/vendored/repo/articles'));
  });

  it('is the page\'s own folder without docfx.json', () => {
    const page = write('loose/sub/page.md', '# Page\n');
    expect(findDocsetRoot(page)).toBe(join(base, 'loose/sub'));
  });
});

describe('includes resolve inside the docset root', () => {
  it('relative and ~/ targets inside the root are read, their steps in the include line\'s place', () => {
    const page = write('docs/articles/storage/inside.md', `# Page\n\n${include('../../includes/create.md')}\n${include('~/includes/shared.md')}`);
    const t = parseTutorialFile(page);
    expect(includes(t)).toEqual([
      [3, 'resolved'],
      [5, 'resolved'],
    ]);
    expect(raws(t)).toEqual(['curl https://example.com/from-relative-include', 'curl https://example.com/from-docset-root-include']);
  });

  it('a target outside the root is a diagnostic naming the root, and is never read', () => {
    const page = write('docs/articles/outside.md', `# Page\n\n${include('../../private/notes.md')}`);
    const t = parseTutorialFile(page);
    expect(includes(t)).toEqual([[3, expect.stringMatching(/private\/notes\.md is outside the docset root .*docs; it is not read \(give --docset-root/)]]);
    expect(JSON.stringify(t)).not.toContain('s3cret-outside-the-docs');
  });

  it('a symlink inside the root that leads outside is refused on its real path', () => {
    symlinkSync(join(base, 'private/notes.md'), join(base, 'docs/includes/link.md'));
    const page = write('docs/articles/symlinked.md', `# Page\n\n${include('../includes/link.md')}`);
    const t = parseTutorialFile(page);
    expect(includes(t)).toEqual([[3, expect.stringMatching(/includes\/link\.md is outside the docset root .* \(through a symlink\)/)]]);
    expect(JSON.stringify(t)).not.toContain('s3cret-outside-the-docs');
  });

  it('an absolute path or a URL is refused', () => {
    const page = write('docs/articles/absolute.md', `# Page\n\n${include(join(base, 'docs/includes/create.md'))}\n${include('https://example.com/x.md')}`);
    expect(includes(parseTutorialFile(page))).toEqual([
      [3, expect.stringMatching(/^an absolute path; write it relative to the page or to the docset root/)],
      [5, 'a URL, not a file of the docset'],
    ]);
  });

  it('a target that is not a regular file (a named pipe, a folder) is refused without opening it', () => {
    execFileSync('mkfifo', [join(base, 'docs/includes/pipe.md')]);
    mkdirSync(join(base, 'docs/includes/folder.md'));
    write('docs/includes/binary.md', 'curl https://example.com\u0000\u0001');
    const page = write('docs/articles/special.md', `# Page\n\n${include('../includes/pipe.md')}\n${include('../includes/folder.md')}\n${include('../includes/binary.md')}`);
    expect(includes(parseTutorialFile(page))).toEqual([
      [3, expect.stringMatching(/pipe\.md is not a regular file \(a named pipe\); it is not read/)],
      [5, expect.stringMatching(/folder\.md is not a regular file \(a folder\)/)],
      [7, expect.stringMatching(/binary\.md is binary/)],
    ]);
  });

  it('without docfx.json the page\'s folder is the root; --docset-root widens it', () => {
    write('plain/common/part.md', fence('curl https://example.com/common-part'));
    const page = write('plain/guide/page.md', `# Page\n\n${include('../common/part.md')}`);
    expect(includes(parseTutorialFile(page))).toEqual([[3, expect.stringMatching(/outside the docset root .*plain\/guide/)]]);
    const t = parseTutorialFile(page, { docsetRoot: join(base, 'plain') });
    expect(includes(t)).toEqual([[3, 'resolved']]);
    expect(raws(t)).toEqual(['curl https://example.com/common-part']);
  });

  it('an include cycle ends with a diagnostic', () => {
    write('docs/includes/a.md', include('b.md'));
    write('docs/includes/b.md', include('a.md'));
    const page = write('docs/articles/cycle.md', `# Page\n\n${include('../includes/a.md')}`);
    const t = parseTutorialFile(page);
    expect(t.diagnostics.some((d) => d.code === 'missing-include' && /nest more than 8 deep/.test(d.message))).toBe(true);
  });
});
