// Issue 16 session 5 (exshape): what az prints (knack's output formats, --query as JMESPath) and the
// values a request fixes in the resource it answers with. Units of src/reference/az-output.ts and
// arm-echo.ts, negatives on real pages that write the pattern correctly, and positives built from them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { azOutputFormat, azPrint, azQuery, compileQuery, formatJson, formatTsv, printsNothing, queryShape, shownTableColumns, tableColumns } from '../../src/reference/az-output.ts';
import { requestedMismatches, typeOfPath } from '../../src/reference/arm-echo.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const real = (name: string) => `tests/lint/fixtures/real/${name}`;
const found = (page: string, rule: string, text = read(page)) => lintText(text, 'docfx', page).filter((f) => f.rule === rule);
const shape = (q: string) => queryShape(compileQuery(q)!);

describe('az output (src/reference/az-output.ts)', () => {
  it('reads --output as argparse does (lower-cased, json by default) and rejects other formats', () => {
    expect(azOutputFormat(undefined)).toBe('json');
    expect(azOutputFormat('TSV')).toBe('tsv');
    expect(azOutputFormat('text')).toBeUndefined();
  });
  it('tells a query result by its form: projections are lists, a multiselect hash one object, a field anything', () => {
    expect(shape('[].name')).toEqual({ kind: 'list', items: { kind: 'any', field: 'name' } });
    expect(shape("[?location=='eastus']")).toMatchObject({ kind: 'list' });
    expect(shape('value[].id')).toMatchObject({ kind: 'list' });
    expect(shape('{KeyPolicy:keyPolicy}')).toEqual({ kind: 'object', keys: ['KeyPolicy'] });
    expect(shape('[].{Name:name, id:id}')).toEqual({ kind: 'list', items: { kind: 'object', keys: ['Name', 'id'] } });
    expect(shape('sort_by([].{Name:name, Size:size}, &Size)')).toMatchObject({ kind: 'list', items: { kind: 'object', keys: ['Name', 'Size'] } });
    expect(shape('[0].name')).toEqual({ kind: 'any', field: 'name' });
    expect(shape('[].name | [0]')).toMatchObject({ kind: 'any' });
    expect(shape('length(@)')).toEqual({ kind: 'number' });
    expect(compileQuery('[?name==')).toBeUndefined();
  });
  it('names the table columns as knack does with a query active: keys in order, first letter upper-cased, no id/type/etag', () => {
    // MicrosoftDocs/azure-docs-cli format-output-azure-cli.md: {resource:resourceGroup, name:name} prints "Resource  Name"
    expect(tableColumns(shape('[].{resource:resourceGroup, name:name}'))).toEqual(['Resource', 'Name']);
    expect(tableColumns(shape('[].{objectID:id, id:id, type:type, etag:etag}'))).toEqual(['ObjectID']);
    expect(tableColumns(shape('length(@)'))).toEqual(['Result']);
    expect(tableColumns(shape('[].name'))).toBeUndefined();
    expect(shownTableColumns(['Resource    Name', '----------  -----------', 'DEMORG1     DemoVM010'])).toEqual({ columns: ['Resource', 'Name'], headerIndex: 0 });
    expect(shownTableColumns(['Name', 'plain text'])).toBeUndefined();
  });
  it('evaluates --query with a JMESPath implementation and prints tsv as knack does', () => {
    const groups = [{ name: 'a', location: 'eastus', tags: { x: '1' }, managedBy: null }, { name: 'b', location: 'westus', tags: {}, managedBy: null }];
    expect(azQuery("[?location=='eastus'].name", groups)).toEqual(['a']);
    expect(azQuery('[].{Name:name, Location:location}', groups)).toEqual([{ Name: 'a', Location: 'eastus' }, { Name: 'b', Location: 'westus' }]);
    // a plain result's keys sorted; a query's objects in its order; nested objects empty, null as None
    expect(formatTsv(groups, false)).toBe('eastus\tNone\ta\t\nwestus\tNone\tb\t\n');
    expect(formatTsv(azQuery('[].{Name:name, Location:location}', groups), true)).toBe('a\teastus\nb\twestus\n');
    expect(formatTsv('abc', true)).toBe('abc\n');
    expect(formatTsv(true, true)).toBe('true\n');
  });
});

