// `--fix-patch FILE` and report.json's `fixes`: the corrections the tool is sure of, from the findings'
// fixes, as a unified diff against the tutorial files and as GitHub review suggestions. The tutorial
// files are read here (as bytes, to place every edit exactly); nothing is ever written to them.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { findingId, type Finding } from '../../lint/finding.ts';
import { pathFromRoot } from '../reporters/paths.ts';
import type { LeftOutFix, ReportFix } from '../schema.ts';
import { renderPatch, fileSection, type PatchFile } from './patch.ts';
import { changedLines, planFile, type FilePlan } from './plan.ts';

export interface FixSource {
  /** The tutorial as a report names it: relative to the project root, or absolute. */
  file: string;
  /** Its findings; one on an [!INCLUDE]d file's text names that file, and its fix edits that file. */
  findings: readonly Finding[];
}

/**
 * The findings with a fix by the file the fix edits (a finding's `file`: the page's, or an include's).
 * An include read by two pages has the same findings in both: each is planned once.
 */
function byEditedFile(sources: readonly FixSource[]): FixSource[] {
  const files = new Map<string, Map<string, Finding>>();
  for (const source of sources) {
    for (const f of source.findings) {
      const file = f.file || source.file;
      const own = files.get(file) ?? new Map<string, Finding>();
      files.set(file, own);
      const key = `${findingId(f)}\u0000${JSON.stringify(f.fix ?? null)}`;
      if (!own.has(key)) own.set(key, f.file === file ? f : { ...f, file });
    }
  }
  return [...files].map(([file, findings]) => ({ file, findings: [...findings.values()] }));
}

export interface FixContext {
  /** The repository root patch paths are relative to (src/cli/repository.ts). */
  root: string;
  projectRoot: string;
  /** Reads a file's bytes (tests pass their own). */
  read?: (path: string) => Buffer;
  /** The run's redaction: a file whose patch section it would change is left out (a redacted line cannot apply). */
  redact?: (text: string) => string;
}

export interface FileFixes {
  fixes: ReportFix[];
  leftOut: LeftOutFix[];
}

export interface Fixes {
  /** By the edited file's name as the report writes it (a page's or an include's); only files with a fix or a left-out fix. */
  byFile: Map<string, FileFixes>;
  /** The patch text (comments only when there is no correction). */
  patch: string;
  corrections: number;
}

