// The view every rule reads: the parsed tutorial plus its raw lines, with commands, JSON blocks and
// prose told apart. Built once per tutorial so that rules stay small and agree on what is a command.
import type { BlockLanguage, Expectation, JsonExpectation, ManualStep, Step, Tutorial } from '../model.ts';
import { readJson, type JsonReading } from '../parse/json-reader.ts';
import { commandWords, type ShellWord } from '../parse/shell-words.ts';
import { firstAfter } from './order.ts';
import type { SourceLine } from '../parse/source-lines.ts';
import type { WorldGrant } from '../world/types.ts';
import type { IncludeResolver } from '../parse/rendered.ts';

export type CommandStep = Exclude<Step, ManualStep>;

export interface CommandView {
  step: CommandStep;
  /** The command's own lines, exactly as in the file. */
  lines: SourceLine[];
  words: ShellWord[];
}

export interface JsonBlock {
  json: JsonExpectation;
  /** The step whose response this is, or the step the request example belongs to (the next one). */
  step: Step | undefined;
  role: 'response' | 'example';
  /** The language of the fenced block the JSON was read from (absent outside a fence). */
  language: BlockLanguage | undefined;
  /** The block read from the file's own lines, with where each key, value and error is. */
  read: ReadJson;
}

/** A JSON block's reading, and the block it reads. */
export interface ReadJson extends JsonReading {
  block: JsonBlock;
}

export interface ExpectationView {
  step: Step;
  expectation: Expectation;
}

export interface LintDocument {
  tutorial: Tutorial;
  file: string;
  /** False when lintTutorial got no text: text-only rules then look at command lines only. */
  hasText: boolean;
  lineCount: number;
  line(n: number): string;
  commands: CommandView[];
  manualSteps: ManualStep[];
  expectations: ExpectationView[];
  json: JsonBlock[];
  /** A line outside every command, expectation and example: what the reader reads as prose. */
  isProse(line: number): boolean;
  /** The first command whose first line is after `line`. */
  commandAfter(line: number): CommandView | undefined;
  /** The command view of a step. */
  commandOf(step: Step): CommandView | undefined;
  /** Grants the page's sidecar declares, when the caller read it (LintOptions.authorGrants). */
  authorGrants?: readonly WorldGrant[];
  /** How the caller reads files of the docset (its --docset-root), for pages this page links to. */
  resolveInclude?: IncludeResolver;
  /**
   * The file a line of the text comes from, when the text is a page with its includes in place
   * (lint/index.ts lintTutorial): the page's own file, or the include's.
   */
  lineFile?: (line: number) => string | undefined;
}

export function buildDocument(tutorial: Tutorial, text: string | undefined): LintDocument {
  const fileLines = text === undefined ? [] : text.replace(/\r\n?/g, '\n').split('\n');
  const rawLines = new Map<number, string>();
  const lineOf = (n: number): string => (text === undefined ? (rawLines.get(n) ?? '') : (fileLines[n - 1] ?? ''));

  const commands: CommandView[] = [];
  const manualSteps: ManualStep[] = [];
  const expectations: ExpectationView[] = [];
  const json: JsonBlock[] = [];
  const covered = new Set<number>();
  const cover = (from: number, to: number): void => {
    for (let n = from; n <= to; n++) covered.add(n);
  };

  const addExpectation = (step: Step): void => {
    if (!step.expectation) return;
    expectations.push({ step, expectation: step.expectation });
    cover(step.expectation.source.startLine, step.expectation.source.endLine);
    if (step.expectation.kind === 'json') json.push(jsonBlock(step.expectation, step, 'response', text === undefined ? undefined : lineOf));
  };

  for (const step of tutorial.steps) {
    // A step pulled in from an [!INCLUDE] file has that file's line numbers: reading them from this
    // file would point at the wrong text. Such steps are linted with their own file.
    if (step.source.file && tutorial.file && step.source.file !== tutorial.file) continue;
    if (step.kind === 'manual') {
      manualSteps.push(step);
      continue;
    }
    if (text === undefined) step.raw.split('\n').forEach((t, i) => rawLines.set(step.source.startLine + i, t));
    // PowerShell and cmd are not bash: their words are no shell words for the rules (PowerShell's
    // `curl` is an alias of Invoke-WebRequest, its `$names` variables), and their lines no prose either.
    if (step.language === 'powershell' || step.language === 'cmd') {
      cover(step.source.startLine, step.source.endLine);
      continue;
    }
    // A request written as HTTP (`PUT https://…`) is no shell text either: its `&` and `$filter` are
    // URL syntax. Its response is still the page's JSON to check.
    if (step.kind === 'http' && step.request) {
      cover(step.source.startLine, step.source.endLine);
      addExpectation(step);
      continue;
    }
    const lines: SourceLine[] = [];
    for (let n = step.source.startLine; n <= step.source.endLine; n++) lines.push({ line: n, text: lineOf(n) });
    commands.push({ step, lines, words: commandWords(lines) });
    cover(step.source.startLine, step.source.endLine);
    addExpectation(step);
  }
  const stepAfter = firstAfter(
    tutorial.steps.filter((s) => s.kind !== 'manual'),
    (s) => s.source.startLine,
  );
  for (const example of tutorial.examples) {
    if (example.source.file && tutorial.file && example.source.file !== tutorial.file) continue;
    // A request's own body belongs to that request; other examples to the step after them
    // ("Create body.json with…", then `az rest --body @body.json`).
    const owner = example.bodyOf !== undefined ? tutorial.steps.find((s) => s.id === example.bodyOf) : undefined;
    const next = owner ?? stepAfter(example.source.endLine);
    json.push(jsonBlock(example.json, next, 'example', text === undefined ? undefined : lineOf));
    cover(example.source.startLine, example.source.endLine);
  }
  json.sort((a, b) => a.json.source.startLine - b.json.source.startLine);

  let lineCount = fileLines.length;
  if (text === undefined) for (const n of rawLines.keys()) lineCount = Math.max(lineCount, n);
  const byStep = new Map<Step, CommandView>(commands.map((c) => [c.step, c]));
  return {
    tutorial,
    file: tutorial.file,
    hasText: text !== undefined,
    lineCount,
    line: lineOf,
    commands,
    manualSteps,
    expectations,
    json,
    isProse: (n) => text !== undefined && !covered.has(n),
    commandAfter: firstAfter(commands, (c) => c.step.source.startLine),
    commandOf: (step) => byStep.get(step),
  };
}

const PROGRESS = /^\s*Finished\[#*\]/;
const FENCE = /^\s*(```|~~~)/;

/**
 * A JSON block read again from the file's own lines (progress lines and fences left out), so that
 * lint points at the exact line and column of a field or a syntax error, whatever the parser kept.
 * Where the comment-free text does not parse either, the value is the parser's best effort.
 */
function jsonBlock(json: JsonExpectation, step: Step | undefined, role: JsonBlock['role'], fileLine: ((n: number) => string) | undefined): JsonBlock {
  const raw = fileLine ? [] : json.raw.split('\n');
  const lines: SourceLine[] = [];
  for (let n = json.source.startLine; n <= json.source.endLine; n++) {
    const text = fileLine ? fileLine(n) : (raw[n - json.source.startLine] ?? '');
    if (PROGRESS.test(text) || FENCE.test(text)) continue;
    lines.push({ line: n, text });
  }
  const reading = readJson(lines);
  const block = { json, step, role, language: json.language } as JsonBlock;
  block.read = { ...reading, value: reading.value === undefined ? json.value : reading.value, block };
  return block;
}
