// `az deployment group create --template-file main.bicep --parameters storageName=… sku=…` where the
// main.bicep the page shows declares no `sku`: az reads the compiled template's parameters before it
// sends anything and stops with "unrecognized template parameter 'sku'. Allowed parameters: …"
// (azure-cli custom.py, _process_parameters); a parameters file with such a name gets ARM's
// InvalidTemplate "… are not present in the original template and can therefore not be provided at
// deployment time". Judged only against the template the command certainly deploys (page-templates.ts).
import type { Rule, RuleHit } from '../rule.ts';
import { closeMatches } from '../../reference/close-matches.ts';
import { deployments } from '../deploy-commands.ts';
import { templateDeployed } from '../page-templates.ts';

export const deploymentParameterNotDeclared: Rule = {
  id: 'deployment-parameter-not-declared',
  name: 'DeploymentParameterNotDeclared',
  severity: 'error',
  shortDescription: 'An az deployment command passes a template parameter (name=value) that the template the page shows for it does not declare.',
  fullDescription:
    'Azure CLI reads the template (a .bicep file is compiled first) and looks up each `--parameters name=value` among its declared parameters before it sends the deployment; a name the template does not declare stops the command: "unrecognized template parameter \'<name>\'. Allowed parameters: <declared>" (Azure/azure-cli src/azure-cli/azure/cli/command_modules/resource/custom.py @736789f0, _process_parameters / _try_parse_key_value_object; reader report Azure/azure-cli#20988). The lookup is exact, case included. ARM itself refuses such a parameter from a parameters file with InvalidTemplate: "The template parameters \'<name>\' in the parameters file are not valid; they are not present in the original template and can therefore not be provided at deployment time." (Azure/azure-quickstart-templates#1019, Azure/data-management-zone#229). Judged only when the template on the page is certainly the one deployed: the last block before the command that the prose names with the command\'s file name (error), or the page\'s only template, with no `:::code` reference to another (warning); never when the block is introduced as an excerpt or elides lines, or when the template is referenced but not shown.',
  help: 'Pass the parameter under the name the template declares (the finding lists them), or declare it in the template (param <name> <type>).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const d of deployments(doc)) {
      if (d.tool !== 'az' || d.passed.length === 0) continue;
      const found = templateDeployed(doc, d.templateFile, d.line);
      if (!found || found.template.partial) continue;
      const declared = found.template.parameters.map((p) => p.name);
      for (const p of d.passed) {
        if (declared.includes(p.name)) continue;
        const near = closeMatches(p.name, declared, 1, 0.6);
        const caseOnly = declared.find((n) => n.toLowerCase() === p.name.toLowerCase());
        const suggestion = caseOnly ?? near[0];
        hits.push({
          line: p.line,
          column: p.column,
          stepId: d.step.id,
          ...(found.link === 'only' ? { severity: 'warning' as const } : {}),
          message: `${d.command} passes the template parameter ${p.name}, but ${found.template.file ?? 'the template'} on this page (line ${found.template.fence.open + 1}) declares ${declared.length ? `only ${declared.join(', ')}` : 'no parameters'}: az stops before deploying with "unrecognized template parameter '${p.name}'. Allowed parameters: ${[...declared].sort().join(', ')}".${suggestion ? ` Did you mean ${suggestion}?` : ` Declare param ${p.name} in the template, or drop it from --parameters.`}`,
          ...(suggestion ? { suggestion: `${suggestion}=` } : {}),
        });
      }
    }
    return hits;
  },
};
