// A command reads a local file (`--template-file storage.bicep`, `--role-definition role.json`,
// `--parameters @params.json`) whose content the page shows only after that command, and nothing
// before the command tells the reader to save it, writes it, or even names it: a reader following the
// page runs the command before the file exists, and az fails reading it (a JSON file is read with
// open(): "[Errno 2] No such file or directory"; a .bicep file is handed to `bicep build`, which
// reports the missing file).
import type { Rule, RuleHit } from '../rule.ts';
import { nameWord } from '../text.ts';
import { azOf, simpleCommands } from '../commands.ts';
import { codeFences } from '../fences.ts';

/** A local file a command reads, as written: a plain relative or home path with a file extension. */
const FILE = /^(?:~\/|\.\/)?(?:[\w.-]+\/)*[\w-][\w.-]*\.(?:bicep|bicepparam|json|jsonc|ya?ml|xml|txt|csv|sh|ps1|py|zip)$/;
const SHELLS = /^(?:azurecli|azurecli-interactive|azure-cli|bash|sh|shell|console|azurepowershell|azurepowershell-interactive|powershell|pwsh|cmd|output|text)?$/;

export const fileShownAfterUse: Rule = {
  id: 'file-shown-after-use',
  name: 'FileShownAfterUse',
  severity: 'warning',
  shortDescription: 'A command reads a local file that the page shows only after the command and never says to save before it.',
  fullDescription:
    "A reader follows the page in order: a command that reads storage.bicep runs before the block that shows storage.bicep, so the file does not exist yet and az fails reading it (\"No such file or directory\"). Showing the file first, with \"save it as storage.bicep\", is what makes the command work. A reader follows a page in order. An az command that reads a local file (an option's value or an `@file` argument: `--template-file storage.bicep`, `--role-definition role.json`, `--parameters @p.json`) whose name appears nowhere on the page before the command, and whose content a non-shell block shows only after it (a prose line naming the file, then the block within four lines), runs before the file exists: Azure CLI reads a JSON file argument with open() (\"[Errno 2] No such file or directory\") and hands a .bicep file to `bicep build`, which reports the missing file (Azure/azure-cli `src/azure-cli/azure/cli/command_modules/resource/custom.py`, `_prepare_deployment_properties_unmodified`). Silent when the file is named before the command (a \"Save the Bicep file as main.bicep\" step, a block shown first, an earlier command that writes it).",
  help: 'Show the file, and say to save it under that name, before the command that reads it.',
  check(doc) {
    if (!doc.hasText) return [];
    const fences = codeFences(doc);
    const hits: RuleHit[] = [];
    const reported = new Set<string>();
    for (const c of doc.commands) {
      const start = c.step.source.startLine;
      for (const cmd of simpleCommands(c.words)) {
        if (!azOf(cmd)) continue;
        cmd.forEach((w, i) => {
          const v = w.value.replace(/^@/, '');
          const asOption = i > 0 && /^-/.test(cmd[i - 1]?.value ?? '') && !/=/.test(w.value);
          if (!FILE.test(v) || (!asOption && !w.value.startsWith('@'))) return;
          const base = v.split('/').pop() as string;
          if (reported.has(base)) return;
          const word = nameWord(base);
          // Named anywhere before the command (prose, another command, a block): the page introduced it.
          for (let n = 1; n < start; n++) if (word.test(doc.line(n))) return;
          // Shown after: a prose line naming it, then a non-shell block within a few lines.
          let shownAt: number | undefined;
          for (let n = c.step.source.endLine + 1; n <= doc.lineCount && shownAt === undefined; n++) {
            if (!doc.isProse(n) || !word.test(doc.line(n))) continue;
            const block = fences.find((f) => f.open > n && f.open <= n + 4 && !SHELLS.test(f.info));
            if (block) shownAt = block.open;
          }
          if (shownAt === undefined) return;
          reported.add(base);
          hits.push({
            line: w.line,
            column: w.column,
            stepId: c.step.id,
            message: `this command reads ${v}, but the page shows that file only after it (line ${shownAt}) and says nothing before it about saving it: a reader following the page runs the command before the file exists, and az fails reading it. Show the file first, with "save it as ${base}".`,
          });
        });
      }
    }
    return hits;
  },
};
