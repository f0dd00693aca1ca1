// `rgid=$(az group show …)` or a command continued with a trailing "\" in a PowerShell block
// (azurepowershell, powershell, pwsh): bash written where the page tells the reader to use PowerShell.
// PowerShell has no name=value assignment: it looks for a command named "rgid=…" and stops with
// "The term … is not recognized" (about_Assignment_Operators: $name = value), so the variable is never
// set; and it does not continue a line ending with "\" (about_Parsing: the backtick continues a line),
// so the options on the next lines run as commands of their own. The twin of powershell-in-bash-fence.
import type { Rule, RuleHit } from '../rule.ts';
import { blockLanguage } from '../../parse/language.ts';
import { isFenceOrEnd, openingFence } from '../shell.ts';

const BASH_ASSIGNMENT = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(?!=)/;
/** " \" at the end of a line whose next line is an option: bash's continuation, not a path ending in "\". */
const CONTINUED = /\s\\\s*$/;
const OPTION_NEXT = /^\s+--?[A-Za-z]/;

export const bashInPowershellFence: Rule = {
  id: 'bash-in-powershell-fence',
  name: 'BashInPowershellFence',
  severity: 'warning',
  shortDescription: 'A PowerShell block holds bash: a name=value assignment or a line continued with "\\".',
  fullDescription:
    'A block tagged azurepowershell, powershell or pwsh tells the reader to run it in PowerShell (Try It opens Azure PowerShell). PowerShell assigns a variable with $name = value (about_Assignment_Operators): a line "rgid=$(az group show …)" is read as a command named "rgid=…", which stops with "The term \'rgid=…\' is not recognized as a name of a cmdlet, function, script file, or executable program", and the variable is never set. PowerShell continues a line with a backtick, not "\\" (about_Parsing): after a line ending with " \\" the options on the next lines run as commands of their own. Lines inside a hashtable literal (@{ Name=\'x\' }) are PowerShell and are not read. A block is reported once, at its first bash line.',
  help: 'Tag the block azurecli (bash), or write it in PowerShell: $rgid = $(az group show …), and continue lines with a backtick.',
  check(doc) {
    const hits: RuleHit[] = [];
    const reported = new Set<number>();
    for (const step of doc.tutorial.steps) {
      if (step.fence === undefined || blockLanguage(step.fence) !== 'powershell') continue;
      if (step.source.file && doc.file && step.source.file !== doc.file) continue;
      const open = openingFence(doc, step.source.startLine);
      if (reported.has(open)) continue;
      // Brace depth from the fence on: a hashtable's Key=Value lines are PowerShell.
      let depth = 0;
      for (let n = open + 1; !isFenceOrEnd(doc, n); n++) {
        const text = doc.line(n);
        const atTop = depth === 0;
        depth = Math.max(0, depth + (text.match(/\{/g)?.length ?? 0) - (text.match(/\}/g)?.length ?? 0));
        if (!atTop) continue;
        const assign = BASH_ASSIGNMENT.exec(text);
        const continued = CONTINUED.test(text) && OPTION_NEXT.test(doc.line(n + 1));
        if (!assign && !continued) continue;
        reported.add(open);
        hits.push({
          line: n,
          column: (assign ? text.search(/\S/) : text.lastIndexOf('\\')) + 1,
          stepId: step.id,
          message: assign
            ? `"${assign[1]}=…" is a bash assignment in a PowerShell block (${step.fence}): PowerShell looks for a command named "${assign[1]}=…" and stops with "The term … is not recognized", so ${assign[1]} is never set. Tag the block azurecli, or write $${assign[1]} = … in PowerShell.`
            : `"\\" ends this line the bash way in a PowerShell block (${step.fence}): PowerShell does not continue the line, so the options on the next lines run as commands of their own. Continue with a backtick (\`), or tag the block azurecli.`,
        });
        break;
      }
    }
    return hits;
  },
};
