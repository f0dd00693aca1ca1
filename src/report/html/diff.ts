// The page's example beside what came back, aligned: JSON key by key (the example's keys in its
// order, then what only the response has, folded), text line by line (longest common subsequence),
// an HTTP transcript by status, headers and body. Colours come from the checks' own differences, never
// from a comparison of our own: a value the check accepted (an elided token, a placeholder, a
// volatile date) is shown side by side but not as a change. Missing, extra and changed differ.
import { bodyText, stripProgress, tryJson } from '../../check/produced.ts';
import type { Difference } from '../../check/verdict.ts';
import { httpExpectation } from '../../parse/http.ts';
import { jsonExpectation } from '../../parse/json-expectation.ts';
import type { ObservedResponse } from '../../run/observation.ts';
import type { ReportStep } from '../schema.ts';
import { esc, plural } from './escape.ts';
import { claimPointer, pointerOf } from './paths.ts';

/** How a row is coloured: by the kind of the difference the checks found there. */
export type RowClass = 'same' | 'missing' | 'extra' | 'changed' | 'unmatched';

export interface DiffRow {
  depth: number;
  /** JSON key or index; undefined for text lines and the root. */
  key?: string;
  left?: string;
  right?: string;
  cls: RowClass;
  /** Rows folded under this one ("+ 26 fields only in the response"). */
  folded?: DiffRow[];
}

const MAX_VALUE = 300;
/** A run of this many rows only the response has is folded into one. */
export const FOLD_EXTRAS_AT = 3;

function compact(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > MAX_VALUE ? `${s.slice(0, MAX_VALUE)}…` : s;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function classOf(diffs: readonly Difference[] | undefined, hasLeft: boolean, hasRight: boolean): RowClass {
  if (diffs && diffs.length > 0) {
    if (diffs.some((d) => d.kind === 'missing')) return 'missing';
    if (diffs.some((d) => d.kind === 'extra')) return 'extra';
    return 'changed';
  }
  return hasLeft && hasRight ? 'same' : 'unmatched';
}

/** Differences by the body row they are about (JSON pointer), claims included where they name one. */
function byPointer(diffs: readonly Difference[]): Map<string, Difference[]> {
  const m = new Map<string, Difference[]>();
  for (const d of diffs) {
    const p = d.path.startsWith('/') ? d.path : claimPointer(d.path);
    if (p === undefined) continue;
    m.set(p, [...(m.get(p) ?? []), d]);
  }
  return m;
}

function foldExtras(rows: DiffRow[]): DiffRow[] {
  const out: DiffRow[] = [];
  let run: DiffRow[] = [];
  const flush = () => {
    if (run.length >= FOLD_EXTRAS_AT) out.push({ depth: run[0]!.depth, cls: 'extra', folded: run, right: `+ ${plural(run.length, 'field')} only in the response` });
    else out.push(...run);
    run = [];
  };
  for (const r of rows) {
    if (r.cls === 'extra' && r.left === undefined) run.push(r);
    else {
      flush();
      out.push(r);
    }
  }
  flush();
  return out;
}

/** Rows for a JSON example and a JSON response. */
export function jsonRows(expected: unknown, actual: unknown, diffs: readonly Difference[]): DiffRow[] {
  const at = byPointer(diffs);
  const walk = (e: unknown, a: unknown, hasE: boolean, hasA: boolean, segs: string[], key: string | undefined, depth: number): DiffRow[] => {
    const here = at.get(pointerOf(segs));
    const both = hasE && hasA;
    if (both && ((isObject(e) && isObject(a)) || (Array.isArray(e) && Array.isArray(a)))) {
      const open = Array.isArray(e) ? '[' : '{';
      const close = Array.isArray(e) ? ']' : '}';
      const children: DiffRow[] = [];
      if (Array.isArray(e) && Array.isArray(a)) {
        for (let i = 0; i < Math.max(e.length, a.length); i++) children.push(...walk(e[i], a[i], i < e.length, i < a.length, [...segs, String(i)], String(i), depth + 1));
      } else {
        const eo = e as Record<string, unknown>;
        const ao = a as Record<string, unknown>;
        for (const k of Object.keys(eo)) children.push(...walk(eo[k], ao[k], true, Object.hasOwn(ao, k), [...segs, k], k, depth + 1));
        for (const k of Object.keys(ao)) if (!Object.hasOwn(eo, k)) children.push(...walk(undefined, ao[k], false, true, [...segs, k], k, depth + 1));
      }
      const head: DiffRow = { depth, left: open, right: open, cls: here ? classOf(here, true, true) : 'same' };
      if (key !== undefined) head.key = key;
      const tail: DiffRow = { depth, left: close, right: close, cls: 'same' };
      return [head, ...foldExtras(children), tail];
    }
    const row: DiffRow = { depth, cls: classOf(here, hasE, hasA) };
    if (key !== undefined) row.key = key;
    if (hasE) row.left = compact(e);
    if (hasA) row.right = compact(a);
    return [row];
  };
  return walk(expected, actual, true, true, [], undefined, 0);
}

/** Line alignment by longest common subsequence; lines that pair up unequal are "changed". */
export function textRows(expected: string, actual: string, cls: 'changed' | 'same' = 'changed'): DiffRow[] {
  const a = expected.split('\n');
  const b = actual.split('\n');
  if (a.length * b.length > 250_000) return [{ depth: 0, left: expected, right: actual, cls }];
  const n = a.length;
  const m = b.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i]![j] = a[i] === b[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let pendingLeft: string[] = [];
  let pendingRight: string[] = [];
  const flush = () => {
    // Unequal lines between two common ones pair up as changes; the rest are one-sided.
    const k = Math.max(pendingLeft.length, pendingRight.length);
    for (let x = 0; x < k; x++) {
      const l = pendingLeft[x];
      const r = pendingRight[x];
      const row: DiffRow = { depth: 0, cls: l !== undefined && r !== undefined ? cls : l !== undefined ? 'missing' : 'extra' };
      if (l !== undefined) row.left = l;
      if (r !== undefined) row.right = r;
      rows.push(row);
    }
    pendingLeft = [];
    pendingRight = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      rows.push({ depth: 0, left: a[i]!, right: b[j]!, cls: 'same' });
      i++;
      j++;
    } else if (j >= m || (i < n && L[i + 1]![j]! >= L[i]![j + 1]!)) pendingLeft.push(a[i++]!);
    else pendingRight.push(b[j++]!);
  }
  flush();
  return rows;
}

