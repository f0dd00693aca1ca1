// Static lint of tutorials: every rule over the parsed model and the raw text, no request sent.
// Entry points: lintTutorial (pure), lintFiles (reads and parses), rules (metadata), toSarif.
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { SeedRef, Tutorial } from '../model.ts';
import { manifestEntryFor, projectRoot } from '../tutorials/manifest.ts';
import { ToolError } from '../errors.ts';
import { findDocsetRoot, parseTutorialFile, parseTutorialText } from '../parse/index.ts';
import { includeResolver } from '../parse/docset.ts';
import { placeFindings, renderIncludes, type IncludeResolver } from './rendered.ts';
import { buildDocument, type LintDocument } from './document.ts';
import type { WorldGrant } from '../world/types.ts';
import type { Finding, Severity } from './finding.ts';
import { rules } from './registry.ts';
import type { Rule, RuleHit } from './rule.ts';

export { rules } from './registry.ts';
export type { Rule, RuleMeta } from './rule.ts';
export { toSarif } from './format/sarif.ts';
export { formatText } from './format/text.ts';

export interface LintOptions {
  /** The tutorial file's text; without it only command lines (from the steps' raw text) are read. */
  text?: string;
  /** Seed reference when the model has none (lintFiles takes it from tutorials/manifest.json). */
  seed?: SeedRef;
  /** Restrict to these rule ids (tests). */
  only?: readonly string[];
  /** Grants the page's sidecar declares (origin `author`): the runner reads the sidecar, the lint reads no file. */
  authorGrants?: readonly WorldGrant[];
  /**
   * Resolves `[!INCLUDE]` targets as the parser does (parse/docset.ts includeResolver). With it and
   * `text`, included text is linted in its place and its findings name the include's file and line.
   */
  resolveInclude?: IncludeResolver;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function lintTutorial(tutorial: Tutorial, opts: LintOptions = {}): Finding[] {
  if (opts.text === undefined || opts.resolveInclude === undefined || !opts.text.includes('[!')) return lintModel(tutorial, opts.text, opts);
  const rendered = renderIncludes(opts.text, tutorial.file, opts.resolveInclude);
  if (rendered.included === 0) return lintModel(tutorial, opts.text, opts);
  let model: Tutorial;
  try {
    // Includes are already in place: the parser is told not to read them a second time.
    model = parseTutorialText(rendered.text, tutorial.file, { form: tutorial.form, resolveInclude: () => ({ error: 'its text is linted in place' }) });
  } catch {
    return lintModel(tutorial, opts.text, opts);
  }
  if (tutorial.seed) model.seed = tutorial.seed;
  return placeFindings(lintModel(model, rendered.text, opts, (n) => rendered.origins[n - 1]?.file), rendered, tutorial, model);
}

/** Every rule over one model and its text, findings sorted by place. */
function lintModel(tutorial: Tutorial, text: string | undefined, opts: LintOptions, lineFile?: (line: number) => string | undefined): Finding[] {
  const doc: LintDocument = { ...buildDocument(tutorial, text), ...(opts.authorGrants ? { authorGrants: opts.authorGrants } : {}), ...(opts.resolveInclude ? { resolveInclude: opts.resolveInclude } : {}), ...(lineFile ? { lineFile } : {}) };
  const seed = tutorial.seed ?? opts.seed;
  const active: readonly Rule[] = opts.only ? rules.filter((r) => opts.only?.includes(r.id)) : rules;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const rule of active) {
    let hits: RuleHit[];
    try {
      hits = rule.check(doc);
    } catch (err) {
      // One rule tripping on an odd page must not hide every other finding from the report;
      // say so at line 1 under the rule's own id so that it is seen and can be fixed.
      hits = [{ line: 1, severity: 'note', message: `lint rule ${rule.id} could not check this tutorial: ${(err as Error).message}` }];
    }
    for (const hit of hits) {
      // One finding per rule and place: a place is a line and, when known, a column.
      const key = `${rule.id}\u0000${hit.line}\u0000${hit.column ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        rule: rule.id,
        severity: hit.severity ?? rule.severity,
        message: hit.message,
        file: tutorial.file,
        line: hit.line,
        ...(hit.column !== undefined ? { column: hit.column } : {}),
        ...(hit.endLine !== undefined ? { endLine: hit.endLine } : {}),
        ...(seed ? { seed: { file: seed.file, line: hit.line + seed.firstLine - 1 } } : {}),
        ...(hit.stepId !== undefined ? { stepId: hit.stepId } : {}),
        ...(hit.suggestion !== undefined ? { suggestion: hit.suggestion } : {}),
        ...(hit.fix !== undefined ? { fix: hit.fix } : {}),
      });
    }
  }
  return findings.sort(
    (a, b) =>
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.rule.localeCompare(b.rule) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.message.localeCompare(b.message),
  );
}

export interface LintResult {
  tutorial: string;
  findings: Finding[];
}

/** Reads, parses and lints each file; paths may be absolute or relative to the working directory. */
export async function lintFiles(paths: readonly string[], opts: { docsetRoot?: string } = {}): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (err) {
      throw new ToolError('E_TUTORIAL_UNREADABLE', `cannot read the tutorial: ${(err as Error).message}`, { file: path, cause: err });
    }
    let tutorial: Tutorial;
    try {
      tutorial = parseTutorialFile(absolute, opts.docsetRoot !== undefined ? { docsetRoot: opts.docsetRoot } : {});
    } catch (err) {
      if (err instanceof ToolError) throw err;
      throw new ToolError('E_PARSE', `cannot parse the tutorial: ${(err as Error).message}`, { file: path, cause: err });
    }
    const entry = manifestEntryFor(absolute);
    const seed = entry && absolute.startsWith(resolve(projectRoot, 'tutorials')) ? { file: entry.seed.file, firstLine: entry.seed.firstLine } : undefined;
    const resolveInclude = includeResolver(opts.docsetRoot ?? findDocsetRoot(absolute));
    results.push({ tutorial: tutorial.file || relative(projectRoot, absolute), findings: lintTutorial(tutorial, { text, resolveInclude, ...(seed ? { seed } : {}) }) });
  }
  return results;
}
