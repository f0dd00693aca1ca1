// index.html: one self-contained page (inline CSS and JS, no network), a pure function of the
// report. Every value from the report goes through `esc`; the template and its CSS/JS are resource
// files next to this module, read once when the module loads.
import { readFileSync } from 'node:fs';
import { FAILURE_KINDS, UNSUPPORTED_REASONS, VERDICTS, type Verdict } from '../check/verdict.ts';
import type { ObservedRequest, ObservedResponse } from '../run/observation.ts';
import { tutorialLabel, type Report, type ReportStep, type ReportTutorial, type VerdictChange } from './schema.ts';

const resource = (name: string) => readFileSync(new URL(`./html/${name}`, import.meta.url), 'utf8');
const TEMPLATE = resource('template.html');
const STYLE = resource('report.css');
const SCRIPT = resource('report.js');

export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');
}

function seedLine(t: ReportTutorial, line: number): number | undefined {
  return t.seed ? line + t.seed.firstLine - 1 : undefined;
}

function range(a: number, b: number): string {
  return a === b ? `${a}` : `${a}–${b}`;
}

function where(t: ReportTutorial, start: number, end: number): string {
  const own = `${t.file}:${range(start, end)}`;
  const s0 = seedLine(t, start);
  const s1 = seedLine(t, end);
  return s0 !== undefined && s1 !== undefined && t.seed ? `${own} · seed ${t.seed.file}:${range(s0, s1)}` : own;
}

function requestText(r: ObservedRequest): string {
  const head = [`${r.method} ${r.url}`, ...r.headers.map(([n, v]) => `${n}: ${v}`)].join('\n');
  if (r.body === undefined || r.body === '') return head;
  return `${head}\n\n${r.bodyEncoding === 'base64' ? `(${Buffer.from(r.body, 'base64').length} bytes, base64)` : r.body}`;
}

function responseText(r: ObservedResponse, interim: readonly { status: number; statusText: string }[] = []): string {
  const lines = [
    ...interim.map((i) => `HTTP/${r.httpVersion} ${i.status} ${i.statusText}`),
    `HTTP/${r.httpVersion} ${r.status} ${r.statusText}`,
    ...r.headers.map(([n, v]) => `${n}: ${v}`),
  ];
  const body = r.bodyEncoding === 'base64' ? `(${Buffer.from(r.body, 'base64').length} bytes, base64)` : pretty(r.body, r.json);
  return body === '' ? lines.join('\n') : `${lines.join('\n')}\n\n${body}`;
}

/** JSON bodies indented for reading; anything else as it came. */
function pretty(body: string, json: unknown): string {
  if (json === undefined) return body;
  try {
    return JSON.stringify(json, null, 2);
  } catch {
    return body;
  }
}

function pre(text: string, cls = '', marks: readonly Needle[] = []): string {
  const body = marks.length === 0 ? esc(text) : text.split('\n').map((l) => (marks.some((m) => m(l)) ? `<mark>${esc(l)}</mark>` : esc(l))).join('\n');
  return `<pre${cls ? ` class="${cls}"` : ''}>${body}</pre>`;
}

type Needle = (line: string) => boolean;

