// The tool's temporary folders (a tutorial's working folder, the emulator's instance folder,
// Azurite's, the shell engine's), created and removed here so that none outlives the process: each
// is removed by its owner when done, and whatever is left when the process exits (Ctrl-C, a
// termination, an error that skipped a `finally`) is removed by one exit hook. An exit hook must be
// synchronous; a folder removed twice is no error.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let hooked = false;

function track(path: string): string {
  live.add(path);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      for (const p of live) rmSync(p, { recursive: true, force: true });
    });
  }
  return path;
}

/** A new folder under the system's temporary directory, named `<prefix>XXXXXX`. */
export async function makeTempFolder(prefix: string): Promise<string> {
  return track(await mkdtemp(join(tmpdir(), prefix)));
}

export function makeTempFolderSync(prefix: string): string {
  return track(mkdtempSync(join(tmpdir(), prefix)));
}

export async function removeTempFolder(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  live.delete(path);
}

export function removeTempFolderSync(path: string): void {
  rmSync(path, { recursive: true, force: true });
  live.delete(path);
}
