// Generates src/reference/az-repeatable-options.json and src/reference/az-configured-defaults.json.
// The first: the az options whose reference entry says they
// may be given more than once ("Multiples supported by passing --set multiple times", "Can be
// specified multiple times"). argparse stores each occurrence of an ordinary option over the previous
// one, so az keeps only the last value ("If specified multiple times, last one will be used", as
// some entries say); only options declared with action='append' (or az's OrderedArgsAction) gather
// every occurrence, and their reference entries are the ones that say so. Read from a git snapshot of
// MicrosoftDocs/azure-docs-cli, like scripts/generate-az-table.ts. The second: the options whose entry
// says a default set with `az configure --defaults <key>=…` supplies them ("You can configure the
// default registry name using `az configure --defaults acr=<registry name>`"): azure-cli declares them
// with configured_default='<key>', so a command without the option takes the configured value.
//
//   npx tsx scripts/generate-az-repeatable.ts [--source <git dir>] [--out <file>] [--check]
//
// The output depends on the snapshot's HEAD only: --check says whether the committed file is that
// regeneration (exit 1 if not).
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { readSnapshot } from './git-snapshot.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_SOURCE = process.env.AZ_DOCS_CLI_GIT ?? '/work/.mirror/MicrosoftDocs+azure-docs-cli/repo';
const DEFAULT_OUT = resolve(ROOT, 'src/reference/az-repeatable-options.json');
const DEFAULTS_OUT = resolve(ROOT, 'src/reference/az-configured-defaults.json');
const DEFAULT_KEY = /az configure --defaults ([a-z][a-z-]*)=/;
const REFERENCE_DIR = 'docs-ref-autogen/Latest-version/latest';

const Param = z.object({ name: z.string(), summary: z.string().optional(), description: z.string().optional() });
const Command = z.object({
  name: z.string(),
  requiredParameters: z.array(Param).optional(),
  optionalParameters: z.array(Param).optional(),
});
const Group = z.object({ name: z.string(), directCommands: z.array(Command).optional() });

/** "… multiple times", "more than once", "can be repeated" — and not "cannot be specified multiple times". */
export function saysRepeatable(text: string): boolean {
  const t = text.replace(/\s+/g, ' ');
  if (/\bcan(?:no|')t (?:be )?(?:specified|provided|given|passed|used) (?:multiple times|more than once)/i.test(t)) return false;
  return /multiple times|more than once|can be repeated|may be repeated|repeat(?:ed)? (?:the )?(?:argument|option|parameter|flag)/i.test(t);
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const source = arg('--source') ?? DEFAULT_SOURCE;
  const out = resolve(arg('--out') ?? DEFAULT_OUT);
  const snap = readSnapshot(source, REFERENCE_DIR, (p) => p.endsWith('.yml') && !p.endsWith('/TOC.yml'));
  const options = new Map<string, Set<string>>();
  const configured = new Map<string, Map<string, string>>();
  for (const f of snap.files) {
    const doc = Group.safeParse(parseYaml(f.text, { schema: 'failsafe' }));
    if (!doc.success || !(doc.data.name === 'az' || doc.data.name.startsWith('az '))) continue;
    for (const c of doc.data.directCommands ?? []) {
      const path = c.name.replace(/^az /, '');
      for (const p of [...(c.requiredParameters ?? []), ...(c.optionalParameters ?? [])]) {
        const names = p.name.split(/\s+/).filter((n) => n.startsWith('-'));
        const key = DEFAULT_KEY.exec(`${p.summary ?? ''} ${p.description ?? ''}`)?.[1];
        // group and location supply --resource-group and --location on every command: the rule maps those by name.
        if (key && key !== 'group' && key !== 'location') {
          const byOption = configured.get(path) ?? new Map<string, string>();
          for (const n of names) byOption.set(n, key);
          configured.set(path, byOption);
        }
        if (!saysRepeatable(`${p.summary ?? ''} ${p.description ?? ''}`)) continue;
        const set = options.get(path) ?? new Set<string>();
        for (const n of names) set.add(n);
        options.set(path, set);
      }
    }
  }
  const commands: Record<string, string[]> = {};
  for (const path of [...options.keys()].sort()) commands[path] = [...(options.get(path) as Set<string>)].sort();
  const defaults: Record<string, Record<string, string>> = {};
  for (const path of [...configured.keys()].sort()) {
    const byOption = configured.get(path) as Map<string, string>;
    defaults[path] = Object.fromEntries([...byOption.keys()].sort().map((n) => [n, byOption.get(n) as string]));
  }
  const about = (note: string) => ({ source: 'https://github.com/MicrosoftDocs/azure-docs-cli', files: `${REFERENCE_DIR}/**/*.yml`, commit: snap.commit, commitDate: snap.date, generator: 'scripts/generate-az-repeatable.ts', note: `${note} Generated: do not edit by hand. Regenerate: npx tsx scripts/generate-az-repeatable.ts --source <git dir of MicrosoftDocs/azure-docs-cli>; verify: add --check.` });
  const outputs: Array<[string, string]> = [
    [out, `${JSON.stringify({ about: about('Options whose reference entry says they may be given more than once (argparse action=append).'), commands }, null, 1)}\n`],
    [DEFAULTS_OUT, `${JSON.stringify({ about: about('Options whose reference entry says `az configure --defaults <key>=…` supplies them (azure-cli configured_default): command → option → key; group and location (--resource-group, --location on every command) are left out.'), commands: defaults }, null, 1)}\n`],
  ];
  if (argv.includes('--check')) {
    for (const [file, json] of outputs) {
      if (readFileSync(file, 'utf8') !== json) {
        process.stderr.write(`${relative(ROOT, file)} is not the regeneration from ${snap.commit}\n`);
        process.exit(1);
      }
    }
    process.stdout.write(`up to date (${Object.keys(commands).length} commands with repeatable options, ${Object.keys(defaults).length} with configured defaults)\n`);
    return;
  }
  for (const [file, json] of outputs) writeFileSync(file, json);
  process.stdout.write(`wrote ${relative(ROOT, out)} (${Object.keys(commands).length} commands) and ${relative(ROOT, DEFAULTS_OUT)} (${Object.keys(defaults).length} commands)\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
