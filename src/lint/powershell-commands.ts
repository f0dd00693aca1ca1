// The PowerShell commands of a page as the rules read them: each command of each PowerShell step (its
// statements, parse/powershell-words.ts, nested `( … )`, `$( … )` and script blocks included), the cmdlet the
// table knows under its name, where an offset of the step's text is in the file, and PowerShell's named-parameter
// binding of each command — a splatted hashtable (`New-AzVM @params`, about_Splatting) included when the page
// assigns that hashtable literally, once, before: its keys are the command's parameter names, its one-token values their values.
import type { PsArg, PsValue, ShellStep } from '../model.ts';
import { allCommands, type PsCommand } from '../parse/powershell-words.ts';
import { findCmdlet, resolveParameter, type ParameterResolution, type PsCmdletEntry } from '../reference/powershell-cmdlets.ts';
import type { LintDocument } from './document.ts';

type Where = { line: number; column: number };

export interface PsCommandAt {
  step: ShellStep;
  command: PsCommand;
  /** The table's cmdlet of that name, when the table read it. */
  cmdlet: PsCmdletEntry | undefined;
  /** File line and 1-based column of an offset of the step's raw text. */
  at(offset: number): Where;
  /** The hashtables the page has assigned literally up to this command's step, by lower-cased variable name (undefined: assigned more than once). */
  hashtables: ReadonlyMap<string, SplatSource | undefined>;
}

export interface SplatSource {
  value: PsValue;
  at(offset: number): Where;
}

function locator(doc: LintDocument, step: ShellStep): (offset: number) => Where {
  const starts = [0];
  for (let k = 0; k < step.raw.length; k++) if (step.raw[k] === '\n') starts.push(k + 1);
  return (offset) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > offset) i--;
    const raw = step.raw.slice(starts[i], starts[i + 1] === undefined ? undefined : starts[i + 1]! - 1);
    const line = step.source.startLine + i;
    const file = doc.hasText ? doc.line(line) : raw;
    const indent = file.endsWith(raw) ? file.length - raw.length : 0; // the fence's indentation rawOf removed
    return { line, column: indent + offset - starts[i]! + 1 };
  };
}

export function eachPowerShellCommand(doc: LintDocument): PsCommandAt[] {
  const out: PsCommandAt[] = [];
  const hashtables = new Map<string, SplatSource | undefined>();
  for (const step of doc.tutorial.steps) {
    if (step.kind !== 'shell' || step.language !== 'powershell' || !step.powershell) continue;
    if (step.source.file && doc.file && step.source.file !== doc.file) continue; // an include's text is linted where it lives
    const at = locator(doc, step);
    for (const st of step.powershell) {
      if (!st.assignTo) continue;
      const key = st.assignTo.toLowerCase();
      const value = st.pipeline.length === 1 ? st.pipeline[0]!.expression : undefined;
      hashtables.set(key, !hashtables.has(key) && value?.kind === 'hashtable' && st.assignOp === '=' ? { value, at } : undefined);
    }
    // What `@name` splats is the hashtable assigned so far (PowerShell runs the steps in order), not one assigned further down.
    const assigned = new Map(hashtables);
    for (const command of allCommands(step.raw, step.powershell)) out.push({ step, command, cmdlet: findCmdlet(command.name), at, hashtables: assigned });
  }
  return out;
}

export interface PsBinding {
  /** The parameter as written, without its `-` (or a splatted hashtable's key). */
  written: string;
  /** Where the parameter (or the key) is written. */
  where: Where;
  resolution: ParameterResolution;
  /** The value bound to it: attached, the next argument when the parameter takes one, or the key's value when it is one token. */
  value: PsValue | undefined;
  /** Where the value is written (a splatted key's: in the hashtable). */
  valueWhere: Where | undefined;
  /** File line and column of an offset in the value (an array's item): the command's step, or the splatted hashtable's. */
  at(offset: number): Where;
  /** The next argument is another parameter, or there is none: PowerShell has no value for a non-switch parameter. */
  missingValue: boolean;
  /** The hashtable variable the parameter came from (`@params`). */
  splat?: string;
}

