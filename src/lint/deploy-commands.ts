// The template deployments a page runs, as az and Azure PowerShell read them: the scope the command
// deploys at, the local template file it deploys, the template parameters it passes by name (az
// `--parameters name=value`; PowerShell: every named argument, the template's parameters being the
// cmdlet's dynamic parameters), and whether it
// passes others that cannot be read here (a parameters file, a JSON object, a variable, a hashtable).
import type { ShellWord } from '../parse/shell-words.ts';
import type { CommandStep } from './document.ts';
import type { LintDocument } from './document.ts';
import { azOf, simpleCommands } from './commands.ts';
import { eachPowerShellCommand, gluedParameter } from './powershell-commands.ts';
import type { DeploymentScope } from './page-templates.ts';

export interface PassedParameter {
  name: string;
  line: number;
  column: number;
}

export interface Deployment {
  tool: 'az' | 'powershell';
  /** `az deployment group create`, `New-AzResourceGroupDeployment` … as written. */
  command: string;
  scope: DeploymentScope;
  templateFile: string;
  /** Where the command starts, and where the template file is written. */
  line: number;
  column: number;
  step: CommandStep;
  passed: PassedParameter[];
  /** Parameters also come from somewhere not read here: the missing-parameter check cannot be made. */
  otherSources: boolean;
  /** The JMESPath --query the az command prints with, if any. */
  query: ShellWord | undefined;
}

// azure-cli command_modules/resource/commands.py: each deployment command and the scope it deploys at.
const AZ_SCOPES: Record<string, DeploymentScope> = {
  'deployment group create': 'resourceGroup',
  'deployment group validate': 'resourceGroup',
  'deployment group what-if': 'resourceGroup',
  'group deployment create': 'resourceGroup',
  'deployment sub create': 'subscription',
  'deployment sub validate': 'subscription',
  'deployment sub what-if': 'subscription',
  'deployment create': 'subscription',
  'deployment mg create': 'managementGroup',
  'deployment mg validate': 'managementGroup',
  'deployment mg what-if': 'managementGroup',
  'deployment tenant create': 'tenant',
  'deployment tenant validate': 'tenant',
  'deployment tenant what-if': 'tenant',
};
// Az.Resources: the deployment cmdlets and their scope (New-AzDeployment is New-AzSubscriptionDeployment's alias).
const PS_SCOPES: Record<string, DeploymentScope> = {
  'new-azresourcegroupdeployment': 'resourceGroup',
  'test-azresourcegroupdeployment': 'resourceGroup',
  'new-azdeployment': 'subscription',
  'new-azsubscriptiondeployment': 'subscription',
  'test-azdeployment': 'subscription',
  'test-azsubscriptiondeployment': 'subscription',
  'new-azmanagementgroupdeployment': 'managementGroup',
  'test-azmanagementgroupdeployment': 'managementGroup',
  'new-aztenantdeployment': 'tenant',
  'test-aztenantdeployment': 'tenant',
};
// The deployment cmdlets' own parameters that carry template parameters from elsewhere.
const PS_OTHER_SOURCES = /^(?:TemplateParameterFile|TemplateParameterObject|TemplateParameterUri|QueryString)$/i;

export function deployments(doc: LintDocument): Deployment[] {
  const out: Deployment[] = [];
  for (const c of doc.commands) {
    for (const cmd of simpleCommands(c.words)) {
      const az = azOf(cmd);
      if (!az) continue;
      const path = az.path.join(' ');
      const scope = AZ_SCOPES[path];
      if (!scope) continue;
      const file = az.read.options.find((o) => o.lookup.kind === 'parameter' ? o.lookup.parameter.names.includes('--template-file') : o.written === '--template-file' || o.written === '-f');
      const fileWord = file ? (file.inline !== undefined ? { ...cmd[file.at + 1]!, value: file.inline } : cmd[(file.values[0] ?? -2) + 1]) : undefined;
      if (!fileWord) continue;
      const passed: PassedParameter[] = [];
      let otherSources = false;
      for (const o of az.read.options) {
        const isParams = o.lookup.kind === 'parameter' ? o.lookup.parameter.names.includes('--parameters') : o.written === '--parameters' || o.written === '-p';
        if (!isParams) continue;
        const words = o.inline !== undefined ? [{ ...cmd[o.at + 1]!, value: o.inline }] : o.values.map((k) => cmd[k + 1]!);
        for (const w of words) {
          // az's order (custom.py _process_parameters): a file, a JSON object, a URI, then name=value.
          const m = /^([A-Za-z_][\w-]*)=/.exec(w.value);
          if (m && !/\.(?:json|bicepparam)$/i.test(w.value) && !w.value.startsWith('@')) passed.push({ name: m[1] as string, line: w.line, column: w.column });
          else otherSources = true;
        }
        if (words.length === 0) otherSources = true;
      }
      const query = az.options.find((o) => o.name === '--query')?.value;
      out.push({ tool: 'az', command: `az ${path}`, scope, templateFile: fileWord.value, line: cmd[0]!.line, column: fileWord.column, step: c.step, passed, otherSources, query });
    }
  }
  for (const c of eachPowerShellCommand(doc)) {
    const scope = PS_SCOPES[c.command.name.toLowerCase()];
    if (!scope) continue;
    const args = c.command.args;
    const k = args.findIndex((a) => a.param !== undefined && /^TemplateFile$/i.test(a.param));
    const fileValue = k < 0 ? undefined : (args[k]!.value ?? args[k + 1]?.value);
    const file = fileValue?.kind === 'string' || fileValue?.kind === 'expandable' ? fileValue.content : fileValue?.kind === 'bare' ? fileValue.text : undefined;
    if (!fileValue || file === undefined || fileValue.variables?.length) continue;
    const passed: PassedParameter[] = [];
    let otherSources = false;
    args.forEach((a) => {
      // `-dnsPrefix=<dns-prefix>`: PowerShell binds no -dnsPrefix (powershell-parameter-equals says so); the page meant to pass it.
      const glued = gluedParameter(c.step.raw, a);
      if (glued) {
        passed.push({ name: glued.name, ...c.at(a.offset) });
        return;
      }
      if (a.param === undefined) {
        if (a.value?.kind === 'splat') otherSources = true;
        return;
      }
      if (PS_OTHER_SOURCES.test(a.param)) otherSources = true;
      // Every named argument: the cmdlet's own parameters are never template parameters' names (Az.Resources
      // renames a clashing template parameter to <name>FromTemplate), so listing them too changes nothing.
      else passed.push({ name: a.param, ...c.at(a.offset) });
    });
    const at = c.at(c.command.offset);
    out.push({ tool: 'powershell', command: c.command.name, scope, templateFile: file, line: at.line, column: c.at(fileValue.offset).column, step: c.step, passed, otherSources, query: undefined });
  }
  return out;
}
