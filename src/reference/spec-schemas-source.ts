// Turns the Resource Manager specs vendored in vendor/specs/ into src/reference/spec-schemas.json: for
// each operation that takes or returns a body, its path, method and api-version, and the schema of its
// request body and of its success answer, with every $ref (local and cross-file: ./common.json,
// ../../../../../common-types/…) followed and allOf merged. Definitions are kept once, by name, and
// point at each other (`ref`), so recursive models stay finite. Pure: documents in, text out.
import { posix } from 'node:path';
import type { SpecDocument } from './spec-enums-source.ts';

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

/** A schema as the checks need it: no more than names, types, enums and nesting. */
export interface SchemaNode {
  /** Another definition of the table (`<file>#<name>`). */
  ref?: string;
  type?: SchemaType;
  properties?: Record<string, SchemaNode>;
  /** additionalProperties: a map (tags) whose values have this shape; `{}` for any value. */
  map?: SchemaNode;
  items?: SchemaNode;
  enum?: string[];
  /** x-ms-enum modelAsString: true: the RP takes any string (without it the enum is closed). */
  open?: true;
  readOnly?: true;
  /** A discriminator (polymorphic model): subtypes add properties this table does not list. */
  polymorphic?: true;
  /** x-ms-client-flatten: the SDKs (and so az's output) lift this property's own properties into its parent. */
  flatten?: true;
  /** x-ms-client-name: the name the SDK models give the property (az prints it camel-cased). */
  clientName?: string;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  /** The spec path (`/subscriptions/{subscriptionId}/…`). */
  path: string;
  apiVersion: string;
  /** The resource type the path names (`Microsoft.Storage/storageAccounts`), for PUT of one resource. */
  resourceType?: string;
  file: string;
  body?: SchemaNode;
  response?: SchemaNode;
}

export interface SpecSchemaTable {
  note: string;
  source: { repo: string; commit: string; folder: string };
  operations: SpecOperation[];
  definitions: Record<string, SchemaNode>;
}

type Json = { [key: string]: unknown };
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPES = new Set<string>(['object', 'array', 'string', 'integer', 'number', 'boolean']);
const METHODS = ['put', 'patch', 'post', 'get'];

/** `/subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.Storage/storageAccounts/{a}/blobServices/default/containers/{c}` → Microsoft.Storage/storageAccounts/blobServices/containers */
export function resourceTypeOfPath(path: string): string | undefined {
  if (/^\/subscriptions\/\{[^}]+\}\/resourcegroups\/\{[^}]+\}$/i.test(path)) return 'Microsoft.Resources/resourceGroups';
  const at = path.toLowerCase().lastIndexOf('/providers/');
  if (at < 0) return undefined;
  const parts = path.slice(at + '/providers/'.length).split('/').filter(Boolean);
  const namespace = parts[0];
  if (!namespace || /[{}]/.test(namespace) || parts.length < 3 || parts.length % 2 === 0) return undefined;
  const types: string[] = [];
  for (let i = 1; i < parts.length; i += 2) types.push(parts[i] as string);
  if (types.some((t) => /[{}]/.test(t))) return undefined;
  return [namespace, ...types].join('/');
}

/** What a property's schema says to the SDK generators: flatten it into its parent, call it otherwise. */
function clientMarks(schema: Json): Pick<SchemaNode, 'flatten' | 'clientName'> {
  return {
    ...(schema['x-ms-client-flatten'] === true ? { flatten: true as const } : {}),
    ...(typeof schema['x-ms-client-name'] === 'string' && schema['x-ms-client-name'] ? { clientName: schema['x-ms-client-name'] } : {}),
  };
}

class Reader {
  readonly definitions = new Map<string, SchemaNode>();
  private readonly docs: Map<string, Json>;
  constructor(docs: SpecDocument[]) {
    this.docs = new Map(docs.map((d) => [d.path, d.json as Json]));
  }

  /** The definition a $ref names, as `file#name` (read and stored on first use). */
  private refName(ref: string, file: string): string | undefined {
    const [path = '', pointer = ''] = ref.split('#');
    const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
    const m = /^\/definitions\/([^/]+)$/.exec(pointer);
    if (!m || !this.docs.has(target)) return undefined;
    const id = `${target}#${m[1]}`;
    if (!this.definitions.has(id)) {
      const placeholder: SchemaNode = {};
      this.definitions.set(id, placeholder);
      const raw = (this.docs.get(target)?.definitions as Json | undefined)?.[m[1] as string];
      Object.assign(placeholder, isObject(raw) ? this.node(raw, target) : {});
    }
    return id;
  }

