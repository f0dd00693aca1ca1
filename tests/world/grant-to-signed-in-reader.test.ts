// defect (review of stop 28): the page's `az role assignment create --assignee $CALLER_OBJECT_ID`, with
// the id read by `az ad signed-in-user show`, was not the reader's in the World (the lookup is not run
// here: the World held a grant to the target's stand-in id), so "the page grants the
// reader access" was decided by a second reader of the page's text in the run stage. The World now
// records it as a grant to the reader; an assignee read some other way stays a grant to an id.
import { describe, expect, it } from 'vitest';
import { baseScenario, emulatorRoleValues } from '../../src/emulator/default-scenario.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { buildPlan } from '../../src/plan/index.ts';

const base = baseScenario(new Date('2026-01-01T00:00:00Z'));
const worldOf = (text: string) => buildPlan(parseTutorialText(text, 'page.md'), { text, targetValues: base.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} }).world;
const fence = (text: string): string => `\`\`\`azurecli\n${text}\n\`\`\`\n`;
const page = (lookup: string, assignee: string) =>
  [
    '# Grant yourself access\n',
    fence('az keyvault create --name readerkv1 --resource-group reader-rg --location eastus'),
    fence(lookup),
    fence(`az role assignment create --assignee ${assignee} --role "Key Vault Secrets Officer" --scope $(az keyvault show --name readerkv1 --query id --output tsv)`),
  ].join('\n');

describe('a grant to the id az ad signed-in-user show read', () => {
  it('is a created grant to the reader, cited at its step', () => {
    const world = worldOf(page('CALLER_OBJECT_ID=$(az ad signed-in-user show --query id --output tsv)', '"$CALLER_OBJECT_ID"'));
    const grant = world?.grants.find((g) => g.role === 'Key Vault Secrets Officer');
    expect(grant).toMatchObject({ principal: { kind: 'reader' }, origin: 'created' });
    expect(grant?.cite.stepId).toBeDefined();
  });
  it('inline, --assignee $(az ad signed-in-user show --query id -o tsv), is one too', () => {
    const world = worldOf(page('az account show', '$(az ad signed-in-user show --query id -o tsv)'));
    expect(world?.grants.find((g) => g.role === 'Key Vault Secrets Officer')?.principal).toEqual({ kind: 'reader' });
  });
  it('an id read another way (az ad sp list) is not the reader: the grant is to an id', () => {
    const world = worldOf(page('APP_ID=$(az ad sp list --display-name myapp --query [0].id --output tsv)', '$APP_ID'));
    const grants = world?.grants.filter((g) => g.role === 'Key Vault Secrets Officer') ?? [];
    expect(grants.map((g) => g.principal.kind)).toEqual(['id']);
  });
});

// defect (candidate 2 of stop 29's note): who a grant names was read twice — by the World for
// `az role assignment create`, and by a regex of the run's check for `az keyvault set-policy`,
// `New-AzRoleAssignment` and `Set-AzKeyVaultAccessPolicy`. The World now records those too, and the
// check reads only the World.
const psFence = (text: string): string => `\`\`\`azurepowershell\n${text}\n\`\`\`\n`;
describe('the access policies and PowerShell grants a page makes, in the World', () => {
  it('az keyvault set-policy --object-id $ME (read by az ad signed-in-user show) is a created access policy of the reader, with its secret permissions', () => {
    const text = ['# Policy\n', fence('az keyvault create --name readerkv1 --resource-group reader-rg --location eastus'), fence('ME=$(az ad signed-in-user show --query id -o tsv)'), fence('az keyvault set-policy --name readerkv1 --object-id $ME --secret-permissions get list')].join('\n');
    const policy = worldOf(text)?.accessPolicies.find((p) => p.origin === 'created');
    expect(policy).toMatchObject({ vault: 'readerkv1', principal: { kind: 'reader' }, secrets: ['get', 'list'] });
    expect(policy?.cite.stepId).toBeDefined();
  });
  it('az keyvault set-policy for an application\'s id is a policy of that id, not the reader\'s', () => {
    const text = ['# Policy\n', fence('az keyvault create --name readerkv1 --resource-group reader-rg --location eastus'), fence('az keyvault set-policy --name readerkv1 --object-id 00000000-0000-0000-0000-0000000000aa --secret-permissions all')].join('\n');
    const policy = worldOf(text)?.accessPolicies.find((p) => p.origin === 'created');
    expect(policy?.principal.kind).not.toBe('reader');
    expect(policy?.secrets).toHaveLength(8);
  });
  it('New-AzRoleAssignment -ObjectId $userId, $userId = (Get-AzADUser -SignedIn).Id, is a created grant to the reader (PowerShell names compare without case)', () => {
    const text = ['# Grant\n', psFence('$userId = (Get-AzADUser -SignedIn).Id'), psFence('New-AzRoleAssignment -ObjectId $UserId -RoleDefinitionName "Key Vault Secrets User" -Scope $vaultId')].join('\n');
    const grant = worldOf(text)?.grants.find((g) => g.role === 'Key Vault Secrets User');
    expect(grant).toMatchObject({ principal: { kind: 'reader' }, origin: 'created' });
  });
  it('Set-AzKeyVaultAccessPolicy -VaultName v -ObjectId $userId -PermissionsToSecrets get,list is a created access policy of the reader', () => {
    const text = ['# Policy\n', psFence('$userId = (Get-AzADUser -SignedIn).Id'), psFence("Set-AzKeyVaultAccessPolicy -VaultName 'readerkv1' -ObjectId $userId -PermissionsToSecrets get,list")].join('\n');
    const policy = worldOf(text)?.accessPolicies.find((p) => p.origin === 'created');
    expect(policy).toMatchObject({ vault: 'readerkv1', principal: { kind: 'reader' }, secrets: ['get', 'list'] });
  });
  it('New-AzRoleAssignment for an id read another way is no grant to the reader', () => {
    const text = ['# Grant\n', psFence('$appId = (Get-AzADServicePrincipal -DisplayName myapp).Id'), psFence('New-AzRoleAssignment -ObjectId $appId -RoleDefinitionName "Key Vault Secrets User" -Scope $vaultId')].join('\n');
    expect(worldOf(text)?.grants.some((g) => g.principal.kind === 'reader')).toBe(false);
  });
});