/**
 * A parameter the page wrote with its value glued on by "=" (`-dnsPrefix=<dns-prefix>`), which PowerShell never binds as
 * the page means: the reader (powershell-words.ts) has it as one parameter named `dnsPrefix=<dns-prefix>`, as PowerShell
 * does, or — a quote inside (`-key="<ssh-key>"`) — as one string argument passed by position. `name` is the parameter
 * the page meant, `value` the value as written, `quoted` which of the two PowerShell read.
 */
export interface GluedParameter {
  name: string;
  value: string;
  quoted: boolean;
}

export function gluedParameter(raw: string, arg: PsArg): GluedParameter | undefined {
  if (arg.param !== undefined) {
    const eq = arg.param.indexOf('=');
    if (eq <= 0) return undefined;
    const end = arg.value ? arg.value.offset + arg.value.text.length : arg.offset + 1 + arg.param.length; // `-a=b:c` as written
    return { name: arg.param.slice(0, eq), value: raw.slice(arg.offset + 1 + eq + 1, end), quoted: false };
  }
  const m = arg.value?.kind === 'bare' ? /^[-\u2013\u2014\u2015]([A-Za-z_?][^\s=&(),.;[{|}:'"]*)=(.*)$/s.exec(arg.value.text) : null;
  return m ? { name: m[1]!, value: m[2]!, quoted: true } : undefined;
}

/** PowerShell's named-parameter binding of one command against its cmdlet (about_Parameters); positional values are left alone. */
export function bindNamed(c: PsCommandAt): PsBinding[] {
  const out: PsBinding[] = [];
  if (!c.cmdlet) return out;
  const args = c.command.args;
  args.forEach((arg: PsArg, k) => {
    if (arg.param === undefined) {
      if (arg.value?.kind !== 'splat' || !arg.value.content) return;
      const source = c.hashtables.get(arg.value.content.toLowerCase());
      if (!source) return; // not assigned on the page, assigned twice, or not a literal hashtable: not judged
      // Each key binds as the named parameter of that name, its value (when one token, powershell-words.ts) as the value.
      for (const { key, keyOffset, value } of source.value.entries ?? []) {
        if (!/^[A-Za-z_]\w*$/.test(key)) continue;
        out.push({ written: key, where: source.at(keyOffset), resolution: resolveParameter(c.cmdlet!, key), value, valueWhere: value ? source.at(value.offset) : undefined, at: source.at, missingValue: false, splat: arg.value.content });
      }
      return;
    }
    // `-Name=value`: a parameter no cmdlet has, which powershell-parameter-equals reports; binding it to nothing here
    // keeps the value rules from judging "=value" and powershell-unknown-parameter from saying it twice.
    if (arg.param.includes('=')) return;
    const resolution = resolveParameter(c.cmdlet!, arg.param);
    const takesValue = resolution.kind === 'parameter' && !resolution.parameter.switch;
    const next = args[k + 1];
    const value = arg.value ?? (takesValue && next && next.param === undefined ? next.value : undefined);
    out.push({
      written: arg.param,
      where: c.at(arg.offset),
      resolution,
      value,
      valueWhere: value ? c.at(value.offset) : undefined,
      at: c.at,
      missingValue: takesValue && arg.value === undefined && (next === undefined || next.param !== undefined),
    });
  });
  return out;
}

/** The literal text of a value, or undefined when PowerShell computes it (variables, subexpressions) or a placeholder stands in it. */
export function psLiteral(v: PsValue): string | undefined {
  if (v.variables?.length) return undefined;
  const text = v.kind === 'string' || v.kind === 'expandable' ? v.content : v.kind === 'bare' ? v.text : undefined;
  if (text === undefined || text === '' || /[<>{}$`*]/.test(text)) return undefined;
  return text;
}

/** The binding of one declared parameter (by its name, however the page abbreviates or aliases it) on a command, when it is given. */
export function psParameter(c: PsCommandAt, name: string): PsBinding | undefined {
  const n = name.toLowerCase();
  return bindNamed(c).find((b) => b.resolution.kind === 'parameter' && b.resolution.parameter.name.toLowerCase() === n);
}

/** The commands of a page that run one of the named cmdlets (the table's spelling, compared without case). */
export function eachCmdlet(doc: LintDocument, ...names: string[]): (PsCommandAt & { cmdlet: PsCmdletEntry })[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return eachPowerShellCommand(doc).filter((c): c is PsCommandAt & { cmdlet: PsCmdletEntry } => c.cmdlet !== undefined && wanted.has(c.cmdlet.name.toLowerCase()));
}
