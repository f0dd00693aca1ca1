// Generates src/reference/az-repeatable-options.json: the az options whose reference entry says they
// may be given more than once ("Multiples supported by passing --set multiple times", "Can be
// specified multiple times"). argparse stores each occurrence of an ordinary option over the previous
// one, so az keeps only the last value ("If specified multiple times, last one will be used", as
// some entries say); only options declared with action='append' (or az's OrderedArgsAction) gather
// every occurrence, and their reference entries are the ones that say so. Read from a git snapshot of
// MicrosoftDocs/azure-docs-cli, like scripts/generate-az-table.ts.
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
  for (const f of snap.files) {
    const doc = Group.safeParse(parseYaml(f.text, { schema: 'failsafe' }));
    if (!doc.success || !(doc.data.name === 'az' || doc.data.name.startsWith('az '))) continue;
    for (const c of doc.data.directCommands ?? []) {
      const path = c.name.replace(/^az /, '');
      for (const p of [...(c.requiredParameters ?? []), ...(c.optionalParameters ?? [])]) {
        if (!saysRepeatable(`${p.summary ?? ''} ${p.description ?? ''}`)) continue;
        const names = p.name.split(/\s+/).filter((n) => n.startsWith('-'));
        const set = options.get(path) ?? new Set<string>();
        for (const n of names) set.add(n);
        options.set(path, set);
      }
    }
  }
  const commands: Record<string, string[]> = {};
  for (const path of [...options.keys()].sort()) commands[path] = [...(options.get(path) as Set<string>)].sort();
  const json = `${JSON.stringify(
    {
      about: {
        source: 'https://github.com/MicrosoftDocs/azure-docs-cli',
        files: `${REFERENCE_DIR}/**/*.yml`,
        commit: snap.commit,
        commitDate: snap.date,
        generator: 'scripts/generate-az-repeatable.ts',
        note: 'Options whose reference entry says they may be given more than once (argparse action=append). Generated: do not edit by hand. Regenerate: npx tsx scripts/generate-az-repeatable.ts --source <git dir of MicrosoftDocs/azure-docs-cli>; verify: add --check.',
      },
      commands,
    },
    null,
    1,
  )}\n`;
  if (argv.includes('--check')) {
    const now = readFileSync(out, 'utf8');
    if (now !== json) {
      process.stderr.write(`${relative(ROOT, out)} is not the regeneration from ${snap.commit}\n`);
      process.exit(1);
    }
    process.stdout.write(`${relative(ROOT, out)} is up to date (${Object.keys(commands).length} commands)\n`);
    return;
  }
  writeFileSync(out, json);
  process.stdout.write(`wrote ${relative(ROOT, out)}: ${Object.keys(commands).length} commands\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
