// Positive cases of issue 16 session 12's wild-o rules (operations pages: Azure Automation Run As accounts, the
// retired Log Analytics agent extension), merged into rules.test.ts's table (one-line breaks of the clean fixture).
// Their real pages, positive and negative, are in wild-o-rules.test.ts (with the Log Analytics agent case of
// retired-resource-setting: a key here would replace that rule's cases of the other branches in the merged table).
export const wildOCases = {
  'automation-run-as-account': [
    { name: 'Get-AutomationConnection -Name AzureRunAsConnection (azure-docs#115710, #114523)', find: 'az identity create -g', replace: () => '$Conn = Get-AutomationConnection -Name AzureRunAsConnection', message: /^AzureRunAsConnection is the connection asset of an Azure Automation Run As account\. Run As accounts were retired on 30 September 2023.*Connect-AzAccount -Identity/, severity: 'warning' as const },
  ],
};
