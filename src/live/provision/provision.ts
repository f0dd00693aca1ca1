// Creates what a provisioning plan lists, through ARM, idempotently (PUT with the plan's names; a
// role assignment that already exists counts as made), waiting for long-running operations and,
// after granting data-plane access, until the grant takes effect (bounded retries on 401/403).
// Everything created is recorded in the ledger as it happens, so teardown after Ctrl-C removes
// exactly what exists even when provisioning stopped half-way.
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { decodeJwt } from 'jose';
import type { CloudEndpoints } from '../../config.ts';
import { ArmError, type ArmClient } from '../arm/client.ts';
import type { TokenSource } from '../tokens/types.ts';
import { RUN_TAG, type PlannedRoleAssignment, type ProvisioningPlan } from './plan.ts';
import { sharedKeyAuthorization } from './shared-key.ts';

export const API = {
  resourceGroups: '2021-04-01',
  storage: '2023-01-01',
  keyVault: '2022-07-01',
  identity: '2023-01-31',
  roleAssignments: '2022-04-01',
} as const;

const BLOB_VERSION = '2021-12-02';
const KEYVAULT_DATA_VERSION = '7.4';

/** What provisioning has created so far; teardown reads it. */
export interface Ledger {
  resourceGroups: string[];
  roleAssignments: string[];
  /** Vaults to purge after their group is deleted (soft delete keeps them, and their names, otherwise). */
  keyVaults: { subscriptionId: string; name: string; location: string }[];
  /**
   * Resources a tutorial's own request created in a group that is not the run's (deleted one by one,
   * with the api-version the page used; the group itself was there before and stays).
   */
  resources: { id: string; apiVersion: string }[];
}

export interface RunnerPrincipal {
  objectId: string;
  tenantId: string;
  principalType: 'ServicePrincipal' | 'User';
}

export interface ProvisionDeps {
  arm: ArmClient;
  tokens: TokenSource;
  cloud: CloudEndpoints;
  dispatcher: Dispatcher;
  propagationTimeoutMs: number;
  signal?: AbortSignal;
  /** Progress lines for the console ("created storage account …"); never secrets. */
  log?: (line: string) => void;
}

export interface ProvisionedEnvironment {
  plan: ProvisioningPlan;
  runner: RunnerPrincipal;
  /** Values for the plan's placeholders, plus what only exists after creation (identity client ids). */
  values: Record<string, string>;
  /** Secrets created (account keys, secret values), for redaction. */
  secrets: { value: string; label: string }[];
  /** How many 401/403 answers were waited out per grant, for the report's evidence. */
  propagationWaits: { grant: string; attempts: number }[];
  /**
   * Names the plan gives that this run could not have as its own, and why: a resource group that
   * exists in the subscription without this run's tag (never touched, never deleted), a storage
   * account or vault name taken elsewhere (they are global DNS names). Nothing under them is made.
   */
  unavailable: Unavailable[];
}

export interface Unavailable {
  name: string;
  /** "resource group", "storage account", "key vault". */
  what: string;
  why: string;
}

/** ARM's answers to a create whose global name someone else holds (Azure: 409 with the provider's code; older APIs: 400 saying so). */
function nameTaken(err: unknown): boolean {
  if (!(err instanceof ArmError)) return false;
  if (['StorageAccountAlreadyTaken', 'StorageAccountAlreadyExists', 'StorageAccountInAnotherResourceGroup', 'VaultAlreadyExists', 'ConflictError'].includes(err.code)) return true;
  return err.status < 500 && /already (?:taken|in use|exists)/i.test(err.message);
}

/** The principal behind the run's ARM token: who the roles and access policies are granted to. */
export async function runnerPrincipal(tokens: TokenSource, cloud: CloudEndpoints): Promise<RunnerPrincipal> {
  const token = await tokens.getToken({ resource: cloud.armAudience });
  const claims = decodeJwt(token.accessToken);
  const oid = typeof claims.oid === 'string' ? claims.oid : undefined;
  const tid = typeof claims.tid === 'string' ? claims.tid : undefined;
  if (oid === undefined || tid === undefined) throw new Error('the ARM token carries no oid/tid claim; cannot tell whom to grant the tutorials\' roles');
  return { objectId: oid, tenantId: tid, principalType: claims.idtyp === 'user' ? 'User' : 'ServicePrincipal' };
}

