// The document scanner: markdown-it supplies the block structure (front matter aside, headings,
// fences, and a re-read after an unterminated fence); a line-level recogniser then finds, inside
// every block (paragraph, list item, indented code, fence), the command lines (curl, az, echo,
// var=$(…), `#` comments in a command group) and the responses (JSON, HTTP transcripts, text).
// The same recogniser reads DocFX markdown and rendered page text, so both give the same steps.
import { posix } from 'node:path';
import type {
  AzStep,
  CharMark,
  Example,
  Expectation,
  HttpStep,
  ManualStep,
  ParseDiagnostic,
  PlaceholderOccurrence,
  Section,
  SeedRef,
  ShellAction,
  ShellStep,
  Step,
} from '../model.ts';
import { parseAzArgv } from './az.ts';
import { parseCurlArgv } from './curl.ts';
import { httpExpectation, isTranscriptLine } from './http.ts';
import { jsonExpectation, scanJsonEnd, type JsonScanState } from './json.ts';
import {
  F_COMMAND,
  F_HASH,
  F_ITEM,
  F_JSON,
  F_PROGRESS,
  F_STATUS,
  ORDERED_ITEM,
  lineFlags,
  contentOf,
  indentOf,
  isBlank,
  plainInline,
  prefixLength,
  trimEndAll,
} from './lines.ts';
import { manualCreates, proseRoleCreates } from './manual.ts';
import { marksInLine } from './marks.ts';
import { findAnglePlaceholders, findShellVariables, placeholderKey } from './placeholders.ts';
import { tokenizeShell, toPipelines, type SimpleCommand, type TokenizeResult } from './shell.ts';
import { readStructure, type Fence, type Structure } from './structure.ts';

export interface ParseOptions {
  /** Override form detection. */
  form?: 'docfx' | 'rendered';
  seed?: SeedRef;
  /**
   * Reads an included file by its project-relative path (undefined when it does not exist).
   * Without it `[!INCLUDE]` is not resolved and a diagnostic says so; parseTutorialFile passes one.
   */
  readInclude?: (file: string) => string | undefined;
  /** Internal: include nesting depth. */
  depth?: number;
  /** Run markdown-it even on text without block syntax (tests and the benchmark compare both). */
  alwaysMarkdown?: boolean;
}

const enum Role {
  Prose = 0,
  Skip = 1,
  Command = 2,
  Expectation = 3,
  Example = 4,
  Marker = 5,
  Heading = 6,
  Code = 7,
}

/** A lead-in sentence that introduces a response. */
const RESPONSE_LEADIN = /\b(?:respon[sd]\w*|output|returns?|contents?|result)\b/i;
/** A lead-in that introduces request parameters rather than a response. */
const EXAMPLE_LEADIN = /\b(?:request parameters|following (?:http )?(?:request )?parameters|request body|parameters? (?:in|for) the body)\b/i;
const INCLUDE = /\[!INCLUDE\s*\[[^\]]*\]\(([^)]*)\)\s*\]/gi;
const ADMONITION = /^(?:Note|Tip|Important|Warning|Caution|Request|Response)$/;

export interface OrderedStep {
  order: number;
  step: Step;
}

export interface ScanResult {
  title: string;
  form: 'docfx' | 'rendered';
  sections: Section[];
  steps: OrderedStep[];
  examples: Example[];
  diagnostics: ParseDiagnostic[];
  occurrences: Array<Omit<PlaceholderOccurrence, 'stepId'> & { step?: Step }>;
  lineCount: number;
  /** The prose between the previous step and each command step: captures cite it. */
  prose: Map<Step, Array<{ text: string; line: number }>>;
}

