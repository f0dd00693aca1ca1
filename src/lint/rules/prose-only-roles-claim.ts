// A sentence that names a permission and says which built-in roles alone hold it ("To call this API,
// you must have access to `Microsoft.Authorization/roleAssignments/write`. Of the built-in roles, only
// Owner and User Access Administrator are granted access to this operation."), judged against the
// built-in role catalog: Azure keeps adding roles (Role Based Access Control Administrator, Locks
// Contributor), so such sentences go stale and send readers to a broader role than they need.
import type { Rule, RuleHit } from '../rule.ts';
import { catalogRole, roleCatalog, roleCoversPattern, actionMatches, type CatalogRole } from '../../reference/rbac.ts';

const PERMISSION = /\bMicrosoft\.[A-Za-z0-9]+(?:\/[A-Za-z0-9.*_-]+)+/g;
const ONLY = /\bonly\s+/gi;
const SEPARATOR = /^\s*(?:,\s*(?:and|or)\s+|,\s*|\s+(?:and|or)\s+)/i;
// What follows the list when it is the subject of a claim about holding a permission.
const CLAIM_VERB = /^\s*(?:(?:built-in\s+)?roles?\s+)?(?:are|is|have|has|include|includes|grant|grants|hold|holds|contain|contains|can)\b/i;

/** The line as a reader sees it: link texts without targets, no emphasis or code marks. */
function plain(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|`/g, '');
}

/** The built-in roles a list at the start of `text` names ("Owner and User Access Administrator are …"), when a claim verb follows. */
function roleList(text: string): CatalogRole[] | undefined {
  const roles: CatalogRole[] = [];
  let rest = text.replace(/^the\s+/i, '');
  for (;;) {
    const words = rest.split(/\s+/).slice(0, 8);
    let taken = 0;
    for (let k = words.length; k > 0 && taken === 0; k--) {
      const candidate = words.slice(0, k).join(' ').replace(/[,.;:]+$/, '');
      // Role names are written capitalised; "only reader access" is not a claim about the Reader role.
      if (/^[A-Z]/.test(candidate) && catalogRole(candidate)) {
        roles.push(catalogRole(candidate)!);
        taken = k;
      }
    }
    if (taken === 0) return undefined;
    const consumed = words.slice(0, taken).join(' ').replace(/[,.;:]+$/, '');
    rest = rest.slice(rest.indexOf(consumed) + consumed.length);
    const sep = SEPARATOR.exec(rest);
    if (!sep) break;
    rest = rest.slice(sep[0].length).replace(/^the\s+/i, '');
  }
  return CLAIM_VERB.test(rest) ? roles : undefined;
}

function kindOf(permission: string): 'action' | 'dataAction' {
  // A data action is one some role lists among its dataActions by a pattern narrower than "*".
  const data = roleCatalog().roles.some((r) => r.dataActions.some((p) => p !== '*' && actionMatches(p, permission)));
  return data ? 'dataAction' : 'action';
}

/** Roles a reader would be sent to first: the privileged general roles, then those named after the permission's resource. */
function rank(permissions: readonly string[]): (a: CatalogRole, b: CatalogRole) => number {
  const nouns = permissions.map((p) => (p.split('/').filter((s) => s !== '*' && !/^(?:read|write|delete|action)$/i.test(s)).pop() ?? '').toLowerCase().replace(/s$/, ''));
  const privileged = (r: CatalogRole) => (/privileged\.md$/.test(r.source) ? 0 : 1);
  const named = (r: CatalogRole) => (nouns.some((n) => n.length > 2 && r.roleName.toLowerCase().includes(n)) ? 0 : 1);
  const niche = (r: CatalogRole) => (/\((?:preview|deprecated)\)|\bservice role\b/i.test(r.roleName) ? 1 : 0);
  const size = (r: CatalogRole) => r.actions.length + r.dataActions.length;
  return (a, b) => privileged(a) - privileged(b) || named(a) - named(b) || niche(a) - niche(b) || size(a) - size(b) || a.roleName.localeCompare(b.roleName);
}

/** The text from the first permission named to the last. */
function between(text: string, permissions: readonly string[]): string {
  const at = permissions.map((p) => text.indexOf(p)).filter((i) => i >= 0);
  return text.slice(Math.min(...at), Math.max(...at));
}

function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const proseOnlyRolesClaim: Rule = {
  id: 'prose-only-roles-claim',
  name: 'ProseOnlyRolesClaim',
  severity: 'warning',
  shortDescription: 'The prose says only certain built-in roles hold a permission, and the built-in role catalog says otherwise.',
  fullDescription:
    'Pages say which built-in roles hold the permission a step needs ("Of the built-in roles, only Owner and User Access Administrator are granted access to Microsoft.Authorization/roleAssignments/write"). Azure keeps adding built-in roles: Role Based Access Control Administrator (privileged, 2023) can also assign roles, Locks Contributor can manage locks. A stale "only" sends readers to a broader role than they need, and a role named that lacks the permission leaves them stuck at 403 AuthorizationFailed. The claim is judged against the built-in role catalog (src/reference/built-in-roles.json, generated from MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles/ and `az role definition list`), with Azure RBAC\'s semantics: "*" matches any characters, NotActions subtract. A wildcard permission ("Microsoft.Authorization/locks/*") counts only for roles that hold all of it.',
  help: 'Name every general role that holds the permission (or the least-privileged one), or link to the built-in roles page instead of listing roles.',
  check(doc) {
    const hits: RuleHit[] = [];
    for (let n = 1; n <= doc.lineCount; n++) {
      if (!doc.isProse(n)) continue;
      const text = doc.line(n);
      const plainText = plain(text);
      const permissions = [...new Set((plainText.match(PERMISSION) ?? []).map((p) => p.replace(/[.]+$/, '')))];
      if (permissions.length === 0) continue;
      for (const m of text.matchAll(ONLY)) {
        const named = roleList(plain(text.slice(m.index + m[0].length)));
        if (!named) continue;
        // "access to X or Y": a role holding either is one the claim should have named; otherwise the line needs them all.
        const either = permissions.length > 1 && /\bor\b/i.test(between(plainText, permissions));
        const holds = (r: CatalogRole) => (either ? permissions.some : permissions.every).call(permissions, (p) => roleCoversPattern(r, kindOf(p), p));
        const lacking = named.filter((r) => !r.conditional && !holds(r));
        const others = roleCatalog().roles.filter((r) => holds(r) && !named.some((x) => x.id === r.id)).sort(rank(permissions));
        const what = listed(permissions).replace(/ and (?=[^,]*$)/, either ? ' or ' : ' and ');
        const claims: string[] = [];
        if (lacking.length > 0) claims.push(`${listed(lacking.map((r) => r.roleName))} ${lacking.length === 1 ? 'does' : 'do'} not grant ${what} (its actions and notActions in the built-in role catalog)`);
        if (others.length > 0) {
          const shown = others.slice(0, 3).map((r) => r.roleName);
          const more = others.length > shown.length ? ` and ${others.length - shown.length} more` : '';
          claims.push(`${what} ${permissions.length === 1 || either ? 'is' : 'are'} also granted by ${shown.join(', ')}${more}`);
        }
        if (claims.length === 0) continue;
        hits.push({
          line: n,
          column: m.index + 1,
          message: `"only ${listed(named.map((r) => r.roleName))}" is not what Azure's built-in roles say today: ${claims.join('; ')}. Name the least-privileged role that holds the permission, or link to the built-in roles page.`,
        });
      }
    }
    return hits;
  },
};
