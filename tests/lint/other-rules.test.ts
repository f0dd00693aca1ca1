// Issue 16, session 5 (class other): retired Azure SDKs and tools, Bicep snippets shown as ARM JSON, Key Vault sample descriptions;
// the generated inventory and hand-edited facts with their sources, and where the rules
// fire on real pages and the fixture and stay silent on correct code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { parseCsv, retiredPackagesOf } from '../../src/reference/retired-packages-source.ts';
import { retiredInventory, retiredPackage, retiredTools, versionRetired } from '../../src/reference/retired-sdks.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const found = (file: string, rule: string, text = read(file)) => lintText(text, 'docfx', file).filter((f) => f.rule === rule);
const FIXTURE = 'tests/lint/fixtures/retired-sdks.md';
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('retired package data', () => {
  it('the generated inventory names its snapshot and holds the legacy SDKs the reviewers check', () => {
    const inv = retiredInventory();
    expect(inv.about.repo).toBe('Azure/azure-sdk');
    expect(inv.about.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const [language, name] of [['dotnet', 'WindowsAzure.Storage'], ['dotnet', 'Microsoft.Azure.Storage.Blob'], ['dotnet', 'Microsoft.Azure.KeyVault'], ['js', 'azure-storage'], ['js', 'azure-keyvault'], ['python', 'azure-common'], ['java', 'com.microsoft.azure:azure-storage']] as const)
      expect(retiredPackage(language, name)?.eol, name).toBe('2023-03-31');
    // Names with a supported line are retired only below it.
    const blob = retiredPackage('python', 'azure-storage-blob');
    expect(blob && [versionRetired(blob, '2.1.0'), versionRetired(blob, '<12'), versionRetired(blob, undefined), versionRetired(blob, '12.19.0'), versionRetired(blob, '>=12')]).toEqual([true, true, false, false, false]);
    expect(retiredPackage('python', 'azure-storage-blob-changefeed')).toBeUndefined();
    expect(retiredPackage('dotnet', 'Azure.Storage.Blobs')).toBeUndefined();
  });
  it('reads the inventory CSV as the generator does: deprecated rows only, a supported line bounds the retired one', () => {
    const csv = ['"Package","VersionGA","VersionPreview","Support","EOLDate","Replace","ReplaceGuide"', '"old-lib","2.1.0","","deprecated","3/31/2023","new-lib","NA"', '"old-lib","12.0.0","","active","","",""', '"gone","1.0.0","","deprecated","9/13/2024","a, b",""', '"fine","1.0.0","","active","","",""'].join('\n');
    expect(parseCsv('"a","b ""c""",\n"d,e"')).toEqual([['a', 'b "c"', ''], ['d,e']]);
    expect(retiredPackagesOf('python', csv)).toEqual({
      'old-lib': { eol: '2023-03-31', replace: 'new-lib', version: '2.1.0', throughMajor: 2, supportedFrom: 12 },
      gone: { eol: '2024-09-13', replace: 'a, b', version: '1.0.0' },
    });
  });
  it('every hand-edited fact names a source with repo, path and commit', () => {
    const t = retiredTools();
    for (const s of [...t.azurerm.sources, ...t.families.flatMap((f) => f.sources), ...t.codeNames.sources]) {
      expect(s.repo && s.path && s.says, JSON.stringify(s)).toBeTruthy();
      expect(s.commit).toMatch(/^[0-9a-f]{40}$/);
    }
    expect(t.azurerm.retired).toBe('2024-02-29');
  });
});

