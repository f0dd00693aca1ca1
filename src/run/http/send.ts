// Sends one HTTP request exactly as built and records the round trip as evidence. The URL's path and
// query go on the wire as written (no WHATWG re-encoding), header names and values are the UTF-8 bytes
// the shell would hand to curl, and what the client library refuses to send is reported, not repaired.
import http from 'node:http';
import { capBytes } from '../output-cap.ts';
import type { Dispatcher } from 'undici';
import type { ExecutionError, HeaderList, ObservedExchange, ObservedResponse } from '../observation.ts';
import { OUTSIDE_TARGET, type Connector } from './connector.ts';

const EXPECT_100_TIMEOUT_MS = 1_000;
/** A tutorial step that gets no answer in this time is reported as a timeout, not waited on forever. */
export const RESPONSE_TIMEOUT_MS = 30_000;

export interface OutgoingRequest {
  method: string;
  /** Absolute URL exactly as it will be requested (placeholders already substituted). */
  url: string;
  /** In wire order, names and values as written; includes Host. */
  headers: HeaderList;
  body?: Buffer;
  /** Send `Expect: 100-continue` and wait for the interim answer before the body, as curl does for -T. */
  expectContinue?: boolean;
}

export interface SendResult {
  exchange: ObservedExchange;
  error?: ExecutionError;
  /** The response body bytes, for callers that write files or parse binary data. */
  bodyBytes?: Buffer;
}

/** "scheme://authority" and the request target as written. curl drops the fragment and sends "/" for an empty path. */
export function splitUrl(url: string): { origin: string; target: string; parsed: URL } {
  const parsed = new URL(url);
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*)([^#]*)/.exec(url);
  const rest = m?.[2] ?? '';
  const target = rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest;
  return { origin: parsed.origin, target, parsed };
}

/** The latin1 string whose bytes are the UTF-8 encoding of `text`: what curl puts on the wire for a header. */
export function wireString(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function fromWire(text: string): string {
  const bytes = Buffer.from(text, 'latin1');
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : text;
}

function decodeBody(bytes: Buffer, headers: HeaderList): Pick<ObservedResponse, 'body' | 'bodyEncoding' | 'json'> {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return { body: bytes.toString('base64'), bodyEncoding: 'base64' };
  const contentType = headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? '';
  let json: unknown;
  if (/json/i.test(contentType) || /^\s*[[{]/.test(text)) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return json === undefined ? { body: text, bodyEncoding: 'utf8' } : { body: text, bodyEncoding: 'utf8', json };
}

/** A connection the server reset or closed after it was established (undici: UND_ERR_SOCKET "other side closed"). */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** `ownServer`: the connector's own server (the emulator); a connection it dropped is its limit, not the page's. */
export function errorKindOf(err: unknown, ownServer?: string): ExecutionError {
  const e = err as { code?: string; message?: string; name?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = e.cause?.message ? `${e.message ?? ''}: ${e.cause.message}` : (e.message ?? String(err));
  if (code === OUTSIDE_TARGET) return { kind: 'unsupported', unsupported: 'not-emulated', message: e.message ?? message };
  if (ownServer !== undefined && DROPPED.has(code)) {
    return { kind: 'unsupported', unsupported: 'not-emulated', message: `${ownServer} dropped the connection before answering (${code}: ${message}); that is a fault of ${ownServer}, not Azure behaviour, so the step says nothing about the page` };
  }
  if (/TIMEOUT|ETIMEDOUT/.test(code)) return { kind: 'timeout', message };
  if (code === 'UND_ERR_INVALID_ARG' || code === 'UND_ERR_NOT_SUPPORTED' || code === 'ERR_INVALID_CHAR' || code === 'ERR_INVALID_HTTP_TOKEN' || code === 'ERR_UNESCAPED_CHARACTERS' || e.name === 'InvalidArgumentError' || err instanceof TypeError) {
    return { kind: 'invalid-command', message: `the HTTP client refused to send the request as written: ${message}` };
  }
  return { kind: 'network', message: code ? `${code}: ${message}` : message };
}

function bodyText(body: Buffer | undefined): { body?: string; bodyEncoding: 'utf8' | 'base64' } {
  if (body === undefined) return { bodyEncoding: 'utf8' };
  const text = body.toString('utf8');
  return Buffer.from(text, 'utf8').equals(body) ? { body: text, bodyEncoding: 'utf8' } : { body: body.toString('base64'), bodyEncoding: 'base64' };
}

function headerPairs(headers: Record<string, string | string[] | undefined>): HeaderList {
  const out: HeaderList = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, fromWire(v)]);
  }
  return out;
}

interface RawResponse {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HeaderList;
  body: Buffer;
  interim: { status: number; statusText: string }[];
}

function viaUndici(agent: Dispatcher, req: OutgoingRequest): Promise<RawResponse> {
  const { origin, target } = splitUrl(req.url);
  const flat: string[] = [];
  for (const [name, value] of req.headers) flat.push(wireString(name), wireString(value));
  return new Promise((resolve, reject) => {
    let status = 0;
    let statusText = '';
    let headers: HeaderList = [];
    const chunks: Buffer[] = [];
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart() {},
      onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
        status = statusCode;
        statusText = statusMessage ?? '';
        headers = headerPairs(responseHeaders as Record<string, string | string[] | undefined>);
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        resolve({ status, statusText, httpVersion: '1.1', headers, body: Buffer.concat(chunks), interim: [] });
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    };
    try {
      // The path goes out as the UTF-8 bytes curl would send (undici writes latin1).
      agent.dispatch({ origin, path: wireString(target), method: req.method, headers: flat, body: req.body ?? null }, handler);
    } catch (err) {
      reject(err);
    }
  });
}

/** undici refuses `Expect`, so a curl -T upload goes through node:http on a socket from the same router. */
async function viaNodeHttp(connector: Connector, req: OutgoingRequest): Promise<RawResponse> {
  const { target, parsed } = splitUrl(req.url);
  const socket = await connector.openSocket(parsed);
  return new Promise((resolve, reject) => {
    const interim: { status: number; statusText: string }[] = [];
    const raw: string[] = [];
    for (const [name, value] of req.headers) raw.push(wireString(name), wireString(value));
    let request: http.ClientRequest;
    try {
      request = http.request({ method: req.method, path: wireString(target), headers: raw, createConnection: () => socket, setHost: false });
    } catch (err) {
      socket.destroy();
      reject(err);
      return;
    }
    request.on('information', (info) => interim.push({ status: info.statusCode, statusText: info.statusMessage }));
    // curl waits one second for "100 Continue" (--expect100-timeout), then sends the body anyway.
    let bodySent = false;
    const sendBody = (): void => {
      if (bodySent) return;
      bodySent = true;
      request.end(req.body);
    };
    const expectTimer = setTimeout(sendBody, EXPECT_100_TIMEOUT_MS);
    request.on('continue', () => {
      clearTimeout(expectTimer);
      sendBody();
    });
    request.setTimeout(RESPONSE_TIMEOUT_MS, () => request.destroy(Object.assign(new Error(`no response within ${RESPONSE_TIMEOUT_MS} ms`), { code: 'ETIMEDOUT' })));
    request.on('response', (res) => {
      clearTimeout(expectTimer);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers: HeaderList = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i] ?? '', fromWire(res.rawHeaders[i + 1] ?? '')]);
        socket.destroy();
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', httpVersion: res.httpVersion, headers, body: Buffer.concat(chunks), interim });
      });
      res.on('error', reject);
    });
    request.on('error', (err) => {
      socket.destroy();
      reject(err);
    });
    // Like curl: if the server answers without 100 (a redirect, an error), the body is never sent.
    request.flushHeaders();
  });
}

