// defect: a documentation page older than Azure's role won over the az listing, so the catalog (and the
// emulator, which grants from it) still let Key Vault Reader create deployments: Azure removed
// Microsoft.Resources/deployments/* from the role on 2026-04-20, after security.md's ms.date 2026-02-23.
// The later of the two copies wins: the listing is dated by its snapshot, the page by its ms.date.
import { describe, expect, it } from 'vitest';
import { renderRoleCatalog, type RoleCatalog } from '../../src/reference/role-catalog-source.ts';
import { catalogRole } from '../../src/reference/rbac.ts';

const GUID = '11111111-2222-4333-8444-555555555555';
const block = (actions: string[]) => ({ id: `/providers/Microsoft.Authorization/roleDefinitions/${GUID}`, roleName: 'Example Role', permissions: [{ actions, notActions: [], dataActions: [], notDataActions: [] }] });
const page = (date: string | undefined) => ({
  file: 'x.md',
  text: `<!-- source: MicrosoftDocs/azure-docs articles/x.md @ ${'a'.repeat(40)} (10 chars) -->\n${date ? `<!-- ms.date: ${date} -->\n` : ''}<!-- complete: -->\n\`\`\`json\n${JSON.stringify(block(['A/read', 'B/*']))}\n\`\`\`\n`,
});
const snapshot = (updatedOn: string) => ({
  repo: 'r/s', folder: 'azure-roles', commit: 'c'.repeat(40), date: '2026-08-22',
  files: [{ path: 'azure-roles/Example Role.json', text: JSON.stringify({ ...block(['A/read']), name: GUID, roleType: 'BuiltInRole', description: 'd', updatedOn }) }],
});
const render = (date: string | undefined, updatedOn: string) => JSON.parse(renderRoleCatalog([page(date)], snapshot(updatedOn))) as RoleCatalog;

describe('the role catalog keeps the newer of two copies of a role', () => {
  it('takes the az listing when Azure updated the role after the page was refreshed, and says so', () => {
    const c = render('2026-02-23', '2026-04-20T15:12:18+00:00');
    expect(c.roles[0]!.actions).toEqual(['A/read']);
    expect(c.disagreements[0]!.kept).toMatch(/listed 2026-08-22, after the page's ms.date 2026-02-23; Azure updated the role on 2026-04-20/);
  });
  // defect: compute.md (ms.date 2025-09-03) lacks disks/beginGetAccess that Disk Restore Operator got on
  // 2025-08-21: a page's ms.date can be later than its content, and the page's stricter copy was kept.
  it('takes the later listing even when the role\'s updatedOn is before the page\'s ms.date', () => {
    const c = render('2026-05-01', '2026-04-20T00:00:00+00:00');
    expect(c.roles[0]!.actions).toEqual(['A/read']);
    expect(c.disagreements[0]!.kept).toMatch(/listed 2026-08-22, after the page's ms.date 2026-05-01/);
  });
  it('keeps the page when it is the later copy, or when its date was not recorded', () => {
    expect(render('2026-09-01', '2026-04-20T00:00:00+00:00').roles[0]!.actions).toEqual(['A/read', 'B/*']);
    expect(render(undefined, '2026-04-20T00:00:00+00:00').roles[0]!.actions).toEqual(['A/read', 'B/*']);
  });
  it('Key Vault Reader is today\'s role: no Microsoft.Resources/deployments/*', () => {
    const r = catalogRole('Key Vault Reader');
    expect(r?.actions).not.toContain('Microsoft.Resources/deployments/*');
    expect(r?.dataActions).toContain('Microsoft.KeyVault/vaults/secrets/readMetadata/action');
  });
});
