// The reader's own commands that write or delete Microsoft.Authorization resources — role assignments
// (az role assignment create, az ad sp create-for-rbac --role, az … identity assign --scope, a REST PUT
// of a role assignment), custom role definitions, management locks — or elevate access. Contributor,
// the role most readers work with, cannot: its NotActions are Microsoft.Authorization/*/Write,
// */Delete and elevateAccess/Action (built-in role catalog). The action needs Owner, User Access
// Administrator, Role Based Access Control Administrator (role assignments) or another role that
// grants it (learn.microsoft.com/azure/role-based-access-control/role-assignments-cli#prerequisites;
// lock-resources#who-can-create-or-delete-locks), and elevating access a Microsoft Entra Global
// Administrator (elevate-access-global-admin). When the page names no such role and not the action
// itself anywhere, the reader learns it from an AuthorizationFailed: warn on the first such command,
// and where the page should say it (its Prerequisites, else the sentence that leads in the command).
import type { LintDocument } from '../document.ts';
import type { Rule, RuleHit } from '../rule.ts';
import { azOption } from '../commands.ts';
import type { AzView } from '../commands.ts';
import { eachAz, eachCurl } from '../each.ts';
import { deploysTemplate, introducing } from '../rbac-reader.ts';
import { unreadIncludeGrants } from '../unread-includes.ts';
import { rolesPermitting, whatIf } from '../../reference/rbac.ts';
import { AZ_SERVICES, azAuthorizationNeed, azNeed, requestNeed, type AzNeed, type RequestNeed } from '../../reference/operation-actions.ts';

interface Use {
  line: number;
  stepLine: number;
  stepId: string;
  need: RequestNeed;
}

