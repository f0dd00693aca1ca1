// The PowerShell commands of a page as the rules read them: each command of each PowerShell step (its
// statements, parse/powershell-words.ts, nested `( … )`, `$( … )` and script blocks included), the cmdlet the
// table knows under its name, and where an offset of the step's text is in the file.
import type { PsArg, PsValue, ShellStep } from '../model.ts';
import { allCommands, type PsCommand } from '../parse/powershell-words.ts';
import { findCmdlet, resolveParameter, type ParameterResolution, type PsCmdletEntry } from '../reference/powershell-cmdlets.ts';
import type { LintDocument } from './document.ts';

export interface PsCommandAt {
  step: ShellStep;
  command: PsCommand;
  /** The table's cmdlet of that name, when the table read it. */
  cmdlet: PsCmdletEntry | undefined;
  /** File line and 1-based column of an offset of the step's raw text. */
  at(offset: number): { line: number; column: number };
}

export function eachPowerShellCommand(doc: LintDocument): PsCommandAt[] {
  const out: PsCommandAt[] = [];
  for (const step of doc.tutorial.steps) {
    if (step.kind !== 'shell' || step.language !== 'powershell' || !step.powershell) continue;
    if (step.source.file && doc.file && step.source.file !== doc.file) continue; // an include's text is linted where it lives
    const starts = [0];
    for (let k = 0; k < step.raw.length; k++) if (step.raw[k] === '\n') starts.push(k + 1);
    const at = (offset: number): { line: number; column: number } => {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > offset) i--;
      const raw = step.raw.slice(starts[i], starts[i + 1] === undefined ? undefined : starts[i + 1]! - 1);
      const line = step.source.startLine + i;
      const file = doc.hasText ? doc.line(line) : raw;
      const indent = file.endsWith(raw) ? file.length - raw.length : 0; // the fence's indentation rawOf removed
      return { line, column: indent + offset - starts[i]! + 1 };
    };
    for (const command of allCommands(step.raw, step.powershell)) out.push({ step, command, cmdlet: findCmdlet(command.name), at });
  }
  return out;
}

export interface PsBinding {
  /** The argument that names the parameter (`-Name`, `-Name:value`). */
  arg: PsArg;
  /** The parameter as written, without its `-`. */
  written: string;
  resolution: ParameterResolution;
  /** The value bound to it: attached, or the next argument when the parameter takes one. */
  value: PsValue | undefined;
  /** The next argument is another parameter, or there is none: PowerShell has no value for a non-switch parameter. */
  missingValue: boolean;
}

/** PowerShell's named-parameter binding of one command against its cmdlet (about_Parameters); positional values are left alone. */
export function bindNamed(c: PsCommandAt): PsBinding[] {
  const out: PsBinding[] = [];
  if (!c.cmdlet) return out;
  const args = c.command.args;
  args.forEach((arg, k) => {
    if (arg.param === undefined) return;
    const resolution = resolveParameter(c.cmdlet!, arg.param);
    const takesValue = resolution.kind === 'parameter' && !resolution.parameter.switch;
    const next = args[k + 1];
    const value = arg.value ?? (takesValue && next && next.param === undefined ? next.value : undefined);
    out.push({ arg, written: arg.param, resolution, value, missingValue: takesValue && arg.value === undefined && (next === undefined || next.param !== undefined) });
  });
  return out;
}
