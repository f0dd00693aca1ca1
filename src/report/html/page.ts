// The page around the steps: the header (tool version and run settings), the sticky verdict filter,
// the table of tutorials (counts per verdict, each a link), and one section per tutorial.
import { VERDICTS, type Verdict } from '../../check/verdict.ts';
import { tutorialLabel, type Report, type ReportTutorial, type VerdictChange } from '../schema.ts';
import { esc, plural } from './escape.ts';
import { sourceAnchor, sourceLinker, type SourceLink } from './links.ts';
import { packAll } from './pack.ts';
import { findingItem, findingsByStep, stepArticle, type StepContext } from './step.ts';

function counts(t: ReportTutorial): Partial<Record<Verdict, { n: number; first: string }>> {
  const out: Partial<Record<Verdict, { n: number; first: string }>> = {};
  for (const s of t.steps) {
    const c = out[s.verdict];
    if (c) c.n++;
    else out[s.verdict] = { n: 1, first: s.id };
  }
  return out;
}

function settingsLine(r: Report): string {
  const s = r.settings;
  const parts: string[] = [];
  if (s?.failOn?.length) parts.push(`--fail-on ${s.failOn.join(',')}`);
  if (s?.grep !== undefined) parts.push(`--grep ${s.grep}`);
  if (s?.setKeys?.length) parts.push(`--set ${s.setKeys.join(', ')}`);
  if (s?.shard !== undefined) parts.push(`--shard ${s.shard}`);
  if (s?.sourceUrl !== undefined) parts.push(`--source-url ${s.sourceUrl}`);
  return parts.length ? `<p class="settings">run with ${parts.map((p) => `<code>${esc(p)}</code>`).join(' ')}</p>` : '';
}

