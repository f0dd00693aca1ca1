// An Azure SDK HttpClient over an undici dispatcher: the SDK keeps its URLs and Host headers while the
// emulator dispatcher redirects the connection and verifies TLS against the emulator's CA.
import { Readable } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { createHttpHeaders, createPipelineRequest, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { toCompatResponse, type CompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import type { AccessToken, TokenCredential } from '@azure/core-auth';

async function bodyBytes(body: PipelineRequest['body'] | WebResourceLike['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  const produced: unknown = typeof body === 'function' ? (body as () => unknown)() : body;
  if (produced && typeof (produced as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const c of produced as AsyncIterable<Uint8Array | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
    return Buffer.concat(chunks);
  }
  if (produced instanceof Blob) return Buffer.from(await produced.arrayBuffer());
  throw new TypeError(`unsupported request body: ${Object.prototype.toString.call(produced)}`);
}

export function undiciHttpClient(dispatcher: Dispatcher): HttpClient {
  return {
    async sendRequest(req: PipelineRequest): Promise<PipelineResponse> {
      const headers: Record<string, string> = {};
      for (const [k, v] of req.headers) headers[k] = v;
      const body = await bodyBytes(req.body);
      const res = await request(req.url, { method: req.method as Dispatcher.HttpMethod, headers, body: body ?? null, dispatcher });
      const buf = Buffer.from(await res.body.arrayBuffer());
      const h = createHttpHeaders();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
      const streamed = req.streamResponseStatusCodes?.has(res.statusCode) ?? false;
      return streamed
        ? { request: req, status: res.statusCode, headers: h, readableStreamBody: Readable.from(buf) }
        : { request: req, status: res.statusCode, headers: h, bodyAsText: buf.toString('utf8') };
    },
  };
}

/** The storage SDK still takes a core-http-compat RequestPolicy as its httpClient. */
export function undiciStorageHttpClient(dispatcher: Dispatcher): RequestPolicy {
  return {
    async sendRequest(webResource: WebResourceLike): Promise<CompatResponse> {
      const headers: Record<string, string> = {};
      for (const h of webResource.headers.headersArray()) headers[h.name] = h.value;
      const body = await bodyBytes(webResource.body);
      const res = await request(webResource.url, { method: webResource.method as Dispatcher.HttpMethod, headers, body: body ?? null, dispatcher });
      const buf = Buffer.from(await res.body.arrayBuffer());
      const raw: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) raw[k] = Array.isArray(v) ? v.join(', ') : v;
      const streamed = webResource.streamResponseStatusCodes?.has(res.statusCode) ?? false;
      const full: PipelineResponse = {
        request: createPipelineRequest({ url: webResource.url, method: webResource.method }),
        status: res.statusCode,
        headers: createHttpHeaders(raw),
        ...(streamed ? { readableStreamBody: Readable.from([buf]) } : { bodyAsText: buf.toString('utf8') }),
      };
      return { ...toCompatResponse(full), request: webResource };
    },
  };
}

/** A TokenCredential that asks the emulator's IMDS, as ManagedIdentityCredential does on a VM. */
export function imdsCredential(dispatcher: Dispatcher, resource: string): TokenCredential {
  return {
    async getToken(): Promise<AccessToken> {
      const url = `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(resource)}`;
      const res = await request(url, { headers: { Metadata: 'true' }, dispatcher });
      const j = (await res.body.json()) as { access_token: string; expires_on: string };
      return { token: j.access_token, expiresOnTimestamp: Number(j.expires_on) * 1000 };
    },
  };
}
