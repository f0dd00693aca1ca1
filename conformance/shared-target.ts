// One emulator per vitest worker: test files of the conformance suite run one after another in a
// worker (isolate: false), each tutorial starts from the scenario through reset(), and the emulator
// is closed once no file has used it for a moment, so a worker never holds it after its last file.
import type { Target } from '../src/run/target.ts';
import { startEmulatorTarget } from '../src/run/targets/emulator.ts';

const IDLE_CLOSE_MS = 2_000;
let shared: Promise<Target> | undefined;
let users = 0;
let idleTimer: NodeJS.Timeout | undefined;

export async function acquireTarget(): Promise<Target> {
  users += 1;
  if (idleTimer) clearTimeout(idleTimer);
  shared ??= startEmulatorTarget();
  return shared;
}

export function releaseTarget(): void {
  users -= 1;
  if (users > 0 || !shared) return;
  const closing = shared;
  idleTimer = setTimeout(() => {
    if (users === 0 && shared === closing) {
      shared = undefined;
      void closing.then((t) => t.close());
    }
  }, IDLE_CLOSE_MS);
  idleTimer.unref();
}
