// An Application Gateway of a v2 SKU created, or given a routing rule, without --priority. Since
// api-version 2021-08-01 every request routing rule of a v2 gateway (Standard_v2, WAF_v2) needs a
// priority, and az sends none unless --priority is given: ARM refuses the deployment with
// ApplicationGatewayRequestRoutingRulePriorityCannotBeEmpty ("… All request routing rules should have
// a priority defined starting from api-version 2021-08-01"). Readers reported it on five pages
// (MicrosoftDocs/azure-docs#95161, #105894, #112273, pull requests #94522, #103499, #106064).
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';

const V2 = /^(?:standard|waf)_v2$/i;

export const appGatewayRulePriorityMissing: Rule = {
  id: 'app-gateway-rule-priority-missing',
  name: 'AppGatewayRulePriorityMissing',
  severity: 'warning',
  shortDescription: 'An Application Gateway v2 (Standard_v2, WAF_v2) is created, or given a routing rule, without --priority: Azure refuses a v2 routing rule without a priority.',
  fullDescription:
    'Since api-version 2021-08-01, which az uses, every request routing rule of a v2 Application Gateway must have a priority; az network application-gateway create makes a first rule (rule1) and az network application-gateway rule create adds one, and neither sets a priority unless --priority is given ("Priority of the request routing rule. Supported SKU tiers are Standard_v2, WAF_v2", az reference, whose own v2 example passes --priority 1001). Azure then refuses the deployment: "ApplicationGatewayRequestRoutingRulePriorityCannotBeEmpty: Priority for the request routing rule …/requestRoutingRules/rule1 cannot be empty. All request routing rules should have a priority defined starting from api-version 2021-08-01". Readers hit it on five Learn pages and each was fixed by adding --priority (MicrosoftDocs/azure-docs#95161, #105894, #112273; pull requests #94522, #103499, #106064). The rule reads az network application-gateway create with --sku Standard_v2 or WAF_v2, and rule create on a gateway the page creates with such a SKU; v1 SKUs (which take no priority) and gateways the page does not create are left alone.',
  help: 'Add --priority with a number from 1 to 20000, unique among the gateway\'s rules (e.g. --priority 100).',
  check(doc) {
    const hits: RuleHit[] = [];
    const v2Gateways = new Set<string>();
    for (const { command, az } of eachAz(doc)) {
      const path = az.path.join(' ');
      if (path === 'network application-gateway create') {
        const sku = azOption(az, '--sku')?.value?.value;
        if (!sku || !V2.test(sku)) continue;
        const name = azOption(az, '--name', '-n')?.value?.value;
        if (name) v2Gateways.add(name.toLowerCase());
        if (azOption(az, '--priority')) continue;
        const at = azOption(az, '--sku')?.value ?? az.words[0]!;
        hits.push({
          line: command.step.source.startLine,
          stepId: command.step.id,
          message: `az network application-gateway create --sku ${sku} without --priority: the gateway's first routing rule (rule1) gets no priority, and Azure refuses a v2 gateway whose rules have none ("ApplicationGatewayRequestRoutingRulePriorityCannotBeEmpty: … All request routing rules should have a priority defined starting from api-version 2021-08-01"). Add --priority (e.g. --priority 100).`,
          suggestion: '--priority 100',
          ...(at.line === command.step.source.startLine ? { column: at.column } : {}),
        });
      } else if (path === 'network application-gateway rule create') {
        const gateway = azOption(az, '--gateway-name')?.value?.value;
        if (!gateway || !v2Gateways.has(gateway.toLowerCase()) || azOption(az, '--priority')) continue;
        hits.push({
          line: command.step.source.startLine,
          stepId: command.step.id,
          message: `az network application-gateway rule create on ${gateway}, a v2 gateway the page creates, without --priority: Azure refuses a rule without a priority on a v2 gateway ("… All request routing rules should have a priority defined starting from api-version 2021-08-01"). Add --priority with a value no other rule of the gateway uses.`,
        });
      }
    }
    return hits;
  },
};
