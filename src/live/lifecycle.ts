// Teardown that always runs: after the work succeeds, fails or times out, and on SIGINT/SIGTERM,
// where the handler aborts the work, awaits teardown and only then exits (130 for SIGINT, 143 for
// SIGTERM, the shell's convention). A second signal while tearing down does not cut it short: the
// whole point is to leave nothing behind; only the teardown's own timeout bounds it.

export interface LifecycleOptions {
  /** Aborts the work after this long; teardown still runs. */
  timeoutMs?: number;
  /** Upper bound for teardown itself. */
  teardownTimeoutMs?: number;
  /** The process to watch (tests pass their own emitter-compatible object). */
  proc?: Pick<NodeJS.Process, 'on' | 'off' | 'exit'>;
  log?: (line: string) => void;
}

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type HandledSignal = keyof typeof EXIT_CODES;

export class RunTimeoutError extends Error {
  constructor(ms: number) {
    super(`the run did not finish within ${Math.round(ms / 1000)} s`);
    this.name = 'RunTimeoutError';
  }
}

export interface SignalTeardown {
  /** Stop listening for signals (after a normal teardown). */
  dispose(): void;
  /** The AbortSignal that fires when a signal arrives. */
  signal: AbortSignal;
}

/**
 * On SIGINT/SIGTERM: abort, run `cleanup` (once, shared with any other caller of the returned
 * `cleanupOnce`), then exit with 130/143. A second signal while cleaning up only says so.
 */
export function installSignalTeardown(cleanupOnce: () => Promise<void>, opts: Pick<LifecycleOptions, 'proc' | 'log'> = {}): SignalTeardown {
  const proc = opts.proc ?? process;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const controller = new AbortController();
  let exiting = false;
  const onSignal = (signal: HandledSignal) => () => {
    if (exiting) {
      log(`${signal} received again: teardown is still running, waiting for it`);
      return;
    }
    exiting = true;
    log(`${signal} received: stopping the run and tearing down`);
    controller.abort(new Error(`interrupted by ${signal}`));
    cleanupOnce()
      .catch((err: unknown) => log(`teardown failed: ${(err as Error).message}`))
      .finally(() => proc.exit(EXIT_CODES[signal]));
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  proc.on('SIGINT', handlers.SIGINT);
  proc.on('SIGTERM', handlers.SIGTERM);
  return {
    signal: controller.signal,
    dispose() {
      // While a signal-triggered teardown runs, keep the handlers: a further Ctrl-C must not kill it.
      if (exiting) return;
      proc.off('SIGINT', handlers.SIGINT);
      proc.off('SIGTERM', handlers.SIGTERM);
    },
  };
}

/** Wrap `cleanup` so that every caller shares one run of it, bounded by `timeoutMs` when given. */
export function once(cleanup: () => Promise<void>, timeoutMs?: number): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      if (timeoutMs === undefined) return cleanup();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`teardown did not finish within ${Math.round(timeoutMs / 1000)} s; run 'tutorial-conformance sweep' later`)), timeoutMs);
      });
      try {
        await Promise.race([cleanup(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    })();
    return running;
  };
}

/**
 * Run `work` with an AbortSignal that fires on timeout or signal; run `cleanup` exactly once
 * afterwards whatever happened. On a signal the process exits after cleanup.
 */
export async function withTeardown<T>(work: (signal: AbortSignal) => Promise<T>, cleanup: () => Promise<void>, opts: LifecycleOptions = {}): Promise<T> {
  const cleanupOnce = once(cleanup, opts.teardownTimeoutMs);
  const signals = installSignalTeardown(cleanupOnce, opts);
  const controller = new AbortController();
  signals.signal.addEventListener('abort', () => controller.abort(signals.signal.reason), { once: true });
  const timer = opts.timeoutMs !== undefined ? setTimeout(() => controller.abort(new RunTimeoutError(opts.timeoutMs as number)), opts.timeoutMs) : undefined;
  try {
    return await work(controller.signal);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    try {
      await cleanupOnce();
    } finally {
      signals.dispose();
    }
  }
}