describe('retired-sdk-package', () => {
  const text = read(FIXTURE);
  const hits = found(FIXTURE, 'retired-sdk-package');
  const at = (needle: string) => hits.filter((h) => h.line === lineWith(text, needle));
  it('reports installs, references and imports of retired packages in every language, naming date, source and replacement', () => {
    expect(at('dotnet add package WindowsAzure.Storage')[0]?.message).toMatch(/WindowsAzure\.Storage 9\.3\.3: .*end of support on 2023-03-31 \(Azure\/azure-sdk _data\/releases\/latest\/dotnet-packages\.csv @[0-9a-f]{12}.*Use Azure\.Storage\.Common/);
    expect(at('pip install azure-storage-blob==2.1.0')).toHaveLength(1);
    expect(at('pip install "azure-storage-blob<12"')).toHaveLength(1);
    expect(at('npm install azure-storage@2.10.3')[0]?.message).toMatch(/@azure\/storage-blob/);
    expect(at('Install-Package Microsoft.Azure.KeyVault')[0]?.message).toMatch(/Azure\.Security\.KeyVault\.Secrets/);
    expect(at('using Microsoft.WindowsAzure.Storage;')[0]?.message).toMatch(/^WindowsAzure\.Storage:/);
    expect(at('using Microsoft.Azure.Storage.Blob;')[0]?.message).toMatch(/^Microsoft\.Azure\.Storage\.Blob:.*Azure\.Storage\.Blobs/);
    expect(at('using Microsoft.IdentityModel.Clients.ActiveDirectory;')[0]?.message).toMatch(/2023-06-30 \(MicrosoftDocs\/azure-docs .*msal-migration\.md/);
    expect(at('from azure.storage.blob import BlockBlobService')[0]?.message).toMatch(/BlockBlobService is a class of azure-storage-blob 2\.x/);
    expect(at('from azure.keyvault import KeyVaultClient')[0]?.message).toMatch(/replaced in 4\.0\.0 \(2019-10-31\)/);
    expect(at('from azure.common.credentials import')).toHaveLength(1);
    expect(at('import adal')).toHaveLength(1);
    expect(at("require('azure-storage')")).toHaveLength(1);
    expect(at('<artifactId>azure-storage</artifactId>')[0]?.message).toMatch(/com\.microsoft\.azure:azure-storage.*com\.azure\/azure-storage-blob/);
    expect(at('import com.microsoft.azure.storage.CloudStorageAccount;')).toHaveLength(1);
    expect(at('nuget.org/packages/Microsoft.Azure.Management.Storage')[0]?.message).toMatch(/^the page links to Microsoft\.Azure\.Management\.Storage: .*2023-09-30.*Azure\.ResourceManager\.Storage/);
    expect(at('Then run `npm install azure-keyvault`')[0]?.message).toMatch(/^azure-keyvault: .*2023-03-31.*@azure\/keyvault-keys/);
    expect(hits.every((h) => h.severity === 'warning')).toBe(true);
  });
  it('silent on the current libraries in the same fixture', () => {
    for (const needle of ['using Azure.Storage.Blobs;', 'from azure.storage.blob import BlobServiceClient', "from '@azure/storage-blob'"]) expect(at(needle), needle).toEqual([]);
    // One finding on the pip line: azure-storage-blob 2.1.0, not azure-identity.
    expect(at('pip install azure-storage-blob==2.1.0').map((h) => h.message.split(':')[0])).toEqual(['azure-storage-blob 2.1.0']);
  });
  it('silent on real pages that use the current SDKs (key-vault/keys/quick-create-python.md, storage-account-keys-manage.md, the twelve tutorials)', () => {
    const page = 'tests/corpus/articles/key-vault/keys/quick-create-python.md';
    expect(read(page)).toMatch(/pip install azure-keyvault-keys/);
    expect(read(page)).toMatch(/from azure\.keyvault\.keys import KeyClient/);
    expect(found(page, 'retired-sdk-package')).toEqual([]);
    expect(found('tests/corpus/articles/storage/common/storage-account-keys-manage.md', 'retired-sdk-package')).toEqual([]);
    for (const t of readdirSync(join(root, 'tutorials')).filter((f) => f.endsWith('.md'))) expect(found(`tutorials/${t}`, 'retired-sdk-package'), t).toEqual([]);
  });
  it('storage-require-secure-transfer.md: its ".NET SDK" link is the deprecated Microsoft.Azure.Management.Storage; the npm and PyPI links are current', () => {
    const page = 'tests/corpus/articles/storage/common/storage-require-secure-transfer.md';
    expect(found(page, 'retired-sdk-package').map((f) => f.line)).toEqual([lineWith(read(page), 'nuget.org/packages/Microsoft.Azure.Management.Storage')]);
  });
});

describe('retired-azurerm-module', () => {
  const text = read(FIXTURE);
  const hits = found(FIXTURE, 'retired-azurerm-module');
  it('reports Install-Module AzureRM and AzureRm cmdlets with the Az name, not Enable-AzureRmAlias', () => {
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'Install-Module -Name AzureRM'), lineWith(text, 'Login-AzureRmAccount'), lineWith(text, 'Get-AzureRmResourceGroup')]);
    expect(hits[0]?.message).toMatch(/retired on 2024-02-29 \(MicrosoftDocs\/azure-docs-powershell includes\/migrate-to-az-banner\.md @3f5446371dd2\)/);
    expect(hits[1]?.suggestion).toBe('Connect-AzAccount');
    expect(hits[2]?.suggestion).toBe('Get-AzResourceGroup');
  });
  it('reports prose that still promises AzureRM fixes (the updated-for-az include), not prose that says it is retired', () => {
    const inc = 'tests/corpus/includes/updated-for-az.md';
    const f = found(inc, 'retired-azurerm-module');
    expect(f.map((x) => x.line)).toEqual([lineWith(read(inc), 'AzureRM will continue to get critical bugfix updates'), lineWith(read(inc), 'continued support for the AzureRM module')]);
    expect(found('ok.md', 'retired-azurerm-module', '# t\n\nAzureRM will continue to get fixes until it is retired on 29 February 2024.\n')).toEqual([]);
  });
  it('silent on real pages that use Az (storage-require-secure-transfer.md) and on the Azure Pipelines task AzureRmWebAppDeployment (configure-basic-auth-disable.md)', () => {
    expect(read('tests/corpus/articles/storage/common/storage-require-secure-transfer.md')).toMatch(/Connect-AzAccount|Set-AzStorageAccount/);
    expect(found('tests/corpus/articles/storage/common/storage-require-secure-transfer.md', 'retired-azurerm-module')).toEqual([]);
    expect(read('tests/corpus/articles/app-service/configure-basic-auth-disable.md')).toMatch(/AzureRmWebAppDeployment/);
    expect(found('tests/corpus/articles/app-service/configure-basic-auth-disable.md', 'retired-azurerm-module')).toEqual([]);
  });
});

