// A unified diff `git apply` takes (and `patch -p1`): per file a `diff --git` section with `---`/`+++`
// names under a/ and b/, paths relative to the repository root; hunks with 3 lines of context, each
// hunk header naming the finding ids it carries after the second `@@` (where git puts a function
// name: ignored when applying). Comments are lines starting with "# " before the first section and
// between sections, where git apply skips text, as it does a mail's. Lines keep their bytes: a CR
// before the LF stays in the line, a last line without LF gets "\ No newline at end of file".
import { changedLines, type Change, type FilePlan } from './plan.ts';

const CONTEXT = 3;

export interface PatchFile {
  /** Path relative to the repository root, "/"-separated. */
  path: string;
  plan: FilePlan;
}

/** A path as git writes it in headers: C-quoted when it holds a quote, a backslash, a control or a non-ASCII byte. */
export function gitPath(prefix: string, path: string): string {
  const name = `${prefix}${path}`;
  if (!/["\\\x00-\x1f\x7f-\uffff]/.test(name)) return name;
  let out = '';
  for (const byte of Buffer.from(name, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (c === '\t') out += '\\t';
    else if (c === '\n') out += '\\n';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `"${out}"`;
}

/** One comment line: never a diff line, whatever the text. */
const comment = (text: string): string => `# ${text.replace(/[\r\n]+/g, ' ')}`.trimEnd();

function body(line: string, mark: ' ' | '-' | '+'): string[] {
  return line.endsWith('\n') ? [`${mark}${line}`] : [`${mark}${line}\n`, '\\ No newline at end of file\n'];
}

interface Hunk {
  from: number; // first line, context included
  to: number; // last line, context included
  changes: Change[];
}

function hunksOf(plan: FilePlan): Hunk[] {
  const hunks: Hunk[] = [];
  for (const change of plan.changes) {
    const from = Math.max(1, change.firstLine - CONTEXT);
    const to = Math.min(plan.lines.length, change.lastLine + CONTEXT);
    const prev = hunks[hunks.length - 1];
    // Hunks whose context would touch or overlap are one hunk, as diff makes them.
    if (prev !== undefined && from <= prev.to + 1) {
      prev.to = to;
      prev.changes.push(change);
    } else hunks.push({ from, to, changes: [change] });
  }
  return hunks;
}

/** The file's section of the patch (the comment before it included), or '' when it has no change. */
export function fileSection(file: PatchFile): string {
  const { plan } = file;
  if (plan.changes.length === 0) return '';
  const out: string[] = [];
  out.push(`${comment(`${file.path}: ${plan.changes.reduce((n, c) => n + c.fixes.length, 0)} correction(s)`)}\n`);
  for (const change of plan.changes) for (const fix of change.fixes) out.push(`${comment(`  ${fix.ids.join(', ')} (line ${change.firstLine}${change.lastLine > change.firstLine ? `–${change.lastLine}` : ''}): ${fix.description}`)}\n`);
  const a = gitPath('a/', file.path);
  const b = gitPath('b/', file.path);
  // As git diff does: a name with a space gets a tab after it, so that GNU patch reads it whole.
  const tab = file.path.includes(' ') ? '\t' : '';
  out.push(`diff --git ${a} ${b}\n`, `--- ${a}${tab}\n`, `+++ ${b}${tab}\n`);
  let delta = 0;
  for (const hunk of hunksOf(plan)) {
    const lines: string[] = [];
    let oldCount = 0;
    let newCount = 0;
    const emit = (before: readonly string[], after: readonly string[]): void => {
      for (const l of before) lines.push(...body(l, '-'));
      for (const l of after) lines.push(...body(l, '+'));
      oldCount += before.length;
      newCount += after.length;
    };
    // Each line of the hunk as it reads after the edits; a change that adds or removes a line break
    // (no rule's does today) is kept whole, its lines removed then added.
    const after = new Map<number, string>();
    const whole = new Map<number, { before: string[]; after: string[]; last: number }>();
    for (const change of hunk.changes) {
      const lines2 = changedLines(plan, change);
      if (lines2.length === change.lastLine - change.firstLine + 1) lines2.forEach((l, i) => after.set(change.firstLine + i, l));
      else whole.set(change.firstLine, { before: plan.lines.slice(change.firstLine - 1, change.lastLine), after: lines2, last: change.lastLine });
    }
    const changed = (n: number): boolean => after.has(n) && after.get(n) !== plan.lines[n - 1];
    for (let n = hunk.from; n <= hunk.to; ) {
      const w = whole.get(n);
      if (w !== undefined) {
        emit(w.before, w.after);
        n = w.last + 1;
      } else if (!changed(n)) {
        lines.push(...body(plan.lines[n - 1] as string, ' '));
        oldCount++;
        newCount++;
        n++;
      } else {
        // A run of changed lines: all removed, then all added, as diff writes them.
        let end = n;
        while (end <= hunk.to && changed(end) && !whole.has(end)) end++;
        const span = Array.from({ length: end - n }, (_, i) => n + i);
        emit(span.map((k) => plan.lines[k - 1] as string), span.map((k) => after.get(k) as string));
        n = end;
      }
    }
    const ids = hunk.changes.flatMap((c) => c.fixes.flatMap((f) => f.ids));
    out.push(`@@ -${hunk.from},${oldCount} +${hunk.from + delta},${newCount} @@ fix ${ids.join(' ')}\n`, ...lines);
    delta += newCount - oldCount;
  }
  return out.join('');
}

export interface PatchSummary {
  corrections: number;
  files: number;
  /** Lines about what was left out and why, shown at the top. */
  leftOut: string[];
  /** Where to apply it from ("the repository root /work/docs"). */
  root: string;
}

/** The whole patch: what it is and how to apply it, what was left out, then the file sections. */
export function renderPatch(files: readonly PatchFile[], summary: PatchSummary): string {
  const head = [
    `tutorial-conformance fix patch: ${summary.corrections} correction(s) in ${summary.files} file(s), each a finding the tool is sure of.`,
    'The tool never applies it. Review it, then from the repository root:',
    '    git apply --check <this file> && git apply <this file>',
    `(paths are relative to ${summary.root}; patch -p1 < <this file> works too).`,
    'Each hunk header names its finding ids: rule@line:column, in the file before the patch.',
    ...(summary.corrections === 0 ? ['No correction the tool is sure of: git apply needs --allow-empty for this file.'] : []),
    ...(summary.leftOut.length > 0 ? ['', 'Left out:', ...summary.leftOut.map((l) => `  ${l}`)] : []),
  ];
  return `${head.map((l) => `${comment(l)}\n`).join('')}${files.map((f) => fileSection(f)).filter((s) => s !== '').map((s) => `#\n${s}`).join('')}`;
}
