// What one scan of a document shares between its readers (blocks, commands, responses, prose,
// includes, manual steps): the lines with what each may start, the role each line was given, and
// what has been found so far. Read line by line; nothing here looks further than the next lines.
import type { Example, HttpStep, ParseDiagnostic, PlaceholderOccurrence, Section, SeedRef, Step } from '../model.ts';
import { F_COMMAND, F_HASH, isBlank, lineFlags, prefixLength, trimEndAll } from './lines.ts';
import type { Structure, TabGroup } from './structure.ts';
import type { GroupTabs, Place } from './variants.ts';

/** What resolving an `[!INCLUDE]` gave: the file (project-relative) and its text, or why not. */
export type IncludeResult = { file: string; text: string } | { error: string };

export interface ParseOptions {
  /** Override form detection. */
  form?: 'docfx' | 'rendered';
  seed?: SeedRef;
  /**
   * Reads an included file by its project-relative path (undefined when it does not exist).
   * Without it `[!INCLUDE]` is not resolved and a diagnostic says so; parseTutorialFile passes one.
   */
  readInclude?: (file: string) => string | undefined;
  /**
   * Resolves an include target as written (`../x.md`, `~/x.md`) from the including file
   * (project-relative). Wins over `readInclude`; parseTutorialFile passes one that keeps every
   * include inside the docset root.
   */
  resolveInclude?: (target: string, from: string) => IncludeResult;
  /** Internal: include nesting depth. */
  depth?: number;
  /** Run markdown-it even on text without block syntax (tests and the benchmark compare both). */
  alwaysMarkdown?: boolean;
}

/** What a line was read as. Numbers rather than strings: one byte per line in `ScanState.role`. */
export const Role = {
  Prose: 0,
  Skip: 1,
  Command: 2,
  Expectation: 3,
  Example: 4,
  Marker: 5,
  Heading: 6,
  Code: 7,
} as const;

export interface OrderedStep {
  order: number;
  step: Step;
}

export type FoundOccurrence = Omit<PlaceholderOccurrence, 'stepId'> & { step?: Step };

export interface ScanResult {
  title: string;
  form: 'docfx' | 'rendered';
  sections: Section[];
  steps: OrderedStep[];
  examples: Example[];
  diagnostics: ParseDiagnostic[];
  occurrences: FoundOccurrence[];
  lineCount: number;
  /** The prose between the previous step and each command step: captures cite it. */
  prose: Map<Step, Array<{ text: string; line: number }>>;
  /** Where each step and example sits among tabs and zone pivots (absent: outside all of them). */
  stepPlaces: Map<Step, Place>;
  examplePlaces: Map<Example, Place>;
  /** The tab groups of the document and its includes, by key. */
  groups: GroupTabs;
  /** Pivot ids of its zones, in order. */
  pivots: string[];
}

/** Lines first..last (0-based, inclusive). */
export interface LineSpan {
  start: number;
  end: number;
}

