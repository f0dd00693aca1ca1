// What a tutorial's own requests create live, recorded in the run's ledger so teardown removes it:
// a page's `az group create -n myResourceGroup` (or its curl PUT) makes a real group. Only what the
// answer proves the page created counts — ARM answers 201 to a PUT that created a resource group or
// a role assignment and 200 to one that updated an existing one — so a group of that name the
// subscription already had is never taken for the run's and never deleted. Vaults the page creates
// are listed for purging after their group goes (soft delete would keep their names otherwise).
import type { IncomingHttpHeaders } from 'node:http';
import { DecoratorHandler, type Dispatcher } from 'undici';
import type { Ledger } from './provision/provision.ts';

const GROUP = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/?]+)\/?$/i;
const ROLE_ASSIGNMENT = /^(\/.*\/providers\/Microsoft\.Authorization\/roleAssignments\/[^/?]+)\/?$/i;
const VAULT = /^\/subscriptions\/([^/]+)\/resourcegroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([^/?]+)\/?$/i;
/** A top-level resource in a group (its children go with it): provider namespace, one type, one name. */
const RESOURCE = /^\/subscriptions\/[^/]+\/resourcegroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/[^/?]+\/?$/i;

export type PageCreation =
  | { kind: 'resource group' | 'role assignment' | 'key vault'; id: string }
  /** Any top-level resource (201, or 202 for an accepted asynchronous create such as a storage account). */
  | { kind: 'resource'; id: string; group: string; apiVersion: string };

/** The ledger entry a response proves the page made, if any. */
export function creationOf(method: string, host: string, path: string, status: number, armHost: string): PageCreation | undefined {
  if (method.toUpperCase() !== 'PUT' || host.toLowerCase() !== armHost.toLowerCase()) return undefined;
  const pathname = decodeURIComponent(path.split('?')[0] ?? '');
  const group = GROUP.exec(pathname);
  // ARM's own spelling (resourceGroups), so the ledger has one id per group whatever the page typed.
  if (group && status === 201) return { kind: 'resource group', id: `/subscriptions/${group[1]}/resourceGroups/${group[2]}` };
  const assignment = ROLE_ASSIGNMENT.exec(pathname);
  if (assignment?.[1] !== undefined && status === 201) return { kind: 'role assignment', id: assignment[1] };
  if (VAULT.test(pathname) && (status === 200 || status === 201)) return { kind: 'key vault', id: pathname };
  const resource = RESOURCE.exec(pathname);
  const apiVersion = new URLSearchParams(path.split('?')[1] ?? '').get('api-version');
  if (resource?.[1] !== undefined && apiVersion !== null && (status === 201 || status === 202)) return { kind: 'resource', id: pathname, group: resource[1], apiVersion };
  return undefined;
}

/** All the ledger entries a response proves the page made (a new vault is a resource to purge, and one to delete when its group is not the run's). */
export function creationsOf(method: string, host: string, path: string, status: number, armHost: string): PageCreation[] {
  const first = creationOf(method, host, path, status, armHost);
  if (first?.kind !== 'key vault' || status !== 201) return first === undefined ? [] : [first];
  const pathname = decodeURIComponent(path.split('?')[0] ?? '');
  const group = RESOURCE.exec(pathname)?.[1] ?? '';
  const apiVersion = new URLSearchParams(path.split('?')[1] ?? '').get('api-version') ?? '';
  return [first, ...(apiVersion !== '' ? [{ kind: 'resource' as const, id: pathname, group, apiVersion }] : [])];
}

/** The `location` of a JSON request body (where a page put its vault), if it says one. */
export function bodyLocation(body: unknown): string | undefined {
  const text = typeof body === 'string' ? body : Buffer.isBuffer(body) || body instanceof Uint8Array ? Buffer.from(body).toString('utf8') : undefined;
  if (text === undefined || text.length > 1_000_000) return undefined;
  try {
    const location = (JSON.parse(text) as { location?: unknown }).location;
    return typeof location === 'string' && location !== '' ? location.toLowerCase().replace(/\s+/g, '') : undefined;
  } catch {
    return undefined;
  }
}

export function record(ledger: Ledger, creation: PageCreation, location: string): boolean {
  const same = (a: string): boolean => a.toLowerCase() === creation.id.toLowerCase();
  if (creation.kind === 'resource group') {
    if (ledger.resourceGroups.some(same)) return false;
    ledger.resourceGroups.push(creation.id);
    return true;
  }
  if (creation.kind === 'resource') {
    // Inside a group the run created, the group's deletion takes it; only resources in a group that stays are listed.
    const groupId = creation.id.split('/providers/')[0]?.toLowerCase() ?? '';
    if (ledger.resourceGroups.some((g) => g.toLowerCase() === groupId) || ledger.resources.some((r) => same(r.id))) return false;
    ledger.resources.push({ id: creation.id, apiVersion: creation.apiVersion });
    return true;
  }
  if (creation.kind === 'role assignment') {
    if (ledger.roleAssignments.some(same)) return false;
    ledger.roleAssignments.push(creation.id);
    return true;
  }
  const [, subscriptionId = '', name = ''] = VAULT.exec(creation.id) ?? [];
  if (ledger.keyVaults.some((v) => v.name.toLowerCase() === name.toLowerCase())) return false;
  ledger.keyVaults.push({ subscriptionId, name, location });
  return true;
}

/** An interceptor that records into `ledger` what the tutorials' requests create on ARM. */
export function pageCreationRecorder(opts: { ledger: Ledger; armHost: string; location: string; log: (line: string) => void }): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const origin = typeof options.origin === 'string' ? options.origin : (options.origin?.toString() ?? '');
    let host = '';
    try {
      host = new URL(origin).hostname;
    } catch {
      return dispatch(options, handler);
    }
    const method = options.method;
    const path = options.path;
    // undici's DecoratorHandler adapts old- and new-style handlers; its typings omit the methods it has.
    const decorated = new DecoratorHandler(handler) as DecoratorHandler & Required<Pick<Dispatcher.DispatchHandler, 'onResponseStart'>>;
    const forward = decorated.onResponseStart.bind(decorated);
    decorated.onResponseStart = (controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, statusMessage?: string): void => {
      for (const made of creationsOf(method, host, path, statusCode, opts.armHost)) {
        // A vault is purged where the page put it (its request's location), else the run's location.
        if (record(opts.ledger, made, bodyLocation(options.body) ?? opts.location)) opts.log(`the tutorial created ${made.kind} ${made.id}; recorded for teardown`);
      }
      forward(controller, statusCode, headers, statusMessage);
    };
    return dispatch(options, decorated);
  };
}
