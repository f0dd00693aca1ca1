// Generates src/reference/policy-initiative-renames.json: the built-in Azure Policy initiatives (policy
// set definitions) whose display name changed, from the git history of Azure/azure-policy
// (built-in-policies/policySetDefinitions/**, the built-in definitions as Azure publishes them). A page
// that looks an initiative up by an old display name (Get-AzPolicySetDefinition | where
// {$_.Properties.displayName -EQ 'Azure Security Benchmark'}) finds nothing: Azure knows it only by its
// current name (Microsoft cloud security benchmark; a reader's report, MicrosoftDocs/azure-docs#117923).
//
//   npx tsx scripts/generate-policy-renames.ts [--source <git dir>] [--out <file>] [--check]
//
// An initiative is followed by its name (the GUID Azure identifies it by), across file moves. Every
// display name a version of it had before its current one is listed, with the commit that changed it,
// unless another current initiative has that name (a lookup by it still finds something). The output
// depends on the snapshot's HEAD only.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyRename } from '../src/reference/policy-initiative-renames.ts';
import { git, snapshotSource } from './git-snapshot.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const FOLDER = 'built-in-policies/policySetDefinitions';
const OUT = resolve(ROOT, 'src/reference/policy-initiative-renames.json');


interface Version {
  id: string;
  name: string;
  path: string;
  commit: string;
  date: string;
}

function parseVersion(text: string): { id: string; name: string } | undefined {
  try {
    const j = JSON.parse(text.replace(/^\uFEFF/, '')) as { name?: unknown; properties?: { displayName?: unknown } };
    return typeof j.name === 'string' && typeof j.properties?.displayName === 'string' ? { id: j.name.toLowerCase(), name: j.properties.displayName.trim() } : undefined;
  } catch {
    return undefined; // a version that was not valid JSON names nothing
  }
}

