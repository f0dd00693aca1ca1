// `NAME = value` in a bash block: with spaces around "=" bash runs NAME as a command. Likewise
// `declare $NAME=value`: the "$" makes bash expand the name before declare sees it.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences } from '../fences.ts';
import { tokenizeShell } from '../../parse/shell-words.ts';
import { blockLanguage } from '../../parse/language.ts';
import { assignedVariables } from '../shell.ts';

const SPACED = /^(\s*(?:\$\s+)?)(export\s+|readonly\s+|local\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)([ \t]+=[ \t]*|=[ \t]+)(\S.*)$/;
// `declare $resourceGroupName = "testRG"`, `declare $secertId="https://…"` (MicrosoftDocs/azure-docs#48795)
const DOLLAR_NAME = /^(\s*(?:\$\s+)?)(export|readonly|local|declare(?:\s+-\w+)*|typeset(?:\s+-\w+)*)\s+\$([A-Za-z_][A-Za-z0-9_]*)([ \t]*=[ \t]*)(\S.*)$/;

export const shellAssignmentSpaces: Rule = {
  id: 'shell-assignment-spaces',
  name: 'ShellAssignmentSpaces',
  severity: 'error',
  shortDescription: 'A bash block assigns a variable with spaces around "=" (NAME = value), or writes "$" before the name a builtin assigns (declare $NAME=value).',
  fullDescription:
    'bash only reads NAME=value (no blank on either side of "=") as an assignment. "NAME = value" runs a command named NAME with the arguments "=" and "value" ("NAME: command not found"), "NAME= value" runs the command "value" with NAME set to empty for it, and "export NAME = value" fails with "export: `=\': not a valid identifier". The variable stays unset, and every later $NAME expands to the empty string. A "$" before the name of declare, export, local or readonly (declare $NAME="value", a reader\'s report on the Service Fabric page: MicrosoftDocs/azure-docs#48795) makes bash expand $NAME first: unset, it leaves declare "=value" and bash stops with "declare: `=value\': not a valid identifier"; with blanks around "=" the lone "=" fails the same way whatever $NAME holds. Without blanks and with $NAME assigned earlier on the page it is bash\'s indirect assignment (declare $ref=value sets the variable $ref names) and is not reported. Source: GNU Bash Reference Manual §3.4 (shell parameters: name=[value]), §3.7.1 (simple command expansion: words before the command name that look like name=value are assignments) and §4.2 (declare: "name[=value]" arguments).',
  help: 'Write the assignment without blanks around "=" and without "$" before the name: NAME="value" (declare NAME="value").',
  check(doc) {
    const hits: RuleHit[] = [];
    let assigned: Map<string, number> | undefined;
    for (const fence of codeFences(doc)) {
      // the one fence reader's shell class, and azcli, which Learn does not spell but pages do
      if (blockLanguage(fence.info) !== 'shell' && fence.info !== 'azcli') continue;
      const inQuote = linesInsideQuotes(doc, fence.open + 1, fence.close);
      for (let n = fence.open + 1; n < fence.close; n++) {
        const text = doc.line(n);
        if (inQuote.has(n)) continue;
        // A here-document's body is data, not commands: stop reading the block there.
        if (/<<-?\s*['"]?\w+/.test(text)) break;
        const d = DOLLAR_NAME.exec(text);
        if (d) {
          const [, lead, keyword, name, eq, value] = d as unknown as [string, string, string, string, string, string];
          if (fence.info === 'console' && !lead.includes('$')) continue;
          assigned ??= assignedVariables(doc);
          const before = assigned.get(name);
          const spaced = eq.trim() !== eq;
          // declare $ref=value after ref=… is an indirect assignment, which bash performs
          if (!spaced && before !== undefined && before < n) continue;
          const builtin = keyword.split(/\s/)[0]!;
          const fixed = `${keyword} ${name}=${/^["'$]/.test(value) ? value : `"${value}"`}`;
          hits.push({
            line: n,
            column: lead.length + keyword.length + 2,
            message: `"${keyword} $${name}${eq}…" writes "$" before the name: bash expands $${name}${before === undefined || before >= n ? ' (unset here, so empty)' : ''} before ${builtin} runs, and ${builtin} stops with "${builtin}: \`${spaced ? '=' : `=${shortened(value.replace(/^"(.*)"$/, '$1'))}`}': not a valid identifier", so ${name} is not assigned and every later $${name} is empty. Write ${fixed}.`,
            suggestion: `${lead}${fixed}`,
          });
          continue;
        }
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

function shortened(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}…`;
}
