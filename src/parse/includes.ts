// `[!INCLUDE [title](path)]`: the included file is scanned as a document of its own (its steps keep
// their own file and lines) and its steps take the include line's place in this one.
import { posix } from 'node:path';
import type { ScanState } from './scan-state.ts';

const INCLUDE = /\[!INCLUDE\s*\[[^\]]*\]\(([^)]*)\)\s*\]/gi;

/** Resolve every `[!INCLUDE]` in `text`, found on line `line` (0-based). */
export function readIncludes(st: ScanState, line: number, text: string) {
  for (const m of text.matchAll(INCLUDE)) {
    const target = m[1]!.trim();
    const depth = st.opts.depth ?? 0;
    const resolvable = !!st.opts.readInclude && !/^(?:~|\/|[a-z][a-z0-9+.-]*:)/i.test(target);
    const rel = posix.normalize(posix.join(posix.dirname(st.file), target));
    const content = resolvable && depth < 8 ? st.opts.readInclude!(rel) : undefined;
    if (content === undefined) {
      st.diag(
        'missing-include',
        'warning',
        line + 1,
        `[!INCLUDE] ${target} is not resolved${target.startsWith('~') ? ' (a docset-root path: the docset is not here)' : resolvable ? ` (${rel} does not exist)` : ''}; its steps, if any, are missing from this model`,
      );
      continue;
    }
    const sub = st.scanInclude(content, rel, { ...st.opts, depth: depth + 1, form: st.opts.form ?? st.form });
    const count = sub.steps.length;
    sub.steps.forEach((s, idx) => {
      if (s.step.kind !== 'manual') s.step.section ||= st.section;
      st.steps.push({ order: line + (idx + 1) / (count + 1), step: s.step });
    });
    const lastStep = sub.steps[sub.steps.length - 1]?.step;
    if (lastStep && lastStep.kind !== 'manual' && !lastStep.expectation) st.pending = lastStep;
    st.examples.push(...sub.examples);
    st.diagnostics.push(...sub.diagnostics);
    st.extraOccurrences.push(...sub.occurrences);
    for (const [k, v] of sub.prose) st.stepProse.set(k, v);
    st.diag('include', 'info', line + 1, `[!INCLUDE] ${target} resolved to ${rel}: ${count} step(s)`);
  }
}
