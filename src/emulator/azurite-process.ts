// The Azurite child process, apart from talking to it (azurite.ts): spawning costs nothing to load
// (Node built-ins only), so a run can spawn it before it has loaded the emulator, let it compile
// Azurite while the rest of the tool loads, and give it its accounts once the scenario is known.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempFolderSync, removeTempFolderSync, stopBeforeRemoval } from '../temp-folders.ts';

/** Where scripts/build-dist.mjs bundled Azurite's blob server (relative to this file); only defined in dist/. */
declare const __TC_AZURITE_BUNDLE__: string | undefined;
// The bundle starts faster than Azurite's own entry, which loads ~1,400 modules (see build-dist.mjs).
const AZURITE_BLOB_MAIN =
  typeof __TC_AZURITE_BUNDLE__ === 'string'
    ? fileURLToPath(new URL(__TC_AZURITE_BUNDLE__, import.meta.url))
    : createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
const CHILD_WRAPPER = fileURLToPath(new URL('./azurite-child.cjs', import.meta.url));
/**
 * Azurite's start is waited for until it says it listens or exits, however long a loaded machine
 * makes it: a fixed 20 s was not enough at load average 25–30 on 2 cores, and killing it then only
 * made the next blob request start another one from scratch. What ends the wait early is a child
 * that has stopped making progress: no CPU time used (Linux /proc) for NO_PROGRESS_MS, i.e. hung,
 * not slow (even at load 30 on 2 cores a runnable process gets several CPU seconds a minute).
 * MAX_START_MS bounds a child that keeps computing without ever listening, and is the only bound
 * where /proc cannot be read.
 */
const NO_PROGRESS_MS = 60_000;
const MAX_START_MS = 10 * 60_000;
const PROGRESS_CHECK_MS = 5_000;

export interface AzuriteProcess {
  readonly child: ChildProcess;
  /** Azurite's working folder (removed when the process is disposed or closed). */
  readonly cwd: string;
  /** The Unix socket the emulator forwards over. */
  readonly socketPath: string;
  /**
   * Take the process to start it; false when someone already did or it was disposed. Only the
   * claimant may call `start` and becomes responsible for stopping it.
   */
  claim(): boolean;
  /** Hands Azurite its accounts (name → base64 key); resolves with its TCP URL once both listeners accept connections. */
  start(keys: ReadonlyMap<string, string>): Promise<string>;
  /** Kills the process unless it was claimed (a no-op then); for whoever spawned it ahead of use. */
  dispose(): void;
}

/** CPU time (user + system, clock ticks) a process has used, from /proc (Linux); undefined elsewhere or once it is gone. */
function cpuTicks(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** What a reader can do about a start that failed, and what the machine was doing meanwhile. */
function startFailure(why: string, output: string): Error {
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const tail = output.trim() === '' ? 'it printed nothing' : `its last output: ${output.slice(-500).trim()}`;
  return new Error(
    `Azurite (the emulator's blob store, run as a child process) did not start: ${why}; ${tail}. Load average ${load} on ${availableParallelism()} cores. ` +
      'Run again; if it keeps failing, check that `npm ci` installed the azurite package and that the temporary folder is writable.',
  );
}

export interface StartLimits {
  noProgressMs: number;
  maxMs: number;
  checkMs: number;
}
const START_LIMITS: StartLimits = { noProgressMs: NO_PROGRESS_MS, maxMs: MAX_START_MS, checkMs: PROGRESS_CHECK_MS };

/**
 * Resolves with Azurite's TCP URL once both its TCP listener and the Unix socket accept connections;
 * rejects when the child exits first or stops making progress (exported for its tests, with limits).
 */
export function waitForListening(child: ChildProcess, limits: StartLimits = START_LIMITS): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const started = Date.now();
    let lastTicks = cpuTicks(child.pid);
    let lastProgress = started;
    const watchdog = setInterval(() => {
      const now = Date.now();
      const ticks = cpuTicks(child.pid);
      if (ticks !== undefined && ticks !== lastTicks) {
        lastTicks = ticks;
        lastProgress = now;
      }
      if (ticks !== undefined && now - lastProgress >= limits.noProgressMs) fail(startFailure(`it used no CPU for ${Math.round((now - lastProgress) / 1000)} s without listening (hung, not slow)`, out));
      else if (now - started >= limits.maxMs) fail(startFailure(`it was not listening after ${Math.round((now - started) / 1000)} s`, out));
    }, limits.checkMs);
    watchdog.unref();
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] && out.includes('tc-azurite socket ready')) {
        clearInterval(watchdog);
        child.stdout?.off('data', onData);
        child.removeListener('exit', onExit);
        // Drained from now on, so Azurite never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(m[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => fail(startFailure(`it exited (${signal ?? `code ${code}`}) before listening`, out));
    const fail = (e: Error) => {
      clearInterval(watchdog);
      child.stdout?.off('data', onData);
      child.removeListener('exit', onExit);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', onExit);
  });
}

