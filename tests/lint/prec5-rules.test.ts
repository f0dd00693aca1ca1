// Precision and message debt of lint rules seen on never-seen pages (tests/fresh), issue 16,
// session 11 (branch prec5). Each test is named after the defect it pins.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { storageAccountOption } from '../../src/world/mentions.ts';
import { azCommand, retiredCommand } from '../../src/reference/az-table.ts';
import { lastAdvice } from '../../scripts/az-reference-history.ts';
import { rules } from '../../src/lint/registry.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);
const lineWith = (page: string, needle: string) => read(page).split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('prose-stale-preview: the preview of another thing pinned on a GA command', () => {
  const arc = 'tests/fresh/articles/app-service/quickstart-arc.md';
  it('quickstart-arc.md: "`az webapp up` is not supported during the public preview" (App Service on Azure Arc\'s preview) is not a preview claim on az webapp up', () => {
    expect(read(arc)).toContain('> `az webapp up` is not supported during the public preview.');
    expect(found(arc, 'prose-stale-preview')).toEqual([]);
  });
  it('a GA feature named in a sentence about another preview is left alone too', () => {
    const text = ['# Arc', '', 'Key auto-rotation in Azure Key Vault is not available during the preview of this integration.', ''].join('\n');
    expect(found('other.md', 'prose-stale-preview', text)).toEqual([]);
  });
  it('still reports a GA command that is the subject of "preview": "is currently in preview", "(preview)", "is a preview command"', () => {
    const text = [
      '# Rotate',
      '',
      'The `az keyvault key rotate` command is currently in preview.',
      '',
      'Run az keyvault key rotate (preview) to rotate the key.',
      '',
      '`az keyvault key rotate` is a preview command.',
      '',
      'The az keyvault key rotate command is not supported with the preview of key versions.',
      '',
      'You can run az keyvault key rotate while the portal experience is in preview.',
      '',
    ].join('\n');
    expect(found('rotate.md', 'prose-stale-preview', text).map((f) => f.line)).toEqual([3, 5, 7]);
  });
});

describe('page-assumes-resource: a Cosmos DB --account-name called "the storage account"', () => {
  // The copy job of tests/fresh/articles/cosmos-db/how-to-container-copy.md as the reference now spells
  // it (az cosmosdb copy create), in an azurecli fence: --account-name is the Azure Cosmos DB account.
  const text = [
    '# Copy a container',
    '',
    '```azurecli',
    'az cosmosdb copy create --resource-group myResourceGroup --account-name mycosmosaccount --job-name myjob --src-nosql database=db1 container=c1 --dest-nosql database=db2 container=c2',
    '```',
    '',
    '```azurecli',
    'az batch pool list --account-name mybatchaccount --account-endpoint https://mybatchaccount.westeurope.batch.azure.com',
    '```',
    '',
    '```azurecli',
    'az storage container create --account-name mystorageaccount --name mycontainer --auth-mode login',
    '```',
    '',
  ].join('\n');
  it('never names a Cosmos DB or Batch account a storage account; still names the storage account of az storage', () => {
    const f = found('copy.md', 'page-assumes-resource', text);
    expect(f.map((x) => x.message).join('\n')).not.toMatch(/storage account (?:mycosmosaccount|mybatchaccount)/);
    expect(f.find((x) => x.line === 4)?.message).toBe('the page assumes the resource group myResourceGroup exists; say so in the prerequisites');
    expect(f.find((x) => x.line === 12)?.message).toMatch(/the storage account mystorageaccount exists/);
  });
  it('the World reads --account-name as a storage account only in storage commands', () => {
    expect(storageAccountOption('storage container create')).toBe(true);
    expect(storageAccountOption('keyvault storage sas-definition create')).toBe(true);
    expect(storageAccountOption('webapp config storage-account add')).toBe(true);
    expect(storageAccountOption('cosmosdb copy create')).toBe(false);
    expect(storageAccountOption('batch pool list')).toBe(false);
  });
});

