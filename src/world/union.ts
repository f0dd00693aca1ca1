// Several pages' Worlds as one: what a target serving all of them at once must hold (the emulator
// served on its own for the twelve tutorials). A resource several pages name is one resource, with
// what any of them says about it (one page states the account's kind, another the blob it holds);
// what one page creates is still served to a page that only uses it. Each entry keeps the page and
// line it comes from.
import type { Cite, World, WorldAccessPolicy, WorldDataLake, WorldGrant, WorldResource } from './types.ts';

const lower = (s: string | undefined): string => (s ?? '').toLowerCase();

const resourceKey = (r: WorldResource): string => [r.role, r.name, r.vault, r.account, r.container].map(lower).join('\u0000');

const principalKey = (p: WorldGrant['principal']): string => (p.kind === 'identity' ? `identity:${lower(p.name)}` : p.kind === 'id' ? `id:${lower(p.id)}` : p.kind);

const scopeKey = (s: WorldGrant['scope']): string => (s.kind === 'subscription' ? 'subscription' : s.kind === 'resource-group' ? `rg:${lower(s.group)}` : `${s.role}:${lower(s.group)}:${lower(s.account)}:${lower(s.name)}`);

const cited = (cite: Cite, file: string): Cite => ({ ...cite, file: cite.file ?? file });

/** The Worlds of several pages as one World named `file`. */
export function unionOfWorlds(file: string, worlds: readonly World[]): World {
  const out: World = { file, roles: {}, values: {}, resources: [], grants: [], accessPolicies: [], dataLakes: [], assumptions: [], notProvided: [], uses: [] };
  const resources = new Map<string, WorldResource>();
  const grants = new Map<string, WorldGrant>();
  const policies = new Map<string, WorldAccessPolicy>();
  const lakes = new Map<string, WorldDataLake>();
  for (const w of worlds) {
    for (const r of w.resources) {
      const key = resourceKey(r);
      const had = resources.get(key);
      if (had === undefined) {
        resources.set(key, { ...r, cite: cited(r.cite, w.file) });
        continue;
      }
      // What a page creates exists for the others only if one of them needs it provided.
      if (had.origin === 'created' && r.origin !== 'created') Object.assign(had, { origin: r.origin, cite: cited(r.cite, w.file) });
      had.group ??= r.group;
      had.content ??= r.content;
      had.kind ??= r.kind;
      had.rbac ??= r.rbac;
    }
    for (const g of w.grants) {
      const key = `${lower(g.role)}\u0000${principalKey(g.principal)}\u0000${scopeKey(g.scope)}`;
      if (!grants.has(key) || grants.get(key)?.origin === 'created') grants.set(key, { ...g, cite: cited(g.cite, w.file) });
    }
    for (const p of w.accessPolicies) {
      const key = `${lower(p.vault)}\u0000${principalKey(p.principal)}`;
      if (!policies.has(key) || policies.get(key)?.origin === 'created') policies.set(key, { ...p, cite: cited(p.cite, w.file) });
    }
    for (const l of w.dataLakes) {
      const had = lakes.get(lower(l.name));
      if (had === undefined) lakes.set(lower(l.name), { ...l, folders: l.folders.map((f) => ({ ...f, acl: [...f.acl] })), cite: cited(l.cite, w.file) });
      else for (const f of l.folders) if (!had.folders.some((x) => x.path === f.path)) had.folders.push({ ...f, acl: [...f.acl] });
    }
    for (const [k, v] of Object.entries(w.values)) out.values[k] ??= v;
    for (const [k, v] of Object.entries(w.roles)) out.roles[k] ??= v;
  }
  out.resources = [...resources.values()];
  out.grants = [...grants.values()];
  out.accessPolicies = [...policies.values()];
  out.dataLakes = [...lakes.values()];
  return out;
}
