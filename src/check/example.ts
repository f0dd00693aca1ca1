// Layer 1: the page's own example. A zod schema is inferred from the example at run time (keys,
// nesting, types, value shapes) and the response is validated against it; every issue becomes a
// Difference. Elided values match their type only; volatile and instance values match by shape;
// placeholders match the value the run bound to them.
import { z } from 'zod';
import type { Expectation, HttpExpectation, JsonExpectation, TextExpectation } from '../model.ts';
import { GUIDS_IN_TEXT } from '../guid.ts';
import type { ObservedExchange } from '../run/observation.ts';
import { FORMAT_LABEL, formatOf, hasFormat, looksLikeBrokenGuid } from './formats.ts';
import { issuesToDifferences, pointer, show, showAt, typeName, type PathSegment } from './issues.ts';
import { placeholdersIn, templateMatcher, type BindingLookup } from './placeholders.ts';
import type { Produced } from './produced.ts';
import type { CheckResult, Difference } from './verdict.ts';
import { VOLATILE_HEADERS, classifyKey, classifyValue } from './volatility.ts';

export interface ExampleContext {
  elided: ReadonlySet<string>;
  lookup: BindingLookup;
}

const WHO = { who: 'the example' };

function isElided(example: string, path: readonly PathSegment[], ctx: ExampleContext): boolean {
  return ctx.elided.has(pointer(path)) || /(\.\.\.|…)$/.test(example);
}

/** Why two strings differ, when it is something a writer would not spot by eye. */
export function nuance(expected: string, actual: string): string {
  if (expected.toLowerCase() === actual.toLowerCase()) return ' (they differ only in letter case)';
  if (expected.replace(/\/$/, '') === actual.replace(/\/$/, '')) {
    return expected.endsWith('/') ? ' (the response has no trailing slash)' : ' (the response has a trailing slash the example lacks)';
  }
  return '';
}

function stringIssue(example: string, actual: string, path: readonly PathSegment[], ctx: ExampleContext): { kind: Difference['kind']; message: string; expected: string } | undefined {
  const at = pointer(path);
  if (isElided(example, path, ctx)) return undefined;
  const cls = classifyValue(path, example);
  const keys = placeholdersIn(example);
  if (keys.length > 0) {
    if (cls === 'constant') {
      if (templateMatcher(example, ctx.lookup).test(actual)) return undefined;
      return { kind: 'value', expected: example, message: `${at} is ${showAt(path, actual)}; the example shows ${show(example)}` };
    }
    for (const key of keys) {
      const bound = ctx.lookup(key);
      if (bound !== undefined && !actual.toLowerCase().includes(bound.toLowerCase())) {
        return { kind: 'value', expected: example, message: `${at} is ${showAt(path, actual)}, which does not contain the value bound to <${key}>` };
      }
    }
    return undefined;
  }
  if (cls === 'constant') {
    if (actual === example) return undefined;
    return { kind: 'value', expected: example, message: `${at} is ${showAt(path, actual)}; the example shows ${show(example)}${nuance(example, actual)}` };
  }
  if (looksLikeBrokenGuid(example)) {
    if (hasFormat(actual, 'guid')) {
      return { kind: 'format', expected: example, message: `${at}: the example shows ${show(example)}, which is not a valid GUID; the response has a GUID` };
    }
    return undefined;
  }
  const f = formatOf(example);
  if (f === 'string' || hasFormat(actual, f)) return undefined;
  return { kind: 'format', expected: FORMAT_LABEL[f], message: `${at} is ${showAt(path, actual)}, not ${FORMAT_LABEL[f]} like the example's ${show(example)}` };
}

