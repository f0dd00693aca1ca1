// The Azure CLI as the CLI itself knows it: every command, group and parameter of the generated
// table az-commands.json (scripts/generate-az-table.ts, from the CLI reference at the commit its
// header names; never edited by hand). Loaded on first use; a command is found by walking its path
// words, one map look-up per word, and a parameter by one look-up in its command's name map.
import { readFileSync } from 'node:fs';
import { editDistance } from '../parse/placeholders.ts';
import { closeMatches } from './close-matches.ts';

/** none: a flag (`az login --identity`); optional: zero or more values (`az vm create --assign-identity`); required: a value. */
export type ValueKind = 'none' | 'optional' | 'required';
/**
 * What the value kind rests on: the command's own reference entry; the same option on the other
 * commands that show it (9 in 10 agree); or nothing (az's default, one value, unconfirmed: a flag whose
 * default az does not print looks the same, so never report a page wrong on this alone).
 */
export type ValueEvidence = 'command' | 'option-name' | 'none';

export interface AzParameter {
  /** As the reference lists them: long names, then short ones ("--resource-group", "-g"). */
  names: readonly string[];
  value: ValueKind;
  evidence: ValueEvidence;
  required: boolean;
  /** The summary says the values are space-separated (nargs '+' or '*'). */
  multiple: boolean;
  enum: readonly string[] | undefined;
  deprecatedNames: readonly string[];
  /** What the deprecation says to use instead. */
  replacement: string | undefined;
  /** Only this extension's definition of the command has the parameter. */
  extension: string | undefined;
  /** Values an extension's definition of the command accepts beyond `enum`: extension ('' unnamed) → values. */
  extensionEnum: Readonly<Record<string, readonly string[]>>;
  global: boolean;
  /** A positional argument (`az find <CLI_TERM>`), not an option. */
  positional: boolean;
  /** az accepts it but hides it from its help and the reference (az-hidden-options.json): where that says so. */
  hiddenSource?: string;
}

/** Core CLI, or an extension: its name, or undefined where the reference does not name it. */
export type AzSource = { kind: 'core' } | { kind: 'extension'; extension: string | undefined };

export interface AzCommandInfo {
  path: string;
  words: readonly string[];
  source: AzSource;
  /** Extensions that define the command again (installing one replaces the core definition). */
  alsoIn: readonly string[];
  preview: boolean;
  experimental: boolean;
  deprecated: boolean;
  /** The command a deprecation (of the command or of its group) says to use instead. */
  replacement: string | undefined;
  /** The command's own parameters; global ones resolve through `parameter` too. */
  parameters: readonly AzParameter[];
}

export type AzLookup =
  | { kind: 'command'; command: AzCommandInfo; rest: string[] }
  /** The words stop at a group (`az keyvault secret`): az prints the group's help. */
  | { kind: 'group'; path: string; commands: string[]; groups: string[]; rest: string[] }
  /** `word` is neither a command nor a subgroup of `group` ('' is `az` itself). */
  | { kind: 'unknown'; group: string; word: string; rest: string[] };

export type AzParameterLookup =
  | { kind: 'parameter'; parameter: AzParameter; written: string; inlineValue: string | undefined; abbreviated: boolean; deprecatedName: boolean }
  | { kind: 'ambiguous'; written: string; candidates: string[] }
  | { kind: 'unknown'; written: string };

export interface AzSuggestion {
  path: string;
  /** replacement: a deprecation names it; reordered: the same words in another order or hyphenation; similar: nearest by edit distance. */
  why: 'replacement' | 'reordered' | 'similar';
}

export interface AzTableAbout {
  source: string;
  files: string;
  commit: string;
  commitDate: string;
  generator: string;
  note: string;
  counts: { commands: number; parameters: number; specs: number; retired: number };
}

