// Runs PowerShell statements as the http engine can: each command of a pipeline is an Azure
// PowerShell cmdlet with a REST equivalent here (cmdlets/) or one of the few PowerShell built-ins a
// page uses around them (Write-Host, Write-Output, ConvertTo-SecureString, Out-Null, Select-Object
// -ExpandProperty); values are read as PowerShell reads them (expand.ts) and `$x = …` keeps the
// objects a cmdlet returned for later statements. What is neither (another cmdlet, a keyword
// statement, a script block, an operator expression) is `unsupported`, naming it.
import type { PsCommand, PsStatement, PsValue, UnsupportedReason } from '../../model.ts';
import { bindArguments, groupedStatements } from '../../parse/powershell-words.ts';
import type { StepContext } from '../context.ts';
import type { ObservedExchange } from '../observation.ts';
import { findCmdlet, resolveParameter } from '../../reference/powershell-cmdlets.ts';
import { findParameter, type PsCmdletModule, type PsParameterSpec, type PsResult } from './cmdlet.ts';
import { PS_CMDLETS } from './cmdlets/index.ts';
import { evaluateExpression, expandString, variable, type Evaluated } from './expand.ts';
import { PsHashtable, PsObject, psString, type PsData, type PsVariables } from './values.ts';

export interface PsRun {
  ctx: StepContext;
  vars: PsVariables;
  exchanges: ObservedExchange[];
  substitutions: string[];
  /** What Write-Host and the statements' output printed, in order. */
  stdout: string;
}

/** The outcome of one statement or command: its output, its error (PowerShell's "<Cmdlet>: message"), or what is not modelled. */
export type PsRan = { values: PsData[] } | { error: string } | { unsupported: string; reason?: UnsupportedReason };

const lookup = (name: string): PsCmdletModule | undefined => PS_CMDLETS.get(name.toLowerCase());

/**
 * What a parameter written on a modelled cmdlet binds to. Where the generated cmdlet reference
 * (src/reference/powershell-cmdlets.json) knows the cmdlet, PowerShell's own binding over it decides:
 * a name the cmdlet does not have is PowerShell's error, the page's; a real parameter the equivalent
 * does not read is `unsupported`, naming it. Without a reference entry (a PowerShell built-in), the
 * equivalent's own declaration is all that is known: anything else is `unsupported`.
 */
export function resolveArg(module: PsCmdletModule, written: string): { spec: PsParameterSpec } | { unsupported: string } | { error: string } {
  const entry = findCmdlet(module.name);
  if (entry !== undefined) {
    const r = resolveParameter(entry, written);
    // A parameter a later release added is real but not modelled; one the help lacks is PowerShell's error only
    // where the help was compared with the module's ChangeLog (else a later release may have added it).
    if (r.kind === 'later') return { unsupported: `${module.name} -${r.name} (${r.release.startsWith('Version') ? `added in Az ${entry.module} ${r.release}` : r.release}) is not modelled by its equivalent here` };
    if (r.kind === 'unknown' && entry.freshness.checked === 'unknown') return { unsupported: `${module.name} -${written} is not in its help at ${entry.source.commit.slice(0, 7)}, which was not compared with the module's ChangeLog` };
    if (r.kind === 'unknown') return { error: `A parameter cannot be found that matches parameter name '${written}'.` };
    if (r.kind === 'ambiguous') return { error: `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include: ${r.candidates.map((c) => `-${c.name}`).join(' ')}.` };
    const spec = module.parameters.find((p) => p.name.toLowerCase() === r.parameter.name.toLowerCase());
    return spec ? { spec } : { unsupported: `${module.name} -${r.parameter.name} is not modelled by its equivalent here` };
  }
  const found = findParameter(written, module.parameters);
  if (found === undefined) return { unsupported: `${module.name} -${written} is not modelled by its equivalent here` };
  if ('ambiguous' in found) return { error: `Parameter cannot be processed because the parameter name '${written}' is ambiguous. Possible matches include: ${found.ambiguous.map((n) => `-${n}`).join(' ')}.` };
  return found;
}

