// The RBAC what-if's parts: the generated built-in role catalog (current with its sources, each
// source recorded), Azure's matching rules, the decision, and the permission each request needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentationRoles, renderRoleCatalog, type RoleCatalog } from '../../src/reference/role-catalog-source.ts';
import { actionMatches, findRole, roleCatalog, whatIf } from '../../src/reference/rbac.ts';
import { azNeed, requestNeed } from '../../src/reference/operation-actions.ts';

const root = join(import.meta.dirname, '..', '..');
const BLOB_READ = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';

describe('built-in role catalog', () => {
  const dir = join(root, 'src/reference/rbac');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));

  it('holds every role of the documentation pages copied into src/reference/rbac/*.md exactly as its page gives it, with the description az lists', () => {
    const docs = documentationRoles(pages);
    expect(docs.roles.length).toBe(428); // blocks: five roles are on two pages
    // a role Azure has renamed since the page was read carries the name az resolves today, and says so
    const renamed = new Set(roleCatalog().disagreements.filter((d) => d.differs.includes('roleName')).map((d) => d.roleName));
    const notListed = new Set(roleCatalog().disagreements.filter((d) => d.differs.includes('not listed by az role definition list')).map((d) => d.roleName));
    // a role whose listing (dated by its snapshot) is later than the page's ms.date is the listing's (role-catalog-dates.test.ts), and says so
    const newer = new Set(roleCatalog().disagreements.filter((d) => /after the page's ms\.date/.test(d.kept)).map((d) => d.roleName));
    expect(newer.size).toBe(65); // 62 updated after the page, 3 whose page is dated after its content (Disk Restore Operator…)
    for (const r of docs.roles) {
      if (newer.has(r.roleName)) continue;
      // a role on two pages: the more recently refreshed page's copy is the catalog's
      if (findRole(r.id)?.source !== r.source && roleCatalog().roles.some((x) => x.id === r.id && x.source.endsWith('.md'))) continue;
      // `retired` is the listing's or retired-roles.json's word, not the page's (tests/lint/retired-role.test.ts).
      const { description, retired: _retired, ...held } = findRole(r.id)!;
      expect(held).toEqual(renamed.has(r.roleName) ? { ...r, roleName: held.roleName } : r);
      // The pages' blocks were copied without descriptions; az role definition list gives them (not for a role it does not list).
      if (!notListed.has(r.roleName)) expect(description, r.roleName).toMatch(/\w/);
    }
    expect(findRole('Reader')?.description).toBe('View all resources, but does not allow you to make any changes.');
    expect(findRole('Logic Apps Standard Contributor')?.id).toBe('ad710c24-b039-4e85-a019-deb4a06e8570');
  });

  it('records repo, path and commit of every source; the az role definition list snapshot supplies the rest, with its date', () => {
    const { sources, roles } = roleCatalog();
    const docs = sources.filter((s) => s.repo === 'MicrosoftDocs/azure-docs');
    for (const s of docs) expect(s.path).toMatch(/^articles\/role-based-access-control\/built-in-roles\/[a-z-]+\.md$/);
    for (const s of sources) expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    const snapshot = sources.find((s) => s.repo === 'easimon/azure-builtin-roles');
    expect(snapshot).toMatchObject({ path: 'azure-roles/', complete: true });
    expect(snapshot?.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // every role comes from a recorded source; a page whose every role another page or a newer listing
    // supplies (quantum.md: its one role is on compute.md, refreshed later) stays recorded
    const paths = new Set(sources.map((s) => s.path));
    for (const r of roles) expect(paths, r.roleName).toContain(r.source);
    for (const s of docs) expect(s.roles, s.path).toBeGreaterThan(0);
    // every listed role is in the catalog once; a documented role az does not list is kept and said
    const notListed = roleCatalog().disagreements.filter((d) => d.differs.includes('not listed by az role definition list')).length;
    expect(roles.length).toBe((snapshot?.roles ?? 0) + notListed);
    expect(new Set(roles.map((r) => r.id)).size).toBe(roles.length);
    expect(new Set(roles.map((r) => r.roleName.toLowerCase())).size).toBe(roles.length);
  });

  it('renders a snapshot role from az role definition list output; a documented role keeps the page and a difference is recorded', () => {
    const listed = (name: string, id: string, actions: string[]) =>
      JSON.stringify({ name: id, id: `/providers/Microsoft.Authorization/roleDefinitions/${id}`, roleName: name, roleType: 'BuiltInRole', permissions: [{ actions, notActions: [], dataActions: [], notDataActions: [], condition: null }] });
    const general = pages.filter((p) => p.file === 'general.md');
    const text = renderRoleCatalog(general, {
      repo: 'o/r', folder: 'azure-roles', commit: 'c'.repeat(40), date: '2026-01-01T00:00:00Z',
      files: [
        { path: 'azure-roles/Reader.json', text: listed('Reader', 'acdd72a7-3385-48ef-bd42-f606fba81ae7', ['*/read', 'X/extra']) },
        { path: 'azure-roles/AcrPull.json', text: listed('AcrPull', '7f951dda-4ed3-4680-a7ca-43fe172d538d', ['Microsoft.ContainerRegistry/registries/pull/read']) },
      ],
    });
    const cat = JSON.parse(text) as RoleCatalog;
    expect(cat.roles.map((r) => [r.roleName, r.source, r.conditional])).toEqual([
      ['AcrPull', 'azure-roles/', false],
      ['Reader', 'articles/role-based-access-control/built-in-roles/general.md', false],
    ]);
    expect(cat.roles[1]?.actions).toEqual(['*/read']);
    expect(cat.disagreements).toEqual([{ roleName: 'Reader', differs: ['actions'], kept: 'articles/role-based-access-control/built-in-roles/general.md' }]);
    expect(() => renderRoleCatalog([], { repo: 'o/r', folder: 'azure-roles', commit: 'c', date: 'd', files: [{ path: 'azure-roles/x.json', text: JSON.stringify({ name: 'x', roleType: 'CustomRole', roleName: 'x', permissions: [] }) }] })).toThrow(/not a built-in role/);
  });

  it('keeps one copy of a role two pages hold: the more recently refreshed page, with any difference said', () => {
    const block = (actions: string[]) => `\`\`\`json\n${JSON.stringify({ id: '/providers/Microsoft.Authorization/roleDefinitions/c1410b24-3e69-4857-8f86-4d0a2e603250', roleName: 'Quantum Workspace Data Contributor', permissions: [{ actions, notActions: [], dataActions: [], notDataActions: [] }] })}\n\`\`\``;
    const page = (name: string, date: string, actions: string[]) => ({ file: `${name}.md`, text: `<!-- source: MicrosoftDocs/azure-docs articles/x/${name}.md @ ${'a'.repeat(40)} (9 chars) -->\n<!-- ms.date: ${date} -->\n<!-- complete: -->\n${block(actions)}\n` });
    const cat = JSON.parse(renderRoleCatalog([page('compute', '2025-09-03', ['A/read']), page('quantum', '2026-01-01', ['A/read', 'B/read'])], { repo: 'o/r', folder: 'azure-roles', commit: 'c'.repeat(40), date: 'd', files: [] })) as RoleCatalog;
    expect(cat.roles.map((r) => [r.source, r.actions])).toEqual([['articles/x/quantum.md', ['A/read', 'B/read']]]);
    expect(cat.disagreements[0]).toEqual({ roleName: 'Quantum Workspace Data Contributor', differs: ['actions (articles/x/compute.md)'], kept: 'articles/x/quantum.md (the more recently refreshed page)' });
  });

  it('covers the roles of every service, not only storage and security', () => {
    expect(findRole('AcrPull')?.id).toBe('7f951dda-4ed3-4680-a7ca-43fe172d538d');
    expect(findRole('Website Contributor')?.actions).toContain('Microsoft.Web/sites/*');
    expect(findRole('Virtual Machine Contributor')?.id).toBe('9980e02c-c2be-4d73-94e8-173b1dc7cf3c');
    expect(findRole('Monitoring Reader')?.id).toBe('43d0d8ad-25c7-4714-9337-8ba259a9fe05');
    expect(findRole('Role Based Access Control Administrator')?.actions).toContain('Microsoft.Authorization/roleAssignments/write');
  });

  it('has the roles the tutorials grant, with their documented ids', () => {
    expect(findRole('Reader')?.id).toBe('acdd72a7-3385-48ef-bd42-f606fba81ae7');
    expect(findRole('\u2018Reader\u2019')?.roleName).toBe('Reader');
    expect(findRole('storage blob data reader')?.id).toBe('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
    expect(findRole('/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6')?.roleName).toBe('Key Vault Secrets User');
    expect(findRole('Virtual Machine Wizard')).toBeUndefined();
  });
});

describe('what-if', () => {
  it('matches permissions as Azure does: * spans segments, names compare without case', () => {
    expect(actionMatches('*/read', 'Microsoft.Resources/subscriptions/resourceGroups/read')).toBe(true);
    expect(actionMatches('Microsoft.Storage/storageAccounts/*', 'microsoft.storage/storageaccounts/listServiceSas/action')).toBe(true);
    expect(actionMatches('Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/keys/read')).toBe(false);
  });

  it('Reader grants no data action: a blob read is denied, and Storage Blob Data Reader is the role to use', () => {
    const r = whatIf(['Reader'], { kind: 'dataAction', name: BLOB_READ });
    expect(r.verdict).toBe('denied');
    if (r.verdict === 'denied') expect(r.suggestion?.roleName).toBe('Storage Blob Data Reader');
    expect(whatIf(['Owner'], { kind: 'dataAction', name: BLOB_READ }).verdict).toBe('denied');
  });

  it('data roles permit their data actions; NotActions subtract', () => {
    expect(whatIf(['Reader', 'Storage Blob Data Contributor'], { kind: 'dataAction', name: BLOB_READ }).verdict).toBe('permitted');
    expect(whatIf(['Contributor'], { kind: 'action', name: 'Microsoft.Authorization/roleAssignments/write' }).verdict).toBe('denied');
    expect(whatIf(['Contributor'], { kind: 'action', name: 'Microsoft.Storage/storageAccounts/listServiceSas/action' }).verdict).toBe('permitted');
    const set = whatIf(['Key Vault Secrets User'], { kind: 'dataAction', name: 'Microsoft.KeyVault/vaults/secrets/setSecret/action' });
    expect(set.verdict === 'denied' && set.suggestion?.roleName).toBe('Key Vault Secrets Officer');
  });

  it('a role outside the catalog (custom, or not generated yet) or with a condition decides nothing', () => {
    expect(whatIf(['Reader', 'My Custom Role'], { kind: 'dataAction', name: BLOB_READ })).toEqual({ verdict: 'unknown', because: ['My Custom Role'] });
    expect(whatIf(['Key Vault Data Access Administrator'], { kind: 'dataAction', name: BLOB_READ }).verdict).toBe('unknown');
  });
});

describe('operation → permission', () => {
  it('Blob storage data operations', () => {
    expect(requestNeed('GET', 'https://<STORAGE ACCOUNT>.blob.core.windows.net/<CONTAINER NAME>/<FILE NAME>?api-version=2016-09-01')).toMatchObject({ kind: 'dataAction', name: BLOB_READ });
    expect(requestNeed('PUT', 'https://acct.blob.core.windows.net/c/b.txt')?.name).toBe('Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write');
    expect(requestNeed('GET', 'https://acct.blob.core.windows.net/c?restype=container&comp=list')?.name).toBe(BLOB_READ);
    expect(requestNeed('PUT', 'https://acct.blob.core.windows.net/c?restype=container')).toMatchObject({ kind: 'action', name: 'Microsoft.Storage/storageAccounts/blobServices/containers/write' });
  });
  it('Key Vault secrets', () => {
    expect(requestNeed('GET', 'https://kv.vault.azure.net/secrets/s?api-version=7.4')?.name).toBe('Microsoft.KeyVault/vaults/secrets/getSecret/action');
    expect(requestNeed('PUT', 'https://kv.vault.azure.net/secrets/s?api-version=7.4')?.name).toBe('Microsoft.KeyVault/vaults/secrets/setSecret/action');
    expect(requestNeed('GET', 'https://kv.vault.azure.net/secrets?api-version=7.4')?.name).toBe('Microsoft.KeyVault/vaults/secrets/readMetadata/action');
  });
  it('Resource Manager by its naming convention', () => {
    expect(requestNeed('GET', 'https://management.azure.com/subscriptions/s/resourceGroups/g?api-version=2021-04-01')?.name).toBe('Microsoft.Resources/subscriptions/resourceGroups/read');
    expect(requestNeed('POST', 'https://management.azure.com/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a/listServiceSas/?api-version=2017-06-01')?.name).toBe('Microsoft.Storage/storageAccounts/listServiceSas/action');
    expect(requestNeed('PUT', 'https://management.azure.com/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v/secrets/x?api-version=2023-07-01')?.name).toBe('Microsoft.KeyVault/vaults/secrets/write');
    expect(requestNeed('GET', 'https://example.com/x')).toBeUndefined();
  });
});

describe('suggestions and az data-plane commands', () => {
  it('suggests the role that reaches least beyond the need (not merely the fewest permissions)', () => {
    const suggest = (name: string) => (whatIf(['Reader'], { kind: 'dataAction', name }) as { suggestion?: { roleName: string } }).suggestion?.roleName;
    // Key Vault Certificate User also lists keys, but reads certificates and secrets too
    expect(suggest('Microsoft.KeyVault/vaults/keys/read')).toBe('Key Vault Crypto User');
    // Key Vault Administrator's vaults/* is the whole vault
    expect(suggest('Microsoft.KeyVault/vaults/keys/create/action')).toBe('Key Vault Crypto Officer');
    expect(suggest('Microsoft.KeyVault/vaults/secrets/setSecret/action')).toBe('Key Vault Secrets Officer');
    expect(suggest('Microsoft.KeyVault/vaults/secrets/getSecret/action')).toBe('Key Vault Secrets User');
    expect(suggest(BLOB_READ)).toBe('Storage Blob Data Reader');
    expect(suggest('Microsoft.Storage/storageAccounts/queueServices/queues/messages/add/action')).toBe('Storage Queue Data Message Sender');
    // the service's own role, not another product's that also writes blobs (CosmosDB Fleet Analytics Storage Data Writer)
    expect(suggest('Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write')).toBe('Storage Blob Data Contributor');
    // not a preview role made for one service's identity (Operator Nexus Key Vault Writer Service Role (Preview))
    expect(suggest('Microsoft.KeyVault/vaults/secrets/setSecret/action')).toBe('Key Vault Secrets Officer');
  });

  it('az keyvault commands always use a token; az storage commands only with --auth-mode login', () => {
    expect(azNeed(['keyvault', 'secret', 'show'], false)).toMatchObject({ name: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', service: 'vault' });
    expect(azNeed(['keyvault', 'key', 'list'], false)).toMatchObject({ name: 'Microsoft.KeyVault/vaults/keys/read' });
    expect(azNeed(['storage', 'blob', 'upload'], false)).toBeUndefined();
    expect(azNeed(['storage', 'blob', 'upload'], true)).toMatchObject({ name: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write', service: 'storage-account' });
    expect(azNeed(['keyvault', 'show'], false)).toBeUndefined();
  });

  it('the Key Vault and Storage data roles of the documentation are in the catalog, with their ids', () => {
    expect(findRole('Key Vault Crypto Officer')?.id).toBe('14b46e9e-c2b7-41b4-b07b-48a6ebf60603');
    expect(findRole('Key Vault Administrator')?.dataActions).toEqual(['Microsoft.KeyVault/vaults/*']);
    expect(findRole('Storage Queue Data Contributor')?.id).toBe('974c5e8b-45b9-4653-ba55-5f855dd0fb88');
    expect(findRole('Storage Table Data Reader')?.dataActions).toEqual(['Microsoft.Storage/storageAccounts/tableServices/tables/entities/read']);
    const security = roleCatalog().sources.find((s) => s.path.endsWith('/security.md'));
    expect(security).toMatchObject({ complete: true, roles: 27, chars: 82607 });
  });
});