describe('retired-runtime-version: Core Tools installs pinned to a retired major', () => {
  it('reports azure-functions-core-tools@3 and -2, not @4', () => {
    const text = ['# t', '', '```bash', 'npm install -g azure-functions-core-tools@3 --unsafe-perm true', 'sudo apt-get install azure-functions-core-tools-2', 'npm i -g azure-functions-core-tools@4', '```', ''].join('\n');
    const f = found('core-tools.md', 'retired-runtime-version', text);
    expect(f.map((x) => x.line)).toEqual([4, 5]);
    expect(f[0]?.message).toMatch(/Azure Functions 3\.x \("3"\) reached end of support on 2022-12-13/);
  });
});

describe('bicep-snippet-is-json', () => {
  it('deploy-cli.md: "Your Bicep file might include a parameter like this one:" before an ARM JSON parameter declaration', () => {
    const page = 'tests/corpus/articles/azure-resource-manager/bicep/deploy-cli.md';
    const f = found(page, 'bicep-snippet-is-json');
    expect(f.map((x) => x.line)).toEqual([lineWith(read(page), 'Your Bicep file might include a parameter like this one:')]);
    // The JSON file the same page shows for --parameters @arrayContent.json is JSON by its name.
    expect(read(page)).toMatch(/The _arrayContent\.json_ format is:/);
  });
  it('silent when the lead-in calls the block JSON, an ARM template or a parameters file, or the block is Bicep', () => {
    const block = ['```json', '"location": {', '  "type": "string",', '  "defaultValue": "eastus"', '}', '```'];
    for (const lead of ['The equivalent ARM template declares it like this:', 'For the Bicep file, the parameters file is:', 'A Bicep deployment can read a JSON parameters file:'])
      expect(found('lead.md', 'bicep-snippet-is-json', ['# t', '', lead, '', ...block, ''].join('\n')), lead).toEqual([]);
    expect(found('bicep.md', 'bicep-snippet-is-json', ['# t', '', 'Your Bicep file might include:', '', '```bicep', "param location string = 'eastus'", '```', ''].join('\n'))).toEqual([]);
  });
});

describe('prose-vault-object-mismatch', () => {
  const page = 'tests/corpus/articles/key-vault/keys/quick-create-python.md';
  const sentence = 'The following code sample demonstrates how to create a client, set a secret, retrieve a secret, and delete a secret.';
  it('key-vault/keys/quick-create-python.md: the sentence from the secrets quickstart above the KeyClient sample', () => {
    expect(found(page, 'prose-vault-object-mismatch').map((f) => f.line)).toEqual([lineWith(read(page), sentence)]);
  });
  it('silent on the same page once the sentence says keys, and where the sample has no Key Vault client', () => {
    const fixed = read(page).replace(sentence, 'The following code sample demonstrates how to create a client, create a key, retrieve a key, and delete a key.');
    expect(found(page, 'prose-vault-object-mismatch', fixed)).toEqual([]);
    const noClient = ['# t', '', 'The following example retrieves the first key.', '', '```python', 'print(keys[0])', '```', ''].join('\n');
    expect(found('t.md', 'prose-vault-object-mismatch', noClient)).toEqual([]);
  });
});
