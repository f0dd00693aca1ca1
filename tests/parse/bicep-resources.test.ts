// The Bicep resource reader behind request-body-schema: what it reads of a body (literals, nested
// objects and arrays, where each key is), and what it leaves as an expression.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bicepResources } from '../../src/parse/bicep-resources.ts';

const lines = (text: string, from = 1) => text.split('\n').map((t, i) => ({ line: from + i, text: t }));

describe('bicepResources', () => {
  it('reads the real quick-create-bicep.md file: two resources (the key names its parent with parent:), parameters as expressions, each key where it is written', () => {
    const page = readFileSync(join(import.meta.dirname, '..', '..', 'tests/corpus/articles/key-vault/keys/quick-create-bicep.md'), 'utf8').split('\n');
    const open = page.findIndex((l) => l.startsWith('```bicep'));
    const close = page.findIndex((l, i) => i > open && l.startsWith('```'));
    const found = bicepResources(lines(page.slice(open + 1, close).join('\n'), open + 2));
    expect(found.map((r) => [r.type, r.apiVersion])).toEqual([
      ['Microsoft.KeyVault/vaults', '2021-11-01-preview'],
      ['Microsoft.KeyVault/vaults/keys', '2021-11-01-preview'],
    ]);
    expect(found[0]?.body).toMatchObject({
      name: '[vaultName]',
      properties: { accessPolicies: '[[]]', enableRbacAuthorization: true, softDeleteRetentionInDays: 90, tenantId: '[subscription().tenantId]', sku: { name: '[skuName]', family: 'A' }, networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' } },
    });
    const family = found[0]?.keys.find((k) => k.path.join('.') === 'properties.sku.family');
    expect(family && page[family.line - 1]?.slice(family.column - 1)).toBe("family: 'A'");
  });
  it('nested resources, loops, conditions, inline objects, comments; existing resources and multi-line expressions are not bodies', () => {
    const text = [
      "resource kv 'Microsoft.KeyVault/vaults@2023-07-01' = {",
      '  name: kvName // the vault',
      '  properties: {',
      "    sku: { family: 'A', name: 'standard' }",
      '    tenantId: subscription().tenantId',
      '    accessPolicies: [',
      '      {',
      "        objectId: '${principal}'",
      '      }',
      '    ]',
      '    networkAcls: union(defaults, {',
      "      bypass: 'None'",
      '    })',
      '  }',
      "  resource secret 'secrets@2023-07-01' = {",
      "    name: 'db'",
      "    properties: { value: 'x' }",
      '  }',
      '}',
      "resource old 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {",
      '  name: oldName',
      '}',
      "resource many 'Microsoft.Storage/storageAccounts@2023-05-01' = [for i in range(0, 2): {",
      "  name: 'sa${i}'",
      "  kind: 'StorageV2'",
      '}]',
      "resource maybe 'Microsoft.Storage/storageAccounts@2023-05-01' = if (deploy) {",
      "  kind: 'Storage'",
      '}',
    ].join('\n');
    const found = bicepResources(lines(text));
    expect(found.map((r) => [r.type, r.line])).toEqual([
      ['Microsoft.KeyVault/vaults', 1],
      ['Microsoft.KeyVault/vaults/secrets', 15],
      ['Microsoft.Storage/storageAccounts', 23],
      ['Microsoft.Storage/storageAccounts', 27],
    ]);
    expect(found[0]?.body).toEqual({
      name: '[kvName]',
      properties: { sku: { family: 'A', name: 'standard' }, tenantId: '[subscription().tenantId]', accessPolicies: [{ objectId: "['${principal}']" }], networkAcls: '[union(defaults, {]' },
    });
    expect(found[1]?.body).toEqual({ name: 'db', properties: { value: 'x' } });
    expect(found[2]?.body).toEqual({ name: "['sa${i}']", kind: 'StorageV2' });
    expect(found[3]?.body).toEqual({ kind: 'Storage' });
  });
});