function generate(source: string): string {
  const [head = '', headDate = ''] = git(source, ['log', '-1', '--format=%H%n%cI', 'HEAD']).toString().trim().split('\n');
  // Every version of every file, with the first commit that has it: one `git log --raw` (each commit's
  // new blobs), the root commit's files included.
  const commits: Array<{ sha: string; date: string }> = [];
  const blobs = new Map<string, { path: string; commit: string; date: string }>();
  const log = git(source, ['log', '--reverse', '--root', '-m', '--raw', '--no-abbrev', '--no-renames', '-z', '--format=@%H %cs', 'HEAD', '--', `${FOLDER}/`]).toString('utf8');
  let commit = { sha: '', date: '' };
  const parts = log.split('\0');
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] as string;
    const header = /(?:^|\n)@([0-9a-f]{40}) (\S+)\n*(.*)$/s.exec(part);
    if (header) {
      commit = { sha: header[1] as string, date: header[2] as string };
      commits.push(commit);
      part = header[3] as string;
    }
    const raw = /^:\d+ \d+ [0-9a-f]{40} ([0-9a-f]{40}) [A-Z]\d*$/.exec(part.trim());
    if (!raw) continue;
    const path = parts[++i] ?? '';
    const blob = raw[1] as string;
    if (path.endsWith('.json') && !/^0+$/.test(blob) && !blobs.has(blob)) blobs.set(blob, { path, commit: commit.sha, date: commit.date });
  }
  const treeOf = (sha: string) =>
    git(source, ['ls-tree', '-r', '-z', sha, `${FOLDER}/`])
      .toString()
      .split('\0')
      .filter(Boolean)
      .map((line) => ({ blob: line.slice(0, line.indexOf('\t')).split(' ')[2] ?? '', path: line.slice(line.indexOf('\t') + 1) }))
      .filter((e) => e.path.endsWith('.json'));
  const shas = [...blobs.keys()];
  const out = git(source, ['cat-file', '--batch'], `${shas.join('\n')}\n`);
  const versions: Version[] = [];
  let at = 0;
  for (const sha of shas) {
    const eol = out.indexOf(10, at);
    const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
    const v = parseVersion(out.subarray(eol + 1, eol + 1 + size).toString('utf8'));
    const seen = blobs.get(sha)!;
    if (v) versions.push({ ...v, ...seen });
    at = eol + 1 + size + 1;
  }
  const order = new Map(commits.map((c, i) => [c.sha, i]));
  versions.sort((a, b) => (order.get(a.commit) ?? 0) - (order.get(b.commit) ?? 0) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  // The initiatives at HEAD: their current names, and the file each is in (the public cloud's when several clouds have one).
  const current = new Map<string, { name: string; path: string }>();
  for (const e of treeOf(head)) {
    const v = versions.find((x) => x.path === e.path && blobs.get(e.blob)?.commit === x.commit && x.path === blobs.get(e.blob)?.path);
    const text = v ? undefined : git(source, ['cat-file', 'blob', e.blob]).toString('utf8');
    const parsed = v ? { id: v.id, name: v.name } : text ? parseVersion(text) : undefined;
    if (!parsed) continue;
    const known = current.get(parsed.id);
    const sovereign = (p: string) => /\/Azure (?:Government|China)\//.test(p);
    if (!known || (sovereign(known.path) && !sovereign(e.path))) current.set(parsed.id, { name: parsed.name, path: e.path });
  }
  const currentNames = new Set([...current.values()].map((c) => c.name.toLowerCase()));

  const renames = new Map<string, PolicyRename>();
  const byId = new Map<string, Version[]>();
  for (const v of versions) byId.set(v.id, [...(byId.get(v.id) ?? []), v]);
  for (const [id, list] of byId) {
    const now = current.get(id);
    if (!now) continue; // no longer built in: not a rename
    for (let i = 0; i < list.length - 1; i++) {
      const a = list[i]!;
      const next = list.slice(i + 1).find((b) => b.name !== a.name);
      if (!next || a.name.toLowerCase() === now.name.toLowerCase() || currentNames.has(a.name.toLowerCase())) continue;
      const key = `${a.name.toLowerCase()}\u0000${id}`;
      if (!renames.has(key)) renames.set(key, { old: a.name, now: now.name, id, path: now.path, commit: next.commit.slice(0, 12), date: next.date });
    }
  }
  // An old name two initiatives had in turn ("Azure Security Benchmark": the v1 audit initiative in 2020,
  // then Defender for Cloud's default initiative until 2023) meant the last one to give it up.
  const last = new Map<string, PolicyRename>();
  for (const r of renames.values()) {
    const k = r.old.toLowerCase();
    const known = last.get(k);
    if (!known || r.date > known.date || (r.date === known.date && r.commit > known.commit)) last.set(k, r);
  }
  const list = [...last.values()].sort((a, b) => (a.old.toLowerCase() < b.old.toLowerCase() ? -1 : a.old.toLowerCase() > b.old.toLowerCase() ? 1 : 0));
  const about = {
    source: 'https://github.com/Azure/azure-policy',
    files: `${FOLDER}/**/*.json (git history)`,
    commit: head,
    commitDate: headDate,
    generator: 'scripts/generate-policy-renames.ts',
    note: 'Generated: do not edit by hand. Regenerate: npx tsx scripts/generate-policy-renames.ts --source <git dir of Azure/azure-policy>; verify: add --check.',
    legend: 'old: a display name a built-in initiative had; now: its display name at the commit; id: its name (GUID); path: its file; commit/date: the change that replaced the old name',
  };
  return `{\n"about": ${JSON.stringify(about, null, 1)},\n"renames": [\n${list.map((r) => JSON.stringify(r)).join(',\n')}\n]\n}\n`;
}

function main(): number {
  const source = snapshotSource('Azure/azure-policy', 'AZURE_POLICY_GIT', '/work/.mirror/Azure+azure-policy/repo');
  const at = process.argv.indexOf('--out');
  const out = at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : OUT;
  const text = generate(source);
  const shown = relative(process.cwd(), out) || out;
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(out, 'utf8');
    } catch {
      process.stderr.write(`${shown}: missing\n`);
      return 1;
    }
    if (committed === text) {
      process.stdout.write(`${shown}: identical to a regeneration from ${source}\n`);
      return 0;
    }
    process.stderr.write(`${shown}: differs from a regeneration from ${source}\n`);
    return 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`${shown}: ${text.length} bytes\n`);
  return 0;
}

process.exitCode = main();
