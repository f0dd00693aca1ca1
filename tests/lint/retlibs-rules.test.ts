// Issue 16 session 10 (retlibs): retired client libraries and modules a page still names — Go modules
// (retired-sdk-package now reads go get, import lines, go.mod require lines and pkg.go.dev links) and
// the pre-Az "Azure" / Azure.Storage PowerShell cmdlets (retired-azure-powershell-module). Each is held
// on a real page that has the defect (tests/fresh) and kept silent on a real page that writes the
// current name (tests/fresh or tests/lint/fixtures/real, see its README for repository and commit).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';
import { goImportPath } from '../../src/reference/retired-packages-source.ts';
import { azName, cmdletNames } from '../../src/reference/retired-powershell-source.ts';
import { retiredPackage } from '../../src/reference/retired-sdks.ts';
import { retiredCmdlet } from '../../src/reference/retired-powershell.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const SECRETS_GO = 'tests/fresh/articles/key-vault/secrets/quick-create-go.md';
const KEYS_GO = 'tests/fresh/articles/key-vault/keys/quick-create-go.md';
const CERTS_GO = 'tests/fresh/articles/key-vault/certificates/quick-create-go.md';
const GO_CURRENT = 'tests/lint/fixtures/real/manage-resource-groups-go.excerpt.md';
const FILE_SHARE = 'tests/fresh/articles/storage/files/storage-how-to-create-file-share.md';
const AAD_SCRIPT = 'tests/fresh/articles/storage/common/storage-auth-aad-script.md';

