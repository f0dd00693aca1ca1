// Commands in a PowerShell fence (powershell, azurepowershell*, pwsh): steps this tool lists and never
// runs (the run says `unsupported`, reason `language`). Read as PowerShell reads a statement: a line
// ending in a backtick or a pipe goes on, so do open braces, brackets and parentheses (a hashtable
// `@{ … }`, a script block, `if (…) { … } else { … }`), and `else`/`catch`/`finally` after a closing
// brace belong to the statement before. `#` comments and `<# … #>` blocks are no commands; `$names`
// are PowerShell's variables, not placeholders; braces are PowerShell, never JSON.
import type { CharMark, Step } from '../model.ts';
import { finish, registerStep } from './commands.ts';
import { marksInLine } from './marks.ts';
import { findAnglePlaceholders, uniqueKeys } from './placeholders.ts';
import { isDoubleQuote, isQuote, isSingleQuote, readPowerShellStatements } from './powershell-words.ts';
import type { ScanState } from './scan-state.ts';
import type { Fence } from './structure.ts';

const CONTINUED_BY = /^(?:else|elseif|catch|finally|until|while)\b|^\{/i;
/** What PowerShell prints, shown in the fence under the command: `Name   : value` lists, `...`, table rules. */
const OUTPUT_LINE = /^[A-Za-z][\w.]*(?: [\w.]+)*\s+:(?:\s|$)|^(?:\.{3}|…)$|^-{3,}(?:\s+-{3,})*$/;
/** A line of a shell fence that is PowerShell by its syntax: `$name = …` (bash assigns without `$`), a Verb-Noun cmdlet. */
const POWERSHELL_SYNTAX = /^\$[A-Za-z_][\w:]*\s*=|^(?:Get|Set|New|Remove|Add|Invoke|Connect|Compress|Expand|Update|Import|Export|Register|Start|Stop|Write|Select|ConvertTo|ConvertFrom|Test|Publish)-[A-Z][A-Za-z]+\b/;

/** A line of a shell fence written in PowerShell (Learn pages mix them: "If you're using PowerShell, …"). */
export function isPowerShellLine(content: string): boolean {
  return POWERSHELL_SYNTAX.test(content);
}

/** How far a line opens (+) or closes (−) brackets, outside quotes and comments. */
function depthChange(line: string): number {
  let d = 0;
  let quote: ((c: string) => boolean) | undefined; // the kind of quote open: any quote of that kind closes it, typographic ones too
  for (let k = 0; k < line.length; k++) {
    const c = line[k] as string;
    if (quote !== undefined) {
      if (c === '`') k++;
      else if (quote(c)) quote = undefined;
      continue;
    }
    if (c === '`') k++;
    else if (isQuote(c)) quote = isDoubleQuote(c) ? isDoubleQuote : isSingleQuote;
    else if (c === '#') break;
    else if (c === '{' || c === '(' || c === '[') d++;
    else if (c === '}' || c === ')' || c === ']') d--;
  }
  return d;
}

/** A line of a Windows cmd fence (`^` continues it; `REM` and `::` lines are comments): a step never run. */
export function readCmd(st: ScanState, i: number, to: number, fence: Fence): number {
  const first = st.content(i).trim();
  if (/^(?:rem\b|::)/i.test(first)) return i + 1;
  let j = i;
  while (st.content(j).trimEnd().endsWith('^') && j + 1 < to && !st.isBlankAt(j + 1)) j++;
  const raw = st.rawOf(i, j);
  const marks: CharMark[] = [];
  for (let k = i; k <= j; k++) marks.push(...marksInLine(st.lines[k]!, k + 1));
  const step: Step = finish(
    { id: '', source: { file: st.file, startLine: i + 1, endLine: j + 1 }, raw, section: st.section, marks, placeholders: uniqueKeys(findAnglePlaceholders(raw), []), fence: fence.info },
    { kind: 'shell', shell: { kind: 'other', argv: [/^\S+/.exec(first)?.[0] ?? first] } },
  );
  step.language = 'cmd'; // in a shell fence under a Cmd tab too: the tab says cmd
  registerStep(st, i, j, step);
  return j + 1;
}

/** Reads the PowerShell statement starting at line `i` of the fence; returns the next line to scan. */
export function readPowerShell(st: ScanState, i: number, to: number, fence: Fence): number {
  const first = st.content(i).trim();
  if (first.startsWith('<#')) {
    let j = i;
    while (j + 1 < to && !st.content(j).includes('#>')) j++;
    return j + 1;
  }
  if (first.startsWith('#') || OUTPUT_LINE.test(first)) return i + 1;
  let j = i;
  let depth = depthChange(st.content(i));
  for (;;) {
    const text = st.content(j).trimEnd();
    const goesOn = depth > 0 || text.endsWith('`') || text.endsWith('|');
    let next = j + 1;
    while (goesOn && next < to && st.isBlankAt(next)) next++;
    if (next >= to) break;
    if (!goesOn && !CONTINUED_BY.test(st.content(next).trim())) break;
    if (!goesOn && st.isBlankAt(j + 1)) break;
    j = next;
    depth += depthChange(st.content(j));
  }
  const raw = st.rawOf(i, j);
  const marks: CharMark[] = [];
  for (let k = i; k <= j; k++) marks.push(...marksInLine(st.lines[k]!, k + 1));
  const word = /^[^\s(=;|]+/.exec(first)?.[0] ?? first;
  const step: Step = finish(
    { id: '', source: { file: st.file, startLine: i + 1, endLine: j + 1 }, raw, section: st.section, marks, placeholders: uniqueKeys(findAnglePlaceholders(raw), []), fence: fence.info },
    { kind: 'shell', shell: { kind: 'other', argv: [word] } },
  );
  step.language = 'powershell'; // in a shell fence too: the line's syntax says PowerShell
  if (step.kind === 'shell') step.powershell = readPowerShellStatements(raw);
  registerStep(st, i, j, step);
  return j + 1;
}
