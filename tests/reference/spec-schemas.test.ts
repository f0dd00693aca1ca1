// The schema index of the Resource Manager operations (issue 16 item 4): generated from vendor/specs
// byte for byte, silent on every request and answer example the specs themselves give, and judging a
// version that is not vendored only where the vendored versions around it agree.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSpecSchemas, resourceTypeOfPath } from '../../src/reference/spec-schemas-source.ts';
import { checkAgainstSchema, nearMiss, operationSchema, resourceSchema, type SchemaView } from '../../src/reference/spec-schemas.ts';
import { specDocuments, specSource } from '../../scripts/spec-documents.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');
const must = (v: SchemaView | undefined): SchemaView => {
  expect(v).toBeDefined();
  return v as SchemaView;
};

describe('src/reference/spec-schemas.json', () => {
  it('is what scripts/generate-spec-schemas.ts makes of vendor/specs (byte for byte)', () => {
    expect(renderSpecSchemas(specDocuments(), specSource())).toBe(read('src/reference/spec-schemas.json'));
  });
  it('names the resource type a PUT path creates', () => {
    expect(resourceTypeOfPath('/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage/storageAccounts/{a}/blobServices/default/containers/{c}')).toBe('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(resourceTypeOfPath('/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}')).toBe('Microsoft.Resources/resourceGroups');
    expect(resourceTypeOfPath('/{scope}/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}')).toBe('Microsoft.Authorization/roleAssignments');
    expect(resourceTypeOfPath('/subscriptions/{s}/resourceGroups/{g}/providers/{resourceProviderNamespace}/{resourceType}/{name}')).toBeUndefined();
  });
});

// Every x-ms-examples file of the vendored Resource Manager specs: its request body and its 200/201
// answer, sent to the path the example's own parameters fill in. the real bodies and answers at their own version (Web, and since session 9 AKS, Network, ACR, Redis, Container Apps, Event Hubs and Batch, included), more read as a version in between.
describe('precision: the specs\' own examples', () => {
  const manifest = JSON.parse(read('vendor/specs/MANIFEST.json')) as { files: { file: string }[] };
  type Op = { parameters?: { in?: string; name?: string }[]; 'x-ms-examples'?: Record<string, { $ref: string }> };
  const cases: { name: string; method: string; path: string; version: string; body: unknown; answer: unknown }[] = [];
  for (const { file } of manifest.files) {
    if (file.includes('/examples/') || !file.includes('/resource-manager/')) continue;
    const spec = JSON.parse(read(`vendor/specs/${file}`)) as { info: { version: string }; paths?: Record<string, Record<string, Op>> };
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const [method, op] of Object.entries(item)) {
        for (const ex of Object.values(op['x-ms-examples'] ?? {})) {
          const exFile = posix.join(posix.dirname(file), ex.$ref);
          const example = JSON.parse(read(`vendor/specs/${exFile}`)) as { parameters?: Record<string, unknown>; responses?: Record<string, { body?: unknown }> };
          const real = path.replace(/\{([^}]+)\}/g, (_, p: string) => String(example.parameters?.[p] ?? 'x'));
          const bodyName = (op.parameters ?? []).find((p) => p.in === 'body')?.name;
          cases.push({ name: exFile, method, path: real, version: spec.info.version, body: bodyName ? example.parameters?.[bodyName] : undefined, answer: example.responses?.['200']?.body ?? example.responses?.['201']?.body });
        }
      }
    }
  }
  it('finds nothing in any example body or answer, at its own api-version and as a version between two vendored ones', () => {
    let checked = 0;
    const issues: string[] = [];
    // 2021-01-01 lies between the vendored Storage 2017-06-01 and 2023-05-01; 2020-01-01 between Resources 2016-09-01 and 2024-03-01.
    const between: Record<string, string> = { '2023-05-01': '2021-01-01', '2024-03-01': '2020-01-01', '2023-01-31': '2020-01-01', '2022-04-01': '2020-01-01' };
    for (const c of cases) {
      for (const version of [c.version, between[c.version]]) {
        if (!version) continue;
        for (const [role, value] of [['body', c.body], ['response', c.answer]] as const) {
          if (value === undefined || typeof value !== 'object') continue;
          const view = operationSchema(c.method, c.path, version, role);
          if (!view) continue;
          checked++;
          for (const issue of checkAgainstSchema(value, view)) issues.push(`${c.name} ${version} ${role}: ${JSON.stringify(issue)}`);
        }
      }
    }
    // Defects of the upstream examples themselves, not of the check: the Microsoft.Network 2024-01-01
    // ApplicationGatewayGet/List/ListAll answers write a pool's backendAddresses as bare strings
    // ("10.0.0.1"); the model is ApplicationGatewayBackendAddress ({"ipAddress": …} or {"fqdn": …}), as
    // the same folder's ApplicationGatewayCreate.json request writes it and the service answers.
    const upstreamDefect = /^network\/resource-manager\/Microsoft\.Network\/stable\/2024-01-01\/examples\/ApplicationGateway(Get|List|ListAll)\.json 2024-01-01 response: \{"kind":"type","path":\[[^\]]*"backendAddresses","\d+"\],"written":"10\.0\.0\.\d","expected":"object"\}$/;
    expect(issues.filter((i) => !upstreamDefect.test(i))).toEqual([]);
    expect(issues.length).toBe(6);
    expect(checked).toBeGreaterThan(700);
  });
});