export async function provision(plan: ProvisioningPlan, ledger: Ledger, deps: ProvisionDeps): Promise<ProvisionedEnvironment> {
  const log = deps.log ?? (() => {});
  const runner = await runnerPrincipal(deps.tokens, deps.cloud);
  const values = { ...plan.values };
  const secrets: ProvisionedEnvironment['secrets'] = [];
  const propagationWaits: ProvisionedEnvironment['propagationWaits'] = [];
  const tags = plan.tags;
  const unavailable: Unavailable[] = [];
  const lost = new Set<string>(); // ids (lower case) of what is not ours: nothing is made under them
  const under = (id: string): boolean => [...lost].some((l) => id.toLowerCase() === l || id.toLowerCase().startsWith(`${l}/`));

  for (const rg of plan.resourceGroups) {
    deps.signal?.throwIfAborted();
    // A group of that name the subscription already has, not tagged as this run's, is someone
    // else's (a page's literal `myResourceGroup`): never written to, never deleted.
    const existing = ledger.resourceGroups.includes(rg.id) ? undefined : ((await deps.arm.get(rg.id, API.resourceGroups)) as { tags?: Record<string, string> } | undefined);
    if (existing !== undefined && existing.tags?.[RUN_TAG] !== plan.runId) {
      lost.add(rg.id.toLowerCase());
      unavailable.push({ name: rg.name, what: 'resource group', why: `a resource group named ${rg.name} already exists in the subscription and is not this run's; it is left untouched (not written to, not deleted)` });
      log(`resource group ${rg.name} exists and is not this run's: not used`);
      continue;
    }
    // Recorded before the PUT: a Ctrl-C while ARM is creating it must still delete it.
    if (!ledger.resourceGroups.includes(rg.id)) ledger.resourceGroups.push(rg.id);
    await deps.arm.put(rg.id, API.resourceGroups, { location: plan.location, tags });
    log(`resource group ${rg.name}`);
  }

  const identityPrincipals = new Map<string, string>();
  for (const identity of plan.identities) {
    deps.signal?.throwIfAborted();
    if (under(identity.id)) continue;
    const created = (await deps.arm.put(identity.id, API.identity, { location: plan.location, tags })) as { properties?: { principalId?: string; clientId?: string } };
    const principalId = created.properties?.principalId;
    if (principalId === undefined) throw new ArmError('PUT', identity.id, 200, 'MissingPrincipalId', 'the identity was created without properties.principalId');
    identityPrincipals.set(identity.name, principalId);
    log(`user-assigned identity ${identity.name}`);
  }

  for (const account of plan.storageAccounts) {
    deps.signal?.throwIfAborted();
    if (under(account.id)) continue;
    try {
      await deps.arm.put(account.id, API.storage, {
        location: plan.location,
        tags,
        sku: { name: 'Standard_LRS' },
        kind: account.kind,
        properties: { minimumTlsVersion: 'TLS1_2', allowBlobPublicAccess: false, supportsHttpsTrafficOnly: true },
      });
    } catch (err) {
      if (!nameTaken(err)) throw err;
      lost.add(account.id.toLowerCase());
      unavailable.push({ name: account.name, what: 'storage account', why: `the storage account name ${account.name} is taken (storage account names are global): ${(err as Error).message}` });
      log(`storage account ${account.name} could not be created: its name is taken`);
      continue;
    }
    log(`storage account ${account.name}`);
    const keys = (await deps.arm.post(`${account.id}/listKeys`, API.storage)) as { keys?: { value?: string }[] };
    const key = keys.keys?.[0]?.value;
    if (key === undefined) throw new ArmError('POST', `${account.id}/listKeys`, 200, 'MissingKeys', 'listKeys returned no key');
    keys.keys?.forEach((k, i) => k.value !== undefined && secrets.push({ value: k.value, label: `${account.name} key${i + 1}` }));
    for (const container of account.containers) {
      await deps.arm.put(`${account.id}/blobServices/default/containers/${container.name}`, API.storage, { properties: {} });
      // The container holds exactly the plan's blobs: what an earlier tutorial uploaded goes (the
      // emulator target's reset does the same), so the next tutorial meets the page's starting point.
      const planned = new Set(container.blobs.map((b) => b.name));
      const blobAccess = { account: account.name, key, container: container.name, cloud: deps.cloud, dispatcher: deps.dispatcher, signal: deps.signal };
      for (const extra of (await listBlobs(blobAccess)).filter((n) => !planned.has(n))) {
        deps.signal?.throwIfAborted();
        await deleteBlob(blobAccess, extra);
      }
      for (const blob of container.blobs) {
        deps.signal?.throwIfAborted();
        await putBlob({ ...blobAccess, blob });
      }
      log(`container ${account.name}/${container.name} with ${container.blobs.length} blob(s)`);
    }
  }

  for (const vault of plan.keyVaults) {
    deps.signal?.throwIfAborted();
    if (under(vault.id)) continue;
    try {
      await deps.arm.put(vault.id, API.keyVault, {
        location: plan.location,
        tags,
        properties: {
          tenantId: runner.tenantId,
          sku: { family: 'A', name: 'standard' },
          enableRbacAuthorization: vault.enableRbacAuthorization,
          accessPolicies:
            vault.runnerSecretPermissions.length > 0 ? [{ tenantId: runner.tenantId, objectId: runner.objectId, permissions: { secrets: vault.runnerSecretPermissions } }] : [],
        },
      });
    } catch (err) {
      if (!nameTaken(err)) throw err;
      lost.add(vault.id.toLowerCase());
      unavailable.push({ name: vault.name, what: 'key vault', why: `the key vault name ${vault.name} is taken (vault names are global): ${(err as Error).message}` });
      log(`key vault ${vault.name} could not be created: its name is taken`);
      continue;
    }
    // Purged after its group goes (only ours: a taken name never gets here).
    if (!ledger.keyVaults.some((v) => v.name === vault.name)) ledger.keyVaults.push({ subscriptionId: plan.subscriptionId, name: vault.name, location: plan.location });
    log(`key vault ${vault.name}`);
    for (const secret of vault.secrets) {
      // Written through ARM: the provisioner needs no data-plane permission on the vault.
      await deps.arm.put(`${vault.id}/secrets/${secret.name}`, API.keyVault, {
        properties: { value: secret.value, ...(secret.contentType !== undefined ? { contentType: secret.contentType } : {}) },
      });
      secrets.push({ value: secret.value, label: `${vault.name} secret ${secret.name}` });
    }
  }

  for (const ra of plan.roleAssignments) {
    deps.signal?.throwIfAborted();
    if (under(ra.scope)) continue;
    const principalId = ra.principal.kind === 'runner' ? runner.objectId : identityPrincipals.get(ra.principal.name);
    const { principal } = ra;
    if (principal.kind === 'identity' && plan.identities.some((i) => i.name === principal.name && under(i.id))) continue;
    if (principalId === undefined) throw new Error(`role assignment ${ra.roleName} names identity ${JSON.stringify(ra.principal)} that was not created`);
    const id = await assignRole(ra, principalId, ra.principal.kind === 'runner' ? runner.principalType : 'ServicePrincipal', plan, ledger, deps);
    log(`role ${ra.roleName} at ${ra.scope}${id === undefined ? ' (already assigned)' : ''}`);
  }

  // Grants take effect after a delay on Azure: wait until the runner can read what the tutorials read.
  for (const account of plan.storageAccounts) {
    if (under(account.id)) continue;
    const readable = plan.roleAssignments.some((ra) => ra.principal.kind === 'runner' && /Storage Blob Data/.test(ra.roleName) && account.id.toLowerCase().startsWith(ra.scope.toLowerCase()));
    const first = account.containers.flatMap((c) => c.blobs.map((b) => ({ container: c.name, blob: b.name })))[0];
    if (!readable || first === undefined) continue;
    const url = `https://${account.name}.blob.${deps.cloud.storageSuffix}/${first.container}/${encodeURIComponent(first.blob)}`;
    const attempts = await untilGranted(`blob read on ${account.name}`, deps, async () => {
      const token = await deps.tokens.getToken({ resource: 'https://storage.azure.com/' });
      return probe(url, { authorization: `Bearer ${token.accessToken}`, 'x-ms-version': BLOB_VERSION }, deps);
    });
    propagationWaits.push({ grant: `Storage Blob Data role on ${account.name}`, attempts });
  }
  for (const vault of plan.keyVaults) {
    if (under(vault.id)) continue;
    const first = vault.secrets[0];
    // Waited for only when the plan gives the runner secret reads: a World without such a grant must
    // not hold provisioning until the propagation limit (its page's steps meet Azure's 403 as written).
    const granted = vault.enableRbacAuthorization
      ? plan.roleAssignments.some((ra) => ra.principal.kind === 'runner' && /^Key Vault (?:Secrets User|Secrets Officer|Administrator)$/i.test(ra.roleName) && `${vault.id.toLowerCase()}/`.startsWith(`${ra.scope.toLowerCase()}/`))
      : vault.runnerSecretPermissions.includes('get');
    if (first === undefined || !granted) continue;
    const url = `https://${vault.name}.${deps.cloud.keyVaultSuffix}/secrets/${encodeURIComponent(first.name)}?api-version=${KEYVAULT_DATA_VERSION}`;
    const attempts = await untilGranted(`secret read on ${vault.name}`, deps, async () => {
      const token = await deps.tokens.getToken({ resource: 'https://vault.azure.net' });
      return probe(url, { authorization: `Bearer ${token.accessToken}` }, deps);
    });
    propagationWaits.push({ grant: `access policy on ${vault.name}`, attempts });
  }

  return { plan, runner, values, secrets, propagationWaits, unavailable };
}

