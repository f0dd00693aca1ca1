// A Key Vault's permission model against the way the page authorizes its data plane. A vault uses
// either Azure RBAC or access policies, never both (learn.microsoft.com/azure/key-vault/general/
// rbac-guide, and rbac-access-policy: "the vault access policy model … Azure RBAC data-plane role
// assignments are not evaluated"; az keyvault create --enable-rbac-authorization, MicrosoftDocs/
// azure-docs-cli keyvault.yml: "default: true"; without it the vault gets an access policy for its
// creator unless --no-self-perms). So:
//  - a Key Vault data role assigned on a vault the page creates with access policies
//    (--enable-rbac-authorization false; a template's enableRbacAuthorization: false) permits nothing;
//  - a template vault with enableRbacAuthorization: false and an empty accessPolicies list leaves
//    nobody with data access: a later data-plane command on it is denied unless the page adds a policy.
// The other direction (set-policy on an RBAC vault) is judged in rbac-reader.ts.
// Likewise Azure Cosmos DB for NoSQL: its data plane is authorized by Cosmos DB's own role definitions
// (Cosmos DB Built-in Data Reader / Contributor), assigned with az cosmosdb sql role assignment create;
// Azure RBAC roles, built-in (Cosmos DB Operator, DocumentDB Account Contributor, Owner) or not, grant
// no data access (learn.microsoft.com/azure/cosmos-db/nosql/security/how-to-grant-data-plane-role-based-access,
// "Azure Cosmos DB data plane roles … can't be assigned through Azure RBAC"): a page that grants only
// such a role and then reads or writes items with a Microsoft Entra token gets 403.
import type { LintDocument } from './document.ts';
import type { RuleHit } from './rule.ts';
import { azOption } from './commands.ts';
import { eachAz } from './each.ts';
import type { StatedGrant } from './rbac-grants.ts';
import { targetName } from './rbac-reader.ts';
import { psVaults } from './keyvault-powershell.ts';
import { findRole } from '../reference/rbac.ts';
import { azNeed, requestNeed } from '../reference/operation-actions.ts';
import { COSMOS_METADATA } from '../reference/data-actions.ts';
import { eachCurl } from './each.ts';
import { sdkCalls } from './sdk-calls.ts';

