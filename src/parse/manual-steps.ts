// Manual steps: runs of numbered, command-free list items (portal instructions) and prose that
// grants a role, found once every line has its role; manual.ts says what each of them creates.
import type { ManualStep } from '../model.ts';
import { sectionAt } from './blocks.ts';
import { F_ITEM, ORDERED_ITEM, indentOf } from './lines.ts';
import { manualCreates, proseRoleCreates } from './manual.ts';
import { findAnglePlaceholders, uniqueKeys } from './placeholders.ts';
import { Role, type ScanState } from './scan-state.ts';

export function findManualSteps(st: ScanState) {
  interface Item {
    line: number;
    num: number;
    end: number; // last line of the item (0-based, inclusive)
    endedByBoundary: boolean;
    code: boolean;
  }
  const items: Item[] = [];
  for (let k = st.bodyStart; k < st.n; k++) {
    if (st.role[k] !== Role.Prose || (st.flags[k]! & F_ITEM) === 0) continue;
    const m = ORDERED_ITEM.exec(st.cont[k]!);
    if (m) items.push({ line: k, num: Number(m[1]), end: k, endedByBoundary: false, code: false });
  }
  // An item runs to the next item, a heading, or a column-0 line after a blank line.
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx]!;
    const next = idx + 1 < items.length ? items[idx + 1]!.line : st.n;
    let end = item.line;
    let boundary = next === st.n;
    for (let k = item.line + 1; k < next; k++) {
      if (st.headingLines.has(k) || st.isDocfxHeading(k)) {
        boundary = true;
        break;
      }
      if (st.blank[k] === 1) continue;
      const l = st.lines[k]!;
      if (st.blank[k - 1] === 1 && indentOf(l) === 0 && l.charCodeAt(0) !== 62 /* > */) {
        boundary = true;
        break;
      }
      end = k;
    }
    item.end = end;
    item.endedByBoundary = boundary;
    for (let k = item.line; k <= end && !item.code; k++) {
      const r = st.role[k];
      item.code = r === Role.Command || r === Role.Expectation || r === Role.Example || r === Role.Code || r === Role.Marker;
    }
  }
  // Runs of consecutive, command-free items.
  const runs: Item[][] = [];
  let run: Item[] = [];
  for (let idx = 0; idx < items.length; idx++) {
    const item = items[idx]!;
    const prev = idx > 0 ? items[idx - 1] : undefined;
    const describesCommand = /\bcurl\b|\baz [a-z]/i.test(st.cont[item.line]!);
    const continuesRun = run.length > 0 && prev !== undefined && run[run.length - 1] === prev && !prev.endedByBoundary && item.num === prev.num + 1;
    if ((item.code || describesCommand || !continuesRun) && run.length > 0) {
      runs.push(run);
      run = [];
    }
    if (!item.code && !describesCommand) run.push(item);
  }
  if (run.length > 0) runs.push(run);

  const manual: Array<{ start: number; end: number; creates: string[] }> = [];
  for (const r of runs) {
    const texts: string[] = [];
    for (const item of r) {
      const parts: string[] = [];
      for (let k = item.line; k <= item.end; k++) if (st.role[k] === Role.Prose) parts.push(st.cont[k]!);
      texts.push(parts.join(' '));
    }
    manual.push({ start: r[0]!.line, end: r[r.length - 1]!.end, creates: manualCreates(texts) });
  }
  // "Grant access by assigning the X role to the managed identity…" in a prose paragraph.
  for (const p of st.paragraphs) {
    if (st.has(p.start, F_ITEM)) continue;
    let mentionsRole = false;
    for (let m = p.start; m <= p.end && !mentionsRole; m++) mentionsRole = st.cont[m]!.includes('role') || st.cont[m]!.includes('Role');
    const creates = mentionsRole ? proseRoleCreates(st.paragraphText(p.start, p.end)) : undefined;
    if (creates) manual.push({ start: p.start, end: p.end, creates });
  }
  for (const m of manual) {
    const raw = st.lines.slice(m.start, m.end + 1).join('\n');
    const keys = uniqueKeys(findAnglePlaceholders(raw));
    const step: ManualStep = {
      id: '',
      kind: 'manual',
      source: { file: st.file, startLine: m.start + 1, endLine: m.end + 1 },
      raw,
      section: sectionAt(st, m.start + 1),
      marks: [],
      placeholders: keys,
      creates: m.creates,
    };
    st.steps.push({ order: m.start, step });
  }
}
