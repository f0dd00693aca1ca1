// Resource Manager answers a GET, PUT or PATCH of one resource with that resource: its "id" is the
// request path (ARM compares paths without case) and its "name" the path's last segment. One
// implementation for lint (the URL as the page writes it) and the check stage (the URL the run sent).

/** A segment the reader chooses or the page elides: matches anything. */
const CHOSEN = /[<>{}$…]|^\.\.\.$|^0{8}-0{4}-0{4}-0{4}-0{12}$|^x{8}/i;
const same = (a: string, b: string) => CHOSEN.test(a) || CHOSEN.test(b) || a.toLowerCase() === b.toLowerCase();
/** A value the reader chooses (<…>, {…}, $VAR), an elision (..., …, xxxxxxxx, an all-zero GUID), or nothing written: it matches anything. */
export const isChosen = (s: string): boolean => CHOSEN.test(s) || /[&`*]/.test(s) || s.trim() === '';

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

/**
 * The resource type an ARM id or path names: its last provider namespace and the type segments
 * after it (`…/providers/Microsoft.Web/sites/app/config/web` → Microsoft.Web/sites/config); a
 * resource group's id names Microsoft.Resources/resourceGroups. Undefined for anything else.
 */
export function typeOfPath(segments: readonly string[]): string | undefined {
  const p = segments.map((s) => s.toLowerCase()).lastIndexOf('providers');
  if (p < 0) {
    if (segments.length === 4 && /^subscriptions$/i.test(segments[0]!) && /^resourcegroups$/i.test(segments[2]!)) return 'Microsoft.Resources/resourceGroups';
    return undefined;
  }
  const rest = segments.slice(p + 1);
  if (rest.length < 3 || rest.length % 2 === 0) return undefined;
  const types = rest.slice(1).filter((_, i) => i % 2 === 0);
  return [rest[0], ...types].join('/');
}

/** What a create or update request sets on the resource it answers with (az options or the PUT body). */
export interface RequestedValues {
  location?: string;
  kind?: string;
  sku?: string;
  tags?: Readonly<Record<string, string>>;
  /** Fields of the printed resource an option sets to a value az sends as given (AZ_SETTING_ECHOES). */
  settings?: readonly { field: string; value: boolean | string; option: string }[];
}

export interface ValueMismatch {
  key: 'type' | 'location' | 'kind' | 'sku' | 'tags' | 'setting';
  shown: string;
  expected: string;
  /** For a setting: the example's field and the option that sets it. */
  setting?: { field: string; option: string };
}

/**
 * Options of an az create or update whose value the printed resource echoes in a top-level field, per
 * command: only where the az source passes the option's value straight into that property. az acr
 * create and update: `Registry(..., admin_user_enabled=admin_enabled)` (Azure/azure-cli
 * src/azure-cli/azure/cli/command_modules/acr/custom.py, acr_create / acr_update_custom), printed
 * flattened as "adminUserEnabled" (Microsoft.ContainerRegistry RegistryProperties.adminUserEnabled).
 * `--admin-enabled` is a three-state flag: alone it means true.
 */
export const AZ_SETTING_ECHOES: Readonly<Record<string, readonly { option: string; field: string; type: 'boolean' }[]>> = {
  'acr create': [{ option: '--admin-enabled', field: 'adminUserEnabled', type: 'boolean' }],
  'acr update': [{ option: '--admin-enabled', field: 'adminUserEnabled', type: 'boolean' }],
};

/** A three-state flag's value as az reads it (azure-cli get_three_state_flag: true/false, yes/no, on/off…). */
export function threeStateValue(written: string | undefined): boolean | undefined {
  if (written === undefined) return true;
  const w = written.toLowerCase();
  if (['true', 'yes', 'on', 'enable', 'enabled', '1'].includes(w)) return true;
  if (['false', 'no', 'off', 'disable', 'disabled', '0'].includes(w)) return false;
  return undefined;
}

/**
 * Azure names a region by its short name: az turns a display name ("East US") into it before it
 * sends the request (azure-cli src/azure-cli-core/azure/cli/core/commands/parameters.py,
 * get_location_name_type), and the short name is the display name lower-cased without spaces.
 */
export const regionKey = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

const elided = (s: string): boolean => CHOSEN.test(s) || /x{4,}/i.test(s) || s.trim() === '';

/**
 * Where an example contradicts the values its request fixes: a location that is another region, a
 * kind or SKU other than the one asked for, a field an option fixes (AZ_SETTING_ECHOES) shown otherwise, tags other than those given (`tagsExact`: a create sends
 * the whole set), a type other than its own id's. Elided and placeholder values match anything.
 */
export function requestedMismatches(requested: RequestedValues, example: unknown, opts: { tagsExact: boolean }): ValueMismatch[] {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return [];
  const obj = example as Record<string, unknown>;
  const out: ValueMismatch[] = [];
  const str = (k: string): string | undefined => (typeof obj[k] === 'string' ? (obj[k] as string) : undefined);
  const id = str('id');
  const type = str('type');
  const idType = id && !elided(id) ? typeOfPath(id.split('/').filter(Boolean)) : undefined;
  if (type && idType && !elided(type) && type.toLowerCase() !== idType.toLowerCase()) out.push({ key: 'type', shown: type, expected: idType });
  const location = str('location');
  if (requested.location && location && !elided(requested.location) && !elided(location) && regionKey(location) !== regionKey(requested.location)) out.push({ key: 'location', shown: location, expected: requested.location });
  const kind = str('kind');
  if (requested.kind && kind && !elided(requested.kind) && !elided(kind) && kind.toLowerCase() !== requested.kind.toLowerCase()) out.push({ key: 'kind', shown: kind, expected: requested.kind });
  const skuValue = obj['sku'];
  const sku = typeof skuValue === 'string' ? skuValue : skuValue && typeof skuValue === 'object' && typeof (skuValue as Record<string, unknown>)['name'] === 'string' ? ((skuValue as Record<string, unknown>)['name'] as string) : undefined;
  if (requested.sku && sku && !elided(requested.sku) && !elided(sku) && sku.toLowerCase() !== requested.sku.toLowerCase()) out.push({ key: 'sku', shown: sku, expected: requested.sku });
  for (const set of requested.settings ?? []) {
    const shown = obj[set.field];
    if (shown === undefined || shown === null || (typeof shown === 'string' && elided(shown))) continue;
    if (typeof set.value === 'string' && elided(set.value)) continue;
    const differs = typeof set.value === 'boolean' ? typeof shown === 'boolean' && shown !== set.value : typeof shown === 'string' && shown.toLowerCase() !== set.value.toLowerCase();
    if (differs) out.push({ key: 'setting', shown: String(shown), expected: String(set.value), setting: { field: set.field, option: set.option } });
  }
  const tags = obj['tags'];
  if (requested.tags && tags && typeof tags === 'object' && !Array.isArray(tags)) {
    const shown = tags as Record<string, unknown>;
    const asked = Object.entries(requested.tags);
    const differs = asked.some(([k, v]) => !elided(k) && !elided(v) && k in shown && typeof shown[k] === 'string' && shown[k] !== v && !elided(shown[k] as string));
    const missing = asked.filter(([k]) => !elided(k) && !(k in shown)).map(([k]) => k);
    const extra = opts.tagsExact ? Object.keys(shown).filter((k) => !elided(k) && !(k in requested.tags!)) : [];
    if (differs || (opts.tagsExact && (missing.length > 0 || extra.length > 0))) {
      out.push({ key: 'tags', shown: JSON.stringify(shown), expected: JSON.stringify(Object.fromEntries(asked)) });
    }
  }
  return out;
}

/** location, kind, sku.name and tags of a PUT body as the page writes it (curl -d '{…}': one data argument, not @file). */
export function requestedByBody(data: readonly string[]): RequestedValues | undefined {
  if (data.length !== 1 || data[0]!.startsWith('@')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(data[0]!);
  } catch {
    return undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const out: RequestedValues = {};
  if (typeof b['location'] === 'string') out.location = b['location'];
  if (typeof b['kind'] === 'string') out.kind = b['kind'];
  const sku = b['sku'];
  if (sku && typeof sku === 'object' && typeof (sku as Record<string, unknown>)['name'] === 'string') out.sku = (sku as Record<string, unknown>)['name'] as string;
  const tags = b['tags'];
  if (tags && typeof tags === 'object' && !Array.isArray(tags) && Object.values(tags).every((v) => typeof v === 'string')) out.tags = tags as Record<string, string>;
  return out;
}
