// A step's evidence, in the order a writer reads it: what differs (the differences that matter
// first, fields only in the response grouped and folded), the page's example beside what came back,
// then the response (status and body first, headers folded), what was printed, and what was sent.
import type { Difference } from '../../check/verdict.ts';
import type { ObservedExchange, ObservedRequest, ObservedResponse } from '../../run/observation.ts';
import type { ReportStep } from '../schema.ts';
import { markedText } from './chars.ts';
import { diffTable, stepDiff } from './diff.ts';
import { esc, plural } from './escape.ts';
import { pointerOf, pointerSegments, readablePath, readablePointer, readableText } from './paths.ts';

/** Differences a writer acts on first; fields only in the response come last, grouped. */
const ORDER: Readonly<Record<Difference['kind'], number>> = { claim: 0, status: 1, value: 2, missing: 3, type: 4, format: 5, header: 6, extra: 7 };
const KIND_LABEL: Readonly<Record<Difference['kind'], string>> = {
  claim: 'claim',
  status: 'status',
  value: 'changed',
  missing: 'missing',
  type: 'type',
  format: 'format',
  header: 'header',
  extra: 'extra',
};

function pre(html: string, cls: string): string {
  return `<pre class="${cls}">${html}</pre>`;
}

export function differencesList(s: ReportStep): string {
  const all = s.checks.flatMap((c) => c.differences.map((d) => ({ layer: c.layer, d })));
  if (all.length === 0) return '';
  const main = all.filter((x) => x.d.kind !== 'extra').sort((a, b) => ORDER[a.d.kind] - ORDER[b.d.kind]);
  const extras = all.filter((x) => x.d.kind === 'extra');
  const items = main.map(({ layer, d }) => `<li class="d-${d.kind}"><span class="dk">${esc(KIND_LABEL[d.kind])}</span> <code class="path">${esc(readablePath(d.path))}</code> ${esc(readableText(d.message))}${layer !== 'example' ? ` <span class="layer">(${esc(layer)})</span>` : ''}</li>`);
  if (extras.length > 0) {
    // Grouped by the object they are in: "properties: 12 fields", not 29 rows.
    const groups = new Map<string, string[]>();
    for (const { d } of extras) {
      const segs = d.path.startsWith('/') ? pointerSegments(d.path) : [d.path];
      const parent = d.path.startsWith('/') ? readablePointer(pointerOf(segs.slice(0, -1))) : '';
      groups.set(parent, [...(groups.get(parent) ?? []), segs[segs.length - 1] ?? d.path]);
    }
    const list = [...groups].map(([parent, keys]) => `<li><code class="path">${esc(parent === '(the whole body)' ? 'top level' : parent)}</code>: ${keys.map((k) => `<code>${esc(k)}</code>`).join(', ')}</li>`).join('');
    items.push(`<li class="d-extra"><details><summary><span class="dk">extra</span> ${esc(plural(extras.length, 'field'))} only in the response, not in the example (usually harmless)</summary><ul>${list}</ul></details></li>`);
  }
  return `<ul class="diffs">${items.join('')}</ul>`;
}

function bodyOf(r: { body?: string | undefined; bodyEncoding: 'utf8' | 'base64' }, json?: unknown): string {
  if (r.body === undefined || r.body === '') return '';
  if (r.bodyEncoding === 'base64') return `(${Buffer.from(r.body, 'base64').length} bytes, base64)`;
  if (json !== undefined) {
    try {
      return JSON.stringify(json, null, 2);
    } catch {
      return r.body;
    }
  }
  return r.body;
}

