// What to create before the tutorials run, derived from the emulator's scenario (the one place that
// says what the tutorials' portal steps set up) rather than from a second hand-written list: every
// resource group, storage account (containers, blobs), key vault (secrets, access policies),
// user-assigned identity and role assignment of the scenario, renamed for this run and tagged.
// The VM's managed identity becomes the principal the live run's tokens belong to, because off a
// VM that principal's token is what stands in for the VM's IMDS token.
import { createHash } from 'node:crypto';
import type { CloudEndpoints, ProvisioningConfig } from '../../config.ts';
import { catalogRole } from '../../reference/rbac.ts';
import type { Scenario } from '../../emulator/scenario.ts';

export const RUN_TAG = 'tutorial-conformance-run';
export const CREATED_TAG = 'created';

export type PlannedPrincipal = { kind: 'runner' } | { kind: 'identity'; name: string };

export interface PlannedRoleAssignment {
  /** Deterministic GUID: the same run re-provisioning PUTs the same assignment (idempotent). */
  name: string;
  roleDefinitionGuid: string;
  roleName: string;
  principal: PlannedPrincipal;
  scope: string;
  source: string | undefined;
}

export interface ProvisioningPlan {
  runId: string;
  tags: Record<string, string>;
  location: string;
  subscriptionId: string;
  resourceGroups: { name: string; id: string; source: string | undefined }[];
  identities: { name: string; resourceGroup: string; id: string }[];
  storageAccounts: {
    name: string;
    resourceGroup: string;
    id: string;
    kind: string;
    containers: { name: string; blobs: { name: string; content: string; contentType: string }[] }[];
  }[];
  keyVaults: {
    name: string;
    resourceGroup: string;
    id: string;
    enableRbacAuthorization: boolean;
    /** Access policies for the runner; other principals of the scenario have no live counterpart. */
    runnerSecretPermissions: string[];
    secrets: { name: string; value: string; contentType: string | undefined }[];
  }[];
  roleAssignments: PlannedRoleAssignment[];
  /** Placeholder key → the value for this run (names, ids, URLs). */
  values: Record<string, string>;
  /** What the scenario has but a live run cannot create, and why: shown in the report. */
  notes: string[];
}