function finalResponse(s: ReportStep): ObservedResponse | undefined {
  const ex = s.exchanges ?? [];
  return [...ex].reverse().find((e) => e.response)?.response ?? s.response;
}

/** What the checks compared the example with (check/produced.ts): the final body for curl, stdout otherwise. */
function produced(s: ReportStep): { text?: string; json: unknown } {
  if (s.kind === 'http') {
    const r = finalResponse(s);
    const text = r ? bodyText(r) : undefined;
    return { ...(text !== undefined ? { text } : {}), json: r?.json ?? tryJson(text) };
  }
  const text = s.output?.stdout;
  return { ...(text !== undefined ? { text } : {}), json: tryJson(text === undefined ? undefined : stripProgress(text)) };
}

function pretty(v: unknown, text: string): string {
  return v === undefined ? text : (JSON.stringify(v, null, 2) ?? text);
}

function exampleDiffs(s: ReportStep): Difference[] {
  return s.checks.filter((c) => c.layer === 'example' || c.layer === 'literal').flatMap((c) => c.differences);
}

export interface StepDiff {
  rows: DiffRow[];
  /** The right column holds the whole response as parsed JSON: its text need not be shown again. */
  coversResponse: boolean;
  /** The left column is the example exactly (valid JSON, nothing invisible): no need to show it as written. */
  coversExample: boolean;
}

/**
 * The aligned rows for a step, or why there are none: no example, nothing came back, or an error
 * status where the page shows a success (a key-by-key comparison would say nothing more).
 */
export function stepDiff(s: ReportStep): StepDiff | { none: string } {
  const exp = s.expectation;
  if (!exp) return { none: 'The page shows no output for this step.' };
  const diffs = exampleDiffs(s);
  const status = diffs.find((d) => d.kind === 'status' && d.path === 'status');
  const got = produced(s);
  if (status && exp.kind !== 'http') return { none: `The request answered ${status.actual ?? 'an error'}; the page shows a successful response, so the two are not compared line by line.` };
  if (got.text === undefined) return { none: 'Nothing came back to compare with the page.' };
  const source = { file: '', startLine: exp.line.start, endLine: exp.line.end };
  const lines = exp.raw.split('\n');
  if (exp.kind === 'json') {
    const e = jsonExpectation(lines, source);
    if (e.value !== undefined && got.json !== undefined) return { rows: jsonRows(e.value, got.json, diffs), coversResponse: true, coversExample: e.valid && !/[^\x00-\x7e]/.test(exp.raw) };
    return { rows: textRows(e.text, pretty(got.json, got.text)), coversResponse: false, coversExample: false };
  }
  if (exp.kind === 'text') {
    const whole = diffs.filter((d) => d.path === '/' || d.path.startsWith('claim:'));
    return { rows: textRows(exp.raw.trim(), got.text.trim(), whole.length > 0 ? 'changed' : 'same'), coversResponse: false, coversExample: false };
  }
  return { rows: httpRows(httpExpectation(lines, source), finalResponse(s), got, diffs), coversResponse: false, coversExample: false };
}

