// markdown-it gives the block structure: headings and fenced code with their line ranges. A fence
// that never closes swallows the rest of its container; the parser then records the dangling marker
// and reads the swallowed lines again as markdown, so the commands and JSON after it are still seen.
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

export interface Heading {
  level: number;
  line: number; // 0-based
  text: string; // inline markdown, as written
}

export interface Fence {
  open: number; // 0-based line of the opening marker
  close: number; // 0-based line of the closing marker
  info: string;
}

export interface Structure {
  headings: Map<number, Heading>;
  fences: Map<number, Fence>; // by opening line; closed fences only
  dangling: Map<number, string>; // unterminated fence markers: line → info string
}

const md = new MarkdownIt('commonmark', { html: true });
// Only the block structure is needed; inline parsing would cost as much again for nothing.
// `normalize` only rewrites CR LF and NUL: the parser splits lines on LF itself (a CR stays at the
// end of its line, outside every marker's reach) and rejects NUL before markdown-it runs.
md.core.ruler.disable(['normalize', 'inline', 'text_join'], true);

/** markdown-it's block tokens for a text. Exposed for the benchmark's baseline. */
export function markdownTokens(text: string): Token[] {
  return md.parse(text, {});
}

const FENCE_CLOSE = /^(?:[ \t]*>)*[ \t]*(`{3,}|~{3,})[ \t]*$/;

function isClosing(line: string | undefined, markup: string): boolean {
  if (line === undefined) return false;
  const m = FENCE_CLOSE.exec(line);
  return !!m && m[1]![0] === markup[0] && m[1]!.length >= markup.length;
}

/**
 * Read the structure of lines [from, to) (0-based). `lines` is the whole file; lines outside the
 * range are ignored.
 */
export function readStructure(lines: string[], from: number, to: number, out?: Structure, wholeText?: string): Structure {
  const s: Structure = out ?? { headings: new Map(), fences: new Map(), dangling: new Map() };
  if (from >= to) return s;
  // `wholeText` spares re-joining the lines when the range is the whole file.
  const text = wholeText !== undefined && from === 0 && to === lines.length ? wholeText : lines.slice(from, to).join('\n');
  const tokens = md.parse(text, {});
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.map) continue;
    const start = from + t.map[0];
    const end = from + t.map[1];
    if (t.type === 'heading_open') {
      const inline = tokens[k + 1];
      s.headings.set(start, { level: Number(t.tag.slice(1)), line: start, text: inline?.content ?? '' });
    } else if (t.type === 'fence') {
      const last = end - 1;
      if (last > start && isClosing(lines[last], t.markup)) {
        s.fences.set(start, { open: start, close: last, info: t.info.trim() });
      } else {
        // Unterminated: everything after the marker was swallowed; read it again.
        s.dangling.set(start, t.info.trim());
        readStructure(lines, start + 1, end, s);
      }
    }
  }
  return s;
}
