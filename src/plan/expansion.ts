// Which `$name` / `${name}` in a command bash really expands: unquoted or inside double quotes, not
// inside single quotes (`jq -r '.x | $v'`, `echo '$HOME'`), not escaped (`\$HOME`), not in a comment.
// The quoting is the parser's: the text before the `$` is tokenized as bash reads it (tokenizeShell),
// and an unclosed quote or substitution there says where the `$` stands.
import { tokenizeShell, toPipelines } from '../parse/index.ts';

const SHELL_VARIABLE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;

function escaped(prefix: string): boolean {
  let n = 0;
  for (let i = prefix.length - 1; i >= 0 && prefix[i] === '\\'; i--) n++;
  return n % 2 === 1;
}

/** Does bash expand the `$` at `index` of `text`? */
export function bashExpandsAt(text: string, index: number): boolean {
  const prefix = text.slice(0, index);
  const { tokens, error } = tokenizeShell(prefix);
  if (error) {
    if (error.message === 'unbalanced single quote') return false;
    if (error.message === 'unbalanced double quote') return !escaped(prefix);
    // Inside a command substitution: its body is read as a command of its own.
    const open = Math.max(prefix.lastIndexOf('$('), prefix.lastIndexOf('`'));
    if (open >= 0) return bashExpandsAt(text.slice(open + (text[open] === '`' ? 1 : 2)), index - open - (text[open] === '`' ? 1 : 2));
    return !escaped(prefix);
  }
  const last = tokens[tokens.length - 1];
  if (last?.kind === 'comment' && last.end === prefix.length) return false;
  return !escaped(prefix);
}

/** The variable names bash expands in `text`, in order of appearance (repeats kept). */
export function expandedVariables(text: string): { name: string; spelling: string; index: number }[] {
  if (!text.includes('$')) return [];
  const out: { name: string; spelling: string; index: number }[] = [];
  for (const m of text.matchAll(SHELL_VARIABLE)) if (bashExpandsAt(text, m.index)) out.push({ name: m[1]!, spelling: m[0], index: m.index });
  return out;
}

/** Does bash expand at least one occurrence of this `$name` / `${name}` spelling in `text`? */
export function bashExpandsSpelling(text: string, spelling: string): boolean {
  for (let i = text.indexOf(spelling); i >= 0; i = text.indexOf(spelling, i + 1)) {
    // `$HOME` must not be the start of `$HOMEDIR`.
    const after = text[i + spelling.length];
    if (!spelling.endsWith('}') && after !== undefined && /[A-Za-z0-9_]/.test(after)) continue;
    if (bashExpandsAt(text, i)) return true;
  }
  return false;
}

/**
 * The names `text` expands as a whole unquoted word (`curl $opts https://…`): bash splits such a value
 * at blanks into several words and drops it when empty (GNU Bash manual §3.5.7, Word Splitting);
 * `"$opts"` stays one word. Per name, as `expandedVariables` is.
 */
export function unquotedWordVariables(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes('$')) return out;
  for (const token of tokenizeShell(text).tokens) {
    if (token.kind !== 'word' || token.quoted) continue;
    const m = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(token.text);
    const name = m?.[1] ?? m?.[2];
    if (name !== undefined) out.add(name);
  }
  return out;
}

const DECLARING = new Set(['export', 'declare', 'local', 'readonly', 'typeset']);

/**
 * Shell variables `text` assigns itself, with the offset where each assigning command ends: a command
 * of assignments only (`token=$(…)`, `export A=1 B=2`), not `NAME=value cmd` (that sets it for cmd only).
 */
export function assignmentsIn(text: string): { name: string; end: number }[] {
  if (!text.includes('=')) return [];
  const out: { name: string; end: number }[] = [];
  for (const pipeline of toPipelines(tokenizeShell(text).tokens)) {
    if (pipeline.commands.length !== 1) continue; // a pipeline's commands run in subshells
    const command = pipeline.commands[0]!;
    const words = DECLARING.has(command.words[0] ?? '') ? command.words.slice(1).filter((w) => !w.startsWith('-')) : command.words;
    const names = words.map((w) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(w)?.[1]);
    if (names.length === 0 || names.some((n) => n === undefined)) continue;
    for (const name of names) out.push({ name: name!, end: command.end });
  }
  return out;
}

/**
 * Whether `text` gives `$name` its value itself before every place bash expands it, as
 * `token=$(curl … | jq -r .access_token) && curl … -H "Authorization: Bearer $token"` does: then no
 * earlier step, setting or target has to.
 */
export function assignedBeforeUse(text: string, name: string): boolean {
  const assigned = assignmentsIn(text).filter((a) => a.name === name);
  if (assigned.length === 0) return false;
  const first = Math.min(...assigned.map((a) => a.end));
  const uses = expandedVariables(text).filter((v) => v.name === name);
  return uses.length > 0 && uses.every((u) => u.index >= first);
}
