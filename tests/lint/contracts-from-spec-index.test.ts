// defect: two implementations of one fact. The contracts lint holds Resource Manager examples to
// (src/lint/contracts.ts) restated by hand the field names, types and enums the generated spec index
// (src/reference/spec-schemas.json) already holds for the same operation and api-version, so the two
// could drift apart. Those contracts now read the index; by hand stays only what the specs cannot say.
// Pinned here: each such contract names its index entry, and every field the index gives is the
// contract's with the index's type and closed enum — except the overlays listed, each with its reason.
import { describe, expect, it } from 'vitest';
import { contracts, type Field } from '../../src/lint/contracts.ts';
import { REST_CONTRACTS } from '../../src/check/contracts.ts';
import { operationNode, resolvedNode } from '../../src/reference/spec-schemas.ts';
import type { SchemaNode } from '../../src/reference/spec-schemas-source.ts';

/** Fields where the contract says more than the spec (path → why), as src/lint/contracts.ts comments them. */
const OVERLAID: Record<string, string> = {
  'RESOURCE_GROUP.id': 'format arm-id: ARM\'s convention',
  'LIST_KEYS.keys[].permissions': 'FULL/READ: the service answers upper case',
  'SERVICE_SAS_PARAMETERS.signedResource': 'modelAsString in the spec; a service SAS signs only b, c, f, s',
  'SERVICE_SAS_PARAMETERS.signedStart': 'date-time: the spec\'s format, which the index drops',
  'SERVICE_SAS_PARAMETERS.signedExpiry': 'date-time: the spec\'s format, which the index drops',
};

function compare(name: string, path: string, node: SchemaNode, field: Field | undefined, seen: Set<string>): void {
  const n = resolvedNode(node, new Set(seen));
  if (!n) return;
  const inner = new Set(seen);
  if (node.ref) inner.add(node.ref);
  expect(field, `${name}${path}`).toBeDefined();
  expect(field!.type, `${name}${path}`).toBe(n.type ?? (n.properties ? 'object' : 'string'));
  if (!OVERLAID[`${name}${path}`]) {
    expect(field!.enum, `${name}${path} enum`).toEqual(n.enum && !n.open ? n.enum : undefined);
    expect(field!.format, `${name}${path} format`).toBeUndefined();
  }
  for (const [k, v] of Object.entries(n.properties ?? {})) compare(name, `${path}.${k}`, v, field!.properties?.[k], inner);
  if (n.items) compare(name, `${path}[]`, n.items, field!.items, inner);
}

describe('defect: hand-written contracts restated the spec index', () => {
  it('the Resource Manager contracts of lint name the spec index entry they are read from', () => {
    const backed = Object.entries(contracts).filter(([, c]) => 'spec' in c && c.spec !== undefined).map(([k]) => k).sort();
    expect(backed).toEqual(['LIST_KEYS', 'LIST_SERVICE_SAS', 'RESOURCE_GROUP', 'SERVICE_SAS_PARAMETERS']);
  });

  for (const [name, c] of Object.entries(contracts)) {
    const spec = 'spec' in c ? c.spec : undefined;
    if (spec === undefined) continue;
    it(`${name}: every field of ${spec.operationId} ${spec.apiVersion} (${spec.role}) in the index is the contract's, as the index gives it`, () => {
      const node = operationNode(spec.operationId, spec.apiVersion, spec.role);
      expect(node).toBeDefined();
      const top = resolvedNode(node!)!;
      for (const [k, v] of Object.entries(top.properties ?? {})) compare(name, `.${k}`, v, c.root.properties?.[k], new Set(node!.ref ? [node!.ref] : []));
    });
  }

  it("the run's REST contracts of the same operations name the index entry their zod schema is built from, and hold answers to the index's types", () => {
    const indexed = Object.entries(REST_CONTRACTS).filter(([, c]) => c.index !== undefined).map(([k, c]) => `${k} ${c.index!.operationId} ${c.index!.apiVersion}`);
    expect(indexed).toEqual(['arm.resourceGroups.get ResourceGroups_Get 2016-09-01', 'arm.storage.listKeys StorageAccounts_ListKeys 2016-12-01', 'arm.storage.listServiceSas StorageAccounts_ListServiceSAS 2017-06-01']);
    const rg = REST_CONTRACTS['arm.resourceGroups.get'].schema!;
    // managedBy and tags' values are strings in the index; id, name, location and provisioningState are in every answer (overlay).
    expect(rg.safeParse({ id: '/subscriptions/s/resourceGroups/rg', name: 'rg', location: 'eastus', properties: { provisioningState: 'Succeeded' }, tags: { a: 'b' } }).success).toBe(true);
    expect(rg.safeParse({ id: 'x', name: 'rg', location: 'eastus', managedBy: 3 }).error?.issues.map((i) => i.path.join('.'))).toEqual(['managedBy']);
    expect(rg.safeParse({ name: 'rg', location: 'eastus', properties: {} }).error?.issues.map((i) => i.path.join('.'))).toEqual(['id', 'properties.provisioningState']);
    expect(REST_CONTRACTS['arm.storage.listKeys'].schema!.safeParse({ keys: [{ keyName: 'key1', value: 'v', permissions: 'FULL' }] }).success).toBe(true);
  });
});
