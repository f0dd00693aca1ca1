// The commands that left the Azure CLI reference, read from the git history of a MicrosoftDocs/
// azure-docs-cli snapshot: az keeps running many commands the reference no longer lists (hidden or
// deprecated ones such as `az group deployment create`, `az webapp deployment source config-zip`),
// so a command missing from today's reference is not proof that az rejects it. For each such command:
// the day and commit of the last change that removed it from the reference, and what its last entry
// (or its group's) said to use instead. Used by scripts/generate-az-table.ts; depends on the
// snapshot's HEAD only (the history of a commit does not change).
//
// The reference for the current CLI ("latest") lived at three places over the years:
// docs-ref-autogen/ (2017), latest/docs-ref-autogen/ (2018 to 2025) and
// docs-ref-autogen/Latest-version/latest/ (since); the profile folders (LTS, hybrid) are other CLIs.
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { parse as parseYaml } from 'yaml';

export interface RetiredCommand {
  left: string;
  commit: string;
  use?: string;
}

const PATHSPECS = [
  ':(glob)docs-ref-autogen/**/*.yml',
  ':(glob)latest/docs-ref-autogen/**/*.yml',
  ':(exclude)docs-ref-autogen/LTS-version',
  ':(exclude,glob)**/TOC.yml',
  ':(exclude,glob)**/service-page/**',
];

/** A `name: az …` line of a reference page: a group's (column 0) or a command's (indented). */
const NAME_LINE = /^([-+])(?:- )? *name: az (\S.*?)\s*$/;

interface Removal {
  commit: string;
  date: string;
  file: string;
}

/**
 * Every `name: az …` ever written in the latest reference, and for each the newest change that
 * removed such a line (git log is newest first). One streamed `git log -p`: half a gigabyte of diff.
 */
async function scanHistory(dir: string): Promise<{ ever: Set<string>; lastRemoval: Map<string, Removal> }> {
  const git = spawn('git', ['-C', dir, 'log', '--format=@@@ %H %cI', '-p', '--unified=0', '--no-renames', '--no-color', 'HEAD', '--', ...PATHSPECS], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  git.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const ever = new Set<string>();
  const lastRemoval = new Map<string, Removal>();
  let commit = '';
  let date = '';
  let file = '';
  for await (const line of createInterface({ input: git.stdout, crlfDelay: Infinity })) {
    if (line.startsWith('@@@ ')) {
      [, commit = '', date = ''] = line.split(' ');
      continue;
    }
    if (line.startsWith('--- ')) {
      file = line.startsWith('--- a/') ? line.slice(6) : '';
      continue;
    }
    if (!line.includes('name: az ')) continue;
    const m = NAME_LINE.exec(line);
    if (!m) continue;
    const name = m[2] as string;
    ever.add(name);
    if (m[1] === '-' && !lastRemoval.has(name)) lastRemoval.set(name, { commit, date, file });
  }
  const code: number = await new Promise((resolve) => git.on('close', resolve));
  if (code !== 0) throw new Error(`git log failed (${code}): ${stderr.trim()}`);
  return { ever, lastRemoval };
}

/** "Use 'deployment group' instead" → "deployment group". */
const redirect = (info: unknown): string | undefined => (typeof info === 'string' ? /Use '([^']+)' instead/.exec(info)?.[1]?.replace(/^az /, '') : undefined);

/** The first and last words of a summary, lower-cased: "Creates a Data Transfer Copy Job." → "creates … job". */
const gistOf = (summary: unknown): string | undefined => {
  const words = typeof summary === 'string' ? summary.toLowerCase().match(/[a-z]+/g) ?? [] : [];
  return words.length < 2 ? undefined : `${words[0]} … ${words[words.length - 1]}`;
};

/**
 * A group's rename applied to one of its commands. The same name in the new group when today's
 * reference has it (`cosmosdb dts show` → `cosmosdb copy show`); else the one command at the same
 * place in the new group whose summary starts and ends with the same words (`cosmosdb dts copy`,
 * "Creates a Data Transfer Copy Job." → `cosmosdb copy create`, "Creates a container copy job."),
 * since a rename of the group may rename its commands too; else the new group itself, which is what
 * the entry said.
 */
