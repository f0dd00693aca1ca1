// `az storage blob list -c CONTAINER`: one page of List Blobs (--num-results, default 5000, `*` for all;
// --prefix, --include), each blob as az prints it, with az's next-marker warning when the service says
// there is more. --delimiter (az's virtual-folder listing) is not modelled: az accepts it, the step says so.
import { azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { CREDENTIAL_OPTIONS, printedBlob, runOnBlobService } from './storage-blob.ts';
import { nextMarkerWarning, numResults } from './storage-container.ts';
import type { BlobItem } from '@azure/storage-blob';

/** az's --include letters: (s)napshots, (m)etadata, (v)ersions, (t)ags, (d)eleted, (c)opy, (i)mmutability, (l)egal hold. */
const INCLUDE: Record<string, string> = { s: 'includeSnapshots', m: 'includeMetadata', v: 'includeVersions', t: 'includeTags', d: 'includeDeleted', c: 'includeCopy', i: 'includeImmutabilityPolicy', l: 'includeLegalHold' };

function printedItem(container: string, b: BlobItem): Record<string, unknown> {
  const p = b.properties;
  return printedBlob(container, b.name, {
    blobType: p.blobType,
    contentLength: p.contentLength,
    cacheControl: p.cacheControl,
    contentDisposition: p.contentDisposition,
    contentEncoding: p.contentEncoding,
    contentLanguage: p.contentLanguage,
    contentMD5: p.contentMD5,
    contentType: p.contentType,
    createdOn: p.createdOn,
    etag: p.etag,
    lastModified: p.lastModified,
    leaseDuration: p.leaseDuration,
    leaseState: p.leaseState,
    leaseStatus: p.leaseStatus,
    serverEncrypted: p.serverEncrypted,
    accessTier: p.accessTier,
    accessTierInferred: p.accessTierInferred,
    deleted: b.deleted,
    encryptionKeySha256: p.customerProvidedKeySha256,
    encryptionScope: p.encryptionScope,
    isCurrentVersion: b.isCurrentVersion,
    lastAccessed: p.lastAccessedOn,
    metadata: b.metadata,
    tagCount: p.tagCount,
    versionId: b.versionId,
    snapshot: b.snapshot || undefined,
  });
}

export const storageBlobList: AzCommandModule = {
  path: ['storage', 'blob', 'list'],
  noManagementClient: true,
  options: [
    { dest: 'container-name', names: ['--container-name', '-c'], required: true },
    { dest: 'prefix', names: ['--prefix'] },
    { dest: 'include', names: ['--include'] },
    { dest: 'num-results', names: ['--num-results'] },
    { dest: 'marker', names: ['--marker'] },
    { dest: 'timeout', names: ['--timeout'] },
    ...CREDENTIAL_OPTIONS,
  ],
  async run({ args, ctx }) {
    const container = args['container-name'] ?? '';
    const size = numResults(args['num-results']);
    const flagsFor = Object.fromEntries([...(args.include ?? '')].flatMap((l) => (INCLUDE[l] ? [[INCLUDE[l], true]] : [])));
    return runOnBlobService(args, ctx, async (client) => {
      const items: Record<string, unknown>[] = [];
      let marker = args.marker;
      const pageOptions = { ...(marker ? { continuationToken: marker } : {}), ...(size === '*' ? {} : { maxPageSize: size }) };
      const options = { ...(args.prefix ? { prefix: args.prefix } : {}), ...flagsFor };
      for await (const page of client.getContainerClient(container).listBlobsFlat(options).byPage(pageOptions)) {
        for (const b of page.segment.blobItems) items.push(printedItem(container, b));
        marker = page.continuationToken || undefined;
        if (size !== '*') break;
      }
      return { stdout: azJson(items), stderr: size === '*' ? '' : nextMarkerWarning(marker) };
    });
  },
};
