// The emulated tenant's directory as Microsoft Graph shows it: the VM's system-assigned identity and
// every user-assigned identity are service principals of type ManagedIdentity, the scenario's
// principals are users or application service principals. Properties are the v1.0 `user` defaults
// and a subset of `servicePrincipal` (learn.microsoft.com/graph/api/resources/user and
// …/serviceprincipal); a managed identity's alternativeNames name its Azure resource, as Entra
// records it ("isExplicit=False" for a system-assigned identity).
import { createHash } from 'node:crypto';
import { directoryOf } from './scenario.ts';
import type { EmulatorState } from './state.ts';
import { userAssignedIdentityId, vmMiResourceId } from './state.ts';

/** Microsoft's own tenant, the owner of managed identities' backing applications. */
const MICROSOFT_SERVICES_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';

export interface DirectoryObject {
  kind: 'user' | 'servicePrincipal';
  id: string;
  appId?: string;
  /** Graph application permissions held (service principals only; users read the directory by default). */
  appRoles: readonly string[];
  body: Record<string, unknown>;
}

function identityName(resourceId: string): string {
  return `https://identity.azure.net/${createHash('sha256').update(resourceId.toLowerCase()).digest('base64')}`;
}

function managedIdentity(principalId: string, clientId: string, displayName: string, resourceId: string, explicit: boolean): DirectoryObject {
  return {
    kind: 'servicePrincipal',
    id: principalId,
    appId: clientId,
    appRoles: [],
    body: {
      id: principalId,
      deletedDateTime: null,
      accountEnabled: true,
      alternativeNames: [`isExplicit=${explicit ? 'True' : 'False'}`, resourceId],
      appDisplayName: null,
      appId: clientId,
      appOwnerOrganizationId: MICROSOFT_SERVICES_TENANT,
      displayName,
      servicePrincipalNames: [clientId, identityName(resourceId)],
      servicePrincipalType: 'ManagedIdentity',
      signInAudience: 'AzureADMyOrg',
      tags: [],
    },
  };
}

/** Every object of the tenant, read from the live state (identities created during the run included). */
export function directoryObjects(state: EmulatorState): DirectoryObject[] {
  const d = state.data;
  const out: DirectoryObject[] = [];
  if (d.vm.systemAssigned !== null) out.push(managedIdentity(d.vm.systemAssigned.principalId, d.vm.systemAssigned.clientId, d.vm.name, vmMiResourceId(state), false));
  for (const u of d.userAssignedIdentities) out.push(managedIdentity(u.principalId, u.clientId, u.name, userAssignedIdentityId(state, u), true));
  const domain = directoryOf(d).tenantDomain;
  for (const p of d.principals) {
    if (p.kind === 'User') {
      const upn = p.userPrincipalName ?? `${p.displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '')}@${domain}`;
      out.push({
        kind: 'user',
        id: p.principalId,
        appRoles: [],
        body: { businessPhones: [], displayName: p.displayName, givenName: null, jobTitle: null, mail: null, mobilePhone: null, officeLocation: null, preferredLanguage: null, surname: null, userPrincipalName: upn, id: p.principalId },
      });
    } else {
      out.push({
        kind: 'servicePrincipal',
        id: p.principalId,
        appId: p.clientId,
        appRoles: p.graphAppRoles ?? [],
        body: {
          id: p.principalId,
          deletedDateTime: null,
          accountEnabled: true,
          alternativeNames: [],
          appDisplayName: p.displayName,
          appId: p.clientId,
          appOwnerOrganizationId: d.tenantId,
          displayName: p.displayName,
          servicePrincipalNames: [p.clientId],
          servicePrincipalType: 'Application',
          signInAudience: 'AzureADMyOrg',
          tags: [],
        },
      });
    }
  }
  return out;
}

/** The directory object behind a token's `oid`, if the tenant has one. */
export function directoryObject(state: EmulatorState, id: string): DirectoryObject | undefined {
  const key = id.toLowerCase();
  return directoryObjects(state).find((o) => o.id.toLowerCase() === key);
}
