// A parameter that takes a value written with none (followed by another parameter, or last): PowerShell stops the
// command with "Missing an argument for parameter 'X'. Specify a parameter of type 'T' and try again."
import type { Rule, RuleHit } from '../rule.ts';
import { bindNamed, eachPowerShellCommand } from '../powershell-commands.ts';
import { dotnetType } from '../../reference/powershell-cmdlets.ts';

export const powershellMissingValue: Rule = {
  id: 'powershell-missing-value',
  name: 'PowerShellMissingValue',
  severity: 'error',
  shortDescription: 'An Az cmdlet parameter that takes a value is written without one (another parameter follows it, or nothing does).',
  fullDescription:
    'Only a switch (SwitchParameter) stands alone. Any other parameter takes the next argument as its value, and when the next word is another parameter or there is none PowerShell stops the command before it runs: "Missing an argument for parameter \'X\'. Specify a parameter of type \'System.String\' and try again." (MissingArgument). A [bool] parameter is no switch: New-AzStorageAccount -EnableHttpsTrafficOnly needs $true or $false. Whether a parameter is a switch is read from the cmdlet\'s help in Azure/azure-powershell (its syntax line writes a switch without a <Type>: src/reference/powershell-cmdlets.json); -Name:value carries its value with it.',
  help: 'Give the parameter its value (-Name <value>, -Flag $true), or drop it.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      for (const b of bindNamed(c)) {
        if (!b.missingValue || b.resolution.kind !== 'parameter') continue;
        const { line, column } = b.where;
        const type = dotnetType(b.resolution.parameter.type);
        const bool = type === 'System.Boolean' ? ` -${b.resolution.parameter.name} is a [bool], not a switch: write -${b.resolution.parameter.name} $true (or -${b.resolution.parameter.name}:$true).` : '';
        hits.push({
          line,
          column,
          stepId: c.step.id,
          message: `-${b.written} of ${c.cmdlet!.name} takes a value and has none here: PowerShell stops with "Missing an argument for parameter '${b.resolution.parameter.name}'. Specify a parameter of type '${type}' and try again."${bool}`,
        });
      }
    }
    return hits;
  },
};
