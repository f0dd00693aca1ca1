// `az keyvault secret set --vault-name V -n NAME --value X`: PUT /secrets/NAME on the vault's host.
// On an RBAC vault without a data role this is Key Vault's 403 ForbiddenByRbac, as on Azure.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ArmSession, callFailed, callPrinted } from './arm.ts';
import type { AzCommandModule } from './command.ts';
import { tagsOf } from './group-create.ts';
import { failed } from './command.ts';
import { outcome } from '../context.ts';
import { KEYVAULT_DATA_API_VERSION, KEYVAULT_RESOURCE, printedSecret, vaultUrl } from './keyvault-secret.ts';

export const keyvaultSecretSet: AzCommandModule = {
  path: ['keyvault', 'secret', 'set'],
  noManagementClient: true,
  options: [
    { dest: 'vault-name', names: ['--vault-name'], required: true },
    { dest: 'name', names: ['--name', '-n'], required: true },
    { dest: 'value', names: ['--value'] },
    { dest: 'file', names: ['--file', '-f'] },
    { dest: 'encoding', names: ['--encoding', '-e'] },
    { dest: 'description', names: ['--description'] },
    { dest: 'content-type', names: ['--content-type'] },
    { dest: 'disabled', names: ['--disabled'] },
    { dest: 'expires', names: ['--expires'] },
    { dest: 'not-before', names: ['--not-before'] },
    { dest: 'tags', names: ['--tags'] },
  ],
  async run({ args, ctx }) {
    let value = args.value;
    if (value === undefined && args.file !== undefined) {
      try {
        value = await readFile(resolve(ctx.workdir, args.file), 'utf8');
      } catch {
        // A file no step of the page writes: the reader made it by hand, as the prose says; its content is not known here.
        return outcome({ engine: 'http', error: { kind: 'unsupported', unsupported: 'not-emulated', message: `--file ${args.file}: no step of the page writes this file (the reader writes it by hand); its content is not known here` } });
      }
    }
    if (value === undefined) return failed('ERROR: usage error: --value VALUE | --file PATH');
    const session = new ArmSession(ctx);
    const body = {
      value,
      ...(args['content-type'] ? { contentType: args['content-type'] } : {}),
      ...tagsOf(args),
      ...(args.disabled?.toLowerCase() === 'true' ? { attributes: { enabled: false } } : {}),
    };
    const put = await session.callService('PUT', `${vaultUrl(args)}/secrets/${args.name ?? ''}?api-version=${KEYVAULT_DATA_API_VERSION}`, KEYVAULT_RESOURCE, body);
    if (!put.ok || typeof put.json !== 'object' || put.json === null) return callFailed(session, put);
    return callPrinted(session, printedSecret(put.json));
  },
};
