// One routing decision for every connection the run opens. The target says where a host:port really
// is (the emulator answers every Azure host on one loopback port; a live target connects as-is); the
// URL, the Host header and the TLS server name stay what the page wrote, and TLS is verified against
// the target's CA. Both the undici Agent and the node:http path for `Expect: 100-continue` use it.
import net from 'node:net';
import tls from 'node:tls';
import { Agent, buildConnector, type Dispatcher } from 'undici';

/**
 * `noSuchHost`: the name does not exist for this target (curl: "Could not resolve host"), not merely a
 * closed port. `outside`: a real host the target does not reach (the emulator run never leaves the
 * machine) — the step is `unsupported` (not-emulated), never the page's failure.
 */
export type ConnectDecision = { kind: 'connect'; host: string; port: number } | { kind: 'refuse'; reason: string; noSuchHost?: boolean; outside?: boolean };

/** The error code of a connection to a host outside the target (send.ts reads it as `unsupported`). */
export const OUTSIDE_TARGET = 'E_OUTSIDE_TARGET';

export interface Router {
  route(host: string, port: number, protocol: 'http:' | 'https:'): ConnectDecision;
}

export interface ConnectorOptions {
  router: Router;
  /** Extra trusted CA (the emulator's); undefined means the system store only. */
  ca?: string;
  connectTimeoutMs?: number;
  /**
   * The tool's own server every routed connection reaches (the embedded emulator), if it is one. A
   * connection that server resets or closes mid-request is its fault, never the page's: Azure did not
   * answer, so nothing about the page was learnt.
   */
  ownServer?: string;
}

export interface Connector {
  /** An Agent, or one composed with interceptors (the live target adds its retry policy). */
  agent: Dispatcher;
  /** A socket to the routed destination, for clients other than undici (node:http, for 100-continue). */
  openSocket(url: URL): Promise<net.Socket>;
  /** The router's answer for a host, without connecting (curl's extra URL words). */
  decide(host: string, port: number, protocol: 'http:' | 'https:'): ConnectDecision;
  /** See ConnectorOptions.ownServer. */
  ownServer?: string;
  close(): Promise<void>;
}

function refused(host: string, port: number, decision: { reason: string; noSuchHost?: boolean; outside?: boolean }): Error {
  if (decision.outside) return Object.assign(new Error(decision.reason), { code: OUTSIDE_TARGET, hostname: host });
  if (decision.noSuchHost) return Object.assign(new Error(`getaddrinfo ENOTFOUND ${host} (${decision.reason})`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host });
  return Object.assign(new Error(`connect ECONNREFUSED ${host}:${port} (${decision.reason})`), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: host, port });
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** TLS server names must be host names; IP literals are sent without SNI, as curl does. */
function serverName(hostname: string): string | undefined {
  return net.isIP(hostname.replace(/^\[|\]$/g, '')) === 0 ? hostname : undefined;
}

export function createConnector(options: ConnectorOptions): Connector {
  const { router, ca } = options;
  const timeout = options.connectTimeoutMs ?? 10_000;
  const base = buildConnector({ ...(ca === undefined ? {} : { ca }), timeout, rejectUnauthorized: true });

  const agent = new Agent({
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
    connect(opts, callback) {
      const protocol = opts.protocol === 'https:' ? 'https:' : 'http:';
      const port = opts.port ? Number(opts.port) : defaultPort(protocol);
      const decision = router.route(opts.hostname, port, protocol);
      if (decision.kind === 'refuse') {
        callback(refused(opts.hostname, port, decision), null);
        return;
      }
      const servername = protocol === 'https:' ? serverName(opts.hostname) : undefined;
      base({ ...opts, hostname: decision.host, port: String(decision.port), ...(servername ? { servername } : {}) }, callback);
    },
  });

  async function openSocket(url: URL): Promise<net.Socket> {
    const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
    const port = url.port ? Number(url.port) : defaultPort(protocol);
    const decision = router.route(url.hostname, port, protocol);
    if (decision.kind === 'refuse') throw refused(url.hostname, port, decision);
    return new Promise((resolve, reject) => {
      const servername = serverName(url.hostname);
      const socket =
        protocol === 'https:'
          ? tls.connect({ host: decision.host, port: decision.port, ...(servername ? { servername } : {}), ...(ca === undefined ? {} : { ca }), rejectUnauthorized: true, ALPNProtocols: ['http/1.1'] })
          : net.connect({ host: decision.host, port: decision.port });
      const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`connect ETIMEDOUT ${url.host}`), { code: 'ETIMEDOUT' })), timeout);
      socket.once(protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        resolve(socket);
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  return {
    agent,
    openSocket,
    decide: (host, port, protocol) => router.route(host, port, protocol),
    ...(options.ownServer === undefined ? {} : { ownServer: options.ownServer }),
    close: () => agent.close(),
  };
}
