// "~/file" in quotes: bash expands a tilde only at the start of an unquoted word.
import type { ShellWord } from '../../parse/shell-words.ts';
import { COMMAND_OPERATORS, wordLists } from '../../parse/shell-words.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands } from '../shell.ts';

const QUOTED_TILDE = /(^|=)(["'])~(\/|\2)/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** The program of the simple command word `i` belongs to (assignments before it skipped). */
function programOf(words: readonly ShellWord[], i: number): string | undefined {
  let start = i;
  while (start > 0 && !(COMMAND_OPERATORS.has(words[start - 1]!.value) && !words[start - 1]!.quoted)) start--;
  while (start < i && ASSIGNMENT.test(words[start]!.raw)) start++;
  return words[start]?.value;
}

export const shellTildeInQuotes: Rule = {
  id: 'shell-tilde-in-quotes',
  name: 'ShellTildeInQuotes',
  severity: 'error',
  shortDescription: 'A path starting with ~ is written inside quotes, where bash does not expand it.',
  fullDescription:
    'bash replaces a leading ~ by the home folder only when the tilde is unquoted. "~/dir/file.json" reaches the program as the literal text ~/dir/file.json, a relative path to a folder named "~" that does not exist: the program then fails to read the file. ' +
    'The Azure CLI is the exception that makes this a warning on az commands: its file-path parameters expand a leading ~ themselves (azure-cli `file_type` is `os.path.expanduser`, e.g. `az storage file upload --source`, `az storage file download --dest`), while parameters that take "JSON or a path to a file" do not (`az role definition create --role-definition` checks `os.path.exists` on the literal path, then parses it as JSON and fails). ' +
    'Sources: GNU bash manual, Tilde Expansion; Azure/azure-cli src/azure-cli-core/azure/cli/core/commands/parameters.py (file_type), src/azure-cli/azure/cli/command_modules/storage/_params.py (storage file upload --source type=file_type), src/azure-cli/azure/cli/command_modules/role/custom.py.',
  help: 'Write the path unquoted (~/dir/file.json) or with $HOME inside the quotes ("$HOME/dir/file.json").',
  check(doc) {
    const hits: RuleHit[] = [];
    // each word list on its own: the command's, and each substitution's (whose program is its own first word)
    for (const command of bashCommands(doc)) for (const words of wordLists(command.words)) {
      words.forEach((w, i) => {
        const m = QUOTED_TILDE.exec(w.raw);
        if (!m) return;
        // a tilde inside a substitution is read in the substitution's own words
        if (w.substitutions?.some((s) => (m.index ?? 0) >= s.from && (m.index ?? 0) < s.to)) return;
        const fixed = w.raw.replace(QUOTED_TILDE, `$1$2$HOME$3`).replace(/^'(.*)'$/, '"$1"');
        const az = programOf(words, i) === 'az';
        hits.push({
          line: w.line,
          column: w.column + (m.index ?? 0) + (m[1] as string).length,
          stepId: command.step.id,
          ...(az ? { severity: 'warning' as const } : {}),
          message: az
            ? `~ inside quotes is not expanded by bash: az receives the literal path ${JSON.stringify(w.value)}. az expands a leading ~ itself in its file-path parameters (e.g. az storage file upload --source), but not where it reads "JSON or a path to a file" (e.g. az role definition create --role-definition, which then tries to parse the path as JSON). Write ${fixed} or leave the path unquoted.`
            : `~ inside quotes is not expanded: the program receives the literal path ${JSON.stringify(w.value)} (relative to the current folder, under a folder named "~"), not a file in the home folder. Write ${fixed} or leave the path unquoted.`,
          suggestion: fixed,
        });
      });
    }
    return hits;
  },
};
