// An az command line read as az's argparse reads it, against the command table: which words spell
// the command, which word names which parameter (aliases, `--name=value`, `-gvalue`, unambiguous
// prefixes), which words are each option's values by the parameter's value kind (none, optional,
// required), and what az would stop with. One reader for the runner (src/run/az/args.ts), lint and
// the suggestions, over plain strings: callers that keep word positions index back into their words.
import { configuredDefaultKey } from './az-configured-defaults.ts';
import { azCommand, findCommand, parameter, type AzCommandInfo, type AzLookup, type AzParameter, type AzParameterLookup } from './az-table.ts';

export interface AzReadOption {
  /** Index of the option word in argv. */
  at: number;
  /** The option name as written (`--name`, `-g`, `--resource-gr`), without an inline value. */
  written: string;
  lookup: AzParameterLookup;
  /** `--name=value` or `-gvalue`. */
  inline: string | undefined;
  /** Indices of the words taken as its values. */
  values: number[];
  /**
   * The parameter needs a value and none follows: az stops with "expected one argument". `sure` is
   * false when only az's default (evidence `none`) says it takes one: a flag looks the same.
   */
  missingValue: { sure: boolean } | undefined;
}

export interface AzRead {
  /** The table's answer for the command path. */
  found: AzLookup;
  /** How many argv words spell the command path (or the group, or up to the unknown word). */
  pathLength: number;
  options: AzReadOption[];
  /** Indices of the words no option took: the command's positional arguments, or extras. */
  positionals: number[];
  /** The line asks for help (-h/--help): az prints the help of the command or group and exits 0, whatever else is missing. */
  help: boolean;
}

/**
 * `az group create --help`, `az healthcareapis -h`: knack adds -h/--help to every command and group
 * parser (argparse's help action prints the usage and exits 0 as soon as it is read), so az checks
 * neither required arguments nor the other words: the page asks for the help text, not a run.
 */
export function asksForHelp(words: readonly string[]): boolean {
  return words.some((w) => w === '--help' || w === '-h');
}

/**
 * argparse's test: a word that starts with "-" and is not a negative number or a word with a space.
 * argparse (_parse_optional) splits `--name=value` at "=" and looks the name up before it looks for a
 * space, so only a space before the "=" makes it a positional: `--name=<your resource group name>`
 * (a placeholder the reader replaces) is --name with a value.
 */
export function looksLikeOption(word: string): boolean {
  if (word.length < 2 || word.charCodeAt(0) !== 45 /* - */) return false;
  if (/^-\d+$|^-\d*\.\d+$/.test(word)) return false;
  const eq = word.startsWith('--') ? word.indexOf('=') : -1;
  return !(eq > 0 ? word.slice(0, eq) : word).includes(' ');
}

/** How many values a parameter of this kind takes from the words that follow it (argparse's nargs). */
function valueCount(p: AzParameter, following: readonly string[], genericUpdate = false): number {
  let n = 0;
  while (n < following.length && !looksLikeOption(following[n] as string) && following[n] !== '--') n++;
  if (p.value === 'none') return 0;
  // az deployment's --parameters is nargs='+' with action='append' (key=value pairs after one flag),
  // which the generated table does not mark as multiple. --tags is azure-cli core's tags_type
  // (azure/cli/core/commands/parameters.py: nargs='*'), which commands reuse without their reference
  // entry saying "space-separated" (az tag create/update: resource/_params.py, c.argument('tags', tags_type)).
  // Taking more words can only drop an "unrecognized arguments" error, never add one.
  // A generic update command (one with --force-string) takes --set KEY=VALUE …, --add LIST KEY=VALUE …
  // and --remove LIST INDEX as nargs='+' (azure-cli core azure/cli/core/commands/arm.py,
  // _cli_generic_update_command): "--remove delegations 0" is one option with two values.
  if (genericUpdate && ['--set', '--add', '--remove'].some((n) => p.names.includes(n))) return n;
  if (p.multiple || p.names.includes('--parameters') || p.names.includes('--tags')) return n; // nargs '+' or '*'
  return Math.min(n, 1); // one value, or '?'
}

/**
 * Read argv (the words after `az`). `command` reads the words as that command's (an equivalent of a
 * command the table no longer lists); otherwise the table finds the command. Never throws.
 */
