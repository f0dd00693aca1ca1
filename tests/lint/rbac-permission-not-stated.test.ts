// rbac-permission-not-stated on real pages: commands that write Microsoft.Authorization resources
// (role assignments, custom roles, locks) on pages that never say the reader needs a role beyond
// Contributor; silent on real pages that state it (a role in the prerequisites, the action, the
// requirement in words, prerequisites on another page).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTutorialText } from '../../src/parse/index.ts';
import { findDocsetRoot, includeResolver } from '../../src/parse/docset.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import { azAuthorizationNeed, requestNeed } from '../../src/reference/operation-actions.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = (page: string, edit: (t: string) => string = (t) => t) => {
  const file = join(root, 'tests/corpus/articles', page);
  const text = edit(readFileSync(file, 'utf8'));
  const tutorial = parseTutorialText(text, `tests/corpus/articles/${page}`, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(file)) });
  return lintTutorial(tutorial, { text }).filter((f) => f.rule === 'rbac-permission-not-stated');
};
const at = (page: string, edit?: (t: string) => string) => corpus(page, edit).map((f) => [f.line, f.severity]);

describe('rbac-permission-not-stated', () => {
  it('role-assignments-cli.md: the Prerequisites (25) list only a shell, and az role assignment create (301) needs roleAssignments/write', () => {
    const found = corpus('role-based-access-control/role-assignments-cli.md');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [25, 'warning'],
      [301, 'warning'],
    ]);
    expect(found[1]?.message).toMatch(/creating a role assignment needs Microsoft\.Authorization\/roleAssignments\/write, which Contributor does not grant.*403 AuthorizationFailed/);
  });

  it('configure-basic-auth-disable.md: az role definition create (118) and the sentence that leads it in (115); no Prerequisites section', () => {
    const found = corpus('app-service/configure-basic-auth-disable.md');
    expect(found.map((f) => f.line)).toEqual([115, 118]);
    expect(found[1]?.message).toMatch(/Microsoft\.Authorization\/roleDefinitions\/write/);
  });

  it('manage-resources-cli.md: az lock create (102) in a script, and its lead-in (95)', () => {
    const found = corpus('azure-resource-manager/management/manage-resources-cli.md');
    expect(found.map((f) => f.line)).toEqual([95, 102]);
    expect(found[1]?.message).toMatch(/creating a management lock needs Microsoft\.Authorization\/locks\/write/);
  });

  it('silent once the page names a role that grants the action (Owner, User Access Administrator, Locks Contributor) or the action', () => {
    const prereq = (role: string) => (t: string) => t.replace('To manage access, you need one of the following:', `To manage access, you need ${role} and one of the following:`);
    expect(at('role-based-access-control/role-assignments-cli.md', prereq('the User Access Administrator role'))).toEqual([]);
    expect(at('role-based-access-control/role-assignments-cli.md', prereq('Microsoft.Authorization/roleAssignments/write'))).toEqual([]);
    // lowercase "owner" is a word of English, not the role
    expect(at('role-based-access-control/role-assignments-cli.md', prereq('the owner of the app'))).toHaveLength(2);
    // a role that does not grant the action says nothing about it
    expect(at('role-based-access-control/role-assignments-cli.md', prereq('Contributor'))).toHaveLength(2);
    const lockPage = 'azure-resource-manager/management/manage-resources-cli.md';
    expect(at(lockPage, (t) => t.replace("so the account can't be deleted.", "so the account can't be deleted. You need the Locks Contributor role."))).toEqual([]);
  });

  it('silent on real pages that state it: a role in the prerequisites, the requirement in words, prerequisites on another page', () => {
    expect(at('role-based-access-control/custom-roles-cli.md')).toEqual([]); // Owner or User Access Administrator
    expect(at('role-based-access-control/tutorial-custom-role-cli.md')).toEqual([]);
    expect(at('role-based-access-control/quickstart-role-assignments-bicep.md')).toEqual([]); // roleAssignments/write, such as …
    expect(at('storage/blobs/storage-blob-user-delegation-sas-create-cli.md')).toEqual([]); // "sufficient permissions to assign Azure roles"
    expect(at('role-based-access-control/conditions-role-assignments-cli.md')).toEqual([]); // see [Conditions prerequisites](…)
    expect(at('key-vault/secrets/quick-create-cli.md')).toEqual([]); // no Authorization write
  });
});

