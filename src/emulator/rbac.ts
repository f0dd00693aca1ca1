// Azure RBAC evaluation as ARM does it: a principal may perform an action at a scope when a role
// assigned to it at that scope or any parent scope lists the action (wildcards allowed) and does not
// exclude it through NotActions (the one matcher of src/reference/rbac.ts, which the lint's what-if
// uses too). Actions and scopes compare case-insensitively. Assignments are read
// from the live state on every check, so an assignment the tutorial creates takes effect at once,
// unless the scenario's timing delays it (`roleAssignmentDelaySeconds`, Azure's propagation time):
// until then it grants nothing, as a fresh grant on Azure does.
import type { EmulatorState } from './state.ts';
import type { Rbac, RbacDecision } from './types.ts';
import { findRole } from './roles.ts';
import { rolePermits, type Need } from '../reference/rbac.ts';
import { timingOf } from './scenario.ts';

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
  return role !== undefined && rolePermits(role, { kind: 'action', name: action });
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
  function decide(principalId: string, operation: string, scope: string, kind: Need['kind']): RbacDecision {
    const matchedRoles: string[] = [];
    for (const assignment of mine(principalId)) {
      if (!scopeIncludes(assignment.scope, scope)) continue;
      const role = findRole(assignment.role);
      if (role !== undefined && rolePermits(role, { kind, name: operation }) && !matchedRoles.includes(role.roleName)) matchedRoles.push(role.roleName);
    }
    return { allowed: matchedRoles.length > 0, matchedRoles };
  }
  return {
    checkAction: (principalId, action, scope) => decide(principalId, action, scope, 'action'),
    checkDataAction: (principalId, dataAction, scope) => decide(principalId, dataAction, scope, 'dataAction'),
    grantedWithin: (principalId, action, scope) =>
      mine(principalId).some((a) => (scopeIncludes(a.scope, scope) || scopeIncludes(scope, a.scope)) && grantsAction(a, action)),
    hasAnyAssignment: (principalId, scope) => mine(principalId).some((a) => scopeIncludes(a.scope, scope) || scopeIncludes(scope, a.scope)),
  };
}