/** Lines to highlight: the JSON key or header a difference names, on the side that has it. */
function needles(s: ReportStep, side: 'page' | 'actual'): Needle[] {
  const out: Needle[] = [];
  for (const c of s.checks) {
    for (const d of c.differences) {
      if (side === 'page' && d.kind === 'extra') continue;
      if (side === 'actual' && d.kind === 'missing') continue;
      const header = /^header:([^#]+)/.exec(d.path);
      if (header) {
        const name = header[1]!.toLowerCase();
        out.push((l) => l.trim().toLowerCase().startsWith(`${name}:`));
        continue;
      }
      if (d.path === 'status') {
        out.push((l) => /^\s*HTTP\/\S+ \d{3}/.test(l));
        continue;
      }
      const key = d.path.startsWith('/') ? d.path.split('/').filter((x) => x !== '' && !/^\d+$/.test(x)).pop() : undefined;
      if (key) {
        const k = key.replace(/~1/g, '/').replace(/~0/g, '~');
        out.push((l) => l.toLowerCase().includes(`"${k.toLowerCase()}"`));
      }
    }
  }
  return out;
}

function cameBack(s: ReportStep): string {
  const parts: string[] = [];
  const marks = needles(s, 'actual');
  const exchanges = s.exchanges ?? (s.request ? [{ request: s.request, response: s.response, interim: [], durationMs: 0 }] : []);
  exchanges.forEach((e, i) => {
    const n = exchanges.length > 1 ? ` ${i + 1}` : '';
    parts.push(`<h4>Sent${n}</h4>${pre(requestText(e.request), 'sent')}`);
    parts.push(`<h4>Came back${n}</h4>${e.response ? pre(responseText(e.response, e.interim), 'received', marks) : '<p class="empty">no response</p>'}`);
  });
  if (s.output) {
    parts.push(`<h4>Printed (exit ${esc(s.output.exitCode)})</h4>${pre(s.output.stdout || '(nothing on stdout)', 'stdout', marks)}`);
    if (s.output.stderr) parts.push(`<h4>stderr</h4>${pre(s.output.stderr, 'stderr')}`);
  }
  if (parts.length === 0) parts.push('<p class="empty">nothing was sent</p>');
  return parts.join('\n');
}

function differences(s: ReportStep): string {
  const layers = s.checks
    .map((c) => {
      const cls = c.skipped ? 'skip' : c.ok ? 'ok' : 'bad';
      const label = c.skipped ? `skipped: ${c.skipped}` : c.ok ? 'ok' : `${c.differences.length} difference${c.differences.length === 1 ? '' : 's'}`;
      return `<li class="${cls}" data-layer="${esc(c.layer)}">${esc(c.layer)}: ${esc(label)}</li>`;
    })
    .join('');
  const rows = s.checks.flatMap((c) =>
    c.differences.map(
      (d) =>
        `<tr class="d-${esc(d.kind)}"><td>${esc(c.layer)}</td><td class="path">${esc(d.path)}</td><td>${esc(d.kind)}</td><td class="val">${esc(d.expected ?? '')}</td><td class="val">${esc(d.actual ?? '')}</td><td>${esc(d.message)}</td></tr>`,
    ),
  );
  const table = rows.length
    ? `<table class="diffs"><thead><tr><th>layer</th><th>path</th><th>kind</th><th>page / contract</th><th>actual</th><th>what differs</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '';
  return layers ? `<ul class="layers">${layers}</ul>${table}` : table;
}

function step(t: ReportTutorial, s: ReportStep, ti: number): string {
  const failure = s.failure
    ? `<span class="failure" title="${esc(FAILURE_KINDS[s.failure].fix)}">${esc(FAILURE_KINDS[s.failure].title)}</span>`
    : s.unsupported
      ? `<span class="unsupported" title="${esc(UNSUPPORTED_REASONS[s.unsupported].runsIt)}">${esc(UNSUPPORTED_REASONS[s.unsupported].title)}</span>`
      : '';
  const blocked = s.blockedBy ? ` <a class="blocked-by" href="#t${ti}-${esc(s.blockedBy)}">blocked by ${esc(s.blockedBy)}</a>` : '';
  const page = [`<h4>The page says (${esc(where(t, s.line.start, s.line.end))})</h4>`, pre(s.raw, 'raw')];
  if (s.expectation) page.push(`<h4>The page shows (${esc(where(t, s.expectation.line.start, s.expectation.line.end))})</h4>`, pre(s.expectation.raw, 'expected', needles(s, 'page')));
  const open = s.verdict === 'fail' || s.verdict === 'drift' ? ' open' : '';
  return `<article class="step v-${esc(s.verdict)}" data-verdict="${esc(s.verdict)}" id="t${ti}-${esc(s.id)}">
<div class="stephead"><span class="badge ${esc(s.verdict)}">${esc(s.verdict)}</span><span class="kind">${esc(s.id)} · ${esc(s.kind)}</span><span class="where">${esc(where(t, s.line.start, s.line.end))}</span>${failure}${blocked}</div>
<p class="reason">${esc(s.reason)}</p>
${s.suggestion ? `<p class="suggestion">Suggested text: <code>${esc(s.suggestion)}</code></p>` : ''}
${s.substitution ? `<p class="substitution">Substitution: ${esc(s.substitution)}</p>` : ''}
<details${open}><summary>evidence</summary>
<div class="cols"><div class="page">${page.join('\n')}</div><div class="actual">${cameBack(s)}</div></div>
${differences(s)}
</details>
</article>`;
}

function findings(t: ReportTutorial, ti: number): string {
  if (t.findings.length === 0) return '<p class="empty">No findings.</p>';
  const rows = t.findings.map((f) => {
    const seed = f.seed ? ` (seed ${esc(f.seed.file)}:${esc(f.seed.line)})` : '';
    const step = f.stepId && t.steps.some((s) => s.id === f.stepId) ? ` <a href="#t${ti}-${esc(f.stepId)}">${esc(f.stepId)}</a>` : '';
    return `<tr><td class="sev-${esc(f.severity)}">${esc(f.severity)}</td><td>${esc(f.rule)}</td><td>${esc(f.file)}:${esc(f.line)}${seed}${step}</td><td>${esc(f.message)}${f.suggestion ? `<br><code>${esc(f.suggestion)}</code>` : ''}</td></tr>`;
  });
  return `<table class="findings"><thead><tr><th>severity</th><th>rule</th><th>where</th><th>message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function tally(steps: readonly ReportStep[]): string {
  const n: Partial<Record<Verdict, number>> = {};
  for (const s of steps) n[s.verdict] = (n[s.verdict] ?? 0) + 1;
  return VERDICTS.filter((v) => n[v]).map((v) => `${n[v]} ${v}`).join(' · ');
}

function tutorial(t: ReportTutorial, ti: number): string {
  const seed = t.seed ? ` · seed ${esc(t.seed.file)} from line ${esc(t.seed.firstLine)}` : '';
  return `<section class="tutorial" id="t${ti}">
<h2>${esc(t.title)}</h2>
<div class="file">${esc(tutorialLabel(t))}${seed} · <span class="tally">${esc(tally(t.steps))}</span></div>
${problems(t)}
${t.steps.length === 0 ? '<p class="no-steps">No step of this page could be run (see the problems above, or the page holds no command this tool runs); its findings are below.</p>' : ''}
${t.steps.map((s) => step(t, s, ti)).join('\n')}
<p class="filtered-note empty" hidden>All steps of this tutorial are filtered out.</p>
<h3>Findings</h3>
${findings(t, ti)}
</section>`;
}

/** What kept part of the page from running (unreadable file, unbound placeholder, missing include). */
function problems(t: ReportTutorial): string {
  const list = t.problems ?? [];
  if (list.length === 0) return '';
  return `<div class="problems"><h3>Problems (${esc(list.length)})</h3><ul>${list.map((p) => `<li><code>${esc(p.code)}</code> ${esc(p.message)}</li>`).join('')}</ul></div>`;
}

/** What changed since the baseline (`--baseline`): open when a step got worse. */
function comparison(report: Report): string {
  const c = report.comparison;
  if (c === undefined) return '';
  const item = (kind: 'worse' | 'better', ch: VerdictChange) =>
    `<li class="${kind}"><code>${esc(tutorialLabel(ch))}:${esc(ch.line.start)}</code> ${esc(ch.step)} <span class="badge ${esc(ch.from)}">${esc(ch.from)}</span> → <span class="badge ${esc(ch.to)}">${esc(ch.to)}</span> ${esc(ch.reason)}</li>`;
  return `<details class="comparison"${c.worse.length > 0 ? ' open' : ''}><summary>since the baseline of ${esc(c.baseline.startedAt)}: ${esc(c.worse.length)} worse, ${esc(c.better.length)} better</summary>
<ul>${[...c.worse.map((ch) => item('worse', ch)), ...c.better.map((ch) => item('better', ch))].join('')}</ul>
</details>`;
}

/** What the target said (provisioning, retries, teardown), folded: open when teardown left something. */
function targetNotes(report: Report): string {
  const notes = report.notes ?? [];
  if (notes.length === 0) return '';
  const trouble = notes.some((n) => /could not delete|teardown failed|^warning:/.test(n));
  return `<details class="target-notes"${trouble ? ' open' : ''}><summary>target notes (${esc(notes.length)})</summary>
<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>
</details>`;
}

export function renderHtml(report: Report): string {
  const counts = VERDICTS.map((v) => `<li class="count-${v}" data-verdict="${v}"><strong>${report.summary[v]}</strong>${v}</li>`).join('');
  const filters = VERDICTS.map((v) => `<label><input type="checkbox" data-filter="${v}" checked> <span class="badge ${v}">${v}</span></label>`).join('');
  const buttons = ['fail', 'drift', 'all'].map((v) => `<button type="button" data-only="${v}">${v === 'all' ? 'show all' : `only ${v}`}</button>`).join(' ');
  const body = `<header class="top">
<h1>Tutorial conformance report</h1>
<div class="meta">target ${esc(report.target)} · engine ${esc(report.engine)} · started ${esc(report.startedAt)} · ${esc((report.durationMs / 1000).toFixed(1))} s · ${esc(report.tutorials.length)} tutorials · report v${esc(report.version)}</div>
<ul class="summary">${counts}</ul>
<div class="filters">${filters} ${buttons}</div>
${comparison(report)}
${targetNotes(report)}
</header>
<main>
${report.tutorials.map(tutorial).join('\n')}
</main>`;
  return fill(TEMPLATE, { title: esc(`Tutorial conformance: ${report.summary.fail} fail, ${report.summary.drift} drift, ${report.summary.pass} pass`), style: STYLE, script: SCRIPT, body });
}
