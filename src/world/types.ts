// A tutorial's World: what exists for it. Derived from the page (what its commands reference and
// create, what its prose and portal steps state) and its sidecar, then handed to the target: the
// emulator seeds it, the live target provisions it. What the page silently assumes is provided too,
// so the rest of the page can be judged, and listed as an assumption. Permissions are never assumed.
import type { Role } from './roles.ts';

/**
 * Where a resource comes from: `created` by one of the page's own commands (the target serves it once
 * that command ran; nothing is seeded), `stated` by its prose or portal steps, `author` given by the
 * sidecar, `assumed` used without being created or stated (provided, and listed as an assumption),
 * `implied` a parent nobody names (the group a vault lives in when the page only uses its URL).
 */
export type Origin = 'created' | 'stated' | 'author' | 'assumed' | 'implied';

export interface Cite {
  line: number;
  /** The page it comes from, when not the World's own (a union of several pages' Worlds). */
  file?: string;
  stepId?: string;
}

/** Roles the World holds resources of. */
export type ResourceRole = 'resource-group' | 'storage-account' | 'container' | 'blob' | 'vault' | 'secret' | 'key' | 'identity-name' | 'vm' | 'app-service-plan' | 'web-app';

export interface WorldResource {
  role: ResourceRole;
  name: string;
  /** The resource group (groups themselves: none). */
  group?: string;
  /** The storage account of a container or blob. */
  account?: string;
  /** The container of a blob. */
  container?: string;
  /** The vault of a secret or key. */
  vault?: string;
  origin: Origin;
  cite: Cite;
  /** A blob's content or a secret's value, when the page says it. */
  content?: string;
  /** A vault's permission model: Azure RBAC (true, today's default) or access policies. */
  rbac?: boolean;
  /** A storage account's kind ("Storage" for general purpose v1); a web app's ("app", "functionapp"). */
  kind?: string;
  /** The App Service plan a web app runs on, when the page names it. */
  plan?: string;
  /** A resource group's location, when the page's az group create gives one. */
  location?: string;
}

export type WorldPrincipal =
  | { kind: 'reader' } // the signed-in reader running az
  | { kind: 'vm' } // the VM's system-assigned managed identity
  | { kind: 'identity'; name: string } // a user-assigned identity of the World
  | { kind: 'id'; id: string }; // an object id as written

export type WorldScope =
  | { kind: 'subscription' }
  | { kind: 'resource-group'; group: string }
  | { kind: 'resource'; role: 'storage-account' | 'vault' | 'container'; name: string; group: string; account?: string };

export interface WorldGrant {
  /** A built-in role name as Azure spells it ("Storage Blob Data Reader"), or a role definition GUID. */
  role: string;
  principal: WorldPrincipal;
  scope: WorldScope;
  origin: 'created' | 'stated' | 'author';
  cite: Cite;
}

export interface WorldAccessPolicy {
  vault: string;
  principal: WorldPrincipal;
  secrets: ('get' | 'list' | 'set' | 'delete' | 'recover' | 'backup' | 'restore' | 'purge')[];
  origin: 'created' | 'stated' | 'author';
  cite: Cite;
}

export interface WorldDataLake {
  name: string;
  folders: { path: string; acl: { permissions: string; default: boolean }[] }[];
  origin: Origin;
  cite: Cite;
}

export interface WorldValue {
  value: string;
  role?: Role;
  /** Where it came from, for the report: "--set", "sidecar docs/conformance.yaml", "emulator default for vault". */
  from: string;
  /** Who decided it: the user (--set), the author (sidecar), the page's own world, or the target's default. */
  source?: 'set' | 'sidecar' | 'world' | 'target';
}

export interface Assumption {
  role: ResourceRole;
  name: string;
  line: number;
  /** "the key vault mytestkeyvault", for messages. */
  what: string;
}

/** A name the page uses that the World does not provide, and why (the page created another one). */
export interface NotProvided {
  role: ResourceRole;
  name: string;
  line: number;
  why: string;
}

export interface World {
  file: string;
  /** Placeholder key → the role its position gives it. */
  roles: Record<string, Role>;
  /** Placeholder key → the value it binds to, when the World decided one. */
  values: Record<string, WorldValue>;
  resources: WorldResource[];
  grants: WorldGrant[];
  accessPolicies: WorldAccessPolicy[];
  dataLakes: WorldDataLake[];
  assumptions: Assumption[];
  notProvided: NotProvided[];
  /** A step that uses what an earlier step of the page creates needs that step (blocked if it failed). */
  uses: { stepId: string; creator: string; what: string }[];
}
