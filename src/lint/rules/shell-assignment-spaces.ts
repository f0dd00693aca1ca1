// `NAME = value` in a bash block: with spaces around "=" bash runs NAME as a command.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import { tokenizeShell } from '../../parse/shell-words.ts';

const BASH_FENCES = new Set(['bash', 'sh', 'shell', 'azurecli', 'azurecli-interactive', 'azcli', 'console', 'zsh']);
const SPACED = /^(\s*(?:\$\s+)?)(export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)([ \t]+=[ \t]*|=[ \t]+)(\S.*)$/;

export const shellAssignmentSpaces: Rule = {
  id: 'shell-assignment-spaces',
  name: 'ShellAssignmentSpaces',
  severity: 'error',
  shortDescription: 'A bash block assigns a variable with spaces around "=" (NAME = value).',
  fullDescription:
    'bash only reads NAME=value (no blank on either side of "=") as an assignment. "NAME = value" runs a command named NAME with the arguments "=" and "value" ("NAME: command not found"), "NAME= value" runs the command "value" with NAME set to empty for it, and "export NAME = value" fails with "export: `=\': not a valid identifier". The variable stays unset, and every later $NAME expands to the empty string. Source: GNU Bash Reference Manual §3.4 (shell parameters: name=[value]) and §3.7.1 (simple command expansion: words before the command name that look like name=value are assignments).',
  help: 'Write the assignment without blanks around "=": NAME="value".',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (!BASH_FENCES.has(fence.info)) continue;
      const inQuote = linesInsideQuotes(doc, fence.open + 1, fence.close);
      for (let n = fence.open + 1; n < fence.close; n++) {
        const text = doc.line(n);
        if (inQuote.has(n)) continue;
        // A here-document's body is data, not commands: stop reading the block there.
        if (/<<-?\s*['"]?\w+/.test(text)) break;
        const m = SPACED.exec(text);
        if (!m) continue;
        const [, lead, keyword, name, eq, value] = m as unknown as [string, string, string | undefined, string, string, string];
        // a console block's commands are its prompt lines; the rest is output
        if (fence.info === 'console' && !lead.includes('$')) continue;
        // comparisons inside [ ] / [[ ]] / (( )) and `let` are not assignments
        if (/^\s*(?:\[|\(\(|let\b|if\b|while\b)/.test(text) || /^[=~]/.test(value)) continue;
        const fixed = `${keyword ?? ''}${name}=${/^["'$]/.test(value) ? value : `"${value}"`}`;
        hits.push({
          line: n,
          column: lead.length + (keyword?.length ?? 0) + name.length + 1,
          message: keyword
            ? `"${keyword.trim()} ${name}${eq}…" has blanks around "=": bash stops with "${keyword.trim()}: \`=': not a valid identifier" and ${name} stays unset. Write ${fixed}.`
            : eq.startsWith('=')
              ? `"${name}= ${value.slice(0, 40)}" has a blank after "=": bash runs "${value.split(/\s+/)[0]}" as a command with ${name} empty, and ${name} stays unset. Write ${fixed}.`
              : `"${name}${eq}…" has blanks around "=": bash runs a command named ${name} ("${name}: command not found") and ${name} stays unset, so every later $${name} is empty. Write ${fixed}.`,
          suggestion: `${lead}${fixed}`,
        });
      }
    }
    return hits;
  },
};

/**
 * The lines of a block that begin inside a quote opened on an earlier line: the body of
 * `sed -i '/x/,/}/s/…/ \<newline> pmmserver = {\<newline> name = "pool" \ …/' file` is one quoted word,
 * not assignments (azure-aks-docs @fb060abe aks/monitor-aks-mongodb.md:78, a closing-sweep false error).
 */
function linesInsideQuotes(doc: { line(n: number): string }, first: number, end: number): Set<number> {
  const starts: number[] = [];
  let text = '';
  for (let n = first; n < end; n++) {
    starts.push(text.length);
    text += `${doc.line(n)}\n`;
  }
  const spans: number[] = [];
  tokenizeShell(text, spans);
  const out = new Set<number>();
  for (let i = 0; i + 1 < spans.length; i += 2) {
    const [open, close] = [spans[i]!, spans[i + 1]!];
    starts.forEach((at, k) => {
      if (at > open && at <= close) out.add(first + k);
    });
  }
  return out;
}