describe('which schema judges a value', () => {
  const body = { location: 'westus', sku: { name: 'Standard_LSR' }, kind: 'StorageV2', properties: { supportsHttpsTrafficOnly: 'yes', accesTier: 'Hot', minimumTlsVersion: 'TLS1_2' } };
  it('the vendored api-version itself: near-miss names, a near miss of an open enum value, an uncoercible type', () => {
    const view = must(resourceSchema('Microsoft.Storage/storageAccounts', '2023-05-01', 'body'));
    expect(view.exact).toBe(true);
    expect(checkAgainstSchema(body, view)).toEqual([
      { kind: 'enum', path: ['sku', 'name'], written: 'Standard_LSR', allowed: expect.arrayContaining(['Standard_LRS']) as unknown, open: true, suggestion: 'Standard_LRS' },
      { kind: 'type', path: ['properties', 'supportsHttpsTrafficOnly'], written: 'yes', expected: 'boolean' },
      { kind: 'property', path: ['properties', 'accesTier'], written: 'accesTier', suggestion: 'accessTier' },
    ]);
  });
  it('a stable version between two vendored ones: only what both agree on (the property lists of 2017-06-01 and 2023-05-01 differ, so no name is judged)', () => {
    const view = must(resourceSchema('Microsoft.Storage/storageAccounts', '2022-09-01', 'body'));
    expect(view.exact).toBe(false);
    expect(view.operations.map((o) => o.apiVersion)).toEqual(['2017-06-01', '2023-05-01']);
    expect(checkAgainstSchema(body, view).map((i) => i.kind)).toEqual(['type']);
  });
  it('silent on a preview version, on a version outside the vendored range, on a type with no vendored spec', () => {
    expect(operationSchema('PUT', '/subscriptions/s/providers/microsoft.authorization/roleassignments/r', '2018-09-01-preview', 'body')).toBeUndefined();
    expect(resourceSchema('Microsoft.Storage/storageAccounts', '2016-01-01', 'body')).toBeUndefined();
    expect(resourceSchema('Microsoft.Storage/storageAccounts', '2025-01-01', 'body')).toBeUndefined();
    expect(resourceSchema('Microsoft.Web/sites', '2023-01-01', 'body')).toBeUndefined();
  });
  it('a closed enum compared without case (as ARM does); a far value of an open enum is not judged (specs lag the service)', () => {
    const vault = must(resourceSchema('Microsoft.KeyVault/vaults', '2023-07-01', 'body'));
    const v = (sku: unknown) => checkAgainstSchema({ location: 'x', properties: { tenantId: '00000000-0000-0000-0000-000000000000', sku } }, vault);
    expect(v({ family: 'A', name: 'Standard' })).toEqual([]);
    expect(v({ family: 'A', name: 'basic' })).toMatchObject([{ kind: 'enum', path: ['properties', 'sku', 'name'], written: 'basic', allowed: ['standard', 'premium'] }]);
    expect(v({ family: 'B', name: 'standard' })).toEqual([]); // SkuFamily is modelAsString: "B" is far from "A" by its length alone
    const sa = must(resourceSchema('Microsoft.Storage/storageAccounts', '2023-05-01', 'body'));
    expect(checkAgainstSchema({ location: 'x', sku: { name: 'StandardV2_LRS' }, kind: 'StorageV2' }, sa)).toEqual([]);
  });
  it('the REST path picks the operation, most specific path first; generic /{resourceId} paths never judge a type', () => {
    expect(must(operationSchema('GET', '/subscriptions/s/resourceGroups/g', '2016-09-01', 'response')).operations[0]?.operationId).toBe('ResourceGroups_Get');
    expect(must(operationSchema('POST', '/subscriptions/s/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/a/listKeys', '2023-05-01', 'response')).operations[0]?.operationId).toBe('StorageAccounts_ListKeys');
    expect(operationSchema('GET', '/subscriptions/s/resourceGroups/g/providers/Microsoft.Web/sites/a', '2024-03-01', 'response')).toBeUndefined();
  });
  it('a near miss is one name only: another case, or one typo on a name of six characters or more; for open enum values only a swap', () => {
    expect(nearMiss('principalID', ['principalId', 'roleDefinitionId'])).toBe('principalId');
    expect(nearMiss('roleDefinitonId', ['principalId', 'roleDefinitionId'])).toBe('roleDefinitionId');
    expect(nearMiss('accesTier', ['accessTier'])).toBe('accessTier');
    expect(nearMiss('kinds', ['kind'])).toBeUndefined(); // short names: too many real neighbours
    expect(nearMiss('isHnsEnabled', ['isHnsEnabld', 'isHnsEnabledX'])).toBeUndefined(); // two candidates: no guess
    expect(nearMiss('minimumTlsVersions', ['minimalTlsVersion'])).toBeUndefined(); // two edits
    expect(nearMiss('Standard_LSR', ['Standard_LRS', 'Premium_LRS'], true)).toBe('Standard_LRS');
    expect(nearMiss('StandardV2_LRS', ['Standard_LRS'], true)).toBeUndefined();
    expect(nearMiss('Standard_GRS', ['Standard_GZRS'], true)).toBeUndefined();
  });
});
