// A tutorial's World as the emulator's starting state: the base scenario (the target: subscription,
// reader, VM) plus what the World provides — the resources the page states, assumes or its sidecar
// gives, with their parents, and the grants it states. What the page creates is not seeded: its own
// commands create it. Keys, secret values and identity ids are derived from names, so the same
// World gives the same state in every run.
import { createHash } from 'node:crypto';
import type { Cite, World, WorldPrincipal, WorldResource, WorldScope } from '../world/types.ts';
import { assumedBlobContent, derived, storageKeys } from './default-scenario.ts';
import { Scenario } from './scenario.ts';
import { GUID } from '../guid.ts';

const eq = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/** A GUID derived from text (RFC 4122 layout, version 5 style). */
export function derivedGuid(text: string): string {
  const h = createHash('sha1').update(`tutorial-conformance world ${text}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const seeded = (r: WorldResource): boolean => r.origin !== 'created';

export function scenarioForWorld(base: Scenario, world: World, now: Date = new Date()): Scenario {
  const s: Scenario = structuredClone(base);
  const created = Math.floor(now.getTime() / 1000);
  const resources = world.resources.filter(seeded);
  const of = (role: WorldResource['role']) => resources.filter((r) => r.role === role);
  const source = (r: { cite: Cite }) => `${r.cite.file ?? world.file}:${r.cite.line}`;

  const vm = of('vm')[0];
  if (vm && !eq(vm.name, s.vm.name)) s.vm = { ...s.vm, name: vm.name, ...(vm.group ? { resourceGroup: vm.group } : {}), source: source(vm) };

  const groups = new Set<string>();
  for (const r of resources) {
    const g = r.role === 'resource-group' ? r.name : r.group;
    if (g !== undefined) groups.add(g);
  }
  for (const g of groups) {
    if (s.resourceGroups.some((x) => eq(x.name, g))) continue;
    const r = of('resource-group').find((x) => eq(x.name, g));
    // A group the page creates itself, holding something it assumes: seeded where the page creates it,
    // so that its own az group create finds the group it asks for (Azure answers 200), not another region's.
    const own = world.resources.find((x) => x.role === 'resource-group' && x.origin === 'created' && eq(x.name, g) && x.location !== undefined);
    s.resourceGroups.push({ name: g, location: own?.location ?? s.location, tags: {}, ...(r ? { source: source(r) } : {}) });
  }

  for (const r of of('identity-name')) {
    if (s.userAssignedIdentities.some((i) => eq(i.name, r.name))) continue;
    s.userAssignedIdentities.push({
      name: r.name,
      resourceGroup: r.group ?? s.vm.resourceGroup,
      location: s.location,
      principalId: derivedGuid(`identity principal ${r.name}`),
      clientId: derivedGuid(`identity client ${r.name}`),
      source: source(r),
    });
  }

  for (const a of of('storage-account')) {
    if (s.storageAccounts.some((x) => eq(x.name, a.name))) continue;
    const containers = resources.filter((c) => c.role === 'container' && eq(c.account, a.name));
    s.storageAccounts.push({
      name: a.name,
      resourceGroup: a.group ?? s.vm.resourceGroup,
      location: s.location,
      kind: a.kind ?? 'StorageV2',
      keys: storageKeys(a.name),
      containers: containers.map((c) => ({
        name: c.name,
        source: source(c),
        blobs: resources
          .filter((b) => b.role === 'blob' && eq(b.account, a.name) && eq(b.container, c.name))
          .map((b) => ({ name: b.name, content: b.content ?? assumedBlobContent(a.name, c.name, b.name), contentType: 'text/plain', source: source(b) })),
      })),
      source: source(a),
    });
  }

  const principalId = (p: WorldPrincipal): string | undefined => {
    switch (p.kind) {
      case 'reader':
        return s.cliPrincipal;
      case 'vm':
        return s.vm.systemAssigned?.principalId;
      case 'identity':
        return s.userAssignedIdentities.find((i) => eq(i.name, p.name))?.principalId;
      case 'id':
        return GUID.test(p.id) ? p.id : undefined;
      default:
        return undefined;
    }
  };

  for (const v of of('vault')) {
    if (s.keyVaults.some((x) => eq(x.name, v.name))) continue;
    const policies = world.accessPolicies.filter((p) => eq(p.vault, v.name) && p.origin !== 'created');
    s.keyVaults.push({
      name: v.name,
      resourceGroup: v.group ?? s.vm.resourceGroup,
      location: s.location,
      // A vault created today uses Azure RBAC unless the page grants through access policies.
      enableRbacAuthorization: v.rbac ?? policies.length === 0,
      accessPolicies: policies.flatMap((p) => {
        const id = principalId(p.principal);
        return id === undefined ? [] : [{ objectId: id, secrets: p.secrets, source: source(p) }];
      }),
      recoveryLevel: 'Recoverable+Purgeable',
      secrets: resources
        .filter((x) => x.role === 'secret' && eq(x.vault, v.name))
        .map((x) => ({
          name: x.name,
          value: x.content ?? derived(`secret value ${v.name}/${x.name}`, 12).toString('base64url'),
          version: derived(`secret version ${v.name}/${x.name}`, 16).toString('hex'),
          enabled: true,
          created,
          source: source(x),
        })),
      source: source(v),
    });
  }

  // App Service: a plan the page uses, and an app on the plan the page names or on a plan of its own
  // (a function app's Consumption plan Y1, a web app's Basic B1: the tiers the quickstarts create).
  const plans = (s.appServicePlans ??= []);
  const apps = (s.webApps ??= []);
  const planFor = (name: string, group: string, sku: string): { name: string; resourceGroup: string } => {
    const found = plans.find((p) => eq(p.name, name) && eq(p.resourceGroup, group));
    if (found) return found;
    const made = { name, resourceGroup: group, location: s.location, sku, linux: false };
    plans.push(made);
    return made;
  };
  for (const p of of('app-service-plan')) planFor(p.name, p.group ?? s.vm.resourceGroup, 'B1');
  for (const a of of('web-app')) {
    const group = a.group ?? s.vm.resourceGroup;
    if (apps.some((x) => eq(x.name, a.name) && eq(x.resourceGroup, group))) continue;
    const fn = a.kind === 'functionapp';
    const plan = planFor(a.plan ?? `${a.name}-plan`, group, fn ? 'Y1' : 'B1');
    apps.push({
      name: a.name,
      resourceGroup: group,
      location: s.location,
      kind: fn ? 'functionapp' : 'app',
      serverFarmId: `/subscriptions/${s.subscriptionId}/resourceGroups/${plan.resourceGroup}/providers/Microsoft.Web/serverfarms/${plan.name}`,
      // What an assumed app holds is not the page's to say: no settings.
      appSettings: {},
      source: source(a),
    });
  }

  for (const lake of world.dataLakes) {
    if (s.dataLakeStores.some((x) => eq(x.name, lake.name))) continue;
    const owner = s.cliPrincipal;
    const vmPrincipal = s.vm.systemAssigned?.principalId;
    s.dataLakeStores.push({
      name: lake.name,
      resourceGroup: s.vm.resourceGroup,
      location: s.location,
      entries: lake.folders.map((f) => ({
        path: f.path,
        type: 'DIRECTORY' as const,
        owner,
        group: owner,
        permission: '770',
        acl: vmPrincipal === undefined ? [] : f.acl.map((a) => ({ principalId: vmPrincipal, permissions: a.permissions, default: a.default })),
        source: source(lake),
      })),
      source: source(lake),
    });
  }

  const scopeId = (scope: WorldScope): string => {
    const sub = `/subscriptions/${s.subscriptionId}`;
    switch (scope.kind) {
      case 'subscription':
        return sub;
      case 'resource-group':
        return `${sub}/resourceGroups/${scope.group}`;
      case 'resource': {
        const rg = `${sub}/resourceGroups/${scope.group}`;
        if (scope.role === 'vault') return `${rg}/providers/Microsoft.KeyVault/vaults/${scope.name}`;
        if (scope.role === 'storage-account') return `${rg}/providers/Microsoft.Storage/storageAccounts/${scope.name}`;
        return `${rg}/providers/Microsoft.Storage/storageAccounts/${scope.account ?? ''}/blobServices/default/containers/${scope.name}`;
      }
      default:
        return sub;
    }
  };
  const createdIdentities = new Set(world.resources.filter((r) => r.role === 'identity-name' && r.origin === 'created').map((r) => r.name.toLowerCase()));
  for (const g of world.grants) {
    if (g.origin === 'created') continue;
    const id = principalId(g.principal);
    if (id === undefined) {
      // An identity the page creates has no principal yet: the grant is made when it is created.
      if (g.principal.kind === 'identity' && createdIdentities.has(g.principal.name.toLowerCase())) (s.identityGrants ??= []).push({ identity: g.principal.name, role: g.role, scope: scopeId(g.scope), source: source(g) });
      continue;
    }
    const scope = scopeId(g.scope);
    if (s.roleAssignments.some((a) => a.principalId === id && eq(a.role, g.role) && eq(a.scope, scope))) continue;
    s.roleAssignments.push({
      principalId: id,
      role: g.role,
      scope,
      name: derivedGuid(`grant ${id} ${g.role} ${scope.toLowerCase()}`),
      principalType: g.principal.kind === 'reader' ? 'User' : 'ServicePrincipal',
      source: source(g),
    });
  }
  return Scenario.parse(s);
}
