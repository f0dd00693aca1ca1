// Turns the saved type listings of scripts/data/resource-types/*.txt (the "## Resource" and
// "## Function" headings of Bicep's generated types.md, see the README there) and the types the
// built-in role catalog's actions name into src/reference/resource-types.json: the top-level resource
// types of each namespace a listing covers. Pure: inputs in, text out (sorted), same bytes every time.

export interface ResourceTypeTable {
  note: string;
  namespaces: Record<string, { types: string[]; source: Source; fromRoles: string[]; dataActions?: { types: string[]; source: Source } }>;
}

type Source = { repo: string; path: string; commit: string; listing: string };

const RESOURCE = /^## Resource ([A-Za-z]+\.[A-Za-z]+)\/([A-Za-z0-9]+)[A-Za-z0-9/]*@\S+/;
const FUNCTION = /^## Function ([A-Za-z0-9]+) \(([A-Za-z]+\.[A-Za-z]+)(?:\/([A-Za-z0-9]+)[A-Za-z0-9/]*)?@\S+\)/;
// A data action as a REST spec's enum writes it (`"Microsoft.KeyVault/managedHsm/keys/read/action",`):
// its first segment is a data-plane name (managedHsm), no Resource Manager type, yet written rightly.
const DATA_ACTION = /^"([A-Za-z]+\.[A-Za-z]+)\/([A-Za-z][A-Za-z0-9]*)\/[A-Za-z0-9/]+",?$/;

/** One listing → its namespace and top-level types (a namespace-level function such as checkNameAvailability is a type segment in URLs too). */
export function readTypeListing(file: string, text: string): { namespace: string; types: string[]; dataActionTypes: string[]; source: Source } {
  const head: Record<string, string> = {};
  const types = new Set<string>();
  const dataActionTypes = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const resource = RESOURCE.exec(line);
    const fn = FUNCTION.exec(line);
    if (resource || fn) {
      const ns = resource ? resource[1]! : fn![2]!;
      if (head.namespace && ns.toLowerCase() !== head.namespace.toLowerCase()) throw new Error(`${file}:${i + 1}: ${ns} is not ${head.namespace}`);
      types.add(resource ? resource[2]! : (fn![3] ?? fn![1]!));
      return;
    }
    const data = DATA_ACTION.exec(line);
    if (data) {
      if (head.namespace && data[1]!.toLowerCase() !== head.namespace.toLowerCase()) throw new Error(`${file}:${i + 1}: ${data[1]} is not ${head.namespace}`);
      dataActionTypes.add(data[2]!);
      return;
    }
    if (line.startsWith('#')) return;
    const [key, ...rest] = line.split(' ');
    if (!['repo', 'path', 'commit', 'namespace'].includes(key!)) throw new Error(`${file}:${i + 1}: expected a heading or repo/path/commit/namespace, got "${line}"`);
    head[key!] = rest.join(' ');
  });
  for (const key of ['repo', 'path', 'commit', 'namespace']) if (!head[key]) throw new Error(`${file}: missing "${key}" line`);
  if (!/^[0-9a-f]{40}$/.test(head.commit!)) throw new Error(`${file}: commit is not 40 hex digits`);
  if (types.size > 0 && dataActionTypes.size > 0) throw new Error(`${file}: a listing holds resource headings or data actions, not both`);
  return { namespace: head.namespace!, types: [...types].sort(), dataActionTypes: [...dataActionTypes].sort(), source: { repo: head.repo!, path: head.path!, commit: head.commit!, listing: file } };
}

/** The top-level types role actions name, per namespace ("Microsoft.KeyVault/deletedVaults/read" → deletedVaults). */
export function roleTypes(actions: Iterable<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const action of actions) {
    const m = /^([A-Za-z]+\.[A-Za-z]+)\/([A-Za-z][A-Za-z0-9]*)\//.exec(action);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    out.set(key, (out.get(key) ?? new Set()).add(m[2]!));
  }
  return out;
}

export function renderResourceTypes(listings: { file: string; text: string }[], actions: Iterable<string>): string {
  const fromRoles = roleTypes(actions);
  const namespaces: ResourceTypeTable['namespaces'] = {};
  const dataActions = new Map<string, { file: string; types: string[]; source: Source }>();
  for (const { file, text } of [...listings].sort((a, b) => a.file.localeCompare(b.file))) {
    const { namespace, types, dataActionTypes, source } = readTypeListing(file, text);
    if (dataActionTypes.length > 0) {
      if (dataActions.has(namespace)) throw new Error(`${file}: ${namespace}'s data actions are listed twice`);
      dataActions.set(namespace, { file, types: dataActionTypes, source });
      continue;
    }
    if (namespaces[namespace]) throw new Error(`${file}: ${namespace} is listed twice`);
    // Role actions spell types in other cases too (managedHsms, managedHSMs): one entry per type.
    const known = new Set(types.map((t) => t.toLowerCase()));
    const extra: string[] = [];
    for (const type of [...(fromRoles.get(namespace.toLowerCase()) ?? [])].sort()) {
      if (known.has(type.toLowerCase())) continue;
      known.add(type.toLowerCase());
      extra.push(type);
    }
    namespaces[namespace] = { types, source, fromRoles: extra };
  }
  for (const [namespace, { file, types, source }] of dataActions) {
    const entry = namespaces[namespace];
    if (!entry) throw new Error(`${file}: ${namespace} has no listing of its resource types`);
    entry.dataActions = { types, source };
  }
  const table: ResourceTypeTable = {
    note: 'Generated by scripts/generate-resource-types.ts from scripts/data/resource-types/*.txt (the headings of Bicep\'s generated types.md of the newest version; see the README there) and the types named by src/reference/built-in-roles.json actions (fromRoles); dataActions: the first segments of a REST spec\'s data actions (Managed HSM\'s managedHsm), written rightly though no Resource Manager type. Top-level resource types only; namespaces not listed are not judged.',
    namespaces: Object.fromEntries(Object.keys(namespaces).sort().map((n) => [n, namespaces[n]!])),
  };
  return `${JSON.stringify(table, null, 1)}\n`;
}
