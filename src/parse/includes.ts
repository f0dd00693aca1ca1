// `[!INCLUDE [title](path)]`: the included file is scanned as a document of its own (its steps keep
// their own file and lines) and its steps take the include line's place in this one, inside the
// tab or zone that line is in. Which file a target names, and whether it may be read at all, is the
// resolver's business (ParseOptions.resolveInclude; docset.ts for files on disk): an include that
// does not resolve is a `missing-include` diagnostic saying why, never a read outside the docs.
import { posix } from 'node:path';
import type { IncludeResult, ScanState } from './scan-state.ts';
import { NOWHERE, within } from './variants.ts';

/** `[!INCLUDE [title](target)]`; group 1 is the target as written. */
export const INCLUDE = /\[!INCLUDE\s*\[[^\]]*\]\(([^)]*)\)\s*\]/gi;
/**
 * DocFX code includes of a shell script, whose commands the page shows from another file:
 * `[!code-azurecli-interactive[main](../x.sh "title")]`, `:::code language="azurecli" source="~/x.sh":::`.
 */
const SHELL_CODE_INCLUDE = /\[!code-(?:azurecli(?:-interactive)?|bash|sh|console)\[[^\]]*\]\(([^)\s"]+)|:::\s*code\s[^\n]*?language="(?:azurecli(?:-interactive)?|bash|sh|console)"[^\n]*?source="([^"]+)"|:::\s*code\s[^\n]*?source="([^"]+\.sh)"/i;

/** The file a line's shell code include shows (as written), or undefined. */
export function shellCodeInclude(line: string): string | undefined {
  const m = SHELL_CODE_INCLUDE.exec(line);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Nesting deeper than this is taken for a cycle. */
export const MAX_INCLUDE_DEPTH = 8;

function resolve(st: ScanState, target: string): IncludeResult {
  if ((st.opts.depth ?? 0) >= MAX_INCLUDE_DEPTH) return { error: `includes nest more than ${MAX_INCLUDE_DEPTH} deep (an include cycle?)` };
  if (st.opts.resolveInclude) return st.opts.resolveInclude(target, st.file);
  if (target.startsWith('~')) return { error: 'a docset-root path: the docset is not here' };
  if (!st.opts.readInclude || /^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(target)) return { error: 'no file is read for it' };
  const rel = posix.normalize(posix.join(posix.dirname(st.file), target));
  const text = st.opts.readInclude(rel);
  return text === undefined ? { error: `${rel} does not exist` } : { file: rel, text };
}

/** Resolve every `[!INCLUDE]` in `text`, found on line `line` (0-based). */
export function readIncludes(st: ScanState, line: number, text: string) {
  for (const m of text.matchAll(INCLUDE)) {
    const target = m[1]!.trim();
    const found = resolve(st, target);
    if ('error' in found) {
      st.diag('missing-include', 'warning', line + 1, `[!INCLUDE] ${target} is not resolved (${found.error}); its steps, if any, are missing from this model`);
      continue;
    }
    const depth = st.opts.depth ?? 0;
    const sub = st.scanInclude(found.text, found.file, { ...st.opts, depth: depth + 1, form: st.opts.form ?? st.form });
    const count = sub.steps.length;
    const outer = st.linePlaces[line] ?? NOWHERE;
    sub.steps.forEach((s, idx) => {
      if (s.step.kind !== 'manual') s.step.section ||= st.section;
      st.steps.push({ order: line + (idx + 1) / (count + 1), step: s.step });
      const place = within(outer, sub.stepPlaces.get(s.step) ?? NOWHERE);
      if (place !== NOWHERE) st.stepPlaces.set(s.step, place);
    });
    const lastStep = sub.steps[sub.steps.length - 1]?.step;
    if (lastStep && lastStep.kind !== 'manual' && !lastStep.expectation) st.pending = lastStep;
    for (const e of sub.examples) {
      st.examples.push(e);
      const place = within(outer, sub.examplePlaces.get(e) ?? NOWHERE);
      if (place !== NOWHERE) st.examplePlaces.set(e, place);
    }
    for (const [key, tabs] of sub.groups) st.groups.set(key, tabs);
    for (const p of sub.pivots) st.addPivot(p);
    st.diagnostics.push(...sub.diagnostics);
    st.extraOccurrences.push(...sub.occurrences);
    for (const [k, v] of sub.prose) st.stepProse.set(k, v);
    st.diag('include', 'info', line + 1, `[!INCLUDE] ${target} resolved to ${found.file}: ${count} step(s)`);
  }
}
