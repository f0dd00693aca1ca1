// az-output-schema and az-query-path (issue 16 session 7, exout2): what an az command prints for a
// resource, as the SDK model of the REST answer (x-ms-client-flatten lifted, x-ms-client-name
// renamed, resourceGroup added), held against the JSON a page shows and the --query paths it writes.
// Negatives are real pages whose output and queries are right; positives are those pages mutated.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.ts';
import { azKeyOf, azPrintedResource } from '../../src/reference/az-resource-output.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const RULES = ['az-output-schema', 'az-query-path'];
const found = (text: string, page = 'tests/lint/fixtures/mutated.md') => lintText(text, 'docfx', page).filter((f) => RULES.includes(f.rule));
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const swap = (text: string, from: string, to: string) => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
const walk = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : f.endsWith('.md') ? [p] : [];
  });

// Real pages (the corpus's and the never-seen fresh set's), each correct where it is used here.
const AKS = 'tests/fresh/articles/aks/learn/quick-kubernetes-deploy-cli.md'; // az group create output
const SECURE = 'tests/corpus/articles/storage/common/storage-require-secure-transfer.md'; // az storage account show/update output
const STATIC = 'tests/corpus/articles/storage/blobs/storage-blob-static-website-how-to.md'; // --query "primaryEndpoints.web"
const TAGS = 'tests/corpus/articles/azure-resource-manager/management/tag-resources-cli.md'; // az group show --query id
const ROLES = 'tests/corpus/articles/role-based-access-control/custom-roles-cli.md'; // az role definition list output, an input file
/** SECURE with the elision ("...") of its first output removed, so that the example is JSON. */
const secure = () => swap(read(SECURE), '"type": "Microsoft.Storage/storageAccounts"\n  ...\n', '"type": "Microsoft.Storage/storageAccounts"\n');

describe('what az prints for a resource', () => {
  it('lifts x-ms-client-flatten properties, renames x-ms-client-name ones, keeps the others nested, adds resourceGroup', () => {
    const storage = azPrintedResource(['storage', 'account', 'show'])?.item.properties ?? {};
    expect(Object.keys(storage)).toEqual(expect.arrayContaining(['primaryEndpoints', 'enableHttpsTrafficOnly', 'resourceGroup']));
    expect(storage).not.toHaveProperty('properties');
    expect(storage).not.toHaveProperty('supportsHttpsTrafficOnly');
    const group = azPrintedResource(['group', 'show'])?.item.properties ?? {};
    expect(group).toHaveProperty('properties');
    expect(group).not.toHaveProperty('provisioningState');
    expect(azPrintedResource(['vm', 'show'], ['--show-details'])?.item.properties).toHaveProperty('publicIps');
    expect(azPrintedResource(['vm', 'show'])?.item.properties).not.toHaveProperty('publicIps');
    expect(azPrintedResource(['vm', 'create'])).toBeUndefined(); // az vm create prints its own summary
  });
  it('turns a model name into the key az prints (autorest snake_case, then to_camel_case)', () => {
    expect(['EnableHttpsTrafficOnly', 'IPAddressOrRange', 'principalId', 'vmId', 'key1'].map(azKeyOf)).toEqual(['enableHttpsTrafficOnly', 'ipAddressOrRange', 'principalId', 'vmId', 'key1']);
  });
});

describe('silence on real pages', () => {
  it('az group create output with properties.provisioningState (fresh AKS quickstart)', () => {
    expect(found(read(AKS), AKS)).toEqual([]);
  });
  it('az storage account show/update output with enableHttpsTrafficOnly (the SDK name of supportsHttpsTrafficOnly)', () => {
    expect(found(read(SECURE), SECURE)).toEqual([]);
    expect(found(secure(), SECURE)).toEqual([]);
  });
  it('a role definition file in PascalCase captioned vmoperator.json is an input, not az output', () => {
    expect(found(read(ROLES), ROLES)).toEqual([]);
  });
  it('every corpus page, tutorial and fresh page', { timeout: 300_000 }, () => {
    const pages = [...walk(join(root, 'tests/corpus/articles')), ...walk(join(root, 'tutorials')), ...walk(join(root, 'tests/fresh/articles'))].map((p) => relative(root, p));
    expect(pages.length).toBeGreaterThan(70);
    expect(pages.flatMap((page) => found(read(page), page).map((f) => `${page}:${f.line} ${f.message}`))).toEqual([]);
  });
});

