// A code block runs or installs a cmdlet of the retired pre-Az "Azure" PowerShell modules: the Azure
// Service Management module (Add-AzureAccount, New-AzureVM: classic resources) or Azure.Storage
// (New-AzureStorageContext, Set-AzureStorageBlobContent). AzureRM cmdlets (Verb-AzureRmNoun) are
// retired-azurerm-module's, AzureAD cmdlets (Verb-AzureADNoun) retired-azuread-powershell-module's.
// Names come from the generated table retired-powershell.json, so Az (Verb-AzNoun), AzureAD and
// Azure Stack cmdlets never match here.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, isProgramSource } from '../fences.ts';
import { retiredCmdlet, retiredPowerShell } from '../../reference/retired-powershell.ts';

const CMDLET = /(?<![\w-])([A-Za-z]+-Azure[A-Za-z0-9]+)\b/g;
const MODULE = /\b(?:Install|Import|Update|Find|Save)-Module\s+(?:-Name\s+)?['"]?(Azure(?:\.Storage)?)(?![\w.-])/gi;
// A comment or line that already tells the reader the module is retired is right, not stale.
const ALREADY_SAYS = /retire|deprecat|no longer supported|unsupported|classic|migrat/i;
const GUIDE = 'MicrosoftDocs/azure-docs-powershell docs-conceptual/azps-*/migrate-az-1.0.0.md ("In the AzureRM module, cmdlets used either AzureRM or Azure as a noun prefix … all cmdlets use \'Az\'"; module Azure.Storage → Az.Storage)';

function source(): string {
  const a = retiredPowerShell().about;
  return `${a.repo} @${a.removedIn.commit.slice(0, 12)} "${a.removedIn.subject}", lists read at @${a.readAt.slice(0, 12)}`;
}

function message(name: string, module: string, az: string | undefined): string {
  if (module === 'Azure.Storage')
    return `${name} is a cmdlet of the Azure.Storage module, which the AzureRM retirement of 29 February 2024 ended and whose Service Management reference Microsoft removed as unsupported (${source()}): the Az module names it ${az ?? 'Verb-AzStorage…'} (${GUIDE}), and a current PowerShell setup without Azure.Storage answers "The term '${name}' is not recognized". Write ${az ?? 'the Az.Storage cmdlet'}.`;
  return `${name} is a cmdlet of the Azure Service Management (classic) PowerShell module "Azure", whose reference Microsoft removed as unsupported (${source()}); it runs only in Windows PowerShell 5.1, not in PowerShell 7 or Cloud Shell, and manages classic (ASM) resources, which are being retired. Use the Az module${az ? ` (its Resource Manager cmdlet is ${az}, with different parameters)` : ''}.`;
}

export const retiredAzurePowershellModule: Rule = {
  id: 'retired-azure-powershell-module',
  name: 'RetiredAzurePowershellModule',
  severity: 'warning',
  shortDescription: 'A code block runs or installs a cmdlet of the retired Azure Service Management ("Azure") or Azure.Storage PowerShell module (New-AzureStorageContext, Add-AzureAccount, New-AzureVM…).',
  fullDescription:
    'Before Az, Azure PowerShell shipped the Azure Service Management module "Azure" (classic resources: Add-AzureAccount, New-AzureVM, Get-AzureStorageKey) and Azure.Storage (New-AzureStorageContext, Get-AzureStorageBlob, Set-AzureStorageBlobContent), both with the bare "Azure" noun prefix. MicrosoftDocs/azure-docs-powershell removed their reference "for unsupported versions" (commit 915c5bc56e2b, January 2026; its banner said ASM "is scheduled for retirement" and the module "only works with Windows PowerShell"); the Az migration guide (migrate-az-1.0.0.md) lists Azure.Storage as the AzureRM-era module Az.Storage replaced and gives the rename rule (Azure noun prefix → Az). A script written with these cmdlets fails on a current setup with "The term … is not recognized". The cmdlet names and their Az names are generated from that repository (scripts/generate-retired-powershell.ts: the azuresmps-4.0.0 reference file names before the removal, and the newest azps-<version>/Az.* folder); Az and Azure Stack cmdlets are not in the table and are not reported here; AzureRM cmdlets are reported by retired-azurerm-module and AzureAD, AzureADPreview and MSOnline cmdlets (Verb-AzureADNoun, Verb-MsolNoun) by retired-azuread-powershell-module. A line that already says the module is retired or classic is not reported.',
  help: 'Use the Az module: Install-Module -Name Az, and the Az name of each cmdlet (New-AzStorageContext, Get-AzStorageBlob, Set-AzStorageBlobContent, Connect-AzAccount).',
  check(doc) {
    const hits: RuleHit[] = [];
    for (const fence of codeFences(doc)) {
      // What a command printed (an error quoting the old name) and program source are not commands the reader runs.
      if (/^(output|console)$/.test(fence.info) || isProgramSource(fence)) continue;
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const text = doc.line(n);
        if (ALREADY_SAYS.test(text)) continue;
        for (const m of text.matchAll(MODULE)) {
          const module = /storage/i.test(m[1] as string) ? 'Azure.Storage' : 'Azure';
          hits.push({
            line: n,
            column: (m.index ?? 0) + m[0].indexOf(m[1] as string) + 1,
            message: `${m[1]} is the retired ${module === 'Azure' ? 'Azure Service Management (classic) PowerShell module' : 'Azure.Storage PowerShell module'}, whose reference Microsoft removed as unsupported (${source()}). Install the Az module (Install-Module -Name Az${module === 'Azure.Storage' ? ', or Az.Storage' : ''}).`,
          });
        }
        for (const m of text.matchAll(CMDLET)) {
          const fact = retiredCmdlet(m[1] as string);
          if (!fact) continue;
          hits.push({ line: n, column: (m.index ?? 0) + 1, message: message(m[1] as string, fact.module, fact.az), ...(fact.module === 'Azure.Storage' && fact.az ? { suggestion: fact.az } : {}) });
        }
      }
    }
    return hits;
  },
};
