// An undici Agent that reaches the emulator the way the emulator target does: the connection is
// redirected by `route()`, while URL, Host header and TLS server name stay the Azure ones, and the
// certificate is verified against the emulator's CA.
import { Agent, buildConnector } from 'undici';
import type { ConnectDecision } from './server.ts';

export interface EmulatorEndpoint {
  caPem: string;
  route(host: string, port: number): ConnectDecision;
}

export function createEmulatorDispatcher(emulator: EmulatorEndpoint, opts: { connections?: number } = {}): Agent {
  const base = buildConnector({ ca: emulator.caPem });
  const connect: buildConnector.connector = (options, callback) => {
    const port = options.port !== '' && options.port !== undefined ? Number(options.port) : options.protocol === 'https:' ? 443 : 80;
    const decision = emulator.route(options.hostname, port);
    if (decision === undefined) return base(options, callback);
    if (decision.kind === 'refuse') {
      const err =
        decision.noSuchHost === true
          ? Object.assign(new Error(`getaddrinfo ENOTFOUND ${options.hostname} (${decision.reason})`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: options.hostname })
          : Object.assign(new Error(`connect ECONNREFUSED ${options.hostname}:${port} (${decision.reason})`), { code: 'ECONNREFUSED' });
      queueMicrotask(() => callback(err, null));
      return;
    }
    return base(
      { ...options, hostname: decision.host, host: decision.host, port: String(decision.port), protocol: decision.tls ? 'https:' : 'http:', servername: options.servername ?? options.hostname },
      callback,
    );
  };
  return new Agent({ connect, ...(opts.connections !== undefined ? { connections: opts.connections } : {}) });
}
