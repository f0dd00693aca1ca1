// The hand-written contracts lint uses are checked against the REST specs they cite
// (vendor/specs): every field the spec defines is known to lint, and every field lint adds is
// one of the documented additions (observed responses, CLI-side fields), listed here on purpose.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { projectRoot } from '../../src/tutorials/manifest.ts';
import { contracts, type Contract, type Field } from '../../src/lint/contracts.ts';

const specsDir = join(projectRoot, 'vendor/specs');

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: string[];
  type?: string;
  format?: string;
  'x-ms-client-flatten'?: boolean;
}

const cache = new Map<string, Record<string, unknown>>();
function load(file: string): Record<string, unknown> {
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  return cache.get(file) as Record<string, unknown>;
}

/** Follows $ref (local and cross-file) and merges allOf, returning properties with their files. */
function deref(schema: Schema, file: string): { schema: Schema; file: string } {
  if (!schema.$ref) return { schema, file };
  const [path, pointer] = schema.$ref.split('#');
  const target = path ? resolve(dirname(file), path) : file;
  let node: unknown = load(target);
  for (const part of (pointer ?? '').split('/').filter(Boolean)) node = (node as Record<string, unknown>)[part];
  return deref(node as Schema, target);
}

function properties(schema: Schema, file: string, flatten: boolean): Map<string, { schema: Schema; file: string }> {
  const out = new Map<string, { schema: Schema; file: string }>();
  const { schema: s, file: f } = deref(schema, file);
  for (const part of s.allOf ?? []) for (const [k, v] of properties(part, f, flatten)) out.set(k, v);
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    if (flatten && k === 'properties' && (v['x-ms-client-flatten'] || v.$ref?.includes('Properties'))) {
      for (const [k2, v2] of properties(v, f, false)) out.set(k2, v2);
      continue;
    }
    out.set(k, { schema: v, file: f });
  }
  return out;
}

function specDefinition(c: Contract): { schema: Schema; file: string } {
  const [path, pointer] = (c.source.split(' ')[0] as string).split('#');
  const file = resolve(specsDir, path as string);
  return deref({ $ref: `#${pointer}` }, file);
}

// Fields lint knows beyond the cited spec definition, and why.
const additions: Record<string, string[]> = {
  RESOURCE_GROUP: ['type'], // returned by ARM today (azure-behavior §3.3), absent from the 2016-09-01 model
  AZ_IDENTITY_CREATE: ['resourceGroup', 'isolationScope'], // resourceGroup: added by the CLI from the id; isolationScope: newer API versions
  AZ_ROLE_ASSIGNMENT_CREATE: ['resourceGroup'],
  LIST_STATUS: [],
};

const checked: (keyof typeof contracts)[] = ['IMDS_TOKEN', 'RESOURCE_GROUP', 'LIST_SERVICE_SAS', 'SERVICE_SAS_PARAMETERS', 'GET_SECRET', 'AZ_IDENTITY_CREATE', 'AZ_ROLE_ASSIGNMENT_CREATE'];

describe('contracts against vendor/specs', () => {
  for (const name of checked) {
    const c = contracts[name];
    it(`${name}: top-level fields match ${c.source.split(' ')[0]}`, () => {
      const def = specDefinition(c);
      const spec = properties(def.schema, def.file, c.flat === true);
      const mine = Object.keys(c.root.properties ?? {});
      for (const key of spec.keys()) expect(mine, `${key} from the spec`).toContain(key);
      const extra = mine.filter((k) => !spec.has(k));
      expect(extra.sort()).toEqual([...(additions[name] ?? [])].sort());
    });
  }

  it('GET_SECRET attributes and recoveryLevel enum cover the 2016-10-01 spec', () => {
    const def = specDefinition(contracts.GET_SECRET);
    const attrs = properties(def.schema, def.file, false).get('attributes');
    expect(attrs).toBeDefined();
    const specAttrs = properties(attrs!.schema, attrs!.file, false);
    const mine = contracts.GET_SECRET.root.properties?.['attributes'] as Field;
    for (const key of specAttrs.keys()) expect(Object.keys(mine.properties ?? {})).toContain(key);
    const level = deref(specAttrs.get('recoveryLevel')!.schema, specAttrs.get('recoveryLevel')!.file).schema;
    for (const v of level.enum ?? []) expect(mine.properties?.['recoveryLevel']?.enum).toContain(v);
  });

  it('AZ_ROLE_ASSIGNMENT_LIST: each item is the RoleAssignmentListResult value item, flattened, plus the names az adds', () => {
    const def = specDefinition(contracts.AZ_ROLE_ASSIGNMENT_LIST);
    const value = properties(def.schema, def.file, false).get('value')!;
    const item = deref(deref(value.schema, value.file).schema.items!, value.file);
    const spec = properties(item.schema, item.file, true);
    const mine = Object.keys(contracts.AZ_ROLE_ASSIGNMENT_LIST.root.items?.properties ?? {});
    for (const key of spec.keys()) expect(mine, `${key} from the spec`).toContain(key);
    expect(mine.filter((k) => !spec.has(k)).sort()).toEqual(['principalName', 'resourceGroup', 'roleDefinitionName']);
    // canDelegate is named as a field of the preview APIs only: the stable spec must not have it.
    expect(spec.has('canDelegate')).toBe(false);
    expect(Object.keys(contracts.AZ_ROLE_ASSIGNMENT_LIST.absent ?? {})).toEqual(['canDelegate']);
  });

  it('uuid formats follow the spec where it says format uuid (identity ids)', () => {
    const def = specDefinition(contracts.AZ_IDENTITY_CREATE);
    const spec = properties(def.schema, def.file, true);
    for (const key of ['tenantId', 'principalId', 'clientId']) {
      expect(deref(spec.get(key)!.schema, spec.get(key)!.file).schema.format).toBe('uuid');
      expect(contracts.AZ_IDENTITY_CREATE.root.properties?.[key]?.format).toBe('uuid');
    }
  });
});
