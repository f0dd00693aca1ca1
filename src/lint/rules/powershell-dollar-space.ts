// `-RecoveryResourceGroupId  $ RecoveryRG.ResourceId`: a blank after the `$` of a variable. PowerShell's
// tokenizer reads a `$` that no variable name follows as a word of its own, so the parameter is given the
// string "$" and the name after the blank becomes another argument, passed by position. Readers of the
// Site Recovery Azure-to-Azure PowerShell page reported the replication step failing on exactly this
// (MicrosoftDocs/azure-docs#16664, fixed by #29062 and #30000).
import type { Rule, RuleHit } from '../rule.ts';
import { eachPowerShellCommand } from '../powershell-commands.ts';

export const powershellDollarSpace: Rule = {
  id: 'powershell-dollar-space',
  name: 'PowerShellDollarSpace',
  severity: 'warning',
  shortDescription: 'A PowerShell command writes a variable with a blank after its "$" ($ RecoveryRG.ResourceId), which PowerShell reads as the string "$" and a separate word.',
  fullDescription:
    'A variable is $ followed by its name with nothing between (about_Variables). PowerShell\'s tokenizer reads a $ that no name follows as a word of its own (PowerShell/PowerShell src/System.Management.Automation/engine/parser/tokenizer.cs, ScanVariable falls back to a generic token), so `-RecoveryResourceGroupId $ RecoveryRG.ResourceId` gives the parameter the one-character string "$" and passes RecoveryRG.ResourceId, a bare word, by position: the cmdlet stops with "A positional parameter cannot be found that accepts argument \'RecoveryRG.ResourceId\'" or, where a positional parameter is free, binds the word to it, and never sees the variable\'s value. Readers of the Site Recovery Azure-to-Azure PowerShell page reported the replication step failing on exactly this (MicrosoftDocs/azure-docs#16664; fixed by #29062 and #30000). Said as a warning: which of the two happens depends on the cmdlet\'s positional parameters.',
  help: 'Delete the blank after the dollar sign: $RecoveryRG.ResourceId.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      const args = c.command.args;
      for (let k = 0; k + 1 < args.length; k++) {
        const dollar = args[k]!;
        const next = args[k + 1]!;
        if (dollar.param !== undefined || dollar.value?.text !== '$') continue;
        // The name right after the blank: a bare word as a variable name starts (a letter or "_").
        if (next.param !== undefined || next.value?.kind !== 'bare' || !/^[A-Za-z_]/.test(next.value.text)) continue;
        if (!/^\$[ \t]+$/.test(c.step.raw.slice(dollar.offset, next.offset))) continue;
        const where = c.at(dollar.offset);
        const owner = k > 0 && args[k - 1]!.param !== undefined ? ` -${args[k - 1]!.param} is given the string "$" and` : '';
        hits.push({
          line: where.line,
          column: where.column,
          stepId: c.step.id,
          message: `"$ ${next.value.text}": a blank after "$" makes PowerShell read "$" as a word of its own:${owner} ${next.value.text} becomes a separate argument passed by position, so ${c.command.name} never gets $${next.value.text} (it stops with "A positional parameter cannot be found that accepts argument '${next.value.text}'" unless a positional parameter takes it). Write $${next.value.text}.`,
          suggestion: `$${next.value.text}`,
        });
      }
    }
    return hits;
  },
};
