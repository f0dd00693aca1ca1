// A role granted at a scope that does not contain the resource a later data-plane request reaches.
// Azure RBAC applies a role assignment at its scope and every scope below it, never beside it
// (learn.microsoft.com/azure/role-based-access-control/scope-overview: "you can assign roles at four
// levels of scope: management group, subscription, resource group, or resource … child scopes inherit
// the role assignments of their parent"). So Storage Blob Data Contributor assigned on storage account
// A (or on container C of it) permits nothing on account B (or container D), and a Key Vault role on
// vault V nothing on vault W: the service answers 403 as if no role had been granted.
// Judged only where the page makes the grant with an explicit scope (az role assignment create
// --scope, a REST PUT of a role assignment) naming the resource literally, and the request names its
// resource literally too: a placeholder or a variable may be any name, and a grant stated in prose
// has no scope to compare. Silent when any grant of a role that permits the operation covers the
// resource (its scope is a subscription, a resource group, or the resource itself or a parent).
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { azOption } from './commands.ts';
import { eachAz, eachCurl } from './each.ts';
import type { StatedGrant } from './rbac-grants.ts';
import { targetName } from './rbac-reader.ts';
import { findRole, rolePermits } from '../reference/rbac.ts';
import { AZ_SERVICES, azNeed, requestNeed, type AzService, type RequestNeed } from '../reference/operation-actions.ts';

interface Target {
  service: AzService;
  /** The account, vault or store, as written. */
  name: string;
  /** A blob container or file system, as written, when the request names one. */
  container?: string;
}

interface Use {
  line: number;
  stepId: string;
  need: RequestNeed;
  target: Target;
  /** Whose token: the signed-in reader (az) or whoever the bearer token belongs to (curl). */
  reader: boolean;
}

