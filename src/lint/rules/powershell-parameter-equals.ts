// `New-AzResourceGroupDeployment … -dnsPrefix=<dns-prefix>`: PowerShell ends a parameter name at
// whitespace or a colon, not at `=`, so it looks for a parameter named "dnsPrefix=<dns-prefix>" and stops:
// "A parameter cannot be found that matches parameter name …" (about_Parameters: -<name> <value> or
// -<name>:<value>). Readers hit it on the AKS Bicep quickstart (MicrosoftDocs/azure-docs#105575).
import type { Rule, RuleHit } from '../rule.ts';
import { eachPowerShellCommand } from '../powershell-commands.ts';

export const powershellParameterEquals: Rule = {
  id: 'powershell-parameter-equals',
  name: 'PowerShellParameterEquals',
  severity: 'error',
  shortDescription: 'An Az cmdlet parameter is written -Name=value, which PowerShell reads as a parameter named "Name=value".',
  fullDescription:
    'PowerShell gives a named parameter its value after a space or a colon: -Name value or -Name:value (about_Parameters). A parameter token ends at whitespace or a colon, so -dnsPrefix=<dns-prefix> is one parameter name, "dnsPrefix=<dns-prefix>", which no cmdlet has: the command stops before it runs with "A parameter cannot be found that matches parameter name …" (NamedParameterNotFound). Readers of the AKS Bicep quickstart reported exactly this for New-AzResourceGroupDeployment -clusterName=<cluster-name> -dnsPrefix=<dns-prefix> (MicrosoftDocs/azure-docs#105575, reproduced by Microsoft support). The template parameters of the deployment cmdlets are dynamic parameters and bind the same way. Judged on Az cmdlets (Verb-AzNoun) only: a native program (mvn -Dkey=value, az --name=value) reads its own arguments.',
  help: 'Write -Name value (or -Name:value), e.g. -dnsPrefix <dns-prefix>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      if (!/^[A-Za-z]+-Az[A-Za-z]/.test(c.command.name)) continue;
      const args = c.command.args;
      args.forEach((a, k) => {
        const next = args[k + 1];
        if (a.param === undefined || a.value !== undefined || !next || next.param !== undefined || !next.value) return;
        // The value glued to the name: `-name=value`, with nothing between them.
        if (!next.value.text.startsWith('=') || next.offset !== a.offset + 1 + a.param.length) return;
        const value = next.value.text.slice(1);
        const where = c.at(a.offset);
        hits.push({
          line: where.line,
          column: where.column,
          stepId: c.step.id,
          message: `-${a.param}=${value}: PowerShell ends a parameter name at a space or a colon, not at "=", so ${c.command.name} is given a parameter named "${a.param}=${value}" and stops with "A parameter cannot be found that matches parameter name …" before it runs. Write -${a.param} ${value}.`,
          suggestion: `-${a.param} ${value}`,
        });
      });
    }
    return hits;
  },
};
