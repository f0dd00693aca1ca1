// powershell-unknown-cmdlet on real pages: a cmdlet an Az release removed (Set-AzDiagnosticSetting, Az 9.0.1) and a
// slip of a real cmdlet's name (Get-AzAksCredential for Import-AzAksCredential) are said; an alias the reference
// does not list (New-AzSubscriptionDeployment, New-AzDeployment's) and real cmdlets are not.
import { describe, expect, it } from 'vitest';
import { removedCmdlets } from '../../src/reference/az-cmdlet-names-source.ts';
import { azCmdlet, misspeltAzCmdlets, removedAzCmdlet } from '../../src/reference/az-cmdlet-names.ts';
import { readRepoFile, ruleFindings } from './helpers.ts';

const R = 'powershell-unknown-cmdlet';
const LOGGING = 'tests/lint/fixtures/real/cmdlets-howto-logging.excerpt.md';
const PORTAL = 'tests/lint/fixtures/real/cmdlets-kubernetes-portal.excerpt.md';
const ONBOARD = 'tests/lint/fixtures/real/cmdlets-onboard-customer.excerpt.md';

describe('powershell-unknown-cmdlet', () => {
  it('says Set-AzDiagnosticSetting was removed in Az 9.0.1, with its replacement (howto-logging.md:114)', () => {
    const found = ruleFindings(R, LOGGING);
    expect(found.map((f) => [f.line, f.severity])).toEqual([[6, 'warning']]);
    expect(found[0]?.message).toMatch(/^Set-AzDiagnosticSetting was removed from Az in Az 9\.0\.1 \(migrate-az-9\.0\.1\.md: "Replaced by New-AzDiagnosticSetting"\)/);
    // The replacement the guide names is silent.
    expect(ruleFindings(R, LOGGING, readRepoFile(LOGGING).replace('Set-AzDiagnosticSetting -ResourceId', 'New-AzDiagnosticSetting -ResourceId'))).toEqual([]);
  });
  it('says Get-AzAksCredential is no cmdlet and names Import-AzAksCredential; Set-AzAksCluster above it is one (kubernetes-portal.md:375)', () => {
    const found = ruleFindings(R, PORTAL);
    expect(found.map((f) => f.line)).toEqual([10]);
    expect(found[0]?.message).toMatch(/Get-AzAksCredential is no cmdlet of Az .*Did you mean Import-AzAksCredential\?/);
    expect(ruleFindings(R, PORTAL, readRepoFile(PORTAL).replace('Get-AzAksCredential', 'Import-AzAksCredential'))).toEqual([]);
  });
  it('is silent on New-AzSubscriptionDeployment, an alias the reference does not list (onboard-customer.md:259)', () => {
    expect(ruleFindings(R, ONBOARD)).toEqual([]);
    expect(azCmdlet('New-AzSubscriptionDeployment')).toBeUndefined(); // not in the reference: silent for lack of a slip, not by a list
    expect(misspeltAzCmdlets('New-AzSubscriptionDeployment')).toEqual([]);
  });
  it('is silent on a name the page defines as a function, and on Az.Accounts aliases', () => {
    const text = ['# T', '', '```azurepowershell', 'function Get-AzKeyVaultSecrets { param($v) }', 'Get-AzKeyVaultSecrets -v x', 'Select-AzSubscription -SubscriptionId $id', 'login-azaccount', '```', ''].join('\n');
    expect(ruleFindings(R, 'page.md', text)).toEqual([]);
  });
});

describe('what the Az migration guides say a release removed', () => {
  const guide = (text: string) => [{ file: 'docs-conceptual/azps-16.2.0/migrate-az-9.0.1.md', text }];
  it('reads "### `Name`" sections that say "Replaced by", and alias lines, not cmdlets the reference still has', () => {
    const text = "## Az.Aks\n\n### `Install-AzAksKubectl`\n\nReplaced by Install-AzAksCliTool\n\n#### Before\n\n### `Get-AzAttestation`\n\n- Replaced by 'Get-AzAttestationProvider'.\n\n### `Get-AzVM`\n\n- Replaced by Get-AzVMNew\n\n### `Get-AzApiManagement`\n\n- The type of property 'Sku' has changed.\n\nAlias `Get-AzAks` is removed. Please use `Get-AzAksCluster` instead.\n";
    const removed = removedCmdlets(guide(text), new Set(['get-azvm']));
    expect(Object.values(removed).map((r) => [r.name, r.release, r.replacement])).toEqual([
      ['Install-AzAksKubectl', '9.0.1', 'Install-AzAksCliTool'],
      ['Get-AzAttestation', '9.0.1', 'Get-AzAttestationProvider'],
      ['Get-AzAks', '9.0.1', 'Get-AzAksCluster'],
    ]);
  });
  it('the generated table holds them', () => {
    expect(removedAzCmdlet('install-azakskubectl')).toMatchObject({ name: 'Install-AzAksKubectl', replacement: 'Install-AzAksCliTool' });
    expect(azCmdlet('get-azkeyvaultsecret')).toBe('Get-AzKeyVaultSecret');
  });
});
