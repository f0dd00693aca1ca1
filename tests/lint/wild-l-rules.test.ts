// Issue 16 session 11 (wild-l): rules written for defects readers reported on identity pages
// (tests/fresh/articles/active-directory/…), each held on the reported page and kept silent where the
// same thing is written correctly on a real page (the Microsoft Graph tabs of the same page, a
// Microsoft Graph REST call, the workload identity audience api://AzureADTokenExchange).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { retiredTools } from '../../src/reference/retired-sdks.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

const MI = 'tests/fresh/articles/active-directory/managed-identities-azure-resources';
const APP_ROLE_PS = `${MI}/how-to-assign-app-role-managed-identity-powershell.md`;
const APP_ROLE_CLI = `${MI}/how-to-assign-app-role-managed-identity-cli.md`;
const AAD_GRAPH = `${MI}/tutorial-windows-vm-access-azure-ad-graph.md`;
const WORKLOAD_ID = 'tests/fresh/articles/aks/workload-identity-deploy-cluster.md';

describe('retired-azuread-powershell-module', () => {
  const rule = 'retired-azuread-powershell-module';
  it('how-to-assign-app-role-managed-identity-powershell.md: the AzureAD tabs, once per block (azure-docs#89176, #114205)', () => {
    const text = read(APP_ROLE_PS);
    const hits = found(rule, APP_ROLE_PS);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineWith(text, '(Get-AzureADServicePrincipal -Filter "DisplayName eq \'$applicationName\'")'), 'warning'],
      [lineWith(text, 'New-AzureADServiceAppRoleAssignment `'), 'warning'],
      [lineWith(text, 'Connect-AzureAD -TenantId $tenantID'), 'warning'],
    ]);
    expect(hits[2]?.message).toMatch(/^Connect-AzureAD \(this block also runs Get-AzureADServicePrincipal, New-AzureADServiceAppRoleAssignment\) is a cmdlet of the AzureAD PowerShell module.*2024-03-30.*Azure\/azure-docs-powershell-azuread docs-conceptual\/azureadps-2\.0\/migration-faq\.yml @eb2fead00db6/);
  });
  it('silent on the same page\'s Microsoft Graph tabs, on the commented-out "# Install-Module AzureAD", and on Az cmdlets', () => {
    const text = read(APP_ROLE_PS);
    const lines = found(rule, APP_ROLE_PS).map((h) => h.line);
    for (const needle of ['Get-MgServicePrincipal -Filter "DisplayName eq \'$applicationName\'"', 'New-MgServicePrincipalAppRoleAssignment `', 'Connect-MgGraph -TenantId', '# Install-Module AzureAD', '(Get-AzResource -ResourceId $resourceIdWithManagedIdentity)']) {
      expect(lineWith(text, needle)).toBeGreaterThan(0);
      expect(lines).not.toContain(lineWith(text, needle));
    }
  });
  it('tutorial-windows-vm-access-azure-ad-graph.md: each AzureAD block (azure-docs#41259)', () => {
    const text = read(AAD_GRAPH);
    const hits = found(rule, AAD_GRAPH);
    expect(hits).toHaveLength(7);
    expect(hits[1]?.line).toBe(lineWith(text, 'New-AzureADGroup -DisplayName "myGroup"'));
    expect(hits[1]?.message).toMatch(/^New-AzureADGroup \(this block also runs Get-AzureADGroup, Get-AzureADServicePrincipal, Add-AzureADGroupMember\)/);
  });
  it('silent on the workload identity audience api://AzureADTokenExchange, on a display name my-AzureADApp and on quoted text', () => {
    expect(read(WORKLOAD_ID)).toMatch(/api:\/\/AzureADTokenExchange/);
    expect(found(rule, WORKLOAD_ID)).toEqual([]);
    const page = '# p\n\n```azurecli\naz ad app create --display-name my-AzureADApp\n```\n\n```powershell\nWrite-Host "Run Connect-AzureAD first"\n# Connect-MsolService\nGet-AzADServicePrincipal -DisplayName myApp\n```\n';
    expect(found(rule, 'names.md', page)).toEqual([]);
  });
  it('its facts name their sources with commits', () => {
    const t = retiredTools();
    expect(t.azuread.deprecated).toBe('2024-03-30');
    expect(t.aadGraph.retired).toBe('2025-08-31');
    for (const s of [...t.azuread.sources, ...t.aadGraph.sources]) expect(s.repo && s.path && s.says && (s.commit ?? s.url), JSON.stringify(s)).toBeTruthy();
    expect(t.azuread.sources[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(t.aadGraph.sources[0]?.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('azure-ad-graph-retired', () => {
  const rule = 'azure-ad-graph-retired';
  it('tutorial-windows-vm-access-azure-ad-graph.md: the token for https://graph.windows.net and the getMemberGroups call (azure-docs#41259)', () => {
    const text = read(AAD_GRAPH);
    const hits = found(rule, AAD_GRAPH);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([
      [lineWith(text, '&resource=https://graph.windows.net\''), 'warning'],
      [lineWith(text, "Invoke-WebRequest 'https://graph.windows.net/<Tenant ID>/servicePrincipals"), 'warning'],
    ]);
    expect(hits[0]?.message).toMatch(/asks for a token for Azure AD Graph.*retired on 2025-08-31/);
    expect(hits[1]?.message).toMatch(/calls Azure AD Graph \(https:\/\/graph\.windows\.net\).*403 Unauthorized/);
  });
  it('silent on the same page\'s prose naming the resource and on its response example', () => {
    const text = read(AAD_GRAPH);
    const lines = found(rule, AAD_GRAPH).map((h) => h.line);
    expect(lines).not.toContain(lineWith(text, '- Resource ID (used when requesting access token'));
    expect(lines).not.toContain(lineWith(text, 'Content : {"odata.metadata":"https://graph.windows.net/'));
  });
  it('silent on a Microsoft Graph call (how-to-assign-app-role-managed-identity-cli.md: az rest … https://graph.microsoft.com/v1.0/servicePrincipals/…)', () => {
    expect(read(APP_ROLE_CLI)).toMatch(/az rest -m POST -u https:\/\/graph\.microsoft\.com\/v1\.0\/servicePrincipals/);
    expect(found(rule, APP_ROLE_CLI)).toEqual([]);
  });
});

describe('az-create-for-rbac-role-scopes', () => {
  const rule = 'az-create-for-rbac-role-scopes';
  const GITHUB_ACTIONS = 'tests/corpus/articles/app-service/deploy-github-actions.md';
  const TERRAFORM = 'tests/fresh/articles/virtual-machines/linux/terraform-install-configure.md';
  it('silent where both are given: --role contributor \\ --scopes … over two lines (deploy-github-actions.md), --role="Contributor" --scopes="…" (terraform-install-configure.md)', () => {
    expect(read(GITHUB_ACTIONS)).toMatch(/az ad sp create-for-rbac --name "myApp" --role contributor \\\n\s+--scopes/);
    expect(found(rule, GITHUB_ACTIONS)).toEqual([]);
    expect(read(TERRAFORM)).toMatch(/az ad sp create-for-rbac --role="Contributor" --scopes="\/subscriptions\/\$\{SUBSCRIPTION_ID\}"/);
    expect(found(rule, TERRAFORM)).toEqual([]);
  });
  it('an error on --role alone, on --scopes alone, on --role=X alone; silent on neither (no role assignment), --scope (the prefix az reads as --scopes), --role "" and a word that may expand to options', () => {
    const page = [
      '# p', '', 'Sign in with `az login`.', '', '```azurecli',
      'az ad sp create-for-rbac --name a1 --role Contributor',
      'az ad sp create-for-rbac --name a2 \\',
      '    --scopes /subscriptions/<SUBSCRIPTION ID>',
      'az ad sp create-for-rbac --name a3 --role="Contributor" --sdk-auth',
      'az ad sp create-for-rbac --name b1',
      'az ad sp create-for-rbac --name b2 --role Reader --scope /subscriptions/<SUBSCRIPTION ID>',
      'az ad sp create-for-rbac --name b3 --role "" ',
      'az ad sp create-for-rbac --name b4 --role Reader $SCOPE_ARGS',
      '```', '',
    ].join('\n');
    const hits = found(rule, 'rbac.md', page);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[6, 'error'], [8, 'error'], [9, 'error']]);
    expect(hits[1]?.message).toMatch(/--scopes \/subscriptions\/<SUBSCRIPTION ID> without --role/);
    expect(hits[2]?.message).toMatch(/^az ad sp create-for-rbac --role="Contributor" without --scopes/);
  });
});
