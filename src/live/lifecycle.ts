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

/**
 * Run `work` with an AbortSignal that fires on timeout or signal; run `cleanup` exactly once
 * afterwards whatever happened. On a signal the process exits after cleanup.
 */
export async function withTeardown<T>(work: (signal: AbortSignal) => Promise<T>, cleanup: () => Promise<void>, opts: LifecycleOptions = {}): Promise<T> {
  const proc = opts.proc ?? process;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const controller = new AbortController();
  let cleaning: Promise<void> | undefined;
  const cleanupOnce = (): Promise<void> => {
    cleaning ??= (async () => {
      const limit = opts.teardownTimeoutMs;
      if (limit === undefined) return cleanup();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`teardown did not finish within ${Math.round(limit / 1000)} s; run 'tutorial-conformance sweep' later`)), limit);
      });
      try {
        await Promise.race([cleanup(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    })();
    return cleaning;
  };

  const onSignal = (signal: HandledSignal) => () => {
    if (cleaning !== undefined) {
      log(`${signal} received again: teardown is still running, waiting for it`);
      return;
    }
    log(`${signal} received: stopping the run and tearing down`);
    controller.abort(new Error(`interrupted by ${signal}`));
    cleanupOnce()
      .catch((err: unknown) => log(`teardown failed: ${(err as Error).message}`))
      .finally(() => proc.exit(EXIT_CODES[signal]));
  };
  const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
  proc.on('SIGINT', handlers.SIGINT);
  proc.on('SIGTERM', handlers.SIGTERM);
  const timer = opts.timeoutMs !== undefined ? setTimeout(() => controller.abort(new RunTimeoutError(opts.timeoutMs as number)), opts.timeoutMs) : undefined;
  try {
    return await work(controller.signal);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    try {
      await cleanupOnce();
    } finally {
      // Handlers stay installed until cleanup is done, so a Ctrl-C during teardown waits for it.
      proc.off('SIGINT', handlers.SIGINT);
      proc.off('SIGTERM', handlers.SIGTERM);
    }
  }
}
