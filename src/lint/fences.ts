// The fenced code blocks of a page as CommonMark reads them: an opening run of three or more
// backticks or tildes (indented up to the enclosing list item), closed by a run of the same
// character at least as long; an unclosed fence runs to the end of the file. Rules that judge a
// block as a whole (its info string against its content) read it here.
import type { LintDocument } from './document.ts';

export interface CodeFence {
  /** Line of the opening fence. */
  open: number;
  /** Line of the closing fence (lineCount + 1 when the fence is never closed). */
  close: number;
  /** The info string's first word, lower case ("azurecli-interactive", "" when none). */
  info: string;
}

const OPEN = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;

export function codeFences(doc: LintDocument): CodeFence[] {
  const out: CodeFence[] = [];
  if (!doc.hasText) return out;
  let current: { open: number; marker: string; info: string } | undefined;
  for (let n = 1; n <= doc.lineCount; n++) {
    const m = OPEN.exec(doc.line(n));
    if (!m) continue;
    const marker = m[2] as string;
    // CommonMark §4.5: the info string of a backtick fence may not contain a backtick, so a line
    // such as ```<name>``` and ```<group>``` (inline code in prose) opens no block.
    if (marker[0] === '`' && doc.line(n).trim().slice(marker.length).includes('`')) continue;
    if (current === undefined) {
      current = { open: n, marker, info: (m[3] as string).toLowerCase() };
      continue;
    }
    // A closing fence: same character, at least as long, nothing after it.
    if (marker[0] === current.marker[0] && marker.length >= current.marker.length && doc.line(n).trim() === marker) {
      out.push({ open: current.open, close: n, info: current.info });
      current = undefined;
    }
  }
  if (current) out.push({ open: current.open, close: doc.lineCount + 1, info: current.info });
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
