// Azure CLI extensions a page installs from a file or URL (az extension add --source
// https://aka.ms/appsvc/appservice_kube-latest-py2.py3-none-any.whl). Such a wheel is not in the Azure CLI
// reference the command table is generated from, and it may redefine core commands: the appservice-kube
// wheel the App Service and Functions on Azure Arc quickstarts install gives az webapp create and
// az functionapp create a --custom-location option and makes --plan optional (Azure/azure-cli-extensions
// src/appservice-kube/azext_appservice_kube/_params.py @02770ebc00c7). What the table says a command lacks
// is then not certain: the rules that would say "az stops" say it as a warning instead.
import type { LintDocument } from './document.ts';
import { azOption } from './commands.ts';
import { eachAz } from './each.ts';

export interface SideLoadedExtension {
  /** The --source value as written. */
  source: string;
  line: number;
}

const cache = new WeakMap<LintDocument, SideLoadedExtension[]>();

export function sideLoadedExtensions(doc: LintDocument): SideLoadedExtension[] {
  const known = cache.get(doc);
  if (known) return known;
  const out: SideLoadedExtension[] = [];
  for (const { az } of eachAz(doc)) {
    if (az.path.join(' ') !== 'extension add') continue;
    const source = azOption(az, '--source', '-s')?.value;
    if (source) out.push({ source: source.value, line: source.line });
  }
  cache.set(doc, out);
  return out;
}

/** The sentence a finding adds when the page side-loads an extension: what is uncertain, and why. */
export function sideLoadedCaveat(ext: SideLoadedExtension): string {
  return ` The page installs an extension from ${ext.source} (line ${ext.line}), which is not in the Azure CLI reference and may redefine this command (the appservice-kube wheel adds --custom-location to az webapp create and az functionapp create): check az ... --help once it is installed.`;
}
