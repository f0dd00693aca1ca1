// One parameter of an Az cmdlet bound twice in one command — by its name and an alias (-Name and -SubscriptionName
// on Set-AzServiceBusSubscription), two aliases, or the same name twice: PowerShell's binder stops the command with
// "Cannot bind parameter because parameter 'X' is specified more than once." (ParameterAlreadyBound) before it runs.
// Pages hit this when a parameter was renamed and the old name lives on as an alias of another one.
import type { Rule, RuleHit } from '../rule.ts';
import { bindNamed, eachPowerShellCommand, type PsBinding } from '../powershell-commands.ts';

export const powershellParameterRepeated: Rule = {
  id: 'powershell-parameter-repeated',
  name: 'PowerShellParameterRepeated',
  severity: 'error',
  shortDescription: 'An Az cmdlet is given the same parameter twice, by its name and an alias or twice by one name.',
  fullDescription:
    'PowerShell binds each parameter once per command; a second argument that resolves to the same parameter — the same name, an alias of it, or a prefix that fits it (about_Parameters) — ends the command before it runs with "Cannot bind parameter because parameter \'X\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax." (ParameterAlreadyBound). Aliases come from the cmdlet\'s help in Azure/azure-powershell (src/reference/powershell-cmdlets.json): Az.ServiceBus 2.x made SubscriptionName an alias of -Name on Set-AzServiceBusSubscription, so the older form "-Name <topic> -SubscriptionName <sub>" that MicrosoftDocs/azure-docs enable-auto-forward.md showed binds -Name twice (reader report: https://github.com/MicrosoftDocs/azure-docs/issues/122602). Keys of a splatted hashtable are not judged here.',
  help: 'Give each parameter once; if the page meant two different things, use the parameter the cmdlet has for the other (for a Service Bus subscription, -TopicName for the topic and -Name for the subscription).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const c of eachPowerShellCommand(doc)) {
      const first = new Map<string, PsBinding>();
      for (const b of bindNamed(c)) {
        if (b.splat || b.resolution.kind !== 'parameter') continue;
        const name = b.resolution.parameter.name;
        const earlier = first.get(name.toLowerCase());
        if (!earlier) {
          first.set(name.toLowerCase(), b);
          continue;
        }
        const how = earlier.written.toLowerCase() === b.written.toLowerCase() ? `-${b.written} is given twice` : `-${earlier.written} and -${b.written} are both -${name}`;
        hits.push({
          line: b.where.line,
          column: b.where.column,
          stepId: c.step.id,
          message: `${how} on ${c.cmdlet!.name}: PowerShell stops with "Cannot bind parameter because parameter '${name}' is specified more than once." before the cmdlet runs. Give -${name} once. (help: ${c.cmdlet!.source.path})`,
        });
      }
    }
    return hits;
  },
};
