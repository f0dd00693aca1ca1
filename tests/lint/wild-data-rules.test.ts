// Issue 16 session 15 (wild-data): rules written for defects readers reported on data and analytics pages
// (tests/fresh: Purview, Data Factory, Synapse, Sentinel), each held on the reported page and kept silent
// where the same kind of text is right on a real page.
import { describe, expect, it } from 'vitest';
import { lineOf, readRepoFile, ruleFindings } from './helpers.ts';

const PURVIEW = 'tests/fresh/articles/purview/catalog-permissions.md';
const LOGIC = 'tests/fresh/articles/logic-apps/quickstart-logic-apps-azure-cli.md';
const ESU = 'tests/lint/fixtures/real/api-extended-security-updates.excerpt.md';
const SYNOPSIS = 'az purview account add-root-collection-admin --account-name --resource-group [--object-id]';

describe('az-synopsis-as-command', () => {
  const rule = 'az-synopsis-as-command';
  it('catalog-permissions.md (azure-docs#85246): the syntax of add-root-collection-admin offered as "this Azure CLI command"', () => {
    const text = readRepoFile(PURVIEW);
    const hits = ruleFindings(rule, PURVIEW);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, SYNOPSIS), 'warning']]);
    expect(hits[0]?.message).toMatch(/argument --account-name\/--name\/-n: expected one argument.*"\[…\]" is no argument az accepts.*--account-name <account-name>/);
  });
  it('silent on the az reference layout copied as reference text beside an example with values (logic apps quickstart)', () => {
    expect(readRepoFile(LOGIC)).toMatch(/az logic workflow list \[--filter\]\n\s+\[--resource-group\]/);
    expect(ruleFindings(rule, LOGIC)).toEqual([]);
  });
  it('silent on a synopsis with one-value enums (Arc ESU excerpt)', () => {
    expect(ruleFindings(rule, ESU)).toEqual([]);
  });
  it('silent when the lead-in calls it the syntax, and when the page also runs the command with values', () => {
    const text = readRepoFile(PURVIEW);
    const syntax = text.replace('> You can use [this Azure CLI command]', '> The syntax of [this Azure CLI command]');
    expect(syntax).not.toBe(text);
    expect(ruleFindings(rule, 'syntax.md', syntax)).toEqual([]);
    const example = text.replace('>   ```\n>\n', '>   ```\n>\n> For example:\n>\n>   ```azurecli\n>   az purview account add-root-collection-admin --account-name contosopurview --resource-group contoso-rg --object-id 00000000-0000-0000-0000-000000000000\n>   ```\n>\n');
    expect(example).not.toBe(text);
    expect(ruleFindings(rule, 'example.md', example)).toEqual([]);
  });
  it('silent on a one-line synopsis whose bare parameters take no value', () => {
    const page = '# Login\n\nRun the following command:\n\n```azurecli\naz login --identity [--username]\n```\n';
    expect(ruleFindings(rule, 'flags.md', page)).toEqual([]);
  });
});

describe('defect: a trailing comma in a body sent to Azure Resource Manager was an error', () => {
  const SYNAPSE = 'tests/fresh/articles/synapse-analytics/sql-data-warehouse/sql-data-warehouse-manage-compute-rest-api.md';
  const rule = 'json-example-invalid';
  it('sql-data-warehouse-manage-compute-rest-api.md: the maintenance window PUT body with trailing commas is a warning (Json.NET accepts them: JamesNK/Newtonsoft.Json#818)', () => {
    const text = readRepoFile(SYNAPSE);
    const hits = ruleFindings(rule, SYNAPSE);
    expect(hits.map((h) => [h.line, h.severity])).toEqual([[lineOf(text, '"duration": "08:00",'), 'warning']]);
    expect(hits[0]?.message).toMatch(/JSON\.parse, jq and Python reject it.*Json\.NET accepts trailing commas/);
  });
  it('a trailing comma in a body sent elsewhere (a data-plane service) stays an error', () => {
    const page = '# Put\n\n```http\nPUT https://myservice.search.windows.net/indexes/hotels?api-version=2024-07-01\nContent-Type: application/json\n\n{\n  "name": "hotels",\n}\n```\n';
    expect(ruleFindings(rule, 'search.md', page).map((h) => h.severity)).toEqual(['error']);
  });
  it('a body sent to Azure Resource Manager with a missing comma stays an error', () => {
    const page = '# Put\n\n```http\nPUT https://management.azure.com/subscriptions/{sub}/resourcegroups/rg1?api-version=2021-04-01\n\n{\n  "location": "eastus"\n  "tags": {}\n}\n```\n';
    expect(ruleFindings(rule, 'missing.md', page).map((h) => h.severity)).toEqual(['error']);
  });
});

describe('defect: a schema sketch with <<placeholders>> and "//" notes was an error ("a body sent this way is rejected")', () => {
  const TRIGGERS = 'tests/fresh/articles/data-factory/concepts-pipeline-execution-triggers.md';
  const rule = 'json-example-invalid';
  it('concepts-pipeline-execution-triggers.md: the schedule trigger definition ("interval": <<int>>, // How often to fire) is a warning', () => {
    const text = readRepoFile(TRIGGERS);
    const hits = ruleFindings(rule, TRIGGERS).filter((h) => h.line === lineOf(text, '"interval": <<int>>, // How often to fire'));
    expect(hits.map((h) => h.severity)).toEqual(['warning']);
    expect(hits[0]?.message).toMatch(/template to fill in.*<<Minute, Hour, Day, Week, Year>>.*"\/\/" notes/);
  });
  it('a body with "//" comments and no placeholder stays an error', () => {
    const page = '# Put\n\n```http\nPUT https://management.azure.com/subscriptions/{sub}/resourcegroups/rg1?api-version=2021-04-01\n\n{\n  "location": "eastus" // the region\n}\n```\n';
    expect(ruleFindings(rule, 'comment.md', page).map((h) => h.severity)).toEqual(['error']);
  });
});