async function assignRole(ra: PlannedRoleAssignment, principalId: string, principalType: string, plan: ProvisioningPlan, ledger: Ledger, deps: ProvisionDeps): Promise<string | undefined> {
  const id = `${ra.scope}/providers/Microsoft.Authorization/roleAssignments/${ra.name}`;
  const body = {
    properties: {
      roleDefinitionId: `/subscriptions/${plan.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${ra.roleDefinitionGuid}`,
      principalId,
      // Stating the type lets ARM skip the directory lookup that fails for a principal created seconds ago.
      principalType,
      description: `tutorial-conformance run ${plan.runId}`,
    },
  };
  const deadline = Date.now() + deps.propagationTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      if (!ledger.roleAssignments.includes(id)) ledger.roleAssignments.push(id);
      await deps.arm.put(id, API.roleAssignments, body);
      return id;
    } catch (err) {
      if (err instanceof ArmError && err.code === 'RoleAssignmentExists') {
        // Someone (an earlier attempt of this run, or the subscription's own setup) already grants it; not ours to delete.
        ledger.roleAssignments.splice(ledger.roleAssignments.indexOf(id), 1);
        return undefined;
      }
      const replicating = err instanceof ArmError && err.code === 'PrincipalNotFound';
      if (!replicating || Date.now() + backoff(attempt) > deadline) throw err;
      await sleep(backoff(attempt), undefined, deps.signal ? { signal: deps.signal } : {});
    }
  }
}

