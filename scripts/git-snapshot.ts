// Reads files of a git snapshot (a `fetch`ed mirror, a bare clone will do) at its HEAD without a
// work tree: `ls-tree` for the paths, one `git cat-file --batch` for the contents. The generators of
// src/reference/ read their sources through this, so their output depends on the commit only.
import { execFileSync } from 'node:child_process';

export function git(dir: string, args: string[], input?: string): Buffer {
  return execFileSync('git', ['-C', dir, ...args], { maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'], ...(input === undefined ? {} : { input }) });
}

export interface Snapshot {
  commit: string;
  /** The commit's date (ISO 8601), which the generated file records. */
  date: string;
  files: Array<{ path: string; text: string }>;
}

/** The files under `folder` (recursively) at HEAD that `keep` accepts, sorted by path. */
export function readSnapshot(dir: string, folder: string, keep: (path: string) => boolean): Snapshot {
  const [commit = '', date = ''] = git(dir, ['log', '-1', '--format=%H%n%cI', 'HEAD']).toString().trim().split('\n');
  const entries = git(dir, ['ls-tree', '-r', '-z', 'HEAD', `${folder}/`])
    .toString()
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return { sha: line.slice(0, tab).split(' ')[2] ?? '', path: line.slice(tab + 1) };
    })
    .filter((e) => keep(e.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out = git(dir, ['cat-file', '--batch'], `${entries.map((e) => e.sha).join('\n')}\n`);
  const files: Array<{ path: string; text: string }> = [];
  let at = 0;
  for (const e of entries) {
    const eol = out.indexOf(10, at);
    const size = Number(out.subarray(at, eol).toString().split(' ')[2]);
    files.push({ path: e.path, text: out.subarray(eol + 1, eol + 1 + size).toString('utf8') });
    at = eol + 1 + size + 1;
  }
  return { commit, date, files };
}

/**
 * The git directory of a snapshot of `repo`: `--source DIR`, else the environment variable `env`, else
 * the `fetch` mirror `mirror`. Exits 2 when --source is given without a directory.
 */
export function snapshotSource(repo: string, env: string, mirror: string): string {
  const at = process.argv.indexOf('--source');
  const source = at >= 0 ? process.argv[at + 1] : (process.env[env] ?? mirror);
  if (!source) {
    process.stderr.write(`--source needs the git directory of a clone of ${repo}\n`);
    process.exit(2);
  }
  return source;
}
