// The corrections of one file, from its findings' fixes (src/lint/fix.ts) to edits on its text:
// each edit placed by the line and column the rule gave and checked against what the file holds
// there; identical fixes of two rules merged; fixes whose edits overlap kept out, every one of them
// (which of two conflicting corrections is right is not for the tool to guess); the rest grouped
// into changes, one per run of lines they touch — the unit of a GitHub suggestion and of a hunk.
import { findingId, type Finding, type TextEdit } from '../../lint/finding.ts';

/** An edit on the file's text: UTF-16 offsets of the decoded text and UTF-8 byte offsets of the file. */
export interface PlacedEdit {
  from: number;
  to: number;
  text: string;
  start: number;
  end: number;
}

export interface PlannedFix {
  ids: string[];
  rules: string[];
  stepIds: string[];
  description: string;
  edits: PlacedEdit[];
}

/** Fixes whose edits touch the same lines (lines as git counts them: ended by \n). */
export interface Change {
  fixes: PlannedFix[];
  /** 1-based, inclusive. */
  firstLine: number;
  lastLine: number;
}

export interface LeftOut {
  ids: string[];
  line: number;
  reason: string;
}

export interface FilePlan {
  /** The file's text (decoded UTF-8, BOM kept as U+FEFF) and its lines with their terminators. */
  text: string;
  lines: string[];
  /** Where each of `lines` starts in `text`, and the text's length last. */
  lineStarts: number[];
  changes: Change[];
  leftOut: LeftOut[];
}

/** Offsets where each line starts as lint numbers lines: ended by \r\n, \r or \n. */
function lintLineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** Lines as git counts them, each with its terminator (the last may have none). */
export function gitLines(text: string): string[] {
  const out = text.split(/(?<=\n)/);
  return out.length === 1 && out[0] === '' ? [] : out;
}

const show = (s: string): string => JSON.stringify(s);

function place(text: string, starts: readonly number[], e: TextEdit): { from: number; to: number } | string {
  const lineStart = starts[e.line - 1];
  if (lineStart === undefined) return `line ${e.line} is past the end of the file`;
  const lineEnd = (starts[e.line] ?? text.length + 1) - 1;
  const lineText = text.slice(lineStart, lineEnd).replace(/\r?\n?$|\r$/, '');
  if (e.endColumn - 1 > lineText.length || e.column > e.endColumn) return `columns ${e.column}–${e.endColumn} are not on line ${e.line}`;
  const from = lineStart + e.column - 1;
  const to = lineStart + e.endColumn - 1;
  if (text.slice(from, to) !== e.old) return `line ${e.line} no longer holds ${show(e.old)} at column ${e.column} (the file changed since it was read)`;
  return { from, to };
}