function backoff(attempt: number): number {
  return Math.min(1000 * 2 ** (attempt - 1), 30_000);
}

/** Repeat `probe` while it answers 401/403, until the deadline; returns how many denials were waited out. */
export async function untilGranted(what: string, deps: Pick<ProvisionDeps, 'propagationTimeoutMs' | 'signal'>, probeOnce: () => Promise<number>): Promise<number> {
  const deadline = Date.now() + deps.propagationTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    const status = await probeOnce();
    if (status < 300) return attempt - 1;
    if (status !== 401 && status !== 403) throw new Error(`${what}: the check after granting access answered ${status}`);
    const wait = backoff(attempt);
    if (Date.now() + wait > deadline) {
      throw new Error(`${what}: still ${status} ${Math.round(deps.propagationTimeoutMs / 1000)} s after the grant; raise TC_RBAC_PROPAGATION_TIMEOUT or check the role assignment`);
    }
    await sleep(wait, undefined, deps.signal ? { signal: deps.signal } : {});
  }
}

async function probe(url: string, headers: Record<string, string>, deps: ProvisionDeps): Promise<number> {
  const res = await request(url, { method: 'GET', dispatcher: deps.dispatcher, headers, ...(deps.signal ? { signal: deps.signal } : {}) });
  await res.body.dump();
  return res.statusCode;
}