describe('az-output-schema on real pages mutated', () => {
  it('provisioningState moved to the top of az group create output: printed under "properties"', () => {
    const text = swap(read(AKS), '  "properties": {\n    "provisioningState": "Succeeded"\n  },', '  "provisioningState": "Succeeded",');
    const f = found(text, AKS);
    expect(f.map((x) => [x.rule, x.line])).toEqual([['az-output-schema', lineOf(text, '"provisioningState"')]]);
    expect(f[0]?.message).toMatch(/az group create prints .*provisioningState is printed under "properties".*--query provisioningState would select nothing/);
  });
  it('a key in another case and a misspelt one', () => {
    const text = swap(swap(read(AKS), '"managedBy": null', '"managedby": null'), '"location": "westus2"', '"loction": "westus2"');
    expect(found(text, AKS).map((x) => [x.line, x.suggestion])).toEqual([
      [lineOf(text, '"loction"'), 'location'],
      [lineOf(text, '"managedby"'), 'managedBy'],
    ]);
  });
  it('a storage account shown with its REST "properties" object: az prints them flat', () => {
    const text = swap(secure(), '  "enableHttpsTrafficOnly": false,', '  "properties": { "enableHttpsTrafficOnly": false, "primaryEndpoints": {} },');
    const f = found(text, SECURE);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, '"properties"')]);
    expect(f[0]?.message).toMatch(/lifted to the top \(x-ms-client-flatten\), so enableHttpsTrafficOnly, primaryEndpoints are printed at the top level, not under "properties"/);
  });
  it('an output shortened with "..." is read without the elision (the page as written)', () => {
    const text = swap(read(SECURE), '"enableHttpsTrafficOnly": false', '"enableHttpTrafficOnly": false');
    expect(found(text, SECURE).map((x) => [x.line, x.suggestion])).toEqual([[lineOf(text, 'enableHttpTrafficOnly'), 'enableHttpsTrafficOnly']]);
  });
  it('a misspelt key of the flattened model', () => {
    const text = swap(secure(), '"enableHttpsTrafficOnly": false', '"enableHttpTrafficOnly": false');
    expect(found(text, SECURE).map((x) => [x.line, x.suggestion])).toEqual([[lineOf(text, 'enableHttpTrafficOnly'), 'enableHttpsTrafficOnly']]);
  });
});

describe('az-output-schema: values', () => {
  it('an object shown as a string (a storage account sku is an object)', () => {
    const text = swap(secure(), '  "enableHttpsTrafficOnly": false,', '  "enableHttpsTrafficOnly": false,\n  "sku": "Standard_LRS",');
    const f = found(text, SECURE);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, '"sku"')]);
    expect(f[0]?.message).toMatch(/sku is shown as the string "Standard_LRS", but az storage account show prints .* where it is an object/);
  });
  it('a closed enum value no version allows (a storage account sku tier)', () => {
    const text = swap(secure(), '  "enableHttpsTrafficOnly": false,', '  "enableHttpsTrafficOnly": false,\n  "sku": { "name": "Standard_LRS", "tier": "Standart" },');
    expect(found(text, SECURE).map((x) => [x.line, x.suggestion])).toEqual([[lineOf(text, '"sku"'), 'Standard']]);
  });
});

