// The role grants a page makes or states, for the RBAC what-if:
//  - created: its own `az role assignment create --role …` steps and Azure PowerShell
//    `New-AzRoleAssignment -RoleDefinitionName …` commands, read from the command as written
//    (placeholders and all; counted even when the step itself fails, e.g. on smart quotes), REST PUTs
//    of a role assignment (curl … /providers/Microsoft.Authorization/roleAssignments/{id}), and
//    role assignments its Bicep/ARM templates declare (`Microsoft.Authorization/roleAssignments`
//    with a literal built-in role definition GUID);
//  - stated: what the page's World (src/world) says is granted — prose that assigns or grants a
//    built-in role, the portal's role-assignment steps — and the sidecar's (author) grants.
// Grants the World only ASSUMES do not exist: a permission is never assumed (src/world/types.ts).
import type { LintDocument } from './document.ts';
import { azOption, azOptionUsed } from './commands.ts';
import { eachAz, eachCurl } from './each.ts';
import { eachCmdlet, psLiteral, psParameter } from './powershell-commands.ts';
import { pageWorld } from './world.ts';
import { findRole } from '../reference/rbac.ts';
import type { WorldPrincipal, WorldScope } from '../world/types.ts';

export interface StatedGrant {
  /** The role as the page writes it (name or id, quotes of any kind included). */
  role: string;
  line: number;
  column?: number;
  stepId?: string;
  /** The scope the role is assigned at (--scope, as written), when the page says. */
  scope?: string;
  /** The scope as the World reads a stated grant (the resource its sentence names, else the group). */
  worldScope?: WorldScope;
  /** Who gets it: `reader` for the signed-in reader; `id` for an assignee as written. */
  principal: WorldPrincipal;
  /** How the page makes it: a command (az role assignment create, or a REST PUT of a role assignment), a template, prose or portal steps, the sidecar. */
  via: 'az role assignment create' | 'New-AzRoleAssignment' | 'rest' | 'template' | 'stated' | 'author';
}