// The file's format (scripts/generate-az-table.ts writes it; its "legend" says the same in words).
/** One parameter: n names, v value kind (n|o|r, then "~" inferred from the option name elsewhere, "?" no evidence). */
export interface TableParam {
  n: string;
  v: string;
  req?: 1;
  many?: 1;
  enum?: string[];
  dep?: string[];
  use?: string;
  x?: string;
  /** Accepted values only an extension's definition of the command adds: extension → values. */
  xe?: Record<string, string[]>;
}
/** One command: p indices into params, f flags (p x d g s), x extension, also, use. */
export interface TableCommand {
  p: number[];
  f?: string;
  x?: string;
  also?: string[];
  use?: string;
}
/** A command that left the reference: the date and commit of the change that removed it, and what its last entry said to use. */
export interface TableRetired {
  left: string;
  commit: string;
  use?: string;
}
interface RawTable {
  about: AzTableAbout;
  globals: TableParam[];
  deprecatedGroups: Record<string, { use?: string }>;
  params: TableParam[];
  commands: Record<string, TableCommand>;
  retired: Record<string, TableRetired>;
}

/** A command that was in the reference and left it: deprecated or removed (az may still run it). */
export interface AzRetired {
  path: string;
  /** The day the reference dropped it (YYYY-MM-DD). */
  left: string;
  /** The azure-docs-cli commit that dropped it (12 hex digits). */
  commit: string;
  /** What its last entry (or its group's) said to use instead. */
  replacement: string | undefined;
}

interface Loaded {
  raw: RawTable;
  /** Every group path ("vm", "vm identity"); '' is az itself. */
  groups: Set<string>;
  specs: Map<number, AzParameter>;
  commands: Map<string, AzCommandInfo>;
  byName: Map<string, Map<string, AzParameter>>;
  /** A group's direct members, worked out once: lint asks for the same groups on every page. */
  members: Map<string, { commands: string[]; groups: string[] }>;
  globals: AzParameter[];
  hidden: HiddenOption[];
}

const TABLE_URL = new URL('./az-commands.json', import.meta.url);
const HIDDEN_URL = new URL('./az-hidden-options.json', import.meta.url);

export interface HiddenOption extends TableParam {
  command: string;
  source: string;
}

/**
 * Options az accepts but hides (deprecated with hide=True): absent from the reference, so the table
 * alone would call them unknown. Each is a deprecated name of itself, so az's warning is said.
 */
export function hiddenOptions(): HiddenOption[] {
  return (JSON.parse(readFileSync(HIDDEN_URL, 'utf8')) as { options: HiddenOption[] }).options;
}
let loaded: Loaded | undefined;

/** A key of a parsed JSON object, never one of Object.prototype's ("constructor" is no az command). */
function entry<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function load(): Loaded {
  if (loaded) return loaded;
  let raw: RawTable | undefined;
  try {
    raw = JSON.parse(readFileSync(TABLE_URL, 'utf8')) as RawTable;
  } catch {
    // reported below, with what to do
  }
  if (typeof raw?.about?.commit !== 'string' || typeof raw.commands !== 'object' || typeof raw.retired !== 'object' || !Array.isArray(raw.params) || !Array.isArray(raw.globals)) {
    throw new Error(`${TABLE_URL.pathname} is missing or is not the generated az command table: restore it from git or regenerate it (npx tsx scripts/generate-az-table.ts)`);
  }
  // Groups are the commands' path prefixes (the table lists commands only).
  const groups = new Set<string>(['']);
  for (const path of Object.keys(raw.commands)) {
    for (let at = path.lastIndexOf(' '); at > 0 && !groups.has(path.slice(0, at)); at = path.lastIndexOf(' ', at - 1)) groups.add(path.slice(0, at));
  }
  loaded = { raw, groups, specs: new Map(), commands: new Map(), byName: new Map(), members: new Map(), globals: raw.globals.map((g) => decode(g, true)), hidden: hiddenOptions() };
  return loaded;
}

const KINDS: Record<string, ValueKind> = { n: 'none', o: 'optional', r: 'required' };

