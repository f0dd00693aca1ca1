// The emulator's two listeners on 127.0.0.1: plain HTTP (IMDS, the legacy MSI endpoint, and proxy
// mode) and HTTPS (every Azure host, with a certificate from the emulator's CA). Both turn a Node
// request into an EmulatorRequest, hand it to the router, and write the answer back unchanged.
// Proxy mode lets unmodified clients in: `CONNECT host:443` is tunnelled to the HTTPS listener and
// absolute-form `GET http://169.254.169.254/…` is served like any other request.
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';
import type { Router } from './router.ts';
import type { TlsMaterial } from './tls.ts';
import { sniCertificates } from './sni-certificates.ts';
import type { EmulatorRequest } from './types.ts';

/** Uploads in the tutorials are tiny; this bounds memory if a client misbehaves. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** `noSuchHost`: the name does not resolve (a storage account or vault that does not exist), not merely a closed port. */
export type ConnectDecision = { kind: 'connect'; host: string; port: number; tls: boolean } | { kind: 'refuse'; reason: string; noSuchHost?: boolean } | undefined;

/** What a forward proxy answers when the name in CONNECT or an absolute URL does not resolve. */
function unresolvedProxyAnswer(host: string, reason: string): string {
  const body = `Bad Gateway: ${host} could not be resolved (${reason})\n`;
  return `HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/plain; charset=utf-8\r\nx-emulator-unresolved-host: ${host.replace(/[\r\n]/g, ' ')}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}

export interface Listeners {
  httpPort: number;
  httpsPort: number;
  close(): Promise<void>;
}

function splitHostPort(authority: string): { host: string; port: number | undefined } {
  const m = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(authority.trim());
  if (m === null) return { host: authority.toLowerCase(), port: undefined };
  return { host: (m[1] ?? '').toLowerCase(), port: m[2] !== undefined ? Number(m[2]) : undefined };
}

const EMPTY = Buffer.alloc(0);

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  // No Content-Length and no Transfer-Encoding means no body in HTTP/1.1: skip the stream machinery
  // on the hot path (every IMDS token request).
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return EMPTY;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

function makeHandler(router: Router, secure: boolean, decide: (host: string, port: number) => ConnectDecision) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const target = req.url ?? '/';
      // Absolute-form (proxy mode): the authority comes from the target, the rest is the path and query.
      const absolute = /^https?:\/\/([^/?#]*)/i.exec(target);
      const authority = absolute?.[1]?.replace(/^.*@/, '') ?? req.headers.host ?? `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 0}`;
      const rawTarget = absolute !== null ? target.slice(absolute[0].length) || '/' : target;
      const { host, port } = splitHostPort(authority);
      const effectivePort = port ?? (secure ? 443 : 80);
      if (absolute !== null) {
        // As a forward proxy: a name that does not resolve gets the proxy's 502, never a server's answer.
        const d = decide(host, effectivePort);
        if (d?.kind === 'refuse' && d.noSuchHost === true) {
          req.resume();
          const text = `Bad Gateway: ${host} could not be resolved (${d.reason})\n`;
          res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', 'x-emulator-unresolved-host': host, connection: 'close' }).end(text);
          return;
        }
      }
      const body = await readBody(req);
      if (body === undefined) {
        res.writeHead(413, { 'content-type': 'text/plain' }).end(`request body larger than ${MAX_BODY_BYTES} bytes\n`);
        return;
      }
      let url: URL;
      try {
        url = new URL(rawTarget, `${secure ? 'https' : 'http'}://${authority}`);
      } catch {
        res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request: the request target or Host is not a valid URL\n');
        return;
      }
      const emReq: EmulatorRequest = { method: req.method ?? 'GET', url, rawTarget, headers: req.headers, rawHeaders: req.rawHeaders, body, secure, host, requestId: randomUUID() };
      const out = await router.handle(emReq, effectivePort);
      if (out.reset) {
        // TLS sockets have no TCP handle to send an RST from (resetAndDestroy throws
        // ERR_INVALID_HANDLE_TYPE); closing them mid-request is the same failure to the client.
        if (secure) req.socket.destroy();
        else req.socket.resetAndDestroy();
        return;
      }
      const payload = out.body === undefined ? undefined : Buffer.isBuffer(out.body) ? out.body : Buffer.from(out.body, 'utf8');
      const headers: Record<string, string | string[]> = { ...out.headers };
      if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length' || h.toLowerCase() === 'transfer-encoding')) headers['content-length'] = String(payload.length);
      if (out.statusText !== undefined) res.writeHead(out.status, out.statusText.replace(/[\r\n]+/g, ' '), headers);
      else res.writeHead(out.status, headers);
      res.end(payload);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain', 'x-emulator-error': 'listener' });
      res.end(`emulator listener error (an emulator bug, not Azure behaviour): ${err instanceof Error ? err.message : String(err)}\n`);
    }
  };
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * How long a connection may sit idle before the emulator closes it: only a safety net for clients
 * that never close theirs. Idle keep-alive connections are the client's to close (undici after 4 s,
 * Node's http.Agent after 5 s, curl within one invocation): a server that closes them first races
 * the client reusing them, and on a loaded machine the client loses. Its runner, in this very
 * process, may be busy or descheduled past any short timeout between a response and its next
 * request; that request is then written in the same turn of the event loop, before any timer runs,
 * and the server's expired timer closes the connection with it unread, so the kernel answers with a
 * reset (ECONNRESET: tests/emulator/idle-connection-closed-as-client-reuses-it.test.ts). Node's own
 * keep-alive timeout is therefore off (keepAliveTimeout 0, which also sends no `Keep-Alive:
 * timeout=` hint, so undici keeps its 4 s), and this inactivity timeout, far beyond any client's
 * idle reuse, takes its place. A request the emulator takes this long to answer is not one it serves.
 */
