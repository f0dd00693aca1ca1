// A page that tells its reader to run its commands in PowerShell, then writes PowerShell (backtick
// continuations, `$name = …`) in azurecli blocks: "Open Azure Cloud Shell or your local Azure CLI to
// run the commands in this article. In Azure Cloud Shell, you might need to select **Switch to
// PowerShell**." (azure-management-docs @d923d588, azure-arc/agents-tools-foundry-local/
// quickstart-edge-rag.md). A reader who follows the page is in PowerShell, where those blocks work;
// what bash would do with them is no certain failure. The blocks' tag still says Azure CLI in Bash:
// powershell-in-bash-fence says that once per block, as a warning.
import type { Step } from '../model.ts';
import type { LintDocument } from './document.ts';
import { tabsAt } from './tabs.ts';

/**
 * Prose that sends the reader to PowerShell: Cloud Shell's "Switch to PowerShell" button. Only that: "To
 * run this sample in Windows PowerShell …, you might need to change elements of the script" (bicep
 * deploy-cli.md, tests/corpus) says the blocks are bash.
 */
const USE_POWERSHELL = /\bswitch to PowerShell\b/i;
/** Tabs written for bash: a PowerShell instruction elsewhere on the page does not reach them. */
const BASH_TAB = /bash|linux|mac|unix|shell/i;

/** The prose line that tells the reader to use PowerShell, if any. */
export function powerShellInstruction(doc: LintDocument): number | undefined {
  if (!doc.hasText) return undefined;
  for (let n = 1; n <= doc.lineCount; n++) if (doc.isProse(n) && USE_POWERSHELL.test(doc.line(n))) return n;
  return undefined;
}

/** True when the page tells its reader to use PowerShell and `step` is not in a tab written for bash. */
export function readerInPowerShell(doc: LintDocument, step: Pick<Step, 'tab'>, instruction = powerShellInstruction(doc)): boolean {
  return instruction !== undefined && !(step.tab !== undefined && BASH_TAB.test(step.tab));
}

// `azurecli` is Learn's "Azure CLI" label, not a shell: the az CLI's own pages tag every variant of a
// command azurecli and put the PowerShell one under a PowerShell tab (azure-docs-cli
// get-started-tutorial-2-environment-syntax.md, "Bash | PowerShell | Cmd" tabs of azurecli-interactive
// blocks). The reader of that tab runs it in PowerShell. bash and sh still say bash in any tab.
export const AZ_CLI_FENCES = new Set(['azurecli', 'azurecli-interactive', 'azure-cli']);
const POWERSHELL_TAB = /powershell|pwsh/i;

/** The step stands in a tab written for PowerShell: its id (`powershell`) or its title (`[PowerShell](#tab/ps2)`) says so. */
export function inPowerShellTab(doc: LintDocument, step: Step): boolean {
  if (step.tab !== undefined && POWERSHELL_TAB.test(step.tab)) return true;
  if (step.source.file && doc.file && step.source.file !== doc.file) return false;
  return tabsAt(doc, step.source.startLine).some((t) => POWERSHELL_TAB.test(t.title));
}

/**
 * The block's comment over the line says it is the PowerShell form: "# Correct in Bash⏎myVariable=\"''\"⏎⏎#
 * Correct in PowerShell⏎$myVariable = \"''\"" (azure-docs-cli use-azure-cli-successfully-quoting.md) shows
 * each shell its own line, and the reader in bash skips the one labelled PowerShell; "# Script for a PowerShell
 * scripting language" over a whole block (use-azure-cli-successfully-powershell.md) says it of every line.
 */
export function labelledPowerShell(doc: LintDocument, open: number, line: number): boolean {
  if (!doc.hasText) return false;
  for (let n = line - 1; n > open; n--) {
    const comment = /^\s*#(.*)$/.exec(doc.line(n));
    if (comment) return /\bPowerShell\b/i.test(comment[1]!) && !/\bbash\b/i.test(comment[1]!);
  }
  return false;
}
