// Microsoft.KeyVault/vaults through the management plane: create or update a vault with its access
// policies (PUT), and create a secret version (PUT …/secrets/{name}, the control-plane path that
// needs no data-plane permission). The Key Vault service then serves the vault and its secrets.
import { randomBytes } from 'node:crypto';
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup } from '../../state.ts';
import type { Scenario } from '../../scenario.ts';
import type { EmulatorState } from '../../state.ts';
import { armErrors } from './errors.ts';
import { retryAfter, startOperation } from './lro.ts';
import type { ArmCall, ArmRoute } from './route.ts';
import { GUID } from '../../../guid.ts';

type Vault = Scenario['keyVaults'][number];
type SecretPermission = Vault['accessPolicies'][number]['secrets'][number];
const VAULT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}';
/** 3–24 characters: letters, digits and hyphens; a letter first; no consecutive hyphens; not ending in a hyphen. */
const VAULT_NAME = /^(?!.*--)[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
const SECRET_NAME = /^[0-9A-Za-z-]{1,127}$/;
// The spec's SecretPermissions enum (keyvault.json): 'all' grants every secret operation.
const SECRET_PERMISSIONS = new Set<SecretPermission>(['all', 'get', 'list', 'set', 'delete', 'recover', 'backup', 'restore', 'purge']);

function vaultBody(call: ArmCall, v: Vault, tags: Record<string, string>): Record<string, unknown> {
  return {
    id: `/subscriptions/${call.ctx.state.data.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.KeyVault/vaults/${v.name}`,
    name: v.name,
    type: 'Microsoft.KeyVault/vaults',
    location: v.location,
    tags,
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: call.ctx.state.data.tenantId,
      accessPolicies: v.accessPolicies.map((p) => ({ tenantId: call.ctx.state.data.tenantId, objectId: p.objectId, permissions: { secrets: p.secrets } })),
      enableRbacAuthorization: v.enableRbacAuthorization,
      enableSoftDelete: true,
      vaultUri: `https://${v.name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
    },
  };
}

function parsePolicies(raw: unknown): Vault['accessPolicies'] | string {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) return 'properties.accessPolicies must be an array';
  const out: Vault['accessPolicies'] = [];
  for (const p of raw as { objectId?: unknown; permissions?: { secrets?: unknown } }[]) {
    if (typeof p.objectId !== 'string' || !GUID.test(p.objectId)) return 'every access policy needs an objectId GUID';
    const secrets = Array.isArray(p.permissions?.secrets) ? (p.permissions.secrets as unknown[]).map((s) => String(s).toLowerCase()) : [];
    const bad = secrets.find((s) => !SECRET_PERMISSIONS.has(s as SecretPermission));
    if (bad !== undefined) return `'${bad}' is not a secret permission`;
    out.push({ objectId: p.objectId, secrets: secrets as SecretPermission[] });
  }
  return out;
}

function findVault(call: ArmCall): Vault | undefined {
  const { resourceGroupName: rg, vaultName: name } = call.params as { resourceGroupName: string; vaultName: string };
  return call.ctx.state.data.keyVaults.find((v) => v.resourceGroup.toLowerCase() === rg.toLowerCase() && v.name.toLowerCase() === name.toLowerCase());
}

const vaultTags = new WeakMap<Vault, Record<string, string>>();

/**
 * Soft-deleted vaults (soft delete is always on): deleting a resource group keeps them until purged.
 * Keyed by the state's data, which a reset replaces: a World starts with none (each page's reader
 * has a fresh subscription), as resource-groups.ts keys the groups being deleted.
 */
const deletedVaults = new WeakMap<EmulatorState['data'], Map<string, { name: string; location: string; deletionDate: string }>>();

export function recordDeletedVault(state: EmulatorState, vault: Vault, now: Date): void {
  let map = deletedVaults.get(state.data);
  if (map === undefined) {
    map = new Map();
    deletedVaults.set(state.data, map);
  }
  map.set(vault.name.toLowerCase(), { name: vault.name, location: vault.location, deletionDate: now.toISOString() });
}

export const keyVaultRoutes: ArmRoute[] = [
  {
    method: 'POST',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault/locations/{location}/deletedVaults/{vaultName}/purge',
    resourceType: 'vaults',
    action: 'Microsoft.KeyVault/locations/deletedVaults/purge/action',
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle(call) {
      const map = deletedVaults.get(call.ctx.state.data);
      const key = call.params.vaultName!.toLowerCase();
      const deleted = map?.get(key);
      if (deleted === undefined || deleted.location.toLowerCase() !== call.params.location!.toLowerCase()) {
        return armErrors.resourceNotFound('Microsoft.KeyVault/locations/deletedVaults', call.params.vaultName!, '<null>');
      }
      map?.delete(key);
      const op = startOperation(call.ctx.state, call.ctx.now(), undefined);
      const location = `https://${call.req.host}/subscriptions/${call.ctx.state.data.subscriptionId}/operationresults/${op.id}?api-version=2021-04-01`;
      return { status: 202, headers: { ...call.baseHeaders, location, 'retry-after': retryAfter(call.ctx.state) } };
    },
  },
  {
    method: 'PUT',
    template: VAULT,
    resourceType: 'vaults',
    action: 'Microsoft.KeyVault/vaults/write',
    handle(call) {
      const { resourceGroupName: rg, vaultName: name } = call.params as { resourceGroupName: string; vaultName: string };
      const group = findResourceGroup(call.ctx.state, rg);
      if (group === undefined) return armErrors.resourceGroupNotFound(rg);
      if (!VAULT_NAME.test(name)) return armErrors.invalidParameter(`The vault name '${name}' is invalid: 3-24 letters, digits and single hyphens, starting with a letter.`);
      const input = (call.body ?? {}) as { location?: unknown; tags?: unknown; properties?: { tenantId?: unknown; sku?: { name?: unknown }; accessPolicies?: unknown; enableRbacAuthorization?: unknown } };
      if (typeof input.location !== 'string' || input.location === '') return armErrors.locationRequired();
      const props = input.properties;
      if (props === undefined || typeof props.tenantId !== 'string' || typeof props.sku?.name !== 'string') {
        return armErrors.invalidRequestContent('properties.tenantId and properties.sku are required');
      }
      if (props.tenantId.toLowerCase() !== call.ctx.state.data.tenantId.toLowerCase()) return armErrors.invalidParameter(`The tenant '${props.tenantId}' is not the subscription's tenant.`);
      const policies = parsePolicies(props.accessPolicies);
      if (typeof policies === 'string') return armErrors.invalidRequestContent(policies);
      const tags = input.tags !== null && typeof input.tags === 'object' ? (input.tags as Record<string, string>) : {};
      const existing = findVault(call);
      if (existing !== undefined) {
        existing.accessPolicies = policies;
        existing.enableRbacAuthorization = props.enableRbacAuthorization === true;
        vaultTags.set(existing, tags);
        return jsonResponse(200, vaultBody(call, existing, tags), call.baseHeaders);
      }
      if (call.ctx.state.data.keyVaults.some((v) => v.name.toLowerCase() === name.toLowerCase())) return armErrors.vaultAlreadyExists(name);
      if (deletedVaults.get(call.ctx.state.data)?.has(name.toLowerCase()) === true) return armErrors.vaultInDeletedState();
      const vault: Vault = {
        name,
        resourceGroup: group.name,
        location: input.location,
        enableRbacAuthorization: props.enableRbacAuthorization === true,
        accessPolicies: policies,
        recoveryLevel: 'Recoverable+Purgeable',
        secrets: [],
      };
      call.ctx.state.data.keyVaults.push(vault);
      vaultTags.set(vault, tags);
      return jsonResponse(201, vaultBody(call, vault, tags), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: VAULT,
    resourceType: 'vaults',
    action: 'Microsoft.KeyVault/vaults/read',
    handle(call) {
      const vault = findVault(call);
      if (vault === undefined) return armErrors.resourceNotFound('Microsoft.KeyVault/vaults', call.params.vaultName!, call.params.resourceGroupName!);
      return jsonResponse(200, vaultBody(call, vault, vaultTags.get(vault) ?? {}), call.baseHeaders);
    },
  },
  {
    method: 'PUT',
    template: `${VAULT}/secrets/{secretName}`,
    resourceType: 'vaults',
    action: 'Microsoft.KeyVault/vaults/secrets/write',
    handle(call) {
      const vault = findVault(call);
      if (vault === undefined) return armErrors.resourceNotFound('Microsoft.KeyVault/vaults', call.params.vaultName!, call.params.resourceGroupName!);
      const name = call.params.secretName!;
      if (!SECRET_NAME.test(name)) return armErrors.invalidParameter(`The secret name '${name}' is invalid: 1-127 letters, digits and hyphens.`);
      const props = ((call.body ?? {}) as { properties?: { value?: unknown; contentType?: unknown } }).properties;
      if (typeof props?.value !== 'string') return armErrors.invalidRequestContent('properties.value is required');
      const version = randomBytes(16).toString('hex');
      const created = Math.floor(call.ctx.now().getTime() / 1000);
      const existed = vault.secrets.some((s) => s.name.toLowerCase() === name.toLowerCase());
      // A new version becomes the latest; older versions of the same name stay readable by version.
      vault.secrets.push({ name, value: props.value, version, enabled: true, created, ...(typeof props.contentType === 'string' ? { contentType: props.contentType } : {}) });
      const id = `/subscriptions/${call.ctx.state.data.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.name}/secrets/${name}`;
      // The management plane never returns the value.
      return jsonResponse(existed ? 200 : 201, { id, name, type: 'Microsoft.KeyVault/vaults/secrets', location: vault.location, properties: { secretUri: `https://${vault.name}.vault.azure.net/secrets/${name}`, secretUriWithVersion: `https://${vault.name}.vault.azure.net/secrets/${name}/${version}`, attributes: { enabled: true, created, updated: created } } }, call.baseHeaders);
    },
  },
];
