// Issue 16 session 9 (wild-f): defects readers reported on storage, SQL and networking pages
// (tests/fresh), each held on the reported page and kept silent where the same command is written
// correctly on a real page (tests/lint/fixtures/real, see its README for repository and commit).
import { describe, expect, it } from 'vitest';
import { readRepoFile, ruleFindings } from './helpers.ts';

const read = readRepoFile;
const found = ruleFindings;
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const PRIVATE_ENDPOINT = 'tests/fresh/articles/private-link/create-private-endpoint-cli.md';
const MYSQL_PRIVATE_LINK = 'tests/fresh/articles/mysql/howto-configure-privatelink-cli.md';
const FILE_SHARE = 'tests/fresh/articles/storage/files/storage-how-to-create-file-share.md';
const DATA_LAKE = 'tests/fresh/articles/storage/blobs/data-lake-storage-quickstart-create-account.md';
const SQL_GEN5 = 'tests/lint/fixtures/real/sql-database-create-single-database.excerpt.md';
const MYSQL_FLEXIBLE = 'tests/lint/fixtures/real/how-to-configure-high-availability-cli.excerpt.md';

describe('retired-resource-setting: Azure SQL Gen4 hardware', () => {
  const rule = 'retired-resource-setting';
  it('create-private-endpoint-cli.md (2019): az sql db create … --family Gen4 (the value readers reported, azure-docs#57703, #68152)', () => {
    const text = read(PRIVATE_ENDPOINT);
    const hits = found(rule, PRIVATE_ENDPOINT);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, '--family Gen4'), 'warning']]);
    expect(hits[0]?.message).toMatch(/--family Gen4: Azure SQL Gen4 hardware is retired.*isn't available for provisioning.*vCore purchasing model/);
  });
  it('a Gen4 service objective and an elastic pool are the same hardware', () => {
    const text = '```azurecli\naz sql elastic-pool create -g myResourceGroup -s myserver -n mypool --service-objective GP_Gen4_1\naz sql db update -g myResourceGroup -s myserver -n mydb --family gen4 --capacity 2\n```\n';
    expect(found(rule, 'gen4.md', text).map((h) => h.line)).toEqual([2, 3]);
  });
  it('a template that puts a database on Gen4 is reported once, on its family line', () => {
    const text = '```json\n{\n  "type": "Microsoft.Sql/servers/databases",\n  "apiVersion": "2021-11-01",\n  "sku": { "name": "GP_Gen4", "tier": "GeneralPurpose",\n    "family": "Gen4", "capacity": 1 }\n}\n```\n';
    expect(found(rule, 'gen4-template.md', text).map((h) => h.line)).toEqual([6]);
  });
  it('silent on the SQL quickstart include that creates the database on Gen5 (sql-database-create-single-database.md)', () => {
    const excerpt = read(SQL_GEN5);
    expect(excerpt).toMatch(/--family Gen5 \\\n    --capacity 2/);
    expect(found(rule, SQL_GEN5, `\`\`\`azurecli\n${excerpt}`)).toEqual([]);
  });
});

describe('az-create-retired-service', () => {
  const rule = 'az-create-retired-service';
  it('howto-configure-privatelink-cli.md (MySQL, January 2020): az mysql server create creates a single server, retired 16 September 2024', () => {
    const text = read(MYSQL_PRIVATE_LINK);
    const hits = found(rule, MYSQL_PRIVATE_LINK);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineWith(text, 'az mysql server create \\'), 'warning']]);
    expect(hits[0]?.message).toMatch(/retired on 16 September 2024.*az mysql flexible-server create/);
  });
  it('silent on az mysql flexible-server create (how-to-configure-high-availability-cli.md) and on commands that only read a server', () => {
    expect(read(MYSQL_FLEXIBLE)).toMatch(/az mysql flexible-server create --name myservername/);
    expect(found(rule, MYSQL_FLEXIBLE)).toEqual([]);
    const show = '```azurecli\naz mysql server show -g myResourceGroup -n mydemoserver\naz postgres server list -g myResourceGroup\n```\n';
    expect(found(rule, 'show.md', show)).toEqual([]);
  });
});

describe('a backtick fence opener that CommonMark does not open (``` in prose)', () => {
  it('storage-how-to-create-file-share.md (2018): the prose line "```<storage-account>``` ve ```<resource_group>```" opens no block, so the azurecli block under it is read as one and its NAME = $(…) is reported', () => {
    const text = read(FILE_SHARE);
    const hits = found('shell-assignment-spaces', FILE_SHARE);
    expect(hits.map((h) => h.line)).toEqual([lineWith(text, 'current_env_conn_string = $(az storage account')]);
    expect(hits[0]?.message).toMatch(/blanks around "=".*current_env_conn_string: command not found/);
  });
});

describe('shell-missing-continuation: a PowerShell backtick ending a line of a bash block', () => {
  const rule = 'shell-missing-continuation';
  it('data-lake-storage-quickstart-create-account.md (2018): az group create ` and az storage account create ` say that bash reads "`" as a command substitution', () => {
    const hits = found(rule, DATA_LAKE);
    expect(hits.length).toBe(2);
    for (const h of hits) expect(h.message).toMatch(/ends with "`", PowerShell's line continuation: bash reads a backtick as the start of a command substitution.*instead of "`"/);
    expect(hits[0]?.suggestion).toBe('    --name storage-quickstart-resource-group \\');
  });
  it('silent on the same page\'s powershell blocks, whose backticks are continuations', () => {
    const text = read(DATA_LAKE);
    const powershell = text.split('\n').findIndex((l) => l.startsWith('New-AzStorageAccount -ResourceGroupName')) + 1;
    expect(powershell).toBeGreaterThan(0);
    expect(found(rule, DATA_LAKE).some((h) => h.line >= powershell && h.line <= powershell + 6)).toBe(false);
  });
  it('an ordinary missing "\\" keeps the plain message', () => {
    const text = '```azurecli\naz group create\n    --name myResourceGroup \\\n    --location westus\n```\n';
    const hits = found(rule, 'plain.md', text);
    expect(hits.map((h) => h.line)).toEqual([2]);
    expect(hits[0]?.message).not.toMatch(/backtick/);
  });
});
