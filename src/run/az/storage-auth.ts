// How an `az storage` data-plane command gets its credentials, in the order of azure-cli's
// validate_client_parameters (storage/_validators.py): --auth-mode login takes a token for
// https://storage.azure.com (any key given is ignored, with az's warning); otherwise a connection
// string, --account-key or --sas-token, each also read from az's environment variables
// (AZURE_STORAGE_CONNECTION_STRING, _ACCOUNT, _KEY, _SAS_TOKEN, _AUTH_MODE); and with an account name but
// no key, az warns and looks the key up through Resource Manager (list the subscription's accounts,
// then listKeys of the one with that name). When that look-up fails az warns again and sends the request
// without credentials. Every key and SAS goes to the redactor.
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import type { ObservedExchange } from '../observation.ts';
import { ArmSession, armErrorText } from './arm.ts';
import type { BlobAuth } from './blob-client.ts';
import { STORAGE_API_VERSION } from './storage-account-create.ts';

export const STORAGE_RESOURCE = 'https://storage.azure.com';

/** az's words when it goes looking for the key (logger.warning, so "WARNING: " before the first line). */
const NO_CREDENTIALS_WARNING = `WARNING: 
There are no credentials provided in your command and environment, we will query for account key for your storage account.
It is recommended to provide --connection-string, --account-key or --sas-token in your command as credentials.

You also can add \`--auth-mode login\` in your command to use Azure Active Directory (Azure AD) for authorization if your login account is assigned required RBAC roles.
For more information about RBAC roles in storage, visit https://docs.microsoft.com/azure/storage/common/storage-auth-aad-rbac-cli.

In addition, setting the corresponding environment variables can avoid inputting credentials in your command. Please use --help to get more information about environment variable usage.
`;

/** What az prints after a storage 403 in login mode (azure-cli storage's exception handler). */
export const LOGIN_FORBIDDEN_HINT = `
You do not have the required permissions needed to perform this operation.
Depending on your operation, you may need to be assigned one of the following roles:
    "Storage Blob Data Owner"
    "Storage Blob Data Contributor"
    "Storage Blob Data Reader"
    "Storage Queue Data Contributor"
    "Storage Queue Data Reader"
    "Storage Table Data Contributor"
    "Storage Table Data Reader"

If you want to use the old authentication method and allow querying for the right account key, please use the "--auth-mode" parameter and "key" value.
`;

export interface StorageCredentials {
  account: string;
  auth: BlobAuth;
  login: boolean;
  /** az's warnings, for stderr. */
  warnings: string;
  /** The look-up's and the token's round trips, evidence before the data-plane call. */
  exchanges: ObservedExchange[];
}

/** `AccountName=…;AccountKey=…` as az's validate_key_value_pairs splits it (the first `=` of each pair). */
function parseConnectionString(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return out;
}

/** The key az finds for an account by name: the subscription's accounts, then listKeys; or why not. */
async function queryAccountKey(session: ArmSession, ctx: StepContext, account: string): Promise<{ key: string } | { failure: string }> {
  const sub = ctx.cliAccount.subscriptionId;
  let next: string | undefined = `/subscriptions/${sub}/providers/Microsoft.Storage/storageAccounts?api-version=${STORAGE_API_VERSION}`;
  let id: string | undefined;
  while (next !== undefined && id === undefined) {
    const list = await session.call('GET', next);
    if (!list.ok) return { failure: armErrorText(list).replace(/^ERROR: /, '') };
    const page = list.json as { value?: { id?: unknown; name?: unknown }[]; nextLink?: unknown } | undefined;
    id = page?.value?.find((a) => a.name === account && typeof a.id === 'string')?.id as string | undefined;
    next = typeof page?.nextLink === 'string' ? page.nextLink.replace(/^https:\/\/[^/]+/i, '') : undefined;
  }
  if (id === undefined) return { failure: `Storage account '${account}' not found.` };
  const keys = await session.call('POST', `${id}/listKeys?api-version=${STORAGE_API_VERSION}`);
  const first = (keys.json as { keys?: { value?: unknown }[] } | undefined)?.keys?.[0]?.value;
  if (!keys.ok || typeof first !== 'string') return { failure: armErrorText(keys).replace(/^ERROR: /, '') };
  ctx.secrets.add(first, `storage account key of ${account}`);
  return { key: first };
}

