// "Use the Id property … for the -IdentityID parameter" above an az command that has no such
// parameter (a leftover of the PowerShell version of the page); or an option quoted in the prose
// that no az command has, a slip away from one of the next command's ('--asingee-object-id').
import type { Rule, RuleHit } from '../rule.ts';
import { invocations } from '../commands.ts';
import type { CommandView, LintDocument } from '../document.ts';
import { isAnyAzCommandOption, parameter, type AzCommandInfo } from '../../reference/az-table.ts';
import { editDistance } from '../../parse/placeholders.ts';

const MENTION = /(?<![\w-])(--?[A-Za-z][\w-]*) parameter\b/g;
/** The sentence points back at a command already shown. */
const BACKWARD = /\b(?:above|previous(?:ly)?|preceding|earlier)\b/i;

export const proseParameterNotInCommand: Rule = {
  id: 'prose-parameter-not-in-command',
  name: 'ProseParameterNotInCommand',
  severity: 'warning',
  shortDescription: 'The prose refers to a command parameter that the following command does not have (or quotes a misspelt az option).',
  fullDescription:
    'Pages converted from PowerShell keep sentences such as "use the Id property for the -IdentityID parameter" above an az command whose parameter is --identities. Readers look for a parameter that is not there. An option quoted in the prose that no command of the Azure CLI reference has, within a few letters of an option of the az command that follows (\'--asingee-object-id\' for --assignee-object-id), is a misspelling the reader copies: az stops with "unrecognized arguments".',
  help: 'Name the parameter the command uses (e.g. --identities).',
  check(doc) {
    const hits: RuleHit[] = [];
    const flagsOf = new Map<CommandView, string[]>(); // each command's flags, read once
    const flagsIn = (command: CommandView): string[] => {
      let flags = flagsOf.get(command);
      if (!flags) {
        flags = invocations(command.words).flatMap((i) => i.words.filter((w) => w.value.startsWith('-')).map((w) => w.value));
        flagsOf.set(command, flags);
      }
      return flags;
    };
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      for (const m of text.matchAll(MENTION)) {
        const flag = m[1] as string;
        const command = doc.commandAfter(n);
        if (!command) continue;
        const flags = flagsIn(command);
        if (flags.some((f) => f.toLowerCase() === flag.toLowerCase())) continue;
        if (flags.length === 0) continue;
        // "the name you provided to the --name parameter above": a command before the prose, not after it.
        if (BACKWARD.test(text) && doc.commands.some((c) => c !== command && flagsIn(c).some((f) => f.toLowerCase() === flag.toLowerCase()))) continue;
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
    hits.push(...misspeltOptions(doc));
    return hits;
  },
};

// An option quoted in the prose ('--asingee-object-id') that no az command has, a slip away from an
// option of the az command that follows: the reader copies the misspelling.
const QUOTED_OPTION = /[`'"](--[a-z][a-z0-9-]+)[`'"]/g;

function misspeltOptions(doc: LintDocument): RuleHit[] {
  const hits: RuleHit[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    if (!doc.isProse(n)) continue;
    for (const m of doc.line(n).matchAll(QUOTED_OPTION)) {
      const flag = m[1] as string;
      if (isAnyAzCommandOption(flag)) continue;
      const command = doc.commandAfter(n);
      const az = command && invocations(command.words).find((i) => i.az?.read.found.kind === 'command')?.az;
      if (!command || !az || az.read.found.kind !== 'command') continue;
      const info: AzCommandInfo = az.read.found.command;
      if (parameter(info, flag).kind !== 'unknown') continue;
      const limit = Math.max(2, Math.floor(flag.length / 5));
      const near = info.parameters
        .flatMap((p) => p.names.filter((x) => x.startsWith('--')))
        .map((x) => ({ x, d: editDistance(flag, x) }))
        .filter((c) => c.d <= limit)
        .sort((a, b) => a.d - b.d)[0];
      if (!near) continue;
      hits.push({
        line: n,
        column: (m.index ?? 0) + 2,
        stepId: command.step.id,
        message: `the prose names the option ${flag}, which no az command has; 'az ${info.path}' on line ${command.step.source.startLine} has ${near.x}. Write ${near.x}.`,
        suggestion: near.x,
      });
    }
  }
  return hits;
}
