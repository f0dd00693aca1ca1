// Turns the saved folder listings of scripts/data/api-versions/*.txt (find_files answers, see the
// README there) into src/reference/api-versions.json: per resource provider namespace, the stable and
// preview api-versions that existed, and for namespaces whose resource types have separate version
// sets (Microsoft.Authorization) the versions per type instead. Pure: listings in, text out (sorted, no
// clock), so the same listings always give the same bytes.

export interface ListingSource {
  repo: string;
  folder: string;
  listing: string;
  commits: string[];
}

export interface VersionSet {
  stable: string[];
  preview: string[];
  /** Where a type's versions come from when its namespace has several listings (one per spec folder). */
  source?: ListingSource;
  partial?: string;
}

export interface NamespaceVersions extends VersionSet {
  source: ListingSource;
  /** Why the listing misses versions (the newest known stable is then only a lower bound). */
  partial?: string;
  /** Versions per resource type (lower case type path → versions); when present, the namespace-wide lists are empty and only these types are known. */
  types?: Record<string, VersionSet>;
  /** Top-level types (lower case) the namespace-wide lists do not speak for: they version apart (another spec, another folder). */
  except?: string[];
}

export interface ApiVersionTable {
  note: string;
  namespaces: Record<string, NamespaceVersions>;
}

const VERSION = /^\d{4}-\d{2}-\d{2}(-[a-z0-9]+)?$/i;

// Spec file names of Microsoft.Authorization → the resource type they define.
const AUTHORIZATION_FILES: Record<string, string> = {
  'authorization-RoleAssignmentsCalls.json': 'roleassignments',
  'authorization-RoleDefinitionsCalls.json': 'roledefinitions',
  'authorization-DenyAssignmentCalls.json': 'denyassignments',
  'authorization-DenyAssignmentGetCalls.json': 'denyassignments',
};

function add(set: VersionSet, version: string): void {
  const list = /-[a-z]/i.test(version.slice(10)) ? set.preview : set.stable;
  if (!list.includes(version)) list.push(version);
}

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase());

const sorted = (set: VersionSet): VersionSet => ({ stable: [...set.stable].sort(), preview: [...set.preview].sort() });

/** One listing file → its namespace entry. Throws, naming the file and line, on anything it does not understand. */
export function readListing(file: string, text: string): { namespace: string; entry: NamespaceVersions } {
  const head: Record<string, string> = {};
  const versions: VersionSet = { stable: [], preview: [] };
  const types: Record<string, VersionSet> = {};
  const commits = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [key, ...rest] = line.split(' ');
    if (['repo', 'folder', 'namespace', 'partial', 'types', 'only', 'except'].includes(key!)) {
      head[key!] = rest.join(' ');
      return;
    }
    const [path, commit] = [key!, rest[0] ?? ''];
    if (!/^[0-9a-f]{40}$/.test(commit)) throw new Error(`${file}:${i + 1}: expected "<path> <40-hex commit>", got "${line}"`);
    commits.add(commit);
    const parts = path.split('/');
    const version = parts.find((p) => VERSION.test(p));
    if (!version) throw new Error(`${file}:${i + 1}: no api-version folder in ${path}`);
    if (head.types !== undefined) {
      const type = AUTHORIZATION_FILES[parts[parts.length - 1]!];
      if (!type) throw new Error(`${file}:${i + 1}: ${parts[parts.length - 1]} names no known resource type`);
      add((types[type] ??= { stable: [], preview: [] }), version);
    } else if (head.only !== undefined) {
      // `only t1 t2`: a folder whose versions speak for these types alone (redis beside redisEnterprise).
      for (const type of words(head.only)) add((types[type] ??= { stable: [], preview: [] }), version);
    } else add(versions, version);
  });
  for (const key of ['repo', 'folder', 'namespace']) if (!head[key]) throw new Error(`${file}: missing "${key}" line`);
  const perType = head.types !== undefined || head.only !== undefined;
  const entry: NamespaceVersions = {
    source: { repo: head.repo!, folder: head.folder!, listing: file, commits: [...commits].sort() },
    ...(head.partial ? { partial: head.partial } : {}),
    ...(perType ? { stable: [], preview: [], types: Object.fromEntries(Object.keys(types).sort().map((t) => [t, sorted(types[t]!)])) } : sorted(versions)),
    ...(head.except !== undefined && !perType ? { except: words(head.except).sort() } : {}),
  };
  return { namespace: head.namespace!, entry };
}

/**
 * Two listings of one namespace whose types version apart (Microsoft.Resources: deployments,
 * resources, subscriptions; Microsoft.Authorization: RBAC types and locks): each type keeps the
 * source and partialness of its own listing. Namespace-wide lists cannot be merged (which would win?).
 */
function merge(file: string, namespace: string, known: NamespaceVersions, added: NamespaceVersions): NamespaceVersions {
  if (!known.types && !added.types) throw new Error(`${file}: ${namespace} has two namespace-wide listings: say which types one speaks for ("only …")`);
  // A namespace-wide listing (Microsoft.Network) keeps its lists; per-type listings (DNS zones) add their types.
  const [base, other] = known.types ? [added.types ? known : added, added.types ? added : known] : [known, added];
  const own = (entry: NamespaceVersions, set: VersionSet): VersionSet => (set.source ? set : { ...set, source: entry.source, ...(entry.partial ? { partial: entry.partial } : {}) });
  const types: Record<string, VersionSet> = {};
  for (const [type, set] of Object.entries(base.types ?? {})) types[type] = own(base, set);
  for (const [type, set] of Object.entries(other.types!)) {
    if (types[type]) throw new Error(`${file}: ${namespace}/${type} is already listed by ${types[type]!.source!.listing}`);
    types[type] = own(other, set);
  }
  return { ...base, types: Object.fromEntries(Object.keys(types).sort().map((t) => [t, types[t]!])) };
}

export function renderApiVersions(listings: { file: string; text: string }[]): string {
  const namespaces: Record<string, NamespaceVersions> = {};
  for (const { file, text } of [...listings].sort((a, b) => a.file.localeCompare(b.file))) {
    const { namespace, entry } = readListing(file, text);
    const known = namespaces[namespace];
    namespaces[namespace] = known ? merge(file, namespace, known, entry) : entry;
  }
  const ordered = Object.fromEntries(Object.keys(namespaces).sort().map((n) => [n, namespaces[n]!]));
  const table: ApiVersionTable = {
    note: 'Generated by scripts/generate-api-versions.ts from scripts/data/api-versions/*.txt (find_files listings; see the README there). Versions that existed in the sources, not every version Resource Manager accepts. Namespaces not listed here are not covered: rules stay silent on them.',
    namespaces: ordered,
  };
  return `${JSON.stringify(table, null, 1)}\n`;
}
