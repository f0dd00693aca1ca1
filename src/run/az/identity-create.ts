// `az identity create -g RG -n NAME`: GET the resource group (for its location), then PUT the
// user-assigned identity, and print the flattened resource as az does (properties lifted to the top,
// `resourceGroup` added from the id; no `clientSecretUrl`, which only a 2015 preview returned).
import { azJson, ArmSession, armErrorText, callFailed, resourceGroupOf } from './arm.ts';
import { groupLocation } from './group-show.ts';
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
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const rg = args['resource-group'] ?? '';
    const location = args.location ?? (await groupLocation(session, sub, rg));
    if (typeof location !== 'string') return callFailed(session, location);
    const put = await session.call(
      'PUT',
      `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${args.name ?? ''}?api-version=${IDENTITY_API_VERSION}`,
      { location },
    );
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return failed(armErrorText(put), { exchanges: session.exchanges, ...(put.result.error ? { error: put.result.error } : {}) });
    return printed(azJson(flattenIdentity(put.json as Record<string, unknown>)), { exchanges: session.exchanges, ...(session.tokenNote ? { substitution: session.tokenNote } : {}) });
  },
};
