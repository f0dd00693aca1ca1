// "Use the Id property … for the -IdentityID parameter" above an az command that has no such
// parameter (a leftover of the PowerShell version of the page).
import type { Rule, RuleHit } from '../rule.ts';
import { invocations } from '../commands.ts';
import type { CommandView } from '../document.ts';

const MENTION = /(?<![\w-])(--?[A-Za-z][\w-]*) parameter\b/g;

export const proseParameterNotInCommand: Rule = {
  id: 'prose-parameter-not-in-command',
  name: 'ProseParameterNotInCommand',
  severity: 'warning',
  shortDescription: 'The prose refers to a command parameter that the following command does not have.',
  fullDescription:
    'Pages converted from PowerShell keep sentences such as "use the Id property for the -IdentityID parameter" above an az command whose parameter is --identities. Readers look for a parameter that is not there.',
  help: 'Name the parameter the command uses (e.g. --identities).',
  check(doc) {
    const hits: RuleHit[] = [];
    const flagsOf = new Map<CommandView, string[]>(); // each command's flags, read once
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      for (const m of text.matchAll(MENTION)) {
        const flag = m[1] as string;
        const command = doc.commandAfter(n);
        if (!command) continue;
        let flags = flagsOf.get(command);
        if (!flags) {
          flags = invocations(command.words).flatMap((i) => i.words.filter((w) => w.value.startsWith('-')).map((w) => w.value));
          flagsOf.set(command, flags);
        }
        if (flags.some((f) => f.toLowerCase() === flag.toLowerCase())) continue;
        if (flags.length === 0) continue;
        const near = flags.find((f) => f.replace(/^-+/, '').toLowerCase().startsWith(flag.replace(/^-+/, '').toLowerCase().slice(0, 5)));
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          stepId: command.step.id,
          message: `the prose refers to the ${flag} parameter, but the command on line ${command.step.source.startLine} has no ${flag}${near ? `; it uses ${near}` : ''}. ${near ? `Write ${near}.` : 'Name the parameter the command uses.'}`,
          ...(near ? { suggestion: near } : {}),
        });
      }
    }
    return hits;
  },
};
