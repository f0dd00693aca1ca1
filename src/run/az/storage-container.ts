// `az storage container create` and `az storage container list`, as az 2.67 runs them over the blob
// data plane with the credentials storage-auth.ts resolves. create: Create Container (x-ms-blob-public-access
// from --public-access, x-ms-meta-* from --metadata) printed as {"created": true}; a container that
// already exists is not an error for az ({"created": false}) unless --fail-on-exist. list: one page of
// List Containers (--num-results, default 5000; az warns with the next marker when there are more),
// each container as az prints it.
import { azJson } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { parseTags } from './group-create.ts';
import { azDate, CREDENTIAL_OPTIONS, runOnBlobService, storageErrorCode } from './storage-blob.ts';

/** az's --public-access values and the header value each sends (off: no header). */
const PUBLIC_ACCESS: Record<string, 'blob' | 'container' | undefined> = { off: undefined, blob: 'blob', container: 'container' };

export const storageContainerCreate: AzCommandModule = {
  path: ['storage', 'container', 'create'],
  noManagementClient: true,
  options: [
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'public-access', names: ['--public-access'] },
    { dest: 'metadata', names: ['--metadata'] },
    { dest: 'fail-on-exist', names: ['--fail-on-exist'], flag: true },
    { dest: 'resource-group', names: ['--resource-group', '-g'] },
    { dest: 'timeout', names: ['--timeout'] },
    ...CREDENTIAL_OPTIONS,
  ],
  async run({ args, flags, ctx }) {
    const access = PUBLIC_ACCESS[(args['public-access'] ?? 'off').toLowerCase()];
    const metadata = parseTags(args.metadata);
    return runOnBlobService(args, ctx, async (client) => {
      try {
        await client.getContainerClient(args.name ?? '').create({ ...(access ? { access } : {}), ...(metadata ? { metadata } : {}) });
      } catch (err) {
        // az's create_container(fail_on_exist=False) swallows the conflict and reports it as not created.
        if (storageErrorCode(err) === 'ContainerAlreadyExists' && !flags.has('fail-on-exist')) return { stdout: azJson({ created: false }) };
        throw err;
      }
      return { stdout: azJson({ created: true }) };
    });
  },
};

/** What az prints after one page when the service says there is more (logger.warning, twice). */
export function nextMarkerWarning(marker: string | undefined): string {
  return marker ? `WARNING: Next Marker:\nWARNING: ${marker}\n` : '';
}

/** --num-results as az reads it: a number, `*` for every page; 5000 when not given. */
export function numResults(text: string | undefined): number | '*' {
  if (text === '*') return '*';
  const n = Number(text ?? '5000');
  return Number.isInteger(n) && n > 0 ? n : 5000;
}

export const storageContainerList: AzCommandModule = {
  path: ['storage', 'container', 'list'],
  noManagementClient: true,
  options: [
    { dest: 'prefix', names: ['--prefix'] },
    { dest: 'num-results', names: ['--num-results'] },
    { dest: 'marker', names: ['--marker'] },
    { dest: 'include-metadata', names: ['--include-metadata'] },
    { dest: 'timeout', names: ['--timeout'] },
    ...CREDENTIAL_OPTIONS,
  ],
  async run({ args, flags, ctx }) {
    const includeMetadata = flags.has('include-metadata') || (args['include-metadata'] ?? 'false').toLowerCase() === 'true';
    const size = numResults(args['num-results']);
    return runOnBlobService(args, ctx, async (client) => {
      const items: Record<string, unknown>[] = [];
      let marker = args.marker;
      const pages = client.listContainers({ ...(args.prefix ? { prefix: args.prefix } : {}), includeMetadata }).byPage({ ...(marker ? { continuationToken: marker } : {}), ...(size === '*' ? {} : { maxPageSize: size }) });
      for await (const page of pages) {
        for (const c of page.containerItems) {
          const p = c.properties;
          items.push({
            deleted: c.deleted ?? null,
            encryptionScope: { defaultEncryptionScope: p.defaultEncryptionScope ?? null, preventEncryptionScopeOverride: p.preventEncryptionScopeOverride ?? null },
            immutableStorageWithVersioningEnabled: p.isImmutableStorageWithVersioningEnabled ?? false,
            metadata: c.metadata ?? null,
            name: c.name,
            properties: {
              etag: p.etag,
              hasImmutabilityPolicy: p.hasImmutabilityPolicy ?? null,
              hasLegalHold: p.hasLegalHold ?? null,
              lastModified: azDate(p.lastModified),
              lease: { duration: p.leaseDuration ?? null, state: p.leaseState ?? null, status: p.leaseStatus ?? null },
              publicAccess: p.publicAccess ?? null,
            },
            version: c.version ?? null,
          });
        }
        marker = page.continuationToken || undefined;
        if (size !== '*') break;
      }
      return { stdout: azJson(items), stderr: size === '*' ? '' : nextMarkerWarning(marker) };
    });
  },
};
