// Builds the built-in role catalog (built-in-roles.json) from its two sources:
// - the Azure RBAC documentation's built-in role pages (MicrosoftDocs/azure-docs,
//   articles/role-based-access-control/built-in-roles/<category>.md), whose ```json blocks were read
//   with the search tool into src/reference/rbac/<category>.md, each headed by repo, path and commit;
// - every built-in role definition as `az role definition list` prints it, one file per role
//   (easimon/azure-builtin-roles, azure-roles/<role name>.json, refreshed daily by its workflow), read
//   from a git snapshot: it covers the roles of the pages not copied (or copied only in part).
// A role on both keeps the documentation's definition (the page the issue names as the source) unless
// the two differ and the listing is the later copy (its snapshot after the page's ms.date); a role on several pages is held once, as
// the page refreshed last gives it. Every difference is said in `disagreements`. Used by scripts/generate-role-catalog.ts and
// by the test that checks the documentation's roles are in the committed catalog as their pages say.
export interface CatalogRole {
  roleName: string;
  id: string; // the role definition GUID
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
  /** Some permission block carries an ABAC condition, or there are several blocks: no decision. */
  conditional: boolean;
  source: string; // the documentation page's path, or the snapshot folder
  /** Azure's description of the role, as `az role definition list` prints it (absent for a role it does not list). */
  description?: string;
  /** The role is retired or deprecated (a grant of it may no longer work): said with its source. */
  retired?: RoleRetirement;
}

export interface RoleRetirement {
  /** `retired`: its service is gone; `deprecated`: Azure marks the role so; `planned`: a deprecation with a date to come. */
  status: 'retired' | 'deprecated' | 'planned';
  /** The source's own words. */
  wording: string;
  /** Where those words are (a URL, or the listing's file and commit). */
  source: string;
  /** The retirement's date (YYYY-MM-DD), when the source gives one. */
  date?: string;
  /** When `az role definition list` stopped listing the role, when it did. */
  unlisted?: string;
}

/** src/reference/rbac/retired-roles.json: retirements the role pages do not state, each with its source. */
export interface RetiredRolesFile {
  retirements: { status: RoleRetirement['status']; date?: string; wording: string; source: string; roles: Record<string, string> }[];
}

export interface CatalogSource {
  repo: string;
  path: string;
  commit: string;
  /** The snapshot commit's date; for a documentation page, its ms.date when it was recorded. */
  date?: string;
  chars?: number;
  complete: boolean;
  roles: number;
}

export interface CatalogDisagreement {
  roleName: string;
  /** Which lists (or the name) differ between the documentation and `az role definition list`. */
  differs: string[];
  kept: string; // the source whose definition the catalog holds
}

export interface RoleCatalog {
  generatedBy: string;
  sources: CatalogSource[];
  disagreements: CatalogDisagreement[];
  roles: CatalogRole[];
}

interface Permission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
  condition?: string | null;
}

interface Block {
  id: string;
  roleName: string;
  permissions: Permission[];
}

