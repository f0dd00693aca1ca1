// A literal value outside a parameter's ValidateSet: PowerShell rejects it before the cmdlet runs ("Cannot validate
// argument on parameter 'X'. The argument "v" does not belong to the set "…" specified by the ValidateSet attribute.").
import type { Rule, RuleHit } from '../rule.ts';
import { bindNamed, eachPowerShellCommand, psLiteral } from '../powershell-commands.ts';

export const powershellEnumValue: Rule = {
  id: 'powershell-enum-value',
  name: 'PowerShellEnumValue',
  severity: 'error',
  shortDescription: 'An Az cmdlet parameter with a fixed set of values (ValidateSet) is given another value.',
  fullDescription:
    'A parameter declared with [ValidateSet(…)] accepts only those values, compared without case; PowerShell checks it while binding, before the cmdlet runs: "Cannot validate argument on parameter \'SkuName\'. The argument \\"Standard-LRS\\" does not belong to the set \\"Standard_LRS,Standard_ZRS,…\\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again." The sets are the "Accepted values" of the cmdlet\'s help in Azure/azure-powershell (src/reference/powershell-cmdlets.json). Only literal values are judged: a variable, a subexpression or a <placeholder> is the reader\'s to fill.',
  help: 'Use one of the values the cmdlet accepts (the finding lists them).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      for (const b of bindNamed(c)) {
        if (b.resolution.kind !== 'parameter' || !b.resolution.parameter.values || !b.value) continue;
        const set = b.resolution.parameter.values;
        const values = b.value.kind === 'array' && b.value.items ? b.value.items : [b.value];
        for (const v of values) {
          const text = psLiteral(v);
          if (text === undefined || set.some((s) => s.toLowerCase() === text.toLowerCase())) continue;
          const { line, column } = b.at(v.offset); // a splatted value is written in its hashtable
          hits.push({
            line,
            column,
            stepId: c.step.id,
            message: `-${b.resolution.parameter.name} of ${c.cmdlet!.name} does not accept "${text}": PowerShell stops with "Cannot validate argument on parameter '${b.resolution.parameter.name}'. The argument "${text}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute."`,
          });
        }
      }
    }
    return hits;
  },
};
