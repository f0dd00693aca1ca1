// Regression tests for parse work that grew with the square of a run of lines: before the fix each
// input below took longer than the test timeout (every line re-read the run after it).
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { groupPlaceholders } from '../../src/parse/placeholders.ts';

const RUN = 20_000;
/** A rendered page's first line is its title; the runs start on line 3. */
const page = (lines: string[]): string => ['Runs of lines', '', ...lines, ''].join('\n');

describe('runs of lines are read once', () => {
  it('a quote left open in a long paragraph: the paragraph is tokenized once, not once per line', () => {
    const text = page(["curl 'https://example.com/a", ...Array.from({ length: RUN }, (_, k) => `line ${k}`), '', 'curl https://example.com/b']);
    const t = parseTutorialText(text, 'open-quote.md');
    expect(t.steps.map((s) => [s.source.startLine, s.source.endLine])).toEqual([
      [3, 3],
      [RUN + 5, RUN + 5],
    ]);
    expect(t.diagnostics.filter((d) => d.code === 'unbalanced-quote').map((d) => d.line)).toEqual([3]);
  });
  it('a quote closed many lines later makes one command of those lines', () => {
    const text = page(["curl -d '{", ...Array.from({ length: RUN }, (_, k) => `"k${k}": ${k},`), "}' https://example.com/a"]);
    const t = parseTutorialText(text, 'long-quote.md');
    expect(t.steps.map((s) => [s.kind, s.source.startLine, s.source.endLine])).toEqual([['http', 3, RUN + 4]]);
  });
  it('a long run of "#" lines before a command: each line is a comment, found without re-reading the run', () => {
    const run = 2.5 * RUN;
    const text = page([...Array.from({ length: run }, (_, k) => `# note ${k}`), 'curl https://example.com/a']);
    const t = parseTutorialText(text, 'comments.md');
    expect(t.steps).toHaveLength(run + 1);
    expect(t.steps[run]!.kind).toBe('http');
  });
  it('a long run of blank lines inside a JSON block is skipped at once', () => {
    const text = page(['curl https://example.com/a', '', '{', ...Array.from({ length: 15 * RUN }, () => ''), '"a": 1', '}']);
    const t = parseTutorialText(text, 'blank-json.md');
    expect(t.steps[0]!.expectation).toMatchObject({ kind: 'json', valid: true, value: { a: 1 } });
  });
});

describe('defect: a page of numbered names made parsing quadratic (every $tokenN was a misspelt twin of every other: 4,000 of them, 8 million pairs)', () => {
  const occ = (spelling: string, line: number) => ({ spelling, line, column: 1, inProse: false });
  it('numbered names are a series, never twins; the same number in two similar names still is', () => {
    const names = Array.from({ length: 4000 }, (_, i) => occ(`$token${i}`, i + 1));
    const placeholders = groupPlaceholders([...names, occ('<MY_VAULT1>', 1), occ('<MY_VUALT1>', 2), occ('<MY_VAULT2>', 3), occ('<SUBSCRIPTION_ID>', 4), occ('<SUBSCRIPTON_ID>', 5)]);
    const similar = new Map(placeholders.map((p) => [p.key, p.similarTo]));
    expect(placeholders.filter((p) => p.key.startsWith('TOKEN')).every((p) => p.similarTo.length === 0)).toBe(true);
    expect(similar.get('MY_VAULT1')).toEqual(['MY_VUALT1']);
    expect(similar.get('MY_VAULT2')).toEqual([]);
    expect(similar.get('SUBSCRIPTION_ID')).toEqual(['SUBSCRIPTON_ID']);
  });
});
