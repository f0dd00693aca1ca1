// Views of a text in which a secret that tools broke apart is contiguous again, each with the way
// back to the text's own positions. Written text is scanned as it is, and also:
// - skeleton: every line without its dump or trace prefix (`0040: ` of curl --trace-ascii and xxd,
//   od's and hexdump's offsets, `> `/`< `/`* ` of curl -v, `+ ` of set -x) and without spaces, tabs
//   and line breaks: a token folded by `fold -w 50`, wrapped at 64 by curl's trace or at 76 by
//   base64, spelt out by `od -c` or `od -tx1`, is one run of characters there;
// - dump hex / dump text: hex dumps that print bytes twice (curl --trace, xxd, hexdump -C) give
//   their hex cells and their text column as two views, each joined across lines.
// A view is built per chunk of a long text, so no view is larger than a chunk (see redact.ts).

export interface View {
  text: string;
  /** The original offsets of view offsets (given in ascending order). */
  locate(indices: readonly number[]): number[];
}

interface Runs {
  /** View offset where each run starts (ascending) and the original offset it came from. */
  starts: number[];
  origins: number[];
}

function toOriginal(view: Runs, index: number): number {
  let lo = 0;
  let hi = view.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((view.starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return (view.origins[lo] ?? 0) + index - (view.starts[lo] ?? 0);
}

/** Prefixes a line may carry before its content (sticky: tried at the line's start only). */
const LINE_PREFIX = /(?:[0-9a-fA-F]{4,8}: |[0-7]{7}(?=[ \r\n]|$)|[0-9a-fA-F]{8}(?= {2})|[<>*{}] |\++ )/y;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 11 || c === 12;
}

class ViewBuilder {
  readonly parts: string[] = [];
  readonly starts: number[] = [];
  readonly origins: number[] = [];
  length = 0;
  #separated = true;

  run(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(text.slice(from, to));
    this.starts.push(this.length);
    this.origins.push(from);
    this.length += to - from;
    this.#separated = false;
  }

  /** A character no form contains, so that no match spans unrelated lines. */
  separate(at: number): void {
    if (this.#separated) return;
    this.parts.push('\u0000');
    this.starts.push(this.length);
    this.origins.push(at);
    this.length += 1;
    this.#separated = true;
  }

  build(): View {
    const runs: Runs = { starts: this.starts, origins: this.origins };
    return { text: this.parts.join(''), locate: (indices) => indices.map((i) => toOriginal(runs, i)) };
  }
}

/** Length of the prefix the line starting at `start` carries (0 when none). */
export function prefixLength(text: string, start: number): number {
  LINE_PREFIX.lastIndex = start;
  const m = LINE_PREFIX.exec(text);
  return m ? m[0].length : 0;
}

const SKELETON_DROPS = new RegExp(`^(?:${LINE_PREFIX.source})|[ \\t\\r\\n\\v\\f]+`, 'gm');

/**
 * The skeleton of text[from, to) (which starts a line): line prefixes and blanks removed, by one
 * native replace; the way back is walked only for the offsets a match needs.
 */
export function skeletonView(text: string, from: number, to: number): View {
  return {
    text: text.slice(from, to).replace(SKELETON_DROPS, ''),
    locate(indices) {
      const out: number[] = [];
      let v = 0;
      let lineStart = from;
      while (lineStart < to && out.length < indices.length) {
        let lineEnd = text.indexOf('\n', lineStart);
        if (lineEnd < 0 || lineEnd > to) lineEnd = to;
        for (let i = lineStart + prefixLength(text, lineStart); i < lineEnd; i++) {
          if (isBlank(text.charCodeAt(i))) continue;
          while (out.length < indices.length && indices[out.length] === v) out.push(i);
          v++;
        }
        lineStart = lineEnd + 1;
      }
      return out;
    },
  };
}

const CURL_TRACE_LINE = /^[0-9a-f]{4}: ((?:[0-9a-f]{2} | {3}){16})(.{1,16})$/;
const XXD_LINE = /^[0-9a-f]{8}: ([0-9a-f ]{39}) {2}(.{1,16})$/i;
const HEXDUMP_LINE = /^[0-9a-f]{8} {2}([0-9a-f ]{49}) {1,2}\|(.{1,16})\|$/i;

/** Hex cells and text column of a dump line, with the offsets (in the line) where each starts. */
function dumpLine(line: string): { hex: string; hexAt: number; ascii: string; asciiAt: number } | undefined {
  for (const [re, hexAt] of [
    [CURL_TRACE_LINE, 6],
    [XXD_LINE, 10],
    [HEXDUMP_LINE, 10],
  ] as const) {
    const m = re.exec(line);
    if (m && m[1] !== undefined && m[2] !== undefined) return { hex: m[1], hexAt, ascii: m[2], asciiAt: line.length - m[2].length - (re === HEXDUMP_LINE ? 1 : 0) };
  }
  return undefined;
}

/** Whether text[from, to) may hold a hex dump line (cheap test before dumpViews). */
export function mayHoldDump(text: string, from = 0, to = text.length): boolean {
  const re = /^[0-9a-f]{4,8}:? /gim;
  re.lastIndex = from;
  const m = re.exec(text);
  return m !== null && m.index < to;
}

/** The hex cells and the text columns of the hex dump lines in text[from, to), each joined across lines. */
export function dumpViews(text: string, from: number, to: number): [View, View] {
  const hex = new ViewBuilder();
  const ascii = new ViewBuilder();
  let lineStart = from;
  while (lineStart < to) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd > to) lineEnd = to;
    const c = text.charCodeAt(lineStart);
    const parsed = (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) ? dumpLine(text.slice(lineStart, text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd)) : undefined;
    if (!parsed) {
      hex.separate(lineStart);
      ascii.separate(lineStart);
    } else {
      const base = lineStart + parsed.hexAt;
      for (let k = 0; k < parsed.hex.length; ) {
        while (k < parsed.hex.length && parsed.hex.charCodeAt(k) === 32) k++;
        const s = k;
        while (k < parsed.hex.length && parsed.hex.charCodeAt(k) !== 32) k++;
        hex.run(text, base + s, base + k);
      }
      ascii.run(text, lineStart + parsed.asciiAt, lineStart + parsed.asciiAt + parsed.ascii.length);
    }
    lineStart = lineEnd + 1;
  }
  return [hex.build(), ascii.build()];
}

/**
 * Where a pattern match found in the skeleton really ends, in original offsets: a line continues a
 * folded value only while lines are as long as the first one (fold, base64 and curl's trace fill
 * every line but the last); the first shorter line is the last one, and the value ends there at
 * its first blank. So a match never runs on into the next, unrelated line.
 */
export function endOfFoldedRun(text: string, start: number, end: number): number {
  let lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let width = -1;
  for (;;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (end <= lineEnd) return end;
    const contentStart = lineStart + prefixLength(text, lineStart);
    const contentEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const length = contentEnd - contentStart;
    if (width < 0) width = length;
    else if (length !== width) {
      let k = contentStart;
      while (k < contentEnd && !isBlank(text.charCodeAt(k))) k++;
      return Math.min(end, k);
    }
    lineStart = lineEnd + 1;
  }
}