  /** The target of a local `#/parameters/X` (body parameters are often shared). */
  resolveParameter(param: Json, file: string): { param: Json; file: string } {
    if (typeof param.$ref !== 'string') return { param, file };
    const [path = '', pointer = ''] = param.$ref.split('#');
    const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
    let node: unknown = this.docs.get(target);
    for (const part of pointer.split('/').filter(Boolean)) node = isObject(node) ? node[part] : undefined;
    return isObject(node) ? this.resolveParameter(node, target) : { param: {}, file };
  }

  node(schema: Json, file: string): SchemaNode {
    if (typeof schema.$ref === 'string') {
      const ref = this.refName(schema.$ref, file);
      return ref ? { ref, ...(schema.readOnly === true ? { readOnly: true as const } : {}), ...clientMarks(schema) } : {};
    }
    const out: SchemaNode = {};
    const merged: Record<string, SchemaNode> = {};
    let polymorphic = typeof schema.discriminator === 'string';
    // allOf: the parents' properties, then this model's own (which win).
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      if (!isObject(part)) continue;
      const parent = this.flat(this.node(part, file));
      Object.assign(merged, parent.properties ?? {});
      if (parent.polymorphic) polymorphic = true;
      if (parent.type && !out.type) out.type = parent.type;
    }
    if (typeof schema.type === 'string' && TYPES.has(schema.type)) out.type = schema.type as SchemaType;
    if (isObject(schema.properties)) {
      for (const [k, v] of Object.entries(schema.properties)) if (isObject(v)) merged[k] = this.node(v, file);
    }
    if (Object.keys(merged).length > 0) {
      out.properties = merged;
      out.type ??= 'object';
    }
    if (isObject(schema.additionalProperties)) out.map = this.node(schema.additionalProperties, file);
    else if (schema.additionalProperties === true) out.map = {};
    if (isObject(schema.items)) out.items = this.node(schema.items, file);
    const values = schema.enum;
    if (Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string')) {
      out.enum = [...(values as string[])];
      const xms = schema['x-ms-enum'];
      if (isObject(xms) && xms.modelAsString === true) out.open = true;
    }
    if (schema.readOnly === true) out.readOnly = true;
    if (polymorphic) out.polymorphic = true;
    Object.assign(out, clientMarks(schema));
    return out;
  }

  /** A node with its ref followed (one level; the table keeps the target's own refs). */
  flat(node: SchemaNode): SchemaNode {
    let n = node;
    for (let i = 0; n.ref && i < 20; i++) n = this.definitions.get(n.ref) ?? {};
    return n;
  }
}

export function specOperations(docs: SpecDocument[]): { operations: SpecOperation[]; definitions: Record<string, SchemaNode> } {
  const reader = new Reader(docs);
  const operations: SpecOperation[] = [];
  for (const doc of [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!doc.path.includes('/resource-manager/') || !isObject(doc.json)) continue;
    const info = doc.json.info;
    const apiVersion = isObject(info) && typeof info.version === 'string' ? info.version : undefined;
    const paths = doc.json.paths;
    if (!apiVersion || !isObject(paths)) continue;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const method of METHODS) {
        const op = item[method];
        if (!isObject(op) || typeof op.operationId !== 'string') continue;
        let body: SchemaNode | undefined;
        for (const p of Array.isArray(op.parameters) ? op.parameters : []) {
          if (!isObject(p)) continue;
          const { param, file } = reader.resolveParameter(p, doc.path);
          if (param.in === 'body' && isObject(param.schema)) body = reader.node(param.schema, file);
        }
        let response: SchemaNode | undefined;
        const responses = isObject(op.responses) ? op.responses : {};
        for (const code of ['200', '201']) {
          const r = responses[code];
          if (isObject(r) && isObject(r.schema)) {
            response = reader.node(r.schema, doc.path);
            break;
          }
        }
        if (!body && !response) continue;
        const resourceType = method === 'put' ? resourceTypeOfPath(path) : undefined;
        operations.push({
          operationId: op.operationId,
          method: method.toUpperCase(),
          path,
          apiVersion,
          ...(resourceType ? { resourceType } : {}),
          file: doc.path,
          ...(body ? { body } : {}),
          ...(response ? { response } : {}),
        });
      }
    }
  }
  const definitions = Object.fromEntries([...reader.definitions.keys()].sort().map((k) => [k, reader.definitions.get(k) as SchemaNode]));
  return { operations, definitions };
}

export function renderSpecSchemas(docs: SpecDocument[], source: { repo: string; commit: string }): string {
  const { operations, definitions } = specOperations(docs);
  const table: SpecSchemaTable = {
    note: 'Generated by scripts/generate-spec-schemas.ts from the Resource Manager OpenAPI documents in vendor/specs/: each operation with a body or a 200/201 answer, its api-version (info.version of its file) and the schemas of its request body and answer ($ref followed, allOf merged; definitions by "<file>#<name>").',
    source: { ...source, folder: 'vendor/specs (specification/ of the repository)' },
    operations,
    definitions,
  };
  return `${JSON.stringify(table)}\n`;
}
