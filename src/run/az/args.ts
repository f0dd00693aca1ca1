// az's argument checking for a command with a REST equivalent, as az's argparse does it against the
// command table (src/reference/az-args.ts): a parameter's value kind (none, optional, required) from
// the table, az's own words and order for what it rejects (an option missing its value, required
// arguments missing, words nobody recognised) — an `az-usage` outcome with exit status 2, never a
// repaired command. The module's `options` map the parameters it reads to the names it reads them by.
import type { AzCommand } from '../../model.ts';
import { azArgumentError, readAzArgv, type AzRead } from '../../reference/az-args.ts';
import type { AzCommandInfo, AzParameter } from '../../reference/az-table.ts';
import { substitute, type SubstitutionScope } from '../substitute.ts';

export interface OptionSpec {
  dest: string;
  /** As az lists them (long name first, then short: "--container-name", "-c"); one must be a parameter of the command. */
  names: string[];
  /** The equivalent cannot run without it (az itself may accept the command without it: the table says). */
  required?: boolean;
  /** Documents a flag the module reads from `flags`; the table decides whether az gives it a value. */
  flag?: boolean;
}

export type ParsedArgs =
  /** `lists`: each option's words as bash split them (`values` joins them with spaces, as most equivalents read them). */
  | { ok: true; values: Record<string, string>; lists: Record<string, string[]>; flags: Set<string> }
  /** usage: az rejects the words (exit 2); unsupported: az accepts them but the equivalent here does not model them. */
  | { ok: false; kind: 'usage' | 'unsupported'; message: string };

/** A module option for a command the table does not list (one that left the reference): read as the module says. */
function specParameter(spec: OptionSpec): AzParameter {
  return { names: spec.names, value: spec.flag ? 'none' : 'required', evidence: 'command', required: false, multiple: false, enum: undefined, deprecatedNames: [], replacement: undefined, extension: undefined, extensionEnum: {}, global: false, positional: false };
}

export function parseArgs(cmd: AzCommand, specs: readonly OptionSpec[], scope: SubstitutionScope, opts: { expand?: boolean; command?: AzCommandInfo | undefined; path?: readonly string[] } = {}): ParsedArgs {
  // Words bash already expanded (the shell engine) are final: a literal `$x` in them stays.
  const expand = (word: string): string => (opts.expand === false ? word : substitute(word, scope));
  const argv = cmd.argv;
  // A command that left the reference has no table entry: its equivalent's options are all az is known to take.
  const command: AzCommandInfo = opts.command ?? { path: (opts.path ?? cmd.path).join(' '), words: opts.path ?? cmd.path, source: { kind: 'core' }, alsoIn: [], preview: false, experimental: false, deprecated: true, replacement: undefined, parameters: specs.map(specParameter) };
  const read: AzRead = readAzArgv(argv, command);
  const error = azArgumentError(argv, read, expand);
  if (error) return { ok: false, kind: 'usage', message: error };

  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const flags = new Set<string>();
  const unmodelled: string[] = [];
  for (const o of read.options) {
    if (o.lookup.kind !== 'parameter') continue;
    const p = o.lookup.parameter;
    const spec = specs.find((s) => s.names.some((n) => p.names.includes(n)));
    const name = p.names[0] ?? o.written;
    if (!spec && !p.global) {
      unmodelled.push(name);
      continue;
    }
    const dest = spec?.dest ?? name.replace(/^-+/, '');
    const given = o.inline !== undefined ? [o.inline] : o.values.map((k) => argv[k] as string);
    if (given.length === 0) flags.add(dest);
    else {
      lists[dest] = given.map(expand);
      values[dest] = lists[dest].join(' ');
    }
  }
  if (unmodelled.length > 0) {
    const names = [...new Set(unmodelled)];
    return { ok: false, kind: 'unsupported', message: `az accepts ${names.join(', ')} on 'az ${command.path}', but the REST equivalent here does not model ${names.length > 1 ? 'them' : 'it'}` };
  }
  const needed = specs.filter((s) => s.required && values[s.dest] === undefined && !flags.has(s.dest));
  if (needed.length > 0) {
    return { ok: false, kind: 'unsupported', message: `the REST equivalent of 'az ${command.path}' here needs ${needed.map((s) => s.names[0]).join(', ')}; az itself does not require ${needed.length > 1 ? 'them' : 'it'} (it reads the value elsewhere)` };
  }
  return { ok: true, values, lists, flags };
}