/** Why this tool cannot run the command as written, or undefined when an equivalent reads every argument (or PowerShell rejects one, which runs and fails). */
export function commandUnsupported(cmd: PsCommand): string | undefined {
  if (cmd.invocation) return `the ${cmd.invocation} call operator`;
  if (cmd.redirections?.length) return `the redirection ${cmd.redirections.join(' ')}`;
  const module = lookup(cmd.name);
  if (!module) return `the command ${cmd.name} has no REST equivalent or model here`;
  for (const a of cmd.args) {
    if (a.param === undefined) continue;
    const r = resolveArg(module, a.param);
    if ('unsupported' in r) return r.unsupported;
  }
  return undefined;
}

/** Every PowerShell value kind this tool evaluates (member chains, strings, lists, hashtables of those, a grouped command). */
export function valueUnsupported(v: PsValue): string | undefined {
  switch (v.kind) {
    case 'splat':
      return `splatting (${v.text})`;
    case 'scriptblock':
      return `a script block ${v.text.slice(0, 40)}`;
    case 'array':
      return (v.items ?? []).map(valueUnsupported).find((m) => m !== undefined);
    default:
      return undefined;
  }
}

/** Binds a command's arguments to its equivalent's parameters as PowerShell's binder does: named first, then positional values to the unbound positional parameters in position order. */
async function bind(module: PsCmdletModule, cmd: PsCommand, run: PsRun): Promise<{ args: Map<string, PsData>; switches: Set<string> } | { unsupported: string } | { error: string }> {
  const args = new Map<string, PsData>();
  const switches = new Set<string>();
  const positional: PsValue[] = [];
  const isSwitch = (p: string): boolean => {
    const r = resolveArg(module, p);
    return 'spec' in r && r.spec.switch === true;
  };
  for (const a of bindArguments(cmd.args, isSwitch)) {
    if (a.param === undefined) {
      if (a.value) positional.push(a.value);
      continue;
    }
    const found = resolveArg(module, a.param);
    if (!('spec' in found)) return found;
    const spec = found.spec;
    if (spec.switch && a.value === undefined) {
      switches.add(spec.name);
      continue;
    }
    if (a.value === undefined) return { error: `Missing an argument for parameter '${spec.name}'. Specify a parameter of type 'System.String' and try again.` };
    const got = await evaluate(a.value, run);
    if (!('value' in got)) return got;
    // `-Switch:$false` leaves the switch off.
    if (spec.switch) {
      if (got.value === true) switches.add(spec.name);
    } else args.set(spec.name, got.value);
  }
  const free = module.parameters.filter((p) => p.position !== undefined && !args.has(p.name)).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  for (const [i, v] of positional.entries()) {
    const spec = free[i];
    if (!spec) return { error: `A positional parameter cannot be found that accepts argument '${v.text}'.` };
    const got = await evaluate(v, run);
    if (!('value' in got)) return got;
    args.set(spec.name, got.value);
  }
  return { args, switches };
}

/** `@{ Key = value; … }` with values this tool evaluates. */
async function hashtable(text: string, run: PsRun): Promise<Evaluated | { error: string }> {
  const table = new PsHashtable();
  const body = text.replace(/^@\{/, '').replace(/\}$/, '');
  const entry = /\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_][\w.-]*))\s*=\s*('(?:[^']|'')*'|"(?:[^"`]|`.|"")*"|\$[\w:.]+|[^;\r\n]+?)\s*(?:[;\r\n]+|$)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < body.length && (m = entry.exec(body)) !== null) {
    at = entry.lastIndex;
    const got = evaluateExpression(m[4]!.trim(), run.vars);
    const value = 'value' in got ? got : /^[\w.-]+$/.test(m[4]!.trim()) ? { value: m[4]!.trim() } : got;
    if (!('value' in value)) return value;
    table.set(m[1] ?? m[2] ?? m[3] ?? '', value.value);
  }
  if (body.slice(at).trim() !== '') return { unsupported: `the hashtable ${text} (only Key = value entries are read here)` };
  return { value: table };
}

