// One live run's shared machinery, built once from configuration: the Agent (with retries), the
// token source, the ARM client, and the ledger of what has been created. Provisioning, the target,
// teardown and sweep all take their pieces from here.
import type { LiveConfig } from '../config.ts';
import { createArmClient, type ArmClient } from './arm/client.ts';
import { createLiveDispatcher, type LiveDispatcher } from './http.ts';
import type { Ledger } from './provision/provision.ts';
import type { RetryEvent, RetryGiveUp } from './retry.ts';
import { createTokenSource } from './tokens/index.ts';
import type { TokenSource } from './tokens/types.ts';

export interface LiveSession {
  config: LiveConfig;
  http: LiveDispatcher;
  tokens: TokenSource;
  arm: ArmClient;
  ledger: Ledger;
  /** Every retry the policy made this run (for the console and tests). */
  retries: RetryEvent[];
  giveUps: RetryGiveUp[];
  close(): Promise<void>;
  /** Close without waiting for requests in flight (a provisioning call a signal interrupted). */
  destroy(): Promise<void>;
}

export interface SessionOptions {
  signal?: AbortSignal;
  /** ARM poll interval when no Retry-After is given (tests shorten it). */
  pollIntervalMs?: number;
  onRetry?: (event: RetryEvent) => void;
}

export async function openLiveSession(config: LiveConfig, opts: SessionOptions = {}): Promise<LiveSession> {
  const retries: RetryEvent[] = [];
  const giveUps: RetryGiveUp[] = [];
  const http = createLiveDispatcher(config.network, config.retry, {
    onRetry: (e) => {
      retries.push(e);
      opts.onRetry?.(e);
    },
    onGiveUp: (e) => giveUps.push(e),
  });
  try {
    const tokens = await createTokenSource(config.tokens, http);
    const arm = createArmClient({
      endpoint: config.cloud.arm,
      audience: config.cloud.armAudience,
      dispatcher: http.dispatcher,
      tokens,
      lroTimeoutMs: config.provisioning.lroTimeoutMs,
      ...(opts.pollIntervalMs !== undefined ? { pollIntervalMs: opts.pollIntervalMs } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    return { config, http, tokens, arm, ledger: { resourceGroups: [], roleAssignments: [], keyVaults: [], resources: [] }, retries, giveUps, close: () => http.close(), destroy: () => http.destroy() };
  } catch (err) {
    await http.close();
    throw err;
  }
}