function decode(s: TableParam, global = false): AzParameter {
  return {
    names: s.n.split(' '),
    value: KINDS[s.v[0] ?? 'r'] ?? 'required',
    evidence: s.v.endsWith('~') ? 'option-name' : s.v.endsWith('?') ? 'none' : 'command',
    required: s.req === 1,
    multiple: s.many === 1,
    enum: s.enum,
    deprecatedNames: s.dep ?? [],
    replacement: s.use,
    extension: s.x,
    extensionEnum: s.xe ?? {},
    global,
    positional: !s.n.startsWith('-'),
  };
}

function spec(t: Loaded, index: number): AzParameter {
  let p = t.specs.get(index);
  if (!p) {
    const raw = t.raw.params[index];
    if (!raw) throw new Error(`az command table: parameter ${index} is missing; regenerate the table`);
    t.specs.set(index, (p = decode(raw)));
  }
  return p;
}

/**
 * What a deprecated group above the command says to use instead: the same command under the new
 * group when the table has it, else the new group itself when it is one, else nothing ("Use 'Helm v3
 * commands' instead" names no command).
 */
function groupReplacement(t: Loaded, words: readonly string[]): string | undefined {
  for (let n = words.length - 1; n > 0; n--) {
    const use = entry(t.raw.deprecatedGroups, words.slice(0, n).join(' '))?.use;
    if (!use) continue;
    const moved = [...use.split(' '), ...words.slice(n)].join(' ');
    if (entry(t.raw.commands, moved)) return moved;
    return findCommand(use.split(' ')).kind === 'group' ? use : undefined;
  }
  return undefined;
}

/** The table's entry for a command path ("keyvault secret set"), or undefined. */
export function azCommand(path: string): AzCommandInfo | undefined {
  const t = load();
  const cached = t.commands.get(path);
  if (cached) return cached;
  const raw = entry(t.raw.commands, path);
  if (!raw) return undefined;
  const flags = raw.f ?? '';
  const words = path.split(' ');
  // A command of a deprecated group is deprecated too (az warns for it), whether or not its own entry says so.
  const deprecated = flags.includes('d') || words.some((_, n) => n > 0 && entry(t.raw.deprecatedGroups, words.slice(0, n).join(' ')) !== undefined);
  const info: AzCommandInfo = {
    path,
    words,
    source: raw.x === undefined ? { kind: 'core' } : { kind: 'extension', extension: raw.x === '' ? undefined : raw.x },
    alsoIn: raw.also ?? [],
    preview: flags.includes('p'),
    experimental: flags.includes('x'),
    deprecated,
    replacement: raw.use ?? (deprecated ? groupReplacement(t, words) : undefined),
    parameters: [...raw.p.map((i) => spec(t, i)), ...t.hidden.filter((h) => h.command === path).map((h) => ({ ...decode({ ...h, dep: h.n.split(' ') }), hiddenSource: h.source }))],
  };
  t.commands.set(path, info);
  return info;
}

/**
 * The command that left the reference which the leading words spell (the longest such path), or
 * undefined. Only for words the table does not know: a retired path is never a current command.
 */
export function retiredCommand(words: readonly string[]): AzRetired | undefined {
  const t = load();
  for (let n = words.length; n > 0; n--) {
    const path = words.slice(0, n).join(' ').toLowerCase(); // as findCommand: knack lower-cases the command words
    const r = entry(t.raw.retired, path);
    if (r) return { path, left: r.left, commit: r.commit, replacement: r.use };
  }
  return undefined;
}

/** The longest command path the leading words spell, a group, or the first word az would not know. */
export function findCommand(words: readonly string[]): AzLookup {
  const t = load();
  let path = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // knack lower-cases every word before the first option before it matches the command table
    // (knack/invocation.py CommandInvoker._rudimentary_get_command: args[i] = current.lower()), so
    // `az network dns record-set A add-record` is `... record-set a add-record` (Azure/azure-cli#3325).
    const next = path ? `${path} ${word.toLowerCase()}` : word.toLowerCase();
    if (entry(t.raw.commands, next)) return { kind: 'command', command: azCommand(next) as AzCommandInfo, rest: words.slice(i + 1) };
    if (!t.groups.has(next)) {
      if (word.startsWith('-')) return groupOf(t, path, words.slice(i));
      return { kind: 'unknown', group: path, word, rest: words.slice(i + 1) };
    }
    path = next;
  }
  return groupOf(t, path, []);
}

