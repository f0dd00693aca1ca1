// What the runner does with an az command, decided by the Azure CLI's own command table
// (src/reference/: the generated table and azStatus): a command with a REST equivalent here runs it;
// a real command without one, or one that needs an extension, is `unsupported` (the tool's limit,
// said plainly); a command that left the reference (deprecated or removed, az may still run it) is
// `unsupported` too; a command the CLI's history proves removed, a word az does not know, or a group
// given as a command gets az's own answer (exit status 2).
//
// Adding an equivalent: one file per command exporting an AzCommandModule, registered below with one
// line. Its `options` name the parameters it reads (tests/run/az-modules.test.ts checks that each is
// a real parameter of the command); value kinds, required parameters and the rest come from the table.
import { azExtensionMissingMessage, type AzCommandInfo, type AzRetired } from '../../reference/az-table.ts';
import { azStatus, retiredMessage } from '../../reference/az-status.ts';
import type { AzCommandModule } from './command.ts';
import { accountGetAccessToken } from './account-get-access-token.ts';
import { groupCreate } from './group-create.ts';
import { groupDelete } from './group-delete.ts';
import { groupShow } from './group-show.ts';
import { identityCreate } from './identity-create.ts';
import { keyvaultCreate } from './keyvault-create.ts';
import { keyvaultSecretSet } from './keyvault-secret-set.ts';
import { keyvaultSecretList } from './keyvault-secret-list.ts';
import { keyvaultSecretShow } from './keyvault-secret-show.ts';
import { identityShow, keyvaultShow, storageAccountShow } from './resource-show.ts';
import { storageAccountCreate } from './storage-account-create.ts';
import { login } from './login.ts';
import { roleAssignmentCreate } from './role-assignment-create.ts';
import { roleAssignmentList } from './role-assignment-list.ts';
import { storageAccountKeysList } from './storage-account-keys-list.ts';
import { storageBlobList } from './storage-blob-list.ts';
import { storageContainerCreate, storageContainerList } from './storage-container.ts';
import { storageBlobDownload } from './storage-blob-download.ts';
import { storageBlobUpload } from './storage-blob-upload.ts';
import { vmIdentityAssign } from './vm-identity-assign.ts';
import { groupList } from './group-list.ts';
import { rest } from './rest.ts';
import { tagCreate, tagDelete, tagList, tagUpdate } from './tag.ts';
import { resourceList } from './resource-list.ts';
import { providerRegister, providerShow } from './provider-show.ts';
import { roleAssignmentDelete } from './role-assignment-delete.ts';
import { roleDefinitionList } from './role-definition-list.ts';
import {
  appservicePlanCreate, appservicePlanDelete, appservicePlanList, appservicePlanShow, functionappDelete, functionappList, functionappPlanCreate,
  functionappPlanDelete, functionappPlanList, functionappPlanShow, functionappShow, webappDelete, webappList, webappShow,
} from './app-service.ts';
import { functionappSettingsDelete, functionappSettingsList, functionappSettingsSet, webappSettingsDelete, webappSettingsList, webappSettingsSet } from './app-settings.ts';

export const AZ_COMMANDS: readonly AzCommandModule[] = [
  login, identityCreate, vmIdentityAssign, roleAssignmentCreate, storageBlobUpload, storageBlobDownload,
  groupCreate, groupShow, groupDelete, keyvaultCreate, keyvaultSecretSet, keyvaultSecretShow, storageAccountCreate,
  identityShow, keyvaultShow, storageAccountShow,
  storageContainerCreate, storageContainerList, storageBlobList, storageAccountKeysList, keyvaultSecretList, roleAssignmentList,
  groupList, resourceList, providerShow, accountGetAccessToken, providerRegister, roleAssignmentDelete, roleDefinitionList,
  tagCreate, tagUpdate, tagList, tagDelete, rest,
  appservicePlanCreate, appservicePlanShow, appservicePlanList, appservicePlanDelete, functionappPlanCreate, functionappPlanShow, functionappPlanList, functionappPlanDelete,
  webappShow, webappList, webappDelete, functionappShow, functionappList, functionappDelete,
  webappSettingsSet, webappSettingsList, webappSettingsDelete, functionappSettingsSet, functionappSettingsList, functionappSettingsDelete,
];

export type AzLookup =
  /** An equivalent runs it; `command` is the table's entry (undefined for a command that left the reference). */
  | { kind: 'command'; module: AzCommandModule; command: AzCommandInfo | undefined }
  /** A real az command this runner has no REST equivalent for. */
  | { kind: 'unmodelled'; command: AzCommandInfo }
  /** A command of an az extension (the runner runs no extension). */
  | { kind: 'extension'; command: AzCommandInfo; extension: string | undefined }
  /** A command that left the CLI reference: deprecated or removed, az may still run it. */
  | { kind: 'retired'; retired: AzRetired }
  /** What az itself answers: an unknown word, a removed command, a group given as a command. */
  | { kind: 'usage'; message: string }
  /** -h/--help: az prints the command's or group's help and exits 0; nothing runs against Azure. */
  | { kind: 'help'; message: string };

const moduleFor = (path: string): AzCommandModule | undefined => AZ_COMMANDS.find((c) => c.path.join(' ') === path);

/** Where the runner stands on an az command line (its argv: the words after `az`). */
export function lookupAz(argv: readonly string[]): AzLookup {
  const status = azStatus(argv);
  switch (status.kind) {
    case 'command': {
      const module = moduleFor(status.command.path);
      if (module) return { kind: 'command', module, command: status.command };
      if (status.command.source.kind === 'extension') return { kind: 'extension', command: status.command, extension: status.command.source.extension };
      return { kind: 'unmodelled', command: status.command };
    }
    case 'retired': {
      const module = moduleFor(status.retired.path);
      return module ? { kind: 'command', module, command: undefined } : { kind: 'retired', retired: status.retired };
    }
    case 'help':
      return { kind: 'help', message: `${status.message}; this tool does not print az's help text` };
    default:
      return { kind: 'usage', message: status.message };
  }
}

/** Why an extension command is not run, with what az says when the extension is missing. */
export function extensionMessage(command: AzCommandInfo, extension: string | undefined): string {
  return `'az ${command.path}' comes from ${extension ? `the '${extension}'` : 'an'} Azure CLI extension, which this tool does not run (az without it: "${azExtensionMissingMessage(extension)}")`;
}

/** Why a command that left the reference is not run. */
export function retiredRunMessage(r: AzRetired): string {
  return `${retiredMessage(r)}; this tool has no REST equivalent for it`;
}
