// junit.xml: one testsuite per tutorial, one testcase per step. fail → <failure type="<kind>">
// (a fail the sidecar expects → skipped, "expected failure: …"); drift → a property and system-out;
// unsupported → skipped with its reason; blocked → skipped "blocked by sX"; manual/skipped → skipped.
// A verdict `--fail-on` names (drift, unsupported) is a <failure> instead, as the exit code counts it.
// A pure function of the report.
import { FAILURE_KINDS, UNSUPPORTED_REASONS } from '../check/verdict.ts';
import { stepFile, tutorialLabel, type Report, type ReportStep, type ReportTutorial } from './schema.ts';
import { failing, type FailOn } from './exit-code.ts';

export interface JunitOptions {
  /** The verdicts that fail the run (`--fail-on`); they are <failure> elements too. Default: fail only. */
  failOn?: FailOn;
}

// XML 1.0 allows tab, LF, CR and U+0020 upward except surrogates and U+FFFE/U+FFFF.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: unknown): string {
  return String(s ?? '')
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function xmlAttr(s: unknown): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function evidence(s: ReportStep, t: ReportTutorial): string {
  const lines = [`${stepFile(t, s)}:${s.line.start}${t.seed && s.file === undefined ? ` (seed ${t.seed.file}:${s.line.start + t.seed.firstLine - 1})` : ''}`, s.raw.trim(), '', s.reason];
  for (const c of s.checks) {
    if (c.skipped) lines.push(`[${c.layer}] skipped: ${c.skipped}`);
    for (const d of c.differences) lines.push(`[${c.layer}] ${d.path} (${d.kind}): ${d.message}`);
  }
  if (s.suggestion) lines.push(`suggested: ${s.suggestion}`);
  return lines.join('\n');
}

function testcase(t: ReportTutorial, s: ReportStep, o: JunitOptions): string {
  const firstLine = s.raw.trim().split('\n')[0] ?? '';
  const name = `${s.id} ${s.kind} line ${s.line.start}: ${firstLine.length > 100 ? firstLine.slice(0, 99) + '…' : firstLine}`;
  const open = `<testcase name="${xmlAttr(name)}" classname="${xmlAttr(tutorialLabel(t))}" file="${xmlAttr(stepFile(t, s))}" line="${s.line.start}" time="${seconds(s.durationMs ?? 0)}">`;
  const props = `<properties><property name="verdict" value="${xmlAttr(s.verdict)}"/>${s.failure ? `<property name="failure" value="${xmlAttr(s.failure)}"/>` : ''}${s.unsupported ? `<property name="unsupported" value="${xmlAttr(s.unsupported)}"/>` : ''}</properties>`;
  const failOn = o.failOn ?? ['fail'];
  switch (s.verdict) {
    case 'pass':
      return `${open}${props}</testcase>`;
    case 'fail': {
      if (s.expectedFailure !== undefined) return `${open}${props}<skipped message="${xmlAttr(`expected failure (${s.expectedFailure}): ${s.reason}`)}"/></testcase>`;
      const type = s.failure ?? 'fail';
      const title = s.failure ? FAILURE_KINDS[s.failure].title : 'fail';
      return `${open}${props}<failure type="${xmlAttr(type)}" message="${xmlAttr(`${title}: ${s.reason}`)}">${xmlText(evidence(s, t))}</failure></testcase>`;
    }
    case 'drift':
      return failing(s, failOn)
        ? `${open}${props}<failure type="drift" message="${xmlAttr(s.reason)}">${xmlText(evidence(s, t))}</failure></testcase>`
        : `${open}${props}<system-out>${xmlText(evidence(s, t))}</system-out></testcase>`;
    case 'unsupported': {
      const title = s.unsupported ? UNSUPPORTED_REASONS[s.unsupported].title : 'unsupported';
      return failing(s, failOn)
        ? `${open}${props}<failure type="unsupported" message="${xmlAttr(`${title}: ${s.reason}`)}">${xmlText(evidence(s, t))}</failure></testcase>`
        : `${open}${props}<skipped message="${xmlAttr(`unsupported: ${s.reason}`)}"/></testcase>`;
    }
    case 'blocked':
      return `${open}${props}<skipped message="${xmlAttr(s.blockedBy ? `blocked by ${s.blockedBy}` : s.reason)}"/></testcase>`;
    case 'manual':
    case 'skipped':
      return `${open}${props}<skipped message="${xmlAttr(`${s.verdict}: ${s.reason}`)}"/></testcase>`;
    default: {
      const never: never = s.verdict;
      return never;
    }
  }
}

function counts(steps: readonly ReportStep[], o: JunitOptions) {
  const failures = steps.filter((s) => failing(s, o.failOn ?? ['fail'])).length;
  const skipped = steps.filter((s) => !failing(s, o.failOn ?? ['fail']) && s.verdict !== 'pass' && s.verdict !== 'drift').length;
  return { tests: steps.length, failures, skipped };
}

export function renderJunit(report: Report, o: JunitOptions = {}): string {
  const all = report.tutorials.flatMap((t) => t.steps);
  const total = counts(all, o);
  const suites = report.tutorials.map((t, i) => {
    const c = counts(t.steps, o);
    return `  <testsuite name="${xmlAttr(t.variant === undefined ? t.title : `${t.title} (${t.variant})`)}" id="${i}" file="${xmlAttr(t.file)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${seconds(t.steps.reduce((n, s) => n + (s.durationMs ?? 0), 0))}" timestamp="${xmlAttr(report.startedAt)}">
    ${t.steps.map((s) => testcase(t, s, o)).join('\n    ')}
  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="tutorial-conformance" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="${total.skipped}" time="${seconds(report.durationMs)}">
${suites.join('\n')}
</testsuites>
`;
}