/** The credentials az would use for this command line, or the step's outcome when there is nothing to run with. */
export async function storageCredentials(args: Record<string, string>, ctx: StepContext): Promise<StorageCredentials | { failed: StepOutcome }> {
  const env = (name: string): string | undefined => ctx.env.get(name);
  const authMode = args['auth-mode'] ?? env('AZURE_STORAGE_AUTH_MODE');
  let account = args['account-name'] ?? env('AZURE_STORAGE_ACCOUNT');
  let key = args['account-key'];
  let sas = args['sas-token'];
  let connection = args['connection-string'];
  const session = new ArmSession(ctx);
  let warnings = '';

  if (authMode === 'login') {
    const ignored = [key !== undefined && '--account-key', sas !== undefined && '--sas-token', connection !== undefined && '--connection-string'].filter((a): a is string => a !== false);
    if (ignored.length > 0) warnings += `WARNING: In "login" auth mode, the following arguments are ignored: ${ignored.join(' ,')}\n`;
    if (account === undefined) return { failed: noAccount() };
    const exchanges: ObservedExchange[] = [];
    const getToken = async () => {
      const { token, fresh } = await ctx.tokens.get(STORAGE_RESOURCE);
      if (fresh) exchanges.push(...token.exchanges);
      return { token: token.token, expiresOnTimestamp: token.expiresOn.getTime() };
    };
    return { account, auth: { kind: 'token', getToken }, login: true, warnings, exchanges };
  }

  if (connection === undefined && key === undefined && sas === undefined) connection = env('AZURE_STORAGE_CONNECTION_STRING');
  if (connection !== undefined) {
    ctx.secrets.add(connection, `storage connection string of ${account ?? 'an account'}`);
    const parts = parseConnectionString(connection);
    account = parts.AccountName;
    key = parts.AccountKey;
    sas = parts.SharedAccessSignature;
  }
  account ??= env('AZURE_STORAGE_ACCOUNT');
  if (key === undefined && sas === undefined) key = env('AZURE_STORAGE_KEY');
  sas ??= env('AZURE_STORAGE_SAS_TOKEN');
  if (account === undefined) return { failed: noAccount() };

  if (key === undefined && sas === undefined) {
    warnings += NO_CREDENTIALS_WARNING;
    const found = await queryAccountKey(session, ctx, account);
    if ('key' in found) key = found.key;
    else warnings += `WARNING: \nSkip querying account key due to failure: ${found.failure}\n`;
  }
  if (key !== undefined) {
    ctx.secrets.add(key, `storage account key of ${account}`);
    return { account, auth: { kind: 'key', account, key }, login: false, warnings, exchanges: session.exchanges };
  }
  if (sas !== undefined) {
    const token = sas.replace(/^\?/, '');
    ctx.secrets.add(token, `SAS token for ${account}`);
    const sig = /(?:^|&)sig=([^&]+)/.exec(token)?.[1];
    if (sig) ctx.secrets.add(sig, `SAS signature for ${account}`);
    return { account, auth: { kind: 'sas', token }, login: false, warnings, exchanges: session.exchanges };
  }
  return { account, auth: { kind: 'anonymous' }, login: false, warnings, exchanges: session.exchanges };
}

/**
 * No account name anywhere: az would read it from its config file too (`[storage] account`), which a
 * page may have set where this tool cannot see it, so this is the tool's limit, not the page's failure.
 */
function noAccount(): StepOutcome {
  return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message: 'no --account-name, connection string or AZURE_STORAGE_ACCOUNT: az would read the account from its configuration, which this tool does not see' } });
}
