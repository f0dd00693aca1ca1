// Recall locates a golden defect whose text is in a file the page includes (the manifest's
// `includes`) in that file: only a finding of its class on those lines of that file finds it — the
// same line number on the page does not — and a failing step written there finds it too.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/lint/finding.ts';
import type { Report, ReportStep } from '../../src/report/schema.ts';
import type { Golden } from './golden.ts';
import { recall } from './recall.ts';

const PAGE = 'articles/x/page.md';
const INC = 'includes/part.md';
const texts: Record<string, string> = {
  [PAGE]: '# Page\n\n[!INCLUDE [part](../../includes/part.md)]\n\nThe end.\n',
  [INC]: '---\nms.topic: include\n---\n\n```bash\naz group create \u2013-name g\n```\n',
};

const golden = (where: string): Golden =>
  ({ page: PAGE, commit: '0'.repeat(40), works: true, readings: [{ by: 't', date: '2026-12-06' }], variants: [], steps: [], placeholders: [], lint: { errors: [] }, defects: [{ class: 'lookalike-char', where, note: 'en dash' }], assumptions: [] }) as unknown as Golden;

const finding = (file: string, line: number): Finding => ({ rule: 'lookalike-dash-in-flag', severity: 'error', message: 'en dash', file, line });

function report(findings: Finding[], steps: ReportStep[] = []): Report {
  return { version: 2, target: 'emulator', engine: 'http', startedAt: '', durationMs: 0, summary: { pass: 0, drift: 0, fail: 0, unsupported: 0, blocked: 0, manual: 0, skipped: 0 }, tutorials: [{ file: `tests/corpus/${PAGE}`, title: 'Page', steps, findings }] } as Report;
}

const measure = (r: Report, where = 'az group create \u2013-name g', includes: string[] = [INC]) =>
  recall(r, new Map([[PAGE, golden(where)]]), (f) => texts[f]!, new Set(), () => includes);
const found = (r: ReturnType<typeof measure>) => r.byClass.get('lookalike-char')!.found;

describe('recall of a defect in an include', () => {
  it('is located in the include and found by a finding on that file\'s line', () => {
    const r = measure(report([finding(`tests/corpus/${INC}`, 6)]));
    expect([found(r), r.unlocated, r.missed]).toEqual([1, [], []]);
  });

  it('is not found by a finding on the same line number of the page', () => {
    const r = measure(report([finding(`tests/corpus/${PAGE}`, 6)]));
    expect(found(r)).toBe(0);
    expect(r.missed).toEqual([{ page: PAGE, class: 'lookalike-char', where: 'az group create \u2013-name g' }]);
  });

  it('is found by a failing step written in the include whose reason names it', () => {
    const step = { id: 's1', kind: 'az', line: { start: 6, end: 6 }, file: `tests/corpus/${INC}`, raw: 'az group create \u2013-name g', verdict: 'fail', reason: 'an en dash U+2013', checks: [] } as ReportStep;
    const g = golden('az group create \u2013-name g');
    g.steps = [{ text: 'az group create \u2013-name g', expect: 'fail', why: 'en dash', reason: 'U\\+2013', cite: 'x', variant: null, occurrence: 1 }] as Golden['steps'];
    const r = recall(report([], [step]), new Map([[PAGE, g]]), (f) => texts[f]!, new Set(), () => [INC]);
    expect(found(r)).toBe(1);
  });

  it('is unlocated when the page does not include the file that holds it', () => {
    const r = measure(report([finding(`tests/corpus/${INC}`, 6)]), undefined, []);
    expect(r.unlocated).toHaveLength(1);
    expect(found(r)).toBe(0);
  });
});
