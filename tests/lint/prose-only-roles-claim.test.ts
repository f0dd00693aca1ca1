// Issue 16 session 11 (lead): "Of the built-in roles, only Owner and User Access Administrator are
// granted access to this operation" judged against the built-in role catalog. The corpus page
// role-assignments-rest.md says it of roleAssignments/write, which Role Based Access Control
// Administrator also holds (its golden lists the defect); custom-roles-rest.md says it of
// roleDefinitions/write, which is true and stays silent.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const rule = 'prose-only-roles-claim';
const ROLE_ASSIGNMENTS_REST = 'tests/corpus/articles/role-based-access-control/role-assignments-rest.md';

// MicrosoftDocs/azure-docs articles/role-based-access-control/custom-roles-rest.md @24733d55a9a4b331204a2cce1c3ab882f1734b76,
// the sentences of its "Create a custom role" and "Delete a custom role" sections, byte for byte.
const CUSTOM_ROLES_REST = [
  'To create a custom role, use the [Role Definitions - Create Or Update](/rest/api/authorization/role-definitions/create-or-update) REST API. To call this API, you must be signed in with a user that is assigned a role that has the `Microsoft.Authorization/roleDefinitions/write` permission on all the `assignableScopes`. Of the built-in roles, only [Owner](built-in-roles.md#owner) and [User Access Administrator](built-in-roles.md#user-access-administrator) include this permission.',
  '',
  'To delete a custom role, use the [Role Definitions - Delete](/rest/api/authorization/role-definitions/delete) REST API. To call this API, you must be signed in with a user that is assigned a role that has the `Microsoft.Authorization/roleDefinitions/delete` permission on all the `assignableScopes`. Of the built-in roles, only [Owner](built-in-roles.md#owner) and [User Access Administrator](built-in-roles.md#user-access-administrator) include this permission.',
  '',
].join('\n');

describe('prose-only-roles-claim', () => {
  it('role-assignments-rest.md: "only Owner and User Access Administrator" hold roleAssignments/write — Role Based Access Control Administrator does too', () => {
    const text = readRepoFile(ROLE_ASSIGNMENTS_REST);
    const hits = ruleFindings(rule, ROLE_ASSIGNMENTS_REST);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, 'Of the built-in roles, only [Owner]'), 'warning']]);
    expect(hits[0]?.message).toMatch(/^"only Owner and User Access Administrator" .*Microsoft\.Authorization\/roleAssignments\/write is also granted by Role Based Access Control Administrator, /);
  });

  it('silent where the claim is true: custom-roles-rest.md, roleDefinitions/write and /delete are held by Owner and User Access Administrator only', () => {
    expect(ruleFindings(rule, 'custom-roles-rest.md', CUSTOM_ROLES_REST)).toEqual([]);
  });

  it('a wildcard the page offers as an alternative ("Microsoft.Authorization/* or …/locks/*"): Locks Contributor holds every locks operation, one by one', () => {
    // The sentence of the management-locks REST descriptions (Azure/azure-rest-api-specs ManagementLocks_CreateOrUpdate*), as pages copy it.
    const text = 'To create management locks, you must have access to `Microsoft.Authorization/*` or `Microsoft.Authorization/locks/*` actions. Of the built-in roles, only **Owner** and **User Access Administrator** are granted those actions.\n';
    const hits = ruleFindings(rule, 'locks.md', text);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.message).toMatch(/Microsoft\.Authorization\/\* or Microsoft\.Authorization\/locks\/\* is also granted by Locks Contributor, /);
    // Contributor holds "*" but its NotActions take Microsoft.Authorization/*/Write away: it is not offered.
    expect(hits[0]?.message).not.toMatch(/(?:by |, )Contributor\b/);
  });

  it('a role named that lacks the permission is said: Contributor holds no blob data action', () => {
    const text = 'Reading the blob needs `Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read`. Only the Owner and Contributor roles can do it.\n';
    const [hit] = ruleFindings(rule, 'blob.md', text);
    expect(hit?.message).toMatch(/Owner and Contributor do not grant Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/blobs\/read/);
    expect(hit?.message).toMatch(/is also granted by Storage Blob Data /);
  });

  it('silent on "only" that is not a claim about roles: "assign only the Reader role to …", a lowercase role word, no permission on the line', () => {
    const text = [
      'Assign only the Reader role to the identity; it needs `Microsoft.Storage/storageAccounts/read`.',
      '',
      'With `Microsoft.Authorization/roleAssignments/write`, only owner accounts of the subscription can proceed.',
      '',
      'Of the built-in roles, only Owner and User Access Administrator are granted access to this operation.',
      '',
    ].join('\n');
    expect(ruleFindings(rule, 'other.md', text)).toEqual([]);
  });
});
