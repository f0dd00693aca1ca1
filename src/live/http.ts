// The live target's one undici Agent: Node's CA roots plus the configured extra CA, per-request
// timeouts, TC_RESOLVE host overrides (what a machine without DNS for the cloud's names needs:
// the connection goes elsewhere, the URL, Host header and TLS server name stay), and the retry
// interceptor on top.
import { rootCertificates } from 'node:tls';
import { isIP } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import type { NetworkConfig, RetryConfig } from '../config.ts';
import { retryInterceptor, type RetryObserver } from './retry.ts';

export interface LiveDispatcher {
  /** Dispatcher with retries: what provisioning, tokens and tutorial steps use. */
  dispatcher: Dispatcher;
  /** The same connections without retries, for callers that must see every response (probes). */
  direct: Dispatcher;
  /** Where retries are reported, for other dispatchers that apply the same policy. */
  observer: RetryObserver;
  /** Waits for requests in flight. */
  close(): Promise<void>;
  /** Aborts requests in flight (after teardown on a signal, nothing in flight matters). */
  destroy(): Promise<void>;
}

/** Where a host's connections go under TC_RESOLVE, or undefined for normal DNS. */
export function resolveOverride(network: Pick<NetworkConfig, 'resolve'>, hostname: string): { address: string; port: number } | undefined {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  for (const entry of network.resolve) {
    if (entry.pattern.startsWith('*.')) {
      const suffix = entry.pattern.slice(1); // ".example.test"
      if (host.endsWith(suffix) && host.length > suffix.length) return entry;
    } else if (host === entry.pattern) {
      return entry;
    }
  }
  return undefined;
}

export function createLiveDispatcher(network: NetworkConfig, retry: RetryConfig, observer: RetryObserver = {}): LiveDispatcher {
  const connectOptions = {
    ...(network.caPem !== undefined ? { ca: [...rootCertificates, network.caPem] } : {}),
    timeout: Math.min(network.requestTimeoutMs, 30_000),
  };
  const base = buildConnector(connectOptions);
  const connect: buildConnector.connector = (opts, callback) => {
    const target = resolveOverride(network, opts.hostname);
    if (target === undefined) {
      base(opts, callback);
      return;
    }
    // The TLS server name (and so certificate verification) stays the host the URL names.
    const servername = opts.servername ?? (isIP(opts.hostname) ? undefined : opts.hostname);
    base({ ...opts, hostname: target.address, port: String(target.port), ...(servername !== undefined ? { servername } : {}) }, callback);
  };
  const agent = new Agent({
    connect,
    headersTimeout: network.requestTimeoutMs,
    bodyTimeout: network.requestTimeoutMs,
  });
  return {
    dispatcher: agent.compose(retryInterceptor(retry, observer)),
    direct: agent,
    observer,
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  };
}
