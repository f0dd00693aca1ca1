// Where reports go, and how they get there without ever being half there (design.md, "Reports").
//
//   <out>/20261123-010325-3f9a2c/   one folder per run: UTC time and a random run id, so two runs
//                                   started in the same second never share one
//   <out>/latest -> 20261123-…      a symlink, replaced by one rename: always wholly one run's
//   <out>/.tc-staging-XXXXXX/       where a run's files are written first; renamed to its run
//                                   folder only when complete, removed at exit if it never is
//
// Every location is checked before the first step (prepareOutputs): the run folder's root is created
// and its staging folder made in it; a single file's folder is created and a file made and removed
// there. Single files (--report-html FILE …) are written to a temporary name beside them and renamed.
// Where symlinks cannot be made, `latest` is a real folder, copied and swapped in by renames.
// Older run folders are pruned to `keep`; the one `latest` points to always stays.
import { randomBytes } from 'node:crypto';
import { cp, lstat, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, symlink, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { ToolError } from '../errors.ts';
import { releaseAtExit, removeAtExit } from '../temp-folders.ts';

/** A run folder's name: 20261123-010325-3f9a2c (and 20261123-010325, from before run ids). */
export const RUN_FOLDER = /^\d{8}-\d{6}(-[0-9a-f]{6})?$/;

/** 20261122-221338, in UTC. */
export function runStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export interface OutputPlan {
  /** `--out DIR`: a folder per run under `root`, `root/latest` pointing to the newest; `option` names it in errors. */
  runFolders?: { root: string; keep: number; option: string };
  /** Single files keyed by the option that named them (`--report-html`), each replaced whole. */
  files?: Readonly<Record<string, string>>;
}

export interface OutputContents {
  /** File name → text, for the run folder. */
  runFolder?: Readonly<Record<string, string>>;
  /** Option → text, for each single file of the plan. */
  files?: Readonly<Record<string, string>>;
}

export interface Published {
  /** The run's own folder, and `latest`, when the plan has run folders. */
  runFolder?: string;
  latest?: string;
  files: Record<string, string>;
  /** Run folders deleted to keep `keep`. */
  pruned: string[];
}

export interface PublishHooks {
  /** Awaited once, after the first file is written and before anything becomes visible (tests hold here). */
  whileWriting?: () => Promise<void>;
  /** Makes `latest`; a test passes one that fails as on a file system without symlinks. */
  symlink?: (target: string, path: string) => Promise<void>;
}

export interface PreparedOutputs {
  readonly plan: OutputPlan;
  publish(contents: OutputContents, hooks?: PublishHooks): Promise<Published>;
  /** Nothing will be written after all (nothing selected, an error): remove what the check made. */
  discard(): Promise<void>;
}

const code = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? 'error';

function why(err: unknown): string {
  switch (code(err)) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'ENOENT':
      return 'a part of the path does not exist and cannot be created';
    default:
      return `${(err as Error).message}`;
  }
}

function cannotWrite(option: string, path: string, reason: string): ToolError {
  return new ToolError('E_OUTPUT', `${option} ${path}: cannot be written: ${reason}`);
}

/**
 * mkdir -p, one level at a time, returning the folders it made (outermost first) so that a discard
 * can remove them. Not mkdir's own `recursive`: on Node 20 it loops forever under /proc and reports
 * success when a part of the path is a file.
 */
async function makeFolder(path: string, option: string, shown = path): Promise<string[]> {
  const missing: string[] = [];
  let p = resolve(path);
  for (;;) {
    const st = await stat(p).catch((err: unknown) => (code(err) === 'ENOENT' ? undefined : Promise.reject(err))).catch((err: unknown) => {
      throw cannotWrite(option, shown, why(err));
    });
    if (st !== undefined) {
      if (!st.isDirectory()) throw cannotWrite(option, shown, p === resolve(path) && shown === path ? 'it is a file, not a folder' : 'a part of the path is a file, not a folder');
      break;
    }
    missing.unshift(p);
    if (dirname(p) === p) break;
    p = dirname(p);
  }
  const made: string[] = [];
  for (const m of missing) {
    try {
      await mkdir(m);
      made.push(m);
    } catch (err) {
      if (code(err) === 'EEXIST' && (await stat(m).catch(() => undefined))?.isDirectory()) continue; // made meanwhile by another run
      await removeFolders(made);
      throw cannotWrite(option, shown, why(err));
    }
  }
  return made;
}