export function readAzArgv(argv: readonly string[], command?: AzCommandInfo): AzRead {
  let firstOption = argv.findIndex((w) => w.startsWith('-'));
  if (firstOption < 0) firstOption = argv.length;
  const found: AzLookup = command ? { kind: 'command', command, rest: argv.slice(command.words.length) } : findCommand(argv.slice(0, firstOption));
  const pathLength = found.kind === 'command' ? found.command.words.length : found.kind === 'group' ? (found.path === '' ? 0 : found.path.split(' ').length) : (found.group === '' ? 0 : found.group.split(' ').length) + 1;
  const info: AzCommandInfo | undefined = found.kind === 'command' ? found.command : undefined;
  const read: AzRead = { found, pathLength, options: [], positionals: [], help: asksForHelp(argv.slice(pathLength)) };
  let endOfOptions = false;
  // argparse reads a bare "--" as the end of the options, never as an abbreviation of every long
  // option (CPython Lib/argparse.py _parse_known_args: "all args after -- are non-options"). The
  // words after it are positionals; a command with no positional parameter leaves the "--" itself
  // among the extras too: Python 3.11–3.13 print "unrecognized arguments: --" for
  // `az keyvault key delete --name x --` (and "-- --object-id y" when more follows).
  const takesPositional = info?.parameters.some((p) => p.positional) ?? false;
  for (let k = pathLength; k < argv.length; k++) {
    const word = argv[k] as string;
    if (word === '--' && !endOfOptions) {
      endOfOptions = true;
      if (info && !takesPositional) read.positionals.push(k);
      continue;
    }
    if (endOfOptions || !looksLikeOption(word)) {
      read.positionals.push(k);
      continue;
    }
    const lookup: AzParameterLookup = info ? parameter(info, word) : { kind: 'unknown', written: word };
    const inline = lookup.kind === 'parameter' ? lookup.inlineValue : undefined;
    const written = lookup.kind === 'parameter' && inline !== undefined ? word.slice(0, word.length - inline.length - (word.startsWith('--') ? 1 : 0)).replace(/=$/, '') : lookup.written;
    const option: AzReadOption = { at: k, written, lookup, inline, values: [], missingValue: undefined };
    read.options.push(option);
    if (lookup.kind !== 'parameter' || inline !== undefined) continue;
    const p = lookup.parameter;
    const take = valueCount(p, argv.slice(k + 1), info?.parameters.some((q) => q.names.includes('--force-string')) ?? false);
    for (let v = 1; v <= take; v++) option.values.push(k + v);
    k += take;
    if (take === 0 && p.value === 'required') option.missingValue = { sure: p.evidence !== 'none' };
  }
  return read;
}

/** A placeholder that stands for the options themselves (`<parameters>`, `[options]`, `<other-args>`), not for one value. */
const OPTIONS_PLACEHOLDER = /^[<[{][\w -]*?\b(?:param(?:eter)?s?|options?|args?|arguments?|flags?)[>\]}]$/i;

/**
 * `az aks nodepool add ... --max-pods 20`: the page elides the options the reader already has, so what
 * az would say of the words left is not what the page asks the reader to run. So does a placeholder
 * for them: `az k8s-configuration flux create <parameters> --debug` (azure-management-docs
 * azure-arc/kubernetes/extensions-troubleshooting.md:28, "run these Azure CLI commands with the --debug parameter").
 */
export function elides(words: readonly string[]): boolean {
  return words.some((w) => w === '...' || w === '…' || OPTIONS_PLACEHOLDER.test(w));
}

