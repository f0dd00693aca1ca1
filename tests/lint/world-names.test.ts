// What a command needs before it can make something (page-assumes-resource: a resource group a
// deployment or `az … create` puts things in, a group a page acts on under a literal name it never
// creates, an App Service plan for az webapp create) and names that refer back to what the page made
// (inconsistent-resource-name: the group az webapp up names itself). Real pages, both ways.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';

const root = join(import.meta.dirname, '..', '..');
const corpus = (p: string) => `tests/corpus/articles/${p}`;
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);

describe('page-assumes-resource: resource groups and plans a command needs', () => {
  it('bicep/deploy-cli.md: deploys into testgroup and myResourceGroup while it creates only ExampleGroup (a group deployment never creates its group)', () => {
    const page = corpus('azure-resource-manager/bicep/deploy-cli.md');
    const f = found(page, 'page-assumes-resource');
    expect(f.map((x) => x.line)).toEqual([105, 147]);
    expect(f[0]?.message).toMatch(/resource group "testgroup", which no step creates \(the page creates "ExampleGroup" \(line 72\)\).*never creates its group.*ResourceGroupNotFound/);
    expect(f[0]?.severity).toBe('warning');
    // Not reported twice: the same names are not inconsistent-resource-name's.
    expect(found(page, 'inconsistent-resource-name')).toEqual([]);
  });
  it('silent on deploy-cli.md once the page creates the groups it deploys into, or its prerequisites give the reader a group', () => {
    const page = corpus('azure-resource-manager/bicep/deploy-cli.md');
    const created = read(page).replace('az group create --name ExampleGroup --location "Central US"', 'az group create --name ExampleGroup --location "Central US"\naz group create --name testgroup --location "Central US"\naz group create --name myResourceGroup --location "Central US"');
    expect(found(page, 'page-assumes-resource', created)).toEqual([]);
    const stated = read(page).replace('You need a Bicep file to deploy,', 'You need a resource group and a Bicep file to deploy,');
    expect(found(page, 'page-assumes-resource', stated)).toEqual([]);
  });
  it('delete-resource-group.md: deletes ExampleResourceGroup, which it never creates; the portal tab\'s "the resource group you want to delete" is not read by the CLI tab\'s reader', () => {
    const f = found(corpus('azure-resource-manager/management/delete-resource-group.md'), 'page-assumes-resource');
    expect(f.map((x) => x.line)).toEqual([65]);
    expect(f[0]?.message).toMatch(/az group delete names the resource group "ExampleResourceGroup", which the page never creates.*one who has one deletes it/);
  });
  it('deploy-local-git.md: az webapp create --plan <plan-name>, while no step creates a plan and the page never speaks of one', () => {
    const page = corpus('app-service/deploy-local-git.md');
    const f = found(page, 'page-assumes-resource');
    expect(f.map((x) => x.line)).toEqual([48]);
    expect(f[0]?.message).toMatch(/App Service plan <plan-name>, which must already exist/);
    // The group there is a placeholder: the reader's own.
    expect(f[0]?.message).not.toMatch(/group-name/);
    const planned = read(page).replace('- [Install Git]', '- An App Service plan (see [Manage an App Service plan](app-service-plan-manage.md)).\n\n- [Install Git]');
    expect(found(page, 'page-assumes-resource', planned)).toEqual([]);
  });
  it('silent where groups are placeholders, created, or named by the prose (manage-resource-groups-cli.md keeps its names for inconsistent-resource-name), and on the tutorials', () => {
    for (const p of ['key-vault/secrets/quick-create-cli.md', 'azure-functions/functions-how-to-use-azure-function-app-settings.md', 'azure-resource-manager/management/manage-resource-groups-cli.md', 'storage/common/storage-account-keys-manage.md', 'azure-resource-manager/management/tag-resources-cli.md'])
      expect(found(corpus(p), 'page-assumes-resource').filter((f) => /resource group "|App Service plan/.test(f.message)), p).toEqual([]);
    for (const t of ['000-storage-sas.md', '002-storage-user-assigned.md', '001-storage-access-key.md']) expect(found(`tutorials/${t}`, 'page-assumes-resource'), t).toEqual([]);
  });
});

describe('inconsistent-resource-name: the group az webapp up names itself', () => {
  it('quickstart-html.md: az group delete --name appsvc_rg_Windows_westeurope, a name az generated for the page writer (only the example output shows it)', () => {
    const f = found(corpus('app-service/quickstart-html.md'), 'inconsistent-resource-name');
    expect(f.map((x) => x.line)).toEqual([130]);
    expect(f[0]?.message).toMatch(/az webapp up \(line 50\) creates without --resource-group, whose name az generates/);
  });
  it('silent when az webapp up is given the group, or the clean-up names a placeholder', () => {
    const page = corpus('app-service/quickstart-html.md');
    const given = read(page).replaceAll('az webapp up --location westeurope --name <app_name> --html', 'az webapp up --location westeurope --name <app_name> --html --resource-group appsvc_rg_Windows_westeurope');
    expect(found(page, 'inconsistent-resource-name', given)).toEqual([]);
    const placeholder = read(page).replace('az group delete --name appsvc_rg_Windows_westeurope', 'az group delete --name <resource-group>');
    expect(found(page, 'inconsistent-resource-name', placeholder)).toEqual([]);
  });
});

describe('inconsistent-path', () => {
  it('create-first-function-cli-java.md: "from the *LocalFunctionProj* folder" after cd fabrikam-functions (the artifactId)', () => {
    const f = found(corpus('azure-functions/create-first-function-cli-java.md'), 'inconsistent-path');
    expect(f.map((x) => x.line)).toEqual([123]);
    expect(f[0]?.message).toMatch(/no step makes or enters a folder named LocalFunctionProj: the page's steps work in fabrikam-functions \(cd on line 93\)/);
  });
  it('tutorial-custom-role-cli.md: ReaderSupportRole.json created by bare name, read as ~/CustomRoles/ReaderSupportRole.json', () => {
    const page = corpus('role-based-access-control/tutorial-custom-role-cli.md');
    const f = found(page, 'inconsistent-path');
    expect(f.map((x) => x.line)).toEqual([58]);
    expect(f[0]?.message).toMatch(/lines 121, 228 read it as ~\/CustomRoles\/ReaderSupportRole\.json/);
    // Silent once the page says where the folder is.
    const said = read(page).replace('1. Create a new file named **ReaderSupportRole.json**.', '1. In a folder named CustomRoles in your home directory, create a new file named **ReaderSupportRole.json**.');
    expect(found(page, 'inconsistent-path', said)).toEqual([]);
  });
  it('silent where the folder is the one the page enters (create-first-function-cli-node.md, -python.md: func init LocalFunctionProj, cd LocalFunctionProj), a subfolder path (src/functions), a page without cd (deployment-zip-push.md wwwroot), and a file read as ./name (configure-authentication-api-version.md)', () => {
    for (const p of ['azure-functions/create-first-function-cli-node.md', 'azure-functions/create-first-function-cli-python.md', 'azure-functions/deployment-zip-push.md', 'app-service/configure-authentication-api-version.md', 'key-vault/secrets/quick-create-python.md', 'app-service/quickstart-html.md'])
      expect(found(corpus(p), 'inconsistent-path'), p).toEqual([]);
    expect(read(corpus('app-service/configure-authentication-api-version.md'))).toMatch(/--body @\.\/authsettings\.json/);
  });
});

describe('file-shown-after-use', () => {
  it('manage-resource-groups-cli.md: deploys storage.bicep (line 74) before the block that shows it (line 79), never saying to save it', () => {
    const page = corpus('azure-resource-manager/management/manage-resource-groups-cli.md');
    const f = found(page, 'file-shown-after-use');
    expect(f.map((x) => x.line)).toEqual([74]);
    expect(f[0]?.message).toMatch(/reads storage\.bicep, but the page shows that file only after it \(line 79\)/);
    const first = read(page).replace('To deploy an ARM template or Bicep file, use', 'Save the Bicep file shown below as storage.bicep. To deploy an ARM template or Bicep file, use');
    expect(found(page, 'file-shown-after-use', first)).toEqual([]);
  });
  it('silent where the page says to save the file before deploying it (key-vault quick-create-bicep.md: "Save the Bicep file as **main.bicep**"), and where files are shown first or stated (custom-roles-cli.md, bicep/deploy-cli.md, quickstart-role-assignments-bicep.md)', () => {
    for (const p of ['key-vault/secrets/quick-create-bicep.md', 'key-vault/keys/quick-create-bicep.md', 'role-based-access-control/custom-roles-cli.md', 'azure-resource-manager/bicep/deploy-cli.md', 'role-based-access-control/quickstart-role-assignments-bicep.md', 'role-based-access-control/tutorial-custom-role-cli.md'])
      expect(found(corpus(p), 'file-shown-after-use'), p).toEqual([]);
  });
});

describe('role-used-before-created', () => {
  it('custom-roles-cli.md: lists the custom role Virtual Machine Operator (lines 69-72) before the section that creates it (line 173)', () => {
    const page = corpus('role-based-access-control/custom-roles-cli.md');
    const f = found(page, 'role-used-before-created');
    expect(f.map((x) => [x.line, x.endLine])).toEqual([[69, 72]]);
    expect(f[0]?.message).toMatch(/"Virtual Machine Operator" is used here, but the page creates it only on line 173/);
  });
  it('silent where the page creates its custom role first (tutorial-custom-role-cli.md), on built-in roles, and on placeholders (role-assignments-cli.md)', () => {
    for (const p of ['role-based-access-control/tutorial-custom-role-cli.md', 'role-based-access-control/role-assignments-cli.md', 'role-based-access-control/conditions-role-assignments-cli.md'])
      expect(found(corpus(p), 'role-used-before-created'), p).toEqual([]);
    const text = read(corpus('role-based-access-control/tutorial-custom-role-cli.md'));
    expect(text.indexOf('az role definition create')).toBeLessThan(text.indexOf('az role definition list'));
  });
});

describe('prose-value-differs', () => {
  it('blob-containers-cli.md: "the prefix *container-*" while the block passes --prefix $containerPrefix (demo-container-); silent on "the **demo-container-** prefix" (line 130)', () => {
    const f = found(corpus('storage/blobs/blob-containers-cli.md'), 'prose-value-differs');
    expect(f.map((x) => x.line)).toEqual([89]);
    expect(f[0]?.message).toMatch(/prefix "container-", but the command that follows passes \(line 107\) "demo-container-"/);
  });
  it('silent where the prose names the value the command passes ("the *eastus* location", quick-create-cli.md) or the next command has no such option (create-first-function-cli-java.md "`westus` region")', () => {
    for (const p of ['key-vault/secrets/quick-create-cli.md', 'azure-functions/create-first-function-cli-java.md'])
      expect(found(corpus(p), 'prose-value-differs'), p).toEqual([]);
    expect(read(corpus('key-vault/secrets/quick-create-cli.md'))).toMatch(/\*eastus\* location/);
  });
});
