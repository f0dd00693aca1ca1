// Findings on the page as rendered (parse/rendered.ts: the page with its includes in place) moved
// back to the files their text is in: a reader clicking a finding lands on the text it names, in the
// include when the text is the include's.
import type { Tutorial } from '../model.ts';
import type { LineOrigin, RenderedPage } from '../parse/rendered.ts';
import type { Finding, Fix } from './finding.ts';

export { renderIncludes, type IncludeResolver, type LineOrigin, type RenderedPage } from '../parse/rendered.ts';

/**
 * Findings on the rendered page → findings on the files the text is in. A finding on included text
 * names the include's file and line; its columns lose the indentation rendering added; a fix whose
 * edits are not all in that file is left out (said in the message); a seed place is kept only on the
 * page itself; step ids name the run's steps (same file and first line). The same include in one page
 * twice is reported once per place.
 */
export function placeFindings(findings: readonly Finding[], rendered: RenderedPage, tutorial: Tutorial, lintModel: Tutorial): Finding[] {
  const origin = (n: number): LineOrigin | undefined => rendered.origins[n - 1];
  const runStep = new Map(tutorial.steps.map((s) => [`${s.source.file}\u0000${s.source.startLine}`, s.id]));
  const stepIds = new Map<string, string>();
  for (const s of lintModel.steps) {
    const o = origin(s.source.startLine);
    const id = o && runStep.get(`${o.file}\u0000${o.line}`);
    if (id !== undefined) stepIds.set(s.id, id);
  }
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const at = origin(f.line);
    if (at === undefined) {
      out.push(f);
      continue;
    }
    const key = `${f.rule}\u0000${at.file}\u0000${at.line}\u0000${f.column ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { column, endLine, seed, stepId, fix, ...rest } = f;
    const end = endLine !== undefined ? origin(endLine) : undefined;
    const placed: Finding = {
      ...rest,
      message: relabelLines(f.message, rendered, tutorial.file),
      file: at.file,
      line: at.line,
      ...(column !== undefined ? { column: Math.max(1, column - at.indent) } : {}),
      ...(end !== undefined && end.file === at.file && end.line >= at.line ? { endLine: end.line } : {}),
      ...(seed !== undefined && at.file === tutorial.file ? { seed: { file: seed.file, line: seed.line - f.line + at.line } } : {}),
      ...(stepId !== undefined && stepIds.has(stepId) ? { stepId: stepIds.get(stepId)! } : {}),
    };
    if (fix !== undefined) {
      const moved = moveFix(fix, at.file, origin);
      if (typeof moved === 'string') placed.message += ` (no automatic fix: ${moved})`;
      else placed.fix = moved;
    }
    out.push(placed);
  }
  return out;
}

function moveFix(fix: Fix, file: string, origin: (n: number) => LineOrigin | undefined): Fix | string {
  const edits: Fix['edits'] = [];
  for (const e of fix.edits) {
    const o = origin(e.line);
    if (o === undefined || o.file !== file) return `the correction would edit ${o?.file ?? 'a line past the end'} as well as ${file}`;
    if (e.column <= o.indent) return `the correction would edit the indentation rendering added`;
    edits.push({ ...e, line: o.line, column: e.column - o.indent, endColumn: e.endColumn - o.indent });
  }
  return { ...fix, edits };
}

/** "line 40", "lines 40–42", "lines 3, 5 and 7" in a message written on the rendered page → the lines (and file, when not the page's) they are. */
function relabelLines(message: string, rendered: RenderedPage, page: string): string {
  if (rendered.included === 0) return message;
  return message.replace(/\b(lines?) (\d+(?:(?:, | and |[–-])\d+)*)\b/g, (whole, word: string, list: string) => {
    const numbers = [...list.matchAll(/\d+/g)].map((m) => Number(m[0]));
    const origins = numbers.map((n) => rendered.origins[n - 1]);
    if (origins.some((o) => o === undefined)) return whole;
    const files = new Set(origins.map((o) => o!.file));
    let k = 0;
    if (files.size === 1) {
      const file = origins[0]!.file;
      return `${word} ${list.replace(/\d+/g, () => String(origins[k++]!.line))}${file === page ? '' : ` of ${file}`}`;
    }
    // Lines of several files: each says its own.
    return `${word} ${list.replace(/\d+/g, () => {
      const o = origins[k++]!;
      return o.file === page ? String(o.line) : `${o.line} of ${o.file}`;
    })}`;
  });
}
