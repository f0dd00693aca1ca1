// The page defines its world, names included. A placeholder for a resource the page creates under a
// literal name elsewhere is that resource (`az group create -n myResourceGroup`, then
// `--resource-group <resource-group-name>`: the reader types myResourceGroup); a placeholder that
// names a resource group or VM the page creates gets a new name, never the target's own (creating
// the target's group again at another location is Azure's 400, the page's fault it is not); so does an
// app the page creates (site names are global: two placeholders must not become one app).
// Decided from a first World inferred with the target's defaults; only placeholders whose value would
// be the target's default are renamed (--set, the sidecar, captures and variables are left alone).
import type { Tutorial } from '../model.ts';
import type { Role } from '../world/roles.ts';
import type { World } from '../world/types.ts';
import { normaliseKey } from './keys.ts';

/** Roles whose default names something the target itself already has. */
const TARGET_OWNED: ReadonlySet<Role> = new Set<Role>(['resource-group', 'vm']);

/** A valid new name for every role (3–24 letters and digits fits groups, vaults and accounts alike). */
export function freshName(key: string): string {
  const slug = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `tc${slug}`.slice(0, 24);
}

/**
 * The step index (page order) of each placeholder key's first use. A placeholder first used before the
 * page creates anything of its role names what the reader already has ("Check a single vault: az keyvault
 * show --name <vault-name>", then a section that creates a vault of its own): it is not that later resource.
 */
function firstUses(tutorial: Tutorial): Map<string, number> {
  const out = new Map<string, number>();
  tutorial.steps.forEach((step, index) => {
    if (step.kind === 'manual') return;
    for (const key of step.placeholders) if (!out.has(normaliseKey(key))) out.set(normaliseKey(key), index);
  });
  return out;
}

export function pageNames(world: World, tutorial?: Tutorial): Map<string, { value: string; why: string }> {
  const used = tutorial ? firstUses(tutorial) : new Map<string, number>();
  const stepIndex = new Map((tutorial?.steps ?? []).map((s, i) => [s.id, i]));
  const createdAfterUse = (key: string, stepId: string | undefined): boolean => {
    const use = used.get(normaliseKey(key));
    const made = stepId === undefined ? undefined : stepIndex.get(stepId);
    return use !== undefined && made !== undefined && use < made;
  };
  const out = new Map<string, { value: string; why: string }>();
  const fromTarget = (key: string): boolean => world.values[key] === undefined || world.values[key]?.source === 'target';
  const created = world.resources.filter((r) => r.origin === 'created');

  // Placeholders that name what the page creates, where the target's default is the target's own.
  const renamed = new Map<string, string>(); // created name (lower case) → new name
  for (const r of created) {
    const site = r.role === 'web-app';
    if (!TARGET_OWNED.has(r.role) && !site) continue;
    for (const [key, v] of Object.entries(world.values)) {
      // An app's name is global (<name>.azurewebsites.net): every placeholder that would get the target's
      // one default app name gets its own, so the app a page creates is never the app it uses elsewhere.
      const sameRole = world.roles[key] === r.role || (site && world.roles[key] === 'function-app');
      if (v.source !== 'target' || !sameRole || v.value.toLowerCase() !== r.name.toLowerCase()) continue;
      const name = freshName(key);
      renamed.set(r.name.toLowerCase(), name);
      out.set(normaliseKey(key), { value: name, why: `a new name for the ${r.role} the page creates at line ${r.cite.line}` });
    }
  }

  // Other placeholders of a role the page creates exactly one resource of: that resource.
  const byRole = new Map<Role, { name: string; line: number; stepId: string | undefined }[]>();
  for (const r of created) {
    const name = renamed.get(r.name.toLowerCase()) ?? r.name;
    const list = byRole.get(r.role) ?? [];
    if (!list.some((x) => x.name.toLowerCase() === name.toLowerCase())) list.push({ name, line: r.cite.line, stepId: r.cite.stepId });
    byRole.set(r.role, list);
  }
  for (const [key, role] of Object.entries(world.roles)) {
    const normal = normaliseKey(key);
    if (out.has(normal) || !fromTarget(key)) continue;
    const only = byRole.get(role);
    if (only?.length !== 1) continue;
    const [one] = only;
    if (one === undefined || world.values[key]?.value.toLowerCase() === one.name.toLowerCase() || createdAfterUse(key, one.stepId)) continue;
    out.set(normal, { value: one.name, why: `the ${role} the page creates at line ${one.line}` });
  }
  return out;
}