/** A group's commands and subgroups: a scan of the table, only when the words stop at a group. */
function groupOf(t: Loaded, path: string, rest: string[]): AzLookup {
  let members = t.members.get(path);
  if (members === undefined) {
    const prefix = path ? `${path} ` : '';
    const commands = new Set<string>();
    const groups = new Set<string>();
    for (const p of Object.keys(t.raw.commands)) {
      if (!p.startsWith(prefix)) continue;
      const word = p.slice(prefix.length).split(' ', 1)[0] as string;
      (t.groups.has(prefix + word) ? groups : commands).add(word);
    }
    members = { commands: [...commands].sort(), groups: [...groups].sort() };
    t.members.set(path, members);
  }
  return { kind: 'group', path, commands: [...members.commands], groups: [...members.groups], rest };
}

let everyOption: Set<string> | undefined;
/** Whether some az command has an option of this name (its own parameters, not the globals): read from the table's parameter list without decoding every command. */
export function isAnyAzCommandOption(name: string): boolean {
  everyOption ??= new Set([...load().raw.params, ...load().hidden].flatMap((p) => p.n.split(' ')));
  return everyOption.has(name);
}

/** The parameters `written` can name on this command: its own, then the globals it takes. */
function names(t: Loaded, command: AzCommandInfo): Map<string, AzParameter> {
  let map = t.byName.get(command.path);
  if (map) return map;
  map = new Map();
  const flags = entry(t.raw.commands, command.path)?.f ?? '';
  const globals = t.globals.filter((g) => {
    const first = g.names[0];
    if (first === '--subscription') return flags.includes('s');
    if (first === '--acquire-policy-token' || first === '--change-reference') return flags.includes('g');
    return true;
  });
  for (const p of [...command.parameters, ...globals]) for (const n of p.positional ? [] : p.names) if (!map.has(n)) map.set(n, p);
  t.byName.set(command.path, map);
  return map;
}

/**
 * The parameter an option word names, as az's argparse resolves it: an exact name, `--name=value`
 * (or `-n=value`), a short option with its value attached (`-gMyGroup`), or an unambiguous prefix of a
 * long name (`--resource-gr`; argparse's prefix matching, Azure/azure-cli#580).
 */
export function parameter(command: AzCommandInfo | string, written: string): AzParameterLookup {
  const t = load();
  const info = typeof command === 'string' ? azCommand(command) : command;
  if (!info) return { kind: 'unknown', written };
  const map = names(t, info);
  const found = (name: string, inlineValue: string | undefined, abbreviated = false): AzParameterLookup => {
    const p = map.get(name) as AzParameter;
    return { kind: 'parameter', parameter: p, written: name, inlineValue, abbreviated, deprecatedName: p.deprecatedNames.includes(name) };
  };
  if (map.has(written)) return found(written, undefined);
  const eq = written.indexOf('=');
  const name = eq > 0 ? written.slice(0, eq) : written;
  const inline = eq > 0 ? written.slice(eq + 1) : undefined;
  if (eq > 0 && map.has(name)) return found(name, inline);
  if (!written.startsWith('--') && written.length > 2 && map.has(written.slice(0, 2))) return found(written.slice(0, 2), written.slice(2));
  if (name.startsWith('--')) {
    const candidates = [...map.keys()].filter((n) => n.startsWith(name));
    const targets = new Set(candidates.map((n) => map.get(n)));
    if (targets.size === 1) return { ...found(candidates[0] as string, inline, true), written: name };
    if (candidates.length > 1) return { kind: 'ambiguous', written: name, candidates: candidates.sort() };
  }
  return { kind: 'unknown', written };
}

/** The parameters az insists on (its "the following arguments are required"). */
export function requiredParameters(command: AzCommandInfo | string): AzParameter[] {
  const info = typeof command === 'string' ? azCommand(command) : command;
  return info ? info.parameters.filter((p) => p.required) : [];
}