/** A temporary name beside `path`, hidden, unique to this process and call. */
function temporaryBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Whole or not at all: written under a temporary name, renamed over `path`. `check` (optional) reads
 * what was written before it is put in place: a reason it gives keeps the file out (E_OUTPUT).
 */
export async function writeFileAtomically(path: string, text: string, check?: (written: string) => string | undefined): Promise<void> {
  const tmp = temporaryBeside(path);
  removeAtExit(tmp);
  try {
    await writeFile(tmp, text, 'utf8');
    const problem = check?.(await readFile(tmp, 'utf8'));
    if (problem !== undefined) throw new ToolError('E_OUTPUT', `${path}: ${problem}; it was not put in place`);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
    releaseAtExit(tmp);
  }
}

/** That a file can be made at `path` (its folder created): a file is made beside it and removed. */
async function checkFile(option: string, path: string): Promise<string[]> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw cannotWrite(option, path, 'it is a folder; give a file name');
  const made = await makeFolder(dirname(path), option, path);
  const probe = temporaryBeside(path);
  try {
    await (await open(probe, 'wx')).close();
  } catch (err) {
    await removeFolders(made);
    throw cannotWrite(option, path, why(err));
  } finally {
    await unlink(probe).catch(() => undefined);
  }
  return made;
}

/** That files can be written straight into the folder `path` (merge's --out): made if missing, a file made there and removed. */
export async function checkFolder(option: string, path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) throw cannotWrite(option, path, 'it is a file, not a folder');
  await checkFile(option, join(path, '.tc-probe'));
}

/** That text can be appended to `path` (a job summary): it exists and is writable, or can be made. */
export async function checkAppendable(option: string, path: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw cannotWrite(option, path, 'it is a folder; give a file name');
  if (existing !== undefined) {
    try {
      await (await open(path, 'a')).close();
    } catch (err) {
      throw cannotWrite(option, path, why(err));
    }
    return;
  }
  const parent = await stat(dirname(path)).catch(() => undefined);
  if (parent === undefined || !parent.isDirectory()) throw cannotWrite(option, path, `the folder ${dirname(path)} does not exist`);
  await checkFile(option, path);
}

/** Empty folders this process made, innermost first; one another process wrote into stays. */
async function removeFolders(made: readonly string[]): Promise<void> {
  for (const p of [...made].reverse()) await rmdir(p).catch(() => undefined);
}

export async function prepareOutputs(plan: OutputPlan): Promise<PreparedOutputs> {
  const made: string[] = [];
  let staging: string | undefined;
  const seen = new Map<string, string>();
  for (const [option, path] of Object.entries(plan.files ?? {})) {
    const other = seen.get(resolve(path));
    if (other !== undefined) throw new ToolError('E_USAGE', `${other} and ${option} name the same file ${path}; give each its own`);
    seen.set(resolve(path), option);
  }
  try {
    const rf = plan.runFolders;
    if (rf !== undefined) {
      const root = resolve(rf.root);
      if (parse(root).root === root) throw cannotWrite(rf.option, rf.root, 'it is the root of the file system; give a folder of its own');
      const existing = await stat(root).catch(() => undefined);
      if (existing !== undefined && !existing.isDirectory()) throw cannotWrite(rf.option, rf.root, 'it is a file, not a folder');
      made.push(...(await makeFolder(root, rf.option)));
      // mkdir (not mkdtemp, whose folder is private): the run folder gets the umask's mode, as any folder would.
      staging = join(root, `.tc-staging-${randomBytes(8).toString('hex')}`);
      try {
        await mkdir(staging);
      } catch (err) {
        staging = undefined;
        throw cannotWrite(rf.option, rf.root, why(err));
      }
      removeAtExit(staging);
    }
    for (const [option, path] of Object.entries(plan.files ?? {})) made.push(...(await checkFile(option, path)));
  } catch (err) {
    if (staging !== undefined) await rm(staging, { recursive: true, force: true });
    await removeFolders(made);
    throw err;
  }

  const discard = async (): Promise<void> => {
    if (staging !== undefined) {
      await rm(staging, { recursive: true, force: true });
      releaseAtExit(staging);
    }
    await removeFolders(made);
  };

  const publish = async (contents: OutputContents, hooks: PublishHooks = {}): Promise<Published> => {
    let held = false;
    const afterFirstFile = async (): Promise<void> => {
      if (held || hooks.whileWriting === undefined) return;
      held = true;
      await hooks.whileWriting();
    };
    const published: Published = { files: {}, pruned: [] };
    const rf = plan.runFolders;
    if (rf !== undefined && staging !== undefined) {
      for (const [name, text] of Object.entries(contents.runFolder ?? {})) {
        await writeFile(join(staging, name), text, 'utf8');
        await afterFirstFile();
      }
      const folder = await moveIntoPlace(staging, rf.root);
      releaseAtExit(staging);
      published.runFolder = folder;
      published.latest = await switchLatest(rf.root, basename(folder), hooks.symlink ?? ((t, p) => symlink(t, p, 'dir')));
      published.pruned = await prune(rf.root, rf.keep, basename(folder));
    }
    for (const [option, path] of Object.entries(plan.files ?? {})) {
      const text = contents.files?.[option];
      if (text === undefined) continue;
      const tmp = temporaryBeside(path);
      removeAtExit(tmp);
      try {
        await writeFile(tmp, text, 'utf8');
        await afterFirstFile();
        await rename(tmp, path);
      } finally {
        await rm(tmp, { force: true });
        releaseAtExit(tmp);
      }
      published.files[option] = path;
    }
    return published;
  };

  return { plan, publish, discard };
}

