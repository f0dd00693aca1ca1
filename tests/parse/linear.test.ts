// Regression tests for parse work that grew with the square of a run of lines: before the fix each
// input below took longer than the test timeout (every line re-read the run after it).
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';

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
