// The fields a `--query` expression reads, followed through the schema of what the command prints
// (az-resource-output.ts). JMESPath (jmespath.org specification) matches an identifier against an
// object's keys exactly, case included, and a field an object does not have, or a field asked of a
// list, evaluates to null: `az identity show … --query properties.principalId -o tsv` prints nothing,
// since az prints principalId at the top. Only misses the schema proves are reported: another case
// of a key, a key that sits one level up or down (under or out of "properties"), a one-typo near
// miss; a name the schema lacks altogether may be newer than the spec, and is left alone.
import type { JmesNode } from 'jmespath';
import type { SchemaNode } from './spec-schemas-source.ts';
import { nearMiss, resolve } from './spec-schemas.ts';
import { azNodeFacts } from './az-resource-output.ts';

export type QueryMissKind = 'case' | 'flattened' | 'nested' | 'typo' | 'list';

export interface QueryMiss {
  kind: QueryMissKind;
  /** The field as written. */
  field: string;
  /** The path of fields up to and including it, as written (`properties.principalId`). */
  written: string;
  /** The path az prints it at (`principalId`), when there is one. */
  meant?: string;
}

/** Where the walk stands: the schema of the value there and the path of fields that led to it. */
interface At {
  node: SchemaNode;
  path: string[];
}

const isList = (n: SchemaNode): boolean => n.type === 'array' && n.items !== undefined;
const FUNCTIONS_OVER_ITEMS = new Set(['sort_by', 'max_by', 'min_by', 'map', 'group_by']);
const SAME_AS_FIRST = new Set(['sort_by', 'reverse', 'sort']);

/**
 * `known`: names some vendored version spells so (REST or SDK): a field written so is never called
 * another case or a typo, since az's spelling of it is derived (azKeyOf) and the derivation may differ.
 */
export function queryMisses(query: JmesNode, root: SchemaNode, known: ReadonlySet<string> = new Set()): QueryMiss[] {
  const misses: QueryMiss[] = [];

  const field = (name: string, at: At | undefined): At | undefined => {
    if (!at) return undefined;
    const n = resolve(at.node);
    if (!n) return undefined;
    const written = [...at.path, name].join('.');
    if (isList(n)) {
      misses.push({ kind: 'list', field: name, written, meant: `${at.path.length ? `${at.path.join('.')}` : ''}[].${name}` });
      return undefined;
    }
    if (!n.properties || n.map || n.polymorphic) return undefined;
    const sub = n.properties[name];
    if (sub) return { node: sub, path: [...at.path, name] };
    const names = Object.keys(n.properties);
    const other = names.find((k) => k.toLowerCase() === name.toLowerCase());
    if (other && known.has(name)) return { node: n.properties[other] as SchemaNode, path: [...at.path, other] };
    if (other) {
      misses.push({ kind: 'case', field: name, written, meant: [...at.path, other].join('.') });
      return { node: n.properties[other] as SchemaNode, path: [...at.path, other] };
    }
    if (name === 'properties' && azNodeFacts(n)?.flattened.includes('properties')) {
      // the next field is looked up here; the caller reports it with the corrected path
      misses.push({ kind: 'flattened', field: name, written, meant: at.path.join('.') });
      return { node: n, path: at.path };
    }
    const inner = n.properties.properties ? resolve(n.properties.properties) : undefined;
    if (inner?.properties?.[name]) {
      misses.push({ kind: 'nested', field: name, written, meant: [...at.path, 'properties', name].join('.') });
      return { node: inner.properties[name] as SchemaNode, path: [...at.path, 'properties', name] };
    }
    const typo = known.has(name) ? undefined : nearMiss(name, names);
    if (typo) {
      misses.push({ kind: 'typo', field: name, written, meant: [...at.path, typo].join('.') });
      return { node: n.properties[typo] as SchemaNode, path: [...at.path, typo] };
    }
    return undefined;
  };

  const items = (at: At | undefined): At | undefined => {
    if (!at) return undefined;
    const n = resolve(at.node);
    return n && isList(n) ? { node: n.items as SchemaNode, path: [] } : undefined;
  };
  const listOf = (at: At | undefined): At | undefined => (at ? { node: { type: 'array', items: at.node }, path: [] } : undefined);

  const walk = (node: JmesNode, at: At | undefined): At | undefined => {
    const c = node.children ?? [];
    switch (node.type) {
      case 'Field':
        return field(node.name ?? '', at);
      case 'Subexpression':
      case 'IndexExpression':
      case 'Pipe':
        return c[0] && c[1] ? walk(c[1], walk(c[0], at)) : undefined;
      case 'Index':
        return items(at);
      case 'Slice':
        return at && isList(resolve(at.node) ?? {}) ? at : undefined;
      case 'Identity':
      case 'Current':
        return at;
      case 'Flatten': {
        const inner = c[0] ? walk(c[0], at) : undefined;
        const n = inner ? resolve(inner.node) : undefined;
        if (!n || !isList(n)) return undefined;
        const item = resolve(n.items as SchemaNode);
        return item && isList(item) ? { node: item, path: [] } : { node: n, path: [] };
      }
      case 'Projection':
      case 'FilterProjection': {
        const each = items(c[0] ? walk(c[0], at) : undefined);
        if (node.type === 'FilterProjection' && c[2]) walk(c[2], each);
        return listOf(c[1] ? walk(c[1], each) : undefined);
      }
      case 'ValueProjection': {
        const left = c[0] ? walk(c[0], at) : undefined;
        const n = left ? resolve(left.node) : undefined;
        return listOf(n?.map && c[1] ? walk(c[1], { node: n.map, path: [] }) : undefined);
      }
      case 'MultiSelectHash': {
        const properties: Record<string, SchemaNode> = {};
        for (const kv of c) {
          const got = kv.value ? walk(kv.value as JmesNode, at) : undefined;
          properties[kv.name ?? ''] = got?.node ?? {};
        }
        return { node: { type: 'object', properties }, path: [] };
      }
      case 'MultiSelectList':
      case 'Comparator':
      case 'AndExpression':
      case 'OrExpression':
      case 'NotExpression':
        for (const x of c) walk(x, at);
        return undefined;
      case 'Function': {
        const args = c.map((x) => (x.type === 'ExpressionReference' ? undefined : walk(x, at)));
        if (FUNCTIONS_OVER_ITEMS.has(node.name ?? '')) {
          const each = items(args[0]);
          for (const x of c) if (x.type === 'ExpressionReference' && x.children?.[0]) walk(x.children[0], each);
        }
        return SAME_AS_FIRST.has(node.name ?? '') ? args[0] : undefined;
      }
      default:
        return undefined;
    }
  };

  walk(query, { node: root, path: [] });
  return misses;
}
