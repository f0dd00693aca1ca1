// Generates src/reference/az-commands.json, the Azure CLI command table the tool checks az lines
// against, from a git snapshot of MicrosoftDocs/azure-docs-cli (the reference YAML published as
// learn.microsoft.com/cli/azure): every command, its parameters with their aliases, what each takes
// as a value, which are required, enum values, deprecation, and whether it comes from an extension.
//
//   npx tsx scripts/generate-az-table.ts [--source <git dir>] [--out <file>] [--check] [--stats]
//
// The snapshot is read through git (ls-tree, cat-file), so a bare clone will do. The output depends
// on the snapshot's HEAD only (no clock, every list sorted): regenerating from the same commit gives
// the same bytes, and --check says whether the committed table is that regeneration (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { TableCommand, TableParam, TableRetired } from '../src/reference/az-table.ts';
import { retiredCommands } from './az-reference-history.ts';
import { readSnapshot } from './git-snapshot.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_SOURCE = process.env.AZ_DOCS_CLI_GIT ?? '/work/.mirror/MicrosoftDocs+azure-docs-cli/repo';
const DEFAULT_OUT = resolve(ROOT, 'src/reference/az-commands.json');
const REFERENCE_DIR = 'docs-ref-autogen/Latest-version/latest';

// The YAML is read with the failsafe schema (every scalar a string), so "False", "yes" or "0" stay
// what the page says; booleans are read as the string "true".
const Param = z.object({
  name: z.string(),
  isRequired: z.string().optional(),
  defaultValue: z.string().optional(),
  acceptedValues: z.string().optional(),
  summary: z.string().optional(),
  groupName: z.string().optional(),
  isDeprecated: z.string().optional(),
  deprecateInfo: z.string().optional(),
});
const Status = {
  isPreview: z.string().optional(),
  isExperimental: z.string().optional(),
  isDeprecated: z.string().optional(),
  deprecateInfo: z.string().optional(),
};
const Command = z.object({
  name: z.string(),
  summary: z.string().optional(),
  sourceType: z.string().optional(),
  extensionSuffix: z.string().optional(),
  ...Status,
  requiredParameters: z.array(Param).optional(),
  optionalParameters: z.array(Param).optional(),
  globalParameters: z.array(Param).optional(),
  examples: z.array(z.object({ syntax: z.string().optional() })).optional(),
});
const Group = z.object({ name: z.string(), extensionInformation: z.string().optional(), ...Status, directCommands: z.array(Command).optional() });
type Param = z.infer<typeof Param>;
type Command = z.infer<typeof Command>;
type Group = z.infer<typeof Group>;

/** n: takes no value · o: zero or more values · r: a value. */
type Kind = 'n' | 'o' | 'r';

const names = (p: Param): string[] => p.name.split(/[\s,]+/).filter(Boolean);
/** The reference joins accepted values with ", "; a value may hold a bare comma ("SystemAssigned,UserAssigned"). */
const acceptedValues = (p: Param): string[] | undefined => p.acceptedValues?.split(', ').map((v) => v.trim()).filter(Boolean);
const BOOL_WORDS = new Set(['0', '1', 'f', 'false', 'n', 'no', 't', 'true', 'y', 'yes']);
const SWITCH_SUMMARY = /^(?:Show only|Only show|Show (?:skus|sizes|results) (?:that|supporting)|Whether to|Whether or not|If (?:set|specified|present|true|given),|Indicates? whether|Enable or disable)\b/i;
// "space separated" ("separated by blanks": az aks create --zones 1 2 3), or argparse's own usage of nargs='+' quoted in the summary: "--repository REPO [ACTION1 ACTION2 ...]".
const LIST_SUMMARY = /space[- ]separated|separated by (?:spaces?|blanks?)|space[- ]delimited|\[[A-Za-z0-9_=]+(?: [A-Za-z0-9_=]+)* \.\.\.\]/i;

const IDENTITY_LIST = "identity list: '[system]' and space-separated";

// "See https://aka.ms/node-labels for syntax of labels": the reference entry of AKS node labels (az aks
// create/update --nodepool-labels, az aks nodepool add/update --labels) drops the "space-separated labels:
// key[=value] [key[=value] ...]" of az's own help, but every one of them is nargs='*' (Azure/azure-cli
// src/azure-cli/azure/cli/command_modules/acs/_params.py @0088c878b2ee9514b99eda3da2912257494cb3ee:
// c.argument('nodepool_labels', nargs='*', validator=validate_nodepool_labels, help='space-separated labels: …'),
// c.argument('labels', nargs='*', validator=validate_nodepool_labels)): `--labels dept=HR costcenter=5000` is two labels.
const NODE_LABELS_SUMMARY = /aka\.ms\/node-labels for syntax of labels/i;

