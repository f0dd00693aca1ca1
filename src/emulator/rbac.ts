// Azure RBAC evaluation as ARM does it: a principal may perform an action at a scope when a role
// assigned to it at that scope or any parent scope lists the action (wildcards allowed) and does not
// exclude it through NotActions. Actions and scopes compare case-insensitively. Assignments are read
// from the live state on every check, so an assignment the tutorial creates takes effect at once,
// unless the scenario's timing delays it (`roleAssignmentDelaySeconds`, Azure's propagation time):
// until then it grants nothing, as a fresh grant on Azure does.
import type { EmulatorState } from './state.ts';
import type { Rbac, RbacDecision } from './types.ts';
import { findRole, type RoleDefinition } from './roles.ts';
import { timingOf } from './scenario.ts';

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

function grantsAction(a: Assignment, action: string): boolean {
  const role = findRole(a.role);
  return role !== undefined && grants(role, action, 'action');
}

function grants(role: RoleDefinition, operation: string, kind: 'action' | 'data'): boolean {
  const allow = kind === 'action' ? role.actions : role.dataActions;
  const deny = kind === 'action' ? role.notActions : role.notDataActions;
  return allow.some((p) => permissionMatches(p, operation)) && !deny.some((p) => permissionMatches(p, operation));
}

type Assignment = EmulatorState['data']['roleAssignments'][number];

/** When an assignment made during the run starts to count (absent: from the start). */
const effectiveFrom = new WeakMap<Assignment, number>();

/** A new assignment applies after the scenario's propagation delay (nothing to do with instant timing). */
export function recordNewAssignment(state: EmulatorState, assignment: Assignment, now: Date): void {
  const delay = timingOf(state.data).roleAssignmentDelaySeconds;
  if (delay > 0) effectiveFrom.set(assignment, now.getTime() + delay * 1000);
}

export function createRbac(state: EmulatorState, now: () => Date = () => new Date()): Rbac {
  const effective = (a: Assignment): boolean => {
    const from = effectiveFrom.get(a);
    return from === undefined || now().getTime() >= from;
  };
  const mine = (principalId: string): Assignment[] => {
    const principal = principalId.toLowerCase();
    return state.data.roleAssignments.filter((a) => a.principalId.toLowerCase() === principal && effective(a));
  };
  function decide(principalId: string, operation: string, scope: string, kind: 'action' | 'data'): RbacDecision {
    const matchedRoles: string[] = [];
    for (const assignment of mine(principalId)) {
      if (!scopeIncludes(assignment.scope, scope)) continue;
      const role = findRole(assignment.role);
      if (role !== undefined && grants(role, operation, kind) && !matchedRoles.includes(role.roleName)) matchedRoles.push(role.roleName);
    }
    return { allowed: matchedRoles.length > 0, matchedRoles };
  }
  return {
    checkAction: (principalId, action, scope) => decide(principalId, action, scope, 'action'),
    checkDataAction: (principalId, dataAction, scope) => decide(principalId, dataAction, scope, 'data'),
    grantedWithin: (principalId, action, scope) =>
      mine(principalId).some((a) => (scopeIncludes(a.scope, scope) || scopeIncludes(scope, a.scope)) && grantsAction(a, action)),
    hasAnyAssignment: (principalId, scope) => mine(principalId).some((a) => scopeIncludes(a.scope, scope) || scopeIncludes(scope, a.scope)),
  };
}
