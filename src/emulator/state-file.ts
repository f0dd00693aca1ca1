// Files in the emulator's state folder that several emulators starting at once may all want to
// create (the TLS bundle, the token signing key): whoever writes first wins and the others use that
// file. Written whole under a temporary name, then published by a hard link (which fails if the file
// exists) or, to replace a stale or damaged file, by a rename.
import { randomBytes } from 'node:crypto';
import { link, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Publishes `text` at `path` (mode 0600). Without `replace`, only if no file is there yet: returns
 * false when another writer got there first (read theirs). With `replace`, always.
 */
export async function publishStateFile(path: string, text: string, opts: { replace: boolean }): Promise<boolean> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}`);
  await writeFile(tmp, text, { mode: 0o600 });
  try {
    if (opts.replace) await rename(tmp, path);
    else await link(tmp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return false;
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}
