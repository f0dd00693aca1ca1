// The page as the reader sees it: every `[!INCLUDE]` the page (or an include) holds outside code is
// followed by the included file's text (front matter dropped), so that lint reads included text in
// its place — the rules about the page's world, prerequisites and order of creation see what the
// include creates where the include line is. Each rendered line remembers the file and line it
// comes from, and `placeFindings` moves what the rules found back there: a reader clicking a
// finding lands on the text it names, in the include when the text is the include's.
import type { Tutorial } from '../model.ts';
import { frontMatterEnd } from '../parse/blocks.ts';
import { INCLUDE, MAX_INCLUDE_DEPTH } from '../parse/includes.ts';
import type { IncludeResult } from '../parse/scan-state.ts';
import { readStructure } from '../parse/structure.ts';
import type { Finding, Fix } from './finding.ts';

export type IncludeResolver = (target: string, from: string) => IncludeResult;

/** Where a rendered line comes from: a file (project-relative, as the model names files) and its line. */
export interface LineOrigin {
  file: string;
  line: number;
  /** Spaces put before the included line so that it stays inside the list item the include is in. */
  indent: number;
}

export interface RenderedPage {
  /** The page's lines with the included files' lines after each include line, joined by "\n". */
  text: string;
  /** The origin of rendered line n at index n − 1. */
  origins: LineOrigin[];
  /** How many includes were put in (0: the rendered page is the page). */
  included: number;
}

/** Lines as lint numbers them: ended by \r\n, \r or \n. */
const splitLines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

/** What goes before an include's lines: the directive's own indentation, or a list item's. */
function indentOf(before: string): number {
  return /^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)?$/.test(before) ? before.length : 0;
}

/**
 * The page with its includes in place. `resolve` is the parser's resolver (parse/docset.ts), so an
 * include lint reads is exactly the one the run reads; one that does not resolve stays a line of
 * the page (the parser's `missing-include` says why).
 */
export function renderIncludes(text: string, file: string, resolve: IncludeResolver): RenderedPage {
  const out: RenderedPage = { text: '', origins: [], included: 0 };
  const lines: string[] = [];
  const add = (body: string, from: string, depth: number, indent: number, first: number): void => {
    const own = splitLines(body);
    const code = codeLines(own);
    for (let i = first; i < own.length; i++) {
      const line = own[i]!;
      lines.push(indent > 0 && line.trim() !== '' ? ' '.repeat(indent) + line : line);
      out.origins.push({ file: from, line: i + 1, indent: line.trim() !== '' ? indent : 0 });
      if (code.has(i) || !line.includes('[!')) continue;
      for (const m of line.matchAll(INCLUDE)) {
        if (depth + 1 > MAX_INCLUDE_DEPTH) continue;
        const found = resolve(m[1]!.trim(), from);
        if ('error' in found) continue;
        out.included++;
        const inner = splitLines(found.text);
        const start = Math.max(0, frontMatterEnd(inner));
        add(found.text, found.file, depth + 1, indent + indentOf(line.slice(0, m.index ?? 0)), start);
      }
    }
  };
  add(text, file, 0, 0, 0);
  out.text = lines.join('\n');
  return out;
}

/** 0-based lines inside fenced code (a directive there is text the page shows, not an include). */
function codeLines(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  if (!lines.some((l) => l.includes('[!'))) return inside;
  const s = readStructure([...lines], 0, lines.length);
  for (const f of s.fences.values()) for (let k = f.open; k <= f.close; k++) inside.add(k);
  for (const open of s.dangling.keys()) for (let k = open; k < lines.length; k++) inside.add(k);
  return inside;
}

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
