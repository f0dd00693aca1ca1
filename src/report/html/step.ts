// One step: its head (verdict, id, where, what went wrong, the reason), what to do about it, the
// page's text with its invisible characters shown, the findings on its lines and the evidence.
import { FAILURE_KINDS, UNSUPPORTED_REASONS } from '../../check/verdict.ts';
import type { Finding } from '../../lint/finding.ts';
import { stepFile, type ReportStep, type ReportTutorial } from '../schema.ts';
import { asciiText, charNotes, describeNote, markedText } from './chars.ts';
import { esc, plural } from './escape.ts';
import { evidence } from './evidence.ts';
import { sourceAnchor, type SourceLink } from './links.ts';
import { readableText } from './paths.ts';

export interface StepContext {
  t: ReportTutorial;
  ti: number;
  link: SourceLink;
}

function range(a: number, b: number): string {
  return a === b ? `${a}` : `${a}–${b}`;
}

// The place in the page only: a slice's place in its seed page is in report.json, and the tutorial's
// header says where the slice starts (per step and per finding it was 1.5% of a large report).
export function where(c: StepContext, start: number, end: number, file = c.t.file): string {
  return sourceAnchor(c.link, file, start, `${file}:${range(start, end)}`, 'where');
}

export const stepAnchor = (ti: number, id: string) => `t${ti}-${id}`;

function stepHead(c: StepContext, s: ReportStep, findings: number): string {
  const what = s.failure
    ? `<span class="fk">${esc(FAILURE_KINDS[s.failure].title)}</span>`
    : s.unsupported
      ? `<span class="uk">${esc(UNSUPPORTED_REASONS[s.unsupported].title)}</span>`
      : '';
  const blocked = s.blockedBy ? `<a class="blocked-by" href="#${esc(stepAnchor(c.ti, s.blockedBy))}">blocked by ${esc(s.blockedBy)}</a>` : '';
  const expected = s.expectedFailure !== undefined ? '<span class="xf">expected to fail</span>' : '';
  const nf = findings > 0 ? `<span class="nf">${esc(plural(findings, 'finding'))}</span>` : '';
  return `<div class="sh"><span class="badge ${esc(s.verdict)}">${esc(s.verdict)}</span><b>${esc(s.id)}</b><span class="k">${esc(s.kind)}</span>${where(c, s.line.start, s.line.end, stepFile(c.t, s))}${what}${expected}${blocked}${nf}</div><p class="reason">${esc(readableText(s.reason))}</p>`;
}

function copyable(text: string, label: string): string {
  return `<div class="copyable"><div class="cl">${esc(label)}</div><pre><code>${esc(text)}</code></pre><button type="button" class="copy">Copy</button></div>`;
}

/** A suggestion is either the corrected text itself or a sentence about it (with `code` spans). */
function isSentence(s: string): boolean {
  return /^[a-z]+ /.test(s) && !/^(curl|az|export|echo|cat|set|jq|wget|sudo|pwsh|printf|read|source|http|https)\b/.test(s);
}

function sentence(s: string): string {
  return s
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? `<code>${esc(part.slice(1, -1))}</code>` : esc(part)))
    .join('');
}

/**
 * Fixes the report knows, most specific first. Today: the checker's `suggestion` and the command with
 * its look-alike characters replaced; a structured fix in the report (from the fix-patch work) would
 * be shown here first.
 */
export function fixes(s: ReportStep): string[] {
  const out: string[] = [];
  if (s.suggestion) out.push(isSentence(s.suggestion) ? `<p class="sug"><b>Suggested:</b> ${sentence(s.suggestion)}</p>` : copyable(s.suggestion, 'Suggested text'));
  const ascii = s.kind === 'manual' ? undefined : asciiText(s.raw);
  if (ascii !== undefined && ascii !== s.suggestion) out.push(copyable(ascii, 'The command with its look-alike characters replaced'));
  return out;
}

