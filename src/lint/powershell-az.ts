// az commands a page writes in a PowerShell fence (`azurepowershell-interactive`, backtick continuations):
// their command path, the bare words before the first option, as PowerShell passes them to az. The document
// keeps PowerShell steps out of the shell words the az rules read (PowerShell quoting and `$names` are not
// bash's), so a rule that judges only the command path (az-retired-command) reads them here.
import type { ShellStep } from '../model.ts';
import type { LintDocument } from './document.ts';
import { eachPowerShellCommand } from './powershell-commands.ts';

export interface PsAzAt {
  step: ShellStep;
  /** The command path as written: `cosmosdb dts copy`. */
  path: string[];
  /** Where the first word of the path is. */
  where: { line: number; column: number };
}

export function eachAzInPowerShell(doc: LintDocument): PsAzAt[] {
  const out: PsAzAt[] = [];
  for (const c of eachPowerShellCommand(doc)) {
    if (c.command.name.toLowerCase() !== 'az' && c.command.name.toLowerCase() !== 'az.cmd') continue;
    const path: string[] = [];
    let first: number | undefined;
    for (const a of c.command.args) {
      // Only literal words name a command: `az $group show` or `az @args` is the reader's to fill.
      if (a.param !== undefined || a.value?.kind !== 'bare' || a.value.text.startsWith('-')) break;
      first ??= a.offset;
      path.push(a.value.text);
    }
    if (path.length === 0 || first === undefined) continue;
    out.push({ step: c.step, path, where: c.at(first) });
  }
  return out;
}
