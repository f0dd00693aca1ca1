// The precision sweep (scripts/precision-sweep.ts): a seeded sample that is the same everywhere, the
// repository's own pages left out, every error/fail put up for review once, and judgements carried
// over so a known false positive keeps the sweep red until it is fixed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptSheets, listPages, readSkipList, samplePages, seededOrder } from '../../scripts/sweep-sample.ts';
import type { ReviewItem } from '../../scripts/sweep-review.ts';

const root = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'tc-sweep-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function docset(): string {
  const d = mkdtempSync(join(tmp, 'docset-'));
  writeFileSync(join(d, 'docfx.json'), '{}\n');
  mkdirSync(join(d, 'articles/aks/includes'), { recursive: true });
  // A look-alike dash before a flag: az reads "–-name" as a value, not an option (an error-level finding).
  writeFileSync(
    join(d, 'articles/aks/dash.md'),
    '# Create a group\n\n[!INCLUDE [intro](includes/intro.md)]\n\n```azurecli\naz group create \u2013-name myResourceGroup --location eastus\n```\n',
  );
  writeFileSync(join(d, 'articles/aks/clean.md'), '# Nothing to run\n\nJust prose.\n');
  // A page holding a real-looking SAS in a command with a look-alike dash: its line is quoted in the sheets.
  writeFileSync(join(d, 'articles/aks/sas.md'), '# Download\n\n```bash\ncurl \u2013-output b.txt "https://acct1.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig=Zk9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo%3D"\n```\n');
  writeFileSync(join(d, 'articles/aks/includes/intro.md'), 'An include is not a page.\n');
  // A page the repository already holds (tests/fresh) is not never-seen.
  const fresh = JSON.parse(readFileSync(join(root, 'tests/fresh/manifest.json'), 'utf8')) as { pages: { path: string }[] };
  const held = fresh.pages[0]?.path ?? '';
  mkdirSync(join(d, held, '..'), { recursive: true });
  writeFileSync(join(d, held), '# Held\n');
  return d;
}

