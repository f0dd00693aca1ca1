// '$name' where the page assigned name: single quotes keep "$name" as five literal characters.
import type { Rule, RuleHit } from '../rule.ts';
import { invocations } from '../commands.ts';
import { assignedVariables, bashCommands, dollarsIn } from '../shell.ts';
import type { ShellWord } from '../../parse/shell-words.ts';

// Programs whose own language uses "$" inside single quotes on purpose (or that expand it later).
const OWN_DOLLAR = new Set(['jq', 'awk', 'gawk', 'sed', 'perl', 'python', 'python3', 'node', 'bash', 'sh', 'zsh', 'pwsh', 'powershell', 'envsubst', 'xargs', 'ssh', 'find', 'eval', 'trap', 'alias', 'printf']);

/** The `$NAME` / `${NAME}` written inside single quotes in a word as written. */
function singleQuotedVariables(raw: string): { name: string; offset: number; length: number }[] {
  return dollarsIn(raw).flatMap(({ offset, state }) => {
    const m = state === 'single' ? /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(raw.slice(offset)) : null;
    return m ? [{ name: (m[1] ?? m[2]) as string, offset, length: m[0].length }] : [];
  });
}

export const shellSingleQuotedVariable: Rule = {
  id: 'shell-single-quoted-variable',
  name: 'ShellSingleQuotedVariable',
  severity: 'warning',
  shortDescription: 'A variable the page assigns is written inside single quotes, where bash does not expand it.',
  fullDescription:
    'bash expands $name inside double quotes and unquoted, never inside single quotes: \'Bearer $token\' sends the eight characters "$token" instead of the token. The rule reports variables the page itself assigns, in commands whose program does not read "$" itself (jq, awk, sed and the like are left alone).',
  help: 'Use double quotes around the part that holds the variable: "Authorization: Bearer $token" (or close the single quotes around it: \'{"id": "\'"$id"\'"}\').',
  check(doc) {
    const hits: RuleHit[] = [];
    const assigned = assignedVariables(doc);
    if (assigned.size === 0) return hits;
    for (const command of bashCommands(doc)) {
      for (const inv of invocations(command.words)) {
        const program = inv.words[0]?.value ?? '';
        if (OWN_DOLLAR.has(program)) continue;
        inv.words.forEach((w: ShellWord, index) => {
          if (index === 0 && /^[A-Za-z_]\w*=/.test(w.raw)) return;
          if (!w.raw.includes("'")) return;
          for (const v of singleQuotedVariables(w.raw)) {
            if (!assigned.has(v.name)) continue;
            // close the single quotes around the variable and double-quote it: '…'"$name"'…'
            const fixed = `${w.raw.slice(0, v.offset)}'"${w.raw.slice(v.offset, v.offset + v.length)}"'${w.raw.slice(v.offset + v.length)}`.replace(/^''|''$/g, '');
            hits.push({
              line: w.line,
              column: w.column + v.offset,
              stepId: command.step.id,
              message: `$${v.name} is inside single quotes, so bash does not expand it: ${program || 'the command'} receives the literal text "$${v.name}", not the value the page assigns on line ${assigned.get(v.name)}. Write ${fixed}.`,
              suggestion: fixed,
            });
          }
        });
      }
    }
    return hits;
  },
};
