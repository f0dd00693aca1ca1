// The suite's temporary files go to a folder of its own, removed when the suite ends: tests (and the
// servers, shells and CLI runs they start) create hundreds of temporary folders, and one that a test
// forgot, or a process killed at a timeout left, should not pile up in the machine's /tmp. Tests that
// check the product leaves nothing behind point TMPDIR at a folder of their own and look into it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let folder: string | undefined;

export function setup(): void {
  folder = mkdtempSync(join(tmpdir(), 'tc-suite-'));
  // Read by os.tmpdir() in every worker and in every process they start.
  process.env.TMPDIR = folder;
}

export function teardown(): void {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
}
