// `az storage blob upload`: Put Blob of a file from the working folder, signed with the account key or
// carrying the SAS, refusing to overwrite (az ≥ 2.34 sends If-None-Match: *), printing the progress
// line on stderr and the upload result on stdout as today's CLI does.
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { outcome } from '../context.ts';
import { azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { azDate, BLOB_OPTIONS, loadBlobClient, guessContentType, runStorage } from './storage-blob.ts';

const PROGRESS = `Finished[${'#'.repeat(61)}]  100.0000%\n`;

export const storageBlobUpload: AzCommandModule = {
  path: ['storage', 'blob', 'upload'],
  noManagementClient: true,
  options: [...BLOB_OPTIONS, { dest: 'overwrite', names: ['--overwrite'], flag: true }, { dest: 'content-type', names: ['--content-type'] }],
  // az's validator (azure-cli storage/_validators.py validate_upload_blob), before any request; --data is not modelled here.
  validate: (args) => (args.file === undefined ? 'usage error: please specify one of --file and --data to upload.' : undefined),
  async run({ args, flags, ctx }) {
    const file = args.file ?? '';
    let bytes: Buffer;
    try {
      bytes = await readFile(isAbsolute(file) ? file : join(ctx.workdir, file));
    } catch {
      const message = `[Errno 2] No such file or directory: '${file}'`;
      return outcome({ engine: 'http', output: { stdout: '', stderr: `ERROR: ${message}\n`, exitCode: 1 }, error: { kind: 'shell', message } });
    }
    const contentType = args['content-type'] ?? guessContentType(file);
    const { blockBlobClient } = await loadBlobClient();
    return runStorage(args, ctx, async ({ account, auth }) => {
      const { client, recorder } = blockBlobClient(ctx.connector, account, args['container-name'] ?? '', args.name ?? '', auth);
      return {
        recorder,
        async run() {
          const res = await client.upload(bytes, bytes.length, {
            ...(contentType ? { blobHTTPHeaders: { blobContentType: contentType } } : {}),
            ...(flags.has('overwrite') ? {} : { conditions: { ifNoneMatch: '*' } }),
          });
          const result = {
            client_request_id: res.clientRequestId ?? null,
            content_md5: res.contentMD5 ? Buffer.from(res.contentMD5).toString('base64') : null,
            date: azDate(res.date),
            encryption_key_sha256: res.encryptionKeySha256 ?? null,
            encryption_scope: res.encryptionScope ?? null,
            etag: res.etag ?? null,
            lastModified: azDate(res.lastModified),
            request_id: res.requestId ?? null,
            request_server_encrypted: res.isServerEncrypted ?? null,
            version: res.version ?? null,
            version_id: res.versionId ?? null,
          };
          return { stdout: azJson(result), stderr: PROGRESS };
        },
      };
    });
  },
};
