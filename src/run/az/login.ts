// `az login`: the reader signs in. The runner cannot open a browser, so it acquires the CLI
// principal's token the way a service principal login would (Entra client credentials against the
// target) and says so: the step is a substitution, shown as such in the report.
import { ARM_RESOURCE, azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { printed } from './command.ts';

export const login: AzCommandModule = {
  path: ['login'],
  noManagementClient: true,
  options: [
    { dest: 'tenant', names: ['--tenant', '-t'] },
    { dest: 'username', names: ['--username', '-u'] },
    { dest: 'password', names: ['--password', '-p'] },
    { dest: 'service-principal', names: ['--service-principal'], flag: true },
    { dest: 'identity', names: ['--identity'], flag: true },
    { dest: 'use-device-code', names: ['--use-device-code'], flag: true },
  ],
  async run({ ctx }) {
    // Signing in is explicit: a new token, whatever the cache holds.
    const token = await ctx.tokens.refresh(ARM_RESOURCE);
    const info = ctx.cliAccount;
    const substitution = `az login cannot open a browser here: ${token.note ?? `signed in as ${info.user} with a token the target issued`}`;
    const list = [
      {
        cloudName: 'AzureCloud',
        homeTenantId: info.tenantId,
        id: info.subscriptionId,
        isDefault: true,
        managedByTenants: [],
        name: info.subscriptionName,
        state: 'Enabled',
        tenantId: info.tenantId,
        user: { name: info.user, type: info.userType },
      },
    ];
    return printed(azJson(list), { exchanges: token.exchanges, substitution });
  },
};