/** The zod schema an example value implies. Exported for tests and for the report's evidence. */
export function inferSchema(example: unknown, ctx: ExampleContext, path: PathSegment[] = []): z.ZodType {
  if (example === null) return z.null();
  if (typeof example === 'boolean') {
    return z.boolean().superRefine((v, c) => {
      if (classifyKey(path) === 'constant' && v !== example) {
        c.addIssue({ code: 'custom', message: `${pointer(path)} is ${v}; the example shows ${example}`, params: { kind: 'value', expected: String(example), actual: String(v) } });
      }
    });
  }
  if (typeof example === 'number') {
    return z.number().superRefine((v, c) => {
      const cls = classifyKey(path);
      if (cls === 'constant' ? v !== example : Number.isInteger(example) !== Number.isInteger(v)) {
        c.addIssue({ code: 'custom', message: `${pointer(path)} is ${v}; the example shows ${example}`, params: { kind: cls === 'constant' ? 'value' : 'format', expected: String(example), actual: String(v) } });
      }
    });
  }
  if (typeof example === 'string') {
    return z.string().superRefine((v, c) => {
      const issue = stringIssue(example, v, path, ctx);
      if (issue) c.addIssue({ code: 'custom', message: issue.message, params: { kind: issue.kind, expected: issue.expected, actual: showAt(path, v) } });
    });
  }
  if (Array.isArray(example)) {
    if (example.length === 0) return z.array(z.unknown());
    const items = example.map((item, i) => inferSchema(item, ctx, [...path, i]));
    return z.tuple(items as [z.ZodType, ...z.ZodType[]], z.unknown()).superRefine((v, c) => {
      for (let i = example.length; i < v.length; i++) {
        c.addIssue({ code: 'custom', path: [i], message: `${pointer([...path, i])} is an extra item; the example shows ${example.length}`, params: { kind: 'extra', actual: typeName(v[i]) } });
      }
    });
  }
  if (typeof example === 'object') {
    const entries = Object.entries(example as Record<string, unknown>);
    // "tags": {} and "metadata": {} hold the reader's own keys: any content matches.
    if (entries.length === 0) return z.record(z.string(), z.unknown());
    return z.strictObject(Object.fromEntries(entries.map(([k, v]) => [k, inferSchema(v, ctx, [...path, k])])));
  }
  return z.unknown();
}

function checkJson(exp: JsonExpectation, produced: Produced, ctx: ExampleContext): CheckResult {
  if (exp.value === undefined) return { layer: 'example', ok: true, skipped: 'the example is not readable JSON', differences: [] };
  if (produced.json === undefined) {
    const got = produced.text === undefined ? 'nothing' : `text ${show(produced.text.trim())}`;
    return { layer: 'example', ok: false, differences: [{ path: '/', kind: 'type', expected: typeName(exp.value), actual: produced.text === undefined ? 'nothing' : 'text', message: `the example shows JSON; the step printed ${got}` }] };
  }
  const fullCtx: ExampleContext = { ...ctx, elided: new Set([...ctx.elided, ...exp.elided]) };
  const result = inferSchema(exp.value, fullCtx).safeParse(produced.json);
  const differences = result.success ? [] : issuesToDifferences(result.error.issues, produced.json, WHO);
  return { layer: 'example', ok: differences.length === 0, differences };
}

/** Status lines as the reader's terminal shows them: interim responses, then each final one. */
export function observedStatuses(exchanges: readonly ObservedExchange[]): number[] {
  const out: number[] = [];
  for (const e of exchanges) {
    for (const i of e.interim) out.push(i.status);
    if (e.response) out.push(e.response.status);
  }
  return out;
}

function headerValue(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  const found = headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  return found.length === 0 ? undefined : found.join(', ');
}

function checkHttp(exp: HttpExpectation, produced: Produced): CheckResult {
  const differences: Difference[] = [];
  const expected = exp.exchanges.map((x) => x.status);
  const actual = observedStatuses(produced.exchanges);
  if (expected.join(' ') !== actual.join(' ')) {
    const onlyContinue = expected.filter((s) => s !== 100).join(' ') === actual.filter((s) => s !== 100).join(' ');
    differences.push({
      path: 'status',
      kind: 'status',
      expected: expected.join(' '),
      actual: actual.join(' ') || 'none',
      message: `status lines ${actual.join(' → ') || '(none)'}; the example shows ${expected.join(' → ')}${onlyContinue ? ' (only the interim 100 Continue lines differ; they depend on the client)' : ''}`,
    });
  }
  // Pair each shown final response with the observed response of the same position among finals.
  const shownFinals = exp.exchanges.filter((x) => x.status >= 200);
  const responses = produced.exchanges.flatMap((e) => (e.response ? [e.response] : []));
  shownFinals.forEach((shown, i) => {
    const r = responses[i];
    if (!r) return;
    for (const h of shown.headers) {
      const at = `header:${h.name}#${i + 1}`;
      const got = headerValue(r.headers, h.name);
      if (got === undefined) {
        differences.push({ path: at, kind: 'header', expected: h.value, message: `response ${i + 1} (${r.status}) has no ${h.name} header; the example shows "${h.name}: ${h.value}"` });
        continue;
      }
      const name = h.name.toLowerCase();
      if (VOLATILE_HEADERS.has(name)) {
        const f = formatOf(h.value);
        const ok = name === 'location' ? hasFormat(got, 'url') || got.startsWith('/') : f === 'string' || hasFormat(got, f);
        if (!ok) differences.push({ path: at, kind: 'header', expected: FORMAT_LABEL[f], actual: show(got), message: `${h.name} of response ${i + 1} is ${show(got)}, not ${FORMAT_LABEL[f]} like the example` });
      } else if (got.trim() !== h.value.trim()) {
        differences.push({ path: at, kind: 'header', expected: h.value, actual: got, message: `${h.name} of response ${i + 1} is ${show(got)}; the example shows ${show(h.value)}${nuance(h.value, got)}` });
      }
    }
  });
  if (exp.body !== undefined && exp.body.trim() !== '' && produced.text !== undefined && normaliseText(exp.body) !== normaliseText(produced.text)) {
    differences.push({ path: '/', kind: 'value', expected: exp.body.trim(), actual: show(produced.text.trim()), message: `the body is ${show(produced.text.trim())}; the example shows ${show(exp.body.trim())}` });
  }
  return { layer: 'example', ok: differences.length === 0, differences };
}

