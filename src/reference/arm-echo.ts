// Resource Manager answers a GET, PUT or PATCH of one resource with that resource: its "id" is the
// request path (ARM compares paths without case) and its "name" the path's last segment. One
// implementation for lint (the URL as the page writes it) and the check stage (the URL the run sent).

/** A segment the reader chooses or the page elides: matches anything. */
const CHOSEN = /[<>{}$…]|^\.\.\.$|^0{8}-0{4}-0{4}-0{4}-0{12}$|^x{8}/i;
const same = (a: string, b: string) => CHOSEN.test(a) || CHOSEN.test(b) || a.toLowerCase() === b.toLowerCase();

/** The path segments of an ARM URL naming one resource (type/name pairs), or undefined. */
export function armResourcePath(method: string, url: string): string[] | undefined {
  if (!['GET', 'PUT', 'PATCH'].includes(method.toUpperCase())) return undefined;
  const m = /^https:\/\/management\.azure\.com(\/[^?#]*)/i.exec(url);
  if (!m) return undefined;
  const path = m[1]!.split('/').filter(Boolean);
  // a collection or an action is not one resource
  return path.length >= 2 && path.length % 2 === 0 ? path : undefined;
}

export interface EchoMismatch {
  key: 'id' | 'name';
  shown: string;
  expected: string;
  /** For an id: the first segment that differs, and the path's segment there. */
  segment?: { shown: string; expected: string };
}

/**
 * Where an example's id or name contradicts the resource path. `comparable(i)` says whether the
 * path's segment i may be compared (the check stage compares only segments the page wrote as sent).
 */
export function armEchoMismatches(path: readonly string[], example: unknown, comparable: (i: number) => boolean = () => true): EchoMismatch[] {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return [];
  const obj = example as Record<string, unknown>;
  const out: EchoMismatch[] = [];
  const id = typeof obj['id'] === 'string' ? (obj['id'] as string) : undefined;
  const ids = id?.split('/').filter(Boolean);
  if (id && ids && ids.length === path.length) {
    const k = ids.findIndex((s, i) => comparable(i) && !same(s, path[i]!));
    if (k >= 0) out.push({ key: 'id', shown: id, expected: `/${path.join('/')}`, segment: { shown: ids[k]!, expected: path[k]! } });
  }
  const name = typeof obj['name'] === 'string' ? (obj['name'] as string) : undefined;
  const last = path.length - 1;
  if (name !== undefined && !name.includes('/') && comparable(last) && !same(name, path[last]!)) out.push({ key: 'name', shown: name, expected: path[last]! });
  return out;
}