describe('az-commands.json: cosmosdb dts copy recorded as replaced by "cosmosdb copy copy" (a group rename applied to a command name)', () => {
  // The removed reference page, as azure-docs-cli held it before fae8cd29f9fe (latest/docs-ref-autogen/cosmosdb/dts.yml), cut to what the advice reads.
  const implicit = "This command is implicitly deprecated because command group 'cosmosdb dts' is deprecated and will be removed in a future release. Use 'cosmosdb copy' instead.";
  const dts = {
    name: 'az cosmosdb dts',
    deprecateInfo: "This command group has been deprecated and will be removed in a future release. Use 'cosmosdb copy' instead.",
    directCommands: [
      { name: 'az cosmosdb dts copy', summary: 'Creates a Data Transfer Copy Job.', deprecateInfo: implicit },
      { name: 'az cosmosdb dts show', summary: 'Get a Data Transfer Job.', deprecateInfo: implicit },
    ],
  };
  const today = new Map([
    ['cosmosdb copy create', 'Creates a container copy job.'],
    ['cosmosdb copy show', 'Get a container copy job.'],
    ['cosmosdb copy list', 'Get a container copy job.'],
  ]);
  it('the generator leads the renamed group to its command: same name when it exists, else the one command whose summary starts and ends alike, else the group', () => {
    expect(lastAdvice(dts, 'cosmosdb dts show', today)).toBe('cosmosdb copy show');
    expect(lastAdvice(dts, 'cosmosdb dts copy', today)).toBe('cosmosdb copy create');
    expect(lastAdvice(dts, 'cosmosdb dts copy', new Map([['cosmosdb copy list', 'List jobs.']]))).toBe('cosmosdb copy');
  });
  it('an implicit deprecation moves the command with the group it names, not with its own page group', () => {
    const page = { name: 'az spring-cloud connection create', directCommands: [{ name: 'az spring-cloud connection create redis', summary: 'Create a Spring Cloud connection to redis.', deprecateInfo: "This command is implicitly deprecated because command group 'spring-cloud' is deprecated and will be removed in a future release. Use 'spring' instead." }] };
    expect(lastAdvice(page, 'spring-cloud connection create redis', new Map([['spring connection create redis', 'Create a Spring Cloud connection to redis.']]))).toBe('spring connection create redis');
  });
  it('the committed table says cosmosdb copy create, a command of the reference, and az-retired-command writes it on how-to-container-copy.md', () => {
    expect(retiredCommand(['cosmosdb', 'dts', 'copy'])?.replacement).toBe('cosmosdb copy create');
    expect(azCommand('cosmosdb copy create')).toBeDefined();
    const page = 'tests/fresh/articles/cosmos-db/how-to-container-copy.md';
    const f = found(page, 'az-retired-command').filter((x) => x.line === lineWith(page, 'az cosmosdb dts copy `'));
    expect(f[0]?.message).toMatch(/Write "az cosmosdb copy create"\.$/);
    expect(found(page, 'az-retired-command').map((x) => x.message).join('\n')).not.toContain('cosmosdb copy copy');
  });
});

describe('retired-azure-powershell-module: description said AzureAD cmdlets are "never reported"', () => {
  it('points to retired-azuread-powershell-module, which reports them', () => {
    const asm = rules.find((r) => r.id === 'retired-azure-powershell-module');
    expect(asm?.fullDescription).not.toMatch(/AzureAD[^.]*never reported/);
    expect(asm?.fullDescription).toMatch(/AzureAD, AzureADPreview and MSOnline cmdlets[^.]*by retired-azuread-powershell-module/);
    expect(rules.some((r) => r.id === 'retired-azuread-powershell-module')).toBe(true);
    // And that rule does report one (Connect-AzureAD in a PowerShell block), which the ASM rule leaves alone.
    const text = ['# Sign in', '', '```powershell', 'Connect-AzureAD -TenantId $tenantId', '```', ''].join('\n');
    expect(found('ad.md', 'retired-azuread-powershell-module', text).map((f) => f.line)).toEqual([4]);
    expect(found('ad.md', 'retired-azure-powershell-module', text)).toEqual([]);
  });
});