export const IDLE_CONNECTION_MS = 10 * 60_000;

function configureTimeouts(server: http.Server): void {
  server.keepAliveTimeout = 0;
  server.timeout = IDLE_CONNECTION_MS;
}

export async function startListeners(opts: { router: Router; tls: TlsMaterial; decide(host: string, port: number): ConnectDecision }): Promise<Listeners> {
  const httpServer = http.createServer(makeHandler(opts.router, false, opts.decide));
  const httpsServer = https.createServer({ key: opts.tls.keyPem, cert: opts.tls.certPem, SNICallback: sniCertificates(opts.tls, opts.decide), ALPNProtocols: ['http/1.1'] }, makeHandler(opts.router, true, opts.decide));
  configureTimeouts(httpServer);
  configureTimeouts(httpsServer);
  const tunnels = new Set<Socket>();
  // A request the HTTP parser refuses (e.g. raw non-ASCII bytes a copied NBSP puts into the request
  // target) still gets a 400, as from any server, but one that says why, so the report can explain it.
  const onClientError = (err: Error & { code?: string; reason?: string }, socket: Socket): void => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const why = `the HTTP request could not be parsed (${err.code ?? 'parse error'}: ${err.reason ?? err.message}); a request target or header with raw non-ASCII bytes is not valid HTTP/1.1`;
    const body = `Bad Request: ${why}\n`;
    socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain; charset=utf-8\r\nx-emulator-http-parse-error: ${(err.code ?? 'parse error').replace(/[\r\n]/g, ' ')}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  };
  httpServer.on('clientError', onClientError);
  httpsServer.on('clientError', onClientError);

  const [httpPort, httpsPort] = await Promise.all([listen(httpServer), listen(httpsServer)]);

  // Proxy mode: tunnel CONNECT to the listener that serves the requested host.
  httpServer.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    client.on('error', () => client.destroy());
    const { host, port } = splitHostPort(req.url ?? '');
    const decision = port === undefined ? undefined : opts.decide(host, port);
    if (decision?.kind === 'refuse' && decision.noSuchHost === true) {
      client.end(unresolvedProxyAnswer(host, decision.reason));
      return;
    }
    if (decision === undefined || decision.kind === 'refuse') {
      const reason = decision?.kind === 'refuse' ? decision.reason : `${req.url ?? ''} is not an Azure endpoint the emulator serves`;
      client.end(`HTTP/1.1 502 Bad Gateway\r\nx-emulator-not-emulated: ${reason.replace(/[\r\n]/g, ' ')}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n`);
      return;
    }
    const upstream = net.connect(decision.port, decision.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.on('close', () => {
      tunnels.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });

  return {
    httpPort,
    httpsPort,
    async close() {
      for (const s of tunnels) s.destroy();
      const done = Promise.all([new Promise<void>((r) => httpServer.close(() => r())), new Promise<void>((r) => httpsServer.close(() => r()))]);
      httpServer.closeAllConnections();
      httpsServer.closeAllConnections();
      await done;
    },
  };
}
