// `az identity create -g RG -n NAME`: GET the resource group (for its location), then PUT the
// user-assigned identity, and print the flattened resource as az does (properties lifted to the top,
// `resourceGroup` added from the id; no `clientSecretUrl`, which only a 2015 preview returned).
// --tags go in the PUT body as az sends them.
import { azJson, armErrorText, resourceGroupOf } from './arm.ts';
import { tagsOf } from './group-create.ts';
import { creationTarget } from './group-show.ts';
import type { AzCommandModule } from './command.ts';
import { failed, printed } from './command.ts';

export const IDENTITY_API_VERSION = '2023-01-31';

export function flattenIdentity(resource: Record<string, unknown>): Record<string, unknown> {
  const { properties, ...rest } = resource;
  const flat: Record<string, unknown> = { ...rest, ...(properties as Record<string, unknown> | undefined) };
  if (typeof flat.id === 'string') flat.resourceGroup = resourceGroupOf(flat.id);
  return flat;
}

export const identityCreate: AzCommandModule = {
  path: ['identity', 'create'],
  options: [
    { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'location', names: ['--location', '-l'] },
    { dest: 'tags', names: ['--tags'] },
  ],
  async run(inv) {
    const { args } = inv;
    const target = await creationTarget(inv);
    if ('failed' in target) return target.failed;
    const { session, sub, rg, location } = target;
    const put = await session.call(
      'PUT',
      `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${args.name ?? ''}?api-version=${IDENTITY_API_VERSION}`,
      { location, ...tagsOf(args) },
    );
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return failed(armErrorText(put), { exchanges: session.exchanges, ...(put.result.error ? { error: put.result.error } : {}) });
    return printed(azJson(flattenIdentity(put.json as Record<string, unknown>)), { exchanges: session.exchanges, ...(session.tokenNote ? { substitution: session.tokenNote } : {}) });
  },
};