/** The first command of the page that needs an Authorization action Contributor lacks. */
function firstUse(doc: LintDocument): Use | undefined {
  const uses: Use[] = [];
  for (const { command, az } of eachAz(doc)) {
    const need = azAuthorizationNeed(az.path, (flag) => azOption(az, flag) !== undefined);
    if (need) uses.push({ line: az.words[0]?.line ?? command.step.source.startLine, stepLine: command.step.source.startLine, stepId: command.step.id, need });
  }
  for (const { command, curl } of eachCurl(doc)) {
    const need = curl.urls[0] ? requestNeed(curl.method, curl.urls[0].value) : undefined;
    if (need?.name.toLowerCase().startsWith('microsoft.authorization/')) uses.push({ line: curl.urls[0]!.line, stepLine: command.step.source.startLine, stepId: command.step.id, need });
  }
  return uses.filter((u) => whatIf(['Contributor'], u.need).verdict === 'denied').sort((a, b) => a.line - b.line)[0];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What on a line would tell the reader they need the permission: a role that grants it, or the action itself. */
function statingPatterns(need: RequestNeed): RegExp[] {
  const roles = rolesPermitting(need).map((r) => r.roleName);
  if (/\/elevateAccess\/action$/i.test(need.name)) roles.push('Global Administrator');
  const out = roles.map((name) =>
    // "Owner" is also a word of English; a one-word role counts only as a capitalized name.
    name.includes(' ') ? new RegExp(`(?<![\\w-])${name.split(' ').map(escape).join('[\\s-]+')}(?![\\w-])`, 'i') : new RegExp(`(?<![\\w-])${escape(name)}(?![\\w-])`),
  );
  const [ns, type] = need.name.split('/');
  out.push(new RegExp(`${escape(`${ns}/${type}/`)}|${escape(`${ns}/*`)}`, 'i'));
  // The requirement in words: "permissions to assign Azure roles", "permission to create custom roles", "rights to delete locks".
  const object = /roleAssignments/i.test(type ?? '') ? 'roles?|role assignments?' : /roleDefinitions/i.test(type ?? '') ? '(?:custom )?roles?|role definitions?' : /locks/i.test(type ?? '') ? '(?:management |resource )?locks?' : 'elevated access|access';
  out.push(new RegExp(`\\b(?:permissions?|access|rights?|privileges?)\\s+to\\s+(?:assign|create|add|manage|remove|delete|update|grant|elevate)\\b[^.]{0,30}?\\b(?:${object})\\b`, 'i'));
  return out;
}

/**
 * The first line of the page's Prerequisites section, and whether the section says its prerequisites
 * elsewhere: an [!INCLUDE] (text the lint does not see) or a link to a prerequisites page.
 */
interface Prerequisites {
  first: number;
  elsewhere: boolean;
}

function prerequisites(doc: LintDocument): Prerequisites | undefined {
  for (let n = 1; n <= doc.lineCount; n++) {
    if (!/^#{1,6}\s+(?:prerequisites|before you begin)\b/i.test(doc.line(n))) continue;
    let first: number | undefined;
    let elsewhere = false;
    for (let m = n + 1; m <= doc.lineCount && !/^#{1,6}\s/.test(doc.line(m)); m++) {
      if (/\[!INCLUDE\b/i.test(doc.line(m)) || /\[[^\]]*\]\([^)]*prerequisite[^)]*\)|\[[^\]]*prerequisite[^\]]*\]\(/i.test(doc.line(m))) elsewhere = true;
      if (first === undefined && doc.isProse(m) && doc.line(m).trim() !== '') first = m;
    }
    return first === undefined ? undefined : { first, elsewhere };
  }
  return undefined;
}

export const rbacPermissionNotStated: Rule = {
  id: 'rbac-permission-not-stated',
  name: 'RbacPermissionNotStated',
  severity: 'warning',
  shortDescription: 'A command needs a permission the page never states: a Microsoft.Authorization write Contributor lacks (role assignments, custom roles, locks), or a data action on a vault or account the page does not create.',
  fullDescription:
    "Creating or deleting role assignments (az role assignment create, az ad sp create-for-rbac --role), custom roles (az role definition create) and management locks (az lock create|delete) needs Microsoft.Authorization/roleAssignments/write|delete, roleDefinitions/write or locks/write|delete. Contributor's NotActions exclude every Microsoft.Authorization write and delete (and elevateAccess), so a reader with Contributor — the usual role — gets 403 AuthorizationFailed. Only Owner, User Access Administrator, Role Based Access Control Administrator (role assignments), Locks Contributor (locks) and a few service roles grant them (the built-in role catalog; learn.microsoft.com/azure/role-based-access-control/role-assignments-cli#prerequisites, azure-resource-manager/management/lock-resources); elevating access takes a Microsoft Entra Global Administrator. The rule is silent when the page names such a role or the action anywhere in its prose, says the requirement in words (\"permissions to assign roles\"), or keeps its prerequisites in an include or on a linked prerequisites page. Likewise the reader's own data-plane commands (az keyvault secret|key|certificate …, az storage blob|message … --auth-mode login) on a vault or account the page does not create (a quickstart's, a prerequisite's) need a data role or an access policy that nobody holds by default: creating a vault or account gives its creator none, and az keyvault create makes Azure RBAC vaults since Azure CLI 2.61 (MicrosoftDocs/azure-docs-cli keyvault.yml, --enable-rbac-authorization default true). Silent when the page names a role that grants the data action, the action, access policies, or deploys a template (which may grant anything), and, for data access, when an include this tool could not read speaks of RBAC, a role or access (it may state or grant it). A command on a Managed HSM (--hsm-name) is judged against the HSM's local RBAC instead: silent when the page names a Managed HSM role (Managed HSM Crypto User…, key-vault/managed-hsm/built-in-roles.md of MicrosoftDocs/azure-security-docs), a Microsoft.KeyVault/managedHsm/ action or local RBAC; the initial administrators' Managed HSM Administrator grants no key operation.",
  help: 'Say in the prerequisites which role the reader needs (for example "Owner or User Access Administrator on the subscription", or the action Microsoft.Authorization/roleAssignments/write).',
  check(doc) {
    if (!doc.hasText) return [];
    const pre = prerequisites(doc);
    if (pre?.elsewhere) return []; // the prerequisites said elsewhere may state it
    return [...authorizationHits(doc, pre), ...dataPlaneHits(doc, pre)];
  },
};

function authorizationHits(doc: LintDocument, pre: Prerequisites | undefined): RuleHit[] {
    const use = firstUse(doc);
    if (!use) return [];
    const patterns = statingPatterns(use.need);
    for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n) && patterns.some((p) => p.test(doc.line(n)))) return [];
    const hits: RuleHit[] = [
      {
        line: use.line,
        stepId: use.stepId,
        message: `${use.need.doing} needs ${use.need.name}, which Contributor does not grant (its NotActions exclude Microsoft.Authorization writes and deletes), and the page never says which role the reader needs: a reader without Owner, User Access Administrator${/roleAssignments/i.test(use.need.name) ? ' or Role Based Access Control Administrator' : ''} gets 403 AuthorizationFailed.`,
      },
    ];
    const where = pre?.first ?? introducing(doc, use.stepLine, /\S/);
    if (where !== undefined && where !== use.line)
      hits.push({ line: where, message: `the page does not say that the reader needs ${use.need.name} (line ${use.line}: ${use.need.doing}); state the role, e.g. Owner or User Access Administrator${/roleAssignments/i.test(use.need.name) ? ' (or Role Based Access Control Administrator)' : ''} on the scope.` });
    return hits;
}

