// RBAC what-if: the roles the page grants cannot permit a later request made with the identity's
// token (Reader, then a blob GET with a bearer token: 403 AuthorizationPermissionMismatch), or the
// signed-in reader's own data-plane commands on a resource the page creates (rbac-reader.ts).
import type { Rule, RuleHit } from '../rule.ts';
import type { LintDocument } from '../document.ts';
import { eachCurl } from '../each.ts';
import { statedGrants, type StatedGrant } from '../rbac-grants.ts';
import { accessPolicyModelFindings, readerFindings } from '../rbac-reader.ts';
import { scopeFindings } from '../rbac-scope.ts';
import { vaultModelFindings } from '../rbac-vault-model.ts';
import { findRole, rolePermits, whatIf, type CatalogRole } from '../../reference/rbac.ts';
import { requestNeed, type RequestNeed } from '../../reference/operation-actions.ts';

// A managed identity's token: IMDS, the legacy VM extension, App Service's identity endpoint.
const IDENTITY_TOKEN = /169\.254\.169\.254\/metadata\/identity\/oauth2\/token|localhost:50342\/oauth2\/token|\$\{?(?:IDENTITY|MSI)_ENDPOINT/i;

/** A name the reader fills in (placeholder, variable): it may be any name, so it matches any. */
const chosen = (s: string) => /[<>{}$]/.test(s);
const sameName = (a: string, b: string) => chosen(a) || chosen(b) || a.toLowerCase() === b.toLowerCase();

/**
 * Whether a grant is about the resource a request reaches. Access to anything else the page uses is
 * assumed (its World), never judged: a grant on a container says nothing about a vault.
 */
function covers(grant: StatedGrant, need: RequestNeed, url: string): boolean {
  const ns = need.name.split('/')[0]!.toLowerCase();
  if (grant.scope === undefined) {
    const role = findRole(grant.role);
    if (!role || ![...role.actions, ...role.dataActions].some((p) => p.startsWith('*') || p.split('/')[0]!.toLowerCase() === ns)) return false;
    // A stated grant on a named resource: the request must reach that resource.
    const s = grant.worldScope;
    if (s?.kind !== 'resource' || /management\.azure\.com/i.test(url)) return true;
    const host = /^https?:\/\/([^./]+)\./i.exec(url)?.[1] ?? '';
    return (s.role === 'vault') === (ns === 'microsoft.keyvault') && sameName(s.role === 'container' ? (s.account ?? '') : s.name, host);
  }
  const scope = grant.scope.split('/').filter(Boolean);
  const p = scope.findIndex((x) => x.toLowerCase() === 'providers');
  if (p < 0) return true; // a subscription or a resource group holds everything in it
  if (scope[p + 1]?.toLowerCase() !== ns) return false;
  const host = /^https?:\/\/([^./]+)\./i.exec(url)?.[1] ?? '';
  if (ns === 'microsoft.storage' && !/management\.azure\.com/i.test(url)) return sameName(scope[p + 3] ?? '', host);
  if (ns === 'microsoft.keyvault' && !/management\.azure\.com/i.test(url)) return sameName(scope[p + 3] ?? '', host);
  // Resource Manager: the scope must contain the resource the request is about
  const path = (/^https?:\/\/[^/]+([^?#]*)/i.exec(url)?.[1] ?? '').split('/').filter(Boolean);
  return scope.length <= path.length && scope.every((x, i) => sameName(x, path[i]!));
}

function lacking(role: CatalogRole, kind: 'action' | 'dataAction'): string {
  if (kind === 'dataAction' && role.dataActions.length === 0) return `${role.roleName} grants no data action`;
  return `${role.roleName} does not include it`;
}

export const rbacWhatIf: Rule = {
  id: 'rbac-what-if',
  name: 'RbacWhatIf',
  severity: 'error',
  shortDescription: "The roles the page grants (or states) do not permit a request it makes with an identity's token, or the reader's own data-plane command.",
  fullDescription:
    "Azure RBAC allows a request only when a role assigned to the caller includes its action (control plane) or data action (data plane). Control-plane roles such as Reader, Contributor or Owner include no data actions, so a bearer-token request to Blob storage or Key Vault answers 403 (AuthorizationPermissionMismatch, ForbiddenByRbac) whatever else works. Creating a vault or storage account gives its creator no data role, and az keyvault create makes vaults with Azure RBAC authorization by default since Azure CLI 2.61, where az keyvault set-policy is refused; so set-policy on a vault the page does not create is a warning unless the page says the vault uses access policies (--enable-rbac-authorization false, the Vault access policy model) (Azure/azure-cli src/azure-cli/HISTORY.rst 2.61.0: \"[BREAKING CHANGE] `az keyvault create`: Default `--enable-rbac-authorization` to true (#28886)\"). New-AzKeyVault does the same since Az.KeyVault 6.0.0 (Azure/azure-powershell #24675, which replaced -EnableRbacAuthorization by -DisableRbacAuthorization): on a vault it creates without -DisableRbacAuthorization, Set-AzKeyVaultAccessPolicy writes a policy Key Vault never evaluates (\"the access policies specified in vault properties will be ignored\") and Set-AzKeyVaultSecret, Get-AzKeyVaultSecret, Add-AzKeyVaultKey … get 403 Forbidden (ForbiddenByRbac, \"Caller is not authorized to perform action on resource\"). A step that needs several data actions (az keyvault secret set --value \"$(az keyvault secret show …)\") is reported with its strongest need, the one whose smallest role also permits the others. The rule reads the grants the page makes (az role assignment create, also when that step fails for another reason; template role assignments), states (prose, portal steps) or its sidecar declares, and the permission each later request or az data-plane command needs (documented per operation), using the built-in role catalog generated from the Azure RBAC documentation and `az role definition list` (all 935 built-in roles, src/reference/README.md); custom roles it does not know keep it silent. Requests with a managed identity's token are errors; the reader's own commands on what the page creates are warnings (they follow today's defaults). The reader's own commands include the Azure SDK programs the page runs on the reader's machine with DefaultAzureCredential (not under a service principal's AZURE_CLIENT_ID). A role assignment applies at its scope and below only (learn.microsoft.com/azure/role-based-access-control/scope-overview): a role granted on another account, vault or container than the one a later request reaches permits nothing there (warning, when both names are literal). A Key Vault uses Azure RBAC or access policies, never both: a Key Vault data role on a vault created with --enable-rbac-authorization false permits nothing, and a template vault with enableRbacAuthorization: false and no access policy leaves nobody with data access (key-vault/general/rbac-guide). Azure Cosmos DB data is authorized by Cosmos DB's own role definitions (az cosmosdb sql role assignment create), never by Azure RBAC roles (cosmos-db/nosql/security/how-to-grant-data-plane-role-based-access). \"Grants no role\" is not said when the page has an include this tool could not read whose title or path speaks of RBAC, a role or access ([!INCLUDE [Using RBAC to provide access to a key vault](~/reusable-content/…/rbac/upn-secrets-officer-cli.md)], of another repository): that include may make the grant.",
  help: 'Grant a role that includes the (data) action before the request, e.g. Storage Blob Data Reader for reading blobs, Key Vault Secrets User for reading secrets, Key Vault Secrets Officer for setting them (or create the vault with --enable-rbac-authorization false, or New-AzKeyVault -DisableRbacAuthorization, and use access policies).',
  check(doc) {
    const grants = statedGrants(doc);
    // A grant at another scope explains a denial better than "no role on it": one finding a line.
    const scope = scopeFindings(doc, grants);
    const scoped = new Set(scope.map((h) => h.line));
    const reader = readerFindings(doc, grants).filter((h) => !scoped.has(h.line));
    return [...identityFindings(doc, grants), ...[...scope, ...reader, ...accessPolicyModelFindings(doc), ...vaultModelFindings(doc, grants)].map((h): RuleHit => ({ ...h, severity: 'warning' }))];
  },
};

/** Requests made with a managed identity's token after the page fetched one: the grants must permit them. */
function identityFindings(doc: LintDocument, grants: readonly StatedGrant[]): RuleHit[] {
  const hits: RuleHit[] = [];
  // The identity's own grants: one stated for the signed-in reader is not the identity's.
  grants = grants.filter((g) => g.principal.kind !== 'reader');
  if (grants.length === 0) return hits;
  const curls = eachCurl(doc);
  const tokenLine = curls.find(({ curl }) => curl.urls.some((u) => IDENTITY_TOKEN.test(u.value)))?.command.step.source.startLine;
  if (tokenLine === undefined) return hits;
  const reportedGrant = new Set<string>();
  for (const { command, curl } of curls) {
    if (command.step.source.startLine <= tokenLine) continue;
    const auth = curl.headers.find((h) => h.name.toLowerCase() === 'authorization' && /^bearer\s/i.test(h.value));
    if (!auth) continue;
    const need = requestNeed(curl.method, curl.urls[0]?.value ?? '');
    if (!need) continue;
    const before = grants.filter((g) => g.line < command.step.source.startLine && covers(g, need, curl.urls[0]?.value ?? ''));
    if (before.length === 0) continue;
    const answer = whatIf(before.map((g) => g.role), need);
    if (answer.verdict !== 'denied') continue;
    const use = answer.suggestion ? ` — use ${answer.suggestion.roleName}` : '';
    const names = answer.roles.map((r) => r.roleName).join(', ');
    const why = answer.roles.map((r) => lacking(r, need.kind)).join('; ');
    hits.push({
      line: command.step.source.startLine,
      stepId: command.step.id,
      message: `the roles this page grants (${names}, line ${before.map((g) => g.line).join(', ')}) do not permit this request: ${need.doing} needs ${need.kind === 'dataAction' ? 'the data action' : 'the action'} ${need.name}, and ${why}. The service answers 403 (AuthorizationPermissionMismatch)${use}.`,
    });
    for (const g of before) {
      const key = `${g.line}\u0000${need.name}`;
      if (reportedGrant.has(key)) continue;
      reportedGrant.add(key);
      const role = findRole(g.role);
      if (!role || rolePermits(role, need) || g.via === 'author') continue;
      hits.push({
        line: g.line,
        ...(g.column !== undefined ? { column: g.column } : {}),
        ...(g.stepId !== undefined ? { stepId: g.stepId } : {}),
        message: `${lacking(role, need.kind)}; ${need.doing} (line ${command.step.source.startLine}) needs ${need.name}${use}.`,
      });
    }
  }
  return hits;
}

