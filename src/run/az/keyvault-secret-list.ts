// `az keyvault secret list --vault-name V` (or --id): GET /secrets on the vault's host, following
// nextLink, each item printed as az prints secret properties; secrets a service manages (certificates'
// keys) are left out unless --include-managed, as az does.
import { ArmSession, azJson, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { KEYVAULT_DATA_API_VERSION, KEYVAULT_RESOURCE, printedSecretProperties, vaultUrl } from './keyvault-secret.ts';

export const keyvaultSecretList: AzCommandModule = {
  path: ['keyvault', 'secret', 'list'],
  noManagementClient: true,
  options: [
    { dest: 'vault-name', names: ['--vault-name'] },
    { dest: 'id', names: ['--id'] },
    { dest: 'maxresults', names: ['--maxresults'] },
    { dest: 'include-managed', names: ['--include-managed'] },
  ],
  async run({ args, flags, ctx }) {
    const session = new ArmSession(ctx);
    const includeManaged = flags.has('include-managed') || (args['include-managed'] ?? 'false').toLowerCase() === 'true';
    const items: Record<string, unknown>[] = [];
    let next: string | undefined = `${vaultUrl(args)}/secrets?${args.maxresults !== undefined ? `maxresults=${args.maxresults}&` : ''}api-version=${KEYVAULT_DATA_API_VERSION}`;
    while (next !== undefined) {
      const page = await session.callService('GET', next, KEYVAULT_RESOURCE);
      if (!page.ok || typeof page.json !== 'object' || page.json === null) return callFailed(session, page);
      const body = page.json as { value?: Record<string, unknown>[]; nextLink?: unknown };
      for (const item of body.value ?? []) if (includeManaged || item.managed !== true) items.push(printedSecretProperties(item));
      next = typeof body.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
    }
    return callPrinted(session, azJson(items));
  },
};
