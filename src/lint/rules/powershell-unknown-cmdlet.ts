// A command named the Az way (Verb-Az<Noun>) that no Az module has: PowerShell stops with "The term 'X' is
// not recognized as a name of a cmdlet, function, script file, or executable program." Said only where the
// source shows it: an Az migration guide says a release removed it, or it is a slip of a real cmdlet's name
// (the same noun under another verb, or a noun a letter or two away under the same verb). Any other unknown name may be an alias a module exports (the
// reference lists none) or a cmdlet outside Az: not reported. A warning, never an error, for the same reason.
import type { Rule, RuleHit } from '../rule.ts';
import { eachPowerShellCommand } from '../powershell-commands.ts';
import { azCmdlet, azCmdletNamesSource, looksLikeAzCmdlet, misspeltAzCmdlets, removedAzCmdlet } from '../../reference/az-cmdlet-names.ts';

/** `function Get-AzThing {` (or `filter`, `workflow`): a name the page defines itself. */
const DEFINES = /\b(?:function|filter|workflow)\s+([A-Za-z]+-[A-Za-z0-9]+)/gi;

export const powershellUnknownCmdlet: Rule = {
  id: 'powershell-unknown-cmdlet',
  name: 'PowerShellUnknownCmdlet',
  severity: 'warning',
  shortDescription: 'A PowerShell command named like an Az cmdlet (Verb-Az<Noun>) is one an Az release removed, or a slip of a real cmdlet\'s name: PowerShell answers "The term … is not recognized".',
  fullDescription:
    'PowerShell runs a command by its name, without case (about_Command_Precedence); a name no loaded module, function or alias has stops the line with "The term \'X\' is not recognized as a name of a cmdlet, function, script file, or executable program." (CommandNotFoundException). The Az cmdlets are those the Azure PowerShell reference has a page for — every cmdlet of the newest Az release and of the Az.Tools modules (MicrosoftDocs/azure-docs-powershell azps-<version>/Az.<Module>/<Cmdlet>.md and aztools/) — and the aliases Az.Accounts exports (Login-AzAccount, Select-AzSubscription…); src/reference/az-cmdlet-names.json is generated from them by scripts/generate-az-cmdlet-names.ts, with what that version\'s migration guides (docs-conceptual/azps-<version>/migrate-az-<release>.md) say releases removed ("### `Install-AzAksKubectl` … Replaced by Install-AzAksCliTool", "Alias `Get-AzAks` is removed"). A name written Verb-Az<Noun> that the reference lacks is reported when a guide says a release removed it (with its replacement) or when it is a slip of a real cmdlet\'s name: the same noun under another verb (Get-AzAksCredential, where Az has Import-AzAksCredential) or a noun one or two letters from one of the same verb (Get-AzKeyVaultSecrets). Any other unknown name may be an alias a module exports, which the reference does not list (New-AzSubscriptionDeployment is New-AzDeployment\'s), or a cmdlet of a module outside Az: not reported. A warning, not an error, for the same reason. Names the page defines (function Get-AzThing) and the retired Verb-Azure<Noun> names (other rules) are not reported.',
  help: 'Use the Az cmdlet the finding names (Get-Command -Module Az.* lists them), or say which module outside Az the page installs.',
  check(doc) {
    const hits: RuleHit[] = [];
    const defined = new Set<string>();
    for (const step of doc.tutorial.steps) for (const m of step.raw.matchAll(DEFINES)) defined.add(m[1]!.toLowerCase());
    const seen = new Set<string>();
    for (const c of eachPowerShellCommand(doc)) {
      const name = c.command.name;
      if (!looksLikeAzCmdlet(name) || azCmdlet(name) !== undefined || defined.has(name.toLowerCase())) continue;
      // Once per name and page: the same slip on every line is one defect.
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      const removed = removedAzCmdlet(name);
      const near = removed ? [] : misspeltAzCmdlets(name);
      // A name the reference lacks and no guide removed, far from every cmdlet: as likely an alias a module exports.
      if (!removed && near.length === 0) continue;
      const { line, column } = c.at(c.command.offset);
      const said = `PowerShell answers "The term '${name}' is not recognized as a name of a cmdlet, function, script file, or executable program."`;
      hits.push({
        line,
        column,
        stepId: c.step.id,
        message: removed
          ? `${removed.name} was removed from Az in ${removed.release ? `Az ${removed.release}` : 'a release'} (${removed.guide.split('/').pop()}${removed.replacement ? `: "Replaced by ${removed.replacement}"` : ''}) and the current reference (${azCmdletNamesSource()}) has no such cmdlet: with a current Az, ${said}${removed.replacement ? ` Use ${removed.replacement} (its parameters may differ).` : ''}`
          : `${name} is no cmdlet of Az (the reference, ${azCmdletNamesSource()}, has no page of that name): ${said} Did you mean ${near.join(', ')}?`,
        ...(removed?.replacement ? { suggestion: removed.replacement } : near.length === 1 ? { suggestion: near[0] } : {}),
      });
    }
    return hits;
  },
};