interface ExampleUse {
  zero: Set<Param>;
  valued: Set<Param>;
  /** Given two or more values before the next option, on a command with no positional argument (argparse would refuse the second unless the option takes several). */
  several: Set<Param>;
}

/**
 * What a command's own reference entry says about the value a parameter takes, first rule that
 * applies; none applies when the entry says nothing. The reference carries no nargs: these are the
 * marks it does carry (the evidence: src/reference/README.md; `--stats` counts each rule's parameters).
 */
const RULES: ReadonlyArray<{ rule: string; kind: Kind; applies: (p: Param, accepted: string[] | undefined, examples: ExampleUse) => boolean }> = [
  // A store_true/store_false flag: az prints its Python default (`az login --identity`).
  { rule: 'default False/True, no accepted values', kind: 'n', applies: (p, accepted) => !accepted && /^(false|true)$/i.test(p.defaultValue ?? '') },
  // azure-cli-core get_three_state_flag (nargs='?') or an AAZ boolean (blank value = true): the bare flag means true.
  { rule: 'accepted values all boolean words', kind: 'o', applies: (_, accepted) => !!accepted && accepted.includes('true') && accepted.includes('false') && accepted.every((v) => BOOL_WORDS.has(v)) },
  // Identity lists (nargs='*'; no value is the system identity: `az vm create --assign-identity`).
  // az acr task create's summary says neither, but its example passes `--assign-identity [system]
  // "/subscriptions/…"`, two values (azure-cli acr/_params.py: assign_identity, nargs='*').
  { rule: IDENTITY_LIST, kind: 'o', applies: (p, _, examples) => p.isRequired !== 'true' && (p.summary ?? '').includes('[system]') && (LIST_SUMMARY.test(p.summary ?? '') || (p.summary ?? '').includes("Default: '[system]'") || examples.several.has(p)) },
  // azure-cli-core tags_type (nargs='*'; no value clears the tags).
  { rule: 'tags: \'Use "" to clear existing tags\'', kind: 'o', applies: (p) => /Use (""|'') to clear existing tags/.test(p.summary ?? '') },
  { rule: 'accepted values, another default, or required', kind: 'r', applies: (p, accepted) => !!accepted || p.defaultValue !== undefined || p.isRequired === 'true' },
  // The command's own examples: followed by another option or the end of the command, the option took no value.
  { rule: 'an example gives it no value', kind: 'o', applies: (p, _, examples) => examples.zero.has(p) },
  { rule: 'an example gives it a value', kind: 'r', applies: (p, _, examples) => examples.valued.has(p) },
];

function ownEvidence(p: Param, examples: ExampleUse): { kind: Kind; rule: string } | undefined {
  const accepted = acceptedValues(p)?.map((v) => v.toLowerCase());
  const found = RULES.find((r) => r.applies(p, accepted, examples));
  return found && { kind: found.kind, rule: found.rule };
}

/** Shell-like words of one example line (quotes kept together; close enough to find option values). */
function exampleWords(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|'[^']*'|\S+/g) ?? [];
}

function exampleUse(c: Command, params: Param[]): ExampleUse {
  const byName = new Map<string, Param>();
  for (const p of params) for (const n of names(p)) byName.set(n, p);
  const zero = new Set<Param>();
  const valued = new Set<Param>();
  const several = new Set<Param>();
  const positional = params.some((p) => !p.name.trim().startsWith('-'));
  const isOption = (w: string | undefined): boolean => w !== undefined && /^--?[A-Za-z]/.test(w);
  for (const e of c.examples ?? []) {
    for (const line of (e.syntax ?? '').replace(/\\\r?\n/g, ' ').split('\n')) {
      if (!line.startsWith(`${c.name} `)) continue;
      const words = exampleWords(line.slice(c.name.length));
      words.forEach((w, i) => {
        const eq = w.indexOf('=');
        const p = byName.get(eq > 0 ? w.slice(0, eq) : w);
        if (!p) return;
        const next = words[i + 1];
        if (eq < 0 && (next === undefined || /^--?[A-Za-z]/.test(next) || /^(\||&&|\|\||;|>)$/.test(next))) zero.add(p);
        else valued.add(p);
        let values = 0;
        if (eq < 0) for (let k = i + 1; k < words.length && !isOption(words[k]) && !/^(\||&&|\|\||;|>|<)/.test(words[k] as string); k++) values++;
        if (values >= 2 && !positional) several.add(p);
      });
    }
  }
  return { zero, valued, several };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const redirect = (info: string | undefined): string | undefined => /Use '([^']+)' instead/.exec(info ?? '')?.[1]?.replace(/^az /, '');

