// Anonymous (no credentials) Blob requests. An account that does not allow anonymous access (the
// default since 2023) refuses them with 409 PublicAccessNotPermitted (learn.microsoft.com/azure/
// storage/blobs/anonymous-read-access-prevent). Otherwise the container's access level decides
// (…/anonymous-read-access-configure): "Blob" lets anyone read blobs, "Container" also the
// container's properties and blob list; everything else gets the bearer challenge, 401
// NoAuthenticationInformation.
import type { Scenario } from '../scenario.ts';
import type { BlobOperation, BlobOperationName } from './blob-operation.ts';
import { blobErrors, type StorageErrorInput } from './blob-errors.ts';

type Account = Scenario['storageAccounts'][number];

const BLOB_LEVEL: ReadonlySet<BlobOperationName> = new Set(['GetBlob', 'GetBlobProperties']);
const CONTAINER_LEVEL: ReadonlySet<BlobOperationName> = new Set([...BLOB_LEVEL, 'GetContainerProperties', 'ListBlobs']);

export function authorizeAnonymous(account: Account, op: BlobOperation, tenantId: string): StorageErrorInput | undefined {
  if (account.allowBlobPublicAccess !== true) return blobErrors.publicAccessNotPermitted();
  const level = account.containers.find((c) => c.name === op.container)?.publicAccess ?? 'None';
  const allowed = level === 'Container' ? CONTAINER_LEVEL : level === 'Blob' ? BLOB_LEVEL : undefined;
  return allowed?.has(op.name) ? undefined : blobErrors.noAuthenticationInformation(tenantId);
}
