// Microsoft.Storage/storageAccounts create (PUT, long-running: 202 + Location + Retry-After, as the
// Storage RP answers a new account) and blob containers through the management plane. A new
// account gets two fresh random keys; its containers become part of the instance's state, so the
// Blob service serves them.
import { randomBytes } from 'node:crypto';
import { jsonResponse } from '../../respond.ts';
import { findResourceGroup, findStorageAccount } from '../../state.ts';
import type { Scenario } from '../../scenario.ts';
import { armErrors } from './errors.ts';
import { notEmulatedResponse } from '../../router.ts';
import { answerPoll, retryAfter, startOperation } from './lro.ts';
import type { ArmRoute } from './route.ts';
import { storageAccountBody } from './storage-accounts.ts';

type Account = Scenario['storageAccounts'][number];
const ACCOUNT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}';
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
/** 3–63 characters: lower-case letters, digits and single hyphens, starting and ending with a letter or digit. */
const CONTAINER_NAME = /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const KINDS = new Set(['Storage', 'StorageV2', 'BlobStorage', 'BlockBlobStorage', 'FileStorage']);

export const storageAccountCreateRoutes: ArmRoute[] = [
  {
    method: 'PUT',
    template: ACCOUNT,
    resourceType: 'storageAccounts',
    action: 'Microsoft.Storage/storageAccounts/write',
    handle(call) {
      const { resourceGroupName: rg, accountName: name } = call.params as { resourceGroupName: string; accountName: string };
      const group = findResourceGroup(call.ctx.state, rg);
      if (group === undefined) return armErrors.resourceGroupNotFound(rg);
      if (!ACCOUNT_NAME.test(name)) {
        return armErrors.storageAccountNameInvalid(name);
      }
      const input = (call.body ?? {}) as { location?: unknown; kind?: unknown; sku?: { name?: unknown }; tags?: unknown; properties?: { supportsHttpsTrafficOnly?: unknown; allowBlobPublicAccess?: unknown } };
      if (typeof input.location !== 'string' || input.location === '') return armErrors.locationRequired();
      const kind = typeof input.kind === 'string' ? input.kind : '';
      if (!KINDS.has(kind)) return armErrors.invalidParameter(`The value '${kind}' of parameter 'kind' is not valid; use one of ${[...KINDS].join(', ')}.`);
      const sku = typeof input.sku?.name === 'string' ? input.sku.name : '';
      if (sku === '') return armErrors.invalidParameter("The parameter 'sku.name' is required.");
      const tags = input.tags !== null && typeof input.tags === 'object' ? (input.tags as Record<string, string>) : {};
      const existing = findStorageAccount(call.ctx.state, rg, name);
      if (existing !== undefined) return jsonResponse(200, storageAccountBody(call.ctx.state.data.subscriptionId, existing, tags, sku), call.baseHeaders);
      // The emulator is one subscription: a name another of its groups holds is Azure's "in another
      // resource group"; a name held outside it (seeded as taken by someone else) is "already taken".
      const holder = call.ctx.state.data.storageAccounts.find((a) => a.name === name);
      if (holder !== undefined) {
        return findResourceGroup(call.ctx.state, holder.resourceGroup) !== undefined ? armErrors.storageAccountInAnotherResourceGroup(name) : armErrors.storageAccountAlreadyTaken(name);
      }
      const account: Account = {
        name,
        resourceGroup: group.name,
        location: input.location,
        kind,
        keys: [randomBytes(64).toString('base64'), randomBytes(64).toString('base64')],
        containers: [],
        // Secure transfer on and anonymous access off unless the request says otherwise (today's defaults).
        ...(input.properties?.supportsHttpsTrafficOnly === false ? { supportsHttpsTrafficOnly: false } : {}),
        ...(input.properties?.allowBlobPublicAccess === true ? { allowBlobPublicAccess: true } : {}),
      };
      call.ctx.state.data.storageAccounts.push(account);
      const op = startOperation(call.ctx.state, call.ctx.now(), storageAccountBody(call.ctx.state.data.subscriptionId, account, tags, sku));
      const location = `https://${call.req.host}/subscriptions/${call.ctx.state.data.subscriptionId}/providers/Microsoft.Storage/locations/${input.location}/asyncoperations/${op.id}?monitor=true&api-version=${call.apiVersion}`;
      return { status: 202, headers: { ...call.baseHeaders, location, 'retry-after': retryAfter(call.ctx.state), 'content-type': 'text/plain; charset=utf-8' }, body: '' };
    },
  },
  {
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/locations/{location}/asyncoperations/{operationId}',
    resourceType: 'storageAccounts',
    action: 'Microsoft.Storage/storageAccounts/read',
    scope: (p) => `/subscriptions/${p.subscriptionId}`,
    handle(call) {
      return answerPoll(call, (result) => jsonResponse(200, result, call.baseHeaders));
    },
  },
  {
    method: 'PUT',
    template: `${ACCOUNT}/blobServices/default/containers/{containerName}`,
    resourceType: 'storageAccounts',
    action: 'Microsoft.Storage/storageAccounts/blobServices/containers/write',
    handle(call) {
      const { resourceGroupName: rg, accountName, containerName } = call.params as { resourceGroupName: string; accountName: string; containerName: string };
      if (findResourceGroup(call.ctx.state, rg) === undefined) return armErrors.resourceGroupNotFound(rg);
      const account = findStorageAccount(call.ctx.state, rg, accountName);
      if (account === undefined) return armErrors.resourceNotFound('Microsoft.Storage/storageAccounts', accountName, rg);
      if (!CONTAINER_NAME.test(containerName)) {
        return armErrors.invalidParameter(`The specified container name '${containerName}' is invalid: 3-63 lower-case letters, digits and single hyphens.`);
      }
      const requested = ((call.body ?? {}) as { properties?: { publicAccess?: unknown } }).properties?.publicAccess;
      const level = requested === 'Blob' || requested === 'Container' ? requested : undefined;
      if (requested !== undefined && requested !== 'None' && level === undefined) return armErrors.invalidParameter(`The value '${String(requested)}' of parameter 'publicAccess' is not valid; use None, Blob or Container.`);
      if (level !== undefined && account.allowBlobPublicAccess !== true) {
        return notEmulatedResponse(`a container with public access '${level}' in an account that does not allow anonymous access (the Storage RP's answer is not documented here)`, call.req.requestId);
      }
      const existing = account.containers.find((c) => c.name === containerName);
      const exists = existing !== undefined;
      if (existing === undefined) account.containers.push({ name: containerName, blobs: [], ...(level !== undefined ? { publicAccess: level } : {}) });
      else if (requested !== undefined) existing.publicAccess = level ?? 'None';
      const id = `/subscriptions/${call.ctx.state.data.subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account.name}/blobServices/default/containers/${containerName}`;
      return jsonResponse(exists ? 200 : 201, { id, name: containerName, type: 'Microsoft.Storage/storageAccounts/blobServices/containers', properties: { publicAccess: account.containers.find((c) => c.name === containerName)?.publicAccess ?? 'None', hasImmutabilityPolicy: false, hasLegalHold: false } }, call.baseHeaders);
    },
  },
];
