// The tool's temporary folders (a tutorial's working folder, the emulator's instance folder,
// Azurite's, the shell engine's), created and removed here so that none outlives the process: each
// is removed by its owner when done, and whatever is left when the process exits (Ctrl-C, a
// termination, an error that skipped a `finally`) is removed by one exit hook. An exit hook must be
// synchronous; a folder removed twice is no error.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Live folders, each with what must stop before it is removed (a child process working in it). */
const live = new Map<string, (() => void) | undefined>();
let hooked = false;

function track(path: string): string {
  live.set(path, undefined);
  if (!hooked) {
    hooked = true;
    process.once('exit', () => {
      // Stop the folder's users first: a process still running in it could create it again.
      for (const stop of live.values()) stop?.();
      for (const p of live.keys()) rmSync(p, { recursive: true, force: true });
    });
  }
  return path;
}

/**
 * What to stop (synchronously) before `path` is removed at exit: a child process working in it
 * (Azurite creates its folder again if it is still starting).
 */
export function stopBeforeRemoval(path: string, stop: () => void): void {
  if (live.has(path)) live.set(path, stop);
}

/**
 * A path of the tool's own outside the temporary directory (a report staging folder, a report file
 * being written under a temporary name) that must not outlive the process: removed at exit unless
 * released first (it became the real thing).
 */
export function removeAtExit(path: string): void {
  track(path);
}

export function releaseAtExit(path: string): void {
  live.delete(path);
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
