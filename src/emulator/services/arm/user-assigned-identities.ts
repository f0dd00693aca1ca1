// Microsoft.ManagedIdentity/userAssignedIdentities: PUT (az identity create) and GET. A new identity
// gets fresh principal and client ids and becomes a principal the directory knows, so a later role
// assignment and IMDS `client_id` selection find it.
import { randomUUID } from 'node:crypto';
import { jsonResponse } from '../../respond.ts';
import type { Scenario } from '../../scenario.ts';
import { findResourceGroup, findUserAssignedIdentity, userAssignedIdentityId } from '../../state.ts';
import { apiVersionAtLeast } from './api-versions.ts';
import { armErrors } from './errors.ts';
import type { ArmCall, ArmRoute } from './route.ts';

const IDENTITY = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}';
type Uami = Scenario['userAssignedIdentities'][number];

/** Names: 3–128 characters, a letter or digit first, then letters, digits, hyphens and underscores. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/;

const created = new WeakMap<Uami, string>();

function body(call: ArmCall, i: Uami, tags: Record<string, string>): Record<string, unknown> {
  const v = call.apiVersion;
  return {
    id: userAssignedIdentityId(call.ctx.state, i),
    name: i.name,
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities',
    location: i.location,
    tags,
    ...(apiVersionAtLeast(v, '2023-01-31')
      ? {
          systemData: {
            createdBy: call.caller.oid,
            createdByType: call.caller.idtyp === 'user' ? 'User' : 'Application',
            createdAt: created.get(i) ?? call.ctx.now().toISOString(),
            lastModifiedBy: call.caller.oid,
            lastModifiedByType: call.caller.idtyp === 'user' ? 'User' : 'Application',
            lastModifiedAt: created.get(i) ?? call.ctx.now().toISOString(),
          },
        }
      : {}),
    properties: {
      ...(apiVersionAtLeast(v, '2025-01-31') ? { isolationScope: 'None' } : {}),
      tenantId: call.ctx.state.data.tenantId,
      principalId: i.principalId,
      clientId: i.clientId,
    },
  };
}

const identityTags = new WeakMap<Uami, Record<string, string>>();

/** The identity as GET and the lists show it. */
export function identityBody(call: ArmCall, i: Uami): Record<string, unknown> {
  return body(call, i, identityTags.get(i) ?? {});
}

export const userAssignedIdentityRoutes: ArmRoute[] = [
  {
    method: 'PUT',
    template: IDENTITY,
    resourceType: 'userAssignedIdentities',
    action: 'Microsoft.ManagedIdentity/userAssignedIdentities/write',
    handle(call) {
      const { resourceGroupName: rg, resourceName: name } = call.params as { resourceGroupName: string; resourceName: string };
      const group = findResourceGroup(call.ctx.state, rg);
      if (group === undefined) return armErrors.resourceGroupNotFound(rg);
      if (!NAME.test(name)) return armErrors.invalidResourceName(name, 'Microsoft.ManagedIdentity/userAssignedIdentities', 'It must start with a letter or number and may contain letters, numbers, hyphens and underscores.');
      const input = (call.body ?? {}) as { location?: unknown; tags?: unknown };
      if (typeof input.location !== 'string' || input.location === '') return armErrors.locationRequired();
      const tags = input.tags !== null && typeof input.tags === 'object' ? (input.tags as Record<string, string>) : {};
      const existing = findUserAssignedIdentity(call.ctx.state, rg, name);
      if (existing !== undefined) {
        identityTags.set(existing, tags);
        return jsonResponse(200, body(call, existing, tags), call.baseHeaders);
      }
      const identity: Uami = { name, resourceGroup: group.name, location: input.location, principalId: randomUUID(), clientId: randomUUID() };
      call.ctx.state.data.userAssignedIdentities.push(identity);
      // What the page states it grants this identity (portal steps) holds from its creation on.
      for (const g of call.ctx.state.data.identityGrants ?? []) {
        if (g.identity.toLowerCase() !== name.toLowerCase()) continue;
        call.ctx.state.data.roleAssignments.push({ principalId: identity.principalId, role: g.role, scope: g.scope, name: randomUUID(), principalType: 'ServicePrincipal', ...(g.source !== undefined ? { source: g.source } : {}) });
      }
      created.set(identity, call.ctx.now().toISOString());
      identityTags.set(identity, tags);
      return jsonResponse(201, body(call, identity, tags), call.baseHeaders);
    },
  },
  {
    method: 'GET',
    template: IDENTITY,
    resourceType: 'userAssignedIdentities',
    action: 'Microsoft.ManagedIdentity/userAssignedIdentities/read',
    handle(call) {
      const { resourceGroupName: rg, resourceName: name } = call.params as { resourceGroupName: string; resourceName: string };
      if (findResourceGroup(call.ctx.state, rg) === undefined) return armErrors.resourceGroupNotFound(rg);
      const identity = findUserAssignedIdentity(call.ctx.state, rg, name);
      if (identity === undefined) return armErrors.resourceNotFound('Microsoft.ManagedIdentity/userAssignedIdentities', name, rg);
      return jsonResponse(200, identityBody(call, identity), call.baseHeaders);
    },
  },
];
