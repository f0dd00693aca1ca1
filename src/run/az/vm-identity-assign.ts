// `az vm identity assign -g RG -n VM --identities ID…`: GET the VM, then PATCH its identity with the
// user-assigned identities added to what it already has, and print az's summary of the identities.
import { ArmSession, armErrorText, azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { failed, printed } from './command.ts';

export const COMPUTE_API_VERSION = '2024-07-01';

interface VmIdentity {
  type?: string;
  principalId?: string;
  userAssignedIdentities?: Record<string, { principalId?: string; clientId?: string }>;
}

function combinedType(existing: string | undefined, wantSystem: boolean, wantUser: boolean): string {
  const has = (existing ?? 'None').toLowerCase();
  const system = wantSystem || has.includes('systemassigned');
  const user = wantUser || has.includes('userassigned');
  return system && user ? 'SystemAssigned, UserAssigned' : system ? 'SystemAssigned' : user ? 'UserAssigned' : 'None';
}

export const vmIdentityAssign: AzCommandModule = {
  path: ['vm', 'identity', 'assign'],
  options: [
    { dest: 'resource-group', names: ['--resource-group', '-g'], required: true },
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'identities', names: ['--identities'] },
    { dest: 'role', names: ['--role'] },
    { dest: 'scope', names: ['--scope'] },
  ],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const sub = args.subscription ?? ctx.cliAccount.subscriptionId;
    const path = `/subscriptions/${sub}/resourceGroups/${args['resource-group'] ?? ''}/providers/Microsoft.Compute/virtualMachines/${args.name ?? ''}?api-version=${COMPUTE_API_VERSION}`;
    const vm = await session.call('GET', path);
    if (!vm.ok) return failed(armErrorText(vm), { exchanges: session.exchanges, ...(vm.result.error ? { error: vm.result.error } : {}) });

    const requested = (args.identities ?? '[system]').split(/\s+/).filter(Boolean);
    const wantSystem = requested.includes('[system]');
    const userIds = requested.filter((r) => r !== '[system]');
    const current = ((vm.json as { identity?: VmIdentity } | undefined)?.identity ?? {}) as VmIdentity;
    const identity: VmIdentity = { type: combinedType(current.type, wantSystem, userIds.length > 0) };
    if (userIds.length > 0) identity.userAssignedIdentities = Object.fromEntries(userIds.map((id) => [id, {}]));

    const patched = await session.call('PATCH', path, { identity });
    if (!patched.ok) return failed(armErrorText(patched), { exchanges: session.exchanges, ...(patched.result.error ? { error: patched.result.error } : {}) });
    const result = ((patched.json as { identity?: VmIdentity } | undefined)?.identity ?? {}) as VmIdentity;
    const summary = {
      systemAssignedIdentity: result.principalId ?? '',
      userAssignedIdentities: Object.fromEntries(
        Object.entries(result.userAssignedIdentities ?? {}).map(([id, v]) => [id, { clientId: v.clientId, principalId: v.principalId }]),
      ),
    };
    return printed(azJson(summary), { exchanges: session.exchanges, ...(session.tokenNote ? { substitution: session.tokenNote } : {}) });
  },
};