describe('what az prints (azPrint: the runner and lint read the same implementation)', () => {
  const group = JSON.stringify({ name: 'g', location: 'westus', id: '/subscriptions/s/resourceGroups/g', tags: null });
  it('prints JSON as knack format_json does: keys sorted at every level, two spaces, a final newline', () => {
    expect(formatJson({ b: 1, a: { d: [1], c: true } })).toBe('{\n  "a": {\n    "c": true,\n    "d": [\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });
  it('prints a query as json or tsv, nothing for -o none, and says what it cannot tell', () => {
    expect(azPrint(group, 'id', 'tsv', false)).toEqual({ stdout: '/subscriptions/s/resourceGroups/g\n' });
    expect(azPrint(group, 'id', 'json', false)).toEqual({ stdout: '"/subscriptions/s/resourceGroups/g"\n' });
    expect(azPrint(group, '{Where:location, Name:name}', 'tsv', false)).toEqual({ stdout: 'westus\tg\n' });
    expect(azPrint(group, undefined, 'none', false)).toEqual({ stdout: '' });
    // a null selected from an answer that may lack fields is not printed; from a complete one az prints nothing
    expect(azPrint(group, 'tags', 'json', false)).toEqual({ unknown: expect.stringMatching(/selects nothing/) });
    expect(azPrint(group, 'tags', 'json', true)).toEqual({ stdout: '' });
    expect(azPrint(group, undefined, 'tsv', false)).toEqual({ unknown: expect.stringMatching(/every field of the answer/) });
    expect(azPrint(group, '{Name:name}', 'table', false)).toEqual({ unknown: '-o table is not computed by this tool' });
    expect(azPrint('not json', 'id', 'json', false)).toEqual({ unknown: 'the answer is not JSON' });
  });
  it('knows the commands that print nothing on success', () => {
    expect(printsNothing(['group', 'delete'])).toBeDefined();
    expect(printsNothing(['group', 'create'])).toBeUndefined();
  });
});

describe('az-output-form', () => {
  const page = (cmd: string, out: string, fence = 'output') => ['# Output', '', '```azurecli', cmd, '```', '', `\`\`\`${fence}`, out, '```', ''].join('\n');
  const form = (text: string) => lintText(text).filter((f) => f.rule === 'az-output-form');
  it('reports a table whose columns are not the query keys az prints, at the header', () => {
    const f = form(page('az group list --query "[].{Name:name, Region:location}" -o table', 'Name     Location\n-------  ----------\nmyGroup  eastus'));
    expect(f.map((x) => x.line)).toEqual([8]);
    expect(f[0]!.message).toMatch(/prints the columns "Name", "Region" in that order.*but the table shows "Name", "Location"/);
  });
  it('reports a table shown for a command that prints JSON, and a bare string for --query without tsv', () => {
    expect(form(page('az group list', 'Name     Location\n-------  ----------\nmyGroup  eastus')).map((x) => x.message)).toEqual([expect.stringMatching(/prints JSON \(az's default output format; a table needs --output table\)/)]);
    expect(form(page('az group show -n myGroup --query id', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myGroup')).map((x) => x.message)).toEqual([expect.stringMatching(/comes out in double quotes/)]);
  });
  it('reports a list of plain values shown as objects keyed by the field, or under a column named after it', () => {
    const header = form(page('az provider show -n Microsoft.Batch --query "resourceTypes[*].resourceType" -o table', 'ResourceType\n-------------\nbatchAccounts'));
    expect(header.map((x) => x.message)).toEqual([expect.stringMatching(/under the column "Result" \(knack _TableOutput\), not "ResourceType".*\{ResourceType:resourceType\} in place of resourceType/)]);
    expect(form(page('az provider show -n Microsoft.Batch --query "resourceTypes[*].resourceType" -o table', 'Result\n-------------\nbatchAccounts'))).toEqual([]);
    const keyed = form(page('az group list --query "[].name"', '[\n  { "name": "a" },\n  { "name": "b" }\n]', 'json'));
    expect(keyed.map((x) => x.message)).toEqual([expect.stringMatching(/returns the values of name themselves.*not objects with a "name" key/)]);
    expect(form(page('az group list --query "[].name"', '[\n  "a",\n  "b"\n]', 'json'))).toEqual([]);
  });
  it('reports JSON shown after a command that prints nothing on success; the stderr warning is fine', () => {
    expect(form(page('az role assignment delete --assignee 00000000-0000-0000-0000-000000000000 --role Reader --scope /subscriptions/00000000-0000-0000-0000-000000000000', '{\n  "status": "Deleted"\n}', 'json')).map((x) => x.message)).toEqual([expect.stringMatching(/prints nothing on success.*delete_role_assignments returns nothing/)]);
    expect(form(page('az provider register --namespace Microsoft.Batch', "Registering is still on-going. You can monitor using 'az provider show -n Microsoft.Batch'"))).toEqual([]);
  });
  it('notes a multiselect hash shown in its own key order: az sorts JSON keys (knack format_json sort_keys=True)', () => {
    const f = form(page('az group show -n myGroup --query "{Name:name, Location:location}"', '{\n  "Name": "myGroup",\n  "Location": "eastus"\n}', 'json'));
    expect(f.map((x) => [x.severity, x.message])).toEqual([['note', expect.stringMatching(/"Location", "Name", not "Name", "Location" as shown/)]]);
    expect(form(page('az group show -n myGroup --query "{Name:name, Location:location}"', '{\n  "Location": "eastus",\n  "Name": "myGroup"\n}', 'json'))).toEqual([]);
  });
  it("reports a queried value that the page's own unfiltered output of the same command contradicts", () => {
    const two = (shown: string) =>
      ['# Site', '', '```azurecli', 'az storage account show -n mystore -g myGroup', '```', '', '```json', '{\n  "name": "mystore",\n  "primaryEndpoints": { "web": "https://mystore.z13.web.core.windows.net/" }\n}', '```', '',
        '```azurecli', 'az storage account show -n mystore -g myGroup --query "primaryEndpoints.web" --output tsv', '```', '', '```output', shown, '```', ''].join('\n');
    expect(form(two('https://mystore.z22.web.core.windows.net/')).map((x) => x.message)).toEqual([expect.stringMatching(/own output of this command without --query \(line 8\) has "https:\/\/mystore\.z13/)]);
    expect(form(two('https://mystore.z13.web.core.windows.net/'))).toEqual([]);
    expect(form(two('https://<ACCOUNT>.z13.web.core.windows.net/'))).toEqual([]);
    expect(form(two('https://mystore.z22.web.core.windows.net/').replace('show -n mystore -g myGroup --query', 'show -n otherstore -g myGroup --query'))).toEqual([]);
  });
  it('reports JSON shown for --output yaml', () => {
    expect(form(page('az group show -n myGroup --output yaml', '{\n  "name": "myGroup"\n}', 'json')).map((x) => x.message)).toEqual([expect.stringMatching(/--output yaml prints YAML/)]);
  });
  it('reports a quoted scalar shown for --output tsv', () => {
    expect(form(page('az group show -n myGroup --query name --output tsv', '"myGroup"')).map((x) => x.message)).toEqual([expect.stringMatching(/--output tsv prints tab-separated values without quotes/)]);
  });
  it('silent when the form agrees, when something else stands between command and block, and on pipes', () => {
    expect(form(page('az group list --query "[].{Name:name, Region:location}" -o table', 'Name     Region\n-------  --------\nmyGroup  eastus'))).toEqual([]);
    expect(form(page('az group show -n myGroup --query id -o tsv', '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myGroup'))).toEqual([]);
    expect(form(page('az group show -n myGroup --query id', '"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myGroup"'))).toEqual([]);
    expect(form(page('az group list --output json | jq ".[0]"', '{\n  "name": "myGroup"\n}', 'json'))).toEqual([]);
    const file = ['# File', '', '```azurecli', 'az account list --output table', '```', '', 'Your JSON file should look like the following:', '', '```json', '{\n  "Name": "Reader Support Tickets"\n}', '```', ''].join('\n');
    expect(form(file)).toEqual([]);
  });
  it('silent on the Azure CLI documentation of its own output formats and queries (real excerpts)', () => {
    // MicrosoftDocs/azure-docs-cli @e97b361: yaml, table (with and without --query), tsv with a multiselect list
    expect(found(real('format-output-azure-cli.excerpt.md'), 'az-output-form')).toEqual([]);
    // the same repository's query examples: filters and projections shown as arrays
    expect(found(real('query-azure-cli-tables.excerpt.md'), 'az-output-form')).toEqual([]);
  });
  it('reports the real excerpt once its table header is changed (the rule reads that page)', () => {
    const text = read(real('format-output-azure-cli.excerpt.md')).replace('Resource    Name', 'Group       Name');
    expect(found(real('format-output-azure-cli.excerpt.md'), 'az-output-form', text).map((f) => f.message)).toEqual([expect.stringMatching(/"Resource", "Name" in that order.*"Group", "Name"/)]);
  });
  it('silent on corpus pages that show az output in the form az prints', () => {
    // storage-account-keys-manage.md: --query "{KeyPolicy:keyPolicy}" answered by one object
    for (const p of ['storage/common/storage-account-keys-manage.md', 'azure-resource-manager/management/tag-resources-cli.md', 'role-based-access-control/tutorial-custom-role-cli.md', 'role-based-access-control/custom-roles-cli.md']) {
      expect(found(`tests/corpus/articles/${p}`, 'az-output-form')).toEqual([]);
    }
  });
});

describe('example-id-vs-request: the values a request fixes (arm-echo.ts)', () => {
  it('reads the type an id names', () => {
    expect(typeOfPath('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app/config/web'.split('/').filter(Boolean))).toBe('Microsoft.Web/sites/config');
    expect(typeOfPath('/subscriptions/s/resourceGroups/rg'.split('/').filter(Boolean))).toBe('Microsoft.Resources/resourceGroups');
    expect(typeOfPath('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage'.split('/').filter(Boolean))).toBeUndefined();
  });
  it('location by region (a display name is its short name), kind, sku, tags and type', () => {
    const id = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st';
    const shown = { id, type: 'Microsoft.Storage/storageAccounts', location: 'eastus', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, tags: { env: 'dev' } };
    expect(requestedMismatches({ location: 'East US', kind: 'storagev2', sku: 'Standard_LRS', tags: { env: 'dev' } }, shown, { tagsExact: true })).toEqual([]);
    expect(requestedMismatches({ location: 'westus', kind: 'BlobStorage', sku: 'Standard_GRS', tags: { env: 'prod' } }, { ...shown, type: 'Microsoft.KeyVault/vaults' }, { tagsExact: true }).map((m) => m.key)).toEqual(['type', 'location', 'kind', 'sku', 'tags']);
    // an update sends only the tags it names; elided and placeholder values match anything
    expect(requestedMismatches({ tags: { team: 'web' } }, { ...shown, tags: { env: 'dev', team: 'web' } }, { tagsExact: false })).toEqual([]);
    expect(requestedMismatches({ location: '<REGION>' }, shown, { tagsExact: true })).toEqual([]);
    expect(requestedMismatches({ location: 'westus' }, { ...shown, location: '...' }, { tagsExact: true })).toEqual([]);
  });
  it('reports a PUT body\'s location that the example answers in another region', () => {
    const text = [
      '# Create a group',
      '',
      '```bash',
      `curl -X PUT 'https://management.azure.com/subscriptions/<SUBSCRIPTION ID>/resourceGroups/myGroup?api-version=2021-04-01' -H "Authorization: Bearer <ACCESS TOKEN>" -H "Content-Type: application/json" -d '{"location": "westus2"}'`,
      '```',
      '',
      'The response:',
      '',
      '```json',
      '{ "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myGroup", "name": "myGroup", "location": "westus" }',
      '```',
      '',
    ].join('\n');
    const f = lintText(text).filter((x) => x.rule === 'example-id-vs-request');
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/location is "westus", not westus2, which the request on line 4 sets/)]);
    expect(lintText(text.replace('"westus2"', '"West US"')).filter((x) => x.rule === 'example-id-vs-request')).toEqual([]);
  });
  it('silent on the corpus pages whose az and REST examples follow their requests', () => {
    for (const p of ['tests/corpus/articles/azure-resource-manager/management/tag-resources-cli.md', 'tests/corpus/articles/app-service/configure-authentication-api-version.md', 'tutorials/000-arm-user-assigned.md', 'tutorials/003-arm-user-assigned.md']) {
      expect(found(p, 'example-id-vs-request')).toEqual([]);
    }
  });
});
