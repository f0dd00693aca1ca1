// A code block installs or runs the AzureAD, AzureADPreview or MSOnline PowerShell module
// (Connect-AzureAD, Get-AzureADServicePrincipal, New-AzureADServiceAppRoleAssignment, Connect-MsolService):
// deprecated on 30 March 2024, built on Azure AD Graph, which is retired. AzureRM cmdlets are
// retired-azurerm-module's, the ASM "Azure" module's retired-azure-powershell-module's; Az (Verb-AzADNoun)
// and Microsoft Graph PowerShell (Verb-MgNoun) never match.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, isProgramSource } from '../fences.ts';
import { retiredTools, sourceText } from '../../reference/retired-sdks.ts';

const MODULE = /\b(?:Install|Import|Update|Find|Save)-Module\s+(?:-Name\s+)?['"]?(AzureADPreview|AzureAD|MSOnline)(?![\w.-])/gi;
// Verb-AzureADNoun (AzureAD, AzureADPreview: Get-AzureADUser, Get-AzureADMSGroup, Connect-AzureAD) and
// Verb-MsolNoun (MSOnline: Connect-MsolService, Get-MsolUser).
// Case as written by the modules (AzureAD, AzureAd, Msol), so that Azure Advisor's names never match.
const CMDLET = /(?<![\w$.@/-])([A-Za-z]+)-((?:AzureA[Dd](?![a-z])|Msol(?=[A-Z]))[A-Za-z]*)\b/g;
// PowerShell's approved verbs (Get-Verb; MicrosoftDocs/PowerShell-Docs "Approved Verbs for PowerShell
// Commands"): a cmdlet name starts with one, a display name such as my-AzureADApp does not.
const VERBS = new Set(
  ('Add Approve Assert Backup Block Build Checkpoint Clear Close Compare Complete Compress Confirm Connect Convert ConvertFrom ConvertTo Copy Debug Deny Deploy Disable Disconnect Dismount Edit Enable Enter Exit Expand Export Find Format Get Grant Group Hide Import Initialize Install Invoke Join Limit Lock Measure Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive Redo Register Remove Rename Repair Request Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set Show Skip Split Start Step Stop Submit Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock Unprotect Unpublish Unregister Update Use Wait Watch Write')
    .toLowerCase()
    .split(' '),
);
// A line that already tells the reader the module is deprecated is right, not stale.
const ALREADY_SAYS = /retire|deprecat|no longer supported|migrat/i;

/** Whether column `at` of a line is inside a '…' or "…" string (a display name, a -Filter), not a command word. */
function quoted(text: string, at: number): boolean {
  let q: string | undefined;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (q) {
      if (c === q) q = undefined;
    } else if (c === "'" || c === '"') q = c;
  }
  return q !== undefined;
}

function moduleOf(name: string): string {
  return /^[a-z]+-msol/i.test(name) ? 'MSOnline' : 'AzureAD';
}

export const retiredAzureadPowershellModule: Rule = {
  id: 'retired-azuread-powershell-module',
  name: 'RetiredAzureadPowershellModule',
  severity: 'warning',
  shortDescription: 'A code block installs or runs the AzureAD, AzureADPreview or MSOnline PowerShell module (Connect-AzureAD, Get-AzureADServicePrincipal, Connect-MsolService…), deprecated on 30 March 2024.',
  fullDescription:
    'Microsoft deprecated the AzureAD, AzureADPreview and MSOnline PowerShell modules on 30 March 2024 and assured them to work only through 30 March 2025 (Azure/azure-docs-powershell-azuread docs-conceptual/azureadps-2.0/overview.md and migration-faq.yml: "Once these modules are deprecated, they will continue to work for a minimum of six (6) months before being retired"; the modules are "one of the applications that utilizes the Azure AD Graph API", itself retired on 31 August 2025). A script written with Connect-AzureAD, Get-AzureADServicePrincipal or Connect-MsolService therefore teaches a module that is no longer assured to work. Its replacement is Microsoft Graph PowerShell, with Mg in the cmdlet names and different parameters (MicrosoftDocs/microsoftgraph-docs-powershell migration-steps.md; the cmdlet map). Reader reports: MicrosoftDocs/azure-docs#89176, #114205 (how-to-assign-app-role-managed-identity-powershell.md), #41259 (tutorial-windows-vm-access-azure-ad-graph.md). Comment lines and lines that already say the module is deprecated are not reported; Az (Get-AzADServicePrincipal) and Microsoft Graph PowerShell (Get-MgServicePrincipal) cmdlets never match.',
  help: 'Use Microsoft Graph PowerShell: Install-Module Microsoft.Graph, Connect-MgGraph -Scopes …, and the Mg cmdlet of each (Get-AzureADServicePrincipal is Get-MgServicePrincipal; see the cmdlet map https://learn.microsoft.com/powershell/microsoftgraph/azuread-msoline-cmdlet-map), or the Az cmdlets (Get-AzADServicePrincipal).',
  check(doc) {
    const hits: RuleHit[] = [];
    const fact = retiredTools().azuread;
    const source = sourceText(fact.sources[0] as (typeof fact.sources)[number]);
    for (const fence of codeFences(doc)) {
      // What a command printed and program source are not commands the reader runs.
      if (/^(output|console)$/.test(fence.info) || isProgramSource(fence)) continue;
      // One finding per block, on its first cmdlet: the block is rewritten as a whole, not line by line.
      let first: { line: number; column: number } | undefined;
      const names: string[] = [];
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const text = doc.line(n);
        if (/^\s*(#|\/\/|REM\b)/i.test(text) || ALREADY_SAYS.test(text)) continue;
        const module = [...text.matchAll(MODULE)][0];
        if (module) {
          const name = module[1] as string;
          hits.push({
            line: n,
            column: (module.index ?? 0) + module[0].indexOf(name) + 1,
            message: `${name} is one of the ${fact.name}, deprecated on ${fact.deprecated} and assured to work only through 2025-03-30 (${source}); they call Azure AD Graph, which is retired. Install Microsoft Graph PowerShell instead (Install-Module Microsoft.Graph) and use its Mg cmdlets (${fact.guide}).`,
          });
          continue;
        }
        for (const m of text.matchAll(CMDLET)) {
          if (!VERBS.has((m[1] as string).toLowerCase()) || quoted(text, m.index ?? 0)) continue;
          first ??= { line: n, column: (m.index ?? 0) + 1 };
          if (!names.some((x) => x.toLowerCase() === m[0].toLowerCase())) names.push(m[0]);
        }
      }
      if (!first) continue;
      const name = names[0] as string;
      const rest = names.slice(1);
      const listed = rest.length === 0 ? '' : ` (this block also runs ${rest.slice(0, 4).join(', ')}${rest.length > 4 ? ` and ${rest.length - 4} more` : ''})`;
      hits.push({
        ...first,
        message: `${name}${listed} is a cmdlet of the ${moduleOf(name)} PowerShell module, one of the ${fact.name} deprecated on ${fact.deprecated} and assured to work only through 2025-03-30 (${source}); they call Azure AD Graph, which is retired. Use ${fact.replacement}; cmdlet map ${fact.guide}.`,
      });
    }
    return hits;
  },
};
