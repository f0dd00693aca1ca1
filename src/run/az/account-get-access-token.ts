// `az account get-access-token [--resource URL | --resource-type arm|ms-graph | --scope S]`, as azure-cli's
// profile/custom.py get_access_token does it: a token of the signed-in account for the resource (ARM
// by default, the cloud's active_directory_resource_id), from its cache or a fresh sign-in — no call to
// the resource itself — printed as {tokenType, accessToken, expires_on, expiresOn, tenant,
// subscription}. The token is a secret of the run (the token cache registers it).
import { ARM_RESOURCE, callPrinted, ArmSession, azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { failed } from './command.ts';
import { CliTokenError } from '../tokens.ts';

/** azure-cli's cloud_resource_type_mappings, for the endpoints the emulator serves. */
const RESOURCE_TYPES: Record<string, string> = { arm: ARM_RESOURCE, 'ms-graph': 'https://graph.microsoft.com/' };

/** az prints expiresOn as a local datetime "YYYY-MM-DD HH:MM:SS.ffffff" (the run's clock is UTC). */
function azDatetime(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}.000000`;
}

export const accountGetAccessToken: AzCommandModule = {
  path: ['account', 'get-access-token'],
  options: [
    { dest: 'resource', names: ['--resource'] },
    { dest: 'resource-type', names: ['--resource-type'] },
    { dest: 'scope', names: ['--scope'] },
    { dest: 'subscription', names: ['--subscription', '--name', '-n', '-s'] },
  ],
  validate(args) {
    // azure-cli profile/custom.py: a resource and a scope together are a usage error.
    return (args.resource !== undefined || args['resource-type'] !== undefined) && args.scope !== undefined ? 'usage error: --resource/--resource-type/--scope' : undefined;
  },
  async run({ args, ctx }) {
    const type = args['resource-type'];
    if (args.resource === undefined && type !== undefined && RESOURCE_TYPES[type] === undefined) {
      return failed(`ERROR: the emulator serves no endpoint for --resource-type ${type}`, { error: { kind: 'unsupported', unsupported: 'not-emulated', message: `tokens for --resource-type ${type} (the emulator serves arm and ms-graph)` } });
    }
    // A scope is the resource followed by /.default (MSAL); az hands the resource to the credential.
    const resource = args.resource ?? (type !== undefined ? RESOURCE_TYPES[type]! : args.scope !== undefined ? args.scope.replace(/\/?\.default$/, '/') : ARM_RESOURCE);
    const session = new ArmSession(ctx);
    let got;
    try {
      got = await ctx.tokens.get(resource);
    } catch (err) {
      if (err instanceof CliTokenError) return failed(`ERROR: ${err.message}`);
      throw err;
    }
    const { token } = got;
    // A token from the cache was fetched (and its exchange recorded) by an earlier step.
    if (got.fresh) session.exchanges.push(...token.exchanges);
    const printed = {
      tokenType: 'Bearer',
      accessToken: token.token,
      expires_on: Math.floor(token.expiresOn.getTime() / 1000),
      expiresOn: azDatetime(token.expiresOn),
      tenant: ctx.cliAccount.tenantId,
      subscription: args.subscription ?? ctx.cliAccount.subscriptionId,
    };
    return callPrinted(session, azJson(printed), token.note);
  },
};