export function normaliseText(s: string): string {
  return s
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

const GUID_SHAPE = '00000000-0000-0000-0000-000000000000';

function checkText(exp: TextExpectation, produced: Produced): CheckResult {
  if (produced.text === undefined) {
    return { layer: 'example', ok: false, differences: [{ path: '/', kind: 'missing', expected: exp.text, message: `the example shows ${show(exp.text.trim())}; the step printed nothing` }] };
  }
  if (normaliseText(exp.text) === normaliseText(produced.text)) return { layer: 'example', ok: true, differences: [] };
  // A GUID is the reader's own instance value (volatility.ts: compared by shape), in text as in JSON:
  // PowerShell's "ResourceId : /subscriptions/<guid>/…" shows the page's example subscription.
  if (normaliseText(exp.text).replace(GUIDS_IN_TEXT, GUID_SHAPE) === normaliseText(produced.text).replace(GUIDS_IN_TEXT, GUID_SHAPE)) return { layer: 'example', ok: true, differences: [] };
  const excerpt = checkExcerpt(exp.text, produced.text);
  if (excerpt) return excerpt;
  const e = normaliseText(exp.text);
  const a = normaliseText(produced.text);
  return {
    layer: 'example',
    ok: false,
    differences: [{ path: '/', kind: 'value', expected: e, actual: show(a), message: `the response is ${show(a)}; the example shows ${show(e)}${nuance(e, a)}` }],
  };
}

// A line that stands for lines left out: `<...>`, `...`, `…`, `[...]`.
const ELISION_LINE = /^\s*(?:<\s*(?:\.{3}|\u2026)\s*>|\.{3}|\u2026|\[\s*(?:\.{3}|\u2026)\s*\])\s*$/;

/**
 * An example with elision lines is an excerpt: it matches when each line it keeps appears in the
 * output, in the page's order (indentation aside). Undefined when the example elides nothing.
 */
function checkExcerpt(example: string, output: string): CheckResult | undefined {
  const lines = example.split('\n');
  if (!lines.some((l) => ELISION_LINE.test(l))) return undefined;
  const kept = lines.filter((l) => l.trim() !== '' && !ELISION_LINE.test(l)).map((l) => l.trim());
  const got = output.split('\n').map((l) => l.trim());
  let at = 0;
  for (const line of kept) {
    const found = got.indexOf(line, at);
    if (found < 0) {
      const message = `the example is an excerpt (its elided lines aside) and its line ${show(line)} is not in the response${at > 0 ? ' after the lines before it' : ''}`;
      return { layer: 'example', ok: false, differences: [{ path: '/', kind: 'value', expected: line, actual: show(normaliseText(output)), message }] };
    }
    at = found + 1;
  }
  return { layer: 'example', ok: true, differences: [] };
}

export function checkExample(expectation: Expectation | undefined, produced: Produced, ctx: ExampleContext, opts: { httpStep?: boolean } = {}): CheckResult {
  if (!expectation) return { layer: 'example', ok: true, skipped: 'the page shows no response for this step', differences: [] };
  // An error body compared key by key with a success example says nothing new: one status line does.
  const final = produced.final;
  if (opts.httpStep && final && final.status >= 400 && expectation.kind !== 'http') {
    return {
      layer: 'example',
      ok: false,
      differences: [{ path: 'status', kind: 'status', expected: 'a success (the page shows its body)', actual: String(final.status), message: `the request answered ${final.status}; the page shows a successful response` }],
    };
  }
  switch (expectation.kind) {
    case 'json':
      return checkJson(expectation, produced, ctx);
    case 'http':
      return checkHttp(expectation, produced);
    case 'text':
      return checkText(expectation, produced);
    default: {
      const never: never = expectation;
      return never;
    }
  }
}

