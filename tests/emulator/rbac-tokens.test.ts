import { describe, expect, it } from 'vitest';
import { createRbac, scopeIncludes } from '../../src/emulator/rbac.ts';
import { actionMatches } from '../../src/reference/rbac.ts';
import { findRole } from '../../src/emulator/roles.ts';
import { createState } from '../../src/emulator/state.ts';
import { placeholderKey } from '../../src/parse/placeholders.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { createTokenAuthority } from '../../src/emulator/tokens.ts';

const scenario = defaultScenario(new Date('2026-11-22T10:00:00.500Z'));
const vm = scenario.vm.systemAssigned!;
const rg = `/subscriptions/${scenario.subscriptionId}/resourceGroups/${scenario.values.RESOURCE_GROUP}`;
const account = `${rg}/providers/Microsoft.Storage/storageAccounts/${scenario.values.STORAGE_ACCOUNT}`;

describe('RBAC', () => {
  it('matches ARM wildcards case-insensitively', () => {
    expect(actionMatches('*/read', 'Microsoft.Resources/subscriptions/resourceGroups/read')).toBe(true);
    expect(actionMatches('*/read', 'Microsoft.Storage/storageAccounts/listkeys/action')).toBe(false);
    expect(actionMatches('Microsoft.Storage/storageAccounts/*', 'microsoft.storage/STORAGEACCOUNTS/listKeys/action')).toBe(true);
    expect(actionMatches('Microsoft.Authorization/*/Write', 'Microsoft.Authorization/roleAssignments/write')).toBe(true);
  });
  it('inherits scope downwards only, on segment boundaries', () => {
    expect(scopeIncludes('/subscriptions/A/resourceGroups/rg', '/subscriptions/a/resourcegroups/RG/providers/x/y/z')).toBe(true);
    expect(scopeIncludes('/subscriptions/A/resourceGroups/rg', '/subscriptions/A/resourceGroups/rg2')).toBe(false);
    expect(scopeIncludes('/subscriptions/A/resourceGroups/rg/', '/subscriptions/A')).toBe(false);
  });
  it('resolves roles by name, GUID and definition id', () => {
    expect(findRole('reader')?.id).toBe('acdd72a7-3385-48ef-bd42-f606fba81ae7');
    expect(findRole('/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/81a9662b-bebf-436f-a333-f67b29880f12')?.roleName).toBe('Storage Account Key Operator Service Role');
    expect(findRole('Readr')).toBeUndefined();
  });
  it('grants the tutorials\' portal assignments and nothing more', () => {
    const state = createState(scenario);
    const rbac = createRbac(state);
    expect(rbac.checkAction(vm.principalId, 'Microsoft.Resources/subscriptions/resourceGroups/read', rg).allowed).toBe(true);
    expect(rbac.checkAction(vm.principalId, 'Microsoft.Storage/storageAccounts/listkeys/action', account).matchedRoles.sort()).toEqual(['Storage Account Contributor', 'Storage Account Key Operator Service Role']);
    expect(rbac.checkDataAction(vm.principalId, 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', `${account}/blobServices/default/containers/c`).matchedRoles).toEqual(['Storage Blob Data Reader']);
    expect(rbac.checkDataAction(vm.principalId, 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write', account).allowed).toBe(false);
    expect(rbac.checkAction(vm.principalId, 'Microsoft.Authorization/roleAssignments/write', rg).allowed).toBe(false);
    // Owner of the subscription (the CLI principal) may write role assignments; Contributor may not.
    expect(rbac.checkAction(scenario.cliPrincipal, 'Microsoft.Authorization/roleAssignments/write', rg).allowed).toBe(true);
    state.data.roleAssignments.push({ principalId: '00000000-0000-0000-0000-000000000001', role: 'Contributor', scope: rg });
    expect(rbac.checkAction('00000000-0000-0000-0000-000000000001', 'Microsoft.Authorization/roleAssignments/write', rg).allowed).toBe(false);
    expect(rbac.checkAction('00000000-0000-0000-0000-000000000001', 'Microsoft.Storage/storageAccounts/listkeys/action', account).allowed).toBe(true);
  });
});

describe('RBAC: a seeded grant of a catalog role beyond the tutorials\' eleven', () => {
  // The World now reads every catalog role in prose; a stated grant of one was seeded and granted nothing,
  // so the page's request got a 403 that Azure would not give.
  it("grants what Azure's definition grants (Key Vault Crypto User: keys' crypto operations, not secrets)", () => {
    const state = createState(scenario);
    const rbac = createRbac(state);
    const vault = `${rg}/providers/Microsoft.KeyVault/vaults/v1`;
    state.data.roleAssignments.push({ principalId: vm.principalId, role: 'Key Vault Crypto User', scope: vault });
    expect(rbac.checkDataAction(vm.principalId, 'Microsoft.KeyVault/vaults/keys/encrypt/action', vault)).toEqual({ allowed: true, matchedRoles: ['Key Vault Crypto User'] });
    expect(rbac.checkDataAction(vm.principalId, 'Microsoft.KeyVault/vaults/secrets/getSecret/action', vault).allowed).toBe(false);
  });
});

describe('default scenario', () => {
  it('holds the page prose values', () => {
    expect(scenario.storageAccounts[0]!.containers[0]!.blobs[0]).toMatchObject({ name: 'hello_world.txt', content: 'Hello world!' });
    expect(scenario.values.EXPIRATION_TIME).toBe('2026-11-22T12:00:00Z');
    expect(scenario.values.YOUR_KEY_VAULT_URL).toBe('https://mytestkeyvault.vault.azure.net/');
    expect(Object.keys(scenario.values)).not.toContain('ACCESS_TOKEN');
    expect(Buffer.from(scenario.storageAccounts[0]!.keys[0], 'base64')).toHaveLength(64);
  });
  it('normalises placeholders to value keys', () => {
    expect(placeholderKey('<STORAGE ACCOUNT NAME>')).toBe('STORAGE_ACCOUNT_NAME');
    expect(placeholderKey('<YOUR-KEY-VAULT-URL>')).toBe('YOUR_KEY_VAULT_URL');
    expect(placeholderKey('<secret-name>')).toBe('SECRET_NAME');
  });
});

describe('token authority', () => {
  it('signs RS256 tokens with Azure claims and verifies them', async () => {
    let now = new Date('2026-11-22T10:00:00Z');
    const ta = await createTokenAuthority({ tenantId: scenario.tenantId, now: () => now });
    const { token, claims } = await ta.issue({ principalId: vm.principalId, clientId: vm.clientId, resource: 'https://management.azure.com/', miResourceId: '/subscriptions/s/resourcegroups/rg/providers/Microsoft.Compute/virtualMachines/v' });
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256', kid: ta.kid, x5t: ta.kid });
    expect(claims).toMatchObject({ aud: 'https://management.azure.com/', iss: `https://sts.windows.net/${scenario.tenantId}/`, oid: vm.principalId, sub: vm.principalId, appid: vm.clientId, idtyp: 'app', ver: '1.0' });
    expect(claims.exp! - claims.iat!).toBe(86399);
    expect((await ta.verify(token)).ok).toBe(true);
    const [h, p, s] = token.split('.');
    const flipped = s!.slice(0, 10) + (s![10] === 'A' ? 'B' : 'A') + s!.slice(11);
    expect(await ta.verify(`${h}.${p}.${flipped}`)).toMatchObject({ ok: false, reason: 'bad-signature' });
    expect(await ta.verify('not.a.jwt')).toMatchObject({ ok: false, reason: 'malformed' });
    const other = await createTokenAuthority({ tenantId: scenario.tenantId, now: () => now });
    expect(await other.verify(token)).toMatchObject({ ok: false, reason: 'bad-signature' });
    now = new Date(now.getTime() + 86_400_000);
    const expired = await ta.verify(token);
    expect(expired).toMatchObject({ ok: false, reason: 'expired' });
    expect(expired.ok === false && expired.expiredAt?.getTime()).toBe((claims.exp as number) * 1000);
  });
});
