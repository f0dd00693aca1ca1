// defect: the pages a page links to for "the variables defined in [page](x.md)" were read inside the
// docset root found upwards from the page (docfx.json), even when the user named the docs tree with
// --docset-root: a linked page inside the named root but above the nearest docfx.json was not read, so
// its variables were reported unassigned — while the page's includes were read from that same root.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../src/lint/index.ts';
import { readRepoFile } from './helpers.ts';

const REAL = 'tests/lint/fixtures/real/';
const WITH_COMMON = `${REAL}arc-solution-with-common-configuration.excerpt.md`;
const WITHOUT_COMMON = `${REAL}arc-solution-without-common-configuration.excerpt.md`;

describe('linked pages are read inside --docset-root', () => {
  it('a linked page inside the named root (above the nearest docfx.json) is read; without the option it is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-linked-root-'));
    try {
      mkdirSync(join(dir, 'docs/articles'), { recursive: true });
      writeFileSync(join(dir, 'docs/docfx.json'), '{}');
      const file = join(dir, 'docs/articles/solution-with-common-configuration.md');
      writeFileSync(file, readRepoFile(WITH_COMMON).replace('](solution-without-common-configuration.md', '](../../solution-without-common-configuration.md'));
      writeFileSync(join(dir, 'solution-without-common-configuration.md'), readRepoFile(WITHOUT_COMMON));
      const unset = async (opts: { docsetRoot?: string }) =>
        (await lintFiles([file], opts))[0]!.findings.filter((f) => f.rule === 'shell-unassigned-variable').map((f) => /\$(\w+)/.exec(f.message)?.[1]);
      expect(await unset({})).toContain('subId'); // outside the docfx.json root: not read
      const named = await unset({ docsetRoot: dir });
      expect(named).not.toContain('subId'); // inside the named root: read
      expect(named).toContain('siteId'); // assigned on neither page
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
