// The page's example beside what came back: aligned rows coloured by the checks' own differences,
// what matters first, fields only in the response folded.
import { describe, expect, it } from 'vitest';
import type { Difference } from '../../src/check/verdict.ts';
import { diffTable, FOLD_EXTRAS_AT, inlineDiff, jsonRows, stepDiff, textRows } from '../../src/report/html/diff.ts';
import { differencesList } from '../../src/report/html/evidence.ts';
import type { ReportStep } from '../../src/report/schema.ts';
import { sampleReport } from './sample-report.ts';

const d = (path: string, kind: Difference['kind'], message = `${path} ${kind}`): Difference => ({ path, kind, message });

describe('aligned JSON rows', () => {
  it("keeps the example's keys in its order, then what only the response has; colours come from the differences", () => {
    const example = { access_token: '<ACCESS TOKEN>', refresh_token: '', resource: 'https://management.azure.com', token_type: 'Bearer' };
    const actual = { access_token: '[REDACTED:token]', resource: 'https://management.azure.com/', token_type: 'Bearer', client_id: 'c' };
    const rows = jsonRows(example, actual, [d('/refresh_token', 'missing'), d('/resource', 'value'), d('/client_id', 'extra')]);
    expect(rows.map((r) => [r.key ?? null, r.cls, r.left ?? null, r.right ?? null])).toEqual([
      [null, 'same', '{', '{'],
      // A placeholder the check matched is side by side, not a change.
      ['access_token', 'same', '"<ACCESS TOKEN>"', '"[REDACTED:token]"'],
      ['refresh_token', 'missing', '""', null],
      ['resource', 'changed', '"https://management.azure.com"', '"https://management.azure.com/"'],
      ['token_type', 'same', '"Bearer"', '"Bearer"'],
      ['client_id', 'extra', null, '"c"'],
      [null, 'same', '}', '}'],
    ]);
  });

  it(`folds a run of ${FOLD_EXTRAS_AT} or more fields only in the response into one row, per object`, () => {
    const extra = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [`x${i}`, null]));
    const rows = jsonRows({ a: 1, props: { b: 'x' } }, { a: 2, props: { b: 'x', p1: 1, p2: 2 }, ...extra }, [d('/a', 'value'), ...Object.keys(extra).map((k) => d(`/${k}`, 'extra')), d('/props/p1', 'extra'), d('/props/p2', 'extra')]);
    const folded = rows.filter((r) => r.folded);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.folded).toHaveLength(29);
    // Two extras in props stay rows of their own; the change comes first.
    expect(rows.filter((r) => r.cls === 'extra' && !r.folded).map((r) => r.key)).toEqual(['p1', 'p2']);
    expect(rows.findIndex((r) => r.cls === 'changed')).toBeLessThan(rows.findIndex((r) => r.folded));
    const html = diffTable(rows);
    expect(html).toContain('<span class="r-extra">31 only in the response</span>');
    expect(html).toMatch(/<tr class="r-extra fold">.*<summary>\+ 29 fields only in the response: x0, x1/);
  });

  it('aligns text line by line: equal lines pair up, unequal ones between them are changes, the rest one-sided', () => {
    expect(textRows('a\nb\nc', 'a\nB\nc\nd').map((r) => [r.cls, r.left ?? null, r.right ?? null])).toEqual([
      ['same', 'a', 'a'],
      ['changed', 'b', 'B'],
      ['same', 'c', 'c'],
      ['extra', null, 'd'],
    ]);
    expect(textRows('x\ny', 'y').map((r) => r.cls)).toEqual(['missing', 'same']);
  });

  it('marks only the differing middle of a changed value', () => {
    expect(inlineDiff('"https://management.azure.com"', '"https://management.azure.com/"')).toEqual(['&quot;https://management.azure.com&quot;', '&quot;https://management.azure.com<ins>/</ins>&quot;']);
    expect(inlineDiff('"Full"', '"FULL"')).toEqual(['&quot;F<del>ull</del>&quot;', '&quot;F<ins>ULL</ins>&quot;']);
  });
});

describe('a step of the sample report', () => {
  const steps = async () => (await sampleReport()).report.tutorials.flatMap((t) => t.steps);
  const extras = (s: ReportStep) => s.checks.flatMap((c) => c.differences).filter((x) => x.kind === 'extra').length;

  it('defect: a drift with many "extra field" rows buried the differences that matter: they come first, the extras are one folded group', async () => {
    const s = (await steps()).find((x) => extras(x) >= FOLD_EXTRAS_AT && x.checks.some((c) => c.differences.some((y) => y.kind !== 'extra')))!;
    expect(s).toBeDefined();
    const list = differencesList(s);
    const items = [...list.matchAll(/<li class="d-([a-z]+)">/g)].map((m) => m[1]);
    const others = s.checks.flatMap((c) => c.differences).filter((x) => x.kind !== 'extra').length;
    expect(items).toHaveLength(others + 1);
    expect(items.slice(0, -1)).not.toContain('extra');
    expect(items.at(-1)).toBe('extra');
    expect(list).toContain(`${extras(s)} fields only in the response, not in the example`);
    const diff = stepDiff(s);
    expect('rows' in diff).toBe(true);
    if ('rows' in diff) {
      expect(diff.rows.filter((r) => r.cls === 'extra' && !r.folded).length).toBeLessThan(FOLD_EXTRAS_AT * 2);
      expect(diff.coversResponse).toBe(true);
    }
  });

  it('does not align an error with a success example: it says why', async () => {
    const report = structuredClone((await sampleReport()).report);
    const s = report.tutorials.flatMap((t) => t.steps).find((x) => x.expectation?.kind === 'json' && x.response)!;
    s.checks = [{ layer: 'example', ok: false, differences: [{ path: 'status', kind: 'status', expected: 'a success (the page shows its body)', actual: '401', message: 'the request answered 401' }] }];
    expect(stepDiff(s)).toEqual({ none: expect.stringMatching(/answered 401; the page shows a successful response/) });
  });

  it('an HTTP transcript example is aligned by status, the headers it shows, and its body', async () => {
    const report = structuredClone((await sampleReport()).report);
    const s = report.tutorials.flatMap((t) => t.steps).find((x) => x.kind === 'http' && x.response && x.response.status === 200 && x.response.body === 'Hello world!')!;
    s.expectation = { kind: 'http', line: { start: 90, end: 94 }, raw: 'HTTP/1.1 201 Created\nContent-Type: text/plain\nx-ms-version: 2017-11-09\n\nHello world! :)' };
    s.checks = [{ layer: 'example', ok: false, differences: [d('status', 'status', 'status 200, the example shows 201'), d('header:x-ms-version#1', 'header'), d('/', 'value')] }];
    const diff = stepDiff(s);
    if (!('rows' in diff)) throw new Error(diff.none);
    expect(diff.rows.map((r) => [r.cls, r.left ?? null, r.right ?? null])).toEqual([
      ['changed', 'HTTP/1.1 201 Created', 'HTTP/1.1 200 OK'],
      ['same', 'Content-Type: text/plain', 'Content-Type: text/plain'],
      ['changed', 'x-ms-version: 2017-11-09', 'x-ms-version: 2017-11-09'],
      ['changed', 'Hello world! :)', 'Hello world!'],
    ]);
  });
});
