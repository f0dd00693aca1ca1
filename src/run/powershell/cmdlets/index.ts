// The cmdlets this tool runs, by name (PowerShell's command names compare without case). Adding one:
// a module exporting a PsCmdletModule, registered below with one line.
import type { PsCmdletModule } from '../cmdlet.ts';
import { connectAzAccount, getAzContext, setAzContext } from './account.ts';
import { convertToSecureString, outNull, selectObject, writeHost, writeOutput } from './builtins.ts';
import { getAzResourceGroup, newAzResourceGroup, removeAzResourceGroup } from './resource-group.ts';
import { getAzStorageAccount, getAzStorageAccountKey, newAzStorageAccount } from './storage-account.ts';

const ALL: readonly PsCmdletModule[] = [
  connectAzAccount, setAzContext, getAzContext,
  newAzResourceGroup, getAzResourceGroup, removeAzResourceGroup,
  newAzStorageAccount, getAzStorageAccount, getAzStorageAccountKey,
  writeHost, writeOutput, convertToSecureString, outNull, selectObject,
];

export const PS_CMDLETS: ReadonlyMap<string, PsCmdletModule> = new Map(ALL.map((m) => [m.name.toLowerCase(), m]));
