// A fence with no info string whose first line is a code-block language id alone ("```" then "azurecli"):
// the author meant the id as the fence's language and put it on the next line. CommonMark takes the
// info string from the opening fence line only (spec 0.31.2, 4.5 Fenced code blocks), so the id is the
// block's first line of code: Learn shows it, its Copy button (and a reader selecting the block) takes it,
// and the shell runs it as a command before the real ones. Only ids that are no program a reader has
// installed are judged (azurecli, azurepowershell…): `bash` or `powershell` alone on a line start a
// shell, which is another matter.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceLines } from '../fences.ts';

// Learn's code-block ids for Azure CLI and Azure PowerShell blocks (contributor guide "How to include code in
// docs", the supported languages list), and `console`, with the shell that pastes them.
const IDS: Readonly<Record<string, 'bash' | 'powershell'>> = {
  azurecli: 'bash',
  'azurecli-interactive': 'bash',
  'azure-cli': 'bash',
  console: 'bash',
  azurepowershell: 'powershell',
  'azurepowershell-interactive': 'powershell',
  'powershell-interactive': 'powershell',
};

export const fenceLanguageAsCommand: Rule = {
  id: 'fence-language-as-command',
  name: 'FenceLanguageAsCommand',
  severity: 'warning',
  shortDescription: 'A code block has no language, and its first line is a language id (azurecli, azurepowershell) that the shell then runs as a command.',
  fullDescription:
    'CommonMark (spec 0.31.2, 4.5 Fenced code blocks) reads a block\'s language from the info string on the opening fence line only. A block written "```" followed by a line "azurecli" has no language (no Azure CLI highlighting, no Try It) and the word azurecli is its first line of code: the Copy button and a reader selecting the block paste it into the shell, where bash answers "azurecli: command not found" (exit status 127) and PowerShell "The term \'azurecli\' is not recognized as a name of a cmdlet, function, script file, or executable program", before the commands that follow run. Seen on Learn\'s Data Lake Analytics CLI quickstart (data-lake-analytics-get-started-cli.md, twice). Only ids that are not programs a reader has (azurecli, azurecli-interactive, azure-cli, console, azurepowershell, azurepowershell-interactive, powershell-interactive) are judged.',
  help: 'Move the id onto the opening fence line (```azurecli) and delete its line from the block.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      if (fence.info !== '') continue;
      const lines = fenceLines(doc, fence);
      const first = lines.find((l) => l.text.trim() !== '');
      const id = first?.text.trim().toLowerCase();
      const shell = id ? IDS[id] : undefined;
      // A block that is the id and nothing else shows a word, not a command to run.
      if (!first || !shell || !lines.some((l) => l.line > first.line && l.text.trim() !== '')) continue;
      const word = first.text.trim();
      const answer =
        shell === 'bash'
          ? `bash answers "${word}: command not found" (exit status 127)`
          : `PowerShell answers "The term '${word}' is not recognized as a name of a cmdlet, function, script file, or executable program"`;
      hits.push({
        line: first.line,
        column: first.text.indexOf(word) + 1,
        message: `"${word}" on the first line of a fence with no language (line ${fence.open}) is code, not the block's language (CommonMark reads the info string from the fence line only): copying the block runs it, and ${answer} before the commands that follow. Write \`\`\`${id} on the fence line and delete this line.`,
      });
    }
    return hits;
  },
};