/** A GitHub review-suggestion block replacing `lines` (their terminators and a BOM dropped). */
export function suggestionBlock(lines: readonly string[], firstLineOfFile: boolean): string {
  const content = lines.map((l, i) => {
    const t = l.replace(/\r?\n$/, '');
    return i === 0 && firstLineOfFile ? t.replace(/^\uFEFF/, '') : t;
  });
  const longest = Math.max(0, ...content.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}suggestion\n${content.join('\n')}\n${fence}`;
}

function reportFixes(plan: FilePlan): ReportFix[] {
  return plan.changes.map((change) => ({
    findings: change.fixes.flatMap((f) => f.ids),
    rules: [...new Set(change.fixes.flatMap((f) => f.rules))],
    ...(change.fixes.some((f) => f.stepIds.length > 0) ? { stepIds: [...new Set(change.fixes.flatMap((f) => f.stepIds))] } : {}),
    description: change.fixes.map((f) => f.description).join('; '),
    line: { start: change.firstLine, end: change.lastLine },
    suggestion: suggestionBlock(changedLines(plan, change), change.firstLine === 1),
    edits: change.fixes.flatMap((f) => f.edits.map((e) => ({ start: e.start, end: e.end, text: e.text }))).sort((a, b) => a.start - b.start || a.end - b.end),
  }));
}

const allIds = (findings: readonly Finding[]): string[] => findings.filter((f) => f.fix !== undefined).map((f) => `${f.rule}@${f.line}:${f.column ?? 1}`);

export function collectFixes(sources: readonly FixSource[], ctx: FixContext): Fixes {
  const read = ctx.read ?? ((p: string) => readFileSync(p));
  const byFile = new Map<string, FileFixes>();
  const files: PatchFile[] = [];
  const leftOutLines: string[] = [];
  const leaveOutFile = (source: FixSource, shown: string, reason: string): void => {
    const ids = allIds(source.findings);
    byFile.set(source.file, { fixes: [], leftOut: [{ findings: ids, line: source.findings.find((f) => f.fix)?.line ?? 1, reason }] });
    leftOutLines.push(`${shown}: ${ids.join(', ')}: ${reason}`);
  };
  for (const source of byEditedFile(sources)) {
    if (!source.findings.some((f) => f.fix !== undefined)) continue;
    const abs = isAbsolute(source.file) ? source.file : resolve(ctx.projectRoot, source.file);
    const path = pathFromRoot(source.file, ctx.root, ctx.projectRoot);
    let bytes: Buffer;
    try {
      bytes = read(abs);
    } catch (err) {
      leaveOutFile(source, path, `the file cannot be read again: ${(err as Error).message}`);
      continue;
    }
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) {
      leaveOutFile(source, path, 'the file is not valid UTF-8, so no edit can be placed on its bytes with certainty');
      continue;
    }
    const plan = planFile(text, source.findings);
    // report.json's suggestions do not depend on where the patch is applied from.
    const entry = { fixes: reportFixes(plan), leftOut: plan.leftOut.map((l) => ({ findings: l.ids, line: l.line, reason: l.reason })) };
    if (entry.fixes.length > 0 || entry.leftOut.length > 0) byFile.set(source.file, entry);
    for (const l of plan.leftOut) leftOutLines.push(`${path}:${l.line} ${l.ids.join(', ')}: ${l.reason}`);
    if (plan.changes.length === 0) continue;
    const ids = plan.changes.flatMap((c) => c.fixes.flatMap((f) => f.ids));
    if (isAbsolute(path)) {
      leftOutLines.push(`${path}: ${ids.join(', ')}: the file is outside the repository root ${ctx.root}, so a patch path cannot name it (run from inside the repository; report.json has these corrections)`);
      continue;
    }
    if (ctx.redact !== undefined) {
      const section = fileSection({ path, plan });
      if (ctx.redact(section) !== section) {
        leftOutLines.push(`${path}: ${ids.join(', ')}: the lines around the corrections hold text the run redacts as a secret, and a redacted line cannot be applied`);
        continue;
      }
    }
    files.push({ path, plan });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const corrections = files.reduce((n, f) => n + f.plan.changes.reduce((k, c) => k + c.fixes.length, 0), 0);
  return { byFile, corrections, patch: renderPatch(files, { corrections, files: files.length, leftOut: leftOutLines, root: ctx.root }) };
}

/**
 * The fixes report.json shows on one tutorial: those of its own file, and those of the included files
 * its findings are on (each with `file`, limited to corrections of this tutorial's findings).
 */
export function tutorialFixes(byFile: ReadonlyMap<string, FileFixes>, t: { file: string; findings: readonly Finding[] }): FileFixes {
  const own = byFile.get(t.file);
  const fixes: ReportFix[] = [...(own?.fixes ?? [])];
  const leftOut: LeftOutFix[] = [...(own?.leftOut ?? [])];
  const included = new Map<string, Set<string>>();
  for (const f of t.findings) if (f.file !== t.file) included.set(f.file, (included.get(f.file) ?? new Set()).add(findingId(f)));
  for (const [file, ids] of included) {
    const entry = byFile.get(file);
    const mine = (found: readonly string[]) => found.some((id) => ids.has(id));
    for (const fix of entry?.fixes ?? []) if (mine(fix.findings)) fixes.push({ ...fix, file });
    for (const l of entry?.leftOut ?? []) if (mine(l.findings)) leftOut.push({ ...l, file });
  }
  return { fixes, leftOut };
}
