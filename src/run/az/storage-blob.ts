// What the `az storage blob|container` equivalents share: the credential options, the run of one
// data-plane call with az's credentials (storage-auth.ts) and its evidence, az's way of printing a
// storage error, and a blob as az prints it.
import type { StepContext, StepOutcome } from '../context.ts';
import { outcome } from '../context.ts';
import type { ExecutionError } from '../observation.ts';
import { emulatorLimit } from '../http/send.ts';
import type { OptionSpec } from './args.ts';
import type { BlobServiceClient } from '@azure/storage-blob';
import type { RecordingHttpClient } from './blob-client.ts';
import { LOGIN_FORBIDDEN_HINT, storageCredentials, type StorageCredentials } from './storage-auth.ts';

type BlobClientModule = typeof import('./blob-client.ts');
let blobClientModule: Promise<BlobClientModule> | undefined;

/** The storage SDK is heavy to load; it is loaded once, when first needed or while the target boots. */
export function loadBlobClient(): Promise<BlobClientModule> {
  blobClientModule ??= import('./blob-client.ts');
  return blobClientModule;
}

/** The credential options every storage data-plane command takes. */
export const CREDENTIAL_OPTIONS: OptionSpec[] = [
  { dest: 'account-name', names: ['--account-name'] },
  { dest: 'account-key', names: ['--account-key'] },
  { dest: 'sas-token', names: ['--sas-token'] },
  { dest: 'auth-mode', names: ['--auth-mode'] },
  { dest: 'connection-string', names: ['--connection-string'] },
];

export const BLOB_OPTIONS: OptionSpec[] = [
  { dest: 'container-name', names: ['--container-name', '-c'], required: true },
  { dest: 'name', names: ['--name', '-n'], required: true },
  { dest: 'file', names: ['--file', '-f'] },
  ...CREDENTIAL_OPTIONS,
];

interface StorageErrorLike {
  message?: string;
  code?: string;
  statusCode?: number;
  executionError?: ExecutionError;
}

/** az's stderr for a storage failure: the service message, then "ErrorCode:…" (and, in login mode, az's roles hint after a 403). */
export function storageErrorText(err: unknown, login = false): { stderr: string; error?: ExecutionError } {
  const e = err as StorageErrorLike;
  if (e.executionError) return { stderr: `ERROR: ${e.executionError.message}\n`, error: e.executionError };
  const message = (e.message ?? String(err)).split('\n')[0] ?? '';
  const hint = login && e.statusCode === 403 ? LOGIN_FORBIDDEN_HINT : '';
  return { stderr: `ERROR: ${message}${e.code ? `\nErrorCode:${e.code}` : ''}\n${hint}` };
}

type Printed = { stdout: string; stderr?: string; files?: StepOutcome['files'] };

/** runStorage for a command on the account's blob service (container create and list, blob list). */
export async function runOnBlobService(args: Record<string, string>, ctx: StepContext, run: (client: BlobServiceClient) => Promise<Printed>): Promise<StepOutcome> {
  const { blobServiceClient } = await loadBlobClient();
  return runStorage(args, ctx, async ({ account, auth }) => {
    const { client, recorder } = blobServiceClient(ctx.connector, account, auth);
    return { recorder, run: () => run(client) };
  });
}

/** The service's error code of a failed storage call (ContainerAlreadyExists, …). */
export function storageErrorCode(err: unknown): string | undefined {
  return (err as StorageErrorLike).code;
}

/**
 * One storage command: resolve az's credentials, make the data-plane call(s), and return what az
 * prints with every round trip (key look-up, token, service) as evidence; a service error as az prints it.
 */