export interface PlanInput {
  config: ProvisioningConfig;
  cloud: CloudEndpoints;
  now: Date;
  /**
   * `run` (the default): every name is made this run's own (tc-<run>-<group>, tc<run>st…), for a
   * scenario written with fixed names. `as-given`: the scenario's names are used as they are — a
   * tutorial's World, whose names are already the live target's run-unique role values or the page's
   * own literals (what its commands type); the signed-in reader is then the runner too.
   */
  naming?: 'run' | 'as-given';
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** A GUID derived from text (RFC 4122 layout, version 5 style over SHA-1). */
export function stableGuid(text: string): string {
  const h = createHash('sha1').update(text).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

export function buildProvisioningPlan(scenario: Scenario, input: PlanInput): ProvisioningPlan {
  const { config, cloud } = input;
  const sub = config.subscriptionId;
  const base = `${config.prefix}${config.runId}`; // letters and digits only
  const dashed = `${config.prefix}-${config.runId}`;
  const numbered = (list: readonly unknown[], i: number): string => (list.length > 1 ? String(i + 1) : '');
  const asGiven = input.naming === 'as-given';
  const renames: [string, string][] = [[scenario.subscriptionId, sub]];
  const notes: string[] = [];

  const rgName = new Map<string, string>();
  for (const g of scenario.resourceGroups) rgName.set(g.name.toLowerCase(), asGiven ? g.name : `${dashed}-${g.name}`.slice(0, 90));
  const rg = (name: string): string => {
    const live = rgName.get(name.toLowerCase());
    if (live === undefined) throw new Error(`scenario names resource group '${name}' that it does not define`);
    return live;
  };
  const rgId = (name: string): string => `/subscriptions/${sub}/resourceGroups/${rg(name)}`;

  const storageName = new Map<string, string>();
  scenario.storageAccounts.forEach((a, i) => storageName.set(a.name.toLowerCase(), asGiven ? a.name : `${base}st${numbered(scenario.storageAccounts, i)}`));
  const vaultName = new Map<string, string>();
  scenario.keyVaults.forEach((v, i) => vaultName.set(v.name.toLowerCase(), asGiven ? v.name : `${base}kv${numbered(scenario.keyVaults, i)}`));
  const identityName = new Map<string, string>();
  for (const u of scenario.userAssignedIdentities) identityName.set(u.name.toLowerCase(), asGiven ? u.name : `${dashed}-${u.name}`.slice(0, 128));
  const adlsName = new Map<string, string>();
  scenario.dataLakeStores.forEach((d, i) => adlsName.set(d.name.toLowerCase(), `${base}dl${numbered(scenario.dataLakeStores, i)}`));

  for (const [from, to] of [...rgName, ...storageName, ...vaultName, ...identityName, ...adlsName]) {
    const original = [...scenario.resourceGroups, ...scenario.storageAccounts, ...scenario.keyVaults, ...scenario.userAssignedIdentities, ...scenario.dataLakeStores].find((r) => eq(r.name, from))?.name ?? from;
    renames.push([original, to]);
  }

  const storageAccounts = scenario.storageAccounts.map((a) => {
    const name = storageName.get(a.name.toLowerCase()) as string;
    if (a.kind === 'Storage') {
      notes.push(`storage account ${a.name} (${a.source ?? 'scenario'}) is general purpose v1 in the tutorial; v1 accounts can no longer be created, so ${name} is StorageV2`);
    }
    return {
      name,
      resourceGroup: rg(a.resourceGroup),
      id: `${rgId(a.resourceGroup)}/providers/Microsoft.Storage/storageAccounts/${name}`,
      kind: a.kind === 'Storage' ? 'StorageV2' : a.kind,
      containers: a.containers.map((c) => ({ name: c.name, blobs: c.blobs.map((b) => ({ name: b.name, content: b.content, contentType: b.contentType })) })),
    };
  });

  const runnerIds = new Set<string>();
  if (scenario.vm.systemAssigned !== null) runnerIds.add(scenario.vm.systemAssigned.principalId.toLowerCase());
  // A World's grants to the reader are the runner's: live, az runs with the run's own credential.
  if (asGiven) runnerIds.add(scenario.cliPrincipal.toLowerCase());
  const identityByPrincipal = new Map(scenario.userAssignedIdentities.map((u) => [u.principalId.toLowerCase(), u.name]));
  const principalFor = (principalId: string): PlannedPrincipal | undefined => {
    const id = principalId.toLowerCase();
    if (runnerIds.has(id)) return { kind: 'runner' };
    const uami = identityByPrincipal.get(id);
    return uami !== undefined ? { kind: 'identity', name: identityName.get(uami.toLowerCase()) as string } : undefined;
  };

  const keyVaults = scenario.keyVaults.map((v) => {
    const name = vaultName.get(v.name.toLowerCase()) as string;
    const runnerSecretPermissions = [...new Set(v.accessPolicies.filter((p) => principalFor(p.objectId)?.kind === 'runner').flatMap((p) => p.secrets))];
    return {
      name,
      resourceGroup: rg(v.resourceGroup),
      id: `${rgId(v.resourceGroup)}/providers/Microsoft.KeyVault/vaults/${name}`,
      enableRbacAuthorization: v.enableRbacAuthorization,
      runnerSecretPermissions,
      secrets: v.secrets.map((s) => ({ name: s.name, value: s.value, contentType: s.contentType })),
    };
  });

  const rename = (text: string): string => {
    let out = text;
    // Longest names first so "mitutorialstorage2" is not half-replaced by "mitutorialstorage".
    for (const [from, to] of [...renames].sort((a, b) => b[0].length - a[0].length)) {
      out = out.replace(new RegExp(`(?<![A-Za-z0-9-])${escapeRegExp(from)}(?![A-Za-z0-9-])`, 'gi'), to);
    }
    return out;
  };

  const roleAssignments: PlannedRoleAssignment[] = [];
  for (const ra of scenario.roleAssignments) {
    const principal = principalFor(ra.principalId);
    // Azure has every built-in role, not only those the emulator models.
    const role = catalogRole(ra.role);
    if (role === undefined) throw new Error(`scenario role '${ra.role}' is not a built-in Azure role (src/reference/built-in-roles.json)`);
    if (principal === undefined) {
      // The signed-in reader's own rights (Owner of the subscription) are the runner's real rights; never granted here.
      continue;
    }
    const scope = rename(ra.scope);
    if (!/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+/i.test(scope)) {
      notes.push(`role ${role.roleName} at ${ra.scope} is not granted: provisioning grants roles only inside the run's resource groups`);
      continue;
    }
    const principalKey = principal.kind === 'runner' ? 'runner' : principal.name;
    roleAssignments.push({
      name: stableGuid(`${config.runId}|${principalKey}|${role.id}|${scope.toLowerCase()}`),
      roleDefinitionGuid: role.id,
      roleName: role.roleName,
      principal,
      scope,
      source: ra.source,
    });
  }

  if (scenario.dataLakeStores.length > 0) {
    notes.push('Data Lake Storage Gen1 was retired on 2024-02-29 and cannot be created; the Data Lake tutorial runs against names that do not exist');
  }
  const apps = [...(scenario.appServicePlans ?? []).map((p) => `plan ${p.name}`), ...(scenario.webApps ?? []).map((w) => `app ${w.name}`)];
  if (apps.length > 0) notes.push(`App Service ${apps.join(', ')} is not provisioned: live provisioning does not create App Service plans or apps yet, so steps that use them find none`);
  notes.push(`no VM is created: IMDS steps get the run's token source instead (${scenario.vm.name} stays a name only)`);

  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(scenario.values)) {
    values[key] = rename(value).replace(/\.vault\.azure\.net\b/g, `.${cloud.keyVaultSuffix}`).replace(/\.blob\.core\.windows\.net\b/g, `.blob.${cloud.storageSuffix}`);
  }

  return {
    runId: config.runId,
    tags: { [RUN_TAG]: config.runId, [CREATED_TAG]: input.now.toISOString() },
    location: config.location,
    subscriptionId: sub,
    resourceGroups: scenario.resourceGroups.map((g) => ({ name: rg(g.name), id: rgId(g.name), source: g.source })),
    identities: scenario.userAssignedIdentities.map((u) => {
      const name = identityName.get(u.name.toLowerCase()) as string;
      return { name, resourceGroup: rg(u.resourceGroup), id: `${rgId(u.resourceGroup)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}` };
    }),
    storageAccounts,
    keyVaults,
    roleAssignments,
    values,
    notes,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