/** Deprecated names: "Option '--sdk-auth' …" names one alias; "Argument 'x' …" the whole parameter. */
function deprecatedNames(p: Param): string[] | undefined {
  if (p.isDeprecated !== 'true') return undefined;
  const option = /^Option '([^']+)'/.exec(p.deprecateInfo ?? '')?.[1];
  if (option) return [option];
  const lead = /^(--?[\w-]+) is being deprecated/.exec(p.deprecateInfo ?? '')?.[1];
  return lead ? [lead] : names(p);
}

function statusFlags(s: { isPreview?: string | undefined; isExperimental?: string | undefined; isDeprecated?: string | undefined }): string {
  return `${s.isPreview === 'true' ? 'p' : ''}${s.isExperimental === 'true' ? 'x' : ''}${s.isDeprecated === 'true' ? 'd' : ''}`;
}

const POLICY_GROUP = 'Global Policy Arguments';

async function generate(source: string): Promise<{ text: string; stats: Map<string, number> }> {
  const snap = readSnapshot(source, REFERENCE_DIR, (p) => p.endsWith('.yml') && !p.endsWith('/TOC.yml'));
  const groups: Group[] = [];
  for (const f of snap.files) {
    const doc = Group.safeParse(parseYaml(f.text, { schema: 'failsafe' }));
    if (!doc.success) throw new Error(`${f.path}: not an AzureCLIGroup page: ${doc.error.message}`);
    if (doc.data.name === 'az' || doc.data.name.startsWith('az ')) groups.push(doc.data); // service-page/ files only index groups
  }

  // Every command variant (a command defined by the core CLI and by an extension appears twice),
  // with its parameters and what its own entry says of each.
  interface Variant {
    c: Command;
    ext: string | undefined; // undefined: core; '': an extension the reference does not name
    params: Param[];
    own: Map<Param, { kind: Kind; rule: string } | undefined>;
    policy: boolean;
    subscription: boolean;
  }
  const variants = new Map<string, Variant[]>();
  const nameEvidence = new Map<string, Record<Kind, number>>();
  for (const g of groups) {
    const groupExt = /part of the \*\*([^*]+)\*\* extension/.exec(g.extensionInformation ?? '')?.[1];
    for (const c of g.directCommands ?? []) {
      const all = [...(c.requiredParameters ?? []), ...(c.optionalParameters ?? [])];
      const params = all.filter((p) => p.groupName !== POLICY_GROUP);
      const examples = exampleUse(c, params);
      const own = new Map(params.map((p) => [p, ownEvidence(p, examples)] as const));
      for (const [p, evidence] of own) {
        if (!evidence) continue;
        const key = names(p)[0] ?? '';
        const counts = nameEvidence.get(key) ?? { n: 0, o: 0, r: 0 };
        counts[evidence.kind]++;
        nameEvidence.set(key, counts);
      }
      const ext = c.sourceType === 'Extension' ? (c.extensionSuffix ?? groupExt ?? '') : undefined;
      const path = c.name.replace(/^az /, '');
      const list = variants.get(path) ?? [];
      list.push({ c, ext, params, own, policy: all.length !== params.length, subscription: (c.globalParameters ?? []).some((p) => p.name === '--subscription') });
      variants.set(path, list);
    }
  }

  /** A parameter the command's entry says nothing about: what the same option name does elsewhere,
   * when at least 9 in 10 of the commands that show it agree; else az's default, a value, unconfirmed. */
  function kindOf(p: Param, own: { kind: Kind; rule: string } | undefined): { v: string; rule: string } {
    if (own) return { v: own.kind, rule: own.rule };
    // A summary that describes a switch ("Show only VM SKUs that support availability zones",
    // "Whether to …") is a flag's, whatever the same name does elsewhere: az aks list-vm-skus --zone
    // is a flag while az vm create --zone takes one.
    if (SWITCH_SUMMARY.test(p.summary ?? '')) return { v: 'r?', rule: 'a switch-like summary' };
    const counts = nameEvidence.get(names(p)[0] ?? '');
    if (counts) {
      const total = counts.n + counts.o + counts.r;
      const best = (['n', 'o', 'r'] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
      if (counts[best] >= 0.9 * total) return { v: `${best}~`, rule: `the same option elsewhere (${best})` };
    }
    return { v: 'r?', rule: 'nothing says' };
  }

  const ruleCounts = new Map<string, number>();
  function spec(p: Param, own: { kind: Kind; rule: string } | undefined, ext: string | undefined): TableParam {
    const { v, rule } = kindOf(p, own);
    ruleCounts.set(rule, (ruleCounts.get(rule) ?? 0) + 1);
    const s: TableParam = { n: names(p).join(' '), v };
    if (p.isRequired === 'true') s.req = 1;
    if (LIST_SUMMARY.test(p.summary ?? '') || NODE_LABELS_SUMMARY.test(p.summary ?? '') || rule === IDENTITY_LIST) s.many = 1;
    const accepted = acceptedValues(p);
    if (accepted?.length) s.enum = accepted;
    const dep = deprecatedNames(p);
    if (dep) s.dep = dep;
    const use = redirect(p.deprecateInfo);
    if (dep && use) s.use = use;
    if (ext !== undefined) s.x = ext;
    return s;
  }

  /** The parameters of a command only extensions define: shared ones unmarked, the others marked with their extension. */
  function byExtension(list: Variant[]): TableParam[] {
    const key = (p: Param): string => names(p).join(' ');
    const everywhere = (p: Param): boolean => list.every((v) => v.params.some((q) => key(q) === key(p)));
    const out: TableParam[] = [];
    const done = new Set<string>();
    for (const v of list) {
      for (const p of v.params) {
        const shared = everywhere(p);
        const id = shared ? key(p) : `${key(p)}\u0000${v.ext ?? ''}`;
        if (done.has(id)) continue;
        done.add(id);
        out.push(spec(p, v.own.get(p), shared ? undefined : (v.ext ?? '')));
      }
    }
    return out;
  }

  // One entry per command path: the core definition when there is one, and the parameters that only
  // an extension's definition of the same command adds, marked with that extension.
  const specs: TableParam[][] = [];
  const entries: Array<{ path: string; entry: Omit<TableCommand, 'p'>; flags: string; params: TableParam[] }> = [];
  for (const [path, list] of variants) {
    list.sort((a, b) => (a.ext === b.ext ? 0 : a.ext === undefined ? -1 : b.ext === undefined ? 1 : byText(a.ext, b.ext)));
    const [base, ...others] = list as [Variant, ...Variant[]];
    // No core definition, only extensions that each define the command (azure-cli-ml, the Azure
    // Machine Learning CLI v1, and ml, v2: az ml workspace create -w in v1, -n in v2): the two are
    // not installed together, so each parameter keeps the extension it comes from, and a parameter
    // is shared only when every definition lists it with the same names.
    const params = base.ext !== undefined && others.length > 0 ? byExtension(list) : base.params.map((p) => spec(p, base.own.get(p), undefined));
    const seen = new Set(params.flatMap((s) => s.n.split(' ')));
    for (const o of base.ext !== undefined && others.length > 0 ? [] : others) {
      for (const p of o.params) {
        if (names(p).some((n) => seen.has(n))) {
          extensionValues(params, p, o.ext ?? '');
          continue;
        }
        names(p).forEach((n) => seen.add(n));
        params.push(spec(p, o.own.get(p), o.ext ?? ''));
      }
    }
    const entry: Omit<TableCommand, 'p'> = {};
    if (base.ext !== undefined) entry.x = base.ext;
    const also = [...new Set(others.map((o) => o.ext ?? ''))].sort(byText);
    if (also.length) entry.also = also;
    // "implicitly deprecated because command group 'x' is deprecated … Use 'y' instead" names the
    // group's replacement, not the command's: the lookup derives that from deprecatedGroups.
    const implicit = /implicitly deprecated because command group/.test(base.c.deprecateInfo ?? '');
    const use = base.c.isDeprecated === 'true' && !implicit ? redirect(base.c.deprecateInfo) : undefined;
    if (use) entry.use = use;
    const flags = `${statusFlags(base.c)}${list.some((v) => v.policy) ? 'g' : ''}${list.some((v) => v.subscription) ? 's' : ''}`;
    entries.push({ path, entry, flags, params });
    specs.push(params);
  }

  // An option both definitions have may accept more values in the extension's (aks-preview's az aks
  // create --os-sku takes AzureLinuxOSGuard, the core's does not): those values are kept apart, with
  // the extension's name, so that a page which installs the extension is not told az refuses them.
  function extensionValues(params: TableParam[], p: Param, ext: string): void {
    const base = params.find((s) => s.n.split(' ').some((n) => names(p).includes(n)));
    if (!base?.enum) return;
    const known = new Set(base.enum.map((v) => v.toLowerCase()));
    const extra = (acceptedValues(p) ?? ['*']).filter((v) => !known.has(v.toLowerCase()));
    if (extra.length === 0) return;
    base.xe = { ...base.xe, [ext]: [...new Set([...(base.xe?.[ext] ?? []), ...extra])] };
  }

  // Parameter specs are shared (--resource-group -g is the same on thousands of commands): one pool,
  // most used first so the common ones get short indices; ties in text order, so the order is stable.
  const uses = new Map<string, number>();
  for (const list of specs) for (const s of list) uses.set(JSON.stringify(s), (uses.get(JSON.stringify(s)) ?? 0) + 1);
  const pool = [...uses.keys()].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || byText(a, b));
  const index = new Map(pool.map((s, i) => [s, i]));

  const commands: Array<[string, TableCommand]> = entries
    .sort((a, b) => byText(a.path, b.path))
    .map(({ path, entry, flags, params }) => [path, { p: params.map((s) => index.get(JSON.stringify(s)) ?? -1), ...(flags ? { f: flags } : {}), ...entry }]);

  const deprecatedGroups: Array<[string, { use?: string }]> = groups
    .filter((g) => g.isDeprecated === 'true' && g.name !== 'az')
    .map((g): [string, { use?: string }] => {
      const use = redirect(g.deprecateInfo);
      return [g.name.replace(/^az /, ''), use ? { use } : {}];
    })
    .sort((a, b) => byText(a[0], b[0]));

  // Global parameters: names and accepted values as the reference lists them (the same on every
  // command), plus the two "Global Policy Arguments" every command but list/show carries (kept out of
  // the commands' lists: flag g). The reference gives several of them no default, so their value kinds
  // are az's own: its usage line reads "az [-h] [--verbose] [--debug] [--only-show-errors] [--output
  // {json,…}] [--query JMESPATH]" (e.g. Azure/azure-cli#14512), --subscription takes a name or id, and
  // azure-cli-core registers --acquire-policy-token with nargs=0 and --change-reference with one value
  // (src/azure-cli-core/azure/cli/core/commands/arm.py: register_global_subscription_argument,
  // add_global_policy_argument).
  const GLOBAL_KINDS: Record<string, Kind> = { '--help': 'n', '--debug': 'n', '--verbose': 'n', '--only-show-errors': 'n', '--output': 'r', '--query': 'r', '--subscription': 'r', '--acquire-policy-token': 'n', '--change-reference': 'r' };
  const stats = new Map(ruleCounts);
  const globalSource = new Map<string, Param>();
  for (const g of groups) for (const c of g.directCommands ?? []) for (const p of c.globalParameters ?? []) globalSource.set(p.name, p);
  const globalParams = new Map<string, TableParam>();
  for (const [name, p] of globalSource) {
    const kind = GLOBAL_KINDS[names(p)[0] ?? ''];
    globalParams.set(name, spec(p, kind && { kind, rule: 'global' }, undefined));
  }
  globalParams.set('--acquire-policy-token', { n: '--acquire-policy-token', v: 'n' });
  globalParams.set('--change-reference', { n: '--change-reference', v: 'r' });
  const globals = [...globalParams.values()].sort((a, b) => byText(a.n, b.n));

  // Commands that left the reference (its git history): az may still run them, so they are never
  // reported unknown on that alone.
  const current = new Set<string>();
  for (const { path } of entries) {
    current.add(path);
    for (let at = path.indexOf(' '); at > 0; at = path.indexOf(' ', at + 1)) current.add(path.slice(0, at));
  }
  const summaries = new Map<string, string>();
  for (const g of groups) for (const c of g.directCommands ?? []) summaries.set(c.name.replace(/^az /, ''), c.summary ?? '');
  const retired: Array<[string, TableRetired]> = await retiredCommands(source, (path) => current.has(path), summaries);

  const paramCount = entries.reduce((n, e) => n + e.params.length, 0);
  const about = {
    source: 'https://github.com/MicrosoftDocs/azure-docs-cli',
    files: `${REFERENCE_DIR}/**/*.yml`,
    commit: snap.commit,
    commitDate: snap.date,
    generator: 'scripts/generate-az-table.ts',
    note: 'Generated from the Azure CLI reference: do not edit by hand. Regenerate: npx tsx scripts/generate-az-table.ts --source <git dir of MicrosoftDocs/azure-docs-cli>; verify: add --check.',
    counts: { commands: entries.length, parameters: paramCount, specs: pool.length, retired: retired.length },
    legend: {
      commands: 'path → p: indices into params; f: p preview, x experimental, d deprecated, g takes the global policy arguments, s takes the global --subscription; x: extension name ("" when the reference does not name it); also: extensions that redefine the command; use: the replacement a deprecation names',
      retired: 'path → a command the reference listed once and no longer does (deprecated or removed; az may still run it): left, the day of the azure-docs-cli commit that removed it; commit, its first 12 hex digits; use, what its last entry (or its group\'s) said to use instead; a group\'s rename leads to the same name in the new group, else to the one command there whose summary starts with the same verb, else to the new group',
      params: 'n: names; v: n no value, o zero or more values, r a value — alone when the command\'s own entry says so, "~" inferred from the same option on other commands, "?" nothing says (az\'s default, a value); req: required; many: space-separated values; enum: accepted values; dep: deprecated names; use: their replacement; x: only the named extension\'s definition has it (on a command only extensions define, every parameter not in all of their definitions is marked, so one name may appear once per extension); xe: extension → values only its definition of the command accepts ("*" when it lists none: any value)',
    },
  };

  const lines = [
    '{',
    `"about": ${JSON.stringify(about, null, 1)},`,
    `"globals": [\n${globals.map((g) => JSON.stringify(g)).join(',\n')}\n],`,
    `"deprecatedGroups": {\n${deprecatedGroups.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n},`,
    `"params": [\n${pool.join(',\n')}\n],`,
    `"commands": {\n${commands.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n},`,
    `"retired": {\n${retired.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`,
    '}',
  ];
  return { text: `${lines.join('\n')}\n`, stats };
}

