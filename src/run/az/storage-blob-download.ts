// `az storage blob download -f FILE`: Get Blob, write the bytes into the working folder, print the
// blob's properties as today's CLI does (including its literal "bytes None-None/<n>" content range).
import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { azDate, BLOB_OPTIONS, loadBlobClient, printedBlob, runStorage } from './storage-blob.ts';

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export const storageBlobDownload: AzCommandModule = {
  path: ['storage', 'blob', 'download'],
  noManagementClient: true,
  options: [...BLOB_OPTIONS.filter((o) => o.dest !== 'file'), { dest: 'file', names: ['--file', '-f'], required: true }],
  async run({ args, ctx }) {
    const container = args['container-name'] ?? '';
    const name = args.name ?? '';
    const { blockBlobClient } = await loadBlobClient();
    return runStorage(args, ctx, async ({ account, auth }) => {
      const { client, recorder } = blockBlobClient(ctx.connector, account, container, name, auth);
      return {
        recorder,
        async run() {
          const res = await client.download(0);
          const bytes = await readAll(res.readableStreamBody);
          const file = args.file ?? '';
          await writeFile(isAbsolute(file) ? file : join(ctx.workdir, file), bytes);
          const length = res.contentLength ?? bytes.length;
          const props = printedBlob(container, name, {
            blobType: res.blobType,
            contentLength: length,
            contentRange: `bytes None-None/${length}`,
            cacheControl: res.cacheControl,
            contentDisposition: res.contentDisposition,
            contentEncoding: res.contentEncoding,
            contentLanguage: res.contentLanguage,
            contentMD5: res.contentMD5,
            contentType: res.contentType,
            createdOn: res.createdOn,
            etag: res.etag,
            lastModified: res.lastModified,
            leaseDuration: res.leaseDuration,
            leaseState: res.leaseState,
            leaseStatus: res.leaseStatus,
            serverEncrypted: res.isServerEncrypted,
            encryptionKeySha256: res.encryptionKeySha256,
            encryptionScope: res.encryptionScope,
            isCurrentVersion: res.isCurrentVersion,
            lastAccessed: res.lastAccessed,
            metadata: res.metadata,
            tagCount: res.tagCount,
            versionId: res.versionId,
          });
          return { stdout: azJson(props), files: [{ path: file, content: bytes.toString('utf8') }] };
        },
      };
    });
  },
};
