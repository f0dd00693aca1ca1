// One value named two ways in PowerShell: a command uses $resourceGroup, which no PowerShell line assigns, while the
// page assigns $rg (or $resource_group, $resourceGroupName). PowerShell expands the unassigned name to $null without
// complaint (about_Variables), so the command runs without the value. The twin of shell-variable-two-names; names
// compare without case, as PowerShell compares them, so a difference of case alone is no defect here.
import type { Rule, RuleHit } from '../rule.ts';
import { isAutomaticVariable, powerShellTwin, scanPowerShellVariables } from '../powershell-variables.ts';

export const powershellVariableTwoNames: Rule = {
  id: 'powershell-variable-two-names',
  name: 'PowerShellVariableTwoNames',
  severity: 'warning',
  shortDescription: 'A PowerShell command uses a variable no PowerShell line assigns, while the page assigns the same name spelt another way ("_", a "Name" suffix, initials).',
  fullDescription:
    'PowerShell expands a variable nothing assigned to $null without complaint (about_Variables; Set-StrictMode is off by default), so "New-AzStorageAccount -ResourceGroupName $resourceGroup" after "$rg = \'myRG\'" runs without a resource group and fails on the missing mandatory value, or prompts for it. Readers report such pages (MicrosoftDocs/azure-docs#34925, PowerShell names used two ways). PowerShell names are case-insensitive ($RG is $rg), so the twin test differs from bash\'s: the used and an assigned name are twins when they are the same words up to "_" and "-", the same with or without a "Name" suffix, or one is the initials of the other\'s words ($rg / $resourceGroup, $sa / $storageAccountName). A name with "Name" after it is not the twin of a variable that holds what a cmdlet returns ($publicIpName beside $publicIp = New-AzPublicIpAddress …: a name and an object, two values); shell-unassigned-variable reports it. A value given to kubectl\'s or helm\'s -n/--namespace is a namespace: initials alone do not make it the twin of a name whose words say something else ($cr beside $connectedRegistryName). Automatic and preference variables ($_, $PSItem, $true, $null, $HOME…), $env: and other provider paths, loop variables and parameters are never reported; a variable with no twin is shell-unassigned-variable\'s.',
  help: 'Use one name: rename the use to the variable the page assigns (or the assignment to the name the later commands use).',
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    const { firstAssigned, uses } = scanPowerShellVariables(doc);
    const reported = new Set<string>();
    for (const u of uses) {
      if (reported.has(u.name) || firstAssigned.has(u.name) || isAutomaticVariable(u.name)) continue;
      const twin = powerShellTwin(u.written, firstAssigned, doc.line(u.line).slice(0, u.column - 1));
      if (!twin) continue;
      reported.add(u.name);
      hits.push({
        line: u.line,
        column: u.column,
        stepId: u.stepId,
        message: `${u.written} is never assigned, but the page assigns $${twin.written} (line ${twin.line}): one value under two names. PowerShell expands ${u.written} to $null without complaint, so this command runs without the value. Use one name ($${twin.written} here, or rename the assignment).`,
        suggestion: `$${twin.written}`,
      });
    }
    return hits;
  },
};
