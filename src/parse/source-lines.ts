// Lines of a file read as one text: the word splitter and the JSON reader scan the joined text and
// give back file lines and columns through this index.

/** One line of a source file: its 1-based number and its text. */
export interface SourceLine {
  line: number;
  text: string;
}

/** A place in a file: 1-based line, 1-based UTF-16 column. */
export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  /** The lines' texts joined by newlines. */
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(readonly lines: readonly SourceLine[]) {
    let offset = 0;
    for (const l of lines) {
      this.starts.push(offset);
      offset += l.text.length + 1;
    }
    this.text = lines.length === 1 ? lines[0]!.text : lines.map((l) => l.text).join('\n');
  }

  /** The line (an element of `lines`) holding `offset`. */
  lineAt(offset: number): SourceLine | undefined {
    return this.lines[this.indexAt(offset)];
  }

  /** Line and column of an offset of `text`; past the end, just after the last character. */
  at(offset: number): Position {
    if (offset > this.text.length) {
      const last = this.lines[this.lines.length - 1];
      return { line: last?.line ?? 1, column: (last?.text.length ?? 0) + 1 };
    }
    const k = this.indexAt(offset);
    return { line: this.lines[k]?.line ?? 1, column: offset - (this.starts[k] ?? 0) + 1 };
  }

  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
