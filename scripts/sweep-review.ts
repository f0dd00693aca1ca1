// What a precision sweep asks a reviewer to judge, from one run's report: every error-level lint
// finding, every `fail` and `drift`, and a seeded sample of warnings — each once per page and place
// (a page with tabs runs once per variant; its finding is judged once). A judgement is keyed by the
// page, what was said and the text of the line, not the line number alone, so it still applies when
// the same snapshot is swept again and survives a re-sample.
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Report } from '../src/report/schema.ts';
import { seededOrder } from './sweep-sample.ts';

export type ItemKind = 'error' | 'fail' | 'drift' | 'warning';
export type Judgement = 'real' | 'false' | 'unverified';

export interface ReviewItem {
  key: string;
  kind: ItemKind;
  page: string; // docset-relative
  file?: string; // the include the line is in, when not the page (docset-relative)
  line: number;
  rule?: string; // lint rule id (errors, warnings)
  text: string; // the line as written
  message: string; // the finding's message or the step's reason
  judgement?: Judgement;
  why?: string;
}

const JUDGEMENTS: readonly Judgement[] = ['real', 'false', 'unverified'];

function docsetPath(docset: string, file: string): string {
  return relative(docset, resolve(file)).split(sep).join('/');
}

/** A line's text, and which occurrence of that text in its file it is (0: the first), so two identical lines are two items. */
function lineReader(): (file: string, line: number) => { text: string; nth: number } {
  const cache = new Map<string, string[]>();
  return (file, line) => {
    let lines = cache.get(file);
    if (lines === undefined) {
      try {
        lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
      } catch {
        lines = [];
      }
      cache.set(file, lines.map((l) => l.trim()));
      lines = cache.get(file) ?? [];
    }
    const text = lines[line - 1] ?? '';
    return { text, nth: lines.slice(0, Math.max(0, line - 1)).filter((l) => l === text).length };
  };
}

/** The items of a report to judge; warnings: a seeded sample of `warnings` of them (0: none). */
export function reviewItems(report: Report, docset: string, options: { warnings: number; seed: string }): ReviewItem[] {
  const read = lineReader();
  const items = new Map<string, ReviewItem>();
  const warnings = new Map<string, ReviewItem>();
  for (const t of report.tutorials) {
    const page = docsetPath(docset, t.file);
    for (const f of t.findings) {
      if (f.severity === 'note') continue;
      // A finding's file is the page's own or an include's, relative to where the run was started.
      const own = resolve(f.file) === resolve(t.file);
      const file = own ? undefined : docsetPath(docset, f.file);
      const { text, nth } = read(own ? t.file : f.file, f.line);
      const kind: ItemKind = f.severity === 'error' ? 'error' : 'warning';
      const key = `${kind}|${page}|${file ?? ''}|${f.rule}|${text}|${nth}`;
      const item: ReviewItem = { key, kind, page, ...(file !== undefined ? { file } : {}), line: f.line, rule: f.rule, text, message: f.message };
      (kind === 'error' ? items : warnings).set(key, items.get(key) ?? warnings.get(key) ?? item);
    }
    for (const s of t.steps) {
      if (s.verdict !== 'fail' && s.verdict !== 'drift') continue;
      // A fail the page shows on purpose (or its sidecar expects) claims no defect: nothing to judge.
      if (s.expectedFailure !== undefined) continue;
      const stepFile = s.file ?? t.file;
      const file = s.file === undefined ? undefined : docsetPath(docset, s.file);
      const { text, nth } = read(stepFile, s.line.start);
      const key = `${s.verdict}|${page}|${file ?? ''}|${text}|${nth}`;
      if (!items.has(key)) items.set(key, { key, kind: s.verdict, page, ...(file !== undefined ? { file } : {}), line: s.line.start, text, message: s.reason });
    }
  }
  const sampled = seededOrder([...warnings.keys()], options.seed).slice(0, options.warnings);
  for (const k of sampled) {
    const w = warnings.get(k);
    if (w !== undefined) items.set(k, w);
  }
  const order: Record<ItemKind, number> = { fail: 0, error: 1, drift: 2, warning: 3 };
  return [...items.values()].sort((a, b) => order[a.kind] - order[b.kind] || (a.page < b.page ? -1 : a.page > b.page ? 1 : a.line - b.line));
}

/** Judgements kept from an earlier review.json (its items, judged by hand): key → judgement and why. */
export function readJudgements(file: string): Map<string, { judgement: Judgement; why?: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`--reviewed ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = (parsed as { items?: unknown }).items;
  if (!Array.isArray(list)) throw new Error(`--reviewed ${file}: expected {"items": [...]} as review.json writes it`);
  const out = new Map<string, { judgement: Judgement; why?: string }>();
  list.forEach((raw: unknown, i) => {
    const it = raw as Partial<ReviewItem>;
    if (typeof it.key !== 'string' || it.judgement === undefined) return; // not judged yet
    if (!JUDGEMENTS.includes(it.judgement)) throw new Error(`--reviewed ${file}: items[${i}].judgement is ${JSON.stringify(it.judgement)}; use real, false or unverified`);
    out.set(it.key, { judgement: it.judgement, ...(typeof it.why === 'string' ? { why: it.why } : {}) });
  });
  return out;
}

export function applyJudgements(items: readonly ReviewItem[], judged: ReadonlyMap<string, { judgement: Judgement; why?: string }>): ReviewItem[] {
  return items.map((it) => {
    const j = judged.get(it.key);
    return j === undefined ? it : { ...it, judgement: j.judgement, ...(j.why !== undefined ? { why: j.why } : {}) };
  });
}

export type Tally = Record<ItemKind, Record<Judgement | 'unreviewed', number>>;

export function tally(items: readonly ReviewItem[]): Tally {
  const zero = (): Record<Judgement | 'unreviewed', number> => ({ real: 0, false: 0, unverified: 0, unreviewed: 0 });
  const t: Tally = { fail: zero(), error: zero(), drift: zero(), warning: zero() };
  for (const it of items) t[it.kind][it.judgement ?? 'unreviewed'] += 1;
  return t;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function reviewMarkdown(items: readonly ReviewItem[], header: string): string {
  const t = tally(items);
  const lines = [`# Precision sweep`, '', header, '', '| kind | real | false | unverified | to review |', '|---|---:|---:|---:|---:|'];
  for (const k of ['fail', 'error', 'drift', 'warning'] as const) lines.push(`| ${k} | ${t[k].real} | ${t[k].false} | ${t[k].unverified} | ${t[k].unreviewed} |`);
  lines.push('', '| kind | where | rule | line | said | judgement |', '|---|---|---|---|---|---|');
  for (const it of items) {
    const where = `${it.file ?? it.page}:${it.line}`;
    const judged = it.judgement === undefined ? '**to review**' : `${it.judgement}${it.why ? `: ${cell(it.why)}` : ''}`;
    lines.push(`| ${it.kind} | ${cell(where)} | ${it.rule ?? ''} | \`${cell(it.text.slice(0, 120)).replace(/`/g, "'")}\` | ${cell(it.message.slice(0, 240))} | ${judged} |`);
  }
  return `${lines.join('\n')}\n`;
}
