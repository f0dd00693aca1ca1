// What `az storage blob upload|download` share: options, credentials from --account-key or
// --sas-token (both fed to the redactor), and az's way of printing a storage error.
import type { StepContext } from '../context.ts';
import type { ExecutionError } from '../observation.ts';
import type { OptionSpec } from './args.ts';
import type { BlobAuth } from './blob-client.ts';

type BlobClientModule = typeof import('./blob-client.ts');
let blobClientModule: Promise<BlobClientModule> | undefined;

/** The storage SDK is heavy to load; it is loaded once, when first needed or while the target boots. */
export function loadBlobClient(): Promise<BlobClientModule> {
  blobClientModule ??= import('./blob-client.ts');
  return blobClientModule;
}

export const BLOB_OPTIONS: OptionSpec[] = [
  { dest: 'container-name', names: ['--container-name', '-c'], required: true },
  { dest: 'name', names: ['--name', '-n'], required: true },
  { dest: 'file', names: ['--file', '-f'] },
  { dest: 'account-name', names: ['--account-name'] },
  { dest: 'account-key', names: ['--account-key'] },
  { dest: 'sas-token', names: ['--sas-token'] },
  { dest: 'auth-mode', names: ['--auth-mode'] },
  { dest: 'connection-string', names: ['--connection-string'] },
];

export function blobAuth(args: Record<string, string>, ctx: StepContext): BlobAuth | undefined {
  const account = args['account-name'] ?? '';
  if (args['account-key'] !== undefined) {
    ctx.secrets.add(args['account-key'], `storage account key of ${account}`);
    return { kind: 'key', account, key: args['account-key'] };
  }
  if (args['sas-token'] !== undefined) {
    ctx.secrets.add(args['sas-token'], `SAS token for ${account}`);
    const sig = /(?:^|&)sig=([^&]+)/.exec(args['sas-token'])?.[1];
    if (sig) ctx.secrets.add(sig, `SAS signature for ${account}`);
    return { kind: 'sas', token: args['sas-token'] };
  }
  return undefined;
}

export const NO_CREDENTIAL: ExecutionError = {
  kind: 'unsupported',
  unsupported: 'az-no-equivalent',
  message: 'without --account-key or --sas-token az looks the account key up through Resource Manager; this equivalent does not model that lookup',
};

interface StorageErrorLike {
  message?: string;
  code?: string;
  statusCode?: number;
  executionError?: ExecutionError;
}

/** az's stderr for a storage failure: the service message, then "ErrorCode:…". */
export function storageErrorText(err: unknown): { stderr: string; error?: ExecutionError } {
  const e = err as StorageErrorLike;
  if (e.executionError) return { stderr: `ERROR: ${e.executionError.message}\n`, error: e.executionError };
  const message = (e.message ?? String(err)).split('\n')[0] ?? '';
  return { stderr: `ERROR: ${message}${e.code ? `\nErrorCode:${e.code}` : ''}\n` };
}

/** "2017-09-21T03:58:56+00:00", as az prints datetimes. */
export function azDate(d: Date | undefined): string | null {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, '+00:00') : null;
}

/** Python's mimetypes for the files tutorials upload; az sets nothing when it cannot guess. */
export function guessContentType(file: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(file)?.[1]?.toLowerCase();
  const types: Record<string, string> = { txt: 'text/plain', json: 'application/json', html: 'text/html', csv: 'text/csv', xml: 'text/xml', png: 'image/png', jpg: 'image/jpeg' };
  return ext ? types[ext] : undefined;
}
