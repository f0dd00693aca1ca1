// The emulator's state folder keeps its CA key and the tenant's token signing key between runs.
// Whoever can write to that folder, or read those keys, can make every client that trusts the CA
// accept their certificates and can forge tokens the emulator accepts. So a folder is used only when
// it is this user's, nobody else can write to it, and nothing in it that is secret is readable by
// others; otherwise the emulator makes a fresh private folder for the run and says why. The fallback
// default under the shared temporary directory has a predictable name: that is exactly where
// another user could plant one.
import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import { lstat, mkdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempFolder, removeTempFolder } from '../temp-folders.ts';
import { BUNDLE_FILE } from './tls.ts';
import { KEY_FILE } from './signing-keys.ts';

export interface StateDir {
  /** The folder in use (real path, no symbolic link in the last component). */
  path: string;
  /** Why the requested folder was not used; the folder in use is then a fresh private one. */
  refused?: { requested: string; reason: string };
  /** Removes the folder when it was made for this run only. */
  release(): Promise<void>;
}

/**
 * The files the emulator reads its keys from. Other entries are not its concern (the folder is
 * shared: the tests keep a browser in it); the CA certificate file is rewritten at every boot.
 */
const KEY_FILES = [BUNDLE_FILE, KEY_FILE];

/** The default folder: the project's `node_modules/.cache`, else one named after the user in the temporary directory. */
export function defaultStateDir(): string {
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const cache = join(projectRoot, 'node_modules', '.cache');
  const candidate = join(cache, 'tutorial-conformance');
  try {
    mkdirSync(cache, { recursive: true });
    mkdirSync(candidate, { recursive: true, mode: 0o700 });
    accessSync(candidate, fsConstants.W_OK);
    return candidate;
  } catch {
    return join(os.tmpdir(), `tutorial-conformance-${os.userInfo().uid}`);
  }
}

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(3, '0');

/**
 * Why `dir` must not be used as a state folder, or undefined when it may. `uid` is the user it must
 * belong to (this process's). Where the platform has no owners (Windows), only the kind is checked.
 */
export async function inspectStateDir(dir: string, uid: number | undefined = process.getuid?.()): Promise<string | undefined> {
  const link = await lstat(dir);
  if (link.isSymbolicLink() && uid !== undefined && link.uid !== uid) return `it is a symbolic link owned by uid ${link.uid}, not by this user`;
  const st = link.isSymbolicLink() ? await stat(dir) : link;
  if (!st.isDirectory()) return 'it is not a folder';
  if (uid === undefined) return undefined;
  if (st.uid !== uid) return `it is owned by uid ${st.uid}, not by this user (uid ${uid})`;
  if ((st.mode & 0o022) !== 0) return `it is writable by others (mode ${octal(st.mode)})`;
  for (const name of KEY_FILES) {
    const f = await lstat(join(dir, name)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined; // made at this boot
      throw err;
    });
    if (f === undefined) continue;
    if (!f.isFile()) return `${name} in it is not a regular file`;
    if (f.uid !== uid) return `${name} in it is owned by uid ${f.uid}, not by this user`;
    if ((f.mode & 0o077) !== 0) return `${name} in it is readable or writable by others (mode ${octal(f.mode)})`;
  }
  return undefined;
}

/**
 * The state folder to use for `requested`: created private (0700) when absent, used as is when it
 * passes `inspectStateDir`, else replaced for this run by a fresh private folder (removed by
 * `release`). A fresh folder means a new CA and signing key: clients must trust the CA file the
 * emulator names for this run.
 */
export async function openStateDir(requested: string): Promise<StateDir> {
  let reason: string;
  try {
    await mkdir(requested, { recursive: true, mode: 0o700 });
    const problem = await inspectStateDir(requested);
    if (problem === undefined) {
      const path = await realpath(requested);
      return { path, release: async () => undefined };
    }
    reason = problem;
  } catch (err) {
    reason = `it cannot be used (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
  }
  const fresh = await makeTempFolder('tc-emulator-state-');
  return { path: fresh, refused: { requested, reason }, release: () => removeTempFolder(fresh) };
}
