// Where an az command line stands with the Azure CLI, one answer for the runner and for lint: a
// command of the table (core or an extension's), a command that left the reference (deprecated or
// removed: az may still run it, so never reported wrong on that alone), a command the CLI's own
// history proves removed, a group given as a command, or a word az does not know — with az's own
// wording and the nearest real commands.
import { asksForHelp } from './az-args.ts';
import { azUnknownCommandMessage, findCommand, retiredCommand, suggest, type AzCommandInfo, type AzRetired, type AzSuggestion } from './az-table.ts';

/**
 * Commands the Azure CLI's history proves removed (not merely gone from the reference): az answers
 * them as unknown words. Each entry cites the removal.
 */
// `sameArguments`: the old name was an alias of the new command (same options), so renaming the
// command is the whole correction; the 2017 preview name took other options.
export const REMOVED_AZ_COMMANDS: Readonly<Record<string, { replacement: string; history: string; sameArguments: boolean }>> = {
  'vm assign-identity': {
    replacement: 'vm identity assign',
    history: 'replaced by "az vm identity assign" in 2018 (Azure/azure-cli PR #5744: the old commands kept working for two releases), then removed',
    sameArguments: true,
  },
  'vm remove-identity': { replacement: 'vm identity remove', history: 'replaced by "az vm identity remove" in 2018 (Azure/azure-cli PR #5744), then removed', sameArguments: true },
  'vmss assign-identity': { replacement: 'vmss identity assign', history: 'replaced by "az vmss identity assign" in 2018 (Azure/azure-cli PR #5744), then removed', sameArguments: true },
  'vmss remove-identity': { replacement: 'vmss identity remove', history: 'replaced by "az vmss identity remove" in 2018 (Azure/azure-cli PR #5744), then removed', sameArguments: true },
  'vm assign-msi': { replacement: 'vm identity assign', history: 'the 2017 preview name, removed in 2018', sameArguments: false },
};

export type AzStatus =
  | { kind: 'command'; command: AzCommandInfo }
  | { kind: 'retired'; retired: AzRetired }
  | { kind: 'removed'; path: string; replacement: string; history: string; sameArguments: boolean; message: string }
  | { kind: 'group'; path: string; commands: string[]; groups: string[]; message: string }
  /** -h/--help on a command or group az knows: it prints the help text and exits 0 (az-args.ts asksForHelp). */
  | { kind: 'help'; path: string; message: string }
  | { kind: 'unknown'; word: string; message: string; suggestions: AzSuggestion[] };

/** The words az reads as the command path: those before the first option. */
export function azPathWords(argv: readonly string[]): string[] {
  const first = argv.findIndex((w) => w.startsWith('-'));
  return first < 0 ? [...argv] : argv.slice(0, first);
}

const list = (what: string, xs: readonly string[]): string => (xs.length ? `${what} ${xs.slice(0, 6).join(', ')}${xs.length > 6 ? ', …' : ''}` : '');

/** The status of the command an az argv (the words after `az`) names. */
export function azStatus(argv: readonly string[]): AzStatus {
  const words = azPathWords(argv);
  const found = findCommand(words);
  if ((found.kind === 'command' || found.kind === 'group') && asksForHelp(argv.slice(words.length))) {
    const path = found.kind === 'command' ? found.command.path : found.path;
    return { kind: 'help', path, message: `az prints the help of 'az ${path}' (the page asks for it with -h/--help) and exits 0` };
  }
  if (found.kind === 'command') return { kind: 'command', command: found.command };
  const removed = Object.entries(REMOVED_AZ_COMMANDS).find(([path]) => path === words.slice(0, path.split(' ').length).join(' '));
  if (removed) {
    const [path, info] = removed;
    const unknown = found.kind === 'unknown' ? azUnknownCommandMessage(found).message : `'${path}' is misspelled or not recognized by the system.`;
    return { kind: 'removed', path, ...info, message: `${unknown} ("az ${path}" was ${info.history}; use "az ${info.replacement}")` };
  }
  const retired = retiredCommand(words);
  if (retired) return { kind: 'retired', retired };
  if (found.kind === 'group') {
    const what = [list('subgroups', found.groups), list('commands', found.commands)].filter(Boolean).join('; ');
    return { kind: 'group', path: found.path, commands: found.commands, groups: found.groups, message: `'az ${found.path}' is a command group, not a command: az prints its help${what ? ` (${what})` : ''} and runs nothing` };
  }
  const { message, recommendations } = azUnknownCommandMessage(found);
  const suggestions = suggest(words);
  const nearest = suggestions.length ? ` The nearest real command${suggestions.length > 1 ? 's' : ''}: ${suggestions.map((s) => `az ${s.path}`).join(', ')}.` : '';
  return { kind: 'unknown', word: found.word, suggestions, message: `${message}${recommendations.length ? ` ${recommendations.join(' ')}` : ''}${nearest}` };
}

/** Why a retired command is not judged: when it left the reference, and what its last entry said to use. */
export function retiredMessage(r: AzRetired): string {
  return `'az ${r.path}' left the Azure CLI reference on ${r.left} (MicrosoftDocs/azure-docs-cli ${r.commit}): deprecated or removed, az may still run it${r.replacement ? ` (its last entry said to use 'az ${r.replacement}')` : ''}`;
}
