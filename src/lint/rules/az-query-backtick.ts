// A JMESPath literal in backticks inside a double-quoted az --query: bash runs it as a command.
import type { Rule, RuleHit } from '../rule.ts';
import { bashCommands, walkQuotes } from '../shell.ts';
import { inPowerShellTab } from '../powershell-page.ts';

// Tabs written for another shell: their quoting rules differ (PowerShell doubles the backtick, cmd keeps it).
const OTHER_SHELL_TAB = /powershell|pwsh|cmd|windows/i;

export const azQueryBacktick: Rule = {
  id: 'az-query-backtick',
  name: 'AzQueryBacktick',
  severity: 'error',
  shortDescription: 'An az --query in double quotes holds a JMESPath literal in backticks (`false`, `50`), which bash runs as a command.',
  fullDescription:
    'JMESPath writes literals in backticks ([?isDefault == `false`]), but inside double quotes bash reads `…` as command substitution: it runs false (or 50: "command not found") and puts its output, nothing, in the query. az then gets [?isDefault == ].name and stops with "argument --query: invalid jmespath_type value". The Azure CLI\'s own documentation writes the query in single quotes or escapes each backtick (\\`false\\`) in bash. Sources: GNU Bash Reference Manual §3.1.2.3 (double quotes keep "`" special) and §3.5.4 (command substitution); MicrosoftDocs/azure-docs-cli docs-ref-conceptual/LTS-version/includes/query-azure-cli-concepts.md (the Bash tab of the Boolean example, commit e97b361d00a5deca1759cc063e05ae2d53ea95e0).',
  help: "Put the query in single quotes (--query '[?isDefault == `false`].name') or escape each backtick inside the double quotes (\\`false\\`).",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const command of bashCommands(doc)) {
      if (command.step.tab && OTHER_SHELL_TAB.test(command.step.tab)) continue;
      // A tab whose title says PowerShell though its id does not: `# [PowerShell in Linux](#tab/ps1)` (azure-docs-cli use-azure-cli-successfully-powershell.md).
      if (inPowerShellTab(doc, command.step)) continue;
      const words = command.words;
      for (let i = 1; i < words.length; i++) {
        if (words[i - 1]!.value !== '--query' || words[i - 1]!.quoted) continue;
        const w = words[i]!;
        let at = -1;
        walkQuotes(w.raw, w.raw.length, (k, state) => {
          if (at < 0 && state === 'double' && w.raw[k] === '`') at = k;
        });
        if (at < 0) continue;
        const literal = /^`([^`]*)`/.exec(w.raw.slice(at))?.[1] ?? '';
        hits.push({
          line: w.line,
          column: w.column + at,
          stepId: command.step.id,
          message: `inside double quotes bash runs \`${literal}\` as a command (command substitution) and puts its output, nothing, into the query, so az stops with "argument --query: invalid jmespath_type value". Write the query in single quotes (--query '${w.value}') or escape the backticks (\\\`${literal}\\\`).`,
        });
      }
    }
    return hits;
  },
};
