// Generates src/reference/vm-image-aliases.json: the VM image aliases az vm create / az vmss create
// accept today, and the ones they once accepted and no longer do, from the history of the file az
// reads them from, Azure/azure-rest-api-specs arm-compute/quickstart-templates/aliases.json (azure-cli
// core cloud.py endpoint vm_image_alias_doc; azure/cli/command_modules/vm/_actions.py
// load_images_from_aliases_doc). Same commit, same bytes. Azure PowerShell's New-AzVM does not read that document: it
// resolves -Image from Az.Compute's embedded Images.json, whose removals its ChangeLog records; the saved ChangeLog
// excerpt src/reference/vm-image-aliases-powershell.md (repo, path, commit, verbatim lines) gives the `powershell` part.
//   npx tsx scripts/generate-vm-image-aliases.ts [--source <git dir>]           write the table
//   npx tsx scripts/generate-vm-image-aliases.ts [--source <git dir>] --check   exit 1 when the committed table differs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { git, snapshotSource } from './git-snapshot.ts';
import { writeOrCheck } from './write-generated.ts';

const REPO = 'Azure/azure-rest-api-specs';
const FILE = 'arm-compute/quickstart-templates/aliases.json';
const root = join(import.meta.dirname, '..');
const out = join(root, 'src/reference/vm-image-aliases.json');
const source = snapshotSource(REPO, 'AZURE_REST_API_SPECS_GIT', '/work/.mirror/swathipil+azure-rest-api-specs/repo');

/** The aliases one version of the file lists (Linux and Windows), or undefined when it does not parse. */
function aliasesOf(text: string): string[] | undefined {
  try {
    const doc = JSON.parse(text) as { outputs?: { aliases?: { value?: Record<string, Record<string, unknown>> } } };
    const byOs = doc.outputs?.aliases?.value;
    return byOs ? Object.values(byOs).flatMap((v) => Object.keys(v)) : undefined;
  } catch {
    return undefined;
  }
}

let head: { commit: string; date: string };
let history: { commit: string; date: string }[];
try {
  const [commit = '', date = ''] = git(source, ['log', '-1', '--format=%H%n%cI', 'HEAD']).toString().trim().split('\n');
  head = { commit, date };
  history = git(source, ['log', '--format=%H %cI', 'HEAD', '--', FILE])
    .toString()
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ commit: l.split(' ')[0] ?? '', date: l.split(' ')[1] ?? '' }))
    .reverse();
} catch (e) {
  process.stderr.write(`cannot read ${FILE} of ${REPO} at ${source}: ${(e as Error).message.split('\n')[0]}\nGive --source <git dir of a clone of https://github.com/${REPO}>\n`);
  process.exit(2);
}

const current = aliasesOf(git(source, ['show', `HEAD:${FILE}`]).toString('utf8'));
if (!current) {
  process.stderr.write(`${FILE} at ${head.commit} is not the alias document az reads\n`);
  process.exit(2);
}
// Walk the history oldest first: an alias that a version lists and a later one drops is retired at
// the first version without it (unless a later version lists it again).
const removedAt = new Map<string, { commit: string; date: string }>();
let previous: string[] = [];
for (const v of history) {
  let names: string[] | undefined;
  try {
    names = aliasesOf(git(source, ['show', `${v.commit}:${FILE}`]).toString('utf8'));
  } catch {
    names = undefined; // the commit that deleted or moved the file
  }
  if (!names) continue; // a version that did not parse (or was not there) never reached az
  for (const n of names) {
    removedAt.delete(n);
  }
  for (const n of previous) if (!names.includes(n) && !removedAt.has(n)) removedAt.set(n, v);
  previous = names;
}
const currentLower = new Set(current.map((n) => n.toLowerCase()));
// az compares aliases case-insensitively: one entry per spelling-insensitive name, its last removal.
const byLower = new Map<string, [string, { commit: string; date: string }]>();
for (const [n, v] of removedAt) {
  const seen = byLower.get(n.toLowerCase());
  if (!seen || seen[1].date < v.date) byLower.set(n.toLowerCase(), [n, v]);
}
const retired = [...byLower.values()]
  .filter(([n]) => !currentLower.has(n.toLowerCase()))
  .sort(([a], [b]) => a.toLowerCase().localeCompare(b.toLowerCase()))
  .map(([alias, v]) => ({ alias, removed: v.date.slice(0, 10), commit: v.commit.slice(0, 12) }));

/**
 * The aliases Az.Compute removed, from the ChangeLog excerpt: each `## Version X` names them on a `removed:` line,
 * and every name must stand in backticks in that version's quoted lines (so the list says what the ChangeLog says).
 */
function powershellRemovals(text: string): { source: { repo: string; path: string; commit: string }; removed: { alias: string; version: string }[] } {
  const lines = text.split('\n');
  const m = /^source: (\S+\/\S+) (\S+) ([0-9a-f]{40})$/.exec(lines[0] ?? '');
  if (!m) throw new Error('vm-image-aliases-powershell.md: the first line must be "source: <repo> <path> <commit>"');
  const removed: { alias: string; version: string }[] = [];
  let version = '';
  let names: string[] = [];
  let quoted = '';
  const close = (): void => {
    for (const n of names) {
      if (!quoted.includes(`\`${n}\``)) throw new Error(`vm-image-aliases-powershell.md: Version ${version} lists ${n}, which its ChangeLog lines do not name`);
      removed.push({ alias: n, version });
    }
    names = [];
    quoted = '';
  };
  for (const line of lines.slice(1)) {
    const v = /^## Version (\S+)$/.exec(line);
    if (v) {
      close();
      version = v[1]!;
    } else if (line.startsWith('removed: ')) names = line.slice('removed: '.length).split(',').map((n) => n.trim()).filter(Boolean);
    else if (version) quoted += `${line}\n`;
  }
  close();
  return { source: { repo: m[1]!, path: m[2]!, commit: m[3]! }, removed: removed.sort((a, b) => a.alias.toLowerCase().localeCompare(b.alias.toLowerCase())) };
}

const table = {
  about: {
    source: `https://github.com/${REPO}`,
    file: FILE,
    commit: head.commit,
    commitDate: head.date,
    generator: 'scripts/generate-vm-image-aliases.ts',
    note: 'Generated: do not edit by hand. az vm create / az vmss create resolve --image aliases from this file (azure-cli cloud endpoint vm_image_alias_doc), comparing case-insensitively; a value that is no alias, URN, resource id, VHD URI or image in the resource group stops az with \'Invalid image "X"\'.',
  },
  current: [...current].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
  retired,
  powershell: powershellRemovals(readFileSync(join(root, 'src/reference/vm-image-aliases-powershell.md'), 'utf8')),
};
writeOrCheck(out, `${JSON.stringify(table, null, 1)}\n`, `npx tsx scripts/generate-vm-image-aliases.ts --source <git dir of ${REPO}> (snapshot ${head.commit})`);