/** A name the reader fills in (placeholder, variable, command substitution): it may be any name. */
const literal = (s: string | undefined): s is string => s !== undefined && s !== '' && !/[<>{}$%`*]/.test(s);
const unquote = (s: string) => s.replace(/^["']|["']$/g, '');

const HOSTS: Record<string, AzService> = { blob: 'storage-account', dfs: 'storage-account', queue: 'storage-account', table: 'storage-account', file: 'storage-account', vault: 'vault', azconfig: 'app-configuration' };

function uses(doc: LintDocument): Use[] {
  const out: Use[] = [];
  for (const { command, az } of eachAz(doc)) {
    const need = azNeed(az.path, azOption(az, '--auth-mode')?.value?.value === 'login');
    if (!need || need.kind === 'action') continue;
    const name = targetName(az, need.service);
    if (!name) continue;
    const container = need.service === 'storage-account' ? azOption(az, '--container-name', '-c', '--file-system', '-f', '--share-name', '-s', '--queue-name', '-q', '--table-name', '-t')?.value?.value : undefined;
    out.push({ line: az.words[0]?.line ?? command.step.source.startLine, stepId: command.step.id, need, target: { service: need.service, name: unquote(name), ...(container ? { container: unquote(container) } : {}) }, reader: true });
  }
  for (const { command, curl } of eachCurl(doc)) {
    if (!curl.headers.some((h) => h.name.toLowerCase() === 'authorization' && /^bearer\s/i.test(h.value))) continue;
    const url = curl.urls[0];
    const m = url && /^https?:\/\/([^./]+)\.(blob|dfs|queue|table|file|vault|azconfig)\.[^/]+\/?([^/?#]*)/i.exec(url.value);
    if (!url || !m) continue;
    const need = requestNeed(curl.method, url.value, new Map(curl.headers.map((h) => [h.name.toLowerCase(), h.value])));
    if (!need || need.kind === 'action') continue;
    const service = HOSTS[m[2]!.toLowerCase()]!;
    out.push({ line: url.line, stepId: command.step.id, need, target: { service, name: m[1]!, ...(service === 'storage-account' && m[3] ? { container: decodeURIComponent(m[3]).replace(/\(.*$/, '') } : {}) }, reader: false });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** Where a scope stands for the target's service: its resource and child names; undefined when it holds it whole (a subscription, a group) or is another service's. */
function scopeParts(scope: string, service: AzService): { covers: true } | { covers: false; other: true } | { covers: false; other: false; name: string; child?: string } {
  const parts = scope.split('/').filter(Boolean);
  const p = parts.findIndex((x) => x.toLowerCase() === 'providers');
  if (p < 0) return { covers: true };
  if (parts[p + 1]?.toLowerCase() !== AZ_SERVICES[service].namespace) return { covers: false, other: true };
  const name = parts[p + 3];
  if (name === undefined) return { covers: true };
  // …/storageAccounts/A/blobServices/default/containers/C (also fileServices/shares, queueServices/queues, tableServices/tables)
  const child = parts[p + 7];
  return { covers: false, other: false, name, ...(child !== undefined ? { child } : {}) };
}

export function scopeFindings(doc: LintDocument, grants: readonly StatedGrant[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const reported = new Set<string>();
  for (const use of uses(doc)) {
    // The grants that could be meant for this caller, made before the request.
    const mine = grants.filter((g) => g.line < use.line && (use.reader ? g.principal.kind !== 'vm' && g.principal.kind !== 'identity' : g.principal.kind !== 'reader'));
    const permitting = mine.filter((g) => {
      const role = findRole(g.role);
      return role !== undefined && rolePermits(role, use.need);
    });
    if (permitting.length === 0) continue;
    const missing: { grant: StatedGrant; at: string }[] = [];
    let covered = false;
    for (const g of permitting) {
      if (g.scope === undefined) {
        covered = true; // a stated grant: no scope to compare
        break;
      }
      const s = scopeParts(g.scope, use.target.service);
      if (s.covers) {
        covered = true;
        break;
      }
      if (s.other) continue; // another service's resource: about something else
      const sameName = !literal(s.name) || !literal(use.target.name) || s.name.toLowerCase() === use.target.name.toLowerCase();
      const sameChild = s.child === undefined || !literal(s.child) || use.target.container === undefined || !literal(use.target.container) || s.child.toLowerCase() === use.target.container.toLowerCase();
      if (sameName && sameChild) {
        covered = true;
        break;
      }
      missing.push({ grant: g, at: sameName ? `${childWord(use)} '${s.child}' of ${AZ_SERVICES[use.target.service].what} '${s.name}'` : `${AZ_SERVICES[use.target.service].what} '${s.name}'` });
    }
    if (covered || missing.length === 0) continue;
    const here = missing.some((m) => m.at.startsWith(childWord(use))) && use.target.container ? `${childWord(use)} '${use.target.container}' of ${AZ_SERVICES[use.target.service].what} '${use.target.name}'` : `${AZ_SERVICES[use.target.service].what} '${use.target.name}'`;
    const granted = missing.map((m) => `${findRole(m.grant.role)?.roleName ?? m.grant.role} on ${m.at} (line ${m.grant.line})`).join(', ');
    hits.push({
      line: use.line,
      stepId: use.stepId,
      message: `${use.need.doing} on ${here} needs ${use.need.name}, but the page grants it only at another scope — ${granted}. A role assignment applies at its scope and below, not beside it, so the service answers 403 (${AZ_SERVICES[use.target.service].denied}). Assign the role on ${here} (or on a scope that contains it), or use the resource the role was granted on.`,
    });
    for (const m of missing) {
      const key = `${m.grant.line}\u0000${here}`;
      if (reported.has(key)) continue;
      reported.add(key);
      hits.push({
        line: m.grant.line,
        ...(m.grant.column !== undefined ? { column: m.grant.column } : {}),
        ...(m.grant.stepId !== undefined ? { stepId: m.grant.stepId } : {}),
        message: `this role is assigned on ${m.at}, but the page uses it on ${here} (line ${use.line}: ${use.need.doing}); a role assignment does not reach a resource outside its scope.`,
      });
    }
  }
  return hits;
}

const childWord = (use: Use) => (use.need.name.includes('/queueServices/') ? 'queue' : use.need.name.includes('/tableServices/') ? 'table' : use.need.name.includes('/fileServices/') ? 'share' : 'container');