/** The staging folder renamed to `<time>-<run id>`; another id if that name is taken. */
async function moveIntoPlace(staging: string, root: string): Promise<string> {
  const stamp = runStamp(new Date());
  for (let attempt = 0; ; attempt++) {
    const folder = join(root, `${stamp}-${randomBytes(3).toString('hex')}`);
    // rename() would replace an empty folder of that name; a taken name must stay its owner's.
    if (await lstat(folder).then(() => true, () => false)) continue;
    try {
      await rename(staging, folder);
      return folder;
    } catch (err) {
      if (attempt < 5 && ['EEXIST', 'ENOTEMPTY'].includes(code(err))) continue;
      throw err;
    }
  }
}

/**
 * `root/latest` → `name`, switched in one rename, so a reader sees the previous run or this one,
 * never a mix. A `latest` that is a real folder (an older version's, or made where symlinks are not
 * allowed) is moved aside first; where symlinks fail, `latest` becomes a copy swapped in by renames.
 */
async function switchLatest(root: string, name: string, makeSymlink: (target: string, path: string) => Promise<void>): Promise<string> {
  const latest = join(root, 'latest');
  const id = randomBytes(4).toString('hex');
  const fresh = join(root, `.tc-latest-${id}`);
  removeAtExit(fresh);
  try {
    try {
      await makeSymlink(name, fresh);
    } catch {
      await cp(join(root, name), fresh, { recursive: true });
    }
    try {
      await rename(fresh, latest);
    } catch (err) {
      if (!['EISDIR', 'ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EPERM'].includes(code(err))) throw err;
      const aside = join(root, `.tc-latest-old-${id}`);
      removeAtExit(aside);
      await rename(latest, aside);
      await rename(fresh, latest);
      await rm(aside, { recursive: true, force: true });
      releaseAtExit(aside);
    }
  } finally {
    await rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    releaseAtExit(fresh);
  }
  return latest;
}

/** Run folders beyond the newest `keep` deleted (never `current`); returns their paths. */
async function prune(root: string, keep: number, current: string): Promise<string[]> {
  const names = (await readdir(root)).filter((n) => RUN_FOLDER.test(n));
  // Newest first: by the time in the name, then (two runs in one second) by when each was written.
  const dated = await Promise.all(names.map(async (n) => ({ n, at: `${n.slice(0, 15)}:${String(Math.floor((await stat(join(root, n)).catch(() => undefined))?.mtimeMs ?? 0)).padStart(16, '0')}` })));
  dated.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const doomed = dated.slice(Math.max(keep, 1)).map((d) => d.n).filter((n) => n !== current);
  for (const n of doomed) await rm(join(root, n), { recursive: true, force: true });
  return doomed.map((n) => join(root, n));
}