describe('which az commands and requests write Microsoft.Authorization', () => {
  it('role assignments, custom roles and locks at every level; create-for-rbac only with --role, identity assign only with --scope', () => {
    const need = (cmd: string, ...flags: string[]) => azAuthorizationNeed(cmd.split(' '), (f) => flags.includes(f))?.name;
    expect(need('role assignment create')).toBe('Microsoft.Authorization/roleAssignments/write');
    expect(need('role assignment delete')).toBe('Microsoft.Authorization/roleAssignments/delete');
    expect(need('role definition update')).toBe('Microsoft.Authorization/roleDefinitions/write');
    expect(need('group lock delete')).toBe('Microsoft.Authorization/locks/delete');
    expect(need('lock list')).toBeUndefined();
    expect(need('ad sp create-for-rbac')).toBeUndefined();
    expect(need('ad sp create-for-rbac', '--role')).toBe('Microsoft.Authorization/roleAssignments/write');
    expect(need('vm identity assign')).toBeUndefined();
    expect(need('vm identity assign', '--scope')).toBe('Microsoft.Authorization/roleAssignments/write');
  });

  it('a provider-level POST names the action without an empty type (elevateAccess)', () => {
    expect(requestNeed('POST', 'https://management.azure.com/providers/Microsoft.Authorization/elevateAccess?api-version=2016-07-01')?.name).toBe('Microsoft.Authorization/elevateAccess/action');
  });
});

// Item 3 of the round: the Key Vault permission model on a vault the page does not create.
const whatIfOn = (page: string, edit: (t: string) => string = (t) => t) => {
  const file = join(root, 'tests/corpus/articles', page);
  const text = edit(readFileSync(file, 'utf8'));
  const tutorial = parseTutorialText(text, `tests/corpus/articles/${page}`, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(file)) });
  return lintTutorial(tutorial, { text }).filter((f) => f.rule === 'rbac-what-if');
};

describe('data access to a vault the page does not create', () => {
  it('multiline-secrets.md: az keyvault secret set (32) on the quickstart\'s vault, and the sentence that points to the quickstart (17)', () => {
    const found = corpus('key-vault/secrets/multiline-secrets.md');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [17, 'warning'],
      [32, 'warning'],
    ]);
    expect(found[1]?.message).toMatch(/setting a secret needs the data action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action.*Key Vault Secrets Officer/);
  });

  it('hsm-protected-keys-byok.md: az keyvault key create (97) on the reader\'s vault, said where the Prerequisites start (45); a link to the command\'s reference (94) is not where the vault comes from', () => {
    expect(at('key-vault/keys/hsm-protected-keys-byok.md')).toEqual([
      [45, 'warning'],
      [97, 'warning'],
    ]);
  });

  it('silent once the page names a data role, access policies, or a template that may grant access', () => {
    const say = (words: string) => (t: string) => t.replace('demonstrate how to store a single-line secret.', `demonstrate how to store a single-line secret. ${words}`);
    expect(at('key-vault/secrets/multiline-secrets.md', say('You need the Key Vault Secrets Officer role on the vault.'))).toEqual([]);
    expect(at('key-vault/secrets/multiline-secrets.md', say('Your account needs an access policy with set and get permissions.'))).toEqual([]);
    expect(at('key-vault/secrets/multiline-secrets.md', say('Deploy to Azure with the template first.'))).toEqual([]);
    // a control-plane role says nothing about the data
    expect(at('key-vault/secrets/multiline-secrets.md', say('You need the Contributor role on the vault.'))).toHaveLength(2);
  });

  it('a vault the page creates is rbac-what-if\'s (quick-create-cli.md): this rule stays silent there', () => {
    expect(at('key-vault/secrets/quick-create-cli.md')).toEqual([]);
  });

  it('overview-storage-keys.md: az keyvault set-policy (79) on the prerequisite\'s vault, which the page never says uses access policies', () => {
    const found = whatIfOn('key-vault/secrets/overview-storage-keys.md').filter((f) => /set-policy works only/.test(f.message));
    expect(found.map((f) => [f.line, f.severity])).toEqual([[79, 'warning']]);
    expect(found[0]?.message).toMatch(/access policy permission model.*Cannot set policies to a vault with '--enable-rbac-authorization' specified.*--enable-rbac-authorization false/);
    // silent once the page says the vault uses access policies ("Key Vault access policy" is a policy, not the model)
    const stated = whatIfOn('key-vault/secrets/overview-storage-keys.md', (t) => t.replace('[Create a key vault](quick-create-cli.md)', '[Create a key vault](quick-create-cli.md) that uses the Vault access policy permission model'));
    expect(stated.filter((f) => /set-policy works only/.test(f.message))).toEqual([]);
    const flag = whatIfOn('key-vault/secrets/overview-storage-keys.md', (t) => t.replace('[Create a key vault](quick-create-cli.md)', '[Create a key vault](quick-create-cli.md) with --enable-rbac-authorization false'));
    expect(flag.filter((f) => /set-policy works only/.test(f.message))).toEqual([]);
  });
});
