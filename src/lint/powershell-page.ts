// A page that tells its reader to run its commands in PowerShell, then writes PowerShell (backtick
// continuations, `$name = …`) in azurecli blocks: "Open Azure Cloud Shell or your local Azure CLI to
// run the commands in this article. In Azure Cloud Shell, you might need to select **Switch to
// PowerShell**." (azure-management-docs @d923d588, azure-arc/agents-tools-foundry-local/
// quickstart-edge-rag.md). A reader who follows the page is in PowerShell, where those blocks work;
// what bash would do with them is no certain failure. The blocks' tag still says Azure CLI in Bash:
// powershell-in-bash-fence says that once per block, as a warning.
import type { Step } from '../model.ts';
import type { LintDocument } from './document.ts';

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