/** A value as PowerShell computes it before binding it. */
export async function evaluate(v: PsValue, run: PsRun): Promise<Evaluated | { error: string }> {
  switch (v.kind) {
    case 'string':
      return { value: v.content ?? '' };
    case 'expandable':
      return expandString(v.content ?? '', run.vars);
    case 'bare':
      return expandString(v.text, run.vars, { quoted: false });
    case 'variable':
      return variable(v.content ?? '', run.vars);
    case 'member':
      return /\)\s*$|\(/.test(v.text.replace(/^\$\{[^}]*\}/, '')) ? { unsupported: `the method call in ${v.text}` } : evaluateExpression(v.text, run.vars);
    case 'number':
      return /^[+-]?\d+(?:\.\d+)?$/.test(v.text) ? { value: Number(v.text) } : { unsupported: `the number ${v.text}` };
    case 'bool':
      return { value: /^\$true$/i.test(v.text) };
    case 'null':
      return { value: null };
    case 'array': {
      const out: PsData[] = [];
      for (const item of v.items ?? []) {
        const got = await evaluate(item, run);
        if (!('value' in got)) return got;
        out.push(got.value);
      }
      return { value: out };
    }
    case 'hashtable':
      return hashtable(v.text, run);
    case 'subexpression':
    case 'expression':
      return grouped(v.text, run);
    default:
      return { unsupported: `${v.kind} ${v.text.slice(0, 60)}` };
  }
}

/** `(Get-AzStorageAccount …).Context`, `$( … )`, `($x.Prop)`: a grouped statement and the members read from it. */
async function grouped(text: string, run: PsRun): Promise<Evaluated | { error: string }> {
  const plain = evaluateExpression(text, run.vars);
  if ('value' in plain || !/^\$?\(/.test(text)) return plain;
  const group = groupedStatements(text);
  if (group === undefined || group.statements.length !== 1) return { unsupported: `the expression ${text}` };
  const statements = group.statements;
  const ran = await runStatement(statements[0]!, run);
  if (!('values' in ran)) return ran;
  const value: PsData = ran.values.length === 1 ? ran.values[0]! : ran.values;
  const rest = group.rest;
  if (rest.trim() === '') return { value };
  const scratch = new (run.vars.constructor as new () => PsVariables)();
  scratch.set('__grouped', value);
  return evaluateExpression(`$__grouped${rest}`, scratch);
}

/** Runs one command with its pipeline input (the objects the command before it wrote). */
async function runCommand(cmd: PsCommand, input: PsData[] | undefined, run: PsRun): Promise<PsRan> {
  if (cmd.expression) {
    if (input !== undefined) return { unsupported: `an expression after | (${cmd.expression.text})` };
    const got = await evaluate(cmd.expression, run);
    return 'value' in got ? { values: [got.value] } : got;
  }
  const why = commandUnsupported(cmd);
  if (why !== undefined) return { unsupported: why };
  const module = lookup(cmd.name)!;
  const bound = await bind(module, cmd, run);
  if (!('args' in bound)) return 'error' in bound ? { error: `${module.name}: ${bound.error}` } : bound;
  if (input !== undefined && module.name !== 'Out-Null' && module.name !== 'Select-Object') return { unsupported: `pipeline input to ${module.name}` };
  const args = input !== undefined ? new Map([...bound.args, ['InputObject', input]]) : bound.args;
  const done: PsResult = await module.run({ args, switches: bound.switches, ctx: run.ctx, vars: run.vars });
  run.exchanges.push(...done.exchanges);
  if (done.substitution) run.substitutions.push(done.substitution);
  if (done.host !== undefined) run.stdout += done.host;
  if (done.unsupported !== undefined) return { unsupported: done.unsupported, ...(done.unsupportedReason !== undefined ? { reason: done.unsupportedReason } : {}) };
  if (done.error !== undefined) return { error: `${module.name}: ${done.error}` };
  return { values: done.output };
}

/** Runs a statement: its pipeline, then the assignment (the output goes into the variable, nothing is printed). */
export async function runStatement(st: PsStatement, run: PsRun): Promise<PsRan> {
  if (st.keyword) return { unsupported: `the ${st.keyword} statement` };
  if (st.assignOp !== undefined && st.assignOp !== '=') return { unsupported: `the ${st.assignOp} assignment` };
  let values: PsData[] | undefined;
  for (const cmd of st.pipeline) {
    const ran = await runCommand(cmd, values, run);
    if (!('values' in ran)) return ran;
    values = ran.values;
  }
  const out = values ?? [];
  if (st.assignTo !== undefined) {
    run.vars.set(st.assignTo, out.length === 0 ? null : out.length === 1 ? out[0]! : out);
    return { values: [] };
  }
  return { values: out };
}

/** A parameter bound as a string (a name, a location): PowerShell converts the value; an object becomes its ToString. */
export function stringArg(value: PsData | undefined): { value: string } | { unsupported: string } | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof PsObject) return { unsupported: `a ${value.typeName} object given where a string is bound (PowerShell passes its ToString())` };
  return { value: psString(value) };
}
