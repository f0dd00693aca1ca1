// RBAC what-if on pages (issue 16 item 1): 002-storage-user-assigned.md grants Reader (with smart
// quotes, so the grant step itself fails) and later reads a blob with the identity's bearer token.
// Negatives are real pages where the grant fits the request: 000-storage.md (Storage Blob Data
// Reader in prose, kebab-cased, then a blob GET) and 000-arm-user-assigned.md (Reader, then an ARM GET).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseTutorialText } from '../../src/parse/index.ts';
import { findDocsetRoot, includeResolver } from '../../src/parse/docset.ts';
import { lintTutorial } from '../../src/lint/index.ts';
import type { WorldGrant } from '../../src/world/types.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const lint = (file: string, edit: (t: string) => string = (t) => t) => lintText(edit(readFileSync(join(root, file), 'utf8')), 'docfx', file).filter((f) => f.rule === 'rbac-what-if');

describe('rbac-what-if', () => {
  it('002-storage-user-assigned.md: reported on the Reader grant (line 134) and on the blob GET (line 185)', () => {
    const found = lint('tutorials/002-storage-user-assigned.md');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [134, 'error'],
      [185, 'error'],
    ]);
    expect(found[0]?.message).toBe(
      'Reader grants no data action; reading a blob (line 185) needs Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read — use Storage Blob Data Reader.',
    );
    expect(found[1]?.message).toMatch(/Reader, line 134.*Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/blobs\/read.*403.*use Storage Blob Data Reader/);
  });

  it('002: also with the smart quotes around Reader fixed (the plan, not the typo, is wrong)', () => {
    expect(lint('tutorials/002-storage-user-assigned.md', (t) => t.replace('\u2018Reader\u2019', "'Reader'")).map((f) => f.line)).toEqual([134, 185]);
  });

  it('002: silent once the grant is Storage Blob Data Reader', () => {
    expect(lint('tutorials/002-storage-user-assigned.md', (t) => t.replace('\u2018Reader\u2019', "'Storage Blob Data Reader'"))).toEqual([]);
  });

  it('silent where the page grants what the request needs (real pages)', () => {
    const storage = readFileSync(join(root, 'tutorials/000-storage.md'), 'utf8');
    expect(storage).toMatch(/assigning the storage-blob-data-reader role to the managed-identity/);
    expect(storage).toMatch(/Authorization: Bearer/);
    expect(lint('tutorials/000-storage.md')).toEqual([]);
    const arm = readFileSync(join(root, 'tutorials/000-arm-user-assigned.md'), 'utf8');
    expect(arm).toMatch(/az role assignment create[^\n]*--role 'Reader'/);
    expect(arm).toMatch(/curl https:\/\/management\.azure\.com\/[^\n]*Authorization: Bearer/);
    expect(lint('tutorials/000-arm-user-assigned.md')).toEqual([]);
  });

  it('000-storage.md: a prose grant of Reader instead would be reported on the prose line', () => {
    const found = lint('tutorials/000-storage.md', (t) => t.replace('storage-blob-data-reader role', 'Reader role'));
    expect(found.map((f) => f.line)).toContain(60);
  });
});

// The signed-in reader's own data-plane commands on a resource the page creates (rbac-reader.ts):
// warnings, since what fails follows today's defaults (az keyvault create: RBAC since Azure CLI 2.61).
// Corpus pages are read with their include files, as the CLI reads them.
const corpus = (page: string, edit: (t: string) => string = (t) => t, authorGrants: WorldGrant[] = []) => {
  const file = join(root, 'tests/corpus/articles', page);
  const text = edit(readFileSync(file, 'utf8'));
  const tutorial = parseTutorialText(text, `tests/corpus/articles/${page}`, { form: 'docfx', resolveInclude: includeResolver(findDocsetRoot(file)) });
  return lintTutorial(tutorial, { text, authorGrants }).filter((f) => f.rule === 'rbac-what-if');
};

