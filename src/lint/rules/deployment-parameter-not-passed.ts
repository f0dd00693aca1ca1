// The page's main.bicep declares `param adminPassword string` (no default) and the page deploys it with
// `az deployment group create --template-file main.bicep --parameters vmName=…` without it, and says
// nothing about a prompt: az stops to ask "Please provide string value for 'adminPassword' (? for help):"
// — and, run without a terminal (a script, CI, the tool), fails with "Missing input parameters:
// adminPassword" (azure-cli custom.py, _get_missing_parameters). New-AzResourceGroupDeployment makes such
// a parameter a mandatory dynamic parameter, and PowerShell prompts "Supply values for the following parameters:".
import type { Rule, RuleHit } from '../rule.ts';
import { deployments } from '../deploy-commands.ts';
import { templateDeployed } from '../page-templates.ts';

// The page tells the reader a prompt comes (then the prompt is the page's plan, not a defect).
const SAYS_PROMPT = /\bprompt|\benter (?:a|an|the|your) (?:value|password|secure)|asked (?:for|to enter)|\bwhen asked\b/i;

export const deploymentParameterNotPassed: Rule = {
  id: 'deployment-parameter-not-passed',
  name: 'DeploymentParameterNotPassed',
  severity: 'warning',
  shortDescription: 'A deployment command does not pass a parameter that the template the page shows for it declares without a default, and the page says nothing of a prompt.',
  fullDescription:
    'A template parameter without a default value (Bicep `param name type` with no `= …` and not nullable; ARM JSON without "defaultValue") must be given at deployment. Azure CLI prompts for each one it was not passed ("Please provide string value for \'<name>\' (? for help): ") and, without a terminal, stops with "Missing input parameters: <names>" (Azure/azure-cli src/azure-cli/azure/cli/command_modules/resource/custom.py @736789f0, _find_missing_parameters / _get_missing_parameters; reader reports Azure/azure-cli#16444, Azure/missionlz#568). New-AzResourceGroupDeployment and its siblings turn such a parameter into a mandatory dynamic parameter, so PowerShell prompts "Supply values for the following parameters:". The reader who copies the command is stopped by a question the page never mentions, or an automated run fails. Judged only when the command passes no parameters file, JSON object, variable or hashtable that could carry the value, when the template shown is certainly the one deployed (named with the command\'s file name before it, or the page\'s only template), and when the prose near the command does not mention a prompt.',
  help: 'Pass the parameter in the command (--parameters <name>=<value>, or -<name> <value> in PowerShell), give it a default in the template, or tell the reader the command prompts for it.',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (const d of deployments(doc)) {
      if (d.otherSources) continue;
      const found = templateDeployed(doc, d.templateFile, d.line);
      if (!found) continue;
      const names = found.template.parameters.map((p) => p.name);
      const bound = new Set<string>();
      for (const p of d.passed) {
        if (d.tool === 'az') {
          bound.add(p.name); // az looks the name up exactly (custom.py, _find_missing_parameters)
          continue;
        }
        // PowerShell binds a name without case, exactly, or by a prefix that fits one parameter only (about_Parameters).
        const w = p.name.toLowerCase();
        const exact = names.find((n) => n.toLowerCase() === w);
        const prefixed = names.filter((n) => n.toLowerCase().startsWith(w));
        const to = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined);
        if (to) bound.add(to);
      }
      const missing = found.template.parameters.filter((p) => !p.optional && !bound.has(p.name));
      if (missing.length === 0) continue;
      // The prose around the command (a few lines either side, outside code) says the reader is prompted.
      const end = d.step.source.endLine;
      let said = false;
      for (let n = Math.max(1, d.step.source.startLine - 8); n <= Math.min(doc.lineCount, end + 8) && !said; n++) said = doc.isProse(n) && SAYS_PROMPT.test(doc.line(n));
      if (said) continue;
      const missingNames = missing.map((p) => p.name).join(', ');
      const what =
        d.tool === 'az'
          ? `az stops to ask "Please provide … value for '${missing[0]!.name}' (? for help): " and, without a terminal, fails with "Missing input parameters: ${[...missing.map((p) => p.name)].sort().join(', ')}"`
          : `PowerShell stops to ask for ${missing.length === 1 ? 'it' : 'them'} ("Supply values for the following parameters:"), since the cmdlet makes a parameter without a default mandatory`;
      hits.push({
        line: d.line,
        column: d.column,
        stepId: d.step.id,
        message: `${d.command} deploys ${d.templateFile} without ${missingNames}, which ${found.template.file ?? 'the template'} on this page (line ${missing[0]!.line}) declares without a default value, and the page says nothing of a prompt: ${what}. Pass ${missing.length === 1 ? 'it' : 'them'} in the command, or give ${missing.length === 1 ? 'it' : 'them'} a default.`,
      });
    }
    return hits;
  },
};
