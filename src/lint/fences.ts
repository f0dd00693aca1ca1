// The fenced code blocks of a page, read as the parser reads them (src/parse/structure.ts, markdown-it
// CommonMark plus DocFX): a fence still open at the `::: zone-end` of the zone it opened in ends there, as
// DocFX ends it; a fence that never closes runs to the end of the file, as the page renders it (the parser
// also reads the lines it swallowed again for commands; those blocks are not listed here, since the reader
// sees them inside the unclosed block). Rules that judge a block as a whole (its info string against its
// content) read it here: one reading of the page's blocks for lint and the parser.
import type { LintDocument } from './document.ts';
import { pageStructure } from './page-structure.ts';

export interface CodeFence {
  /** Line of the opening fence. */
  open: number;
  /** Line of the closing fence (a `::: zone-end` the zone closed it at; lineCount + 1 when the fence is never closed). */
  close: number;
  /** The info string's first word, lower case ("azurecli-interactive", "" when none). */
  info: string;
}

const read = new WeakMap<LintDocument, CodeFence[]>();

export function codeFences(doc: LintDocument): CodeFence[] {
  if (!doc.hasText) return [];
  const known = read.get(doc);
  if (known) return known;
  const s = pageStructure(doc);
  const word = (info: string): string => (info.split(/\s/)[0] ?? '').toLowerCase();
  const all: CodeFence[] = [
    ...[...s.fences.values()].map((f) => ({ open: f.open + 1, close: f.close + 1, info: word(f.info) })),
    ...[...s.dangling].map(([line, info]) => ({ open: line + 1, close: doc.lineCount + 1, info: word(info) })),
  ].sort((a, b) => a.open - b.open);
  // Blocks the parser found again inside an unclosed fence's swallowed lines stay part of that fence.
  const out: CodeFence[] = [];
  for (const f of all) if (!out.some((o) => o.open < f.open && f.open < o.close)) out.push(f);
  read.set(doc, out);
  return out;
}

/** The lines inside a fence (between its opening and closing lines), with their numbers. */
export function fenceLines(doc: LintDocument, fence: CodeFence): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) out.push({ line: n, text: doc.line(n) });
  return out;
}

/** The fence holding a line, if any. */
export function fenceAt(fences: readonly CodeFence[], line: number): CodeFence | undefined {
  return fences.find((f) => f.open < line && line < f.close);
}

// Program source (Python, C#, JavaScript…): its strings are the program's, labels included ("Blob
// Storage" as a caption is not the storage Kind "BlobStorage"), not request data or command words.
const PROGRAM = /^(python|py|csharp|cs|c#|javascript|js|typescript|ts|java|go|golang|ruby|php|cpp|c|rust|kotlin|swift|sql|kusto|xml|html|css)$/;

/** Whether a fence's info string names a programming language (not JSON, Bicep, YAML, a shell or output). */
export function isProgramSource(fence: CodeFence): boolean {
  return PROGRAM.test(fence.info);
}
