// One typed table of options per command, used both to parse the command line (node:util parseArgs)
// and to print the command's help (./help.ts), so the help can neither miss an option the parser
// takes nor describe one it does not. No dependency: parseArgs covers what the commands need (long
// and short names, repeated options, `--name=value`), and the CLI's start-up time matters.
import { parseArgs } from 'node:util';
import { ToolError } from '../errors.ts';

export interface OptionDef {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** May be given more than once; the values are kept in order. */
  readonly multiple?: boolean;
  /** The value's name in help: FILE, DIR, N, TEXT. */
  readonly value?: string;
  /** The only values accepted (each value, for a repeated option); the parser checks them. */
  readonly choices?: readonly string[];
  readonly default?: string | boolean | readonly string[];
  /** The default as help says it, when the literal value is not the whole story. */
  readonly defaultText?: string;
  readonly required?: boolean;
  readonly description: string;
  /** Kept for compatibility: another spelling of this option (help says so). */
  readonly aliasOf?: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Longer explanation printed under the usage line. */
  readonly details?: readonly string[];
  /** Positional arguments, if the command takes any. */
  readonly arguments?: { readonly name: string; readonly description: string; readonly defaultText?: string; readonly exactlyOne?: true };
  readonly options: Readonly<Record<string, OptionDef>>;
  readonly exitCodes: readonly (readonly [code: string, meaning: string])[];
  readonly examples: readonly (readonly [command: string, what: string])[];
}

type Scalar<O extends OptionDef> = O extends { type: 'boolean' } ? boolean : O extends { choices: readonly (infer C extends string)[] } ? C : string;
type Value<O extends OptionDef> = O extends { multiple: true } ? Scalar<O>[] : Scalar<O>;
type Always<O extends OptionDef> = O extends { type: 'boolean' } | { multiple: true } | { default: unknown } | { required: true } ? true : false;
/** The parsed values of an option table: an option without a default may be undefined. */
export type OptionValues<Os extends Readonly<Record<string, OptionDef>>> = { -readonly [K in keyof Os]: Always<Os[K]> extends true ? Value<Os[K]> : Value<Os[K]> | undefined };

export interface Parsed<S extends CommandSpec> {
  values: OptionValues<S['options']>;
  positionals: string[];
  /** `--help` / `-h` was given: print the help, parse nothing else. */
  help: boolean;
}

/** `-h, --help` belongs to every command; the parser and the help both add it. */
export const HELP_OPTION: OptionDef = { type: 'boolean', short: 'h', description: 'print this help and exit' };

/** Every option a command's parser accepts, `help` included. */
export function parserOptions(spec: CommandSpec): Record<string, OptionDef> {
  return { ...spec.options, help: HELP_OPTION };
}

/** How to find the whole story, appended to every usage error. */
export function helpHint(command: string): string {
  return `see 'tutorial-conformance help ${command}'`;
}

function usageError(spec: CommandSpec, message: string): ToolError {
  return new ToolError('E_USAGE', `${message} (${helpHint(spec.name)})`);
}

/** Edit distance with adjacent transpositions (gerp → grep is one edit), for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = v;
    }
  }
  return at(a.length, b.length);
}

/** The option a mistyped `--name` most likely meant, if one is close. */
export function closestOption(spec: CommandSpec, given: string): string | undefined {
  const name = given.replace(/^-+/, '').replace(/=.*$/, '');
  let best: { name: string; d: number } | undefined;
  for (const candidate of Object.keys(parserOptions(spec))) {
    const d = distance(name, candidate);
    if (d <= Math.max(1, Math.floor(candidate.length / 3)) && (best === undefined || d < best.d)) best = { name: candidate, d };
  }
  return best && `--${best.name}`;
}

function choicesText(choices: readonly string[]): string {
  return choices.length === 2 ? `${choices[0]} or ${choices[1]}` : `one of ${choices.join(', ')}`;
}

/** parseArgs' own messages name the option; ours say what to do about it. */
function explain(spec: CommandSpec, err: Error & { code?: string }): ToolError {
  // "Unknown option '--nope'", "Option '-v, --verbose' does not take an argument", "Option '--out <value>' argument missing"
  const option = /'(?:-\w, )?(--?[^' =,]+)/.exec(err.message)?.[1] ?? '';
  const def = parserOptions(spec)[option.replace(/^-+/, '')] ?? Object.entries(parserOptions(spec)).find(([, d]) => d.short !== undefined && `-${d.short}` === option)?.[1];
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const near = closestOption(spec, option);
      return usageError(spec, `unknown option ${option}${near !== undefined ? ` (did you mean ${near}?)` : ''}`);
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (def?.type === 'boolean') return usageError(spec, `${option} takes no value`);
      if (/ambiguous/.test(err.message)) return usageError(spec, `${option} needs a value (${def?.value ?? 'VALUE'}); to give one that starts with '-', write ${option}=VALUE`);
      return usageError(spec, `${option} needs a value (${def?.value ?? 'VALUE'})`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /'([^']*)'/.exec(err.message)?.[1] ?? '';
      return usageError(spec, `unexpected argument '${arg}': '${spec.name}' takes options only`);
    }
    default:
      return usageError(spec, err.message);
  }
}

/**
 * Parse `argv` for `spec`. Usage errors are ToolErrors (E_USAGE, exit 2) that name the option, what
 * it takes and where the help is; values outside an option's choices are refused here.
 */
export function parseCommand<const S extends CommandSpec>(spec: S, argv: readonly string[]): Parsed<S> {
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean | string[] }> = {};
  for (const [name, d] of Object.entries(parserOptions(spec))) {
    config[name] = {
      type: d.type,
      ...(d.short !== undefined ? { short: d.short } : {}),
      ...(d.multiple === true ? { multiple: true } : {}),
      ...(d.default !== undefined ? { default: Array.isArray(d.default) ? [...(d.default as readonly string[])] : (d.default as string | boolean) } : {}),
    };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: spec.arguments !== undefined, strict: true });
  } catch (err) {
    throw explain(spec, err as Error & { code?: string });
  }
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const help = values['help'] === true;
  delete values['help'];
  if (!help) {
    for (const [name, d] of Object.entries(spec.options)) {
      const v = values[name];
      if (d.type === 'boolean' && v === undefined) values[name] = false;
      if (d.required === true && v === undefined) throw usageError(spec, `--${name} is required (${d.value ?? 'VALUE'}: ${d.description})`);
      if (d.choices === undefined || v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) {
        if (typeof one === 'string' && !d.choices.includes(one)) throw usageError(spec, `--${name} must be ${choicesText(d.choices)}, not '${one}'`);
      }
    }
  }
  return { values: values as OptionValues<S['options']>, positionals: parsed.positionals, help };
}