interface BlobAccess {
  account: string;
  key: string;
  container: string;
  cloud: CloudEndpoints;
  dispatcher: Dispatcher;
  signal: AbortSignal | undefined;
}

/** A Shared Key signed data-plane request to the container (or one of its blobs). */
async function blobRequest(access: BlobAccess, method: 'GET' | 'DELETE', path: string, query: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const url = new URL(`https://${access.account}.blob.${access.cloud.storageSuffix}/${access.container}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const headers: Record<string, string> = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': BLOB_VERSION };
  headers.authorization = sharedKeyAuthorization({ method, url, headers, account: access.account, key: access.key });
  const res = await request(url, { method, dispatcher: access.dispatcher, headers, ...(access.signal ? { signal: access.signal } : {}) });
  return { status: res.statusCode, text: await res.body.text() };
}

const XML_ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

async function listBlobs(access: BlobAccess): Promise<string[]> {
  const names: string[] = [];
  let marker = '';
  // Pages are bounded: a container provisioning made holds a handful of blobs.
  for (let page = 0; page < 50; page++) {
    const res = await blobRequest(access, 'GET', '', { restype: 'container', comp: 'list', ...(marker !== '' ? { marker } : {}) });
    if (res.status !== 200) throw new Error(`listing ${access.account}/${access.container} failed: ${/<Code>([^<]+)<\/Code>/.exec(res.text)?.[1] ?? `HTTP ${res.status}`}`);
    for (const m of res.text.matchAll(/<Blob>\s*<Name>([^<]*)<\/Name>/g)) names.push((m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_ENTITIES[e] ?? e));
    marker = /<NextMarker>([^<]*)<\/NextMarker>/.exec(res.text)?.[1] ?? '';
    if (marker === '') break;
  }
  return names;
}

async function deleteBlob(access: BlobAccess, name: string): Promise<void> {
  const res = await blobRequest(access, 'DELETE', `/${encodeURIComponent(name)}`);
  if (res.status !== 202 && res.status !== 404) throw new Error(`deleting ${access.container}/${name} from ${access.account} failed: ${/<Code>([^<]+)<\/Code>/.exec(res.text)?.[1] ?? `HTTP ${res.status}`}`);
}

async function putBlob(input: {
  account: string;
  key: string;
  container: string;
  blob: { name: string; content: string; contentType: string };
  cloud: CloudEndpoints;
  dispatcher: Dispatcher;
  signal: AbortSignal | undefined;
}): Promise<void> {
  const url = new URL(`https://${input.account}.blob.${input.cloud.storageSuffix}/${input.container}/${encodeURIComponent(input.blob.name)}`);
  const body = Buffer.from(input.blob.content, 'utf8');
  const headers: Record<string, string> = {
    'content-length': String(body.length),
    'content-type': input.blob.contentType,
    'x-ms-blob-type': 'BlockBlob',
    'x-ms-date': new Date().toUTCString(),
    'x-ms-version': BLOB_VERSION,
  };
  headers.authorization = sharedKeyAuthorization({ method: 'PUT', url, headers, account: input.account, key: input.key });
  const res = await request(url, { method: 'PUT', dispatcher: input.dispatcher, headers, body, ...(input.signal ? { signal: input.signal } : {}) });
  const text = await res.body.text();
  if (res.statusCode !== 201) {
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? `HTTP ${res.statusCode}`;
    throw new Error(`uploading ${input.container}/${input.blob.name} to ${input.account} failed: ${code}`);
  }
}