/** Path words split at hyphens and sorted: "vm assign-identity" and "vm identity assign" agree. */
function tokens(words: readonly string[]): string {
  return words
    .flatMap((w) => w.split('-'))
    .sort()
    .join(' ');
}

/** Word-level edit distance: inserting or dropping a word costs 1, changing one its share of changed characters. */
function pathDistance(a: readonly string[], b: readonly string[]): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const x = a[i - 1] as string;
      const y = b[j - 1] as string;
      const change = editDistance(x, y) / Math.max(x.length, y.length);
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + change));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * The real commands nearest to an unknown one (`az vm assign-identity` → `vm identity assign`), best
 * first: what a deprecation says to use, then the same words reordered, then the nearest paths by
 * word edit distance — among the commands of the first group the words name (all commands when even
 * the first word is unknown), at most `limit`.
 */
export function suggest(words: readonly string[], limit = 3): AzSuggestion[] {
  const t = load();
  const firstOption = words.findIndex((w) => w.startsWith('-'));
  const pathWords = firstOption < 0 ? [...words] : words.slice(0, firstOption);
  const found = findCommand(pathWords);
  if (found.kind === 'command' && found.command.replacement) return [{ path: found.command.replacement, why: 'replacement' }];
  const top = pathWords[0] !== undefined && t.groups.has(pathWords[0]) ? `${pathWords[0]} ` : '';
  const want = tokens(pathWords);
  const scored: Array<{ path: string; score: number; why: AzSuggestion['why'] }> = [];
  for (const path of Object.keys(t.raw.commands)) {
    if (top && !path.startsWith(top)) continue;
    const candidate = path.split(' ');
    if (tokens(candidate) === want) scored.push({ path, score: 0, why: 'reordered' });
    else {
      // At most half of the characters changed, over all words: "uplod" is "upload", "assign-msi" is not "assess-patches".
      const score = pathDistance(pathWords, candidate);
      if (score <= 0.5) scored.push({ path, score, why: 'similar' });
    }
  }
  scored.sort((a, b) => a.score - b.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 0.25)
    .slice(0, limit)
    .map(({ path, why }) => ({ path, why }));
}

/**
 * What az prints (after "ERROR: ") for a word that is no command or group, and the recommendation
 * lines under it. Wording of azure-cli-core's parser.py (AzCliCommandParser._check_value, CLI 2.x
 * since 2020; the older knack wording "az vm: 'x' is not in the 'az vm' command group." is gone):
 * "'{value}' is misspelled or not recognized by the system.", then "Did you mean '{candidate}' ?" when
 * difflib finds a sibling word at cutoff 0.7. az may add examples from its online "AI knowledge base";
 * those are not reproducible here and are left out.
 */
export function azUnknownCommandMessage(lookup: Extract<AzLookup, { kind: 'unknown' }>): { message: string; recommendations: string[] } {
  const group = findCommand(lookup.group ? lookup.group.split(' ') : []);
  const siblings = group.kind === 'group' ? [...group.commands, ...group.groups] : [];
  const near = closeMatches(lookup.word, siblings, 3, 0.7)[0];
  return { message: `'${lookup.word}' is misspelled or not recognized by the system.`, recommendations: near ? [`Did you mean '${near}' ?`] : [] };
}

/**
 * What az prints for a command of an extension that is not installed, run without a terminal (the
 * default extension.use_dynamic_install=yes_prompt cannot prompt): azure-cli-core parser.py.
 */
export function azExtensionMissingMessage(extension: string | undefined): string {
  const name = extension ?? '(an extension the CLI reference does not name)';
  return `The command requires the extension ${name}. Unable to prompt for extension install confirmation as no tty available. Run 'az config set extension.use_dynamic_install=yes_without_prompt' to allow installing extensions without prompt.`;
}

/** The table's header: source repository, commit and date, generator. */
export function azTableAbout(): AzTableAbout {
  return load().raw.about;
}

/** Every command path in the table, in table order. */
export function azCommandPaths(): string[] {
  return Object.keys(load().raw.commands);
}
