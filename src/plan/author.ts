// The sidecar's prerequisites as World entries (origin `author`): resources the page relies on
// without saying so, and grants (`to: reader | vm | identity:<name> | <object id>`, `scope:
// subscription | resource-group[:<name>] | vault:<name> | storage-account:<name>`).
import { loadSidecar, SidecarError, type Sidecar } from '../world/sidecar.ts';
import { normaliseKey } from './keys.ts';
import { builtInRoleName } from '../world/stated.ts';
import type { ResourceRole, WorldGrant, WorldPrincipal, WorldResource, WorldScope } from '../world/types.ts';

function principal(to: string): WorldPrincipal {
  if (to === 'reader') return { kind: 'reader' };
  if (to === 'vm') return { kind: 'vm' };
  const identity = /^identity:(.+)$/.exec(to)?.[1];
  return identity !== undefined ? { kind: 'identity', name: identity } : { kind: 'id', id: to };
}

function scope(text: string, group: string): WorldScope {
  if (text === 'subscription') return { kind: 'subscription' };
  const m = /^(resource-group|vault|storage-account)(?::(.+))?$/.exec(text);
  if (!m || m[1] === 'resource-group') return { kind: 'resource-group', group: m?.[2] ?? group };
  return { kind: 'resource', role: m[1] as 'vault' | 'storage-account', name: m[2] ?? '', group };
}

export function authorWorld(sidecar: Sidecar, defaultGroup: string): { resources: WorldResource[]; grants: WorldGrant[] } {
  const resources: WorldResource[] = [];
  const grants: WorldGrant[] = [];
  for (const p of sidecar.prerequisites) {
    if ('resource' in p) {
      const role = p.resource as ResourceRole;
      const needsGroup = role === 'vault' || role === 'storage-account' || role === 'identity-name' || role === 'vm';
      resources.push({
        role,
        name: p.name,
        ...(p.group !== undefined ? { group: p.group } : needsGroup ? { group: defaultGroup } : {}),
        ...(p.account !== undefined ? { account: p.account } : {}),
        ...(p.container !== undefined ? { container: p.container } : {}),
        ...(p.vault !== undefined ? { vault: p.vault } : {}),
        ...(p.content !== undefined ? { content: p.content } : {}),
        origin: 'author',
        cite: { line: 1 },
      });
    } else {
      grants.push({ role: builtInRoleName(p.grant) ?? p.grant, principal: principal(p.to), scope: scope(p.scope, defaultGroup), origin: 'author', cite: { line: 1 } });
    }
  }
  return { resources, grants };
}

/**
 * The grants a page's sidecar declares, for the lint the runner puts into the report (the lint reads
 * no file itself). A sidecar that does not load gives none here: the plan reports its error.
 */
export function sidecarGrants(page: string): WorldGrant[] {
  try {
    return authorWorld(loadSidecar(page, normaliseKey), '').grants;
  } catch (err) {
    if (err instanceof SidecarError) return [];
    throw err;
  }
}
