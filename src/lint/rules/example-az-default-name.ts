// Names az makes up itself and prints: az webapp up without --resource-group / --plan creates a group
// and a plan under default names. Today those are "<user>_rg_<4 random digits>" and
// "<user>_asp_<4 random digits>" (Azure/azure-cli appservice/_create_util.py get_rg_to_use and
// _get_default_plan_name); older CLIs named them "<user>_rg_<os>_<location>" and
// "<user>_asp_<os>_<location>". An output still showing the old form was not printed by today's az.
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import { eachAz } from '../each.ts';
import { outputLinesAfter } from '../sas.ts';

const SOURCE = 'Azure/azure-cli src/azure-cli/azure/cli/command_modules/appservice/_create_util.py @ 90bd338da58f (get_rg_to_use, _get_default_plan_name)';

/** The printed key, the option that would name the thing, what az calls it today, and the retired form. */
const DEFAULTS = [
  { keys: ['resourcegroup'], option: ['--resource-group', '-g'], today: '<user>_rg_<4 random digits>', old: /^(\S+)_rg_(Linux|Windows)_([a-z0-9]+)$/i, kind: 'resource group' },
  { keys: ['appserviceplan', 'serverfarm'], option: ['--plan', '-p'], today: '<user>_asp_<4 random digits>', old: /^(\S+)_asp_(Linux|Windows)_([a-z0-9]+)$/i, kind: 'App Service plan' },
] as const;

const PRINTED = /"(resourcegroup|appserviceplan|serverfarm)"\s*:\s*"([^"]*)"/i;

export const exampleAzDefaultName: Rule = {
  id: 'example-az-default-name',
  name: 'ExampleAzDefaultName',
  severity: 'warning',
  shortDescription: 'An az webapp up output shows a default resource group or plan name in the form older Azure CLI versions generated.',
  fullDescription:
    'az webapp up creates the resource group and the App Service plan it is not given (--resource-group, --plan) under names it makes up: today "<user>_rg_NNNN" and "<user>_asp_NNNN", four random digits after the signed-in user\'s name (azure-cli appservice/_create_util.py, get_rg_to_use and _get_default_plan_name). Older versions named them "<user>_rg_<Linux|Windows>_<location>" and "<user>_asp_<Linux|Windows>_<location>". An output showing the old form is not what a reader sees, and a later step that uses that name (az group delete --name appsvc_rg_Windows_westeurope) names a group their run never created.',
  help: 'Show the names as today\'s az prints them (<user>_rg_NNNN), tell the reader to use the resourcegroup value their own output shows, or pass --resource-group and --plan so the names are the page\'s.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const { command, az } of eachAz(doc)) {
      if (az.path.join(' ') !== 'webapp up') continue;
      const exp = command.step.expectation?.source;
      for (const n of outputLinesAfter(doc, command.step.source.endLine, exp, command.step.fence !== undefined)) {
        const m = PRINTED.exec(doc.line(n));
        if (!m) continue;
        const d = DEFAULTS.find((x) => (x.keys as readonly string[]).includes(m[1]!.toLowerCase()));
        if (!d || d.option.some((o) => azOption(az, o))) continue;
        const old = d.old.exec(m[2]!);
        if (!old) continue;
        hits.push({
          line: n,
          column: (m.index ?? 0) + 1,
          stepId: command.step.id,
          message: `az webapp up on line ${command.step.source.startLine} is given no ${d.option[0]}, so it creates the ${d.kind} under a default name: today ${d.today} (${SOURCE}). "${m[2]}" is the ${old[2]}/${old[3]} form of older Azure CLI versions; a reader's output shows another name. Show today's form, or pass ${d.option[0]} so the name is the page's.`,
        });
      }
    }
    return hits;
  },
};
