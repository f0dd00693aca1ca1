// Reads the built-in role pages' ```json blocks (src/reference/rbac/*.md) into the catalog JSON.
// Used by scripts/generate-role-catalog.ts and by the test that the committed catalog is current.
export interface CatalogRole {
  roleName: string;
  id: string; // the role definition GUID
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
  /** Some permission block carries an ABAC condition: what it grants depends on the request. */
  conditional: boolean;
  source: string; // the documentation page's path
}

export interface CatalogSource {
  repo: string;
  path: string;
  commit: string;
  chars: number;
  complete: boolean;
  roles: number;
}

export interface RoleCatalog {
  generatedBy: string;
  sources: CatalogSource[];
  roles: CatalogRole[];
}

interface Block {
  id: string;
  roleName: string;
  permissions: { actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[]; condition?: string }[];
}

const HEADER = /<!-- source: (\S+) (\S+) @ ([0-9a-f]{40}) \((\d+) chars/;

export function renderRoleCatalog(pages: readonly { file: string; text: string }[]): string {
  const catalog: RoleCatalog = { generatedBy: 'scripts/generate-role-catalog.ts', sources: [], roles: [] };
  for (const page of pages) {
    const h = HEADER.exec(page.text);
    if (!h) throw new Error(`${page.file}: no "<!-- source: repo path @ commit (N chars" header`);
    const complete = /<!-- complete:/.test(page.text);
    if (!complete && !/<!-- partial:/.test(page.text)) throw new Error(`${page.file}: say "complete:" or "partial:" in a comment`);
    const blocks = [...page.text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as Block);
    for (const b of blocks) {
      const guid = b.id.replace(/^.*\//, '');
      if (!/^[0-9a-f-]{36}$/.test(guid)) throw new Error(`${page.file}: ${b.roleName} has no role definition GUID`);
      catalog.roles.push({
        roleName: b.roleName,
        id: guid,
        // Blocks are unioned: a role is granted as a whole. notActions subtract within their own block
        // only, which the what-if keeps by refusing conditional roles rather than merging blocks wrongly.
        actions: b.permissions.flatMap((p) => p.actions),
        notActions: b.permissions.flatMap((p) => p.notActions),
        dataActions: b.permissions.flatMap((p) => p.dataActions),
        notDataActions: b.permissions.flatMap((p) => p.notDataActions),
        conditional: b.permissions.some((p) => p.condition !== undefined) || b.permissions.length > 1,
        source: h[2]!,
      });
    }
    catalog.sources.push({ repo: h[1]!, path: h[2]!, commit: h[3]!, chars: Number(h[4]), complete, roles: blocks.length });
  }
  catalog.roles.sort((a, b) => a.roleName.localeCompare(b.roleName));
  catalog.sources.sort((a, b) => a.path.localeCompare(b.path));
  return `${JSON.stringify(catalog, null, 1)}\n`;
}
