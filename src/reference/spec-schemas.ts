// The one schema index of the Resource Manager operations (src/reference/spec-schemas.json, generated
// from vendor/specs by scripts/generate-spec-schemas.ts) and the one walk that holds a JSON value to it.
// Lint reads request bodies and example outputs through here; so may any later stage.
//
// Which schema judges a value: the operation's own api-version when it is vendored. For a stable
// version that is not vendored, the two vendored stable versions around it (the newest before, the
// oldest after) stand in, and only where they agree: a property, an enum or a type is judged only when
// both versions describe it identically (its name list for an unknown property, its values for an enum,
// its type for a type), on the reasoning that what did not change between two versions did not change
// in between. A preview version, or a version with no vendored neighbour on one side, is not judged.
import { readFileSync } from 'node:fs';
import type { SchemaNode, SpecOperation, SpecSchemaTable } from './spec-schemas-source.ts';

let table: SpecSchemaTable | undefined;
function load(): SpecSchemaTable {
  // By import.meta.url, which the bundled CLI (scripts/build-dist.mjs) rewrites; import.meta.dirname it leaves empty.
  table ??= JSON.parse(readFileSync(new URL('./spec-schemas.json', import.meta.url), 'utf8')) as SpecSchemaTable;
  return table;
}

export type SchemaRole = 'body' | 'response';

/** The schema (or the two agreeing schemas) a value is held to, and what to call it in a message. */
export interface SchemaView {
  role: SchemaRole;
  nodes: SchemaNode[];
  /** The operations the nodes come from (one when the version is vendored, two around it otherwise). */
  operations: SpecOperation[];
  exact: boolean;
  /** Property names (as spelt) of every vendored version of this operation: a name any version knows is never "unknown". */
  known: Set<string>;
}

const stable = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

function view(candidates: SpecOperation[], apiVersion: string, role: SchemaRole): SchemaView | undefined {
  const withRole = candidates.filter((o) => (role === 'body' ? o.body : o.response));
  if (withRole.length === 0) return undefined;
  const known = new Set<string>();
  for (const o of withRole) collectNames(o[role] as SchemaNode, known, new Set());
  const exact = withRole.find((o) => o.apiVersion === apiVersion);
  if (exact) return { role, nodes: [exact[role] as SchemaNode], operations: [exact], exact: true, known };
  if (!stable(apiVersion)) return undefined;
  const versions = withRole.filter((o) => stable(o.apiVersion));
  const before = versions.filter((o) => o.apiVersion < apiVersion).sort((a, b) => (a.apiVersion < b.apiVersion ? 1 : -1))[0];
  const after = versions.filter((o) => o.apiVersion > apiVersion).sort((a, b) => (a.apiVersion < b.apiVersion ? -1 : 1))[0];
  if (!before || !after) return undefined;
  return { role, nodes: [before[role] as SchemaNode, after[role] as SchemaNode], operations: [before, after], exact: false, known };
}

export function collectNames(node: SchemaNode, into: Set<string>, seen: Set<string>): void {
  const n = resolve(node, seen);
  if (!n) return;
  for (const [k, v] of Object.entries(n.properties ?? {})) {
    into.add(k);
    collectNames(v, into, seen);
  }
  if (n.items) collectNames(n.items, into, seen);
  if (n.map) collectNames(n.map, into, seen);
}

/** A node with its refs followed; undefined when `seen` already holds the ref (recursion). */
export function resolve(node: SchemaNode, seen?: Set<string>): SchemaNode | undefined {
  let n = node;
  for (let i = 0; n.ref && i < 20; i++) {
    if (seen) {
      if (seen.has(n.ref)) return undefined;
      seen.add(n.ref);
    }
    n = load().definitions[n.ref] ?? {};
  }
  return n;
}

