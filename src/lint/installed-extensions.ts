// The Azure CLI extensions a page installs by name (az extension add/update --name ml), and which of a
// command's definitions the page therefore runs. Where only extensions define a command and they are
// alternatives (az ml: azure-cli-ml, the Machine Learning CLI v1, and ml, v2, which cannot be installed
// together and take other arguments: az ml workspace create -w in v1, -n in v2, a reader's report
// MicrosoftDocs/azure-docs#98525), the page's own install says which definition its commands meet.
// A page that installs none of them, or more than one, is read against the union of the definitions.
import type { LintDocument } from './document.ts';
import { azOption } from './commands.ts';
import { eachAz } from './each.ts';
import { azCommandAs, type AzCommandInfo } from '../reference/az-table.ts';

export interface InstalledExtension {
  /** The name as the page writes it, lower-cased (extension names are). */
  name: string;
  line: number;
}

const cache = new WeakMap<LintDocument, InstalledExtension[]>();

/** Every `az extension add|update --name X` of the page, in page order (a --source install is side-loaded-extensions'). */
export function installedExtensions(doc: LintDocument): InstalledExtension[] {
  const known = cache.get(doc);
  if (known) return known;
  const out: InstalledExtension[] = [];
  for (const { az } of eachAz(doc)) {
    const verb = az.path.join(' ');
    if (verb !== 'extension add' && verb !== 'extension update') continue;
    const name = azOption(az, '--name', '-n')?.value;
    if (name && /^[A-Za-z0-9][\w.-]*$/.test(name.value)) out.push({ name: name.value.toLowerCase(), line: name.line });
  }
  cache.set(doc, out);
  return out;
}

/** The one definition of `command` the page installs, when only extensions define it and the page installs exactly one of them. */
export function pageVariant(doc: LintDocument, command: AzCommandInfo): { command: AzCommandInfo; install: InstalledExtension } | undefined {
  if (command.source.kind !== 'extension' || command.alsoIn.length === 0) return undefined;
  const defining = new Set([command.source.extension, ...command.alsoIn]);
  const installs = installedExtensions(doc).filter((e) => defining.has(e.name));
  if (new Set(installs.map((e) => e.name)).size !== 1) return undefined;
  const install = installs[0] as InstalledExtension;
  const view = azCommandAs(command, install.name);
  return view && { command: view, install };
}
