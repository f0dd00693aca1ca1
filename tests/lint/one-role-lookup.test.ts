// Defect: two lookups of one role catalog (builtInRole by exact name, catalogRole by name, GUID or
// definition id) disagreed: lint's example-ids check knew a --role only by name, so a role given by
// its GUID (as az accepts it) was never compared with the example's roleDefinitionId. One lookup now.
import { describe, expect, it } from 'vitest';
import { catalogRole } from '../../src/reference/rbac.ts';
import { CLEAN_DOCFX, lintText, mutate } from './helpers.ts';

const ROLE_LINE = '--role "Storage Blob Data Reader"';
const READER_GUID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7';

describe('defect: a --role given by GUID was unknown to lint\'s role lookup', () => {
  it('resolves a name, a GUID and a definition id to the same catalog role', () => {
    const byName = catalogRole('Storage Blob Data Reader');
    expect(byName?.id).toBe('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1');
    expect(catalogRole(byName!.id)).toBe(byName);
    expect(catalogRole(`/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/${byName!.id}`)).toBe(byName);
    expect(catalogRole("'Storage Blob Data Reader'")).toBeUndefined();
  });

  it('a --role GUID whose example shows another roleDefinitionId is reported; the matching GUID is not', () => {
    const other = mutate(CLEAN_DOCFX, ROLE_LINE, (l) => l.replace(ROLE_LINE, `--role ${READER_GUID}`));
    const found = lintText(other.text).filter((f) => f.rule === 'example-ids-inconsistent' && /roleDefinitionId/.test(f.message));
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(new RegExp(`roleDefinitionId ends with 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1, but --role Reader is role definition ${READER_GUID}`))]);
    const same = mutate(CLEAN_DOCFX, ROLE_LINE, (l) => l.replace(ROLE_LINE, '--role 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'));
    expect(lintText(same.text).filter((f) => f.rule === 'example-ids-inconsistent' && /roleDefinitionId/.test(f.message))).toEqual([]);
  });
});
