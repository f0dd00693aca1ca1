import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.ts';
import type { Report } from '../../src/report/schema.ts';
import { sampleReport } from './sample-report.ts';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml) as { testsuites: Node & { testsuite: (Node & { testcase: Node[] })[] } };
}

describe('junit.xml', () => {
  it('one testsuite per tutorial, one testcase per step, counts that add up', async () => {
    const { report } = await sampleReport();
    const doc = parse(renderJunit(report));
    const suites = doc.testsuites.testsuite;
    expect(suites).toHaveLength(report.tutorials.length);
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    suites.forEach((s, i) => {
      const t = report.tutorials[i]!;
      expect(s['@name']).toBe(t.title);
      expect(s.testcase).toHaveLength(t.steps.length);
      const f = s.testcase.filter((c) => c['failure'] !== undefined).length;
      const k = s.testcase.filter((c) => c['skipped'] !== undefined).length;
      expect(Number(s['@tests'])).toBe(t.steps.length);
      expect(Number(s['@failures'])).toBe(f);
      expect(Number(s['@skipped'])).toBe(k);
      expect(Number(s['@errors'])).toBe(0);
      tests += t.steps.length;
      failures += f;
      skipped += k;
    });
    expect(Number(doc.testsuites['@tests'])).toBe(tests);
    expect(Number(doc.testsuites['@failures'])).toBe(failures);
    expect(Number(doc.testsuites['@skipped'])).toBe(skipped);
    expect(failures).toBe(report.summary.fail);
    expect(skipped).toBe(report.summary.blocked + report.summary.manual + report.summary.skipped);
  });

  it('fail → <failure type="<kind>">; blocked → skipped "blocked by sX"; manual → skipped; drift → system-out, or a failure when asked', async () => {
    const { report } = await sampleReport();
    const cases = parse(renderJunit(report)).testsuites.testsuite.flatMap((s) => s.testcase);
    const steps = report.tutorials.flatMap((t) => t.steps);
    steps.forEach((step, i) => {
      const c = cases[i]!;
      expect(String(c['@name'])).toMatch(new RegExp(`^${step.id} ${step.kind} line ${step.line.start}: `));
      if (step.verdict === 'fail') expect((c['failure'] as Node)['@type']).toBe(step.failure);
      if (step.verdict === 'blocked') expect((c['skipped'] as Node)['@message']).toBe(`blocked by ${step.blockedBy}`);
      if (step.verdict === 'manual') expect(String((c['skipped'] as Node)['@message'])).toMatch(/^manual: /);
      if (step.verdict === 'drift') {
        expect(c['failure']).toBeUndefined();
        expect(String(c['system-out'])).toContain(step.reason.slice(0, 40));
      }
    });
    expect(steps.some((s) => s.verdict === 'fail')).toBe(true);
    expect(steps.some((s) => s.verdict === 'drift')).toBe(true);
    expect(steps.some((s) => s.verdict === 'blocked')).toBe(true);

    const strict = parse(renderJunit(report, { failOn: ['fail', 'drift'] }));
    const drifted = strict.testsuites.testsuite.flatMap((s) => s.testcase).filter((c) => (c['failure'] as Node | undefined)?.['@type'] === 'drift');
    expect(drifted).toHaveLength(report.summary.drift);
    expect(Number(strict.testsuites['@failures'])).toBe(report.summary.fail + report.summary.drift);
  });

  it('escapes markup and removes characters XML cannot hold', async () => {
    const { report } = await sampleReport();
    const r = structuredClone(report) as Report;
    const step = r.tutorials[0]!.steps.find((s) => s.verdict === 'fail' || s.verdict === 'drift')!;
    step.reason = 'a <b>"quoted"</b> & \u0007bell\u0000 \uD800 ]]> end';
    r.tutorials[0]!.title = 'Tutorial <with> "markup" & \u001b[31mcolour';
    const xml = renderJunit(r);
    const doc = parse(xml);
    expect(doc.testsuites.testsuite[0]!['@name']).toBe('Tutorial <with> "markup" & \uFFFD[31mcolour');
    expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(xml).toContain('a &lt;b&gt;');
  });
});

describe('junit.xml times', () => {
  it('testcase time is the step duration in seconds; a suite is the sum of its steps', async () => {
    const { report } = await sampleReport();
    const doc = parse(renderJunit(report));
    const suite = doc.testsuites.testsuite[0]!;
    const steps = report.tutorials[0]!.steps;
    steps.forEach((s, i) => expect(Number(suite.testcase[i]!['@time'])).toBeCloseTo((s.durationMs ?? 0) / 1000, 3));
    expect(Number(suite['@time'])).toBeCloseTo(steps.reduce((n, s) => n + (s.durationMs ?? 0), 0) / 1000, 3);
    expect(steps.some((s) => (s.durationMs ?? 0) > 0)).toBe(true);
  });
});
