// A parameter prefix that fits several parameters of the Az cmdlet: PowerShell's binder cannot choose and stops
// the command with "Parameter cannot be processed because the parameter name 'X' is ambiguous." (about_Parameters).
import type { Rule, RuleHit } from '../rule.ts';
import { bindNamed, eachPowerShellCommand } from '../powershell-commands.ts';

export const powershellAmbiguousParameter: Rule = {
  id: 'powershell-ambiguous-parameter',
  name: 'PowerShellAmbiguousParameter',
  severity: 'error',
  shortDescription: 'An Az cmdlet parameter is abbreviated to a prefix that fits several of its parameters.',
  fullDescription:
    'PowerShell accepts a prefix of a parameter name or alias only when it fits exactly one parameter (about_Parameters): -Resource on a cmdlet with -ResourceGroupName and -ResourceName ends the command with "Parameter cannot be processed because the parameter name \'Resource\' is ambiguous. Possible matches include: -ResourceGroupName -ResourceName." (AmbiguousParameter) before it runs. An exact name or alias is never ambiguous. Parameters are read from the cmdlet\'s help in Azure/azure-powershell (src/reference/powershell-cmdlets.json).',
  help: 'Write the parameter name in full.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      for (const b of bindNamed(c)) {
        if (b.resolution.kind !== 'ambiguous') continue;
        const { line, column } = b.where;
        const names = b.resolution.candidates.map((p) => `-${p.name}`).join(' ');
        hits.push({
          line,
          column,
          stepId: c.step.id,
          message: `-${b.written} fits several parameters of ${c.cmdlet!.name}: PowerShell stops with "Parameter cannot be processed because the parameter name '${b.written}' is ambiguous. Possible matches include: ${names}." Write the parameter in full.`,
        });
      }
    }
    return hits;
  },
};
