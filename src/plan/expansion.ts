// Which `$name` / `${name}` in a command bash really expands: unquoted or inside double quotes, not
// inside single quotes (`jq -r '.x | $v'`, `echo '$HOME'`), not escaped (`\$HOME`), not in a comment.
// The quoting is the parser's: the text before the `$` is tokenized as bash reads it (tokenizeShell),
// and an unclosed quote or substitution there says where the `$` stands.
import { tokenizeShell } from '../parse/index.ts';

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
