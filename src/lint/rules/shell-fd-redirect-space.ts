// `az storage share create … 1 > /dev/null`: a file descriptor number parted from its redirection
// operator by a space. bash reads a number as the descriptor only when it touches the operator
// ("1>", "2>"); "1 >" is the word 1, passed to the program, then a redirection of standard output
// (bash manual 3.6 Redirections). az takes no positional arguments there: it stops with
// "unrecognized arguments: 1" (reported by a reader, MicrosoftDocs/azure-docs#36169, fixed by #36171).
import type { Rule, RuleHit } from '../rule.ts';
import { eachAz } from '../each.ts';

const REDIRECTS = new Set(['>', '>>', '<', '>|']);

export const shellFdRedirectSpace: Rule = {
  id: 'shell-fd-redirect-space',
  name: 'ShellFdRedirectSpace',
  severity: 'error',
  shortDescription: 'A file descriptor number is parted from its redirection by a space (az … 1 > /dev/null): bash passes the number to az as an argument, and az stops with "unrecognized arguments".',
  fullDescription:
    'bash takes a number before a redirection operator as the file descriptor only when nothing separates them: "2>/dev/null" sends standard error away, but in "1 > /dev/null" the 1 is an ordinary word, an argument of the command, and the redirection is of standard output (GNU Bash manual, 3.6 Redirections: "If the first character of the redirection operator is \'>\', the redirection refers to the standard output (file descriptor 1)"; the descriptor is an optional number written before the operator). az commands take no positional arguments, so az stops with "unrecognized arguments: 1" before doing anything: a reader reported exactly this on the Azure Files page (MicrosoftDocs/azure-docs#36169, "az storage share create … $current_env_conn_string 1 > /dev/null" → "az: error: unrecognized arguments: 1"; fixed by pull request #36171). The rule reads az invocations only (echo 1 > file is a command writing 1) and only a number az would read as a positional argument; a number touching the operator (2>/dev/null) is what bash means by a descriptor and is left alone.',
  help: 'Write the number against the operator (1>/dev/null, 2>/dev/null), or drop it (> /dev/null redirects standard output).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      // Only a command az knows and that takes no positional argument rejects the stray number.
      if (az.read.found.kind !== 'command' || az.read.found.command.parameters.some((p) => p.positional)) continue;
      const words = az.words;
      for (let k = 1; k + 1 < words.length; k++) {
        const n = words[k]!;
        const op = words[k + 1]!;
        if (n.quoted || !/^[0-9]$/.test(n.value) || n.raw !== n.value) continue;
        if (op.quoted || !REDIRECTS.has(op.value) || op.line !== n.line || op.column <= n.column + 1) continue;
        if (!az.read.positionals.includes(k - 1)) continue; // the value of an option that takes several
        hits.push({
          line: n.line,
          column: n.column,
          stepId: command.step.id,
          message: `"${n.value} ${op.value}": with a space between them bash does not read ${n.value} as a file descriptor but passes it to az as an argument, and az stops with "unrecognized arguments: ${n.value}". Write ${n.value}${op.value} with no space (or drop the ${n.value}: "${op.value}" alone redirects standard output).`,
          suggestion: `${n.value}${op.value}`,
        });
      }
    }
    return hits;
  },
};
