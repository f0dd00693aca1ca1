// The live target's retry policy, as one undici interceptor: 429, 5xx and connection resets are
// retried a bounded number of times with exponential backoff, and a server's Retry-After (seconds
// or HTTP date, or Azure's retry-after-ms / x-ms-retry-after-ms) replaces the backoff, capped by
// the configured maximum delay. Every decision is reported to `onRetry`, so callers and tests see
// how many retries happened and which delays were chosen instead of guessing from wall time.
import { interceptors, type Dispatcher } from 'undici';
import type { RetryConfig } from '../config.ts';

/** Statuses Azure documents as transient (ARM, Storage, Key Vault; IMDS adds its own, see tokens/imds.ts). */
export const TRANSIENT_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

/**
 * Connection-level failures worth another attempt. A refused connection is not one: it is an
 * answer ("nothing listens there", e.g. the retired MSI extension port a tutorial still uses).
 */
export const TRANSIENT_ERROR_CODES: readonly string[] = [
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
];

export interface RetryEvent {
  method: string;
  url: string;
  /** 1 for the first retry. */
  retry: number;
  /** The status that caused it, or the connection error code. */
  cause: { status: number } | { code: string };
  /** What the server asked for, in ms, when it sent Retry-After (before capping). */
  retryAfterMs: number | undefined;
  /** The delay the policy chose. */
  delayMs: number;
}

export interface RetryGiveUp {
  method: string;
  url: string;
  retries: number;
  cause: { status: number } | { code: string };
}

export interface RetryObserver {
  onRetry?(event: RetryEvent): void;
  onGiveUp?(event: RetryGiveUp): void;
}

/** Per-request overrides passed as `retryOptions` in a request's options. */
export interface RetryOverrides {
  maxRetries?: number;
  /** Statuses retried for this request, e.g. IMDS's 404/410 or 403 while a role assignment propagates. */
  statusCodes?: number[];
}

/**
 * Milliseconds a Retry-After-like header asks for, or undefined. Azure sends `retry-after-ms` and
 * `x-ms-retry-after-ms` in milliseconds besides the standard `Retry-After` (seconds or HTTP date).
 */
export function retryAfterMs(headers: Record<string, string | string[] | undefined> | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const first = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = first(name);
    if (v !== undefined && /^\d+(\.\d+)?$/.test(v.trim())) return Math.round(Number(v));
  }
  const v = first('retry-after')?.trim();
  if (v === undefined || v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The delay before retry number `retry` (1-based): the server's request when it made one, else
 * base · 2^(retry-1) with ±20 % jitter; never more than maxDelayMs.
 */
export function chooseDelay(policy: RetryConfig, retry: number, serverAskedMs: number | undefined, random: () => number = Math.random): number {
  if (serverAskedMs !== undefined) return Math.min(serverAskedMs, policy.maxDelayMs);
  const exponential = policy.baseDelayMs * 2 ** Math.max(0, retry - 1);
  const jittered = exponential * (0.8 + 0.4 * random());
  return Math.round(Math.min(jittered, policy.maxDelayMs));
}

type RetryFn = NonNullable<Parameters<typeof interceptors.retry>[0]>['retry'];

/** The undici interceptor; stack it with `agent.compose(...)`. */
export function retryInterceptor(policy: RetryConfig, observer: RetryObserver = {}): Dispatcher.DispatcherComposeInterceptor {
  const decide: RetryFn = (err, { state, opts }, callback) => {
    // undici hands over the merged options: the interceptor's defaults overridden per request.
    const merged = (opts.retryOptions ?? {}) as RetryOverrides;
    const statusCodes = merged.statusCodes ?? TRANSIENT_STATUSES;
    const maxRetries = merged.maxRetries ?? policy.maxRetries;
    const failure = err as Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[] | undefined> };
    const method = opts.method;
    const url = `${String(opts.origin ?? '')}${opts.path}`;
    const isStatus = failure.code === 'UND_ERR_REQ_RETRY' && typeof failure.statusCode === 'number';
    const cause = isStatus ? { status: failure.statusCode as number } : { code: failure.code ?? failure.name };
    const retryable = isStatus ? statusCodes.includes(failure.statusCode as number) : TRANSIENT_ERROR_CODES.includes(failure.code ?? '');
    if (!retryable) {
      callback(err);
      return;
    }
    // undici counts the failed attempt before asking: the first failure arrives with counter 1.
    const retry = state.counter;
    if (retry > maxRetries) {
      observer.onGiveUp?.({ method, url, retries: retry - 1, cause });
      callback(err);
      return;
    }
    const asked = isStatus ? retryAfterMs(failure.headers) : undefined;
    const delayMs = chooseDelay(policy, retry, asked);
    observer.onRetry?.({ method, url, retry, cause, retryAfterMs: asked, delayMs });
    setTimeout(() => callback(null), delayMs);
  };
  return interceptors.retry({
    retry: decide,
    // The final response, retried or not, goes to the caller as it is: a 429 after the last retry
    // is evidence for the report, not an exception.
    throwOnError: false,
    maxRetries: policy.maxRetries,
    methods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE', 'POST', 'PATCH'],
    // With throwOnError false undici consults `decide` for every status ≥ 300; this list is only
    // the default that a request's own `retryOptions.statusCodes` replaces (decide reads it).
    statusCodes: [...TRANSIENT_STATUSES],
    errorCodes: [...TRANSIENT_ERROR_CODES],
  });
}
