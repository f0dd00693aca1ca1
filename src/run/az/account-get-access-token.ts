// `az account get-access-token [--resource R | --scope S]`: the signed-in account's token (for ARM by
// default), printed as az prints it (azure-cli profile/custom.py get_access_token: accessToken,
// expiresOn, expires_on, subscription, tenant, tokenType). REST pages capture it
// (`token=$(az account get-access-token --query accessToken -o tsv)`) for their curl requests. The
// token is the one the CLI's own calls use, so it is a secret of the run (TokenCache registers it).
import { ARM_RESOURCE, azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { printed } from './command.ts';

/** az's expiresOn: local time as "YYYY-MM-DD HH:MM:SS.ffffff" (written here in UTC). */
function azDate(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}.${String(d.getUTCMilliseconds() * 1000).padStart(6, '0')}`;
}

export const accountGetAccessToken: AzCommandModule = {
  path: ['account', 'get-access-token'],
  options: [
    { dest: 'resource', names: ['--resource'] },
    { dest: 'scope', names: ['--scope'] },
    { dest: 'subscription', names: ['--subscription', '-s'] },
  ],
  validate(args) {
    // azure-cli profile/custom.py: "--resource and --scope can't be used together" (usage error).
    return args.resource !== undefined && args.scope !== undefined ? 'usage error: --resource/--resource-type/--scope' : undefined;
  },
  async run({ args, ctx }) {
    // A scope is the resource followed by /.default (MSAL); az hands the resource to the credential.
    const resource = args.resource ?? (args.scope !== undefined ? args.scope.replace(/\/?\.default$/, '/') : ARM_RESOURCE);
    const { token, fresh } = await ctx.tokens.get(resource);
    const out = {
      accessToken: token.token,
      expiresOn: azDate(token.expiresOn),
      expires_on: Math.floor(token.expiresOn.getTime() / 1000),
      subscription: args.subscription ?? ctx.cliAccount.subscriptionId,
      tenant: ctx.cliAccount.tenantId,
      tokenType: 'Bearer',
    };
    return printed(azJson(out), { exchanges: fresh ? token.exchanges : [], ...(token.note ? { substitution: token.note } : {}) });
  },
};
