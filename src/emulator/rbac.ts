// Azure RBAC evaluation as ARM does it: a principal may perform an action at a scope when a role
// assigned to it at that scope or any parent scope lists the action (wildcards allowed) and does not
// exclude it through NotActions. Actions and scopes compare case-insensitively. Assignments are read
// from the live state on every check, so an assignment the tutorial creates takes effect at once.
import type { EmulatorState } from './state.ts';
import type { Rbac, RbacDecision } from './types.ts';
import { findRole, type RoleDefinition } from './roles.ts';

const patternCache = new Map<string, RegExp>();

/** ARM permission pattern match: `*` stands for any run of characters, `/` included. */
export function permissionMatches(pattern: string, operation: string): boolean {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    re = new RegExp(`^${body}$`, 'i');
    patternCache.set(pattern, re);
  }
  return re.test(operation);
}

/** Normalise an ARM scope for comparison: lower case, no trailing slash, "/" for the root. */
export function normaliseScope(scope: string): string {
  const trimmed = scope.trim().toLowerCase().replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Does an assignment at `assignmentScope` apply at `targetScope` (same scope or a child of it)? */
export function scopeIncludes(assignmentScope: string, targetScope: string): boolean {
  const a = normaliseScope(assignmentScope);
  const t = normaliseScope(targetScope);
  return a === '/' || t === a || t.startsWith(`${a}/`);
}

function grants(role: RoleDefinition, operation: string, kind: 'action' | 'data'): boolean {
  const allow = kind === 'action' ? role.actions : role.dataActions;
  const deny = kind === 'action' ? role.notActions : role.notDataActions;
  return allow.some((p) => permissionMatches(p, operation)) && !deny.some((p) => permissionMatches(p, operation));
}

export function createRbac(state: EmulatorState): Rbac {
  function decide(principalId: string, operation: string, scope: string, kind: 'action' | 'data'): RbacDecision {
    const matchedRoles: string[] = [];
    const principal = principalId.toLowerCase();
    for (const assignment of state.data.roleAssignments) {
      if (assignment.principalId.toLowerCase() !== principal) continue;
      if (!scopeIncludes(assignment.scope, scope)) continue;
      const role = findRole(assignment.role);
      if (role !== undefined && grants(role, operation, kind) && !matchedRoles.includes(role.roleName)) matchedRoles.push(role.roleName);
    }
    return { allowed: matchedRoles.length > 0, matchedRoles };
  }
  return {
    checkAction: (principalId, action, scope) => decide(principalId, action, scope, 'action'),
    checkDataAction: (principalId, dataAction, scope) => decide(principalId, dataAction, scope, 'data'),
  };
}
