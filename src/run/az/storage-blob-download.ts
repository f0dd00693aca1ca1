// `az storage blob download -f FILE`: Get Blob, write the bytes into the working folder, print the
// blob's properties as today's CLI does (including its literal "bytes None-None/<n>" content range).
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { outcome } from '../context.ts';
import { azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { azDate, BLOB_OPTIONS, blobAuth, loadBlobClient, NO_CREDENTIAL, storageErrorText } from './storage-blob.ts';

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export const storageBlobDownload: AzCommandModule = {
  path: ['storage', 'blob', 'download'],
  options: [...BLOB_OPTIONS.filter((o) => o.dest !== 'file'), { dest: 'file', names: ['--file', '-f'], required: true }],
  async run({ args, ctx }) {
    const auth = blobAuth(args, ctx);
    if (!auth) return outcome({ engine: 'http', error: NO_CREDENTIAL });
    const container = args['container-name'] ?? '';
    const name = args.name ?? '';
    const { blockBlobClient } = await loadBlobClient();
    const { client, recorder } = blockBlobClient(ctx.connector, args['account-name'] ?? '', container, name, auth);
    try {
      const res = await client.download(0);
      const bytes = await readAll(res.readableStreamBody);
      const file = args.file ?? '';
      await writeFile(isAbsolute(file) ? file : join(ctx.workdir, file), bytes);
      const props = {
        container,
        content: '',
        contentMd5: null,
        deleted: false,
        encryptedMetadata: null,
        encryptionKeySha256: res.encryptionKeySha256 ?? null,
        encryptionScope: res.encryptionScope ?? null,
        hasLegalHold: null,
        hasVersionsOnly: null,
        immutabilityPolicy: { expiryTime: null, policyMode: null },
        isAppendBlobSealed: null,
        isCurrentVersion: res.isCurrentVersion ?? null,
        lastAccessedOn: azDate(res.lastAccessed),
        metadata: res.metadata ?? {},
        name,
        objectReplicationDestinationPolicy: null,
        objectReplicationSourceProperties: [],
        properties: {
          appendBlobCommittedBlockCount: null,
          blobTier: null,
          blobTierChangeTime: null,
          blobTierInferred: null,
          blobType: res.blobType ?? null,
          contentLength: res.contentLength ?? bytes.length,
          contentRange: `bytes None-None/${res.contentLength ?? bytes.length}`,
          contentSettings: {
            cacheControl: res.cacheControl ?? null,
            contentDisposition: res.contentDisposition ?? null,
            contentEncoding: res.contentEncoding ?? null,
            contentLanguage: res.contentLanguage ?? null,
            contentMd5: res.contentMD5 ? Buffer.from(res.contentMD5).toString('base64') : null,
            contentType: res.contentType ?? null,
          },
          copy: { completionTime: null, destinationSnapshot: null, id: null, incrementalCopy: null, progress: null, source: null, status: null, statusDescription: null },
          creationTime: azDate(res.createdOn),
          deletedTime: null,
          etag: res.etag ?? null,
          lastModified: azDate(res.lastModified),
          lease: { duration: res.leaseDuration ?? null, state: res.leaseState ?? null, status: res.leaseStatus ?? null },
          pageBlobSequenceNumber: null,
          pageRanges: null,
          rehydrationStatus: null,
          remainingRetentionDays: null,
          serverEncrypted: res.isServerEncrypted ?? null,
        },
        rehydratePriority: null,
        requestServerEncrypted: null,
        snapshot: null,
        tagCount: res.tagCount ?? null,
        tags: null,
        versionId: res.versionId ?? null,
      };
      return outcome({ engine: 'http', exchanges: recorder.exchanges, output: { stdout: azJson(props), stderr: '', exitCode: 0 }, files: [{ path: file, content: bytes.toString('utf8') }] });
    } catch (err) {
      const { stderr, error } = storageErrorText(err);
      return outcome({ engine: 'http', exchanges: recorder.exchanges, output: { stdout: '', stderr, exitCode: 1 }, ...(error ? { error } : {}) });
    }
  },
};