/** A link to a page that creates something (quick-create-cli.md, storage-account-create.md), not to a command's reference (/cli/…#az-keyvault-key-create). */
const LINKS_A_CREATING_PAGE = /\]\((?!\/(?:cli|powershell|rest)\/)[^)#?]*create[^)#?]*(?:[#?][^)]*)?\)/i;
/** Words that tell the reader how data access is given: access policies, or permissions on the data in words. */
const DATA_ACCESS_WORDS = /\baccess polic(?:y|ies)\b|\bset-policy\b|\b(?:permissions?|access|rights?)\s+to\s+(?:get|set|read|write|list|manage|create|upload|download)\b[^.]{0,30}?\b(?:secrets?|keys?|certificates?|blobs?|messages?|data)\b/i;

interface DataUse {
  line: number;
  stepLine: number;
  stepId: string;
  need: AzNeed;
}

/**
 * The command works on a Managed HSM (--hsm-name, or an --id/--vault-name-less URL on managedhsm.azure.net): its
 * keys are guarded by the HSM's own local RBAC, not by Azure RBAC roles (key-vault/managed-hsm/access-control.md,
 * built-in-roles.md of MicrosoftDocs/azure-security-docs @1c4310be).
 */
function onManagedHsm(az: AzView): boolean {
  if (azOption(az, '--hsm-name') !== undefined) return true;
  return /\.managedhsm\.azure\.net\b/i.test(azOption(az, '--id')?.value?.value ?? '');
}

/**
 * Managed HSM local RBAC: the roles of key-vault/managed-hsm/built-in-roles.md (azure-security-docs @1c4310be:
 * Administrator, Crypto Officer, Crypto User, Policy Administrator, Crypto Service Encryption User, Backup, Crypto
 * Auditor, Crypto Service Release User, Restore) and the data actions Microsoft.KeyVault/managedHsm/…. The Azure
 * role catalog has none of them: a page that said "Managed HSM Crypto User" was told it never says "Key Vault
 * Crypto Officer" (azure-security-docs @1c4310be managed-hsm/key-rotation.md, recovery.md).
 */
const HSM_ROLE_NAMED = /\bManaged\s+HSM\s+(?:Administrator|Crypto\s+(?:Officer|User|Auditor|Service\s+(?:Encryption|Release)\s+User)|Policy\s+Administrator|Backup|Restore)\b|\bmanagedHsm\/|\blocal RBAC\b/i;

function managedHsmHits(doc: LintDocument, pre: Prerequisites | undefined, use: DataUse): RuleHit[] {
  for (let n = 1; n <= doc.lineCount; n++) if (HSM_ROLE_NAMED.test(doc.line(n)) || DATA_ACCESS_WORDS.test(doc.line(n))) return [];
  const action = use.need.name.replace(/^Microsoft\.KeyVault\/vaults\//i, 'Microsoft.KeyVault/managedHsm/');
  const hits: RuleHit[] = [
    {
      line: use.line,
      stepId: use.stepId,
      message: `${use.need.doing} needs the data action ${action} on the managed HSM, and the page never says the reader must have it: a managed HSM's keys are guarded by its local RBAC, and its initial administrators hold Managed HSM Administrator, which grants no key operation, so the HSM answers 403. Say which Managed HSM local role the reader needs (for example Managed HSM Crypto User, managed-hsm/built-in-roles.md).`,
    },
  ];
  const where = pre?.first ?? introducing(doc, use.stepLine, /\S/);
  if (where !== undefined && where !== use.line)
    hits.push({ line: where, message: `the page does not say which Managed HSM local role the reader needs (line ${use.line}: ${use.need.doing} needs ${action}).` });
  return hits;
}

/**
 * The reader's own data-plane command (az keyvault secret|key|certificate …, az storage blob|message …
 * --auth-mode login) on a vault or account the page does not create (a prerequisite's, a quickstart's,
 * the reader's own): it needs a data role or an access policy nobody has by default — creating a vault or
 * account gives its creator none (src/lint/rbac-reader.ts judges the ones the page creates). Unless the
 * page names a role that grants the data action, the data action, or access policies, warn on the first
 * such command and where the resource comes from (the line linking the page that creates it, else the
 * Prerequisites, else the command's lead-in).
 */
function dataPlaneHits(doc: LintDocument, pre: Prerequisites | undefined): RuleHit[] {
  // An include this tool could not read that speaks of RBAC or access ("Using RBAC to provide access to a key vault") may grant or state it.
  if (deploysTemplate(doc) || unreadIncludeGrants(doc)) return [];
  let use: DataUse | undefined;
  let hsm = false;
  for (const { command, az } of eachAz(doc)) {
    const need = azNeed(az.path, azOption(az, '--auth-mode')?.value?.value === 'login');
    if (!need || need.kind === 'action' || doc.tutorial.steps.some((s) => s.kind === 'az' && s.az.path.join(' ') === AZ_SERVICES[need.service].creates)) continue;
    use = { line: az.words[0]?.line ?? command.step.source.startLine, stepLine: command.step.source.startLine, stepId: command.step.id, need };
    hsm = onManagedHsm(az);
    break;
  }
  if (!use) return [];
  if (hsm) return managedHsmHits(doc, pre, use);
  const patterns = [...statingPatterns(use.need).slice(0, -2), DATA_ACCESS_WORDS, new RegExp(escape(use.need.name), 'i')];
  for (let n = 1; n <= doc.lineCount; n++) if (patterns.some((p) => p.test(doc.line(n)))) return [];
  const what = AZ_SERVICES[use.need.service].what;
  const role = whatIf([], use.need);
  const suggestion = role.verdict === 'denied' && role.suggestion ? role.suggestion.roleName : 'a data role';
  const hits: RuleHit[] = [
    {
      line: use.line,
      stepId: use.stepId,
      message: `${use.need.doing} needs the data action ${use.need.name} on the ${what}, and the page never says the reader must have it: creating a ${what} gives its creator no data role (a vault made today uses Azure RBAC), so the service answers 403. Say that the reader needs ${suggestion} on the ${what}${use.need.service === 'vault' ? ' (or an access policy, on a vault that uses them)' : ''}.`,
    },
  ];
  let source: number | undefined;
  for (let n = 1; n < use.line && source === undefined; n++) if (doc.isProse(n) && LINKS_A_CREATING_PAGE.test(doc.line(n))) source = n;
  const where = source ?? pre?.first ?? introducing(doc, use.stepLine, /\S/);
  if (where !== undefined && where !== use.line)
    hits.push({ line: where, message: `the ${what} this page works with comes from elsewhere, and the page does not say that the reader needs ${suggestion} on it (line ${use.line}: ${use.need.doing} needs ${use.need.name}).` });
  return hits;
}
