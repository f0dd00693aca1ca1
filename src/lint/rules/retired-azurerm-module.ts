// A code block installs or runs the AzureRM PowerShell module (Install-Module AzureRM,
// Get-AzureRmResourceGroup, Login-AzureRmAccount…), retired on 29 February 2024 in favour of Az.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceAt } from '../fences.ts';
import { retiredTools, sourceText } from '../../reference/retired-sdks.ts';

const MODULE = /\b(?:Install|Import|Update|Find|Save)-Module\s+(?:-Name\s+)?['"]?(AzureRM(?:\.[\w.]+)?)\b/gi;
// Verb-AzureRmNoun; Enable-/Disable-AzureRmAlias are Az.Accounts cmdlets that map the old names.
const CMDLET = /(?<![\w-])([A-Za-z]+-AzureRm(?!Alias\b)[A-Za-z]+)\b/g;
// A comment or line that already tells the reader AzureRM is retired is right, not stale.
const ALREADY_SAYS = /retire|deprecat|no longer supported|migrat/i;
// Prose that tells the reader AzureRM is still maintained ("AzureRM will continue to get critical bugfix updates").
const STILL_SUPPORTED = /\bAzureRM\b[^.]{0,80}?\b(?:will continue to (?:get|receive|be supported)|continues to (?:get|receive|be supported)|is still supported|still (?:gets|receives))\b|\bcontinued support for the AzureRM\b/i;

export const retiredAzurermModule: Rule = {
  id: 'retired-azurerm-module',
  name: 'RetiredAzurermModule',
  severity: 'warning',
  shortDescription: 'A code block installs or runs the AzureRM PowerShell module, retired on 29 February 2024, or the prose says it is still maintained.',
  fullDescription:
    'Microsoft retired all versions of the AzureRM PowerShell module on 29 February 2024 (MicrosoftDocs/azure-docs-powershell includes/migrate-to-az-banner.md): it gets no fixes, is not installed in Cloud Shell, and its cmdlets (Verb-AzureRmNoun, Login-AzureRmAccount) are not in the Az module that replaces it, so "Get-AzureRmResourceGroup" fails with "The term … is not recognized" on a current PowerShell setup. Prose that still promises AzureRM updates ("AzureRM will continue to get critical bugfix updates") is reported too. Enable-AzureRmAlias (an Az.Accounts cmdlet) is not reported.',
  help: 'Use the Az module: Install-Module -Name Az, and the Az name of each cmdlet (Get-AzResourceGroup, Connect-AzAccount).',
  check(doc) {
    const hits: RuleHit[] = [];
    const fact = retiredTools().azurerm;
    const source = fact.sources.map(sourceText).join('; ');
    const fences = codeFences(doc);
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n) || fenceAt(fences, n) || /retired|no longer supported/i.test(doc.line(n))) continue;
      const m = STILL_SUPPORTED.exec(doc.line(n));
      if (m)
        hits.push({
          line: n,
          column: m.index + 1,
          message: `"${m[0]}": the ${fact.name} was retired on ${fact.retired} (${source}) and gets no fixes, critical ones included. Say it is retired and point to ${fact.guide}.`,
        });
    }
    for (const fence of fences) {
      for (let n = fence.open + 1; n < fence.close && n <= doc.lineCount; n++) {
        const text = doc.line(n);
        if (ALREADY_SAYS.test(text)) continue;
        for (const m of text.matchAll(MODULE))
          hits.push({
            line: n,
            column: (m.index ?? 0) + m[0].indexOf(m[1] as string) + 1,
            message: `${m[1]} is the ${fact.name}, retired on ${fact.retired} (${source}): it gets no fixes and its cmdlets are not in Az. Install ${fact.replacement}; migration guide ${fact.guide}.`,
          });
        for (const m of text.matchAll(CMDLET)) {
          const name = m[1] as string;
          const az = name.replace(/^(\w+)-AzureRm/i, '$1-Az').replace(/^Login-AzAccount$/i, 'Connect-AzAccount');
          hits.push({
            line: n,
            column: (m.index ?? 0) + 1,
            message: `${name} is a cmdlet of the ${fact.name}, retired on ${fact.retired} (${source}): the Az module that replaces it names it ${az}, and without Enable-AzureRmAlias a current PowerShell setup answers "The term '${name}' is not recognized". Write ${az} (migration guide ${fact.guide}).`,
            suggestion: az,
          });
        }
      }
    }
    return hits;
  },
};