const unquote = (s: string): string => s.replace(/^[\s'"\u2018\u2019\u201c\u201d]+|[\s'"\u2018\u2019\u201c\u201d]+$/g, '');

export function statedGrants(doc: LintDocument): StatedGrant[] {
  const grants: StatedGrant[] = [];
  for (const { command, az } of eachAz(doc)) {
    if (az.path.join(' ') !== 'role assignment create') continue;
    const role = azOptionUsed(az, '--role');
    if (!role?.value) continue;
    const scope = azOption(az, '--scope')?.value?.value;
    const assignee = azOption(az, '--assignee', '--assignee-object-id')?.value?.value ?? '';
    grants.push({
      role: role.value.value,
      line: role.value.line,
      column: role.value.column,
      stepId: command.step.id,
      ...(scope ? { scope } : {}),
      principal: { kind: 'id', id: assignee },
      via: 'az role assignment create',
    });
  }
  grants.push(...powershellGrants(doc), ...armGrants(doc), ...templateGrants(doc));
  const made = new Set(grants.map((g) => (findRole(g.role)?.roleName ?? unquote(g.role)).toLowerCase()));
  for (const g of pageWorld(doc).grants) {
    if (g.origin === 'created') continue; // read above, as written
    // Prose that names the role a command of the page then assigns describes that command.
    if (g.origin === 'stated' && made.has(g.role.toLowerCase())) continue;
    // Lines of an included file's portal steps are that file's: only this page's own places are reported.
    if (g.origin === 'stated' && doc.hasText && !doc.isProse(g.cite.line) && !doc.manualSteps.some((m) => m.source.startLine === g.cite.line)) continue;
    const column = doc.hasText ? columnOf(doc.line(g.cite.line), g.role) : undefined;
    grants.push({
      role: g.role,
      line: g.cite.line,
      ...(column !== undefined ? { column } : {}),
      ...(g.cite.stepId !== undefined ? { stepId: g.cite.stepId } : {}),
      worldScope: g.scope,
      principal: g.principal,
      via: g.origin,
    });
  }
  return grants.sort((a, b) => a.line - b.line);
}

/** Where a role name stands in a line, as written ("Storage Blob Data Reader" or "storage-blob-data-reader"). */
function columnOf(line: string, role: string): number | undefined {
  const words = role.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const at = line.search(new RegExp(`(?<![\\w-])${words.join('[\\s_-]+')}(?![\\w-])`, 'i'));
  return at < 0 ? undefined : at + 1;
}

/**
 * `New-AzRoleAssignment -RoleDefinitionName 'Storage Blob Data Reader' -ObjectId … -Scope …`: the role as PowerShell
 * reads it (curly quotes are quotes to PowerShell), the principal by object id, application id or sign-in name.
 */
function powershellGrants(doc: LintDocument): StatedGrant[] {
  const out: StatedGrant[] = [];
  for (const c of eachCmdlet(doc, 'New-AzRoleAssignment')) {
    const role = psParameter(c, 'RoleDefinitionName');
    const v = role?.value;
    if (!v || !role.valueWhere || !['string', 'expandable', 'bare'].includes(v.kind)) continue;
    const name = (v.kind === 'bare' ? v.text : (v.content ?? '')).replace(/[\u2018\u2019\u201c\u201d]/gu, '');
    const scope = psParameter(c, 'Scope')?.value;
    const who = psParameter(c, 'ObjectId') ?? psParameter(c, 'ApplicationId') ?? psParameter(c, 'SignInName');
    out.push({
      role: name,
      ...role.valueWhere,
      stepId: c.step.id,
      ...(scope ? { scope: psLiteral(scope) ?? scope.text } : {}),
      principal: { kind: 'id', id: who?.value ? (psLiteral(who.value) ?? who.value.text) : '' },
      via: 'New-AzRoleAssignment',
    });
  }
  return out;
}

/**
 * `curl -X PUT https://management.azure.com/{scope}/providers/Microsoft.Authorization/roleAssignments/{id}`
 * whose body names a built-in role definition GUID: a grant at {scope} (REST: Role Assignments - Create).
 */
function armGrants(doc: LintDocument): StatedGrant[] {
  const out: StatedGrant[] = [];
  for (const { command, curl } of eachCurl(doc)) {
    const url = curl.urls[0]?.value ?? '';
    const m = /^https?:\/\/[^/]+(\/.*?)\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/?#]+/i.exec(url);
    if (!m || curl.method.toUpperCase() !== 'PUT') continue;
    const body = curl.data.find((d) => /roleDefinitionId/i.test(d.value));
    const guid = body && /roleDefinitions\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(body.value)?.[1];
    const role = guid ? findRole(guid.toLowerCase()) : undefined;
    if (!body || !role) continue;
    const principal = /"principalId"\s*:\s*"([^"]*)"/i.exec(body.value)?.[1] ?? '';
    out.push({ role: role.roleName, line: body.line, column: body.column, stepId: command.step.id, scope: m[1]!, principal: { kind: 'id', id: principal }, via: 'rest' });
  }
  return out;
}

/**
 * Role assignments a template block declares: a resource of type Microsoft.Authorization/roleAssignments
 * whose roleDefinitionId holds a built-in role's GUID literally (a parameter or variable is unknown).
 */
function templateGrants(doc: LintDocument): StatedGrant[] {
  const out: StatedGrant[] = [];
  if (!doc.hasText) return out;
  let inAssignment = 0;
  for (let n = 1; n <= doc.lineCount; n++) {
    const text = doc.line(n);
    // Bicep `resource ra 'Microsoft.Authorization/roleAssignments@…'`, ARM `"type": "Microsoft.Authorization/roleAssignments"`
    // (a response's "id" naming a role assignment is not a declaration).
    if (/^\s*resource\s+\S+\s+'Microsoft\.Authorization\/roleAssignments@|"type"\s*:\s*"Microsoft\.Authorization\/roleAssignments"/i.test(text)) inAssignment = n;
    if (inAssignment === 0 || n - inAssignment > 40) continue;
    const id = /roleDefinitions?(?:Id)?\W[^\n]*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(text);
    const role = id ? findRole(id[1]!.toLowerCase()) : undefined;
    if (!role) continue;
    out.push({ role: role.roleName, line: n, column: text.indexOf(id![1]!) + 1, principal: { kind: 'id', id: '' }, via: 'template' });
    inAssignment = 0;
  }
  return out;
}