const NOT_LITERAL = /[<>{}$[\]`*]/;
const BOOL_WORDS = new Set(['0', '1', 'f', 'false', 'n', 'no', 't', 'true', 'y', 'yes']);

/**
 * Whether az refuses `value` for `p`, a parameter with a fixed set of values (the reference's accepted
 * values; az compares case-insensitively, CaseInsensitiveList). Only a literal word is judged (a
 * placeholder or a variable is the reader's to fill), never a boolean flag's spelling, a global
 * option, or a parameter an extension adds; a value an extension's definition of the command accepts
 * (aks-preview's az aks create --os-sku AzureLinuxOSGuard) is accepted, as az does with it installed.
 */
export function enumRejects(p: AzParameter, value: string): boolean {
  if (!p.enum || p.extension !== undefined || p.global || value === '' || NOT_LITERAL.test(value)) return false;
  const v = value.toLowerCase();
  const accepted = new Set(p.enum.map((x) => x.toLowerCase()));
  if (accepted.has(v)) return false;
  if ([...accepted].every((x) => BOOL_WORDS.has(x)) && BOOL_WORDS.has(v)) return false;
  return !Object.values(p.extensionValues ?? {}).some((list) => list.some((x) => x === '*' || x.toLowerCase() === v));
}

/** The option names az lists for a parameter in its messages: "--name/-n". */
export function azOptionNames(p: AzParameter): string {
  return p.names.join('/');
}

/**
 * What az stops with before it calls anything, in argparse's order: an option missing its value,
 * an ambiguous prefix or a value outside its choices, then required arguments missing, then words nobody recognised. Undefined when
 * the arguments parse. Only what the table is sure of: a value az's default alone says a parameter
 * takes (evidence `none`) is never reported. `show` writes an argv word into the message (the runner
 * shows the value it substituted).
 */
export function azArgumentError(argv: readonly string[], read: AzRead = readAzArgv(argv), show: (word: string) => string = (w) => w): string | undefined {
  if (read.found.kind !== 'command' || read.help) return undefined;
  if (elides(argv)) return undefined;
  const core = read.found.command.source.kind !== 'extension';
  for (const o of read.options) {
    if (o.lookup.kind === 'ambiguous') return `ambiguous option: ${o.lookup.written} could match ${o.lookup.candidates.join(', ')}`;
    if (o.lookup.kind === 'parameter' && o.missingValue?.sure) return `argument ${azOptionNames(o.lookup.parameter)}: expected one argument`;
    // argparse checks a value against the choices as it reads the option, before the required ones
    // (azure-cli parser.py _check_value: "{prog}: '{value}' is not a valid value for '{param}'. Allowed values: {choices}.").
    if (o.lookup.kind === 'parameter' && core) {
      const p = o.lookup.parameter;
      const given = o.inline !== undefined ? [o.inline] : o.values.map((k) => argv[k] as string);
      const bad = given.find((v) => enumRejects(p, v));
      if (bad !== undefined) return `az ${read.found.command.path}: '${show(bad)}' is not a valid value for '${p.names[0] ?? o.written}'. Allowed values: ${p.enum?.join(', ')}.`;
    }
  }
  // A parameter az can take from `az configure --defaults <key>=…` (the registry of az acr, the app of
  // az webapp…) may come from the reader's configuration or from a configure step of the page, which
  // the runner does not model: az's "required" message is not certain, so it is not claimed.
  const path = read.found.command.path;
  const missing = missingRequired(read).filter((p) => configuredDefaultKey(path, p.names) === undefined);
  if (missing.length > 0) return `the following arguments are required: ${missing.map((p) => (p.positional ? p.names[0] : azOptionNames(p))).join(', ')}`;
  const extras = unrecognized(read);
  if (extras.length > 0) return `unrecognized arguments: ${extras.map((k) => show(argv[k] as string)).join(' ')}`;
  return undefined;
}

/** The required parameters no word gives (positional ones when no positional word is there). */
export function missingRequired(read: AzRead): AzParameter[] {
  if (read.found.kind !== 'command' || read.help) return [];
  const given = new Set<AzParameter>();
  for (const o of read.options) if (o.lookup.kind === 'parameter') given.add(o.lookup.parameter);
  const params = read.found.command.parameters;
  const missing = params.filter((p) => p.required && !p.positional && !given.has(p));
  if (read.positionals.length === 0) missing.push(...params.filter((p) => p.required && p.positional));
  return missing;
}

/** Indices of the words argparse leaves over, in argv order: unknown options, and stray words when the command takes no positional. */
export function unrecognized(read: AzRead): number[] {
  if (read.found.kind !== 'command' || read.help) return [];
  const extras: number[] = [];
  for (const o of read.options) if (o.lookup.kind === 'unknown') extras.push(o.at);
  if (!read.found.command.parameters.some((p) => p.positional)) extras.push(...read.positionals);
  return extras.sort((a, b) => a - b);
}

/** The table's command for a path as the runner writes it (["storage", "blob", "upload"]). */
export function azCommandOf(path: readonly string[]): AzCommandInfo | undefined {
  return azCommand(path.join(' '));
}