/** Split text into lines the way editors number them (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (text.includes('\r')) for (let k = 0; k < lines.length; k++) if (lines[k]!.endsWith('\r')) lines[k] = lines[k]!.slice(0, -1);
  return lines;
}

export class DocScanner {
  private readonly lines: string[];
  private readonly n: number;
  private readonly role: Uint8Array;
  private readonly lineStep: Array<Step | undefined>;
  private struct!: Structure;
  private bodyStart = 0;
  private form: 'docfx' | 'rendered' = 'rendered';
  private title = '';
  private titleLine = -1;
  private readonly sections: Section[] = [];
  private section = '';
  private readonly steps: OrderedStep[] = [];
  private readonly examples: Example[] = [];
  private readonly diagnostics: ParseDiagnostic[] = [];
  private readonly extraOccurrences: ScanResult['occurrences'] = [];
  private pending: Step | undefined;
  /** The last prose paragraph since the last step or response (lines, 0-based, inclusive). */
  private leadIn: { start: number; end: number } | undefined;
  private readonly paragraphs: Array<{ start: number; end: number }> = [];
  private recentProse: Array<{ start: number; end: number }> = [];
  private readonly stepProse = new Map<Step, Array<{ text: string; line: number }>>();
  private readonly headingLines = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly file: string,
    private readonly opts: ParseOptions = {},
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

  private readonly cont: string[];
  private readonly blank: Uint8Array;
  private readonly flags: Uint8Array;

  private isBlankAt(k: number): boolean {
    return this.blank[k] === 1;
  }

  private has(k: number, flag: number): boolean {
    return (this.flags[k]! & flag) !== 0;
  }

  private diag(code: string, severity: ParseDiagnostic['severity'], line: number, message: string) {
    this.diagnostics.push({ code, severity, line: Math.max(1, line), file: this.file, message });
  }

  private content(k: number): string {
    return this.cont[k]!;
  }

  run(): ScanResult {
    this.frontMatter();
    // markdown-it decides fences, headings and front matter. A text with none of their markers
    // (rendered page text, most of it) gets nothing from it: the structure is then empty, as
    // markdown-it would give, and the line recogniser reads the text alone. `alwaysMarkdown`
    // forces the parse (a test proves both paths give the same model for every tutorial).
    this.struct =
      this.opts.alwaysMarkdown || this.hasBlockSyntax()
        ? readStructure(this.lines, this.bodyStart, this.n, undefined, this.text)
        : { headings: new Map(), fences: new Map(), dangling: new Map() };
    for (const [line, info] of this.struct.dangling) {
      this.role[line] = Role.Marker;
      this.diag(
        'unterminated-fence',
        'warning',
        line + 1,
        `the code fence opened here (${JSON.stringify(contentOf(this.lines[line]!).trim())}${info ? `, info "${info}"` : ''}) is never closed: markdown-it reads the rest of its container as code; the parser reads those lines as text again`,
      );
    }
    this.form = this.opts.form ?? this.detectForm();
    this.findTitle();
    this.scan(this.bodyStart, this.n, undefined);
    this.manualSteps();
    this.steps.sort((a, b) => a.order - b.order);
    return {
      title: this.title,
      form: this.form,
      sections: this.sections.sort((a, b) => a.line - b.line),
      steps: this.steps,
      examples: this.examples,
      diagnostics: this.diagnostics,
      occurrences: [...this.occurrences(), ...this.extraOccurrences],
      prose: this.stepProse,
      lineCount: this.n,
    };
  }

  // ---------- document level ----------

  /** Markers of the markdown block syntax the scanner takes from markdown-it. */
  private hasBlockSyntax(): boolean {
    if (this.bodyStart > 0) return true;
    const t = this.text;
    if (t.includes('```') || t.includes('~~~') || t.includes('[!') || t.includes(':::') || t.includes('<!--')) return true;
    if (!t.includes('#') && !t.includes('===') && !t.includes('---')) return false;
    for (let k = 0; k < this.n; k++) {
      const c = this.cont[k]!;
      if (c.length === 0) continue;
      const first = c.charCodeAt(0);
      if (first === 35 /* # */) return true;
      // setext underlines and list items that open with a heading
      if ((first === 61 || first === 45) && /^(?:=+|-+)[ \t]*$/.test(c)) return true;
      if (c.includes('#') && /^(?:[-*+]|\d{1,9}[.)])[ \t]+#/.test(c)) return true;
    }
    return false;
  }

  private frontMatter() {
    if (this.n === 0 || this.lines[0]!.trimEnd() !== '---') return;
    for (let k = 1; k < this.n; k++) {
      const l = this.lines[k]!.trimEnd();
      if (l === '---' || l === '...') {
        for (let m = 0; m <= k; m++) this.role[m] = Role.Skip;
        this.bodyStart = k + 1;
        return;
      }
    }
    this.diag('unterminated-front-matter', 'warning', 1, 'front matter opened with "---" is never closed; it is read as text');
  }

  /** A `#` line directly followed by a command (through further `#` lines): a shell comment. */
  private commentInGroup(k: number): boolean {
    if (!this.has(k, F_HASH)) return false;
    let m = k + 1;
    while (m < this.n && this.has(m, F_HASH)) m++;
    if (m < this.n && this.has(m, F_COMMAND)) return true;
    return k > 0 && this.role[k - 1] === Role.Command;
  }

  private detectForm(): 'docfx' | 'rendered' {
    if (this.bodyStart > 0 || this.struct.fences.size > 0) return 'docfx';
    for (const h of this.struct.headings.values()) {
      if (this.content(h.line).startsWith('#') && !this.commentInGroup(h.line)) return 'docfx';
    }
    if (!this.text.includes('[!') && !this.text.includes(':::')) return 'rendered';
    for (let k = 0; k < this.n; k++) {
      const l = this.lines[k]!;
      if (l.includes('[!') && /\[!INCLUDE|^\s*>\s*\[!/i.test(l)) return 'docfx';
      if (l.includes(':::') && /^\s*:::\s*(?:image|zone|moniker|row|column|code)/.test(l)) return 'docfx';
    }
    return 'rendered';
  }

  private findTitle() {
    if (this.form === 'docfx') {
      let best: { level: number; line: number; text: string } | undefined;
      for (const h of this.struct.headings.values()) {
        if (!this.content(h.line).startsWith('#')) continue; // ATX only (see isDocfxHeading)
        if (this.commentInGroup(h.line)) continue;
        if (!best || h.level < best.level || (h.level === best.level && h.line < best.line)) best = h;
      }
      if (best) {
        this.title = plainInline(best.text);
        this.titleLine = best.line;
        return;
      }
      for (let k = 0; k < this.bodyStart; k++) {
        const m = /^title:\s*(.*)$/.exec(this.lines[k]!);
        if (m) {
          this.title = trimEndAll(m[1]!).trim();
          return;
        }
      }
    }
    for (let k = this.bodyStart; k < this.n; k++) {
      if (!this.isBlankAt(k)) {
        this.title = trimEndAll(this.content(k)).trim();
        if (this.form === 'rendered') {
          this.titleLine = k;
          this.sections.push({ title: this.title, level: 1, line: k + 1 });
          this.section = this.title;
          this.role[k] = Role.Heading;
          this.headingLines.add(k);
        }
        return;
      }
    }
  }

  /** Rendered text has no heading syntax: a short, standalone, unpunctuated line at column 0. */
  private isRenderedHeading(k: number): boolean {
    const line = this.lines[k]!;
    if (indentOf(line) !== 0 || line.startsWith('>')) return false;
    if (k > this.bodyStart && !this.isBlankAt(k - 1)) return false;
    if (k + 1 < this.n && !this.isBlankAt(k + 1)) return false;
    const t = trimEndAll(line);
    const first = t.charCodeAt(0);
    if (t.length === 0 || t.length > 120 || first < 65 || first > 90) return false;
    if (';:.,!?)'.includes(t[t.length - 1]!) || ADMONITION.test(t)) return false;
    let words = 1;
    for (let p = 0; p < t.length; p++) if (t.charCodeAt(p) === 32) words++;
    return words <= 20 && (this.flags[k]! & (F_COMMAND | F_ITEM)) === 0;
  }

  /** A line that ends whatever block precedes it. */
  private isBoundary(k: number): boolean {
    return this.struct.fences.has(k) || this.struct.dangling.has(k) || this.role[k] === Role.Skip || this.isDocfxHeading(k);
  }

  /**
   * ATX headings only: a setext underline "---" is how DocFX closes a tab group, so a paragraph
   * right above it is not taken for a heading.
   */
  private isDocfxHeading(k: number): boolean {
    return this.form === 'docfx' && this.struct.headings.has(k) && this.cont[k]!.charCodeAt(0) === 35 && !this.commentInGroup(k);
  }

  // ---------- the scan ----------

  private scan(from: number, to: number, fence: Fence | undefined) {
    let i = from;
    while (i < to) {
      if (!fence) {
        if (this.role[i] === Role.Skip || this.role[i] === Role.Marker) {
          i++;
          continue;
        }
        const f = this.struct.fences.get(i);
        if (f) {
          this.role[f.open] = Role.Marker;
          this.role[f.close] = Role.Marker;
          for (let k = f.open + 1; k < f.close; k++) this.role[k] = Role.Code;
          this.scan(f.open + 1, f.close, f);
          i = f.close + 1;
          continue;
        }
        if (i === this.titleLine && this.form === 'rendered') {
          i++;
          continue;
        }
      }
      if (this.blank[i] === 1) {
        i++;
        continue;
      }
      if (this.has(i, F_HASH) && (fence ? true : this.commentInGroup(i))) {
        i = this.command(i, to, fence);
        continue;
      }
      if (!fence && this.isDocfxHeading(i)) {
        const h = this.struct.headings.get(i)!;
        this.enterSection(i, plainInline(h.text), h.level);
        i++;
        continue;
      }
      if (this.has(i, F_COMMAND)) {
        i = this.command(i, to, fence);
        continue;
      }
      if (this.has(i, F_JSON) || (this.has(i, F_PROGRESS) && this.nextJson(i, to) >= 0)) {
        i = this.json(i, to);
        continue;
      }
      if (this.has(i, F_STATUS)) {
        i = this.transcript(i, to);
        continue;
      }
      i = fence ? this.fenceText(i, to, fence) : this.prose(i, to);
    }
  }

  private enterSection(k: number, title: string, level: number) {
    this.role[k] = Role.Heading;
    this.headingLines.add(k);
    this.section = title;
    this.sections.push({ title, level: Math.min(6, Math.max(1, level)), line: k + 1 });
    this.leadIn = undefined;
  }

  /** Lines first..last without the first line's container prefix (relative indentation kept). */
  private rawOf(first: number, last: number): string {
    const p = prefixLength(this.lines[first]!);
    const out: string[] = [];
    for (let k = first; k <= last; k++) {
      const l = this.lines[k]!;
      out.push(l.slice(Math.min(p, prefixLength(l))));
    }
    return out.join('\n');
  }

  private continues(k: number, to: number): boolean {
    return k < to && !this.isBlankAt(k) && !this.isBoundary(k);
  }

  private command(i: number, to: number, fence: Fence | undefined): number {
    let j = i;
    const c = this.content(i);
    let tk: TokenizeResult | undefined;
    if (!this.has(i, F_HASH)) {
      // `\` line continuations, exactly as bash reads them (the backslash must end the line).
      while (this.lines[j]!.endsWith('\\') && this.continues(j + 1, to)) j++;
      // An open quote makes bash read on; bounded by the paragraph. If it never closes, the
      // command keeps its own lines and the quote is reported.
      tk = tokenizeShell(this.rawOf(i, j));
      if (tk.error) {
        let m = j;
        while (this.continues(m + 1, to)) {
          m++;
          while (this.lines[m]!.endsWith('\\') && this.continues(m + 1, to)) m++;
          const longer = tokenizeShell(this.rawOf(i, m));
          if (!longer.error) {
            j = m;
            tk = longer;
            break;
          }
        }
      }
    }
    // Option lines written under an az/curl command without a trailing `\` (000-storage-sas.md:
    //   az storage blob upload --container-name
    //                          --file …)
    // Decision: model what bash does, and keep what the page shows. Bash runs the first line alone
    // (az then fails: --container-name expects a value) and each further line as a command of its
    // own ("--file: command not found"). So the step's argv/options are the first line's words only;
    // the step's source range and raw text still cover the whole visual group, its response is
    // attached to it, the other lines are listed in az.detachedLines, and a
    // "command-lines-without-continuation" diagnostic says all this. Captures may still point at a
    // detached option (--sas-token) so that the report can say which value the page meant.
    const commandEnd = j;
    const baseIndent = indentOf(this.lines[i]!);
    if (/^(?:az|curl)\s/.test(c)) {
      while (this.continues(j + 1, to) && /^-/.test(this.content(j + 1)) && indentOf(this.lines[j + 1]!) > baseIndent) j++;
    }
    const step = this.buildCommandStep(i, commandEnd, j, fence, tk);
    if (step) {
      for (let k = i; k <= j; k++) {
        this.role[k] = Role.Command;
        this.lineStep[k] = step;
      }
      this.steps.push({ order: i, step });
      if (this.recentProse.length > 0) {
        this.stepProse.set(
          step,
          this.recentProse.map((p) => ({ text: this.paragraphText(p.start, p.end), line: p.start + 1 })),
        );
        this.recentProse = [];
      }
      if (!(step.kind === 'shell' && step.shell.kind === 'comment')) this.pending = step;
      this.leadIn = undefined;
    }
    return j + 1;
  }

  private buildCommandStep(first: number, commandEnd: number, last: number, fence: Fence | undefined, tokenized?: TokenizeResult): Step | undefined {
    const commandText = this.rawOf(first, commandEnd);
    const raw = last === commandEnd ? commandText : this.rawOf(first, last);
    const source = { file: this.file, startLine: first + 1, endLine: last + 1 };
    let marks: CharMark[] = [];
    for (let k = first; k <= last; k++) {
      const m = marksInLine(this.lines[k]!, k + 1);
      if (m.length > 0) marks = marks.length === 0 ? m : marks.concat(m);
    }
    const keys: string[] = [];
    for (const p of findAnglePlaceholders(raw)) {
      const key = placeholderKey(p.spelling);
      if (!keys.includes(key)) keys.push(key);
    }
    for (const p of findShellVariables(raw)) {
      const key = placeholderKey(p.spelling);
      if (!keys.includes(key)) keys.push(key);
    }
    // Every step object gets the same fields in the same order (one hidden class, no spreads).
    const base = { id: '', source, raw, section: this.section, marks, placeholders: keys, fence: fence?.info };
    const tk = tokenized ?? tokenizeShell(commandText);
    if (tk.error) {
      this.diag('unbalanced-quote', 'warning', first + 1 + (commandText.slice(0, tk.error.offset).split('\n').length - 1), `${tk.error.message}: bash would keep reading the following lines as part of this command; the parser reads the quote to the end of the command`);
    }
    const pipelines = toPipelines(tk.tokens);
    const firstCmd = pipelines[0]?.commands[0];
    if (!firstCmd || firstCmd.words.length === 0) {
      const comment = tk.tokens.find((t) => t.kind === 'comment');
      if (!comment || comment.kind !== 'comment') return undefined;
      return this.finish(base, { kind: 'shell', shell: { kind: 'comment', text: comment.text.replace(/^ /, '') } });
    }
    let commands = 0;
    for (const p of pipelines) commands += p.commands.length;
    const isAssign = /^[A-Za-z_][A-Za-z0-9_]*=/.test(firstCmd.words[0]!);
    if (pipelines.length > 1 || (commands > 1 && !isAssign)) {
      const extra = pipelines.length > 1 ? `${pipelines.length} commands (an unquoted ${JSON.stringify(pipelines[0]!.terminator ?? ';')} separates them)` : `a pipeline of ${commands} commands`;
      this.diag('several-commands', 'warning', first + 1, `bash reads ${extra} here; the step models the first`);
    }
    const words = firstCmd.words;
    const detached = [];
    for (let k = commandEnd + 1; k <= last; k++) {
      const w = toPipelines(tokenizeShell(this.content(k)).tokens)[0]?.commands[0]?.words ?? [];
      detached.push({ line: k + 1, argv: w });
    }
    if (detached.length > 0) {
      this.diag(
        'command-lines-without-continuation',
        'warning',
        first + 1,
        `lines ${commandEnd + 2}-${last + 1} are written as options of this command but the line before them has no trailing "\\": bash runs "${commandText.trim()}" on its own and then each of those lines as a separate command (${detached.map((d) => JSON.stringify(d.argv[0] ?? '')).join(', ')}: command not found). The step keeps argv as bash passes it and lists those lines in detachedLines.`,
      );
    }
    if (words[0] === 'curl') {
      const curl = parseCurlArgv(words.slice(1));
      if (curl.unknownFlags.length > 0) this.diag('unknown-curl-flag', 'info', first + 1, `curl options not modelled: ${curl.unknownFlags.join(' ')}`);
      if (curl.extraUrls.length > 0)
        this.diag('extra-curl-url', 'warning', first + 1, `curl reads ${curl.extraUrls.map((u) => JSON.stringify(u)).join(', ')} as further URL(s) and requests each of them`);
      if (curl.url === '') this.diag('curl-without-url', 'warning', first + 1, 'curl command without a URL');
      return this.finish(base, { kind: 'http', curl });
    }
    if (words[0] === 'az') {
      const az = parseAzArgv(words.slice(1));
      if (detached.length > 0) az.detachedLines = detached;
      return this.finish(base, { kind: 'az', az });
    }
    return this.finish(base, { kind: 'shell', shell: this.shellAction(firstCmd, pipelines[0]!.commands, first) });
  }

  private finish(
    base: { id: string; source: Step['source']; raw: string; section: string; marks: CharMark[]; placeholders: string[]; fence: string | undefined },
    body: { kind: 'http'; curl: HttpStep['curl'] } | { kind: 'az'; az: AzStep['az'] } | { kind: 'shell'; shell: ShellAction },
  ): Step {
    const step = { kind: body.kind, id: base.id, source: base.source, raw: base.raw, section: base.section, marks: base.marks, placeholders: base.placeholders } as Step;
    if (base.fence !== undefined) step.fence = base.fence;
    if (body.kind === 'http') (step as HttpStep).curl = body.curl;
    else if (body.kind === 'az') (step as AzStep).az = body.az;
    else (step as ShellStep).shell = body.shell;
    return step;
  }

  private shellAction(cmd: SimpleCommand, pipeline: SimpleCommand[], first: number): ShellAction {
    const words = cmd.words;
    if (words[0] === 'echo') {
      const out = cmd.redirects.find((r) => r.op === '>' || r.op === '>>');
      let args = words.slice(1);
      let newline = '\n';
      while (args[0] && /^-[neE]+$/.test(args[0])) {
        if (args[0].includes('n')) newline = '';
        args = args.slice(1);
      }
      // `content` is what echo writes: its arguments joined by one space, plus echo's newline.
      if (out) return { kind: 'write-file', file: out.target, content: args.join(' ') + newline, append: out.op === '>>' };
      return { kind: 'other', argv: words };
    }
    const assignWord = words[0] === 'export' && words.length === 2 ? words[1]! : words[0]!;
    const assign = /^([A-Za-z_][A-Za-z0-9_]*)=([\s\S]*)$/.exec(assignWord);
    if (assign && pipeline.length === 1) {
      const value = assign[2]!;
      const action: ShellAction = { kind: 'assign', variable: assign[1]!, pipeline: value };
      const sub = /^\$\(([\s\S]*)\)$/.exec(value);
      if (sub) {
        action.pipeline = sub[1]!;
        const tk = tokenizeShell(sub[1]!);
        if (tk.error) this.diag('unbalanced-quote', 'warning', first + 1, `${tk.error.message} inside $( … )`);
        const inner = toPipelines(tk.tokens)[0]?.commands ?? [];
        const curl = inner.find((c) => c.words[0] === 'curl');
        if (curl) action.curl = parseCurlArgv(curl.words.slice(1));
        const jq = inner.find((c) => c.words[0] === 'jq');
        if (jq) {
          const filter = jq.words.slice(1).find((w) => !w.startsWith('-'));
          if (filter !== undefined) action.jqFilter = filter;
        }
      }
      return action;
    }
    return { kind: 'other', argv: words };
  }

  // ---------- responses ----------

  /** The JSON start after a progress line (blank lines allowed between), or -1. */
  private nextJson(i: number, to: number): number {
    let k = i + 1;
    while (k < to && this.isBlankAt(k) && !this.isBoundary(k)) k++;
    return k < to && !this.isBoundary(k) && this.has(k, F_JSON) ? k : -1;
  }

  private json(i: number, to: number): number {
    let jsonStart = i;
    if (!this.has(i, F_JSON)) jsonStart = this.nextJson(i, to);
    const state: JsonScanState = { depth: 0, inString: false, escape: false };
    let end = -1;
    let lastNonBlank = jsonStart;
    for (let k = jsonStart; k < to; k++) {
      if (k > jsonStart) {
        if (this.isBoundary(k) || this.role[k] === Role.Marker) break;
        if (this.isBlankAt(k)) {
          let m = k + 1;
          while (m < to && this.isBlankAt(m)) m++;
          if (m >= to || this.isBoundary(m) || !/^(?:[{}[\]",:\d-]|true\b|false\b|null\b)/.test(this.content(m))) break;
          continue;
        }
        if (state.depth <= 1 && !state.inString && (this.has(k, F_COMMAND) || this.has(k, F_HASH))) break;
      }
      const text = k === jsonStart ? this.content(k) : this.lines[k]!;
      lastNonBlank = k;
      // a `//` comment ends with its line: scanning line by line needs no newline appended
      if (scanJsonEnd(text, 0, state) >= 0) {
        end = k;
        break;
      }
    }
    if (end < 0) {
      end = lastNonBlank;
      this.diag('unterminated-json', 'warning', jsonStart + 1, 'a JSON block starts here but its brackets never balance; it is kept as invalid JSON');
    }
    const lines = this.lines.slice(i, end + 1);
    const exp = jsonExpectation(lines, { file: this.file, startLine: i + 1, endLine: end + 1 });
    this.attach(exp, i, end);
    return end + 1;
  }

  private transcript(i: number, to: number): number {
    let last = i;
    let k = i + 1;
    while (k < to && !this.isBoundary(k)) {
      if (this.isBlankAt(k)) {
        let m = k + 1;
        while (m < to && this.isBlankAt(m)) m++;
        if (m < to && !this.isBoundary(m) && this.has(m, F_STATUS)) {
          k = m;
          continue;
        }
        break;
      }
      if (!isTranscriptLine(this.content(k))) break;
      last = k;
      k++;
    }
    const exp = httpExpectation(this.lines.slice(i, last + 1), { file: this.file, startLine: i + 1, endLine: last + 1 });
    this.attach(exp, i, last);
    return last + 1;
  }

  private attach(exp: Expectation, first: number, last: number) {
    let exampleLead = false;
    if (this.leadIn) {
      let cue = false;
      for (let k = this.leadIn.start; k <= this.leadIn.end && !cue; k++) cue = this.cont[k]!.includes('aramet') || this.cont[k]!.includes('body');
      exampleLead = cue && EXAMPLE_LEADIN.test(this.leadText());
    }
    this.leadIn = undefined;
    if (this.recentProse.length > 0) this.recentProse = []; // prose about a response is not the next command's lead-in
    if (exp.kind === 'json' && (exampleLead || !this.pending)) {
      this.examples.push({ source: exp.source, json: exp });
      for (let k = first; k <= last; k++) this.role[k] = Role.Example;
      if (!exampleLead) this.diag('json-without-step', 'info', first + 1, 'JSON follows no step that lacks a response; kept as an example');
      return;
    }
    if (!this.pending) {
      this.diag('response-without-step', 'info', first + 1, `a ${exp.kind} response follows no step that lacks one; ignored`);
      for (let k = first; k <= last; k++) this.role[k] = Role.Code;
      return;
    }
    this.pending.expectation = exp;
    for (let k = first; k <= last; k++) {
      this.role[k] = Role.Expectation;
      this.lineStep[k] = this.pending;
    }
    this.pending = undefined;
  }

  private textExpectation(first: number, last: number) {
    const lines = this.lines.slice(first, last + 1);
    const p = Math.min(...lines.filter((l) => !isBlank(l)).map(prefixLength));
    const text = lines.map((l) => l.slice(Math.min(p, prefixLength(l)))).join('\n');
    this.attach({ kind: 'text', source: { file: this.file, startLine: first + 1, endLine: last + 1 }, raw: lines.join('\n'), text }, first, last);
  }

  // ---------- prose ----------

  private isSpecial(k: number, to: number): boolean {
    const f = this.flags[k]!;
    if (f === 0) return false;
    return (
      (f & (F_COMMAND | F_JSON | F_STATUS | F_ITEM)) !== 0 ||
      ((f & F_HASH) !== 0 && this.commentInGroup(k)) ||
      ((f & F_PROGRESS) !== 0 && this.nextJson(k, to) >= 0)
    );
  }

  private prose(i: number, to: number): number {
    let k = i;
    while (k + 1 < to && this.continues(k + 1, to) && this.role[k + 1] !== Role.Marker && !this.isSpecial(k + 1, to)) k++;
    if (this.form === 'rendered' && k === i && this.isRenderedHeading(i)) {
      this.enterSection(i, trimEndAll(this.lines[i]!).trim(), 2);
      return i + 1;
    }
    // DocFX directives (:::image:::, :::zone:::, [!INCLUDE], [!NOTE]) are neither lead-ins nor text.
    const first = this.cont[i]!;
    if (first.startsWith(':::') || first.startsWith('[!')) {
      if (first.includes('[!INCLUDE')) this.includes(i, trimEndAll(first));
      return i + 1; // the directive line alone: a note's text below it is prose
    }
    // Short text right after "The response contains …:" is the response itself.
    if (this.pending && k - i < 3 && this.leadIn && !this.has(i, F_ITEM) && !trimEndAll(this.content(k)).endsWith(':')) {
      const lead = this.leadText();
      if (lead.endsWith(':') && RESPONSE_LEADIN.test(lead)) {
        this.textExpectation(i, k);
        return k + 1;
      }
    }
    this.paragraphs.push({ start: i, end: k });
    this.recentProse.push({ start: i, end: k });
    this.leadIn = { start: i, end: k };
    for (let m = i; m <= k; m++) {
      if (this.cont[m]!.includes('[!')) {
        this.includes(i, this.paragraphText(i, k));
        break;
      }
    }
    return k + 1;
  }

  /** A paragraph's text: its lines' content joined by spaces, trailing whitespace removed. */
  private paragraphText(start: number, end: number): string {
    if (start === end) return trimEndAll(this.cont[start]!);
    const parts: string[] = [];
    for (let m = start; m <= end; m++) parts.push(this.cont[m]!);
    return trimEndAll(parts.join(' '));
  }

  private leadText(): string {
    return this.leadIn ? this.paragraphText(this.leadIn.start, this.leadIn.end) : '';
  }

  private fenceText(i: number, to: number, fence: Fence): number {
    let k = i;
    while (k + 1 < to && !this.isSpecial(k + 1, to)) k++;
    let last = k;
    while (last > i && this.isBlankAt(last)) last--;
    const lead = this.leadText();
    if (this.pending && (RESPONSE_LEADIN.test(lead) || /^(?:output|text|console)$/i.test(fence.info))) {
      this.textExpectation(i, last);
    } else {
      this.diag('unrecognised-code', 'info', i + 1, `code block lines ${i + 1}-${last + 1} hold no command the parser knows and follow no step that awaits a response`);
    }
    return k + 1;
  }

  // ---------- includes ----------

  private includes(line: number, text: string) {
    for (const m of text.matchAll(INCLUDE)) {
      const target = m[1]!.trim();
      const depth = this.opts.depth ?? 0;
      const resolvable = !!this.opts.readInclude && !/^(?:~|\/|[a-z][a-z0-9+.-]*:)/i.test(target);
      const rel = posix.normalize(posix.join(posix.dirname(this.file), target));
      const content = resolvable && depth < 8 ? this.opts.readInclude!(rel) : undefined;
      if (content === undefined) {
        this.diag(
          'missing-include',
          'warning',
          line + 1,
          `[!INCLUDE] ${target} is not resolved${target.startsWith('~') ? ' (a docset-root path: the docset is not here)' : resolvable ? ` (${rel} does not exist)` : ''}; its steps, if any, are missing from this model`,
        );
        continue;
      }
      const sub = new DocScanner(content, rel, { ...this.opts, depth: depth + 1, form: this.opts.form ?? this.form }).run();
      const count = sub.steps.length;
      sub.steps.forEach((s, idx) => {
        if (s.step.kind !== 'manual') s.step.section ||= this.section;
        this.steps.push({ order: line + (idx + 1) / (count + 1), step: s.step });
      });
      const lastStep = sub.steps[sub.steps.length - 1]?.step;
      if (lastStep && lastStep.kind !== 'manual' && !lastStep.expectation) this.pending = lastStep;
      this.examples.push(...sub.examples);
      this.diagnostics.push(...sub.diagnostics);
      this.extraOccurrences.push(...sub.occurrences);
      for (const [k, v] of sub.prose) this.stepProse.set(k, v);
      this.diag('include', 'info', line + 1, `[!INCLUDE] ${target} resolved to ${rel}: ${count} step(s)`);
    }
  }

  // ---------- manual steps ----------

  private manualSteps() {
    interface Item {
      line: number;
      num: number;
      end: number; // last line of the item (0-based, inclusive)
      endedByBoundary: boolean;
      code: boolean;
    }
    const items: Item[] = [];
    for (let k = this.bodyStart; k < this.n; k++) {
      if (this.role[k] !== Role.Prose || (this.flags[k]! & F_ITEM) === 0) continue;
      const m = ORDERED_ITEM.exec(this.cont[k]!);
      if (m) items.push({ line: k, num: Number(m[1]), end: k, endedByBoundary: false, code: false });
    }
    // An item runs to the next item, a heading, or a column-0 line after a blank line.
    for (let idx = 0; idx < items.length; idx++) {
      const item = items[idx]!;
      const next = idx + 1 < items.length ? items[idx + 1]!.line : this.n;
      let end = item.line;
      let boundary = next === this.n;
      for (let k = item.line + 1; k < next; k++) {
        if (this.headingLines.has(k) || this.isDocfxHeading(k)) {
          boundary = true;
          break;
        }
        if (this.blank[k] === 1) continue;
        const l = this.lines[k]!;
        if (this.blank[k - 1] === 1 && indentOf(l) === 0 && l.charCodeAt(0) !== 62 /* > */) {
          boundary = true;
          break;
        }
        end = k;
      }
      item.end = end;
      item.endedByBoundary = boundary;
      for (let k = item.line; k <= end && !item.code; k++) {
        const r = this.role[k];
        item.code = r === Role.Command || r === Role.Expectation || r === Role.Example || r === Role.Code || r === Role.Marker;
      }
    }
    // Runs of consecutive, command-free items.
    const runs: Item[][] = [];
    let run: Item[] = [];
    for (let idx = 0; idx < items.length; idx++) {
      const item = items[idx]!;
      const prev = idx > 0 ? items[idx - 1] : undefined;
      const describesCommand = /\bcurl\b|\baz [a-z]/i.test(this.cont[item.line]!);
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
        for (let k = item.line; k <= item.end; k++) if (this.role[k] === Role.Prose) parts.push(this.cont[k]!);
        texts.push(parts.join(' '));
      }
      manual.push({ start: r[0]!.line, end: r[r.length - 1]!.end, creates: manualCreates(texts) });
    }
    // "Grant access by assigning the X role to the managed identity…" in a prose paragraph.
    for (const p of this.paragraphs) {
      if (this.has(p.start, F_ITEM)) continue;
      let mentionsRole = false;
      for (let m = p.start; m <= p.end && !mentionsRole; m++) mentionsRole = this.cont[m]!.includes('role') || this.cont[m]!.includes('Role');
      const creates = mentionsRole ? proseRoleCreates(this.paragraphText(p.start, p.end)) : undefined;
      if (creates) manual.push({ start: p.start, end: p.end, creates });
    }
    for (const m of manual) {
      const raw = this.lines.slice(m.start, m.end + 1).join('\n');
      const keys: string[] = [];
      for (const p of findAnglePlaceholders(raw)) {
        const key = placeholderKey(p.spelling);
        if (!keys.includes(key)) keys.push(key);
      }
      const step: ManualStep = {
        id: '',
        kind: 'manual',
        source: { file: this.file, startLine: m.start + 1, endLine: m.end + 1 },
        raw,
        section: this.sectionAt(m.start + 1),
        marks: [],
        placeholders: keys,
        creates: m.creates,
      };
      this.steps.push({ order: m.start, step });
    }
  }

  private sectionAt(line: number): string {
    let title = '';
    for (const s of this.sections) if (s.line <= line) title = s.title;
    return title;
  }

  // ---------- placeholders ----------

  private occurrences(): ScanResult['occurrences'] {
    const out: ScanResult['occurrences'] = [];
    for (let k = 0; k < this.n; k++) {
      const r = this.role[k];
      if (r === Role.Skip || r === Role.Marker) continue;
      const line = this.lines[k]!;
      const step = r === Role.Command || r === Role.Expectation ? this.lineStep[k] : undefined;
      const inProse = r === Role.Prose || r === Role.Heading;
      for (const p of findAnglePlaceholders(line)) out.push({ spelling: p.spelling, line: k + 1, column: p.index + 1, inProse, ...(step ? { step } : {}) });
      if (r === Role.Command) for (const p of findShellVariables(line)) out.push({ spelling: p.spelling, line: k + 1, column: p.index + 1, inProse: false, ...(step ? { step } : {}) });
    }
    return out;
  }
}