/**
 * The emulator's own limits, which are no verdict on the page: what it does not model
 * (x-emulator-not-emulated) and its own failure (x-emulator-error, e.g. a service that crashed or did
 * not start on a loaded machine), both `unsupported`.
 */
export function emulatorLimit(response: ObservedResponse | undefined): ExecutionError | undefined {
  const header = (name: string) => response?.headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const notEmulated = header('x-emulator-not-emulated');
  if (notEmulated) return { kind: 'unsupported', unsupported: 'not-emulated', message: notEmulated };
  if (header('x-emulator-error') === undefined) return undefined;
  const said = (response?.json as { error?: { message?: unknown } } | undefined)?.error?.message;
  return { kind: 'unsupported', unsupported: 'not-emulated', message: typeof said === 'string' ? said : `the emulator failed answering this request (${response?.status ?? 'no'} response)` };
}

export async function send(connector: Connector, req: OutgoingRequest): Promise<SendResult> {
  const started = performance.now();
  const headers = req.expectContinue ? [...req.headers, ['Expect', '100-continue'] as [string, string]] : req.headers;
  const request = { method: req.method, url: req.url, headers, ...bodyText(req.body) };
  try {
    const res = req.expectContinue ? await viaNodeHttp(connector, { ...req, headers }) : await viaUndici(connector.agent, req);
    // The evidence holds at most CHECKED_BYTES of the body (a 600 MB body is no string); bodyBytes all of it.
    const response: ObservedResponse = { status: res.status, statusText: res.statusText, httpVersion: res.httpVersion, headers: res.headers, ...decodeBody(capBytes(res.body), res.headers) };
    const exchange: ObservedExchange = { request, response, interim: res.interim, durationMs: performance.now() - started };
    const limit = emulatorLimit(response);
    return limit ? { exchange, bodyBytes: res.body, error: limit } : { exchange, bodyBytes: res.body };
  } catch (err) {
    return { exchange: { request, interim: [], durationMs: performance.now() - started }, error: errorKindOf(err, connector.ownServer) };
  }
}
