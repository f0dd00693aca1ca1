// A small Resource Manager client for provisioning: JSON requests with the run's ARM token, Azure's
// error envelope turned into ArmError, and long-running operations followed to the end
// (Azure-AsyncOperation first, then Location, as ARM's async-operation guide orders them).
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';
import { retryAfterMs } from '../retry.ts';
import type { TokenSource } from '../tokens/types.ts';

export interface ArmClientOptions {
  /** ARM origin, e.g. https://management.azure.com */
  endpoint: string;
  audience: string;
  dispatcher: Dispatcher;
  tokens: TokenSource;
  lroTimeoutMs: number;
  /** Poll interval when ARM gives no Retry-After. */
  pollIntervalMs?: number;
  /** Aborts polling and requests (Ctrl-C during provisioning). */
  signal?: AbortSignal;
}

export interface ArmResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export class ArmError extends Error {
  readonly status: number;
  readonly code: string;
  readonly method: string;
  readonly path: string;
  constructor(method: string, path: string, status: number, code: string, message: string) {
    super(`${method} ${path}: ${status} ${code}: ${message}`);
    this.name = 'ArmError';
    this.status = status;
    this.code = code;
    this.method = method;
    this.path = path;
  }
}

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH';

export interface ArmClient {
  readonly endpoint: string;
  /** One request; resolves for any status (the caller decides), rejects only on network failure. */
  send(method: Method, path: string, apiVersion: string, body?: unknown, extraQuery?: Record<string, string>): Promise<ArmResponse>;
  /** GET; undefined on 404. */
  get(path: string, apiVersion: string): Promise<unknown>;
  /** PUT and wait for the resource to be provisioned. */
  put(path: string, apiVersion: string, body: unknown): Promise<unknown>;
  /** POST an action (listKeys). */
  post(path: string, apiVersion: string, body?: unknown): Promise<unknown>;
  /** DELETE and wait until it is gone; a 404 counts as deleted. */
  delete(path: string, apiVersion: string): Promise<void>;
  /** Every page of a list operation. */
  list(path: string, apiVersion: string, query?: Record<string, string>): Promise<unknown[]>;
}

export function createArmClient(opts: ArmClientOptions): ArmClient {
  const pollMs = opts.pollIntervalMs ?? 5000;

  async function authorization(): Promise<string> {
    const token = await opts.tokens.getToken({ resource: opts.audience });
    return `Bearer ${token.accessToken}`;
  }

  async function raw(method: Method, url: string, body?: unknown): Promise<ArmResponse> {
    const res = await request(url, {
      method,
      dispatcher: opts.dispatcher,
      headers: {
        authorization: await authorization(),
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      // ARM answers 411 to a body-less POST without Content-Length; an explicit empty JSON body avoids it.
      ...(body !== undefined ? { body: JSON.stringify(body) } : method === 'POST' ? { body: '' } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    const text = await res.body.text();
    let parsed: unknown = undefined;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: res.statusCode, headers: res.headers, body: parsed };
  }

  function url(path: string, apiVersion: string, extra: Record<string, string> = {}): string {
    const u = new URL(path, opts.endpoint);
    u.searchParams.set('api-version', apiVersion);
    for (const [k, v] of Object.entries(extra)) u.searchParams.set(k, v);
    return u.toString();
  }

  function fail(method: string, path: string, res: ArmResponse): never {
    const err = (res.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ArmError(method, path, res.status, err?.code ?? 'HttpError', err?.message ?? `HTTP ${res.status}`);
  }

  function header(res: ArmResponse, name: string): string | undefined {
    const v = res.headers[name];
    return Array.isArray(v) ? v[0] : v;
  }

  /** Follow a 201/202 to its end; returns the final resource body when there is one. */
  async function waitForOperation(method: Method, path: string, first: ArmResponse, resourceUrl: string): Promise<unknown> {
    const asyncOp = header(first, 'azure-asyncoperation');
    const location = header(first, 'location');
    if (asyncOp === undefined && location === undefined) return first.body;
    const deadline = Date.now() + opts.lroTimeoutMs;
    let last = first;
    for (;;) {
      const wait = retryAfterMs(last.headers) ?? pollMs;
      if (Date.now() + wait > deadline) {
        throw new ArmError(method, path, 0, 'LongRunningOperationTimeout', `not finished after ${Math.round(opts.lroTimeoutMs / 1000)} s; raise TC_LRO_TIMEOUT`);
      }
      await sleep(wait, undefined, opts.signal ? { signal: opts.signal } : {});
      if (asyncOp !== undefined) {
        last = await raw('GET', asyncOp);
        if (last.status >= 400) fail('GET', asyncOp, last);
        const op = last.body as { status?: string; error?: { code?: string; message?: string } } | undefined;
        const status = op?.status ?? 'InProgress';
        if (status === 'Succeeded') break;
        if (status === 'Failed' || status === 'Canceled') {
          throw new ArmError(method, path, 200, op?.error?.code ?? status, op?.error?.message ?? `operation ${status.toLowerCase()}`);
        }
      } else {
        last = await raw('GET', location as string);
        if (last.status === 202) continue;
        if (last.status === 404 && method === 'DELETE') return undefined;
        if (last.status >= 400) fail('GET', location as string, last);
        if (method !== 'PUT') return last.body;
        break;
      }
    }
    if (method === 'DELETE') return undefined;
    const final = await raw('GET', resourceUrl);
    if (final.status >= 400) fail('GET', resourceUrl, final);
    return final.body;
  }

  const client: ArmClient = {
    endpoint: opts.endpoint,
    send: (method, path, apiVersion, body, extraQuery) => raw(method, url(path, apiVersion, extraQuery), body),
    async get(path, apiVersion) {
      const res = await raw('GET', url(path, apiVersion));
      if (res.status === 404) return undefined;
      if (res.status >= 400) fail('GET', path, res);
      return res.body;
    },
    async put(path, apiVersion, body) {
      const target = url(path, apiVersion);
      const res = await raw('PUT', target, body);
      if (res.status >= 400) fail('PUT', path, res);
      if (res.status === 201 || res.status === 202) return waitForOperation('PUT', path, res, target);
      return res.body;
    },
    async post(path, apiVersion, body) {
      const target = url(path, apiVersion);
      const res = await raw('POST', target, body);
      if (res.status >= 400) fail('POST', path, res);
      if (res.status === 202) return waitForOperation('POST', path, res, target);
      return res.body;
    },
    async delete(path, apiVersion) {
      const target = url(path, apiVersion);
      const res = await raw('DELETE', target);
      if (res.status === 404 || res.status === 204) return;
      if (res.status >= 400) fail('DELETE', path, res);
      if (res.status === 202) await waitForOperation('DELETE', path, res, target);
    },
    async list(path, apiVersion, query) {
      const items: unknown[] = [];
      let next: string | undefined = url(path, apiVersion, query);
      // nextLink pages are bounded so a server that loops cannot keep the sweep running forever.
      for (let page = 0; next !== undefined && page < 100; page++) {
        const res = await raw('GET', next);
        if (res.status >= 400) fail('GET', path, res);
        const body = res.body as { value?: unknown[]; nextLink?: string } | undefined;
        items.push(...(body?.value ?? []));
        next = body?.nextLink ?? undefined;
      }
      return items;
    },
  };
  return client;
}