/** Two edits that cannot both be made: overlapping ranges, or insertions at one place (or inside the other's range). */
function clash(a: PlacedEdit, b: PlacedEdit): boolean {
  if (a.from === a.to && b.from === b.to) return a.from === b.from;
  if (a.from === a.to) return a.from > b.from && a.from < b.to;
  if (b.from === b.to) return b.from > a.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

export function planFile(text: string, findings: readonly Finding[]): FilePlan {
  const starts = lintLineStarts(text);
  const leftOut: LeftOut[] = [];
  const fixes: PlannedFix[] = [];
  const byEdits = new Map<string, PlannedFix>();
  for (const f of findings) {
    if (f.fix === undefined) continue;
    const id = findingId(f);
    const placed: PlacedEdit[] = [];
    let problem: string | undefined;
    for (const e of f.fix.edits) {
      const p = place(text, starts, e);
      if (typeof p === 'string') {
        problem = p;
        break;
      }
      placed.push({ ...p, text: e.text, start: -1, end: -1 });
    }
    placed.sort((a, b) => a.from - b.from || a.to - b.to);
    if (problem === undefined && placed.some((e, i) => i > 0 && clash(e, placed[i - 1] as PlacedEdit))) problem = 'its own edits overlap';
    if (problem !== undefined) {
      leftOut.push({ ids: [id], line: f.line, reason: problem });
      continue;
    }
    const fix: PlannedFix = { ids: [id], rules: [f.rule], stepIds: f.stepId !== undefined ? [f.stepId] : [], description: f.fix.description, edits: placed };
    const key = JSON.stringify(placed.map((e) => [e.from, e.to, e.text]));
    const twin = byEdits.get(key);
    if (twin !== undefined) {
      // Two rules asking for the very same edits: one correction, both findings named.
      twin.ids.push(id);
      if (!twin.rules.includes(f.rule)) twin.rules.push(f.rule);
      for (const s of fix.stepIds) if (!twin.stepIds.includes(s)) twin.stepIds.push(s);
    } else {
      fixes.push(fix);
      byEdits.set(key, fix);
    }
  }

  // UTF-8 byte offsets, in one pass over the text.
  const offsets = fixes.flatMap((f) => f.edits.flatMap((e) => [e.from, e.to])).sort((x, y) => x - y);
  const bytesAt = new Map<number, number>();
  let bytes = 0;
  let at = 0;
  for (const o of offsets) {
    if (bytesAt.has(o)) continue;
    bytes += Buffer.byteLength(text.slice(at, o), 'utf8');
    at = o;
    bytesAt.set(o, bytes);
  }
  for (const f of fixes) {
    for (const e of f.edits) {
      e.start = bytesAt.get(e.from) ?? -1;
      e.end = bytesAt.get(e.to) ?? -1;
    }
  }

  // Conflicts: every fix that clashes with another is left out. One sweep over the edits in file
  // order, keeping those that still reach the current position (edits stay within a line: few).
  const clashes = fixes.map(() => new Set<number>());
  const all = fixes.flatMap((fix, i) => fix.edits.map((e) => ({ e, i }))).sort((a, b) => a.e.from - b.e.from || a.e.to - b.e.to);
  let active: typeof all = [];
  for (const cur of all) {
    active = active.filter((a) => a.e.to > cur.e.from || a.e.from === cur.e.from);
    for (const a of active) {
      if (a.i !== cur.i && clash(a.e, cur.e)) {
        clashes[a.i]?.add(cur.i);
        clashes[cur.i]?.add(a.i);
      }
    }
    active.push(cur);
  }
  const kept: PlannedFix[] = [];
  fixes.forEach((fix, i) => {
    const others = [...(clashes[i] ?? [])].map((j) => fixes[j] as PlannedFix);
    if (others.length === 0) {
      kept.push(fix);
      return;
    }
    const line = lineOfOffset(starts, fix.edits[0]?.from ?? 0);
    leftOut.push({
      ids: fix.ids,
      line,
      reason: `its edits overlap those of ${others.map((o) => o.ids.join(' and ')).join(', ')} (${others.map((o) => o.description).join('; ')}): which correction is right is not for the tool to choose, so neither is in the patch`,
    });
  });

  const lines = gitLines(text);
  const lineStarts: number[] = [];
  lines.reduce((at, l) => (lineStarts.push(at), at + l.length), 0);
  lineStarts.push(text.length);
  const gitLineOf = (offset: number): number => Math.min(lines.length, lineOfOffset(lineStarts, offset));
  const spans = kept
    .map((fix) => ({ fix, first: Math.min(...fix.edits.map((e) => gitLineOf(e.from))), last: Math.max(...fix.edits.map((e) => gitLineOf(Math.max(e.from, e.to - 1)))) }))
    .sort((a, b) => a.first - b.first || a.last - b.last);
  const changes: Change[] = [];
  for (const s of spans) {
    const prev = changes[changes.length - 1];
    if (prev !== undefined && s.first <= prev.lastLine) {
      prev.fixes.push(s.fix);
      prev.lastLine = Math.max(prev.lastLine, s.last);
    } else changes.push({ fixes: [s.fix], firstLine: s.first, lastLine: s.last });
  }
  return { text, lines, lineStarts, changes, leftOut: leftOut.sort((a, b) => a.line - b.line) };
}

/** The 1-based line holding `offset`, given each line's start. */
function lineOfOffset(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The change's lines (firstLine…lastLine) as they read after its edits. */
export function changedLines(plan: FilePlan, change: Change): string[] {
  const startOffset = plan.lineStarts[change.firstLine - 1] ?? 0;
  const old = plan.text.slice(startOffset, plan.lineStarts[change.lastLine] ?? plan.text.length);
  const edits = change.fixes.flatMap((f) => f.edits).sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += old.slice(at, e.from - startOffset) + e.text;
    at = e.to - startOffset;
  }
  out += old.slice(at);
  return gitLines(out);
}
