// RBAC what-if, as a pure function: does a set of granted built-in roles permit an action or data
// action? Roles come from the generated catalog (built-in-roles.json, see role-catalog-source.ts).
// Semantics of Azure RBAC (learn.microsoft.com/azure/role-based-access-control/role-definitions):
// "*" matches any characters, names compare without case, NotActions/NotDataActions subtract from
// the Actions/DataActions of the same role, and control-plane actions never grant data actions.
import { readFileSync } from 'node:fs';
import type { CatalogRole, RoleCatalog } from './role-catalog-source.ts';
import { GUID } from '../guid.ts';

export type { CatalogRole } from './role-catalog-source.ts';

let loaded: RoleCatalog | undefined;
export function roleCatalog(): RoleCatalog {
  // By import.meta.url, which the bundled CLI (scripts/build-dist.mjs) rewrites; import.meta.dirname it leaves empty.
  loaded ??= JSON.parse(readFileSync(new URL('./built-in-roles.json', import.meta.url), 'utf8')) as RoleCatalog;
  return loaded;
}

let byKey: Map<string, CatalogRole> | undefined;
/** Roles by lower-case name and by GUID (names are unique in the catalog, as Azure requires). */
function roleIndex(): Map<string, CatalogRole> {
  byKey ??= new Map(roleCatalog().roles.flatMap((r) => [[r.roleName.toLowerCase(), r] as const, [r.id, r] as const]));
  return byKey;
}


/**
 * The catalog role a reference names as Azure resolves it: a role definition GUID, a definition id
 * (`/subscriptions/…/providers/Microsoft.Authorization/roleDefinitions/<guid>`), or a role name in
 * any case. Quotes are part of a name here, as they are to ARM and to az's --role. The one lookup of
 * the catalog: the emulator, the runner's az equivalents, lint and the live target all resolve roles here.
 */
export function catalogRole(ref: string): CatalogRole | undefined {
  const trimmed = ref.trim();
  const last = trimmed.split('/').filter(Boolean).pop() ?? '';
  return roleIndex().get(GUID.test(last) ? last.toLowerCase() : trimmed.toLowerCase());
}