/** Header names the differences point at ("header:Content-Type#1"), lower-cased. */
function namedHeaders(s: ReportStep): Set<string> {
  const out = new Set<string>();
  for (const c of s.checks) for (const d of c.differences) {
    const m = /^header:([^#]+)/.exec(d.path);
    if (m) out.add(m[1]!.toLowerCase());
  }
  return out;
}

function headerLines(headers: readonly [string, string][]): string {
  return esc(headers.map(([n, v]) => `${n}: ${v}`).join('\n'));
}

function response(r: ObservedResponse, interim: ObservedExchange['interim'], named: Set<string>, covered: boolean): string {
  const status = [...interim.map((i) => `HTTP/${r.httpVersion} ${i.status} ${i.statusText}`), `HTTP/${r.httpVersion} ${r.status} ${r.statusText}`].join('\n');
  const body = bodyOf(r, r.json);
  const shown = r.headers.filter(([n]) => named.has(n.toLowerCase()));
  const folded = r.headers.filter(([n]) => !named.has(n.toLowerCase()));
  const cls = r.status >= 400 ? 'status bad' : 'status';
  return [
    pre(esc(status), cls),
    shown.length ? pre(headerLines(shown), 'headers named') : '',
    covered ? '<p class="empty">body: the right column above</p>' : body ? pre(esc(body), 'body') : '<p class="empty">empty body</p>',
    folded.length ? `<details class="hdrs"><summary>${esc(plural(folded.length, 'response header'))}</summary>${pre(headerLines(folded), 'headers')}</details>` : '',
  ].join('');
}

function request(r: ObservedRequest): string {
  const body = bodyOf(r);
  const rest = [headerLines(r.headers), body ? `\n${esc(body)}` : ''].join('\n');
  return `<details class="sent"><summary>Sent: <code>${esc(`${r.method} ${r.url}`)}</code></summary>${pre(rest, 'request')}</details>`;
}

function exchange(e: ObservedExchange, named: Set<string>, covered = false): string {
  return `${e.response ? response(e.response, e.interim, named, covered) : '<p class="empty">no response</p>'}${request(e.request)}`;
}

function exchanges(s: ReportStep): ObservedExchange[] {
  return s.exchanges ?? (s.request ? [{ request: s.request, response: s.response, interim: [], durationMs: 0 }] : []);
}

/** What the program printed: for az and shell steps, what the reader sees and the page's example shows. */
function printed(s: ReportStep, last: ObservedExchange | undefined, covered: boolean): string {
  const o = s.output;
  if (!o) return '';
  const parts: string[] = [];
  // curl prints the body it received: shown once, with the response.
  const same = s.kind === 'http' && last?.response !== undefined && o.stdout.trim() === last.response.body.trim();
  if (covered && s.kind !== 'http') parts.push(`<h4>Printed (exit ${esc(o.exitCode)})</h4><p class="empty">the right column above</p>`);
  else if (!same) parts.push(`<h4>Printed (exit ${esc(o.exitCode)})</h4>${pre(esc(o.stdout || '(nothing on stdout)'), o.exitCode === 0 ? 'stdout' : 'stdout bad')}`);
  else if (o.exitCode !== 0) parts.push(`<p>exit status ${esc(o.exitCode)}</p>`);
  if (o.stderr) parts.push(`<h4>stderr</h4>${pre(esc(o.stderr), 'stderr')}`);
  return parts.join('');
}

/** `covered`: the aligned diff's right column already shows what the reader saw (the body, or az's JSON). */
function cameBack(s: ReportStep, covered: boolean): string {
  const all = exchanges(s);
  const named = namedHeaders(s);
  const last = all[all.length - 1];
  const http: string[] = [];
  if (last) http.push(`${all.length > 1 ? `<h4>Request ${all.length} of ${all.length}</h4>` : ''}${exchange(last, named, covered && s.kind === 'http')}`);
  if (all.length > 1) http.push(`<details class="earlier"><summary>${esc(plural(all.length - 1, 'earlier request'))}</summary>${all.slice(0, -1).map((e, i) => `<h4>Request ${i + 1}</h4>${exchange(e, named)}`).join('')}</details>`);
  const out = printed(s, last, covered);
  if (s.kind === 'http') return `${http.length ? `<h4>Came back</h4>${http.join('')}` : ''}${out}` || '<p class="empty">Nothing was sent.</p>';
  // az and shell: what the reader sees first, the REST calls behind it folded.
  const behind = http.length ? `<details class="calls"><summary>${esc(plural(all.length, 'HTTP request'))} behind this command</summary>${http.join('')}</details>` : '';
  return `${out}${behind}` || '<p class="empty">Nothing was run.</p>';
}

function layers(s: ReportStep): string {
  if (s.checks.length === 0) return '';
  const items = s.checks.map((c) => {
    const cls = c.skipped ? 'skip' : c.ok ? 'ok' : 'bad';
    const label = c.skipped ? `not compared: ${c.skipped}` : c.ok ? 'ok' : plural(c.differences.length, 'difference');
    return `<li class="${cls}">${esc(c.layer)}: ${esc(label)}</li>`;
  });
  return `<ul class="layers">${items.join('')}</ul>`;
}

/** The evidence of one step (inside its folded "evidence"). Lines only, never the file name. */
export function evidence(s: ReportStep): string {
  const parts: string[] = [layers(s), differencesList(s)];
  let covered = false;
  if (s.expectation) {
    const d = stepDiff(s);
    const { start, end } = s.expectation.line;
    const lines = start === end ? `line ${esc(start)}` : `lines ${esc(start)}–${esc(end)}`;
    if ('rows' in d && d.rows.every((r) => r.cls === 'same')) {
      // Nothing to align: the response (shown below) agrees with the example row for row.
      parts.push(`<p class="agrees">The response agrees with the page's example (${lines}) on each of its ${esc(d.rows.length)} lines, as the checks compare them.</p>`);
    } else {
      covered = 'rows' in d && d.coversResponse;
      parts.push(`<h4>The page shows (${lines}) beside what came back</h4>`);
      parts.push('rows' in d ? diffTable(d.rows) : `<p class="empty">${esc(d.none)}</p>`);
    }
    if (!('rows' in d && d.coversExample)) parts.push(`<details class="asis"><summary>the example as written on the page</summary>${pre(markedText(s.expectation.raw), 'expected')}</details>`);
  }
  parts.push(cameBack(s, covered));
  if (s.substitution) parts.push(`<p class="substitution">Substitution: ${esc(s.substitution)}</p>`);
  return parts.join('\n');
}
