// A page in a series uses a key vault or storage account an earlier page created (deploy-mongodb-
// cluster.md writes secrets to $MY_KEYVAULT_NAME, which create-mongodb-infrastructure.md made with
// --enable-rbac-authorization false, an access policy for its creator). The World provides what a
// page assumes but never assumes a permission, so the reader has no data access to such a resource
// and the data plane answers 403. That answer judges the World, not the page: unless the page itself
// grants or states the reader's access there (then a 403 is evidence that the role is wrong), the step
// is `unsupported` with what the page would have to say.
import type { Step } from '../model.ts';
import type { Observation } from '../run/observation.ts';
import type { World, WorldGrant } from '../world/types.ts';
import { serviceError, type ServiceError } from './errors-body.ts';
import { producedBy } from './produced.ts';

/** Data-plane refusals of authorization (not authentication): Key Vault's RBAC and access-policy denials, Storage's. */
const DENIED = /^(?:ForbiddenByRbac|AccessDenied|AuthorizationPermissionMismatch|AuthorizationFailure)$/i;

interface Target {
  role: 'vault' | 'storage-account';
  name: string;
  what: string;
}

function targetOf(url: string): Target | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const vault = /^([a-z0-9-]+)\.vault\.azure\.net$/.exec(host);
  if (vault?.[1] !== undefined) return { role: 'vault', name: vault[1], what: `the key vault ${vault[1]}` };
  const account = /^([a-z0-9]+)\.(?:blob|queue|table|file|dfs)\.core\.windows\.net$/.exec(host);
  if (account?.[1] !== undefined) return { role: 'storage-account', name: account[1], what: `the storage account ${account[1]}` };
  return undefined;
}

/** The reader's own commands: az and Azure PowerShell run with the signed-in account (a curl's token may be anyone's). */
export function runAsReader(step: Step): boolean {
  return step.kind === 'az' || (step.kind === 'shell' && step.language === 'powershell');
}

const eq = (a: string | undefined, b: string | undefined): boolean => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** A grant to the reader whose scope holds the resource (its group, the subscription, the resource or, for an account, one of its containers). */
function readerGrantCovers(g: WorldGrant, t: Target, group: string | undefined): boolean {
  if (g.principal.kind !== 'reader') return false;
  switch (g.scope.kind) {
    case 'subscription':
      return true;
    case 'resource-group':
      return group === undefined || eq(g.scope.group, group);
    case 'resource':
      return (g.scope.role === t.role && eq(g.scope.name, t.name)) || (t.role === 'storage-account' && g.scope.role === 'container' && eq(g.scope.account, t.name));
    default:
      return false;
  }
}

/**
 * Why an authorization refusal of `step`'s request says nothing about the page, when it does not:
 * the page creates no resource of that kind, and grants or states the reader no access to this one.
 */
export function assumedAccessRefusal(world: World | undefined, step: Step, url: string, status: number, e: ServiceError): string | undefined {
  if (world === undefined || status !== 403 || !runAsReader(step)) return undefined;
  if (![e.code, e.detail].some((c) => c !== undefined && DENIED.test(c))) return undefined;
  const t = targetOf(url);
  if (t === undefined) return undefined;
  // A page that creates a vault (an account) of its own and then reaches another name of that kind
  // most likely misspelt its own (own-world-lists' c-storage-typo): the refusal stays the page's.
  if (world.resources.some((r) => r.role === t.role && r.origin === 'created')) return undefined;
  const own = world.resources.filter((r) => r.role === t.role && eq(r.name, t.name));
  const group = own[0]?.group;
  if (world.grants.some((g) => readerGrantCovers(g, t, group))) return undefined;
  if (t.role === 'vault' && world.accessPolicies.some((p) => p.principal.kind === 'reader' && eq(p.vault, t.name))) return undefined;
  const line = world.assumptions.find((a) => a.role === t.role && eq(a.name, t.name))?.line;
  return `the page uses ${t.what} without creating it${line !== undefined ? ` (it assumes it, line ${line})` : ''} and neither grants nor states the signed-in account's access to it; the target gives a reader no access to what a page assumes, so this 403 ${[e.code, e.detail].filter(Boolean).join('/')} says nothing about the page. Whether it works depends on how the earlier page or the reader made it: say in the prerequisites which access the reader needs there (e.g. a Key Vault data role or an access policy), or declare the grant in a sidecar`;
}

/** Whether the step's final answer is a data-plane refusal of authorization (403 with Key Vault's or Storage's denial code). */
export function refusedAuthorization(step: Step, observation: Observation): boolean {
  const final = producedBy(step, observation).final;
  if (final === undefined || final.status !== 403) return false;
  const e = serviceError(final);
  return [e.code, e.detail].some((c) => c !== undefined && DENIED.test(c));
}

/** A step that gives someone data access: a role assignment or a Key Vault access policy, by az or Azure PowerShell. */
const GRANTS = /\baz\s+role\s+assignment\s+create\b|\baz\s+keyvault\s+set-policy\b|\bNew-AzRoleAssignment\b|\bSet-AzKeyVaultAccessPolicy\b/;
export function grantsAccess(step: Step): boolean {
  return GRANTS.test(step.raw);
}