const chosen = (s: string) => /[<>{}$%]/.test(s);
const unquote = (s: string) => s.replace(/^["']|["']$/g, '');
const sameName = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || chosen(a) || chosen(b) || unquote(a).toLowerCase() === unquote(b).toLowerCase();

interface PolicyVault {
  /** As written; undefined for a template's vault. */
  name: string | undefined;
  line: number;
  how: string;
}

/** Vaults the page creates in the access policy model. */
function accessPolicyVaults(doc: LintDocument): PolicyVault[] {
  const out: PolicyVault[] = [];
  for (const { command, az } of eachAz(doc)) {
    if (az.path.join(' ') !== 'keyvault create') continue;
    const rbac = azOption(az, '--enable-rbac-authorization')?.value?.value;
    if (rbac === undefined || !/^false$/i.test(unquote(rbac))) continue;
    out.push({ name: azOption(az, '--name', '-n')?.value?.value, line: az.words[0]?.line ?? command.step.source.startLine, how: 'az keyvault create --enable-rbac-authorization false' });
  }
  for (const v of psVaults(doc)) if (!v.rbac) out.push({ name: v.name, line: v.line, how: 'New-AzKeyVault -DisableRbacAuthorization' });
  // The portal's choice, as the page states it ("select `Vault access policy` for **Permission model**"),
  // unless the page also offers Azure RBAC as the model (tabs, alternatives): then the model is the reader's.
  if (doc.hasText) {
    const lines = Array.from({ length: doc.lineCount }, (_, i) => i + 1).filter((n) => doc.isProse(n));
    const chooses = (n: number, model: RegExp) => model.test(doc.line(n)) && /\b(?:select|choose|pick|set)\b/i.test(doc.line(n)) && /permission model|access configuration/i.test(doc.line(n));
    const portal = lines.find((n) => chooses(n, PORTAL_POLICY_MODEL));
    if (portal !== undefined && !lines.some((n) => chooses(n, /\bAzure role-based access control\b|\bAzure RBAC\b/i))) out.push({ name: undefined, line: portal, how: "the portal's Vault access policy permission model, as the page says to select" });
  }
  return out;
}

/** How many vaults the page creates, in either model: its az and PowerShell tabs are alternatives, so the larger count. */
const createdVaultCount = (doc: LintDocument) => Math.max(eachAz(doc).filter(({ az }) => az.path.join(' ') === 'keyvault create').length, psVaults(doc).length);

/** The portal's name of the access policy model ("Key Vault access policy" is a policy, not the model). */
const PORTAL_POLICY_MODEL = /(?<!Key )\bVault access policy\b/;

/** Whether the page later moves the vault to Azure RBAC (az keyvault update --enable-rbac-authorization true). */
const switchesToRbac = (doc: LintDocument) =>
  eachAz(doc).some(({ az }) => az.path.join(' ') === 'keyvault update' && /^true$/i.test(unquote(azOption(az, '--enable-rbac-authorization')?.value?.value ?? '')));

export function vaultModelFindings(doc: LintDocument, grants: readonly StatedGrant[]): RuleHit[] {
  if (switchesToRbac(doc)) return [];
  return [...rolesOnPolicyVaults(doc, grants), ...emptyPolicyTemplates(doc), ...cosmosFindings(doc, grants)];
}

/** Page words that say the Cosmos DB data-plane role is given its own way. */
const COSMOS_DATA_ROLE = /Cosmos DB Built-in Data (?:Reader|Contributor)|sqlRoleAssignments|sql role assignment|New-AzCosmosDBSqlRoleAssignment|00000000-0000-0000-0000-00000000000[12]/i;

function cosmosFindings(doc: LintDocument, grants: readonly StatedGrant[]): RuleHit[] {
  const calls = [
    ...sdkCalls(doc).filter((c) => c.need.name === COSMOS_METADATA).map((c) => ({ line: c.line, stepId: undefined as string | undefined })),
    ...eachCurl(doc)
      .filter(({ curl }) => curl.headers.some((h) => h.name.toLowerCase() === 'authorization' && /^(?:bearer|type%3daad)/i.test(h.value)) && requestNeed(curl.method, curl.urls[0]?.value ?? '')?.name === COSMOS_METADATA)
      .map(({ command, curl }) => ({ line: curl.urls[0]!.line, stepId: command.step.id as string | undefined })),
  ].sort((a, b) => a.line - b.line);
  const first = calls[0];
  if (!first) return [];
  if (eachAz(doc).some(({ az }) => az.path.join(' ') === 'cosmosdb sql role assignment create')) return [];
  if (doc.hasText && Array.from({ length: doc.lineCount }, (_, i) => doc.line(i + 1)).some((l) => COSMOS_DATA_ROLE.test(l))) return [];
  const armRoles = grants.filter((g) => {
    if (g.via === 'author' || g.line > first.line) return false;
    const role = findRole(g.role);
    return role !== undefined && (/cosmos|documentdb/i.test(role.roleName) || /\/providers\/Microsoft\.DocumentDB\//i.test(g.scope ?? ''));
  });
  if (armRoles.length === 0) return [];
  const names = armRoles.map((g) => `${findRole(g.role)!.roleName} (line ${g.line})`).join(', ');
  return [
    ...armRoles.map((g): RuleHit => ({
      line: g.line,
      ...(g.column !== undefined ? { column: g.column } : {}),
      ...(g.stepId !== undefined ? { stepId: g.stepId } : {}),
      message: `${findRole(g.role)!.roleName} is an Azure RBAC role: it grants no access to Azure Cosmos DB data, which is authorized by Cosmos DB's own role definitions (Cosmos DB Built-in Data Reader or Contributor, assigned with az cosmosdb sql role assignment create); the data request on line ${first.line} is refused.`,
    })),
    { line: first.line, ...(first.stepId !== undefined ? { stepId: first.stepId } : {}), message: `reading or writing Cosmos DB data with a Microsoft Entra token needs a Cosmos DB data-plane role (${COSMOS_METADATA} and the item actions), and the page grants only Azure RBAC roles (${names}), which Cosmos DB does not evaluate for data: the service answers 403 Forbidden. Assign Cosmos DB Built-in Data Contributor with az cosmosdb sql role assignment create.` },
  ];
}

function rolesOnPolicyVaults(doc: LintDocument, grants: readonly StatedGrant[]): RuleHit[] {
  const hits: RuleHit[] = [];
  const vaults = accessPolicyVaults(doc);
  const onlyVault = vaults.length === 1 && createdVaultCount(doc) === 1;
  for (const vault of vaults) {
    for (const g of grants) {
      if (g.line < vault.line || g.via === 'author') continue;
      const role = findRole(g.role);
      if (!role || !role.dataActions.some((a) => /^Microsoft\.KeyVault\//i.test(a))) continue;
      let about = false;
      if (g.scope !== undefined) {
        const parts = g.scope.split('/').filter(Boolean);
        const p = parts.findIndex((x) => x.toLowerCase() === 'providers');
        // A scope the page computes ($keyVault.ResourceId, $(az keyvault show … --query id)) is the vault's
        // when the page creates only this one vault: a Key Vault data role is granted for a vault.
        const computed = p < 0 && /[$<{]/.test(g.scope) && onlyVault;
        about = computed || (p >= 0 && parts[p + 1]?.toLowerCase() === 'microsoft.keyvault' && sameName(parts[p + 3], vault.name));
      } else if (g.worldScope?.kind === 'resource' && g.worldScope.role === 'vault') about = sameName(g.worldScope.name, vault.name);
      if (!about) continue;
      hits.push({
        line: g.line,
        ...(g.column !== undefined ? { column: g.column } : {}),
        ...(g.stepId !== undefined ? { stepId: g.stepId } : {}),
        message: `${role.roleName} is an Azure RBAC data role, but the page creates this vault with the access policy permission model (line ${vault.line}: ${vault.how}), where Key Vault does not evaluate role assignments for data access: the assignment permits nothing. ${/^New-AzKeyVault/.test(vault.how) ? 'Grant access with Set-AzKeyVaultAccessPolicy, or create the vault without -DisableRbacAuthorization (Azure RBAC, the default)' : /^the portal/.test(vault.how) ? 'Add an access policy for the principal (Access policies, + Create, or az keyvault set-policy), or select Azure role-based access control as the permission model' : 'Grant access with az keyvault set-policy, or create the vault with Azure RBAC authorization (the default)'}.`,
      });
    }
  }
  return hits;
}

const RBAC_FALSE = /["']?enableRbacAuthorization["']?\s*:\s*false\b/;
const NO_POLICIES = /["']?accessPolicies["']?\s*:\s*\[\s*\]/;

/** A template vault in the access policy model with no access policy, then a data-plane command, and no set-policy. */
function emptyPolicyTemplates(doc: LintDocument): RuleHit[] {
  if (!doc.hasText) return [];
  if (eachAz(doc).some(({ az }) => az.path.join(' ') === 'keyvault set-policy' || az.path.join(' ') === 'keyvault create')) return [];
  let rbacFalse: number | undefined;
  let empty: number | undefined;
  for (let n = 1; n <= doc.lineCount; n++) {
    if (doc.isProse(n)) continue;
    if (RBAC_FALSE.test(doc.line(n))) rbacFalse ??= n;
    if (NO_POLICIES.test(doc.line(n))) empty ??= n;
  }
  if (rbacFalse === undefined || empty === undefined || Math.abs(rbacFalse - empty) > 40) return [];
  const use = eachAz(doc).find(({ command, az }) => command.step.source.startLine > Math.max(rbacFalse!, empty!) && azNeed(az.path, false)?.service === 'vault' && targetName(az, 'vault') !== undefined);
  if (!use) return [];
  const need = azNeed(use.az.path, false)!;
  const at = use.az.words[0]?.line ?? use.command.step.source.startLine;
  return [
    { line: empty, message: `the template's vault uses access policies (enableRbacAuthorization: false, line ${rbacFalse}) and lists none, so nobody has data access to it: ${need.doing} on line ${at} is denied (403 Forbidden). Add an access policy for the reader (objectId, permissions), or use enableRbacAuthorization: true with a Key Vault data role assignment.` },
    { line: at, stepId: use.command.step.id, message: `${need.doing} needs ${need.name} or an access policy, and the vault the page deploys has neither an access policy (accessPolicies: [], line ${empty}) nor Azure RBAC authorization (line ${rbacFalse}): Key Vault answers 403 Forbidden.` },
  ];
}
