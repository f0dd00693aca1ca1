// parse/: tutorial text → the model in src/model.ts. Entry points:
//   parseTutorialFile(path)            reads a file (E_TUTORIAL_UNREADABLE when it cannot), fills
//                                      `file` (relative to the project root) and `seed` (manifest)
//   parseTutorialText(text, file, o)   pure; never throws anything but ParseError/ToolError
// and the readers that lint/, plan/ and run/ reuse: the word splitter (shellWords, tokenizeShell,
// commandWords with positions), parseCurl(Argv), parseAz(Argv), placeholderKey. The stage's modules:
// document (the scan) over scan-state, blocks, language, commands, request (HTTP requests written
// as HTTP), responses, includes, manual-steps, placeholders; shell-words and pipelines; json-reader
// and json-expectation; rendered (the page with its includes in place, for lint and the World).
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ToolError } from '../errors.ts';
import { Tutorial, type Example, type SeedRef, type Step } from '../model.ts';
import { loadManifest, manifestEntryFor, projectRoot, tutorialsDir } from '../tutorials/manifest.ts';
import { markAzStandIns } from './az-stand-ins.ts';
import { linkCaptures } from './captures.ts';
import { scanDocument, type ParseOptions } from './document.ts';
import { ParseError } from './errors.ts';
import { groupPlaceholders } from './placeholders.ts';
import { findDocsetRoot, includeResolver } from './docset.ts';
import { listVariants, placeLabels } from './variants.ts';

export { ParseError } from './errors.ts';
export { shellWords, tokenizeShell, commandWords } from './shell-words.ts';
export type { ShellToken, ShellWord } from './shell-words.ts';
export type { SourceLine } from './source-lines.ts';
export { toPipelines } from './pipelines.ts';
export type { Pipeline, SimpleCommand, Redirect } from './pipelines.ts';
export { parseCurl, parseCurlArgv, splitHeader } from './curl.ts';
export { parseAz, parseAzArgv, azOption } from './az.ts';
export { placeholderKey, findAnglePlaceholders, findShellVariables, keysSimilar, nearKeyPairs, editDistance } from './placeholders.ts';
export { marksInLine, charKind } from './marks.ts';
export { isTokenUrl, tokenResource } from './captures.ts';
export type { ParseOptions } from './document.ts';
export { findDocsetRoot } from './docset.ts';
export { variantView } from './variant-view.ts';

/** parseTutorialFile's options: the parser's, and the docset root includes must stay inside. */
export interface FileParseOptions extends Omit<ParseOptions, 'seed'> {
  /** `--docset-root DIR` (an existing folder); else docfx.json upwards, else the page's folder. */
  docsetRoot?: string;
}

/** Text that is not a tutorial at all: NUL bytes or mostly replacement/control characters. */
function binaryReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'it contains NUL bytes (binary data)';
  // Binary data shows within its first bytes; a sample keeps this cheap on large texts.
  const probe = text.length > 1024 ? text.slice(0, 1024) : text;
  if (!/[\u0001-\u0008\u000e-\u001f\ufffd]/.test(probe)) return undefined;
  let bad = 0;
  for (let i = 0; i < probe.length; i++) {
    const c = probe.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  if (bad > 8 && bad / probe.length > 0.05) return 'it is not text (too many control or undecodable bytes)';
  return undefined;
}

