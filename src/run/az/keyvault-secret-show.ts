// `az keyvault secret show --vault-name V -n NAME [--version VER]` (or `--id URL`): GET the secret's
// latest version (az asks for `/secrets/NAME/` with an empty version) and print its bundle.
import { ArmSession, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { KEYVAULT_DATA_API_VERSION, KEYVAULT_RESOURCE, printedSecret, vaultUrl } from './keyvault-secret.ts';

export const keyvaultSecretShow: AzCommandModule = {
  path: ['keyvault', 'secret', 'show'],
  noManagementClient: true,
  options: [
    { dest: 'vault-name', names: ['--vault-name'] },
    { dest: 'name', names: ['--name', '-n'] },
    { dest: 'version', names: ['--version', '-v'] },
    { dest: 'id', names: ['--id'] },
  ],
  async run({ args, ctx }) {
    const session = new ArmSession(ctx);
    const path = args.id !== undefined ? new URL(args.id).pathname : `/secrets/${args.name ?? ''}/${args.version ?? ''}`;
    const get = await session.callService('GET', `${vaultUrl(args)}${path}?api-version=${KEYVAULT_DATA_API_VERSION}`, KEYVAULT_RESOURCE);
    if (!get.ok || typeof get.json !== 'object' || get.json === null) return callFailed(session, get);
    return callPrinted(session, printedSecret(get.json));
  },
};