function sweep(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/precision-sweep.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('seeded sample', () => {
  const pages = Array.from({ length: 40 }, (_, i) => `articles/p${String(i).padStart(2, '0')}.md`);
  it('is the same for a seed, differs between seeds, and a larger sample extends a smaller one', () => {
    expect(seededOrder(pages, '7')).toEqual(seededOrder([...pages].reverse(), '7'));
    expect(seededOrder(pages, '7')).not.toEqual(seededOrder(pages, '8'));
    expect(seededOrder(pages, '7')).not.toEqual(pages);
  });
  it('lists pages but not include files, and leaves out the skip list', () => {
    const d = docset();
    expect(listPages(d, ['articles/aks'])).toEqual(['articles/aks/clean.md', 'articles/aks/dash.md', 'articles/aks/sas.md']);
    const s = samplePages(d, { under: ['articles/aks'], size: 10, seed: '1', skip: new Set(['articles/aks/clean.md', 'articles/aks/sas.md']) });
    expect(s).toEqual({ pages: ['articles/aks/dash.md'], skipped: 2, available: 3 });
    expect(() => listPages(d, ['articles/nope'])).toThrow(/--under articles\/nope: no such folder/);
  });
  it('leaves out the pages of the judged sheets kept in sweeps/ (their "pages" are paths, a manifest\'s are {path})', () => {
    const dir = mkdtempSync(join(tmp, 'sweeps-'));
    writeFileSync(join(dir, 'aks-7.review.json'), JSON.stringify({ seed: '7', pages: ['articles/aks/dash.md'], items: [] }));
    writeFileSync(join(dir, 'notes.md'), 'not a sheet\n');
    expect(keptSheets(dir)).toEqual([join(dir, 'aks-7.review.json')]);
    expect(keptSheets(join(dir, 'none'))).toEqual([]);
    expect([...readSkipList(join(dir, 'aks-7.review.json'))]).toEqual(['articles/aks/dash.md']);
    expect([...readSkipList(join(root, 'tests/fresh/manifest.json'))].length).toBeGreaterThan(100);
  });
});

// Each case spawns the tool (tsx compiles it): minutes on a loaded two-core machine, a guard not a speed check.
describe('precision-sweep script', { timeout: 300_000 }, () => {
  it('puts every error up for review once, and stays red while an item judged false is still produced', () => {
    const d = docset();
    const out = join(tmp, 'out1');
    const first = sweep(['--docset', d, '--sample', '10', '--warnings', '0', '--out', out]);
    expect(first.stderr).toMatch(/sweeping 3 of 4 pages \(seed 1, 1 left out: in tests\/fresh, tests\/corpus, sweeps\/ or a --skip list\)/);
    expect(first.status).toBe(0);
    expect(readFileSync(join(out, 'pages.txt'), 'utf8').split('\n').filter(Boolean).sort()).toEqual(['articles/aks/clean.md', 'articles/aks/dash.md', 'articles/aks/sas.md']);
    // The SAS page's line is in the sheets (its dash is an error), its signature is not.
    for (const sheet of ['review.json', 'review.md']) {
      const text = readFileSync(join(out, sheet), 'utf8');
      expect(text, sheet).toContain('articles/aks/sas.md');
      expect(text, sheet).not.toContain('Zk9vYmFyQmF6UXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo');
    }
    const review = JSON.parse(readFileSync(join(out, 'review.json'), 'utf8')) as { items: ReviewItem[] };
    const dash = review.items.filter((i) => i.rule === 'lookalike-dash-in-flag' && i.page === 'articles/aks/dash.md');
    expect(dash).toHaveLength(1);
    expect(dash[0]).toMatchObject({ kind: 'error', page: 'articles/aks/dash.md', line: 6 });
    expect(review.items.every((i) => i.kind !== 'warning')).toBe(true);
    expect(readFileSync(join(out, 'review.md'), 'utf8')).toMatch(/\| error \| articles\/aks\/dash\.md:6 \| lookalike-dash-in-flag \|.*\*\*to review\*\*/);

    // Judged false: the next sweep carries the judgement over and exits 1 until the rule stops saying it.
    const judged = { items: review.items.map((i) => (i.rule === 'lookalike-dash-in-flag' ? { ...i, judgement: 'false', why: 'test' } : i)) };
    writeFileSync(join(tmp, 'judged.json'), JSON.stringify(judged));
    const again = sweep(['--docset', d, '--sample', '10', '--warnings', '0', '--reviewed', join(tmp, 'judged.json'), '--out', join(tmp, 'out2')]);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/still false: error articles\/aks\/dash\.md:6 lookalike-dash-in-flag test/);
    const real = { items: review.items.map((i) => ({ ...i, judgement: 'real' })) };
    writeFileSync(join(tmp, 'real.json'), JSON.stringify(real));
    const third = sweep(['--docset', d, '--sample', '10', '--warnings', '0', '--reviewed', join(tmp, 'real.json'), '--out', join(tmp, 'out3')]);
    expect(third.status).toBe(0);
    expect(third.stdout).toMatch(/^error\s+[1-9]\d*\s+0\s+0\s+0$/m); // every item judged real, none left to review
  });

  it('refuses bad arguments with the usage and exit 2, without a stack trace', () => {
    const d = docset();
    for (const [args, said] of [
      [[], /--docset DIR is required/],
      [['--docset', d, '--sample', 'ten'], /--sample ten: a whole number is needed/],
      [['--docset', d, '--under', 'articles/none'], /--under articles\/none: no such folder/],
      [['--docset', d, '--bogus'], /Unknown option '--bogus'/],
    ] as const) {
      const r = sweep([...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(said);
      expect(r.stderr).toMatch(/usage: npm run sweep:precision/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names a judgement it cannot read', () => {
    const d = docset();
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify({ items: [{ key: 'k', judgement: 'maybe' }] }));
    const r = sweep(['--docset', d, '--reviewed', join(tmp, 'bad.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/items\[0\]\.judgement is "maybe"; use real, false or unverified/);
  });
});
