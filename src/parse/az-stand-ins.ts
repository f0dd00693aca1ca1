// az steps whose first word is no command of the Azure CLI, and rightly so:
// - an alias the page defines with the alias extension (`az alias create --name rg --command group`,
//   then `az rg list`; `az alias create --name "get-vm-ip {{ resourceGroup }} {{ vmName }}"`, then
//   `az get-vm-ip MyResourceGroup MyVM`: azure-docs-cli azure-cli-extension-alias.md);
// - a stand-in for any command, in a page about az's syntax (`az some-command --contact name=Bill`,
//   use-azure-cli-successfully-shorthand.md).
// az would run the first (with the extension) and nobody runs the second as written; neither is the page's
// defect, so the run says it does not run them and lint does not judge them.
import type { Step } from '../model.ts';

/** `some-command`, `some-update-command`, `any-command`, `your-command`: a word that names no command but any. */
const STAND_IN = /^(?:some|any|your|my|example|sample)-(?:[a-z]+-)*command$/i;

function aliasName(step: Step): string | undefined {
  if (step.kind !== 'az' || step.az.path.join(' ') !== 'alias create') return undefined;
  const name = step.az.options.find((o) => o.name === '--name' || o.name === '-n')?.value;
  // The alias is the first word of its name; what follows are its positional arguments ({{ arg }}).
  return name?.trim().split(/\s+/)[0];
}

/** Marks the az steps of `steps` (one page, in document order) that run an alias the page defined before, or a stand-in command. */
export function markAzStandIns(steps: readonly Step[]): void {
  const aliases = new Map<string, number>();
  for (const step of steps) {
    const defined = aliasName(step);
    if (defined !== undefined && !aliases.has(defined)) aliases.set(defined, step.source.startLine);
    if (step.kind !== 'az') continue;
    const first = step.az.argv[0];
    if (first === undefined) continue;
    // The extension replaces an alias wherever it stands among the command's words (`az vm ls` after
    // `az alias create --name ls --command list`), so any word of the command path may be one.
    const dash = step.az.argv.findIndex((w) => w.startsWith('-'));
    const path = dash < 0 ? step.az.argv : step.az.argv.slice(0, dash);
    const alias = path.find((w) => aliases.has(w));
    if (alias !== undefined) step.azStandIn = { kind: 'alias', message: `'${alias}' in 'az ${path.join(' ')}' is an alias the page defines with the alias extension (az alias create, line ${aliases.get(alias)}), which this tool does not run` };
    else if (STAND_IN.test(first)) step.azStandIn = { kind: 'stand-in', message: `'${first}' stands for any az command, as the page writes its syntax: there is no command to run` };
  }
}
