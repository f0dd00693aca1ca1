// Azure Key Vault data plane: answers for <name>.vault.azure.net.
import type { Service } from '../types.ts';
import { notEmulated } from './not-emulated.ts';

const HOST = /^[a-z0-9-]{3,63}\.vault\.azure\.net$/;

export const keyVaultService: Service = {
  name: 'keyvault',
  matchHost: (host) => HOST.test(host),
  handle: async (req) => notEmulated('Azure Key Vault', req),
};