function redactions(r: Report): string {
  const red = Object.entries(r.redactions ?? {});
  if (red.length === 0) return '';
  const total = red.reduce((a, [, n]) => a + n, 0);
  return `<details class="redactions"><summary>${esc(plural(total, 'secret'))} replaced by [REDACTED:…]</summary><ul>${red.map(([k, n]) => `<li>${esc(k)}: ${esc(n)}</li>`).join('')}</ul></details>`;
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

export function header(r: Report): string {
  const tool = r.settings?.tool;
  const steps = r.tutorials.reduce((a, t) => a + t.steps.length, 0);
  const meta = [
    tool ? `${tool.name} ${tool.version}` : 'tool version not recorded',
    `target ${r.target}`,
    `engine ${r.engine}`,
    `started ${r.startedAt}`,
    `${(r.durationMs / 1000).toFixed(1)} s`,
    plural(r.tutorials.length, 'tutorial'),
    plural(steps, 'step'),
    `report v${r.version}`,
  ];
  return `<header class="top" id="top"><h1>Tutorial conformance report</h1>
<p class="meta">${meta.map(esc).join(' · ')}</p>${settingsLine(r)}${redactions(r)}${comparison(r)}${targetNotes(r)}</header>`;
}

/** The sticky bar: one chip per verdict, its count and a checkbox that filters by it. */
export function filterBar(r: Report): string {
  const chips = VERDICTS.map(
    (v) => `<label class="chip count-${v}${r.summary[v] === 0 ? ' zero' : ''}" data-verdict="${v}"><input type="checkbox" data-filter="${v}" checked><strong>${r.summary[v]}</strong> ${v}</label>`,
  ).join('');
  const buttons = ['fail', 'drift', 'all'].map((v) => `<button type="button" data-only="${v}">${v === 'all' ? 'all' : `only ${v}`}</button>`).join('');
  return `<nav class="bar" aria-label="Filter steps by verdict">${chips}<span class="only">${buttons}</span><a class="totop" href="#top" title="Back to the table of tutorials">↑</a></nav>`;
}

/**
 * One tutorial as the page's script needs it to draw its row in the table of tutorials and its
 * (still empty) section; report.js reads it by position. The rows and sections are built by the
 * script from this index, not written as markup: a thousand rows of markup were half a megabyte.
 */
export type IndexEntry = [
  title: string,
  /** The file, and the variant in parentheses for a page run once per variant. */
  file: string,
  problems: number,
  /** Per verdict, in VERDICTS order: [count, first step id], or 0 when no step has it. */
  counts: Array<[number, string] | 0>,
  findings: number,
  block: number,
  steps: number,
];

export function indexEntry(t: ReportTutorial, block: number): IndexEntry {
  const c = counts(t);
  return [t.title, tutorialLabel(t), t.problems?.length ?? 0, VERDICTS.map((v) => (c[v] ? [c[v].n, c[v].first] : 0)), t.findings.length, block, t.steps.length];
}

/** JSON inside a script element: nothing in it can end the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The table of contents: its head and hint; one row per tutorial is drawn by the script from the
 * index (report.js). Rows are grid boxes, not table rows: the browser lays out only those on screen.
 */
export function contents(r: Report): string {
  const head = `<div class="row head"><span>tutorial</span>${VERDICTS.map((v) => `<span>${v}</span>`).join('')}<span>findings</span></div>`;
  const failing = r.tutorials.filter((t) => t.steps.some((s) => s.verdict === 'fail')).length;
  const hint = r.summary.fail > 0 ? `${plural(r.summary.fail, 'step')} fail in ${plural(failing, 'tutorial')}: “only fail” lists them; a count opens its first step.` : 'A count opens its first step.';
  return `<section class="contents"><h2>Tutorials</h2><p class="hint">${esc(hint)}</p><div class="toc">${head}</div></section>`;
}

function tally(t: ReportTutorial): string {
  const c = counts(t);
  return VERDICTS.filter((v) => c[v])
    .map((v) => `${c[v]!.n} ${v}`)
    .join(' · ');
}

/** What kept part of the page from running (unreadable file, unbound placeholder, missing include). */
function problems(t: ReportTutorial, link: SourceLink): string {
  const list = t.problems ?? [];
  if (list.length === 0) return '';
  const items = list.map((p) => `<li><code>${esc(p.code)}</code>${p.line !== undefined ? ` ${sourceAnchor(link, t.file, p.line, `line ${p.line}`, 'fl')}` : ''} ${esc(p.message)}</li>`);
  return `<div class="problems"><h3>${esc(plural(list.length, 'problem'))} kept part of this page from running</h3><ul>${items.join('')}</ul></div>`;
}

/** Everything of a tutorial but its place in the page: the part that travels packed. */
function tutorialBody(t: ReportTutorial, ti: number, link: SourceLink): string {
  const c: StepContext = { t, ti, link };
  const { byStep, rest } = findingsByStep(t);
  const seed = t.seed ? ` · seed ${esc(t.seed.file)} from line ${esc(t.seed.firstLine)}` : '';
  const none = t.steps.length === 0 ? '<p class="no-steps">No step of this page could be run (see the problems above, or the page holds no command this tool runs).</p>' : '';
  const steps = t.steps.map((s) => stepArticle(c, s, byStep.get(s.id) ?? [])).join('');
  const other = rest.length > 0 ? `<div class="tf"><h3>${esc(plural(rest.length, 'finding'))} not tied to a step</h3><ul class="findings">${rest.map((f) => findingItem(c, f)).join('')}</ul></div>` : '';
  return `<h2>${esc(t.title)}</h2><div class="file">${sourceAnchor(link, t.file, 1, t.file, 'file')}${t.variant !== undefined ? ` <span class="variant">(${esc(t.variant)})</span>` : ''}${seed} · <span class="tally">${esc(tally(t))}</span></div>${problems(t, link)}${none}${steps}${other}`;
}

export function pageBody(r: Report): string {
  const link = sourceLinker(r.settings);
  const packed = packAll(r.tutorials.map((t, ti) => tutorialBody(t, ti, link)));
  return `${header(r)}
${filterBar(r)}
<main>
${contents(r)}
</main>
<script type="application/json" id="tc-index">${scriptJson(r.tutorials.map((t, ti) => indexEntry(t, packed.blockOf.get(ti) ?? 0)))}</script>
${packed.scripts}`;
}
