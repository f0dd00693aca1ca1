// REST contracts from the one spec index (src/reference/spec-schemas.json): an operation's response
// at one api-version as a zod schema — its field names, types and nesting — with by hand only what
// the specs cannot say (which fields every answer carries, a GUID's shape, how the service spells an
// enum), each with its source where the contract uses it (./contracts.ts). Objects stay loose:
// Swagger allows properties it does not name.
import { z } from 'zod';
import { operationNode, resolvedNode, type SchemaRole } from '../reference/spec-schemas.ts';
import type { SchemaNode } from '../reference/spec-schemas-source.ts';

export interface ZodOverlay {
  /** Fields every answer carries (the spec marks few required; readOnly fields are not). */
  required?: readonly string[];
  /** Per field: a schema standing in for the spec's (a refinement the spec cannot state), or an overlay of its own. */
  fields?: Readonly<Record<string, z.ZodType | ZodOverlay>>;
  items?: ZodOverlay;
}

function zodOf(node: SchemaNode, overlay: ZodOverlay, seen: Set<string>): z.ZodType {
  const n = resolvedNode(node, new Set(seen)) ?? {};
  const inner = new Set(seen);
  if (node.ref) inner.add(node.ref);
  if (n.properties) {
    const required = overlay.required ?? [];
    // Required fields first (their issues come first, as the contracts always said them), then the spec's order.
    const keys = [...required.filter((k) => k in n.properties!), ...Object.keys(n.properties).filter((k) => !required.includes(k))];
    const shape: Record<string, z.ZodType> = {};
    for (const k of keys) {
      const o = overlay.fields?.[k];
      const t = o instanceof z.ZodType ? o : zodOf(n.properties[k]!, o ?? {}, inner);
      shape[k] = required.includes(k) ? t : t.optional();
    }
    return z.looseObject(shape);
  }
  if (n.map) return z.record(z.string(), zodOf(n.map, {}, inner));
  switch (n.type) {
    case 'array':
      return z.array(n.items ? zodOf(n.items, overlay.items ?? {}, inner) : z.unknown());
    case 'integer':
      return z.number().int();
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'object':
      return z.looseObject({});
    default:
      // A closed enum is the service's to spell; a contract that holds a value to one says how (overlay).
      return z.string();
  }
}

/** The zod schema of an operation's body or response at one vendored api-version, with `overlay` on top. */
export function zodFromSpec(operationId: string, apiVersion: string, role: SchemaRole, overlay: ZodOverlay = {}): z.ZodType {
  const node = operationNode(operationId, apiVersion, role);
  if (!node) throw new Error(`the spec index has no ${role} of ${operationId} at ${apiVersion} (src/reference/spec-schemas.json)`);
  return zodOf(node, overlay, new Set());
}
