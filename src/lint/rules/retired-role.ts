// A grant of a built-in role Azure has retired or deprecated: the catalog (built-in-roles.json, field
// `retired`) keeps the fact and its source; the page is told, so the grant does not pass for one
// that makes its later requests work.
import type { Rule, RuleHit } from '../rule.ts';
import { statedGrants } from '../rbac-grants.ts';
import { findRole } from '../../reference/rbac.ts';
import type { RoleRetirement } from '../../reference/role-catalog-source.ts';

const HOW = {
  'az role assignment create': 'az role assignment create assigns',
  'New-AzRoleAssignment': 'New-AzRoleAssignment assigns',
  rest: 'a REST PUT of a role assignment assigns',
  template: "the page's template assigns",
  stated: 'the page grants',
  author: "the sidecar's grant gives",
} as const;

function what(r: RoleRetirement): string {
  const when = r.date !== undefined ? ` (${r.date})` : '';
  switch (r.status) {
    case 'retired':
      return `belongs to a retired service${when}: "${r.wording}" (${r.source})${r.unlisted !== undefined ? `; az role definition list no longer lists it (${r.unlisted})` : ''}`;
    case 'deprecated':
      return `is deprecated: Azure's definition says "${r.wording}" (${r.source})`;
    case 'planned':
      return `is to be removed${when}: Azure's definition says "${r.wording}" (${r.source})`;
  }
}

export const retiredRole: Rule = {
  id: 'retired-role',
  name: 'RetiredRole',
  severity: 'warning',
  shortDescription: 'The page grants a built-in role that is retired or deprecated.',
  fullDescription:
    'A built-in role of a retired service (the Media Services roles: "Azure Media Services will be retired June 30th, 2024", and az role definition list no longer lists them since 2025-06-24), or one Azure\'s own definition marks deprecated ("(Deprecated)" in its name, "This role has been deprecated"), cannot be counted on: the assignment may fail (az: "Role \'…\' doesn\'t exist.") or grant access to nothing that still works. The catalog (src/reference/built-in-roles.json) keeps each retirement with its source; a grant of such a role made by a command (az role assignment create, New-AzRoleAssignment), a template, a REST call or stated in prose is reported where it is made (a note when the deprecation is announced for a later date).',
  help: "Grant a role that exists today for what the page needs, or say on the page that the service (and its roles) is retired.",
  check(doc) {
    const hits: RuleHit[] = [];
    for (const g of statedGrants(doc)) {
      const role = findRole(g.role);
      if (role?.retired === undefined) continue;
      hits.push({
        line: g.line,
        ...(g.column !== undefined ? { column: g.column } : {}),
        ...(g.stepId !== undefined ? { stepId: g.stepId } : {}),
        message: `${HOW[g.via]} '${role.roleName}', which ${what(role.retired)}. A grant of it cannot be counted on to make the page's later steps work.`,
        ...(role.retired.status === 'planned' ? { severity: 'note' as const } : {}),
      });
    }
    return hits;
  },
};
