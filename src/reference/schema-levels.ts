// Keys an example writes at another level than the schema has them: the REST shape's "properties"
// object shown where az lifts its keys (x-ms-client-flatten, az-resource-output.ts), or a key that
// lives under "properties" shown one level up (az's flat shape after a REST call, or a resource
// group's provisioningState at the top of az group show). Only exact names of the other level count.
import type { SchemaNode } from './spec-schemas-source.ts';
import { resolve } from './spec-schemas.ts';
import { azNodeFacts } from './az-resource-output.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface LevelMiss {
  path: string[];
  kind: 'flattened' | 'nested';
  keys: string[];
}

/** Keys written at a level the schema (REST or az-shaped) does not have them at. */
export function levelMisses(value: unknown, node: SchemaNode, path: string[], out: LevelMiss[], depth = 0): void {
  const n = resolve(node);
  if (!n || depth > 20) return;
  if (Array.isArray(value)) {
    if (n.items) value.forEach((x, i) => levelMisses(x, n.items as SchemaNode, [...path, String(i)], out, depth + 1));
    return;
  }
  if (!isObject(value) || !n.properties || n.map || n.polymorphic) return;
  const inner = n.properties.properties ? resolve(n.properties.properties) : undefined;
  for (const [k, x] of Object.entries(value)) {
    const sub = n.properties[k];
    if (sub) {
      levelMisses(x, sub, [...path, k], out, depth + 1);
      continue;
    }
    if (k === 'properties' && isObject(x) && azNodeFacts(n)?.flattened.includes('properties')) {
      const lifted = Object.keys(x).filter((key) => key in (n.properties as object));
      if (lifted.length) out.push({ path: [...path, k], kind: 'flattened', keys: lifted });
      continue;
    }
    if (inner?.properties?.[k] && !inner.map && !inner.polymorphic) out.push({ path: [...path, k], kind: 'nested', keys: [k] });
  }
}

