// The RBAC what-if for the signed-in reader's own data-plane commands: `az keyvault secret|key|
// certificate …` against a vault the page creates with Azure RBAC authorization (az keyvault create's
// default since Azure CLI 2.61: MicrosoftDocs/azure-docs-cli keyvault.yml, --enable-rbac-authorization
// "default: true"; a Bicep/ARM vault with enableRbacAuthorization true), and `az storage blob|message …
// --auth-mode login` against a storage account the page creates. Creating a resource gives its creator
// no data role: only the roles the page grants (or states) to the reader count, and a permission the page
// neither grants nor states is never assumed. Also: `az keyvault set-policy` on such a vault, which the
// CLI refuses ("Cannot set policies to a vault with '--enable-rbac-authorization' specified",
// Azure/azure-cli src/azure-cli/azure/cli/command_modules/keyvault/custom.py, set_policy).
// Warnings, not errors: what fails depends on today's defaults, which the page may predate.
import type { AzCommand } from '../model.ts';
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { azOption, type AzView } from './commands.ts';
import { eachAz, eachCurl } from './each.ts';
import type { StatedGrant } from './rbac-grants.ts';
import { pageWorld } from './world.ts';
import { unreadIncludeGrants } from './unread-includes.ts';
import { callerIsReader, sdkCalls } from './sdk-calls.ts';
import { psAccessPolicySets, psVaults, psVaultUses } from './keyvault-powershell.ts';
import { findRole, rolePermits, smallestRoleFor, whatIf, type CatalogRole } from '../reference/rbac.ts';
import { AZ_SERVICES, azNeed, type AzNeed, type AzService } from '../reference/operation-actions.ts';

interface Created {
  service: AzService;
  /** As written: a literal, a placeholder or a variable (undefined: a template's, name unknown). */
  name: string | undefined;
  line: number;
  how: string;
  /** Created by an Azure PowerShell step (New-AzKeyVault): the page's az and PowerShell tabs are alternatives. */
  powershell?: boolean;
}

