// `$tags="{…}"` or `$tomorrowDate = (get-date)…` in a bash (azurecli) block: a PowerShell assignment
// that bash cannot run. bash expands `$tags` (empty) and runs what is left as a command
// (`={'Owner':…}: command not found`), or stops on the parenthesis with a syntax error; the variable
// stays unset for the commands after it.
import type { Rule, RuleHit } from '../rule.ts';
import { blockLanguage } from '../../parse/language.ts';
import { isFenceOrEnd, openingFence } from '../shell.ts';
import { AZ_CLI_FENCES, inPowerShellTab, labelledPowerShell, powerShellInstruction, readerInPowerShell } from '../powershell-page.ts';

const ASSIGNMENT = /^\s*\$([A-Za-z_]\w*)\s*=(?!=)/;
// `console` and `terminal` name a terminal, not a shell: in a tab written for PowerShell ("Azure
// PowerShell" beside "Azure CLI" on azure-management-docs azure-arc/kubernetes/cluster-connect.md) the
// reader's terminal runs PowerShell, and `$TOKEN = (…)` there is right. bash, sh and azurecli say bash
// wherever they stand.
const TERMINAL_FENCES = new Set(['console', 'terminal']);



export const powershellInBashFence: Rule = {
  id: 'powershell-in-bash-fence',
  name: 'PowershellInBashFence',
  severity: 'error',
  shortDescription: 'A bash (azurecli) block assigns a variable the PowerShell way ($name = value).',
  fullDescription:
    'bash assigns with name=value (no "$", no blanks around "="). A line "$tags=\'…\'" is a word to expand: bash replaces $tags with its (empty) value and runs the rest as a command ("=…: command not found", exit 127); "$d = (get-date)…" stops with "syntax error near unexpected token \'(\'" (GNU bash manual, Shell Parameters). The variable stays unset, so the commands after it get an empty value. If the block is meant for PowerShell, its "\\" line continuations do not work there either: PowerShell continues a line with a backtick (about_Parsing). A block of such lines is one mistake: it is reported once, at its first assignment, spanning its last. A console or terminal block inside a PowerShell tab is that tab\'s PowerShell terminal and is not reported, and so is an azurecli block there (azurecli is Learn\'s "Azure CLI" label, not a shell: the az CLI\'s own pages tag the Bash, PowerShell and Cmd variants of a command azurecli under tabs of those names); on a page whose prose tells the reader to use PowerShell (Cloud Shell\'s "Switch to PowerShell") the block works for the reader who follows it, and the wrong tag is a warning.',
  help: 'In a bash block write name=value (tags=\'{"Owner":"Contoso"}\', tomorrow=$(date -u -d "+1 day" +%Y-%m-%dT%H:%MZ)); put PowerShell in a powershell block, with backtick continuations.',
  check(doc) {
    const hits: RuleHit[] = [];
    // One finding per fenced block: a bash block holding a PowerShell script is one mistake (its tag),
    // said at its first PowerShell assignment and spanning to its last.
    const blocks = new Map<number, { hit: RuleHit; names: string[]; lines: number[] }>();
    const instruction = powerShellInstruction(doc);
    // The parser marks such lines PowerShell (parse/powershell.ts) but keeps the fence they stand in.
    for (const step of doc.tutorial.steps) {
      if (step.kind === 'manual' || step.language !== 'powershell' || step.fence === undefined || blockLanguage(step.fence) !== 'shell') continue;
      if (step.source.file && doc.file && step.source.file !== doc.file) continue;
      const tag = step.fence.trim().split(/\s/)[0]!.toLowerCase();
      if ((TERMINAL_FENCES.has(tag) || AZ_CLI_FENCES.has(tag)) && inPowerShellTab(doc, step)) continue;
      const open = openingFence(doc, step.source.startLine);
      // The rest of the fenced block: does it continue lines the bash way?
      let backslashes = false;
      for (let n = step.source.startLine; !isFenceOrEnd(doc, n); n++) backslashes ||= /\\\s*$/.test(doc.line(n));
      const raw = step.raw.split('\n');
      for (let n = step.source.startLine; n <= step.source.endLine; n++) {
        const text = doc.hasText ? doc.line(n) : (raw[n - step.source.startLine] ?? '');
        const m = ASSIGNMENT.exec(text);
        if (!m || labelledPowerShell(doc, open, n)) continue;
        const name = m[1] as string;
        const block = blocks.get(open);
        if (block) {
          block.names.push(name);
          block.lines.push(n);
          continue;
        }
        // The page tells the reader to use PowerShell: the block works there; its tag is what misleads.
        const told = readerInPowerShell(doc, step, instruction) ? instruction : undefined;
        const hit: RuleHit = told !== undefined ? {
          line: n,
          column: text.indexOf('$') + 1,
          stepId: step.id,
          severity: 'warning',
          message: `"$${name}${/^\s*\$\w+\s+=/.test(text) ? ' =' : '='}…" is a PowerShell assignment in a block tagged ${step.fence}: the page tells the reader to use PowerShell (line ${told}), where it works, but the tag says Azure CLI in Bash, where bash expands $${name} and runs the rest as a command (it fails). Tag the block powershell (Learn's azurepowershell), so that a reader in Bash sees it is not for Bash.`,
        } : {
          line: n,
          column: text.indexOf('$') + 1,
          stepId: step.id,
          message: `"$${name}${/^\s*\$\w+\s+=/.test(text) ? ' =' : '='}…" is a PowerShell assignment in a bash block (${step.fence}): bash expands $${name} and runs the rest as a command (it fails), and $${name} stays unset for the commands after it. Write ${name}=<value> in bash${backslashes ? '; if the block is meant for PowerShell, put it in a powershell block and continue lines with a backtick, not "\\"' : ''}.`,
        };
        blocks.set(open, { hit, names: [], lines: [] });
        hits.push(hit);
      }
    }
    for (const { hit, names, lines } of blocks.values()) {
      if (names.length === 0) continue;
      const last = lines[lines.length - 1]!;
      hit.endLine = last;
      hit.message += hit.severity === 'warning'
        ? ` The block's other PowerShell assignments: ${names.map((n) => `$${n}`).join(', ')} (${lines.length === 1 ? `line ${last}` : `lines ${lines[0]}–${last}`}).`
        : ` The block's other PowerShell assignments (${names.map((n) => `$${n}`).join(', ')}, ${lines.length === 1 ? `line ${last}` : `lines ${lines[0]}–${last}`}) fail the same way: if the block is a PowerShell script, tag it powershell.`;
    }
    return hits;
  },
};