const HEADER = /<!-- source: (\S+) (\S+) @ ([0-9a-f]{40}) \((\d+) chars/;
const PAGE_DATE = /<!-- ms\.date: (\d{4}-\d{2}-\d{2})/;
const LISTS = ['actions', 'notActions', 'dataActions', 'notDataActions'] as const;

function toRole(b: Block, source: string, where: string): CatalogRole {
  const guid = b.id.replace(/^.*\//, '');
  if (!/^[0-9a-f-]{36}$/.test(guid)) throw new Error(`${where}: ${b.roleName} has no role definition GUID`);
  return {
    roleName: b.roleName,
    id: guid,
    // Blocks are unioned: a role is granted as a whole. notActions subtract within their own block
    // only, which the what-if keeps by refusing conditional roles rather than merging blocks wrongly.
    actions: b.permissions.flatMap((p) => p.actions),
    notActions: b.permissions.flatMap((p) => p.notActions),
    dataActions: b.permissions.flatMap((p) => p.dataActions),
    notDataActions: b.permissions.flatMap((p) => p.notDataActions),
    conditional: b.permissions.some((p) => p.condition !== undefined && p.condition !== null) || b.permissions.length > 1,
    source,
  };
}

/** The roles of the documentation pages copied into src/reference/rbac/*.md, with each page's source. */
export function documentationRoles(pages: readonly { file: string; text: string }[]): { sources: CatalogSource[]; roles: CatalogRole[] } {
  const sources: CatalogSource[] = [];
  const roles: CatalogRole[] = [];
  for (const page of pages) {
    const h = HEADER.exec(page.text);
    if (!h) throw new Error(`${page.file}: no "<!-- source: repo path @ commit (N chars" header`);
    const complete = /<!-- complete:/.test(page.text);
    if (!complete && !/<!-- partial:/.test(page.text)) throw new Error(`${page.file}: say "complete:" or "partial:" in a comment`);
    const blocks = [...page.text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as Block);
    for (const b of blocks) roles.push(toRole(b, h[2]!, page.file));
    // The page's ms.date (its front matter, recorded in a comment when it was transcribed): the day
    // the generated page was last refreshed from Azure's definitions.
    const date = PAGE_DATE.exec(page.text)?.[1];
    sources.push({ repo: h[1]!, path: h[2]!, commit: h[3]!, ...(date ? { date } : {}), chars: Number(h[4]), complete, roles: blocks.length });
  }
  return { sources, roles };
}

export interface RoleSnapshot {
  repo: string;
  folder: string;
  commit: string;
  date: string;
  /** The folder's files: each one role definition as `az role definition list` prints it. */
  files: ReadonlyArray<{ path: string; text: string }>;
}

interface ListedRole extends Block {
  name: string;
  roleType: string;
  description?: string;
  updatedOn?: string | null;
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/** Which of a role's lists differ between two definitions of it (order aside). */
function differences(a: CatalogRole, b: CatalogRole): string[] {
  const out: string[] = LISTS.filter((k) => JSON.stringify(sorted(a[k])) !== JSON.stringify(sorted(b[k])));
  if (a.roleName !== b.roleName) out.push('roleName');
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * What Azure's own definition says of a role's end: '(Deprecated)' in its name, a description that
 * says it is deprecated, or one announcing a deprecation on a date ("Planned DEPRECATION on March 31, 2028").
 */
export function listedRetirement(roleName: string, description: string | undefined, source: string): RoleRetirement | undefined {
  const d = description ?? '';
  const planned = /\bplanned deprecation on (\w+) (\d{1,2}), (\d{4})/i.exec(d);
  if (planned) {
    const month = MONTHS.indexOf(planned[1]!.toLowerCase()) + 1;
    const date = month > 0 ? `${planned[3]}-${String(month).padStart(2, '0')}-${planned[2]!.padStart(2, '0')}` : undefined;
    return { status: 'planned', wording: d, source, ...(date ? { date } : {}) };
  }
  if (/\(deprecated\)/i.test(roleName) || /^(?:this role has been deprecated|deprecated role)\b/i.test(d.trim())) return { status: 'deprecated', wording: d.trim() !== '' ? d : roleName, source };
  return undefined;
}

/** The catalog JSON: the documentation's roles, then every other role of the snapshot; one role a line. */
export function renderRoleCatalog(pages: readonly { file: string; text: string }[], snapshot: RoleSnapshot, retiredRoles: RetiredRolesFile = { retirements: [] }): string {
  const docs = documentationRoles(pages);
  const pageDates = new Map(docs.sources.filter((x) => x.date !== undefined).map((x) => [x.path, x.date!] as const));
  const disagreements: CatalogDisagreement[] = [];
  // A role may be on two category pages (Quantum Workspace Data Contributor: compute.md and quantum.md):
  // the copy of the more recently refreshed page is kept, and a difference between the two is said.
  const byId = new Map<string, CatalogRole>();
  for (const r of docs.roles) {
    const other = byId.get(r.id);
    if (!other) { byId.set(r.id, r); continue; }
    const newer = (pageDates.get(r.source) ?? '') > (pageDates.get(other.source) ?? '') ? r : other;
    const older = newer === r ? other : r;
    const differs = differences(older, newer);
    if (differs.length > 0) disagreements.push({ roleName: newer.roleName, differs: differs.map((d) => `${d} (${older.source})`), kept: `${newer.source} (the more recently refreshed page)` });
    byId.set(r.id, newer);
  }
  docs.roles = [...byId.values()];
  const roles = [...docs.roles];
  const snapshotIds = new Set<string>();
  for (const f of snapshot.files) {
    const def = JSON.parse(f.text) as ListedRole;
    if (def.roleType !== 'BuiltInRole') throw new Error(`${f.path}: roleType ${def.roleType}, not a built-in role`);
    snapshotIds.add(def.name);
    const role = toRole({ ...def, id: def.name }, `${snapshot.folder}/`, f.path);
    // The documentation's blocks were copied without descriptions: the listed one serves both.
    if (typeof def.description === 'string') role.description = def.description;
    const listed = listedRetirement(def.roleName, role.description, `${snapshot.repo} ${f.path} @ ${snapshot.commit.slice(0, 12)}`);
    if (listed) role.retired = listed;
    const doc = byId.get(role.id);
    if (!doc) roles.push(role);
    else {
      if (role.description !== undefined) doc.description = role.description;
      if (role.retired !== undefined) doc.retired = role.retired;
      const differs = differences(doc, role);
      // Both are copies of Azure's one definition: where they differ, the copy taken later is today's
      // role. The listing is dated by its snapshot (refreshed daily), the page by its ms.date. The role's
      // own updatedOn is not the test: three pages dated after a role's updatedOn still lack that update
      // (Disk Restore Operator: updated 2025-08-21, compute.md of 2025-09-03 has the older permissions),
      // so a page's ms.date can be later than its content; keeping it would deny what Azure grants.
      const pageDate = pageDates.get(doc.source);
      const updated = typeof def.updatedOn === 'string' ? def.updatedOn.slice(0, 10) : undefined;
      const listedOn = snapshot.date.slice(0, 10);
      if (differs.length > 0 && pageDate !== undefined && listedOn > pageDate) {
        disagreements.push({ roleName: doc.roleName, differs, kept: `${role.source} (listed ${listedOn}, after the page's ms.date ${pageDate}${updated !== undefined ? `; Azure updated the role on ${updated}` : ''})` });
        roles[roles.indexOf(doc)] = role;
        continue;
      }
      if (differs.length > 0) disagreements.push({ roleName: doc.roleName, differs, kept: differs.includes('roleName') ? `${doc.source} (permissions); the name az role definition list gives, ${role.roleName}` : doc.source });
      // A renamed role: az resolves --role by the name Azure gives it now, so the catalog carries that
      // name (a page that names the role as az knows it is right); the page's name stays in the disagreement.
      if (differs.includes('roleName')) roles[roles.indexOf(doc)] = { ...doc, roleName: role.roleName };
    }
  }
  // A role documented but not listed (e.g. assignable only at a tenant-level scope) is kept: say so.
  for (const r of docs.roles) if (!snapshotIds.has(r.id)) disagreements.push({ roleName: r.roleName, differs: ['not listed by az role definition list'], kept: r.source });
  const sources: CatalogSource[] = [
    ...docs.sources.sort((a, b) => a.path.localeCompare(b.path)),
    { repo: snapshot.repo, path: `${snapshot.folder}/`, commit: snapshot.commit, date: snapshot.date, complete: true, roles: snapshot.files.length },
  ];
  const byName = new Map(roles.map((r) => [r.roleName, r]));
  for (const r of retiredRoles.retirements) {
    for (const [name, unlisted] of Object.entries(r.roles)) {
      const role = byName.get(name);
      if (!role) throw new Error(`retired-roles.json: no catalog role is named ${JSON.stringify(name)}`);
      role.retired = { status: r.status, wording: r.wording, source: r.source, ...(r.date ? { date: r.date } : {}), ...(unlisted ? { unlisted } : {}) };
    }
  }
  roles.sort((a, b) => a.roleName.localeCompare(b.roleName) || a.id.localeCompare(b.id));
  disagreements.sort((a, b) => a.roleName.localeCompare(b.roleName));
  const head = { generatedBy: 'scripts/generate-role-catalog.ts', sources, disagreements };
  const headText = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  return `${headText},\n "roles": [\n${roles.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ]\n}\n`;
}