/** Parse tutorial text. `file` is the path relative to the project root, as the model records it. */
export function parseTutorialText(text: string, file: string, opts: ParseOptions = {}): Tutorial {
  if (typeof text !== 'string') throw new ParseError('tutorial text is not a string', { file });
  if (text.trim() === '') throw new ParseError('the tutorial is empty', { file, line: 1 });
  const binary = binaryReason(text);
  if (binary) throw new ParseError(`not a tutorial: ${binary}`, { file, line: 1 });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const scan = scanDocument(body, file, opts);
  const steps: Step[] = new Array<Step>(scan.steps.length);
  for (let k = 0; k < steps.length; k++) {
    const s = scan.steps[k]!.step;
    s.id = `s${k + 1}`;
    const place = scan.stepPlaces.get(s);
    if (place) Object.assign(s, placeLabels(place));
    steps[k] = s;
  }
  linkRequestBodies(steps, scan.examples);
  markAzStandIns(steps);
  const variants = listVariants(
    { steps, stepPlaces: scan.stepPlaces, examples: scan.examples, examplePlaces: scan.examplePlaces, groups: scan.groups, pivots: scan.pivots, file },
    (d) => scan.diagnostics.push(d),
  );

  const placeholders = groupPlaceholders(scan.occurrences);

  const tutorial: Tutorial = {
    title: scan.title,
    file,
    form: scan.form,
    sections: scan.sections,
    steps,
    examples: scan.examples,
    placeholders,
    captures: linkCaptures(steps, scan.prose),
    diagnostics: scan.diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line : 0)),
    lineCount: scan.lineCount,
  };
  if (variants.length > 0) tutorial.variants = variants;
  if (opts.seed) tutorial.seed = opts.seed;
  return tutorial;
}

/** The project-relative path of a file, with "/" separators. */
export function projectPath(path: string): string {
  const abs = resolve(path);
  const rel = relative(projectRoot, abs);
  return (isAbsolute(rel) ? abs : rel).split(sep).join('/');
}

function readText(path: string, shown: string): string {
  let buf: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ToolError('E_TUTORIAL_UNREADABLE', 'is a directory, not a tutorial file', { file: shown });
    buf = readFileSync(path);
  } catch (err) {
    if (err instanceof ToolError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(err)})`;
    throw new ToolError('E_TUTORIAL_UNREADABLE', why, { file: shown, cause: err });
  }
  if (buf.length === 0 || buf.toString('utf8').trim() === '') throw new ToolError('E_TUTORIAL_UNREADABLE', 'the file is empty', { file: shown });
  if (buf.includes(0)) throw new ToolError('E_TUTORIAL_UNREADABLE', 'the file is binary (it contains NUL bytes)', { file: shown });
  const text = buf.toString('utf8');
  const binary = binaryReason(text);
  if (binary) throw new ToolError('E_TUTORIAL_UNREADABLE', `the file is not a text tutorial: ${binary}`, { file: shown });
  return text;
}

/** Read and parse a tutorial file. */
export function parseTutorialFile(path: string, opts: FileParseOptions = {}): Tutorial {
  const file = projectPath(path);
  const text = readText(path, file);
  let seed: SeedRef | undefined;
  if (resolve(path, '..') === tutorialsDir) {
    try {
      const entry = manifestEntryFor(path, loadManifest());
      if (entry) seed = { file: entry.seed.file, firstLine: entry.seed.firstLine };
    } catch {
      // a broken manifest does not stop parsing; the tutorial simply has no seed reference
    }
  }
  const { docsetRoot, ...parseOpts } = opts;
  const resolveInclude = includeResolver(docsetRoot ?? findDocsetRoot(path));
  try {
    return parseTutorialText(text, file, { resolveInclude, ...parseOpts, ...(seed ? { seed } : {}) });
  } catch (err) {
    if (err instanceof ToolError) throw err;
    throw new ParseError(`internal parser error: ${err instanceof Error ? err.message : String(err)}`, { file, cause: err });
  }
}

/** Validate a model against the schema (for tests and `extract`). */
export function validateTutorial(t: unknown): Tutorial {
  return Tutorial.parse(t);
}

/**
 * A request written as HTTP carries its body in `request.bodySource`, and that body is also one of
 * the page's examples (request.ts). Say whose body it is: an example is otherwise taken for the
 * parameters of the step after it, which gave the body of `PUT … HTTP/1.1` + JSON to the next request.
 */
function linkRequestBodies(steps: readonly Step[], examples: readonly Example[]): void {
  for (const s of steps) {
    const body = s.kind === 'http' ? s.request?.bodySource : undefined;
    if (!body) continue;
    const example = examples.find((e) => e.source.file === body.file && e.source.startLine === body.startLine && e.source.endLine === body.endLine);
    if (example) example.bodyOf = s.id;
  }
}
