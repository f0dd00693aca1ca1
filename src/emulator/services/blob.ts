// Azure Blob Storage data plane: answers for <name>.blob.core.windows.net.
import type { Service } from '../types.ts';
import { notEmulated } from './not-emulated.ts';

const HOST = /^[a-z0-9-]{3,63}\.blob\.core\.windows\.net$/;

export const blobService: Service = {
  name: 'blob',
  matchHost: (host) => HOST.test(host),
  handle: async (req) => notEmulated('Azure Blob Storage', req),
};
