// The emulator's built-in roles come from the generated catalog (src/reference/built-in-roles.json),
// as do the role names the World recognises in prose: one definition of each role. The copies
// disagreed: the emulator's hand list and the lint each had a findRole (the lint's also took
// "‘Reader’" in smart quotes, which ARM and az never resolve), each had its wildcard matcher, and the
// run's World recognised only the emulator's 11 names in prose while the lint's recognised all 929.
import { describe, expect, it } from 'vitest';
import { builtInRoles, findRole } from '../../src/emulator/roles.ts';
import { catalogRole, findRole as findPageRole, roleCatalog } from '../../src/reference/rbac.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { inferWorld } from '../../src/world/infer.ts';
import { builtInRoleName } from '../../src/world/stated.ts';

describe("the emulator's roles are the catalog's", () => {
  it('each modelled role is the catalog role of that id, to the description (no copy to drift)', () => {
    // Every catalog role the emulator can evaluate as one permission list: the eleven the tutorials use, and the rest
    // (the emulator modelled only those eleven; a page granting Virtual Machine Contributor was not judged).
    const names = builtInRoles().map((r) => r.roleName);
    expect(names).toEqual(expect.arrayContaining([
      'Owner', 'Contributor', 'Reader', 'Storage Blob Data Reader', 'Storage Blob Data Contributor', 'Storage Account Contributor',
      'Storage Account Key Operator Service Role', 'Key Vault Secrets User', 'Key Vault Reader', 'Key Vault Secrets Officer', 'Key Vault Administrator',
      'Virtual Machine Contributor', 'Key Vault Crypto User', 'Role Based Access Control Administrator', 'Locks Contributor',
    ]));
    expect(names).toHaveLength(roleCatalog().roles.filter((r) => !r.conditional && r.description !== undefined && r.retired?.status !== 'retired').length);
    // Not modelled: a conditional role, a role of a retired service.
    expect(names).not.toContain('Key Vault Data Access Administrator');
    expect(names).not.toContain('Media Services Account Administrator');
    for (const r of builtInRoles()) expect(r).toEqual(roleCatalog().roles.find((c) => c.id === r.id));
    expect(findRole('Storage Blob Data Reader')?.dataActions).toEqual(['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']);
  });
  it('resolves as ARM does: name in any case, GUID, definition id; never a name in quotes, never a role it does not model', () => {
    expect(findRole('reader')?.id).toBe('acdd72a7-3385-48ef-bd42-f606fba81ae7');
    expect(findRole('/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/ACDD72A7-3385-48EF-BD42-F606FBA81AE7/')?.roleName).toBe('Reader');
    // The lint reads the page's "‘Reader’" as the role it meant; ARM has no role of that name.
    expect(findPageRole('\u2018Reader\u2019')?.roleName).toBe('Reader');
    expect(findRole('\u2018Reader\u2019')).toBeUndefined();
    expect(catalogRole('\u2018Reader\u2019')).toBeUndefined();
    // A real role the emulator does not model (its ABAC condition is not evaluated): in the catalog, not among the emulator's definitions.
    expect(catalogRole('Key Vault Data Access Administrator')?.conditional).toBe(true);
    expect(findRole('Key Vault Data Access Administrator')).toBeUndefined();
    expect(findRole('Key Vault Crypto User')?.id).toBe('12338af0-0e69-4776-bea7-57ae8d297424');
  });
});

describe('the World recognises role names from the catalog, for the run as for the lint', () => {
  it('a stated grant of a catalog role the emulator does not model is read (the run read only the emulator\'s 11 names)', () => {
    const text = '# Page\n\nGrant the VM\'s managed identity the Key Vault Crypto User role on the key vault.\n';
    const world = inferWorld({ tutorial: parseTutorialText(text, 'p.md'), text, valueOf: () => undefined, defaults: { resourceGroup: 'rg' } });
    expect(world.grants.map((g) => [g.role, g.principal.kind, g.origin])).toEqual([['Key Vault Crypto User', 'vm', 'stated']]);
  });
  it('a dashed spelling of a name that has a dash of its own is the role (the old fold compared it with the unfolded name)', () => {
    expect(builtInRoleName('storage-blob-data-reader')).toBe('Storage Blob Data Reader');
    expect(builtInRoleName('azure-edge-on-site-deployment-engineer')).toBe('Azure Edge On-Site Deployment Engineer');
    expect(builtInRoleName('Readr')).toBeUndefined();
  });
});
