// Positive cases of issue 16 session 11's wild-l rules (defects readers reported on identity pages:
// AzureAD/MSOnline PowerShell, Azure AD Graph), merged into rules.test.ts's table (one-line breaks of
// the clean fixture). Their real pages, positive and negative, are in wild-l-rules.test.ts.
export const wildLCases = {
  'retired-azuread-powershell-module': [
    { name: 'Connect-AzureAD then Get-AzureADServicePrincipal in one block (azure-docs#89176)', find: 'az identity create -g', replace: () => 'Connect-AzureAD\n$sp = Get-AzureADServicePrincipal -Filter "displayName eq \'myVM\'"', message: /Connect-AzureAD \(this block also runs Get-AzureADServicePrincipal\) is a cmdlet of the AzureAD PowerShell module.*deprecated on 2024-03-30.*Microsoft Graph PowerShell/, severity: 'warning' as const },
    { name: 'Install-Module MSOnline', find: 'az identity create -g', replace: () => 'Install-Module MSOnline', message: /MSOnline is one of the AzureAD, AzureADPreview and MSOnline PowerShell modules.*Install-Module Microsoft\.Graph/, severity: 'warning' as const },
  ],
  'azure-ad-graph-retired': [
    { name: 'a token for resource https://graph.windows.net from IMDS (azure-docs#41259)', find: 'az identity create -g', replace: () => "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://graph.windows.net' -H Metadata:true", message: /asks for a token for Azure AD Graph \(resource https:\/\/graph\.windows\.net\), which was retired on 2025-08-31.*resource=https:\/\/graph\.microsoft\.com\//, severity: 'warning' as const },
    { name: 'a call to graph.windows.net', find: 'az identity create -g', replace: () => 'curl -X POST "https://graph.windows.net/myorganization/servicePrincipals/<ID>/getMemberGroups?api-version=1.6" -H "Authorization: Bearer $TOKEN"', message: /calls Azure AD Graph \(https:\/\/graph\.windows\.net\), retired on 2025-08-31.*403/, severity: 'warning' as const },
  ],
  'az-create-for-rbac-role-scopes': [
    { name: 'az ad sp create-for-rbac --role contributor without --scopes (Azure/azure-cli#21960)', find: 'az identity create -g', replace: () => 'az ad sp create-for-rbac -n "http://AzureArcServers" --role contributor', message: /--role contributor without --scopes: az stops with "Usage error: To create role assignments, specify both --role and --scopes\." and creates nothing/, severity: 'error' as const },
  ],
};