/** The PUT of a resource type, one per vendored api-version. */
export function resourceOperations(resourceType: string): SpecOperation[] {
  const type = resourceType.toLowerCase();
  const ops = load().operations.filter((o) => o.resourceType?.toLowerCase() === type);
  // A type with several PUTs (deployments at each scope) is judged by the resource-group one, or the first.
  const byVersion = new Map<string, SpecOperation>();
  for (const o of ops) if (!byVersion.has(o.apiVersion) || /\/resourcegroups\//i.test(o.path)) byVersion.set(o.apiVersion, o);
  return [...byVersion.values()];
}

/** An operation at each vendored api-version (for a model no PUT returns: Providers_Get). */
export function operationVersions(operationId: string): SpecOperation[] {
  return load().operations.filter((o) => o.operationId === operationId);
}

/** The schema of a resource type's PUT body (an ARM template resource) or answer at an api-version. */
export function resourceSchema(resourceType: string, apiVersion: string, role: SchemaRole): SchemaView | undefined {
  return view(resourceOperations(resourceType), apiVersion, role);
}

/** Spec path → a pattern over a real request path: `{x}` is one segment, ARM compares without case. */
const patterns = new Map<string, RegExp>();
function pathPattern(path: string): RegExp {
  let p = patterns.get(path);
  if (!p) {
    const body = path
      .split('/')
      .map((seg) => (/^\{[^}]+\}$/.test(seg) ? (seg === '{scope}' || seg === '{resourceId}' ? '.+' : '[^/]+') : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    p = new RegExp(`^${body}/?$`, 'i');
    patterns.set(path, p);
  }
  return p;
}

const GENERIC = /\{(resourceId|resourceType|resourceProviderNamespace|parentResourcePath)\}/i;

/** The schema of the operation a REST call names (`PUT /subscriptions/…?api-version=…`). */
export function operationSchema(method: string, path: string, apiVersion: string, role: SchemaRole): SchemaView | undefined {
  const m = method.toUpperCase();
  // Generic paths (`/{resourceId}`, `…/{resourceProviderNamespace}/…/{resourceType}/…`) take any
  // resource as a GenericResource: they say nothing of a given type's model.
  const matching = load().operations.filter((o) => o.method === m && !GENERIC.test(o.path) && pathPattern(o.path).test(path));
  if (matching.length === 0) return undefined;
  // The most specific spec path (most literal segments) when several match; one per version.
  const score = (o: SpecOperation) => o.path.split('/').filter((s) => s && !s.startsWith('{')).length;
  const byVersion = new Map<string, SpecOperation>();
  for (const o of matching.sort((a, b) => score(b) - score(a))) if (!byVersion.has(o.apiVersion)) byVersion.set(o.apiVersion, o);
  return view([...byVersion.values()], apiVersion, role);
}

/** An operation's body or response schema at one vendored api-version (by operationId), or undefined. */
export function operationNode(operationId: string, apiVersion: string, role: SchemaRole): SchemaNode | undefined {
  return load().operations.find((o) => o.operationId === operationId && o.apiVersion === apiVersion)?.[role];
}

/** A node with its reference followed (undefined for a reference already in `seen`: a cycle). */
export function resolvedNode(node: SchemaNode, seen?: Set<string>): SchemaNode | undefined {
  return resolve(node, seen);
}

export type SchemaIssueKind = 'property' | 'enum' | 'type';

export interface SchemaIssue {
  kind: SchemaIssueKind;
  /** Keys from the value's root (array indexes as strings). */
  path: string[];
  written: unknown;
  /** The name or value meant (a near miss), when there is one. */
  suggestion?: string;
  /** For an enum: its values; `open` when the RP takes any string (x-ms-enum modelAsString). */
  allowed?: string[];
  open?: boolean;
  /** For a type: the type the schema gives. */
  expected?: string;
}

/** Values the page leaves to the reader or to ARM: placeholders, expressions, variables, elisions. */
export function notALiteral(v: string): boolean {
  return /^\[.*\]$|[<>{}$]|\.\.\.|…|^\s*$/s.test(v);
}

/** Optimal string alignment distance: Levenshtein plus the swap of two adjacent characters (one typo). */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The one name of `names` that `written` is a near miss of: the same but for case, or one typo (a
 * character missing, extra, wrong, or two swapped) on a name of six characters or more. With `swapOnly`
 * (the values of an open enum, where a service adds "StandardV2_LRS" next to "Standard_LRS"), only two
 * swapped characters count: no value a service adds is an anagram of one it has.
 */
export function nearMiss(written: string, names: Iterable<string>, swapOnly = false): string | undefined {
  const w = written.toLowerCase();
  const sorted = (s: string) => [...s].sort().join('');
  const hits: string[] = [];
  for (const name of names) {
    const n = name.toLowerCase();
    if (n === w) return name;
    if (Math.min(n.length, w.length) < 6 || typoDistance(w, n) !== 1) continue;
    if (swapOnly && (n.length !== w.length || sorted(n) !== sorted(w))) continue;
    hits.push(name);
  }
  return hits.length === 1 ? hits[0] : undefined;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function typeOfValue(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

/** Whether ARM's JSON reader (Newtonsoft in most RPs) turns `v` into a value of `type`. */
function coercible(v: unknown, type: string): boolean {
  const t = typeOfValue(v);
  if (t === 'null') return true;
  if (typeof v === 'string' && notALiteral(v)) return true;
  switch (type) {
    case 'string':
      return t !== 'object' && t !== 'array';
    case 'integer':
    case 'number':
      return t === 'number' || (t === 'string' && /^-?\d+(\.\d+)?$/.test((v as string).trim()));
    case 'boolean':
      return t === 'boolean' || (t === 'string' && /^(true|false)$/i.test((v as string).trim()));
    case 'object':
      return t === 'object';
    case 'array':
      return t === 'array';
    default:
      return true;
  }
}

/**
 * Holds `value` to the view's schema: unknown properties that are near misses of a schema property,
 * enum values outside their enum (closed), or near misses of one (open), and values no reader can
 * coerce to the property's type. Read-only and polymorphic parts, maps' keys and non-literal values
 * are not judged.
 */
export function checkAgainstSchema(value: unknown, v: SchemaView): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const visit = (val: unknown, nodes: SchemaNode[], path: string[], depth: number): void => {
    if (depth > 30) return;
    const resolved = nodes.map((n) => resolve(n));
    if (resolved.some((n) => n === undefined)) return;
    const ns = resolved as SchemaNode[];
    const first = ns[0] as SchemaNode;
    // Type: only where every node gives the same one.
    // `type: object` without properties is how the specs write "any JSON" (what-if's before/after).
    const type = first.type === 'object' && !first.properties && !first.map ? undefined : first.type;
    if (type && ns.every((n) => n.type === type) && !coercible(val, type)) {
      issues.push({ kind: 'type', path, written: val, expected: type });
      return;
    }
    if (typeof val === 'string') {
      if (!first.enum || notALiteral(val) || !ns.every((n) => sameJson(n.enum, first.enum) && n.open === first.open)) return;
      const values = first.enum;
      if (values.some((e) => e.toLowerCase() === val.toLowerCase())) return;
      const meant = nearMiss(val, values, first.open === true);
      if (first.open && !meant) return;
      issues.push({ kind: 'enum', path, written: val, allowed: values, ...(first.open ? { open: true } : {}), ...(meant ? { suggestion: meant } : {}) });
      return;
    }
    if (Array.isArray(val)) {
      if (ns.every((n) => n.items)) val.forEach((x, i) => visit(x, ns.map((n) => n.items as SchemaNode), [...path, String(i)], depth + 1));
      return;
    }
    if (val === null || typeof val !== 'object') return;
    if (ns.some((n) => n.polymorphic)) return;
    if (ns.every((n) => n.map && !n.properties)) {
      for (const [k, x] of Object.entries(val as Record<string, unknown>)) visit(x, ns.map((n) => n.map as SchemaNode), [...path, k], depth + 1);
      return;
    }
    if (!ns.every((n) => n.properties)) return;
    const props = ns.map((n) => n.properties as Record<string, SchemaNode>);
    const names = Object.keys(props[0] as Record<string, SchemaNode>);
    const sameNames = props.every((p) => sameJson(Object.keys(p).sort(), [...names].sort()));
    for (const [k, x] of Object.entries(val as Record<string, unknown>)) {
      const subs = props.map((p) => p[k]);
      if (subs.every((s) => s !== undefined)) {
        // A read-only property in a body is ignored by ARM: what it holds is not the RP's to judge.
        if (v.role === 'response' || !subs.some((s) => s?.readOnly)) visit(x, subs as SchemaNode[], [...path, k], depth + 1);
        continue;
      }
      if (subs.some((s) => s !== undefined) || !sameNames || ns.some((n) => n.map) || v.known.has(k)) continue;
      const meant = nearMiss(k, names);
      if (meant) issues.push({ kind: 'property', path: [...path, k], written: k, suggestion: meant });
    }
  };
  visit(value, v.nodes, [], 0);
  return issues;
}

/** "the PUT body of StorageAccounts_Create, api-version 2023-05-01 (storage/…/storage.json)" */
export function describeView(v: SchemaView, apiVersion: string): string {
  const op = v.operations[0] as SpecOperation;
  const what = v.role === 'body' ? `the ${op.method} body of ${op.operationId}` : `the answer of ${op.operationId}`;
  if (v.exact) return `${what}, api-version ${apiVersion} (vendor/specs/${op.file})`;
  const [a, b] = v.operations as [SpecOperation, SpecOperation];
  return `${what}: api-version ${apiVersion} is not vendored, and ${a.apiVersion} and ${b.apiVersion} (vendor/specs/${a.file}, ${b.file}) agree here`;
}