const USAGE = 'usage: npx tsx scripts/generate-az-table.ts [--source <git dir>] [--out <file>] [--check] [--stats]';

async function main(argv: string[]): Promise<number> {
  let source = DEFAULT_SOURCE;
  let out = DEFAULT_OUT;
  let check = false;
  let showStats = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--source' && argv[i + 1]) source = resolve(argv[++i] ?? '');
    else if (a === '--out' && argv[i + 1]) out = resolve(argv[++i] ?? '');
    else if (a === '--check') check = true;
    else if (a === '--stats') showStats = true;
    else {
      process.stderr.write(`${USAGE}\nunknown argument: ${a}\n`);
      return 2;
    }
  }
  let generated: Awaited<ReturnType<typeof generate>>;
  try {
    generated = await generate(source);
  } catch (err) {
    process.stderr.write(`generate-az-table: cannot read the reference from ${source}: ${err instanceof Error ? err.message : String(err)}\n(give the git directory of a MicrosoftDocs/azure-docs-cli clone with --source, or set AZ_DOCS_CLI_GIT)\n`);
    return 2;
  }
  if (showStats) {
    process.stderr.write('value kind of the commands\' parameters, by the rule that decided it:\n');
    for (const [rule, n] of [...generated.stats].sort((a, b) => b[1] - a[1])) process.stderr.write(`${String(n).padStart(8)}  ${rule}\n`);
  }
  const text = Buffer.from(generated.text, 'utf8');
  const shown = relative(process.cwd(), out) || out;
  if (check) {
    let committed: Buffer;
    try {
      committed = readFileSync(out);
    } catch {
      process.stderr.write(`${shown}: missing\n`);
      return 1;
    }
    if (committed.equals(text)) {
      process.stdout.write(`${shown}: identical to a regeneration from ${source} (${text.length} bytes)\n`);
      return 0;
    }
    const a = committed.toString('utf8').split('\n');
    const b = generated.text.split('\n');
    let at = 0;
    while (at < Math.max(a.length, b.length) && a[at] === b[at]) at++;
    process.stderr.write(`${shown}: differs from a regeneration from ${source}, first at line ${at + 1}\n  committed:   ${(a[at] ?? '(end of file)').slice(0, 200)}\n  regenerated: ${(b[at] ?? '(end of file)').slice(0, 200)}\n`);
    return 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`${shown}: ${text.length} bytes\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
