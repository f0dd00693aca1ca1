// report.json must parse whatever a secret looks like. Each field is redacted before rendering
// (Redactor.redactDeep); a known secret only the rendering holds (one that runs across fields, through
// the JSON syntax between them) cannot be cut out of the text without taking that syntax with it, and
// a report.json that no longer parses is a lost report. So such a secret takes with it the whole of
// every string it touches, and nothing else; what cannot be redacted that way is our bug, said loudly
// (E_OUTPUT) rather than written as a broken or leaking file.
import { ToolError } from '../errors.ts';
import type { Redactor } from './redact.ts';
import { Report } from './schema.ts';

/** Start and end (exclusive, quotes included) of every string literal of a JSON text. */
function stringLiterals(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i)) {
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
    out.push([i, j + 1]);
    i = j + 1;
  }
  return out;
}

/** Whether `text` is JSON, and the reason when it is not. */
export function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const OUTSIDE_FIX = 'nothing was written. This is a bug of tutorial-conformance: please report it with the page that was run';

/**
 * `text` (report.json) with every known secret redacted, still JSON and still a report: a string value
 * a secret touches is replaced whole by its label. Throws E_OUTPUT when a secret touches what no label
 * can stand in for (a key, a number, a verdict or another closed value) — never a broken file.
 */
export function redactJsonText(text: string, redactor: Redactor, file: string): string {
  const spans = redactor.secretSpans(text);
  if (spans.length === 0) return text;
  const literals = stringLiterals(text);
  const replaced = new Map<number, { end: number; label: string }>();
  const SYNTAX = /^[\s,[\]{}]*$/;
  let k = 0;
  for (const span of spans) {
    while (k < literals.length && literals[k]![1] <= span.start) k++;
    let covered = span.start;
    for (let m = k; m < literals.length && literals[m]![0] < span.end; m++) {
      const [start, end] = literals[m]!;
      if (!SYNTAX.test(text.slice(covered, start))) break;
      if (/^\s*:/.test(text.slice(end, end + 64))) {
        throw new ToolError('E_OUTPUT', `${file}: a secret (${span.label}) runs into the field name ${text.slice(start, end)}, which cannot be redacted without changing the report's shape; ${OUTSIDE_FIX}`);
      }
      replaced.set(start, { end, label: span.label });
      covered = end;
    }
    if (covered < span.end && !SYNTAX.test(text.slice(covered, span.end))) {
      throw new ToolError('E_OUTPUT', `${file}: a secret (${span.label}) sits outside any text field of the report, where it cannot be redacted without breaking the JSON; ${OUTSIDE_FIX}`);
    }
  }
  const parts: string[] = [];
  let at = 0;
  for (const [start, { end, label }] of [...replaced].sort((a, b) => a[0] - b[0])) {
    parts.push(text.slice(at, start), JSON.stringify(`[REDACTED:${label}]`));
    at = end;
  }
  parts.push(text.slice(at));
  const out = parts.join('');
  const problem = reportProblem(out);
  const leaks = redactor.findLeaks(out);
  if (problem !== undefined || leaks.length > 0) {
    throw new ToolError('E_OUTPUT', `${file}: ${problem !== undefined ? `redacted, it would no longer be a report (${problem})` : `a secret (${[...new Set(leaks)].join(', ')}) could not be redacted`}; ${OUTSIDE_FIX}`);
  }
  return out;
}

/** Why `text` is not a report.json (not JSON, or not the report's shape), or undefined. */
function reportProblem(text: string): string | undefined {
  const problem = jsonProblem(text);
  if (problem !== undefined) return problem;
  const shape = Report.safeParse(JSON.parse(text));
  return shape.success ? undefined : shape.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}
