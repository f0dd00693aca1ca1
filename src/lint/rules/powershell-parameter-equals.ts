// `New-AzResourceGroupDeployment … -dnsPrefix=<dns-prefix>`: PowerShell ends a parameter name at
// whitespace or a colon, not at `=`, so it looks for a parameter named "dnsPrefix=<dns-prefix>" and stops:
// "A parameter cannot be found that matches parameter name …" (about_Parameters: -<name> <value> or
// -<name>:<value>). Readers hit it on the AKS Bicep quickstart (MicrosoftDocs/azure-docs#105575).
import type { Rule, RuleHit } from '../rule.ts';
import { eachPowerShellCommand, gluedParameter } from '../powershell-commands.ts';

export const powershellParameterEquals: Rule = {
  id: 'powershell-parameter-equals',
  name: 'PowerShellParameterEquals',
  severity: 'error',
  shortDescription: 'An Az cmdlet parameter is written -Name=value, which PowerShell reads as a parameter named "Name=value".',
  fullDescription:
    'PowerShell gives a named parameter its value after a space or a colon: -Name value or -Name:value (about_Parameters). A parameter token ends at whitespace or a colon, so -dnsPrefix=<dns-prefix> is one parameter name, "dnsPrefix=<dns-prefix>", which no cmdlet has: the command stops before it runs with "A parameter cannot be found that matches parameter name …" (NamedParameterNotFound). Readers of the AKS Bicep quickstart reported exactly this for New-AzResourceGroupDeployment -clusterName=<cluster-name> -dnsPrefix=<dns-prefix> (MicrosoftDocs/azure-docs#105575, reproduced by Microsoft support). With a quote in the token (-sshRSAPublicKey="<ssh-key>") PowerShell reads it as an argument instead, the string -sshRSAPublicKey=<ssh-key> passed by position (its tokenizer, ScanParameter: "Quotes are never part of a parameter"), and the cmdlet is never given the parameter either. The template parameters of the deployment cmdlets are dynamic parameters and bind the same way. Judged on Az cmdlets (Verb-AzNoun) only: a native program (mvn -Dkey=value, az --name=value) reads its own arguments.',
  help: 'Write -Name value (or -Name:value), e.g. -dnsPrefix <dns-prefix>.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      if (!/^[A-Za-z]+-Az[A-Za-z]/.test(c.command.name)) continue;
      for (const a of c.command.args) {
        const glued = gluedParameter(c.step.raw, a);
        if (!glued) continue;
        const { name, value } = glued;
        const where = c.at(a.offset);
        const what = glued.quoted
          ? `a quote inside a parameter token makes PowerShell read the whole token as an argument, so ${c.command.name} is given the string "-${name}=${unquote(value)}" by position, not -${name}, and stops with "A positional parameter cannot be found that accepts argument '-${name}=${unquote(value)}'." (or binds that string to a positional parameter)`
          : `PowerShell ends a parameter name at a space or a colon, not at "=", so ${c.command.name} is given a parameter named "${a.param}" and stops with "A parameter cannot be found that matches parameter name …" before it runs`;
        hits.push({
          line: where.line,
          column: where.column,
          stepId: c.step.id,
          message: `-${name}=${value}: ${what}. Write -${name} ${value}.`,
          suggestion: `-${name} ${value}`,
        });
      }
    }
    return hits;
  },
};

/** The text PowerShell makes of a quoted part of an argument: the quotes go. */
const unquote = (value: string): string => value.replace(/^(["'])(.*)\1$/s, '$2');
