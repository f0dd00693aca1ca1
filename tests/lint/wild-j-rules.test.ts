// Issue 16 session 11 (wild-j, databases): defects readers reported on PostgreSQL, Cosmos DB and Azure Cache for
// Redis pages, and the retired engine versions and settings of those services. Each extension is held on a real
// page with the defect (tests/fresh: the pages readers reported) and kept silent on a real page that writes the
// pattern right (tests/lint/fixtures/real/README.md: repository, path, commit).
import { describe, expect, it } from 'vitest';
import { lintText, readRepoFile } from './helpers.ts';

const FRESH = 'tests/fresh';
const REAL = 'tests/lint/fixtures/real';
const findings = (rule: string, text: string, file = 'p.md') => lintText(text, 'docfx', file).filter((f) => f.rule === rule);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('az-retired-command reads az commands written in PowerShell fences', () => {
  const file = `${FRESH}/articles/cosmos-db/how-to-container-copy.md`;
  const text = readRepoFile(file);
  it('how-to-container-copy.md: every az cosmosdb dts command, in azurepowershell-interactive blocks with backtick continuations (azure-docs#105003)', () => {
    const f = findings('az-retired-command', text, file);
    expect(f.map((x) => x.line)).toEqual([53, 66, 80, 91, 101, 112]);
    expect(f[0]?.message).toMatch(/^'az cosmosdb dts copy' left the Azure CLI reference on 2025-02-26/);
  });
  it('does not tell the reader to write a replacement the reference does not have (the group rename gives "cosmosdb copy copy")', () => {
    const f = findings('az-retired-command', text, file);
    expect(f[0]?.message).not.toMatch(/Write "az cosmosdb copy copy"/);
    expect(f[2]?.message).toMatch(/Write "az cosmosdb copy show"\.$/);
  });
  it('is silent on the same page\'s current command in a PowerShell fence: az extension add --name cosmosdb-preview', () => {
    expect(lineOf(text, 'az extension add --name cosmosdb-preview')).toBe(31);
    expect(findings('az-retired-command', text, file).filter((x) => x.line === 31)).toEqual([]);
  });
});

describe('retired-runtime-version judges the engines of managed databases and caches', () => {
  it('az postgres flexible-server create --version 12, mysql --version 5.7, redis --redis-version 4', () => {
    const text = [
      '# T',
      '',
      '```azurecli',
      'az postgres flexible-server create -g rg -n pg --tier Burstable --sku-name Standard_B1ms --version 12',
      'az postgres flexible-server upgrade -g rg -n pg -v 13',
      'az mysql flexible-server create -g rg -n my --version 8.0.21',
      'az mysql flexible-server create -g rg -n my --version 5.7',
      'az redis create -g rg -n c -l westus --sku Basic --vm-size c0 --redis-version 4',
      'az redis create -g rg -n c -l westus --sku Basic --vm-size c0 --redis-version 6',
      '```',
    ].join('\n');
    expect(findings('retired-runtime-version', text).map((f) => `${f.line} ${f.message.slice(0, 42)}`)).toEqual([
      '4 PostgreSQL 12 ("12") reached end of suppor',
      '5 PostgreSQL 13 ("13") reached end of suppor',
      '7 MySQL 5.7 ("5.7") reached end of support o',
      '8 Redis 4 ("4") reached end of support on 20',
    ]);
  });
  it('is silent on the Azure CLI reference\'s own example: az postgres flexible-server create … --tier GeneralPurpose --version 17', () => {
    const excerpt = readRepoFile(`${REAL}/postgres-flexible-server.az-reference.excerpt.yml`);
    const syntax = excerpt.split('\n').filter((l) => /^ {6}/.test(l) && !/^ {6}Create /.test(l)).map((l) => l.slice(6));
    expect(syntax[0]).toMatch(/^az postgres flexible-server create/);
    const text = ['# T', '', '```azurecli', ...syntax, '```', ''].join('\n');
    expect(findings('retired-runtime-version', text)).toEqual([]);
  });
});

describe('retired-resource-setting: Azure Cache for Redis minimum TLS 1.0/1.1', () => {
  it('a Bicep Microsoft.Cache/redis with minimumTlsVersion \'1.1\'', () => {
    const bicep = readRepoFile(`${REAL}/redis-main.template-reference.bicep`).replace("minimumTlsVersion: '1.2'", "minimumTlsVersion: '1.1'");
    const f = findings('retired-resource-setting', ['# T', '', '```bicep', bicep, '```', ''].join('\n'));
    expect(f.map((x) => `${x.line} ${x.message.slice(0, 60)}`)).toEqual(["12 minimumTlsVersion: '1.1' — Azure Cache for Redis no longer t"]);
  });
  it('is silent on the Bicep template reference\'s redis sample: minimumTlsVersion \'1.2\'', () => {
    const bicep = readRepoFile(`${REAL}/redis-main.template-reference.bicep`);
    expect(findings('retired-resource-setting', ['# T', '', '```bicep', bicep, '```', ''].join('\n'))).toEqual([]);
  });
});

describe('azure-classic-cli', () => {
  it('cache-manage-cli.md: every azure rediscache command of its indented blocks, prompt or not (azure-docs#105978)', () => {
    const file = `${FRESH}/articles/azure-cache-for-redis/cache-manage-cli.md`;
    const f = findings('azure-classic-cli', readRepoFile(file), file);
    expect(f.map((x) => x.line)).toEqual([64, 96, 100, 129, 133, 152, 156, 174, 178, 199, 203, 224, 230, 250, 254]);
    expect(f[1]?.message).toMatch(/^azure rediscache is a command of the Azure classic CLI.*Write it with az redis/);
  });
  it('is silent on the page that does it with az (scripts/create-manage-cache.md: az redis create) and on azure/login@ in a workflow', () => {
    for (const file of [`${FRESH}/articles/azure-cache-for-redis/scripts/create-manage-cache.md`, 'tests/corpus/articles/app-service/deploy-github-actions.md']) {
      expect(findings('azure-classic-cli', readRepoFile(file), file)).toEqual([]);
    }
  });
});