describe('az-query-path on real pages mutated', () => {
  it('the real queries are silent; properties.primaryEndpoints.web selects nothing (flattened)', () => {
    expect(found(read(STATIC), STATIC)).toEqual([]);
    const text = swap(read(STATIC), '--query "primaryEndpoints.web"', '--query "properties.primaryEndpoints.web"');
    const f = found(text, STATIC);
    expect(f.map((x) => [x.rule, x.line])).toEqual([['az-query-path', lineOf(text, 'properties.primaryEndpoints.web')]]);
    expect(f[0]?.message).toMatch(/az lifts the resource's properties to the top level/);
  });
  it('another case: JMESPath keys are case-sensitive', () => {
    const text = swap(read(STATIC), '--query "primaryEndpoints.web"', '--query "primaryendpoints.web"');
    expect(found(text, STATIC).map((x) => [x.line, x.suggestion])).toEqual([[lineOf(text, 'primaryendpoints.web'), 'primaryEndpoints']]);
  });
  it('provisioningState of a resource group is under properties; a field of a list is null', () => {
    expect(found(read(TAGS), TAGS)).toEqual([]);
    const nested = swap(read(TAGS), 'group=$(az group show -n demoGroup --query id --output tsv)', 'group=$(az group show -n demoGroup --query provisioningState --output tsv)');
    expect(found(nested, TAGS).map((x) => [x.line, x.suggestion])).toEqual([[lineOf(nested, '--query provisioningState'), 'properties.provisioningState']]);
    const list = swap(read(TAGS), 'group=$(az group show -n demoGroup --query id --output tsv)', 'group=$(az group list --query id --output tsv)');
    expect(found(list, TAGS).map((x) => [x.line, x.suggestion])).toEqual([[lineOf(list, 'az group list --query id'), '[].id']]);
  });
  it('inside filters, projections and multiselect hashes', () => {
    const page = ['# Page', '', '```azurecli', `az storage account list --query "[?kind=='StorageV2'].{name:name, web:primaryEndpoint.web}" --output table`, '```', ''].join('\n');
    expect(found(page).map((x) => [x.rule, x.suggestion])).toEqual([['az-query-path', 'primaryEndpoints']]);
    expect(found(page.replace('primaryEndpoint.web', 'primaryEndpoints.web'))).toEqual([]);
  });
});

describe("example-id-vs-request: the id's resource group against --resource-group (item 3)", () => {
  const DNS = 'tests/fresh/articles/dns/dns-getstarted-cli.md'; // -g MyResourceGroup, id …/resourceGroups/myresourcegroup/…
  const idHits = (text: string, page: string) => lintText(text, 'docfx', page).filter((f) => f.rule === 'example-id-vs-request' && /resource group "/.test(f.message));
  it('silent where they agree, in any case (real pages)', () => {
    expect(idHits(read(DNS), DNS)).toEqual([]);
  });
  it('an id in another resource group than the one the command names', () => {
    const text = swap(read(DNS), '/resourceGroups/myresourcegroup/providers/Microsoft.Network/dnszones', '/resourceGroups/myOtherGroup/providers/Microsoft.Network/dnszones');
    const f = idHits(text, DNS);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, 'myOtherGroup')]);
    expect(f[0]?.message).toMatch(/the example's id is in resource group "myOtherGroup" but az network dns zone show on line \d+ is given --resource-group MyResourceGroup/);
  });
});

describe('example-output-schema: a key of "properties" shown one level up in a REST answer (the flat az shape)', () => {
  const ROLE_REST = 'tests/corpus/articles/role-based-access-control/role-assignments-rest.md'; // a raw PUT at 2015-07-01 and its answer
  const restHits = (text: string) => lintText(text, 'docfx', ROLE_REST).filter((f) => f.rule === 'example-output-schema');
  it('silent on the real answer; scope moved to the top is found', () => {
    expect(restHits(read(ROLE_REST))).toEqual([]);
    const text = swap(
      swap(read(ROLE_REST), '        "scope": "/subscriptions/{subscriptionId1}",\n', ''),
      '    "type": "Microsoft.Authorization/roleAssignments",\n    "name": "{roleAssignmentId1}"',
      '    "type": "Microsoft.Authorization/roleAssignments",\n    "scope": "/subscriptions/{subscriptionId1}",\n    "name": "{roleAssignmentId1}"',
    );
    const f = restHits(text);
    expect(f.map((x) => [x.line, x.suggestion])).toEqual([[lineOf(text, '    "scope": "/subscriptions/{subscriptionId1}",'), 'properties.scope']]);
    expect(f[0]?.message).toMatch(/scope is not a key of the answer of RoleAssignments_Create, api-version 2015-07-01 .* at this level: the service writes it under "properties"/);
  });
});

describe('az-query-path: az resource show prints the generic resource, the provider answer nested under "properties"', () => {
  const SHOW = 'resource=$(az resource show -g demoGroup -n demostorage --resource-type Microsoft.Storage/storageAccounts --query "id" --output tsv)';
  it('silent on the real page; a storage account field asked at the top is under properties', () => {
    const text = swap(read(TAGS), SHOW, SHOW.replace('--query "id"', '--query "primaryEndpoints.blob"'));
    const f = found(text, TAGS);
    expect(f.map((x) => [x.line, x.suggestion])).toEqual([[lineOf(text, 'primaryEndpoints.blob'), 'properties.primaryEndpoints']]);
    expect(f[0]?.message).toMatch(/az resource show prints a GenericResource whose "properties" are the StorageAccounts_Create answer's/);
    // the right path, and the type given as --namespace + --resource-type, or by --ids
    expect(found(swap(read(TAGS), SHOW, SHOW.replace('--query "id"', '--query "properties.primaryEndpoints.blob"')), TAGS)).toEqual([]);
    const byNamespace = swap(read(TAGS), SHOW, 'resource=$(az resource show -g demoGroup -n demostorage --namespace Microsoft.Storage --resource-type storageAccounts --query properties.primaryendpoints.blob --output tsv)');
    expect(found(byNamespace, TAGS).map((x) => x.suggestion)).toEqual(['properties.primaryEndpoints']);
  });
});