function httpRows(e: ReturnType<typeof httpExpectation>, r: ObservedResponse | undefined, got: { text?: string; json: unknown }, diffs: readonly Difference[]): DiffRow[] {
  const rows: DiffRow[] = [];
  const last = e.exchanges[e.exchanges.length - 1];
  const statusDiffs = diffs.filter((d) => d.path === 'status');
  if (last || r) {
    const row: DiffRow = { depth: 0, cls: statusDiffs.length > 0 ? 'changed' : last && r ? 'same' : 'unmatched' };
    if (last) row.left = `HTTP/${last.httpVersion} ${last.status} ${last.reason}`.trimEnd();
    if (r) row.right = `HTTP/${r.httpVersion} ${r.status} ${r.statusText}`;
    rows.push(row);
  }
  for (const h of last?.headers ?? []) {
    const mine = diffs.filter((d) => d.path.toLowerCase().startsWith(`header:${h.name.toLowerCase()}`));
    const got = r?.headers.find(([n]) => n.toLowerCase() === h.name.toLowerCase());
    const row: DiffRow = { depth: 0, left: `${h.name}: ${h.value}`, cls: mine.some((d) => d.kind === 'missing') || (!got && mine.length > 0) ? 'missing' : mine.length > 0 ? 'changed' : got ? 'same' : 'unmatched' };
    if (got) row.right = `${got[0]}: ${got[1]}`;
    rows.push(row);
  }
  if (e.body !== undefined) {
    const bodyDiffs = diffs.filter((d) => d.path.startsWith('/'));
    const ej = tryJson(e.body);
    if (ej !== undefined && got.json !== undefined) rows.push(...jsonRows(ej, got.json, bodyDiffs));
    else if (got.text !== undefined) rows.push(...textRows(e.body, got.text.trim(), bodyDiffs.length > 0 ? 'changed' : 'same'));
  }
  return rows;
}

/** Common prefix and suffix kept plain; the differing middle marked on each side. */
export function inlineDiff(a: string, b: string): [string, string] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const part = (x: string, tag: string) => `${esc(x.slice(0, p))}${x.length - s > p ? `<${tag}>${esc(x.slice(p, x.length - s))}</${tag}>` : ''}${esc(x.slice(x.length - s))}`;
  return [part(a, 'del'), part(b, 'ins')];
}

const LABEL: Record<RowClass, string> = { same: '', missing: 'missing from the response', extra: 'only in the response', changed: 'differs', unmatched: '' };

/** Lean markup (this is most of a report's bytes): depth as a class, keys in <i>, "same" rows unclassed. */
function cell(row: DiffRow, side: 'left' | 'right', html: string | undefined): string {
  if (html === undefined) return '<td class="gap"></td>';
  const key = row.key !== undefined && !/^\d+$/.test(row.key) && !/^[}\]]$/.test(row[side] ?? '') ? `<i>${esc(JSON.stringify(row.key))}</i>: ` : '';
  return `<td${row.depth > 0 ? ` class="d${Math.min(row.depth, 12)}"` : ''}>${key}${html}</td>`;
}

function rowHtml(row: DiffRow): string {
  const cls = row.cls === 'same' ? '' : ` class="r-${row.cls}"`;
  if (row.folded) {
    const inner = row.folded.map((f) => `<tr class="r-${f.cls}">${cell(f, 'right', esc(f.right))}</tr>`).join('');
    return `<tr class="r-extra fold"><td class="gap"></td><td${row.depth > 0 ? ` class="d${Math.min(row.depth, 12)}"` : ''}><details><summary>${esc(row.right)}: ${esc(row.folded.map((f) => f.key ?? '').join(', '))}</summary><table class="adiff inner"><tbody>${inner}</tbody></table></details></td></tr>`;
  }
  let l = row.left === undefined ? undefined : esc(row.left);
  let r = row.right === undefined ? undefined : esc(row.right);
  if (row.cls === 'changed' && row.left !== undefined && row.right !== undefined) [l, r] = inlineDiff(row.left, row.right);
  const label = LABEL[row.cls] ? `<span class="why">${esc(LABEL[row.cls])}</span>` : '';
  return `<tr${cls}>${cell(row, 'left', l)}${cell(row, 'right', r === undefined ? undefined : r + label)}</tr>`;
}

export function diffTable(rows: readonly DiffRow[]): string {
  const counts = { missing: 0, extra: 0, changed: 0 };
  for (const r of rows) {
    if (r.cls === 'missing' || r.cls === 'changed') counts[r.cls]++;
    if (r.cls === 'extra') counts.extra += r.folded?.length ?? 1;
  }
  const legend = [
    counts.changed ? `<span class="r-changed">${counts.changed} changed</span>` : '',
    counts.missing ? `<span class="r-missing">${counts.missing} missing from the response</span>` : '',
    counts.extra ? `<span class="r-extra">${counts.extra} only in the response</span>` : '',
  ].filter(Boolean);
  return `<div class="legend">${legend.length ? legend.join(' ') : 'no difference the checks count'}</div><div class="scroll"><table class="adiff"><thead><tr><th>the page shows</th><th>came back</th></tr></thead><tbody>${rows.map(rowHtml).join('')}</tbody></table></div>`;
}
