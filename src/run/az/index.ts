// The az equivalents by command path, and az's own answer for a path it does not know: a word that is
// not in a command group gets "az vm: 'assign-identity' is not in the 'az vm' command group." (exit 2),
// as the CLI has said since `az vm assign-identity` was removed in 2018.
import { findCommand } from '../../reference/az-table.ts';
import type { AzCommandModule } from './command.ts';
import { groupCreate } from './group-create.ts';
import { groupDelete } from './group-delete.ts';
import { groupShow } from './group-show.ts';
import { identityCreate } from './identity-create.ts';
import { keyvaultCreate } from './keyvault-create.ts';
import { keyvaultSecretSet } from './keyvault-secret-set.ts';
import { keyvaultSecretShow } from './keyvault-secret-show.ts';
import { login } from './login.ts';
import { identityShow, keyvaultShow, storageAccountShow } from './resource-show.ts';
import { roleAssignmentCreate } from './role-assignment-create.ts';
import { storageAccountCreate } from './storage-account-create.ts';
import { storageBlobDownload } from './storage-blob-download.ts';
import { storageBlobUpload } from './storage-blob-upload.ts';
import { vmIdentityAssign } from './vm-identity-assign.ts';

export const AZ_COMMANDS: readonly AzCommandModule[] = [
  login, identityCreate, vmIdentityAssign, roleAssignmentCreate, storageBlobUpload, storageBlobDownload,
  groupCreate, groupShow, groupDelete, keyvaultCreate, keyvaultSecretSet, keyvaultSecretShow, storageAccountCreate,
  identityShow, keyvaultShow, storageAccountShow,
];

/** The slice of az's command tree the tutorials touch: groups with their commands and subgroups. */
type Tree = { [word: string]: Tree | 'command' };
const TREE: Tree = {
  login: 'command',
  logout: 'command',
  // `group deployment` is hidden and deprecated (not in the reference) but still runs.
  group: { create: 'command', show: 'command', delete: 'command', list: 'command', exists: 'command', update: 'command', deployment: { create: 'command', validate: 'command' } },
  account: { show: 'command', list: 'command', set: 'command', 'get-access-token': 'command' },
  identity: { create: 'command', delete: 'command', list: 'command', show: 'command', update: 'command', 'federated-credential': { create: 'command', list: 'command' } },
  vm: {
    identity: { assign: 'command', remove: 'command', show: 'command' },
    create: 'command', delete: 'command', list: 'command', show: 'command', start: 'command', stop: 'command', update: 'command', deallocate: 'command', restart: 'command',
    extension: { list: 'command', set: 'command', show: 'command' },
  },
  role: { assignment: { create: 'command', delete: 'command', list: 'command', update: 'command' }, definition: { create: 'command', list: 'command', update: 'command' } },
  storage: {
    account: { create: 'command', list: 'command', show: 'command', keys: { list: 'command', renew: 'command' }, 'generate-sas': 'command' },
    blob: { upload: 'command', download: 'command', list: 'command', show: 'command', delete: 'command', exists: 'command', 'generate-sas': 'command' },
    container: { create: 'command', list: 'command', show: 'command', delete: 'command' },
  },
  keyvault: { create: 'command', show: 'command', secret: { set: 'command', show: 'command', list: 'command' } },
};

export type AzLookup =
  | { kind: 'command'; module: AzCommandModule }
  /** A real az command this runner has no REST equivalent for. */
  | { kind: 'unmodelled'; path: string }
  | { kind: 'usage'; message: string };

export function lookupAz(path: readonly string[]): AzLookup {
  const module = AZ_COMMANDS.find((c) => c.path.join(' ') === path.join(' '));
  if (module) return { kind: 'command', module };
  // A command the CLI reference has (az webapp deploy, az deployment group create…) but the slice
  // below does not is real: without an equivalent here it is unsupported, never az's usage error.
  const known = findCommand(path);
  if (known.kind === 'command' && known.rest.length === 0) return { kind: 'unmodelled', path: `az ${known.command.path}` };
  let node: Tree | 'command' = TREE;
  const prog = ['az'];
  for (const word of path) {
    if (node === 'command') break;
    const next: Tree | 'command' | undefined = node[word];
    if (next === undefined) {
      const p = prog.join(' ');
      const message = prog.length === 1 ? `az: '${word}' is not in the 'az' command group. See 'az --help'.` : `${p}: '${word}' is not in the '${p}' command group. See '${p} --help'.`;
      return { kind: 'usage', message };
    }
    node = next;
    prog.push(word);
  }
  if (node !== 'command') return { kind: 'usage', message: `${prog.join(' ')}: the command group needs a command. See '${prog.join(' ')} --help'.` };
  return { kind: 'unmodelled', path: prog.join(' ') };
}
