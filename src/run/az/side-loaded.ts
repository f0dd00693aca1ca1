// An Azure CLI extension a page installs from a file or URL (az extension add --source
// https://aka.ms/appsvc/appservice_kube-latest-py2.py3-none-any.whl) is not in the reference the command
// table comes from, and may redefine core commands: the appservice-kube wheel gives az webapp create and
// az functionapp create --custom-location and makes --plan optional (Azure/azure-cli-extensions
// src/appservice-kube/azext_appservice_kube/_params.py @02770ebc00c7). What the table says az rejects is
// then not what az does with the extension installed: such a step is not failed as a usage error.
// Lint reads the same install through src/lint/installed-extensions.ts.
import type { Tutorial } from '../../model.ts';

/** The --source of the first `az extension add --source …` step of the page, if any. */
export function sideLoadedSource(tutorial: Tutorial): string | undefined {
  for (const step of tutorial.steps) {
    if (step.kind !== 'az' || step.az.path.join(' ') !== 'extension add') continue;
    const argv = step.az.argv;
    for (let i = 0; i < argv.length; i++) {
      const w = argv[i] as string;
      if (w === '--source' || w === '-s') return argv[i + 1];
      if (w.startsWith('--source=')) return w.slice('--source='.length);
    }
  }
  return undefined;
}

/** Why a usage error the table finds is not claimed on a page that side-loads an extension. */
export function sideLoadedMessage(source: string, path: readonly string[], error: string): string {
  return `the page installs an Azure CLI extension from ${source}, which the Azure CLI reference does not describe and which may redefine 'az ${path.join(' ')}'; without it az would stop with "${error}", and this tool does not run the extension`;
}