describe('rbac-what-if: the reader on a vault or account the page creates', () => {
  it('secrets/quick-create-cli.md: an RBAC vault, no role granted: secret set (70) and show (78), and the sentence claiming the account is authorized (61)', () => {
    const found = corpus('key-vault/secrets/quick-create-cli.md');
    expect(found.map((f) => [f.line, f.severity])).toEqual([
      [61, 'warning'],
      [70, 'warning'],
      [78, 'warning'],
    ]);
    expect(found[1]?.message).toMatch(/creates the vault \(line 53: az keyvault create makes it an Azure RBAC vault.*no role on it: setting a secret needs the data action Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action.*403 \(ForbiddenByRbac\)\. Assign Key Vault Secrets Officer on the vault first, or create the vault with --enable-rbac-authorization false/);
    expect(found[2]?.message).toMatch(/reading a secret's value needs .*getSecret\/action.*Assign Key Vault Secrets User/);
    expect(found[0]?.message).toMatch(/vault uses Azure RBAC authorization \(line 53\).*command on line 70 is denied/);
  });

  it('silent when the vault is created with --enable-rbac-authorization false (access policies: the creator gets one)', () => {
    expect(read('tests/corpus/articles/key-vault/secrets/quick-create-cli.md')).toContain('--resource-group "ContosoResourceGroup" --location eastus\n```');
    expect(corpus('key-vault/secrets/quick-create-cli.md', (t) => t.replace('--resource-group "ContosoResourceGroup" --location eastus\n```', '--resource-group "ContosoResourceGroup" --location eastus --enable-rbac-authorization false\n```'))).toEqual([]);
  });

  it('silent once the page assigns the reader a role that permits both commands; a role that does not is named', () => {
    const grant = (role: string) => (t: string) =>
      t.replace('## Add a secret to Key Vault', `## Grant yourself access\n\n\`\`\`azurecli\naz role assignment create --role "${role}" --assignee "<upn>" --scope "/subscriptions/<subscription-id>/resourceGroups/ContosoResourceGroup/providers/Microsoft.KeyVault/vaults/Contoso-Vault2"\n\`\`\`\n\n## Add a secret to Key Vault`);
    expect(corpus('key-vault/secrets/quick-create-cli.md', grant('Key Vault Secrets Officer'))).toEqual([]);
    const user = corpus('key-vault/secrets/quick-create-cli.md', grant('Key Vault Secrets User'));
    expect(user.map((f) => f.message).join('\n')).toMatch(/Key Vault Secrets User does not include it; setting a secret \(line \d+\) needs Microsoft\.KeyVault\/vaults\/secrets\/setSecret\/action — use Key Vault Secrets Officer/);
    // reading the value is what Secrets User is for: only the set is reported
    expect(user.filter((f) => /reading a secret's value/.test(f.message))).toEqual([]);
  });

  it("silent when the page's sidecar grants the reader a role that permits the commands (origin author)", () => {
    const officer: WorldGrant = { role: 'Key Vault Secrets Officer', principal: { kind: 'reader' }, scope: { kind: 'resource-group', group: 'ContosoResourceGroup' }, origin: 'author', cite: { line: 1 } };
    expect(corpus('key-vault/secrets/quick-create-cli.md', (t) => t, [officer])).toEqual([]);
    // a sidecar grant that does not permit: the commands are reported, the sidecar's grant has no line of the page
    const found = corpus('key-vault/secrets/quick-create-cli.md', (t) => t, [{ ...officer, role: 'Key Vault Reader' }]);
    expect(found.map((f) => f.line)).toEqual([70, 78]);
    expect(found[0]?.message).toMatch(/\(Key Vault Reader, the sidecar\) do not permit this command/);
  });

  it('keys/quick-create-bicep.md: the Bicep vault has enableRbacAuthorization: true; Contributor (stated, line 26) has no data action: key list (the step on lines 160-163) and the PowerShell tab\'s Get-AzKeyVaultKey (line 170)', () => {
    const found = corpus('key-vault/keys/quick-create-bicep.md');
    expect(found.map((f) => [f.line, f.endLine])).toEqual([
      [26, undefined],
      [160, 163],
      [170, undefined],
    ]);
    expect(found[2]?.message).toMatch(/reading a key needs the data action Microsoft\.KeyVault\/vaults\/keys\/read, and Contributor grants no data action/);
    expect(found[0]?.message).toBe('Contributor grants no data action; listing keys (line 160) needs Microsoft.KeyVault/vaults/keys/read — use Key Vault Crypto User.');
  });

  it('keys/quick-create-bicep.md: silent once a template role assignment grants Key Vault Crypto User (its definition GUID)', () => {
    const withAssignment = (guid: string) => (t: string) =>
      t.replace(
        '## Review deployed resources',
        `## Grant yourself keys access\n\n\`\`\`bicep\nresource keysUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {\n  scope: vault\n  name: guid(vault.id, principalId, 'crypto-user')\n  properties: {\n    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '${guid}')\n    principalId: principalId\n  }\n}\n\`\`\`\n\n## Review deployed resources`,
      );
    expect(read('tests/corpus/articles/key-vault/keys/quick-create-bicep.md')).toContain('## Review deployed resources');
    expect(corpus('key-vault/keys/quick-create-bicep.md', withAssignment('12338af0-0e69-4776-bea7-57ae8d297424'))).toEqual([]);
    // Key Vault Reader (21090545-…) reads key metadata too: vaults/*/read covers keys/read
    expect(corpus('key-vault/keys/quick-create-bicep.md', withAssignment('21090545-7ca7-4776-b22c-e363652d74d2'))).toEqual([]);
    // Key Vault Secrets User (4633458b-…) does not: named on the template's line and on the command
    const found = corpus('key-vault/keys/quick-create-bicep.md', withAssignment('4633458b-17de-408a-b874-0445c86b69e6'));
    expect(found.map((f) => f.message).join('\n')).toMatch(/Key Vault Secrets User does not include it; listing keys \(line \d+\) needs Microsoft\.KeyVault\/vaults\/keys\/read — use Key Vault Crypto User/);
  });

  it('002: a REST PUT of the role assignment (curl … roleAssignments/{id}) is a grant like az role assignment create', () => {
    const put = (guid: string) => (t: string) =>
      t.replace(
        /^  az role assignment create --assignee <MSI CLIENTID>.*$/m,
        `  curl -X PUT "https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/<RESOURCE GROUP>/providers/Microsoft.Storage/storageAccounts/<STORAGE ACCOUNT NAME>/providers/Microsoft.Authorization/roleAssignments/<ASSIGNMENT ID>?api-version=2022-04-01" -H "Authorization: Bearer <ARM TOKEN>" -H "Content-Type: application/json" -d '{"properties": {"roleDefinitionId": "/subscriptions/<SUBSCRIPTION ID>/providers/Microsoft.Authorization/roleDefinitions/${guid}", "principalId": "<MSI PRINCIPALID>"}}'`,
      );
    expect(lint('tutorials/002-storage-user-assigned.md', put('acdd72a7-3385-48ef-bd42-f606fba81ae7')).map((f) => [f.line, f.message.slice(0, 30)])).toEqual([
      [134, 'Reader grants no data action; '],
      [185, 'the roles this page grants (Re'],
    ]);
    expect(lint('tutorials/002-storage-user-assigned.md', put('2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'))).toEqual([]);
  });

  it('keys/quick-create-python.md: az keyvault set-policy on the RBAC vault the included file creates, and the sentence that introduces it', () => {
    const found = corpus('key-vault/keys/quick-create-python.md');
    expect(found.map((f) => f.line)).toEqual([36, 41, 47]);
    expect(found[1]?.message).toMatch(/in an included file.*az keyvault set-policy refuses it \("Cannot set policies to a vault with '--enable-rbac-authorization' specified"\)/);
  });

  it('silent on storage pages that use the account key, or --auth-mode login on an account the page does not create', () => {
    expect(corpus('storage/blobs/storage-quickstart-blobs-cli.md')).toEqual([]);
    expect(read('tests/corpus/articles/storage/blobs/blob-containers-cli.md')).toMatch(/--auth-mode login/);
    expect(corpus('storage/blobs/blob-containers-cli.md')).toEqual([]);
  });

  it('--auth-mode login on an account the page creates, with no data role: reported', () => {
    const found = corpus('storage/blobs/storage-quickstart-blobs-cli.md', (t) => t.replace(/az storage blob list \\\n/, 'az storage blob list --auth-mode login \\\n'));
    expect(found.map((f) => f.message)).toEqual([expect.stringMatching(/creates the storage account \(in an included file.*listing blobs needs the data action Microsoft\.Storage\/storageAccounts\/blobServices\/containers\/blobs\/read.*AuthorizationPermissionMismatch.*Assign Storage Blob Data Reader/)]);
  });
});