const SMART_QUOTES = /^[\s'"\u2018\u2019\u201c\u201d]+|[\s'"\u2018\u2019\u201c\u201d]+$/g;

/** The catalog role a page names (as catalogRole, also inside quotes of any kind: "‘Reader’"). */
export function findRole(nameOrId: string): CatalogRole | undefined {
  return catalogRole(nameOrId.replace(SMART_QUOTES, ''));
}

/** Every built-in role's name, for "did you mean". */
export function builtInRoleNames(): string[] {
  return roleCatalog().roles.map((r) => r.roleName);
}

/** Azure's wildcard match of a permission pattern against an operation name. */
const compiled = new Map<string, { prefix: string; re: RegExp }>();
export function actionMatches(pattern: string, action: string): boolean {
  // Compiled once per pattern (the catalog holds some 11,000); the literal text before the first "*"
  // rejects most patterns of other providers without running the expression.
  let c = compiled.get(pattern);
  if (!c) {
    c = { prefix: pattern.split('*')[0]!.toLowerCase(), re: new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*')}$`, 'i') };
    compiled.set(pattern, c);
  }
  return action.slice(0, c.prefix.length).toLowerCase() === c.prefix && c.re.test(action);
}

export interface Need {
  kind: 'action' | 'dataAction';
  /** e.g. Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read */
  name: string;
  /**
   * When the service documents alternatives ("…/messages/process/action or (…/messages/delete and
   * …/messages/read)"): the operation is permitted when every permission of one set is; `name` is
   * the one named in messages. Absent: `[[name]]`.
   */
  anyOf?: readonly (readonly string[])[];
}

const alternatives = (need: Need): readonly (readonly string[])[] => need.anyOf ?? [[need.name]];

const permitting = new Map<string, CatalogRole[]>();
/** Every catalog role that permits `need` (conditional ones included), computed once per need. */
export function rolesPermitting(need: Need): CatalogRole[] {
  const key = `${need.kind} ${alternatives(need).map((set) => set.join('&')).join('|').toLowerCase()}`;
  let roles = permitting.get(key);
  if (!roles) {
    roles = roleCatalog().roles.filter((r) => rolePermits(r, need));
    permitting.set(key, roles);
  }
  return roles;
}

function permitsOne(role: CatalogRole, kind: Need['kind'], name: string): boolean {
  const [allow, deny] = kind === 'action' ? [role.actions, role.notActions] : [role.dataActions, role.notDataActions];
  return allow.some((p) => actionMatches(p, name)) && !deny.some((p) => actionMatches(p, name));
}

/** Whether one role alone permits `need` (every permission of one of its alternatives). */
export function rolePermits(role: CatalogRole, need: Need): boolean {
  return alternatives(need).some((set) => set.every((name) => permitsOne(role, need.kind, name)));
}

/** Whether roles together permit `need`: Azure unions the permissions of every role assigned. */
function rolesPermit(roles: readonly CatalogRole[], need: Need): boolean {
  return alternatives(need).some((set) => set.every((name) => roles.some((r) => permitsOne(r, need.kind, name))));
}

// Expansions a claimed wildcard is probed with, so that a NotActions pattern such as
// Microsoft.Authorization/<any>/Write is seen to cut into the locks wildcard.
const PROBES = ['read', 'write', 'delete', 'action', 'x/read', 'x/write', 'x/delete', 'x/action'];

const known = new Map<string, string[]>();
/** The concrete operations some catalog role names that a wildcard covers (Locks Contributor's locks/read, write, delete). */
function knownOperations(kind: Need['kind'], pattern: string): string[] {
  const key = `${kind} ${pattern.toLowerCase()}`;
  let ops = known.get(key);
  if (!ops) {
    const names = roleCatalog().roles.flatMap((r) => (kind === 'action' ? r.actions : r.dataActions)).filter((p) => !p.includes('*') && actionMatches(pattern, p));
    ops = [...new Map(names.map((n) => [n.toLowerCase(), n] as const)).values()];
    known.set(key, ops);
  }
  return ops;
}

/**
 * Whether one role permits every operation a permission pattern names: a concrete operation as
 * rolePermits decides; a wildcard ("Microsoft.Authorization/locks/*") when an allowed pattern covers
 * it whole (the same pattern, or one ending in "*" that matches it read literally) and no
 * not-pattern takes any of its expansions away, or when the role permits each operation under it
 * that the catalog knows (Locks Contributor lists locks/read, write and delete one by one). Used
 * where a page claims which roles hold a permission.
 */
export function roleCoversPattern(role: CatalogRole, kind: Need['kind'], pattern: string): boolean {
  if (!pattern.includes('*')) return rolePermits(role, { kind, name: pattern });
  const [allow, deny] = kind === 'action' ? [role.actions, role.notActions] : [role.dataActions, role.notDataActions];
  const whole = allow.some((p) => p.toLowerCase() === pattern.toLowerCase() || (p.endsWith('*') && actionMatches(p, pattern)));
  const cut = deny.some((n) => actionMatches(n, pattern) || PROBES.some((x) => actionMatches(n, pattern.replace(/\*/g, x))));
  if (whole && !cut) return true;
  const ops = knownOperations(kind, pattern);
  return ops.length > 0 && ops.every((op) => permitsOne(role, kind, op));
}

export type WhatIf =
  | { verdict: 'permitted'; by: CatalogRole }
  /** Some granted role is not in the catalog (a custom role), or carries a condition: no decision. */
  | { verdict: 'unknown'; because: string[] }
  | { verdict: 'denied'; roles: CatalogRole[]; suggestion: CatalogRole | undefined };

/** Whether the roles granted (by name or id) permit `need`; when not, the smallest catalog role that does. */
export function whatIf(granted: readonly string[], need: Need): WhatIf {
  const roles: CatalogRole[] = [];
  const unknown: string[] = [];
  for (const g of granted) {
    const r = findRole(g);
    if (!r) unknown.push(g);
    else if (rolePermits(r, need)) return { verdict: 'permitted', by: r };
    else if (r.conditional) unknown.push(r.roleName);
    else roles.push(r);
  }
  if (unknown.length > 0) return { verdict: 'unknown', because: unknown };
  // Several roles may together hold every permission of one alternative (files/read + readFileBackupSemantics).
  if (roles.length > 1 && rolesPermit(roles, need)) return { verdict: 'permitted', by: roles[0]! };
  return { verdict: 'denied', roles, suggestion: smallestRoleFor(need) };
}

/**
 * A role a reader should not be pointed to while a general one exists: a preview or deprecated role,
 * or one made for an Azure service's own identity ("Operator Nexus Key Vault Writer Service Role (Preview)").
 */
const niche = (r: CatalogRole): number => (/\((preview|deprecated)\)|\bservice role\b/i.test(r.roleName) ? 1 : 0);

/**
 * The built-in role that grants `need` and reaches least beyond it: permissions outside the need's own
 * resource type count (a wildcard over a wider tree most), then the role's size, then its name;
 * niche roles (above) only when no other role permits. So
 * listing keys suggests Key Vault Crypto User, not a role that also reads certificates and secrets.
 */
export function smallestRoleFor(need: Need): CatalogRole | undefined {
  // The service's own roles first: Microsoft.Storage → "Storage …", Microsoft.KeyVault → "Key Vault …"
  // (not "CosmosDB Fleet Analytics Storage Data Writer", which also writes blobs).
  const service = (need.name.split('/')[0] ?? '').replace(/^Microsoft\./i, '').toLowerCase();
  const foreign = (r: CatalogRole) => (r.roleName.replace(/\s+/g, '').toLowerCase().startsWith(service) ? 0 : 1);
  const own = need.name.replace(/\/[^/]+\/action$|\/[^/]+$/i, '/').toLowerCase();
  const beyond = (r: CatalogRole) =>
    [...r.actions, ...r.dataActions].reduce((n, p) => {
      if (p.toLowerCase().startsWith(own)) return n;
      if (actionMatches(p, `${own}x`)) return n + 100; // a wildcard over the need's whole tree and more
      return n + (p.includes('*') ? 10 : 1);
    }, 0);
  const size = (r: CatalogRole) => [...r.actions, ...r.dataActions].reduce((n, p) => n + (p.includes('*') ? 10 : 1), 0);
  return rolesPermitting(need)
    .filter((r) => !r.conditional)
    .sort((a, b) => niche(a) - niche(b) || foreign(a) - foreign(b) || beyond(a) - beyond(b) || size(a) - size(b) || a.roleName.localeCompare(b.roleName))[0];
}