/** Split text into lines the way editors number them (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (text.includes('\r')) for (let k = 0; k < lines.length; k++) if (lines[k]!.endsWith('\r')) lines[k] = lines[k]!.slice(0, -1);
  return lines;
}

export class ScanState {
  readonly lines: string[];
  readonly n: number;
  /** Role of each line (0-based). */
  readonly role: Uint8Array;
  /** The step a command or response line belongs to. */
  readonly lineStep: Array<Step | undefined>;
  /** Each line without its container prefix (indentation and `>` markers). */
  readonly cont: string[];
  readonly blank: Uint8Array;
  /** What each line's content may start (lines.ts F_* bits). */
  readonly flags: Uint8Array;
  struct!: Structure;
  bodyStart = 0;
  form: 'docfx' | 'rendered' = 'rendered';
  title = '';
  titleLine = -1;
  readonly sections: Section[] = [];
  section = '';
  readonly steps: OrderedStep[] = [];
  readonly examples: Example[] = [];
  readonly diagnostics: ParseDiagnostic[] = [];
  readonly extraOccurrences: FoundOccurrence[] = [];
  private waiting: Step | undefined;
  /**
   * Steps of the other tabs of a tab group that just closed, waiting along with `pending`: the
   * response shown after the group follows whichever tab the reader chose. Any new `pending` ends them.
   */
  pendingTwins: Step[] = [];
  /** The last step still waiting for its response. */
  get pending(): Step | undefined {
    return this.waiting;
  }
  set pending(step: Step | undefined) {
    this.waiting = step;
    if (this.pendingTwins.length > 0) this.pendingTwins = [];
  }
  /** By pivots: the step a zone left waiting, and how many steps and sections there were then. */
  readonly zonesWaiting = new Map<string, { step: Step; steps: number; sections: number }>();
  /** For each open tab group, the step each of its earlier tabs left waiting. */
  readonly tabsWaiting = new Map<TabGroup, Step[]>();
  /** Each line's place among tabs and zones (blocks.ts fills it once the structure is read). */
  linePlaces: Place[] = [];
  readonly stepPlaces = new Map<Step, Place>();
  readonly examplePlaces = new Map<Example, Place>();
  readonly groups: GroupTabs = new Map();
  readonly pivots: string[] = [];
  private readonly pivotSet = new Set<string>();
  /**
   * Prefix counts of the steps and sections found so far that lie outside every zone (entry k: how
   * many of the first k), extended as the scan goes, so that "did any come since" is one lookup.
   */
  readonly stepsOutsideZones: number[] = [0];
  readonly sectionsOutsideZones: number[] = [0];

  /** Records a pivot id the page's zones (or an include's) use, once, in order of appearance. */
  addPivot(p: string): void {
    if (this.pivotSet.has(p)) return;
    this.pivotSet.add(p);
    this.pivots.push(p);
  }
  /**
   * A PUT/POST/PATCH request line whose block held no body (request.ts): the JSON block right after
   * that block (line `after`, 0-based, is its closing marker) is the request's body, not its response.
   */
  awaitingBody: { step: HttpStep; after: number } | undefined;
  /** The last prose paragraph since the last step or response. */
  leadIn: LineSpan | undefined;
  readonly paragraphs: LineSpan[] = [];
  recentProse: LineSpan[] = [];
  readonly stepProse = new Map<Step, Array<{ text: string; line: number }>>();
  readonly headingLines = new Set<number>();
  /** Scans an included file (set by the document scanner, which owns recursion). */
  scanInclude: (text: string, file: string, opts: ParseOptions) => ScanResult = () => {
    throw new Error('no include scanner');
  };

  constructor(
    readonly text: string,
    readonly file: string,
    readonly opts: ParseOptions = {},
  ) {
    this.lines = splitLines(text);
    this.n = this.lines.length;
    this.role = new Uint8Array(this.n);
    this.lineStep = new Array<Step | undefined>(this.n);
    // One pass over the lines: container prefix, content, blankness and what the content may start.
    this.cont = new Array<string>(this.n);
    this.blank = new Uint8Array(this.n);
    this.flags = new Uint8Array(this.n);
    for (let k = 0; k < this.n; k++) {
      const l = this.lines[k]!;
      const p = prefixLength(l);
      const c = p === 0 ? l : l.slice(p);
      this.cont[k] = c;
      if (isBlank(l)) this.blank[k] = 1;
      else this.flags[k] = lineFlags(c);
    }
  }

  isBlankAt(k: number): boolean {
    return this.blank[k] === 1;
  }

  has(k: number, flag: number): boolean {
    return (this.flags[k]! & flag) !== 0;
  }

  diag(code: string, severity: ParseDiagnostic['severity'], line: number, message: string) {
    this.diagnostics.push({ code, severity, line: Math.max(1, line), file: this.file, message });
  }

  content(k: number): string {
    return this.cont[k]!;
  }

  /** A `#` line directly followed by a command (through further `#` lines): a shell comment. */
  commentInGroup(k: number): boolean {
    if (!this.has(k, F_HASH)) return false;
    const m = this.afterHashLines(k);
    if (m < this.n && this.has(m, F_COMMAND)) return true;
    return k > 0 && this.role[k - 1] === Role.Command;
  }

  /** For each line, the first line after it that is not a `#` line (computed once, when first asked). */
  private hashRunEnd: Int32Array | undefined;

  private afterHashLines(k: number): number {
    if (!this.hashRunEnd) {
      this.hashRunEnd = new Int32Array(this.n);
      for (let m = this.n - 1; m >= 0; m--) this.hashRunEnd[m] = m + 1 < this.n && this.has(m + 1, F_HASH) ? this.hashRunEnd[m + 1]! : m + 1;
    }
    return this.hashRunEnd[k]!;
  }

  /** A line that ends whatever block precedes it. */
  isBoundary(k: number): boolean {
    const r = this.role[k];
    return this.struct.fences.has(k) || this.struct.dangling.has(k) || r === Role.Skip || r === Role.Marker || this.isDocfxHeading(k);
  }

  /**
   * ATX headings only: a setext underline "---" is how DocFX closes a tab group, so a paragraph
   * right above it is not taken for a heading.
   */
  isDocfxHeading(k: number): boolean {
    return this.form === 'docfx' && this.struct.headings.has(k) && this.cont[k]!.charCodeAt(0) === 35 && !this.commentInGroup(k);
  }

  /** Lines first..last without the first line's container prefix (relative indentation kept). */
  rawOf(first: number, last: number): string {
    const p = prefixLength(this.lines[first]!);
    const out: string[] = [];
    for (let k = first; k <= last; k++) {
      const l = this.lines[k]!;
      out.push(l.slice(Math.min(p, prefixLength(l))));
    }
    return out.join('\n');
  }

  continues(k: number, to: number): boolean {
    return k < to && !this.isBlankAt(k) && !this.isBoundary(k);
  }

  /** A paragraph's text: its lines' content joined by spaces, trailing whitespace removed. */
  paragraphText(start: number, end: number): string {
    if (start === end) return trimEndAll(this.cont[start]!);
    const parts: string[] = [];
    for (let m = start; m <= end; m++) parts.push(this.cont[m]!);
    return trimEndAll(parts.join(' '));
  }

  leadText(): string {
    return this.leadIn ? this.paragraphText(this.leadIn.start, this.leadIn.end) : '';
  }
}
