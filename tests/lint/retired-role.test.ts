// defect: a grant of a retired role looked sufficient silently. The Media Services roles are still on
// the RBAC documentation's role page (web-and-mobile.md) without a word of retirement, so the catalog
// held them as live roles, and a page granting "Media Services Account Administrator" got nothing to
// say the service and its roles are gone ("Azure Media Services will be retired June 30th, 2024";
// az role definition list stopped listing them on 2025-06-24). The catalog now keeps each retirement
// with its source (field `retired`), and the page gets a warning where it grants such a role.
import { describe, expect, it } from 'vitest';
import { catalogRole } from '../../src/reference/rbac.ts';
import { lintText } from './helpers.ts';

const page = (role: string, how: 'az' | 'prose' = 'az'): string =>
  [
    '# Let the function manage the Media Services account',
    '',
    how === 'az'
      ? ['```azurecli', `az role assignment create --assignee-object-id <PRINCIPAL ID> --assignee-principal-type ServicePrincipal --role "${role}" --scope "/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>/providers/Microsoft.Media/mediaservices/<ACCOUNT NAME>"`, '```'].join('\n')
      : `Assign the **${role}** role to the function app's managed identity on the Media Services account.`,
    '',
  ].join('\n');

const retiredRole = (text: string) => lintText(text).filter((f) => f.rule === 'retired-role');

describe('defect: a grant of a retired role looked sufficient silently', () => {
  it('the catalog keeps the retirement of the Media Services roles, with its source and the day az stopped listing them', () => {
    const role = catalogRole('Media Services Account Administrator');
    expect(role?.retired).toMatchObject({ status: 'retired', date: '2024-06-30', wording: 'Azure Media Services will be retired June 30th, 2024' });
    expect(role?.retired?.source).toMatch(/learn\.microsoft\.com\/azure\/media-services/);
    expect(role?.retired?.unlisted).toMatch(/easimon\/azure-builtin-roles 771e00bea67 \(2025-06-24\)/);
    // What Azure's own definition says is read from it: '(Deprecated)' names, planned deprecations.
    expect(catalogRole('Purview role 1 (Deprecated)')?.retired).toMatchObject({ status: 'deprecated', wording: 'Deprecated role.' });
    expect(catalogRole('AcrImageSigner')?.retired).toMatchObject({ status: 'planned', date: '2028-03-31' });
    expect(catalogRole('Storage Blob Data Reader')?.retired).toBeUndefined();
  });

  it('az role assignment create of a Media Services role: a warning on the grant naming the retirement and its source', () => {
    const text = page('Media Services Account Administrator');
    const hits = retiredRole(text);
    expect(hits.map((f) => [f.line, f.severity])).toEqual([[4, 'warning']]);
    expect(hits[0]!.message).toMatch(/^az role assignment create assigns 'Media Services Account Administrator', which belongs to a retired service \(2024-06-30\): "Azure Media Services will be retired June 30th, 2024" \(.*security-rbac-concept.*\); az role definition list no longer lists it/);
  });

  it('a grant stated in prose is reported too; a deprecation announced for later is a note', () => {
    expect(retiredRole(page('Media Services Media Operator', 'prose')).map((f) => [f.line, f.severity])).toEqual([[3, 'warning']]);
    const planned = retiredRole(page('AcrImageSigner'));
    expect(planned.map((f) => f.severity)).toEqual(['note']);
    expect(planned[0]!.message).toMatch(/is to be removed \(2028-03-31\): Azure's definition says "Planned DEPRECATION on March 31, 2028/);
  });

  it('a live role is silent', () => {
    expect(retiredRole(page('Storage Blob Data Reader'))).toEqual([]);
    expect(retiredRole(page('Contributor', 'prose'))).toEqual([]);
  });
});