function whatToDo(c: StepContext, s: ReportStep): string {
  const lines: string[] = [];
  if (s.expectedFailure !== undefined) lines.push(`<p class="how"><b>Expected to fail</b> (the page's sidecar, or the page's own words): ${esc(s.expectedFailure)}</p>`);
  if (s.failure) lines.push(`<p class="how"><b>How to fix:</b> ${sentence(FAILURE_KINDS[s.failure].fix)}</p>`);
  if (s.unsupported) lines.push(`<p class="how"><b>What would run it:</b> ${sentence(UNSUPPORTED_REASONS[s.unsupported].runsIt)}</p>`);
  if (s.blockedBy) lines.push(`<p class="how">Fix <a href="#${esc(stepAnchor(c.ti, s.blockedBy))}">${esc(s.blockedBy)}</a> first: this step needs what it produces.</p>`);
  lines.push(...fixes(s));
  return lines.length ? `<div class="fix">${lines.join('')}</div>` : '';
}

/** Portal instructions are context, not evidence: their first lines, the rest on the page. */
const MANUAL_LINES = 4;

function pageSays(s: ReportStep): string {
  if (s.kind === 'manual') {
    const lines = s.raw.split('\n');
    const more = lines.length > MANUAL_LINES ? `<p class="empty">… ${esc(plural(lines.length - MANUAL_LINES, 'more line'))} on the page</p>` : '';
    return `<div class="says"><h4>The page says</h4><pre class="raw">${markedText(lines.slice(0, MANUAL_LINES).join('\n'))}</pre>${more}</div>`;
  }
  const notes = charNotes(s.raw);
  const list = notes.length
    ? `<ul class="chars">${notes.map((n) => `<li>line ${esc(s.line.start + n.line - 1)}, column ${esc(n.column)} of the command: ${esc(describeNote(n))}</li>`).join('')}</ul>`
    : '';
  const label = `The page says${notes.length ? ` — ${esc(plural(notes.length, 'character'))} a reader cannot see or tell from ASCII` : ''}`;
  return `<div class="says"><h4>${label}</h4><pre class="raw">${markedText(s.raw, notes)}</pre>${list}</div>`;
}

export function findingItem(c: StepContext, f: Finding): string {
  const at = sourceAnchor(c.link, f.file, f.line, `${f.file !== c.t.file ? `${f.file}:` : 'line '}${f.line}${f.column ? `:${f.column}` : ''}`, 'fl');
  const sug = f.suggestion ? ` <span class="fs">write <code>${esc(f.suggestion)}</code></span>` : '';
  return `<li class="sev-${esc(f.severity)}"><span class="sev">${esc(f.severity)}</span> <code class="rule">${esc(f.rule)}</code> ${at} ${esc(readableText(f.message))}${sug}</li>`;
}

export function stepArticle(c: StepContext, s: ReportStep, findings: readonly Finding[]): string {
  const section = s.section && s.section !== c.t.title ? `<p class="section">In “${esc(s.section)}”</p>` : '';
  const list = findings.length ? `<div class="sf"><h4>Findings on these lines</h4><ul class="findings">${findings.map((f) => findingItem(c, f)).join('')}</ul></div>` : '';
  const hasEvidence = s.kind !== 'manual' && (s.request !== undefined || s.exchanges !== undefined || s.output !== undefined || s.expectation !== undefined || s.checks.length > 0);
  const open = s.verdict === 'fail' || s.verdict === 'drift' ? ' open' : '';
  const ev = hasEvidence ? `<details class="ev"${open}><summary>evidence</summary>${evidence(s)}</details>` : '';
  return `<article class="step" data-verdict="${esc(s.verdict)}" id="${esc(stepAnchor(c.ti, s.id))}">${stepHead(c, s, findings.length)}${section}${whatToDo(c, s)}${pageSays(s)}${list}${ev}</article>`;
}

/**
 * Findings by the step they are about: the one they name, else the step whose command or example
 * holds their line. The rest belong to the tutorial.
 */
export function findingsByStep(t: ReportTutorial): { byStep: Map<string, Finding[]>; rest: Finding[] } {
  const byStep = new Map<string, Finding[]>();
  const rest: Finding[] = [];
  const ids = new Set(t.steps.map((s) => s.id));
  for (const f of t.findings) {
    const inside = (r: { start: number; end: number } | undefined) => r !== undefined && f.line >= r.start && f.line <= r.end;
    const id = f.stepId !== undefined && ids.has(f.stepId) ? f.stepId : t.steps.find((s) => stepFile(t, s) === f.file && (inside(s.line) || inside(s.expectation?.line)))?.id;
    if (id === undefined) rest.push(f);
    else byStep.set(id, [...(byStep.get(id) ?? []), f]);
  }
  return { byStep, rest };
}