describe('retired-sdk-package: Go modules', () => {
  const rule = 'retired-sdk-package';
  it('quick-create-go (secrets): the deprecated sdk/keyvault/azsecrets path a reader reported (azure-docs#122893) is found on go get, the import and the pkg.go.dev link', () => {
    const text = read(SECRETS_GO);
    const hits = found(rule, SECRETS_GO);
    expect(hits.map((h) => h.line)).toEqual([
      lineWith(text, 'pkg.go.dev/github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets'),
      lineWith(text, 'go get -u github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets'),
      lineWith(text, '"github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets"'),
    ]);
    expect(hits[1]?.severity).toBe('warning');
    expect(hits[1]?.message).toMatch(/sdk\/keyvault\/azsecrets: this library is deprecated \(Azure\/azure-sdk-for-go sdk\/security\/keyvault\/azsecrets\/CHANGELOG\.md @7adba6e78825.*Use github\.com\/Azure\/azure-sdk-for-go\/sdk\/security\/keyvault\/azsecrets/);
  });
  it('quick-create-go (keys, certificates): the sibling pages install and import sdk/keyvault/azkeys and sdk/keyvault/azcertificates', () => {
    for (const [page, install] of [[KEYS_GO, 'go get -u github.com/Azure/azure-sdk-for-go/sdk/keyvault/azkeys'], [CERTS_GO, 'go get github.com/Azure/azure-sdk-for-go/sdk/keyvault/azcertificates']] as const) {
      const text = read(page);
      const module = install.slice(install.lastIndexOf('/') + 1);
      expect(found(rule, page).map((h) => h.line), page).toEqual([lineWith(text, install), lineWith(text, `"github.com/Azure/azure-sdk-for-go/sdk/keyvault/${module}"`)]);
    }
  });
  it('silent on manage-resource-groups (azure-dev-docs): go get and imports of the current sdk/azcore, sdk/azidentity and sdk/resourcemanager modules', () => {
    const excerpt = read(GO_CURRENT);
    expect(excerpt).toContain('go get github.com/Azure/azure-sdk-for-go/sdk/resourcemanager/resources/armresources');
    expect(found(rule, GO_CURRENT, `${excerpt}    \`\`\`\n`)).toEqual([]);
  });
  it('track-1 packages: a services/… import, azure-storage-blob-go in go get and in a go.mod require block', () => {
    const text = [
      '```go',
      'import (',
      '\t"github.com/Azure/azure-sdk-for-go/services/storage/mgmt/2019-06-01/storage"',
      '\tazblob "github.com/Azure/azure-sdk-for-go/sdk/storage/azblob"',
      ')',
      '```',
      '',
      '```bash',
      'go get github.com/Azure/azure-storage-blob-go/azblob@v0.14.0',
      '```',
      '',
      '```',
      'require (',
      '\tgithub.com/Azure/azure-storage-blob-go v0.15.0',
      '\tgithub.com/Azure/azure-sdk-for-go/sdk/azidentity v1.5.1',
      ')',
      '```',
      '',
    ].join('\n');
    const hits = found(rule, 'go-track1.md', text);
    expect(hits.map((h) => h.line)).toEqual([3, 9, 14]);
    expect(hits[0]?.message).toMatch(/reached end of support on 2023-09-30 .*go-packages\.csv.*aka\.ms\/azsdk\/golang\/t2\/migration/);
    expect(hits[1]?.message).toMatch(/azblob v0\.14\.0: .*2024-09-13.*Use github\.com\/Azure\/azure-sdk-for-go\/sdk\/storage\/azblob/);
  });
  it('the inventory keys Go rows by import path: sdk/ and services/ rows under azure-sdk-for-go, others from their pkg.go.dev link', () => {
    expect(goImportPath('sdk/arm/keyvault', 'NA')).toBe('github.com/Azure/azure-sdk-for-go/sdk/arm/keyvault');
    expect(goImportPath('azblob', 'https://pkg.go.dev/github.com/Azure/azure-storage-blob-go/azblob')).toBe('github.com/Azure/azure-storage-blob-go/azblob');
    expect(goImportPath('azure-service-bus-go', 'https://pkg.go.dev/github.com/Azure/azure-service-bus-go#section-readme')).toBe('github.com/Azure/azure-service-bus-go');
    expect(retiredPackage('go', 'github.com/azure/azure-sdk-for-go/services/keyvault/2016-10-01/keyvault')?.eol).toBe('2023-09-30');
    expect(retiredPackage('go', 'github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets')).toBeUndefined();
    expect(retiredPackage('go', 'github.com/Azure/azure-sdk-for-go/sdk/storage/azblob')).toBeUndefined();
    expect(retiredPackage('go', 'github.com/Azure/azure-sdk-for-go/sdk/azidentity')).toBeUndefined();
  });
});

describe('retired-azure-powershell-module', () => {
  const rule = 'retired-azure-powershell-module';
  it('storage-how-to-create-file-share (tr-tr, 2018): New-AzureStorageContext and New-AzureStorageShare are Azure.Storage cmdlets, named New-AzStorageContext / New-AzStorageShare in Az', () => {
    const text = read(FILE_SHARE);
    const hits = found(rule, FILE_SHARE);
    expect(hits.map((h) => [h.line, h.severity, h.suggestion])).toEqual([
      [lineWith(text, 'New-AzureStorageContext <storage-account-name>'), 'warning', 'New-AzStorageContext'],
      [lineWith(text, 'New-AzureStorageShare logs'), 'warning', 'New-AzStorageShare'],
    ]);
    expect(hits[0]?.message).toMatch(/New-AzureStorageContext is a cmdlet of the Azure\.Storage module.*@915c5bc56e2b "Removed asm docs for unsupported versions.*names it New-AzStorageContext.*The term 'New-AzureStorageContext' is not recognized/);
  });
  it('silent on storage-auth-aad-script (2019): the same storage steps written with Az (New-AzStorageContext -UseConnectedAccount, New-AzStorageContainer)', () => {
    expect(read(AAD_SCRIPT)).toContain('$ctx = New-AzStorageContext -StorageAccountName "<storage-account>" -UseConnectedAccount');
    expect(found(rule, AAD_SCRIPT)).toEqual([]);
  });
  it('Service Management cmdlets and module installs: Windows PowerShell only, no suggestion (the Az cmdlet of the same noun is Resource Manager, other parameters)', () => {
    const text = ['```powershell', 'Install-Module -Name Azure', 'Add-AzureAccount', 'New-AzureVM -ServiceName mySvc -VMs $vm', '```', ''].join('\n');
    const hits = found(rule, 'asm.md', text);
    expect(hits.map((h) => [h.line, h.suggestion])).toEqual([[2, undefined], [3, undefined], [4, undefined]]);
    expect(hits[1]?.message).toMatch(/Add-AzureAccount is a cmdlet of the Azure Service Management \(classic\) PowerShell module.*only in Windows PowerShell 5\.1/);
    expect(hits[2]?.message).toMatch(/its Resource Manager cmdlet is New-AzVM, with different parameters/);
  });
  it('never matches Az, AzureRM, AzureAD or Azure Stack names, nor a line that says the module is retired, nor an output block quoting the old name', () => {
    const text = [
      '```powershell',
      'set-AzStorageblobcontent -File a.jpg -Container c -Context $ctx',
      'Connect-AzureAD; Get-AzureADUser -All $true',
      'Enable-AzureRmAlias; Get-AzureRmResourceGroup',
      'Test-AzureStack; Get-AzureStackLog -OutputSharePath $p',
      '# New-AzureStorageContext is retired: use New-AzStorageContext',
      '```',
      '',
      '```output',
      "New-AzureStorageContext : The term 'New-AzureStorageContext' is not recognized as the name of a cmdlet",
      '```',
      '',
    ].join('\n');
    expect(found(rule, 'negatives.md', text)).toEqual([]);
  });
  it('the table comes from the reference file names, with the Az name only where Az has that cmdlet', () => {
    expect(cmdletNames(['Azure.Storage.md', 'Get-AzureStorageBlob.md', 'Get-WAPackVM.md', 'Add-AzureRmAccount.md'])).toEqual(['Get-AzureStorageBlob']);
    expect(azName('Get-AzureStorageBlob', new Set(['get-azstorageblob']))).toBe('Get-AzStorageBlob');
    expect(azName('Add-AzureAccount', new Set(['connect-azaccount']))).toBeUndefined();
    expect(retiredCmdlet('set-azurestorageblobcontent')).toMatchObject({ module: 'Azure.Storage', az: 'Set-AzStorageBlobContent' });
    expect(retiredCmdlet('Get-AzureADUser')).toBeUndefined();
  });
});
