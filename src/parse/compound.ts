// Compound shell commands in a shell block — `if … fi`, `for … done`, `while`/`until … done`,
// `case … esac`, functions `name() { … }` — are one step, as bash runs them: the commands inside
// run conditionally or repeatedly, so they are never steps of their own (running the body of a loop
// once, or both branches of an if, would judge a script the page does not show). The http engine
// does not model them (`unsupported`, shell-construct); `--engine shell` runs them as written.
import type { CharMark, Step } from '../model.ts';
import { finish, registerStep } from './commands.ts';
import { marksInLine } from './marks.ts';
import { findAnglePlaceholders, findShellVariables, placeholderKey, uniqueKeys } from './placeholders.ts';
import type { ScanState } from './scan-state.ts';
import type { Fence } from './structure.ts';

const OPENERS = new Set(['if', 'for', 'while', 'until', 'case', 'select']);
const CLOSERS = new Set(['fi', 'done', 'esac']);
/** Words after which the next word is in command position again. */
const COMMAND_SEPARATORS = new Set([';', '&&', '||', '|', '&', 'then', 'do', 'else', 'elif', '{', '(', '!']);
const FUNCTION_START = /^(?:function\s+[\w.-]+(?:\s*\(\s*\))?|[\w.-]+\s*\(\s*\))\s*\{?\s*$/;

/** A line of a shell block that opens a compound command. */
export function isCompoundStart(content: string): boolean {
  return /^(?:if|for|while|until|case|select)(?:\s|$)/.test(content) || FUNCTION_START.test(content);
}

/** The line's words outside quotes and comments, operators apart. */
function words(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  const push = (): void => {
    if (cur !== '') out.push(cur);
    cur = '';
  };
  for (let k = 0; k < line.length; k++) {
    const c = line[k] as string;
    if (quote !== undefined) {
      if (c === '\\' && quote === '"') k++;
      else if (c === quote) quote = undefined;
      cur += 'q'; // quoted text is a word's content, never a keyword
      continue;
    }
    if (c === '\\') {
      k++;
      cur += 'q';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '#' && cur === '') break;
    else if (c === ' ' || c === '\t') push();
    else if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      push();
      const two = line.slice(k, k + 2);
      if (two === '&&' || two === '||' || two === ';;') {
        out.push(two);
        k++;
      } else out.push(c);
    } else cur += c;
  }
  push();
  return out;
}

/** How many compound commands the line opens (+) or closes (−), keywords in command position only. */
function depthChange(line: string, atStart: boolean): number {
  let d = 0;
  let commandPosition = atStart;
  for (const w of words(line)) {
    if (commandPosition && OPENERS.has(w)) d++;
    else if (commandPosition && CLOSERS.has(w)) d--;
    else if (w === '{' && commandPosition) d++;
    else if (w === '}' && commandPosition) d--;
    commandPosition = COMMAND_SEPARATORS.has(w) || (commandPosition && (w === '}' || CLOSERS.has(w)));
  }
  return d;
}

/** Reads the compound command starting at line `i` of a shell fence; returns the next line to scan. */
export function readCompound(st: ScanState, i: number, to: number, fence: Fence): number {
  let depth = 0;
  let j = i;
  for (let k = i; k < to; k++) {
    const text = st.content(k);
    if (!st.isBlankAt(k)) depth += depthChange(text, true);
    // `name()` alone on its line opens with the `{` of the next.
    j = k;
    if (depth <= 0 && !(k === i && FUNCTION_START.test(text.trim()) && !text.includes('{'))) break;
  }
  const raw = st.rawOf(i, j);
  const marks: CharMark[] = [];
  for (let k = i; k <= j; k++) marks.push(...marksInLine(st.lines[k]!, k + 1));
  // Variables the compound sets itself (the loop variable, assignments in its body) are no placeholders.
  const own = new Set<string>();
  for (const m of raw.matchAll(/\b(?:for|select)\s+([A-Za-z_]\w*)\s+in\b|(?:^|[\s;])([A-Za-z_]\w*)=|\bread\s+(?:-\w+\s+)*([A-Za-z_]\w*)/g)) own.add(placeholderKey(`$${m[1] ?? m[2] ?? m[3]}`));
  const placeholders = uniqueKeys(findAnglePlaceholders(raw), findShellVariables(raw)).filter((k) => !own.has(k));
  const step: Step = finish(
    { id: '', source: { file: st.file, startLine: i + 1, endLine: j + 1 }, raw, section: st.section, marks, placeholders, fence: fence.info },
    { kind: 'shell', shell: { kind: 'other', argv: st.content(i).trim().split(/\s+/) } },
  );
  registerStep(st, i, j, step);
  return j + 1;
}
