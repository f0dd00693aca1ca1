// Teardown that always runs. On success and failure the runner closes the target (its `finally`);
// on SIGINT/SIGTERM/SIGHUP (Ctrl-C, a cancelled or timed-out CI job, a closed terminal or a dropped
// SSH session) the handler here runs the same teardown and only then exits (130 for SIGINT, 143 for
// SIGTERM, 129 for SIGHUP: 128 + the signal's number, the shell's convention). A second signal while
// tearing down does not cut it short: the point is to leave nothing behind.

export interface LifecycleOptions {
  /** The process to watch (tests pass their own emitter-compatible object). */
  proc?: Pick<NodeJS.Process, 'on' | 'off' | 'exit'>;
  log?: (line: string) => void;
}

const EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
const SIGNALS = Object.keys(EXIT_CODES) as HandledSignal[];
type HandledSignal = keyof typeof EXIT_CODES;

export interface SignalTeardown {
  /** Stop listening for signals (after a normal teardown). */
  dispose(): void;
}

/**
 * On SIGINT/SIGTERM/SIGHUP: run `cleanupOnce` (shared with the normal close path), then exit with
 * 130/143/129.
 * A second signal while cleaning up only says so.
 */
export function installSignalTeardown(cleanupOnce: () => Promise<void>, opts: Pick<LifecycleOptions, 'proc' | 'log'> = {}): SignalTeardown {
  const proc = opts.proc ?? process;
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  let exiting = false;
  const onSignal = (signal: HandledSignal) => () => {
    if (exiting) {
      log(`${signal} received again: teardown is still running, waiting for it`);
      return;
    }
    exiting = true;
    log(`${signal} received: stopping the run and tearing down`);
    cleanupOnce()
      .catch((err: unknown) => log(`teardown failed: ${(err as Error).message}`))
      .finally(() => proc.exit(EXIT_CODES[signal]));
  };
  const handlers = Object.fromEntries(SIGNALS.map((s) => [s, onSignal(s)])) as Record<HandledSignal, () => void>;
  for (const s of SIGNALS) proc.on(s, handlers[s]);
  return {
    dispose() {
      // While a signal-triggered teardown runs, keep the handlers: a further Ctrl-C must not kill it.
      if (exiting) return;
      for (const s of SIGNALS) proc.off(s, handlers[s]);
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
