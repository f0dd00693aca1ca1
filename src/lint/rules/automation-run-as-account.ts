// A code block authenticates a runbook with an Azure Automation Run As account (the AzureRunAsConnection connection
// asset, the AzureRunAsCertificate certificate asset, their Classic twins, or the New-RunAsAccount script that made
// them). Run As accounts were retired on 30 September 2023 in favour of the Automation account's managed identity.
// A page that already tells the reader Run As accounts are retired (a migration guide that shows the old code next to
// the new) is not reported: the reader knows what the old code is.
import type { Rule, RuleHit } from '../rule.ts';
import { codeFences, fenceLines } from '../fences.ts';

const RETIRED = '30 September 2023';
const SOURCE =
  'MicrosoftDocs/azure-docs articles/automation/migrate-run-as-accounts-managed-identity.md @04cb5e080fa6: "Azure Automation Run as accounts, including Classic Run as accounts have retired on 30 September 2023 and replaced with Managed Identities. You would no longer be able to create or renew Run as accounts"';

// The names Azure Automation gave the assets of a Run As account, and the script that created one; nothing else is
// called so (a connection asset of another type has another name).
const RUN_AS = /\b(Azure(?:Classic)?RunAs(?:Connection|Certificate)|New-RunAsAccount(?:\.ps1)?)\b/;
// A comment line (PowerShell, Python, bash) is not run.
const COMMENT = /^\s*(?:#|\/\/|<#)/;
// A code line that already says what it names is retired (a trailing comment).
const LINE_SAYS_RETIRED = /retire|deprecat|no longer/i;
// A page whose prose says Run As accounts are retired, deprecated or being migrated away from.
const SAYS_RETIRED = /\bRun\s?As\b[^.\n]{0,120}?\b(?:retire|deprecat|discontinu|no longer (?:be )?(?:supported|available|possible))|\b(?:retire|deprecat|migrat)[^.\n]{0,80}?\bRun\s?As\b/i;

const what = (name: string): string =>
  /^New-RunAsAccount/i.test(name)
    ? 'the script that created an Azure Automation Run As account'
    : /Certificate$/i.test(name)
      ? `the certificate asset of an Azure Automation${/Classic/i.test(name) ? ' Classic' : ''} Run As account`
      : `the connection asset of an Azure Automation${/Classic/i.test(name) ? ' Classic' : ''} Run As account`;

export const automationRunAsAccount: Rule = {
  id: 'automation-run-as-account',
  name: 'AutomationRunAsAccount',
  severity: 'warning',
  shortDescription: 'A runbook authenticates with an Azure Automation Run As account (AzureRunAsConnection, AzureRunAsCertificate, New-RunAsAccount), retired on 30 September 2023.',
  fullDescription: `Azure Automation Run As accounts, Classic Run As accounts included, were retired on ${RETIRED} and replaced with the Automation account's managed identity (${SOURCE}); creation of new Run As accounts stopped on 1 April 2023 (the retirement notice readers quoted, microsoft/MCW-Building-a-resilient-IaaS-architecture#107). A Run As account was a service principal whose self-signed certificate Automation stored as the AzureRunAsCertificate asset, with the AzureRunAsConnection connection asset (ApplicationId, TenantId, CertificateThumbprint, SubscriptionId) that runbooks read with Get-AutomationConnection (Python: automationassets.get_automation_connection) before Connect-AzAccount -ServicePrincipal -CertificateThumbprint. New Automation accounts have no such assets, and an old account's certificate can no longer be renewed, so a runbook written this way stops at its sign-in (readers reported it: MicrosoftDocs/azure-docs#115710, #114523, #102558; Azure/SAP-on-Azure-Scripts-and-Utilities#114). Code lines that name the Run As assets or the New-RunAsAccount script are reported; comment lines, lines that say Run As is retired, and pages that tell the reader Run As accounts are retired or deprecated (migration guides that show the old code next to the new) are not.`,
  help: "Authenticate the runbook with the Automation account's managed identity: Connect-AzAccount -Identity (add -AccountId <client ID> for a user-assigned identity) in PowerShell, ManagedIdentityCredential from azure-identity in Python, and grant that identity the roles the runbook needs (see https://learn.microsoft.com/azure/automation/migrate-run-as-accounts-managed-identity).",
  check(doc) {
    const hits: RuleHit[] = [];
    if (!doc.hasText) return hits;
    for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n) && SAYS_RETIRED.test(doc.line(n))) return hits;
    for (const fence of codeFences(doc)) {
      for (const { line, text } of fenceLines(doc, fence)) {
        if (COMMENT.test(text) || LINE_SAYS_RETIRED.test(text)) continue;
        const m = RUN_AS.exec(text);
        if (!m) continue;
        const name = m[1] as string;
        hits.push({
          line,
          column: m.index + 1,
          message: `${name} is ${what(name)}. Run As accounts were retired on ${RETIRED} (${SOURCE}): none can be created or renewed, a new Automation account has no ${/^New-RunAsAccount/i.test(name) ? 'Run As assets' : name} asset, and an existing one stops authenticating when its certificate expires. Use the Automation account's managed identity: Connect-AzAccount -Identity.`,
        });
      }
    }
    return hits;
  },
};
