// Where a placeholder's value comes from, first match wins (the shared decision "where a value comes
// from"): `--set` by its name or its role > the page's sidecar > the folder's sidecar (both merged in
// the Sidecar, the nearer first) > the page's World (captures and shell variables, bound in bind.ts)
// > the target's value for that name > the target's value for that role. A vault or account
// placeholder whose name asks for a URL (`<YOUR-KEY-VAULT-URL>`) gets the resource's URL.
import type { Role } from '../world/roles.ts';
import type { Sidecar } from '../world/sidecar.ts';
import { normaliseKey } from './keys.ts';
import type { BindingSource, PlanOptions } from './types.ts';

export interface ValueSources {
  sets: ReadonlyMap<string, string>;
  roleSets: ReadonlyMap<Role, string>;
  sidecar: Sidecar;
  targetValues: ReadonlyMap<string, string>;
  targetRoles: Readonly<Partial<Record<Role, string>>>;
  targetName: string;
  /** Names the page's own world gives placeholders (plan/page-names.ts), above the target's defaults. */
  pageNames: ReadonlyMap<string, { value: string; why: string }>;
}

/** `--set role:vault=x` → a role set; anything else a placeholder set. */
export function valueSources(options: PlanOptions, sidecar: Sidecar): ValueSources {
  const sets = new Map<string, string>();
  const roleSets = new Map<Role, string>();
  for (const [k, v] of Object.entries(options.sets)) {
    const role = /^role:(.+)$/i.exec(k.trim())?.[1]?.toLowerCase();
    if (role !== undefined) roleSets.set(role as Role, v);
    else sets.set(normaliseKey(k), v);
  }
  return {
    sets,
    roleSets,
    sidecar,
    targetValues: new Map(Object.entries(options.targetValues).map(([k, v]) => [normaliseKey(k), v])),
    targetRoles: options.targetRoles ?? {},
    targetName: options.targetName,
    pageNames: new Map(),
  };
}

/** A resource name in the shape the placeholder's words ask for: `<VAULT-URL>` → https://name.vault.azure.net/. */
export function shaped(key: string, role: Role, name: string): string {
  if (!/(?:^|_)(?:URL|URI|ENDPOINT)(?:_|$)/.test(key)) return name;
  if (role === 'vault') return `https://${name}.vault.azure.net/`;
  if (role === 'storage-account') return `https://${name}.blob.core.windows.net/`;
  if (role === 'web-app' || role === 'function-app') return `https://${name}.azurewebsites.net/`;
  return name;
}

/** The value of a placeholder before captures: --set, sidecar; `late` sources (the target's) are asked separately. */
export function earlySource(src: ValueSources, key: string, role: Role | undefined): BindingSource | undefined {
  const normal = normaliseKey(key);
  const set = src.sets.get(normal);
  if (set !== undefined) return { kind: 'set', value: set };
  if (role !== undefined) {
    const bySetRole = src.roleSets.get(role);
    if (bySetRole !== undefined) return { kind: 'set', value: shaped(normal, role, bySetRole), role };
  }
  const side = src.sidecar.byKey.get(normal);
  if (side !== undefined) return { kind: 'sidecar', value: side.value, file: side.file };
  if (role !== undefined) {
    const byRole = src.sidecar.byRole.get(role);
    if (byRole !== undefined) return { kind: 'sidecar', value: shaped(normal, role, byRole.value), file: byRole.file, role };
  }
  return undefined;
}

/** The page's own name for it, else the target's value: for this placeholder name, else for its role. */
// Scope placeholders the page's resource group (or a generic scope) answers.
const GROUP_SCOPE = /^(?:(?:YOUR_|MY_|THE_)?(?:SCOPE|ASSIGNMENT_SCOPE|ROLE_SCOPE|RESOURCE_GROUP(?:_NAME)?(?:_ID|_SCOPE|_RESOURCE_ID)?|RG(?:_ID|_SCOPE)?|GROUP(?:_ID|_SCOPE)))$/;

export function targetSource(src: ValueSources, key: string, role: Role | undefined): BindingSource | undefined {
  const normal = normaliseKey(key);
  const own = src.pageNames.get(normal);
  if (own !== undefined) return { kind: 'world', value: role === undefined ? own.value : shaped(normal, role, own.value), why: own.why, ...(role ? { role } : {}) };
  const byName = src.targetValues.get(normal);
  if (byName !== undefined) return { kind: 'target', value: byName, target: src.targetName };
  if (role === undefined) return undefined;
  // The target's scope stand-in is the page's resource group: a scope placeholder that names another
  // resource (<apiserver-subnet-resource-id>, <cluster-subnet-resource-id>) is not it, and two such
  // placeholders would both become that group — the second role assignment then answers 409
  // RoleAssignmentExists, a failure the page does not have. Such a scope is left for --set.
  if (role === 'scope' && !GROUP_SCOPE.test(normal)) return undefined;
  const byRole = src.targetRoles[role];
  return byRole === undefined ? undefined : { kind: 'target', value: shaped(normal, role, byRole), target: src.targetName, role };
}

/** Where a value came from, in words (the World's record, the report). */
export function describeSource(s: BindingSource): string {
  switch (s.kind) {
    case 'set':
      return s.role ? `--set role:${s.role}` : '--set';
    case 'sidecar':
      return s.role ? `${s.file} (role ${s.role})` : s.file;
    case 'target':
      return s.role ? `the ${s.target}'s ${s.role}` : `the ${s.target}'s value`;
    case 'world':
      return s.why;
    case 'capture':
      return `captured from ${s.producer}`;
    case 'shell-variable':
      return `$${s.variable} set by ${s.producer}`;
    case 'unset':
      return `bash's expansion of $${s.variable}, which nothing sets: the empty string`;
    default: {
      const never: never = s;
      return never;
    }
  }
}
