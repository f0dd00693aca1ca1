// `az deployment group create --template-file main.bicep` where the main.bicep the page shows says
// `targetScope = 'subscription'` (or `az deployment sub create` of a file without targetScope, which
// Bicep scopes to a resource group): az compiles the file, compares the compiled template's scope with
// the command's, and stops with 'The target scope "subscription" does not match the deployment scope
// "resourceGroup".' (azure-cli _bicep.py, validate_bicep_target_scope).
import type { Rule, RuleHit } from '../rule.ts';
import { deployments } from '../deploy-commands.ts';
import { templateDeployed, type DeploymentScope } from '../page-templates.ts';

const AZ_COMMAND: Record<DeploymentScope, string> = {
  resourceGroup: 'az deployment group create',
  subscription: 'az deployment sub create',
  managementGroup: 'az deployment mg create',
  tenant: 'az deployment tenant create',
};

export const deploymentScopeMismatch: Rule = {
  id: 'deployment-scope-mismatch',
  name: 'DeploymentScopeMismatch',
  severity: 'error',
  shortDescription: "An az deployment command deploys a Bicep file at another scope than the file's targetScope.",
  fullDescription:
    'A Bicep file deploys at its `targetScope` (resourceGroup when it declares none; subscription, managementGroup or tenant otherwise), and each az deployment command deploys at one scope (az deployment group / sub / mg / tenant). Azure CLI compiles the file and compares the two before it sends anything: \'The target scope "subscription" does not match the deployment scope "resourceGroup".\' (Azure/azure-cli src/azure-cli/azure/cli/command_modules/resource/_bicep.py @3900a816, validate_bicep_target_scope, called from custom.py for every deployment of a .bicep file; reader reports Azure/bicep#4395, Azure/bicep#6323). Judged only when the Bicep file on the page is certainly the one deployed (named with the command\'s file name before it: error; the page\'s only template: warning), and a file without targetScope only when it is shown whole. ARM JSON templates are not judged (az checks the scope of Bicep-generated templates only).',
  help: "Deploy with the command of the file's scope (az deployment sub create --location … for targetScope = 'subscription'), or change targetScope.",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const d of deployments(doc)) {
      if (d.tool !== 'az' || !/\.bicep$/i.test(d.templateFile)) continue;
      const found = templateDeployed(doc, d.templateFile, d.line);
      const scope = found?.template.scope;
      if (!found || !scope || scope === d.scope) continue;
      const t = found.template;
      const declaredLine = (() => {
        for (let n = t.fence.open + 1; n < t.fence.close; n++) if (/^\s*targetScope\s*=/.test(doc.line(n))) return n;
        return undefined;
      })();
      if (declaredLine === undefined && t.partial) continue; // the targetScope may be in the part not shown
      hits.push({
        line: d.line,
        column: 1,
        stepId: d.step.id,
        ...(found.link === 'only' ? { severity: 'warning' as const } : {}),
        message: `${d.command} deploys at the ${d.scope} scope, but ${t.file ?? 'the Bicep file'} on this page ${declaredLine ? `sets targetScope = '${t.scope}' (line ${declaredLine})` : `declares no targetScope, so it targets a resource group`}: az stops before deploying with 'The target scope "${t.scope}" does not match the deployment scope "${d.scope}".' Deploy it with ${AZ_COMMAND[scope]}${scope === 'resourceGroup' ? ' --resource-group …' : scope === 'tenant' || scope === 'subscription' ? ' --location …' : ' --management-group-id … --location …'}, or change targetScope.`,
      });
    }
    return hits;
  },
};