/** A name the reader fills in (placeholder, variable): it may be any name, so it matches any. */
const chosen = (s: string) => /[<>{}$%]/.test(s);
const sameName = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined || chosen(a) || chosen(b) || a.replace(/^["']|["']$/g, '').toLowerCase() === b.replace(/^["']|["']$/g, '').toLowerCase();

const opt = (az: AzCommand, ...names: string[]): string | null | undefined => az.options.find((o) => names.includes(o.name))?.value;

/** What the page creates in the Azure RBAC permission model, with the line that creates it (included files' steps too). */
function createdResources(doc: LintDocument): Created[] {
  const out: Created[] = [];
  for (const step of doc.tutorial.steps) {
    if (step.kind !== 'az') continue;
    // An included file's step has that file's lines: it counts from the page's start.
    const line = step.source.file && doc.tutorial.file && step.source.file !== doc.tutorial.file ? 0 : step.source.startLine;
    const path = step.az.path.join(' ');
    if (path === 'keyvault create') {
      const rbac = opt(step.az, '--enable-rbac-authorization');
      if (typeof rbac === 'string' && /^false$/i.test(rbac.replace(/["']/g, ''))) continue;
      out.push({ service: 'vault', name: opt(step.az, '--name', '-n') ?? undefined, line, how: 'az keyvault create makes it an Azure RBAC vault (the default since Azure CLI 2.61)' });
    }
    if (path === 'storage account create') out.push({ service: 'storage-account', name: opt(step.az, '--name', '-n') ?? undefined, line, how: 'creating an account gives its creator no data role' });
    // App Configuration: with Microsoft Entra ID, even the store's Owner needs an App Configuration Data role (concept-enable-rbac).
    if (path === 'appconfig create') out.push({ service: 'app-configuration', name: opt(step.az, '--name', '-n') ?? undefined, line, how: 'creating a store gives its creator no data role' });
  }
  // New-AzKeyVault without -DisableRbacAuthorization (keyvault-powershell.ts: the default since Az.KeyVault 6.0.0).
  for (const v of psVaults(doc)) if (v.rbac) out.push({ service: 'vault', name: v.name, line: v.line, how: 'New-AzKeyVault makes it an Azure RBAC vault (the default since Az.KeyVault 6.0.0)', powershell: true });
  // A template the page deploys: a vault with enableRbacAuthorization true.
  if (doc.hasText && doc.commands.some((c) => /\baz deployment (?:group|sub) create\b|New-AzResourceGroupDeployment/.test(c.step.raw))) {
    for (let n = 1; n <= doc.lineCount; n++) {
      if (/\benableRbacAuthorization["']?\s*:\s*true\b/.test(doc.line(n))) out.push({ service: 'vault', name: undefined, line: n, how: 'the template sets enableRbacAuthorization: true' });
    }
  }
  return out;
}

/** Whether a grant (to the reader, or to an assignee as written) reaches the resource. */
function reaches(g: StatedGrant, target: Created): boolean {
  if (g.principal.kind === 'vm' || g.principal.kind === 'identity') return false;
  const ns = AZ_SERVICES[target.service].namespace;
  if (g.scope !== undefined) {
    const scope = g.scope.split('/').filter(Boolean);
    const p = scope.findIndex((x) => x.toLowerCase() === 'providers');
    if (p < 0) return true;
    return scope[p + 1]?.toLowerCase() === ns && sameName(scope[p + 3], target.name);
  }
  const role = findRole(g.role);
  // A grant stated without a scope is about this resource only when its role is about this service.
  if (role && ![...role.actions, ...role.dataActions].some((a) => a.startsWith('*') || a.split('/')[0]!.toLowerCase() === ns)) return false;
  const s = g.worldScope;
  if (s?.kind === 'resource') return (s.role === 'vault') === (target.service === 'vault') && sameName(s.name, target.name);
  return true;
}

/** The resource an az data-plane command names: --vault-name / --id, --account-name, --name / --endpoint. */
export function targetName(az: AzView, service: AzService): string | undefined {
  const value = (...names: string[]) => azOption(az, ...names)?.value?.value;
  if (service === 'vault') return value('--vault-name') ?? /^https:\/\/([^.]+)\.vault/i.exec(value('--id') ?? '')?.[1];
  if (service === 'app-configuration') return value('--name', '-n') ?? /^https:\/\/([^.]+)\.azconfig/i.exec(value('--endpoint') ?? '')?.[1];
  return value('--account-name');
}

/** A data-plane use of a resource: an az command, or an SDK call of a program the page runs. */
interface DataUse {
  at: number;
  endLine?: number;
  stepId?: string;
  need: AzNeed;
  /** The resource as the use names it (undefined: an SDK call, which reaches the one resource of its service). */
  name: string | undefined;
  what: string;
  /** A PowerShell cmdlet's use (its tab's vault first). */
  powershell?: boolean;
}

/**
 * How many resources of the service the page creates. A vault created in the page's az tab and again in
 * its PowerShell tab is one vault: the tabs are alternatives (key-vault-python-qs-rg-kv-creation.md).
 */
function resourcesOf(created: readonly Created[], service: AzService): number {
  const of = created.filter((c) => c.service === service);
  return Math.max(of.filter((c) => !c.powershell).length, of.filter((c) => c.powershell).length);
}

/** The last resource of the service created before `at` with that name. */
const targetOf = (created: readonly Created[], service: AzService, name: string | undefined, at: number, powershell = false) => {
  const candidates = [...created].reverse().filter((c) => c.service === service && c.line < at && sameName(c.name, name));
  // The vault of the command's own tab first: an az command's vault is the one az keyvault create made.
  return candidates.find((c) => !!c.powershell === powershell) ?? candidates[0];
};

const where = (c: Created) => (c.line > 0 ? `line ${c.line}` : 'in an included file');
const lacking = (r: CatalogRole) => (r.dataActions.length === 0 ? `${r.roleName} grants no data action` : `${r.roleName} does not include it`);

export function readerFindings(doc: LintDocument, grants: readonly StatedGrant[]): RuleHit[] {
  const created = createdResources(doc);
  if (created.length === 0) return [];
  // Data Lake ACLs are checked when RBAC denies: with ACLs set by the page, a denial is not final.
  const setsAcls = pageWorld(doc).dataLakes.length > 0 || eachAz(doc).some(({ az }) => az.path.join(' ').startsWith('storage fs access')) || eachCurl(doc).some(({ curl }) => curl.headers.some((h) => /^x-ms-acl$/i.test(h.name)));
  const hits: RuleHit[] = [];
  const firstDenied = new Map<Created, number>();
  const uses: DataUse[] = [];
  for (const { command, az } of eachAz(doc)) {
    const at = command.step.source.startLine;
    const span = command.step.source.endLine > at ? { endLine: command.step.source.endLine } : {};
    if (az.path.join(' ') === 'keyvault set-policy') {
      const vault = targetOf(created, 'vault', azOption(az, '--name', '-n')?.value?.value, at);
      if (!vault) continue;
      hits.push({ line: at, ...span, stepId: command.step.id, message: `the page creates this vault with Azure RBAC authorization (${where(vault)}: ${vault.how}); az keyvault set-policy refuses it ("Cannot set policies to a vault with '--enable-rbac-authorization' specified") and access policies are ignored there. Assign a Key Vault data role instead (e.g. az role assignment create --role "Key Vault Secrets Officer" --scope <vault id>), or create the vault with --enable-rbac-authorization false.` });
      const intro = introducing(doc, at, /set-policy|access polic/i);
      if (intro !== undefined) hits.push({ line: intro, message: `az keyvault set-policy (line ${at}) cannot authorize anyone on an Azure RBAC vault, which is what the page creates (${where(vault)}); grant a Key Vault data role instead.` });
      continue;
    }
    const need: AzNeed | undefined = azNeed(az.path, azOption(az, '--auth-mode')?.value?.value === 'login');
    if (need) uses.push({ at, ...span, stepId: command.step.id, need, name: targetName(az, need.service), what: 'command' });
  }
  // Set-AzKeyVaultAccessPolicy on such a vault: ARM stores the policy, Key Vault never evaluates it.
  for (const set of psAccessPolicySets(doc)) {
    const vault = targetOf(created, 'vault', set.name, set.at, true);
    if (!vault) continue;
    hits.push({ line: set.at, stepId: set.stepId, message: `the page creates this vault with Azure RBAC authorization (${where(vault)}: ${vault.how}); Set-AzKeyVaultAccessPolicy writes an access policy that Key Vault does not evaluate on such a vault (enableRbacAuthorization: "the access policies specified in vault properties will be ignored"), so it grants nothing and the later secret, key or certificate operations get 403 Forbidden (ForbiddenByRbac). Assign a Key Vault data role instead (New-AzRoleAssignment -RoleDefinitionName "Key Vault Secrets Officer" -Scope <vault id>), or create the vault with New-AzKeyVault -DisableRbacAuthorization.` });
  }
  for (const use of psVaultUses(doc)) uses.push({ at: use.at, stepId: use.stepId, need: use.need, name: use.name, what: 'command', powershell: true });
  // The SDK programs the page runs as the signed-in reader: their calls reach the one resource of the service the page creates.
  if (callerIsReader(doc)) {
    for (const call of sdkCalls(doc)) {
      if (call.service && resourcesOf(created, call.service) === 1) uses.push({ at: call.line, need: { ...call.need, service: call.service }, name: undefined, what: `${call.library} call` });
    }
  }
  for (const use of strongestFirst(uses)) {
    const { at, need } = use;
    const span = use.endLine !== undefined ? { endLine: use.endLine } : {};
    // An action (creating a container, a queue) is a control-plane permission the resource's creator holds.
    if (need.kind === 'action' || (need.service === 'storage-account' && setsAcls)) continue;
    const resource = targetOf(created, need.service, use.name, at, use.powershell);
    if (!resource) continue;
    const before = grants.filter((g) => g.line < at && reaches(g, resource));
    const what = AZ_SERVICES[need.service].what;
    let message: string;
    if (before.length === 0) {
      // An include this tool could not read that speaks of RBAC, roles or access may well make the grant.
      if (unreadIncludeGrants(doc)) continue;
      const answer = whatIf([], need);
      const suggestion = answer.verdict === 'denied' && answer.suggestion ? answer.suggestion.roleName : undefined;
      message = `the page creates the ${what} (${where(resource)}: ${resource.how}) and grants the signed-in account no role on it: ${need.doing} needs the data action ${need.name}, so the service answers 403 (${AZ_SERVICES[need.service].denied}). ${suggestion ? `Assign ${suggestion} on the ${what} first` : 'Assign a data role first'}${need.service === 'vault' ? (/^New-AzKeyVault/.test(resource.how) ? ', or create the vault with New-AzKeyVault -DisableRbacAuthorization' : ', or create the vault with --enable-rbac-authorization false') : ''}.`;
    } else {
      const answer = whatIf(before.map((g) => g.role), need);
      if (answer.verdict !== 'denied') continue;
      const suggest = answer.suggestion ? ` — use ${answer.suggestion.roleName}` : '';
      // One role granted twice (the az and the PowerShell tab of one step) is named once.
      const roles = [...new Map(answer.roles.map((r) => [r.roleName, r])).values()];
      message = `the roles this page grants on the ${what} (${roles.map((r) => r.roleName).join(', ')}, ${[...new Set(before.map((g) => (g.via === 'author' ? 'the sidecar' : `line ${g.line}`)))].join(', ')}) do not permit this ${use.what}: ${need.doing} needs the data action ${need.name}, and ${roles.map(lacking).join('; ')}. The service answers 403${suggest}.`;
      for (const g of before) {
        const role = findRole(g.role);
        if (!role || g.via === 'author') continue; // the sidecar's grant has no place in the page
        hits.push({ line: g.line, ...(g.column !== undefined ? { column: g.column } : {}), ...(g.stepId !== undefined ? { stepId: g.stepId } : {}), message: `${lacking(role)}; ${need.doing} (line ${at}) needs ${need.name}${suggest}.` });
      }
    }
    hits.push({ line: at, ...span, ...(use.stepId !== undefined ? { stepId: use.stepId } : {}), message });
    if (before.length === 0 && !firstDenied.has(resource)) firstDenied.set(resource, at);
  }
  // With no grant at all: a sentence between the creation and the first denied command that tells the reader they are authorized.
  for (const [resource, at] of firstDenied) {
    for (let n = Math.max(resource.line + 1, 1); n < at && doc.hasText; n++) {
      if (!doc.isProse(n) || !/\bauthori[sz]ed\b|\bhave (?:full )?access\b|\bhas (?:full )?access\b/i.test(doc.line(n)) || !/\byour?\b|\baccount\b/i.test(doc.line(n))) continue;
      hits.push({ line: n, message: `this holds no longer: the ${resource.service === 'vault' ? 'vault uses Azure RBAC authorization' : `${AZ_SERVICES[resource.service].what} gives its creator no data role`} (${where(resource)}), and the page grants the signed-in account no data role, so the command on line ${at} is denied.` });
      break;
    }
  }
  return dedupe(hits);
}

/**
 * The uses in page order; within one step (a command and the substitutions inside it, `az keyvault secret
 * set --value "$(az keyvault secret show …)"`), the strongest need first: the one whose smallest role also
 * permits the step's other needs (Key Vault Secrets Officer, which reads and sets, before Secrets User).
 * One finding is kept per line, so the step's finding names what the whole step needs.
 */
function strongestFirst(uses: readonly DataUse[]): DataUse[] {
  const covers = (u: DataUse) => {
    const role = smallestRoleFor(u.need);
    return role ? uses.filter((o) => o.at === u.at && rolePermits(role, o.need)).length : 0;
  };
  const rank = new Map(uses.map((u) => [u, covers(u)]));
  return [...uses].sort((a, b) => a.at - b.at || rank.get(b)! - rank.get(a)!);
}

/**
 * Whether the page deploys a template (az deployment, PowerShell, the portal's Deploy to Azure button) or
 * shows one that declares a vault or storage account: such a resource may have any permission model and
 * grant any access, so the reader's own data access to it is not judged.
 */
export function deploysTemplate(doc: LintDocument): boolean {
  if (doc.tutorial.steps.some((s) => s.kind === 'az' && /^(?:deployment (?:group |sub )?create|group deployment create)$/.test(s.az.path.join(' ')))) return true;
  if (!doc.hasText) return false;
  for (let n = 1; n <= doc.lineCount; n++) {
    const l = doc.line(n);
    if (/#create\/Microsoft\.Template\b|\bDeploy to Azure\b|New-AzResourceGroupDeployment/i.test(l)) return true;
    if (!doc.isProse(n) && /["']?type["']?\s*:\s*["']Microsoft\.(?:KeyVault\/vaults|Storage\/storageAccounts)["']|['"]Microsoft\.(?:KeyVault\/vaults|Storage\/storageAccounts)@/i.test(l)) return true;
  }
  return false;
}

/** A page that says its vault uses access policies: the az flag, the template property, the portal's option or the model's name. */
const ACCESS_POLICY_MODEL = /--enable-rbac-authorization[\s=]+["']?false|enableRbacAuthorization["']?\s*:\s*false|access polic(?:y|ies) (?:permission )?model|permission model/i;
/** The portal's option, by its name ("Key Vault access policy" is a policy, not the model). */
const PORTAL_MODEL = /(?<!Key )\bVault access policy\b/;

/**
 * `az keyvault set-policy` on a vault the page does not create (a prerequisite, a quickstart's, the
 * reader's own): it works only on a vault that uses the access policy permission model, and vaults made
 * today use Azure RBAC (az keyvault create since Azure CLI 2.61; the portal's default), where az refuses
 * it. Unless the page says its vault uses access policies, warn on the command.
 */
export function accessPolicyModelFindings(doc: LintDocument): RuleHit[] {
  if (doc.tutorial.steps.some((s) => s.kind === 'az' && s.az.path.join(' ') === 'keyvault create') || psVaults(doc).length > 0) return []; // readerFindings judges created vaults
  if (deploysTemplate(doc)) return [];
  if (doc.hasText && Array.from({ length: doc.lineCount }, (_, i) => doc.line(i + 1)).some((l) => ACCESS_POLICY_MODEL.test(l) || PORTAL_MODEL.test(l))) return [];
  if (offersAccessPolicyRoute(doc)) return [];
  const first = eachAz(doc).find(({ az }) => az.path.join(' ') === 'keyvault set-policy');
  if (!first) return [];
  const at = first.az.words[0]?.line ?? first.command.step.source.startLine;
  return [
    {
      line: at,
      stepId: first.command.step.id,
      message: `az keyvault set-policy works only on a vault that uses the access policy permission model, and the page never says its vault does: a vault created today (az keyvault create since Azure CLI 2.61, or the portal) uses Azure RBAC, where az refuses it ("Cannot set policies to a vault with '--enable-rbac-authorization' specified") and access policies are ignored. Say that the vault must use access policies (az keyvault create --enable-rbac-authorization false), or grant a Key Vault data role with az role assignment create instead.`,
    },
  ];
}

/** A heading or tab title of the page (`#### Use an access policy (legacy)`, `# [Access policy](#tab/ap)`). */
const TITLE = /^\s*#{1,6}\s+(.*)$/;
/**
 * True when the page offers access policies as the route for a vault of that model, beside Azure RBAC:
 * a heading or tab that calls it legacy ("#### Use an access policy (legacy)" after "#### Use Azure RBAC
 * (recommended)" on azure-management-docs @d923d588 container-registry-tutorial-sign-trusted-ca.md), or
 * headings or tabs for both models. The reader of that section has a vault that uses access policies.
 */
function offersAccessPolicyRoute(doc: LintDocument): boolean {
  if (!doc.hasText) return false;
  const titles: string[] = [];
  for (let n = 1; n <= doc.lineCount; n++) {
    const t = doc.isProse(n) ? TITLE.exec(doc.line(n))?.[1] : undefined;
    if (t !== undefined) titles.push(t);
  }
  const policy = titles.filter((t) => /access polic(?:y|ies)/i.test(t));
  return policy.some((t) => /legacy/i.test(t)) || (policy.length > 0 && titles.some((t) => /\bRBAC\b|role-based access control/i.test(t)));
}

/** The prose line just before a command's block that introduces it (the block's lead-in sentence). */
export function introducing(doc: LintDocument, commandLine: number, says: RegExp): number | undefined {
  if (!doc.hasText) return undefined;
  for (let n = commandLine - 1, seen = 0; n >= 1 && seen < 6; n--) {
    const text = doc.line(n);
    if (/^#{1,6}\s+\[[^\]]*\]\(#tab\//.test(text)) continue; // a tab's title: the lead-in is above the tabs
    if (/^\s*#/.test(text)) return undefined;
    if (!doc.isProse(n) || text.trim() === '' || /^\s*(?:```|:::|>)/.test(text)) continue;
    seen++;
    if (says.test(text)) return n;
  }
  return undefined;
}

function dedupe(hits: RuleHit[]): RuleHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = `${h.line}\u0000${h.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