export function spawnAzurite(): AzuriteProcess {
  const cwd = makeTempFolderSync('tc-azurite-');
  const socketPath = join(cwd, 'blob.sock');
  const child = spawn(
    process.execPath,
    [
      CHILD_WRAPPER,
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit', '512',
      '--disableTelemetry',
      // No access log: one stdout line per request would cost both Azurite and the emulator (which drains the pipe).
      '--silent',
      // The emulator speaks whatever x-ms-version the client sent; Azurite need not know it.
      '--skipApiVersionCheck',
      '--loose',
      // Requests arrive path-style (/<account>/<container>/<blob>) from the emulator only.
      '--disableProductStyleUrl',
    ],
    {
      cwd,
      env: {
        ...process.env,
        TC_AZURITE_BLOB_MAIN: AZURITE_BLOB_MAIN,
        TC_AZURITE_SOCKET: socketPath,
        // The bundle is compiled with a code cache beside it (see azurite-child.cjs); Azurite's own
        // entry loads ~1,400 files through Node's loader, which keeps no cache in Node 20.
        ...(typeof __TC_AZURITE_BUNDLE__ === 'string' ? { TC_AZURITE_CODE_CACHE: '1' } : {}),
      },
      // The IPC channel carries the accounts, then is the child's lifeline (see azurite-child.cjs).
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  // Nothing about this child keeps the emulator's process alive: a process that forgot it (or
  // exits without closing) still ends, and the child follows when the channel closes.
  // If this process exits without closing it, it is killed before its folder is removed.
  stopBeforeRemoval(cwd, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  child.unref();
  child.channel?.unref();
  (child.stdout as { unref?: () => void } | null)?.unref?.();
  (child.stderr as { unref?: () => void } | null)?.unref?.();
  // An early child's output is read only once it is started; until then the pipe just holds it.
  child.once('error', () => undefined); // a failed spawn surfaces as an exit before listening

  let claimed = false;
  let disposed = false;
  const removeCwd = () => removeTempFolderSync(cwd);
  child.once('exit', () => {
    if (!claimed) removeCwd();
  });
  return {
    child,
    cwd,
    socketPath,
    claim() {
      if (claimed || disposed || child.exitCode !== null || child.signalCode !== null) return false;
      claimed = true;
      return true;
    },
    async start(keys) {
      if (!claimed) throw new Error('claim() this Azurite process before starting it');
      // Referenced while starting: a caller with nothing else pending must not exit mid-start.
      child.ref();
      (child.stdout as { ref?: () => void } | null)?.ref?.();
      const listening = waitForListening(child);
      child.send({ type: 'accounts', accounts: [...keys].map(([a, k]) => `${a}:${k}`).join(';') }, (err) => {
        if (err) child.kill('SIGKILL'); // the exit fails the wait above
      });
      try {
        return await listening;
      } catch (e) {
        removeCwd();
        throw e;
      } finally {
        child.unref();
        (child.stdout as { unref?: () => void } | null)?.unref?.();
      }
    },
    dispose() {
      if (claimed || disposed) return;
      disposed = true;
      child.kill('SIGKILL');
      removeCwd();
    },
  };
}
