// Two things the twelve tutorials' hand-written scenario held that inference did not find:
// - the key vault of a page that writes `https://<YOUR-KEY-VAULT-URL>/secrets/…` (the placeholder is
//   the vault URI the portal shows, so the scheme is doubled and the request fails as written, but
//   the vault the page means exists for it, reached or not);
// - a grant prose states for a user-assigned identity ("assign the identity the … role"), which
//   belonged to the VM's system-assigned identity before.
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { startEmulator } from '../../src/emulator/index.ts';
import { baseScenario, ROLE_NAMES } from '../../src/emulator/default-scenario.ts';
import { scenarioForWorld } from '../../src/emulator/world-seed.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { buildPlan } from '../../src/plan/index.ts';
import { emulatorRoleValues } from '../../src/emulator/default-scenario.ts';

const base = baseScenario(new Date('2026-01-01T00:00:00Z'));
const worldOf = (text: string) => buildPlan(parseTutorialText(text, 'page.md'), { text, targetValues: base.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} }).world;
const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text}\n\`\`\`\n`;

describe('a vault URL placeholder names a vault', () => {
  it('vault-url-after-failing-step-is-no-vault: the vault of https://<YOUR-KEY-VAULT-URL>/secrets/… is in the World though its token step comes first', () => {
    const page = [
      '# Read a secret\n',
      'Get a token:\n', fence('bash', "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net'"),
      'Read the secret with the URL of your Key Vault:\n', fence('bash', `curl 'https://<YOUR-KEY-VAULT-URL>/secrets/<secret-name>?api-version=2016-10-01' -H "Authorization: Bearer <ACCESS TOKEN>"`),
    ].join('\n');
    const world = worldOf(page);
    expect(world.resources).toEqual(expect.arrayContaining([
      expect.objectContaining({ role: 'vault', name: ROLE_NAMES.vault, origin: 'assumed' }),
      expect.objectContaining({ role: 'secret', name: ROLE_NAMES.secret, vault: ROLE_NAMES.vault, origin: 'assumed' }),
    ]));
    // Seeded, so a page whose URL is right is judged on what it asks of the vault.
    expect(scenarioForWorld(base, world).keyVaults.map((v) => v.name)).toEqual([ROLE_NAMES.vault]);
  });
});

describe('a grant prose states for a user-assigned identity', () => {
  const page = (identity: string) => [
    '# Use a user-assigned identity\n',
    '## Prerequisites\n', '- A user-assigned managed identity named myIdentity in the resource group myGroup.\n',
    identity,
    'In the portal, assign the identity the Storage Blob Data Reader role on the storage account.\n',
    'Read the account:\n', fence('azurecli', 'az storage account show -n mystorageacct -g myGroup'),
  ].join('\n');

  it('stated-identity-grant-went-to-the-vm: the grant is the identity\'s, and seeded with the identity', () => {
    const world = worldOf(page(fence('azurecli', 'az identity show -n myIdentity -g myGroup')));
    expect(world.grants).toEqual([expect.objectContaining({ role: 'Storage Blob Data Reader', principal: { kind: 'identity', name: 'myIdentity' }, origin: 'stated', scope: expect.objectContaining({ kind: 'resource', role: 'storage-account', name: 'mystorageacct' }) })]);
    const s = scenarioForWorld(base, world);
    const identity = s.userAssignedIdentities.find((i) => i.name === 'myIdentity');
    expect(identity).toBeDefined();
    expect(s.roleAssignments).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'Storage Blob Data Reader', principalId: identity!.principalId, scope: expect.stringMatching(/\/storageAccounts\/mystorageacct$/) })]));
    expect(s.roleAssignments.some((a) => a.role === 'Storage Blob Data Reader' && a.principalId === s.vm.systemAssigned?.principalId)).toBe(false);
  });

  it('a managed identity on a page without a user-assigned one is still the VM\'s', () => {
    const world = worldOf(['# VM\n', 'Grant the VM\'s managed identity the Reader role on the resource group.\n', fence('azurecli', 'az group show -n myGroup')].join('\n'));
    expect(world.grants).toEqual([expect.objectContaining({ role: 'Reader', principal: { kind: 'vm' } })]);
  });

  it('stated-grant-to-created-identity-was-dropped: a grant stated for an identity the page creates is made when the emulator creates it', async () => {
    const world = worldOf([
      '# Create an identity and let it read\n',
      fence('azurecli', 'az identity create -g mi-test -n pageIdentity'),
      'In the portal, assign the identity the Reader role on the resource group mi-test.\n',
    ].join('\n'));
    expect(world.grants).toEqual([expect.objectContaining({ role: 'Reader', principal: { kind: 'identity', name: 'pageIdentity' }, origin: 'stated' })]);
    const scenario = scenarioForWorld(base, world);
    expect(scenario.userAssignedIdentities).toEqual([]); // the page's own command creates it
    expect(scenario.identityGrants).toEqual([expect.objectContaining({ identity: 'pageIdentity', role: 'Reader', scope: `/subscriptions/${base.subscriptionId}/resourceGroups/mi-test` })]);

    const emu = await startEmulator({ scenario });
    const agent = createEmulatorDispatcher(emu);
    try {
      const reader = scenario.principals.find((p) => p.principalId === scenario.cliPrincipal)!;
      const token = (await emu.tokens.issue({ principalId: reader.principalId, clientId: reader.clientId, resource: 'https://management.azure.com/', idtyp: 'user' })).token;
      const arm = async (method: 'PUT' | 'GET', path: string, body?: unknown) => {
        const res = await request(`https://management.azure.com${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), dispatcher: agent });
        return { status: res.statusCode, json: (await res.body.json()) as Record<string, any> };
      };
      const created = await arm('PUT', `/subscriptions/${scenario.subscriptionId}/resourceGroups/mi-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/pageIdentity?api-version=2023-01-31`, { location: 'westus' });
      expect(created.status).toBe(201);
      const principalId = created.json.properties.principalId as string;
      const list = await arm('GET', `/subscriptions/${scenario.subscriptionId}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=${encodeURIComponent(`principalId eq '${principalId}'`)}`);
      expect(list.status).toBe(200);
      expect(list.json.value).toHaveLength(1);
      expect(list.json.value[0].properties.scope.toLowerCase()).toBe(`/subscriptions/${scenario.subscriptionId}/resourcegroups/mi-test`);
    } finally {
      await agent.close();
      await emu.close();
    }
  });
});
