// The storage SDK az uses, sent over the run's connector: a core-http-compat client whose requests go
// through `send()`, so the SDK reaches the target with its URL and Host unchanged, TLS verified, and
// every round trip recorded as evidence. The SDK's own retries are off: one attempt, like the page.
import { Readable } from 'node:stream';
import { toCompatResponse, type CompatResponse, type RequestPolicy, type WebResourceLike } from '@azure/core-http-compat';
import { createHttpHeaders, createPipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { AnonymousCredential, BlobServiceClient, BlockBlobClient, newPipeline, StorageSharedKeyCredential, type Pipeline } from '@azure/storage-blob';
import type { Connector } from '../http/connector.ts';
import { send } from '../http/send.ts';
import type { ObservedExchange } from '../observation.ts';

async function bodyBytes(body: WebResourceLike['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(new Uint8Array(body));
  const produced = typeof body === 'function' ? (body as () => unknown)() : body;
  if (produced && typeof (produced as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    for await (const chunk of produced as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
    return Buffer.concat(chunks);
  }
  throw new TypeError(`unsupported request body type for the storage client: ${Object.prototype.toString.call(produced)}`);
}

export class RecordingHttpClient implements RequestPolicy {
  readonly exchanges: ObservedExchange[] = [];
  readonly #connector: Connector;

  constructor(connector: Connector) {
    this.#connector = connector;
  }

  async sendRequest(request: WebResourceLike): Promise<CompatResponse> {
    const url = new URL(request.url);
    const headers: [string, string][] = [['Host', url.host], ...request.headers.headersArray().map((h): [string, string] => [h.name, h.value])];
    const body = await bodyBytes(request.body);
    const result = await send(this.#connector, { method: request.method, url: request.url, headers, ...(body ? { body } : {}) });
    this.exchanges.push(result.exchange);
    const response = result.exchange.response;
    if (!response) throw Object.assign(new Error(result.error?.message ?? 'no response'), { code: 'REQUEST_SEND_ERROR', executionError: result.error });
    const raw: Record<string, string> = {};
    for (const [name, value] of response.headers) raw[name] = raw[name] === undefined ? value : `${raw[name]}, ${value}`;
    const bytes = result.bodyBytes ?? Buffer.alloc(0);
    const streamed = request.streamResponseStatusCodes?.has(response.status) ?? false;
    const full: PipelineResponse = {
      request: createPipelineRequest({ url: request.url, method: request.method }),
      status: response.status,
      headers: createHttpHeaders(raw),
      ...(streamed ? { readableStreamBody: Readable.from([bytes]) } : { bodyAsText: bytes.toString('utf8') }),
    };
    return { ...toCompatResponse(full), request };
  }
}

/**
 * How az signs a data-plane call: the account key (Shared Key), a SAS in the URL, a bearer token for
 * https://storage.azure.com (--auth-mode login), or nothing (az's key look-up failed: the request goes
 * out anonymous, as az sends it).
 */
export type BlobAuth =
  | { kind: 'key'; account: string; key: string }
  | { kind: 'sas'; token: string }
  | { kind: 'token'; getToken: () => Promise<AccessToken> }
  | { kind: 'anonymous' };

function pipelineFor(connector: Connector, auth: BlobAuth): { pipeline: Pipeline; recorder: RecordingHttpClient } {
  const recorder = new RecordingHttpClient(connector);
  const credential =
    auth.kind === 'key' ? new StorageSharedKeyCredential(auth.account, auth.key)
    : auth.kind === 'token' ? ({ getToken: auth.getToken } satisfies TokenCredential)
    : new AnonymousCredential();
  return { pipeline: newPipeline(credential, { httpClient: recorder, retryOptions: { maxTries: 1 } }), recorder };
}

const sasQuery = (auth: BlobAuth): string => (auth.kind === 'sas' ? `?${auth.token.replace(/^\?/, '')}` : '');

export function blockBlobClient(connector: Connector, account: string, container: string, blob: string, auth: BlobAuth): { client: BlockBlobClient; recorder: RecordingHttpClient } {
  const { pipeline, recorder } = pipelineFor(connector, auth);
  const base = `https://${account}.blob.core.windows.net/${encodeURIComponent(container)}/${blob.split('/').map(encodeURIComponent).join('/')}`;
  return { client: new BlockBlobClient(`${base}${sasQuery(auth)}`, pipeline), recorder };
}

/** The account's blob service, for container and list calls. */
export function blobServiceClient(connector: Connector, account: string, auth: BlobAuth): { client: BlobServiceClient; recorder: RecordingHttpClient } {
  const { pipeline, recorder } = pipelineFor(connector, auth);
  return { client: new BlobServiceClient(`https://${account}.blob.core.windows.net/${sasQuery(auth)}`, pipeline), recorder };
}
