// The page as the reader sees it: every `[!INCLUDE]` the page (or an include) holds outside code is
// followed by the included file's text (front matter dropped). Lint reads it so that its rules see
// included text in its place, and the plan's World reads its prose so that what an include states
// (a prerequisite, a grant) counts for the page. Each rendered line remembers the file and line it
// comes from. Includes are read through the parser's resolver (docset.ts), so the text rendered is
// exactly the text the parse read.
import { frontMatterEnd } from './blocks.ts';
import { INCLUDE, MAX_INCLUDE_DEPTH } from './includes.ts';
import type { IncludeResult } from './scan-state.ts';
import { readStructure } from './structure.ts';

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