export async function runStorage(
  args: Record<string, string>,
  ctx: StepContext,
  call: (creds: StorageCredentials) => Promise<{ recorder: RecordingHttpClient; run: () => Promise<Printed> }>,
): Promise<StepOutcome> {
  const creds = await storageCredentials(args, ctx);
  if ('failed' in creds) return creds.failed;
  const { recorder, run } = await call(creds);
  const exchanges = () => [...creds.exchanges, ...recorder.exchanges];
  try {
    const done = await run();
    return outcome({ engine: 'http', exchanges: exchanges(), output: { stdout: done.stdout, stderr: `${creds.warnings}${done.stderr ?? ''}`, exitCode: 0 }, ...(done.files ? { files: done.files } : {}) });
  } catch (err) {
    // What the emulator does not model, or its own failure, is the tool's limit: never the page's failure.
    const limit = emulatorLimit(recorder.exchanges.at(-1)?.response);
    if (limit) return outcome({ engine: 'http', exchanges: exchanges(), error: limit });
    const { stderr, error } = storageErrorText(err, creds.login);
    return outcome({ engine: 'http', exchanges: exchanges(), output: { stdout: '', stderr: `${creds.warnings}${stderr}`, exitCode: 1 }, ...(error ? { error } : {}) });
  }
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

/** What az reads of a blob's properties, from Get Blob or a List Blobs item (the storage SDK's names). */
export interface BlobFacts {
  blobType?: string | undefined;
  contentLength?: number | undefined;
  contentRange?: string | undefined;
  cacheControl?: string | undefined;
  contentDisposition?: string | undefined;
  contentEncoding?: string | undefined;
  contentLanguage?: string | undefined;
  contentMD5?: Uint8Array | undefined;
  contentType?: string | undefined;
  createdOn?: Date | undefined;
  etag?: string | undefined;
  lastModified?: Date | undefined;
  leaseDuration?: string | undefined;
  leaseState?: string | undefined;
  leaseStatus?: string | undefined;
  serverEncrypted?: boolean | undefined;
  accessTier?: string | undefined;
  accessTierInferred?: boolean | undefined;
  deleted?: boolean | undefined;
  encryptionKeySha256?: string | undefined;
  encryptionScope?: string | undefined;
  isCurrentVersion?: boolean | undefined;
  lastAccessed?: Date | undefined;
  metadata?: Record<string, string> | undefined;
  tagCount?: number | undefined;
  versionId?: string | undefined;
  snapshot?: string | undefined;
}

/** A blob as az prints it (blob download, each item of blob list): every field of az's model, null where absent. */
export function printedBlob(container: string, name: string, f: BlobFacts): Record<string, unknown> {
  return {
    container,
    content: '',
    contentMd5: null,
    deleted: f.deleted ?? false,
    encryptedMetadata: null,
    encryptionKeySha256: f.encryptionKeySha256 ?? null,
    encryptionScope: f.encryptionScope ?? null,
    hasLegalHold: null,
    hasVersionsOnly: null,
    immutabilityPolicy: { expiryTime: null, policyMode: null },
    isAppendBlobSealed: null,
    isCurrentVersion: f.isCurrentVersion ?? null,
    lastAccessedOn: azDate(f.lastAccessed),
    metadata: f.metadata ?? {},
    name,
    objectReplicationDestinationPolicy: null,
    objectReplicationSourceProperties: [],
    properties: {
      appendBlobCommittedBlockCount: null,
      blobTier: f.accessTier ?? null,
      blobTierChangeTime: null,
      blobTierInferred: f.accessTierInferred ?? null,
      blobType: f.blobType ?? null,
      contentLength: f.contentLength ?? null,
      contentRange: f.contentRange ?? null,
      contentSettings: {
        cacheControl: f.cacheControl ?? null,
        contentDisposition: f.contentDisposition ?? null,
        contentEncoding: f.contentEncoding ?? null,
        contentLanguage: f.contentLanguage ?? null,
        contentMd5: f.contentMD5 ? Buffer.from(f.contentMD5).toString('base64') : null,
        contentType: f.contentType ?? null,
      },
      copy: { completionTime: null, destinationSnapshot: null, id: null, incrementalCopy: null, progress: null, source: null, status: null, statusDescription: null },
      creationTime: azDate(f.createdOn),
      deletedTime: null,
      etag: f.etag ?? null,
      lastModified: azDate(f.lastModified),
      lease: { duration: f.leaseDuration ?? null, state: f.leaseState ?? null, status: f.leaseStatus ?? null },
      pageBlobSequenceNumber: null,
      pageRanges: null,
      rehydrationStatus: null,
      remainingRetentionDays: null,
      serverEncrypted: f.serverEncrypted ?? null,
    },
    rehydratePriority: null,
    requestServerEncrypted: null,
    snapshot: f.snapshot ?? null,
    tagCount: f.tagCount ?? null,
    tags: null,
    versionId: f.versionId ?? null,
  };
}
