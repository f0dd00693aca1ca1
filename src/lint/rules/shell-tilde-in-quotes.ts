// "~/file" in quotes: bash expands a tilde only at the start of an unquoted word.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands } from '../shell.ts';

const QUOTED_TILDE = /(^|=)(["'])~(\/|\2)/;

export const shellTildeInQuotes: Rule = {
  id: 'shell-tilde-in-quotes',
  name: 'ShellTildeInQuotes',
  severity: 'error',
  shortDescription: 'A path starting with ~ is written inside quotes, where bash does not expand it.',
  fullDescription:
    'bash replaces a leading ~ by the home folder only when the tilde is unquoted. "~/dir/file.json" reaches the program as the literal text ~/dir/file.json, a relative path to a folder named "~" that does not exist: az then fails to read the file (and tries to parse the path itself as JSON).',
  help: 'Write the path unquoted (~/dir/file.json) or with $HOME inside the quotes ("$HOME/dir/file.json").',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      for (const w of command.words) {
        const m = QUOTED_TILDE.exec(w.raw);
        if (!m) continue;
        const fixed = w.raw.replace(QUOTED_TILDE, `$1$2$HOME$3`).replace(/^'(.*)'$/, '"$1"');
        hits.push({
          line: w.line,
          column: w.column + (m.index ?? 0) + (m[1] as string).length,
          stepId: command.step.id,
          message: `~ inside quotes is not expanded: the program receives the literal path ${JSON.stringify(w.value)} (relative to the current folder, under a folder named "~"), not a file in the home folder. Write ${fixed} or leave the path unquoted.`,
          suggestion: fixed,
        });
      }
    }
    return hits;
  },
};