function renamed(groupUse: string, rest: string, summary: unknown, today: ReadonlyMap<string, string>): string {
  const same = `${groupUse} ${rest}`;
  if (today.has(same) || today.size === 0) return same;
  const gist = gistOf(summary);
  const parent = same.slice(0, same.lastIndexOf(' '));
  const depth = same.split(' ').length;
  const alike = [...today].filter(([path, s]) => gist !== undefined && path.startsWith(`${parent} `) && path.split(' ').length === depth && gistOf(s) === gist);
  return alike.length === 1 ? (alike[0] as [string, string])[0] : groupUse;
}

/**
 * What the command's last entry said to use: its own deprecation, else its group's (moving the
 * command with the group). `today`: today's commands and their summaries (empty: no check).
 */
export function lastAdvice(page: unknown, path: string, today: ReadonlyMap<string, string>): string | undefined {
  if (typeof page !== 'object' || page === null) return undefined;
  const group = page as { name?: unknown; deprecateInfo?: unknown; directCommands?: unknown };
  const commands = Array.isArray(group.directCommands) ? (group.directCommands as Array<{ name?: unknown; deprecateInfo?: unknown; summary?: unknown }>) : [];
  const own = commands.find((c) => c.name === `az ${path}`);
  const implicit = typeof own?.deprecateInfo === 'string' && own.deprecateInfo.includes('implicitly deprecated because command group');
  const direct = implicit ? undefined : redirect(own?.deprecateInfo);
  if (direct) return direct;
  const groupUse = redirect(group.deprecateInfo) ?? (implicit ? redirect(own?.deprecateInfo) : undefined);
  if (!groupUse || typeof group.name !== 'string') return undefined;
  // The group the rename is of: the page's own, or the ancestor an implicit deprecation names
  // ("… because command group 'spring-cloud' is deprecated …": `spring-cloud connection create x`
  // moves to `spring connection create x`, not `spring x`).
  const named = redirect(group.deprecateInfo) === undefined && typeof own?.deprecateInfo === 'string' ? /command group '([^']+)' is deprecated/.exec(own.deprecateInfo)?.[1]?.replace(/^az /, '') : undefined;
  const groupPath = named !== undefined && path.startsWith(`${named} `) ? named : group.name.replace(/^az /, '');
  return path.startsWith(`${groupPath} `) ? renamed(groupUse, path.slice(groupPath.length + 1), own?.summary, today) : groupUse;
}

/**
 * The commands that left the reference (never groups: a name that other names continue), keyed by
 * path, sorted. `isCurrent` says whether a path is a command or group of today's table; `today`
 * maps today's commands to their summaries (where a group's rename leads).
 */
export async function retiredCommands(dir: string, isCurrent: (path: string) => boolean, today: ReadonlyMap<string, string> = new Map()): Promise<Array<[string, RetiredCommand]>> {
  const { ever, lastRemoval } = await scanHistory(dir);
  const prefixes = new Set<string>();
  for (const name of ever) for (let at = name.indexOf(' '); at > 0; at = name.indexOf(' ', at + 1)) prefixes.add(name.slice(0, at));
  const gone = [...ever].filter((name) => !isCurrent(name) && !prefixes.has(name) && lastRemoval.has(name)).sort();
  // The removed pages, read at the parent of the commit that removed each command: one cat-file run.
  const specs = [...new Set(gone.map((name) => { const r = lastRemoval.get(name) as Removal; return `${r.commit}^:${r.file}`; }))];
  const pages = new Map<string, unknown>();
  if (specs.length > 0) {
    const out = execFileSync('git', ['-C', dir, 'cat-file', '--batch'], { input: `${specs.join('\n')}\n`, maxBuffer: 1 << 30 });
    let at = 0;
    for (const spec of specs) {
      const eol = out.indexOf(10, at);
      const header = out.subarray(at, eol).toString();
      if (header.endsWith(' missing')) {
        at = eol + 1;
        continue;
      }
      const size = Number(header.split(' ')[2]);
      const text = out.subarray(eol + 1, eol + 1 + size).toString('utf8');
      at = eol + 1 + size + 1;
      try {
        pages.set(spec, parseYaml(text, { schema: 'failsafe' }));
      } catch {
        // an old page the YAML reader refuses: no advice from it
      }
    }
  }
  return gone.map((name): [string, RetiredCommand] => {
    const r = lastRemoval.get(name) as Removal;
    const use = lastAdvice(pages.get(`${r.commit}^:${r.file}`), name, today);
    return [name, { left: r.date.slice(0, 10), commit: r.commit.slice(0, 12), ...(use ? { use } : {}) }];
  });
}
