// The Azure CLI extensions a page installs: by name (az extension add/update --name ml), and from a file
// or URL (az extension add --source https://aka.ms/appsvc/appservice_kube-latest-py2.py3-none-any.whl),
// read in one pass over the page's az commands.
//
// By name: where only extensions define a command and they are alternatives (az ml: azure-cli-ml, the
// Machine Learning CLI v1, and ml, v2, which cannot be installed together and take other arguments:
// az ml workspace create -w in v1, -n in v2, a reader's report MicrosoftDocs/azure-docs#98525), the
// page's own install says which definition its commands meet. A page that installs none of them, or
// more than one, is read against the union of the definitions.
//
// Side-loaded: such a wheel is not in the Azure CLI reference the command table is generated from, and it
// may redefine core commands: the appservice-kube wheel the App Service and Functions on Azure Arc
// quickstarts install gives az webapp create and az functionapp create a --custom-location option and
// makes --plan optional (Azure/azure-cli-extensions src/appservice-kube/azext_appservice_kube/_params.py
// @02770ebc00c7). What the table says a command lacks is then not certain: the rules that would say
// "az stops" say it as a warning instead.
import type { LintDocument } from './document.ts';
import { azOption } from './commands.ts';
import { eachAz } from './each.ts';
import { azCommandAs, type AzCommandInfo } from '../reference/az-table.ts';

export interface InstalledExtension {
  /** The name as the page writes it, lower-cased (extension names are). */
  name: string;
  line: number;
}

export interface SideLoadedExtension {
  /** The --source value as written. */
  source: string;
  line: number;
}

interface Installs {
  byName: InstalledExtension[];
  sideLoaded: SideLoadedExtension[];
}

const cache = new WeakMap<LintDocument, Installs>();

function installsOf(doc: LintDocument): Installs {
  const known = cache.get(doc);
  if (known) return known;
  const out: Installs = { byName: [], sideLoaded: [] };
  for (const { az } of eachAz(doc)) {
    const verb = az.path.join(' ');
    if (verb !== 'extension add' && verb !== 'extension update') continue;
    const source = verb === 'extension add' ? azOption(az, '--source', '-s')?.value : undefined;
    if (source) out.sideLoaded.push({ source: source.value, line: source.line });
    const name = azOption(az, '--name', '-n')?.value;
    if (name && /^[A-Za-z0-9][\w.-]*$/.test(name.value)) out.byName.push({ name: name.value.toLowerCase(), line: name.line });
  }
  cache.set(doc, out);
  return out;
}

/** Every `az extension add|update --name X` of the page, in page order . */
export function installedExtensions(doc: LintDocument): InstalledExtension[] {
  return installsOf(doc).byName;
}

/** Every `az extension add --source FILE|URL` of the page, in page order. */
export function sideLoadedExtensions(doc: LintDocument): SideLoadedExtension[] {
  return installsOf(doc).sideLoaded;
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

/** The sentence a finding adds when the page side-loads an extension: what is uncertain, and why. */
export function sideLoadedCaveat(ext: SideLoadedExtension): string {
  return ` The page installs an extension from ${ext.source} (line ${ext.line}), which is not in the Azure CLI reference and may redefine this command (the appservice-kube wheel adds --custom-location to az webapp create and az functionapp create): check az ... --help once it is installed.`;
}
