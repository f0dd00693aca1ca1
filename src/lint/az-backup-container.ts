// az backup's container names: a friendly name (the VM's, `myVM`) or the native one az backup container list
// prints (`IaasVMContainer;iaasvmcontainerv2;myResourceGroup;myVM`, always with ";": custom_help.is_native_name).
// Given a friendly name, the commands that look the protected item up by it need --backup-management-type to
// know which kind of container to search; without it az stops before any request:
//   "--backup-management-type is required when providing container's friendly name."
// (Azure/azure-cli src/azure-cli/azure/cli/command_modules/backup/custom_help.py @90f08455,
// validate_and_extract_container_type, called by custom_common.show_item, which az backup item show, and
// az backup recoverypoint list / show through custom_base.py @5ee89a45, run.) Readers met it following the
// restore tutorial (MicrosoftDocs/azure-docs#46683: "every time i run command it asks me for
// --backup-managment-type").
import { azOption, type AzView } from './commands.ts';

/** The commands whose friendly --container-name needs --backup-management-type (see above). */
const LOOKS_UP_ITEM = new Set(['backup item show', 'backup recoverypoint list', 'backup recoverypoint show']);

export const BACKUP_TYPE_REFUSAL = "--backup-management-type is required when providing container's friendly name.";

export interface FriendlyContainer {
  /** The --container-name value as written. */
  value: string;
  line: number;
  column: number;
  /** A placeholder (`<container>`, `{vmname}`) may stand for a native name: the reader's, not the page's, choice. */
  placeholder: boolean;
}

/**
 * The friendly --container-name of an az backup command that needs --backup-management-type with it and is given
 * none (nor --ids, which names the item by its id); undefined otherwise. A value made by the shell ($var, $(…))
 * is not judged: what it holds is not on the page.
 */
export function friendlyContainerWithoutType(az: AzView): FriendlyContainer | undefined {
  if (az.read.found.kind !== 'command' || !LOOKS_UP_ITEM.has(az.read.found.command.path)) return undefined;
  if (azOption(az, '--backup-management-type') || azOption(az, '--ids')) return undefined;
  const value = azOption(az, '--container-name')?.value;
  if (!value || value.value.includes(';') || /[$`]/.test(value.value)) return undefined;
  return { value: value.value, line: value.line, column: value.column, placeholder: /^(?:<[^>]+>|\{[^}]+\})$/.test(value.value) };
}
