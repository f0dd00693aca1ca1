// Azure Data Lake Store Gen1 data plane: answers for <name>.azuredatalakestore.net.
import type { Service } from '../types.ts';
import { notEmulated } from './not-emulated.ts';

const HOST = /^[a-z0-9-]{3,63}\.azuredatalakestore\.net$/;

export const dataLakeService: Service = {
  name: 'datalake',
  matchHost: (host) => HOST.test(host),
  handle: async (req) => notEmulated('Azure Data Lake Store Gen1', req),
};
