// Azure Blob Storage data plane for <account>.blob.core.windows.net. The stages run in a fixed order:
// account (unknown: the name does not resolve) → a path HTTP.sys refuses (its 400 page; see
// percent-encoding.ts) → secure transfer (http:// to an account that requires https is 400
// AccountRequiresHttps) → operation → blob name length → length → authenticate and authorize
// (Bearer, Shared Key, SAS or user delegation SAS, checked here with Azure's error texts; anonymous
// by the container's access level) → answered here (user delegation key) or forwarded to the
// instance's Azurite, re-signed with its internal key → re-shaped as Azure sends it (Server header,
// request id, version, XML errors, list endpoints naming the account's own host).
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext, TokenClaims } from '../types.ts';
import type { Scenario } from '../scenario.ts';
import type { AzuriteBackend, BackendResponse } from '../azurite.ts';
import { classifyBlobOperation, type BlobOperation } from './blob-operation.ts';
import { BLOB_SERVER, blobErrors, invalidUrl, lengthRequired, storageError, type StorageErrorInput } from './blob-errors.ts';
import { describeEncodingProblem, encodingProblem } from './percent-encoding.ts';
import { verifySharedKey } from './blob-sharedkey.ts';
import { hasSas, SAS_PARAMS, verifySas } from './blob-sas.ts';
import { authorizeBearer } from './blob-bearer.ts';
import { authorizeAnonymous } from './blob-anonymous.ts';
import { createBackends } from './blob-backends.ts';
import { userDelegationKey } from './blob-delegation.ts';
import { notEmulated } from './not-emulated.ts';

type Account = Scenario['storageAccounts'][number];

/** learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata: "cannot be more than 1,024 characters". */
const MAX_BLOB_NAME = 1024;

const HOST = /^([a-z0-9]{3,24})\.blob\.core\.windows\.net$/;

/** Request headers that belong to the client's connection or credentials, not to the operation. */
const NOT_FORWARDED = new Set([
  'host', 'authorization', 'connection', 'keep-alive', 'proxy-authorization', 'proxy-connection',
  'transfer-encoding', 'te', 'upgrade', 'expect', 'content-length', 'trailer',
]);
/** Requests that cannot change blob data, so a reset after them has nothing to undo. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Response headers of the backend hop that must not reach the client as they are. */
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'server', 'x-ms-request-id', 'x-ms-version']);

/**
 * How long a blob request waits for Azurite to start before it is answered as the emulator's own
 * limit (x-emulator-error, which a run reports `unsupported`): below the 30 s a runner waits for any
 * answer (RESPONSE_TIMEOUT_MS in src/run/http/send.ts), so a slow start on a loaded machine is never
 * a step's timeout. Azurite's start itself goes on (azurite-process.ts waits for it, not for a time);
 * later requests wait for the same start.
 */
const BACKEND_WAIT_MS = 20_000;

type Waited<T> = { ok: true; value: T } | { ok: false; waitedMs: number };

/** `pending`, or after `ms` that it is still pending; a late rejection is left to its other waiters. */
async function within<T>(pending: Promise<T>, ms: number): Promise<Waited<T>> {
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  const late = new Promise<Waited<T>>((resolve) => (timer = setTimeout(() => resolve({ ok: false, waitedMs: Date.now() - started }), ms)));
  try {
    return await Promise.race([pending.then((value): Waited<T> => ({ ok: true, value })), late]);
  } finally {
    clearTimeout(timer);
    pending.catch(() => undefined);
  }
}

function azuriteStarting(req: EmulatorRequest, waitedMs: number): EmulatorResponse {
  const message = `Azurite, the emulator's blob store, was still starting after ${Math.round(waitedMs / 1000)} s (a loaded machine); this request was not served, so the step says nothing about the page. Its start goes on: later blob requests wait for it.`;
  return {
    status: 503,
    statusText: 'Service Unavailable',
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-emulator-error': 'azurite-starting', 'x-ms-request-id': req.requestId },
    body: JSON.stringify({ error: { code: 'EmulatorError', message } }),
  };
}

function splitTarget(rawTarget: string): { rawPath: string; rawQuery: string } {
  // Absolute-form targets (proxy requests) carry scheme and authority; the signature covers the path only.
  const target = rawTarget.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
  const q = target.indexOf('?');
  return q < 0 ? { rawPath: target || '/', rawQuery: '' } : { rawPath: target.slice(0, q) || '/', rawQuery: target.slice(q + 1) };
}

function withoutSasParams(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((p) => p !== '' && !SAS_PARAMS.has(decodeURIComponent(p.split('=')[0] ?? '').toLowerCase()))
    .join('&');
}

function accountResourceId(ctx: ServiceContext, a: Account): string {
  return `/subscriptions/${ctx.state.data.subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}`;
}

/** The storage account behind a host, if the live state has one (the DNS name exists). */
export function storageAccountOfHost(state: ServiceContext['state'], host: string): Account | undefined {
  const name = HOST.exec(host)?.[1];
  return name === undefined ? undefined : state.data.storageAccounts.find((a) => a.name === name);
}

type Authorization = { ok: true; claims?: TokenClaims } | { ok: false; response: EmulatorResponse };

/** The answer to a request for a name that does not resolve: the connection ends without one (see router.ts). */
const UNRESOLVED: EmulatorResponse = { status: 0, headers: {}, reset: true };

export interface BlobService extends Service {
  reset(ctx: ServiceContext): Promise<void>;
  stop(ctx?: Pick<ServiceContext, 'state'>): Promise<void>;
  /** The Azurite behind an emulator instance (the benchmark compares against it directly). */
  backend(ctx: ServiceContext): Promise<AzuriteBackend>;
}

export function createBlobService(): BlobService {
  const backends = createBackends();

  const fail = (req: EmulatorRequest, ctx: ServiceContext, e: StorageErrorInput): Authorization => ({ ok: false, response: storageError(req, ctx.now(), e) });

  async function authorize(req: EmulatorRequest, ctx: ServiceContext, account: Account, op: BlobOperation): Promise<Authorization> {
    const auth = req.headers.authorization;
    const { rawPath, rawQuery } = splitTarget(req.rawTarget);
    if (typeof auth === 'string' && auth !== '') {
      if (auth.startsWith('Bearer ')) {
        const r = await authorizeBearer({ req, ctx, account: account.name, accountId: accountResourceId(ctx, account), operation: op, token: auth.slice(7).trim() });
        if (r.ok) return { ok: true, claims: r.claims };
        return 'error' in r ? fail(req, ctx, r.error) : { ok: false, response: notEmulated(`Azure Blob Storage (${r.notEmulated})`, req) };
      }
      if (op.name === 'GetUserDelegationKey') return { ok: false, response: notEmulated('Azure Blob Storage (Get User Delegation Key without an Entra token)', req) };
      if (auth.startsWith('SharedKey ')) {
        const r = verifySharedKey(auth, account.name, account.keys, { method: req.method, rawPath, rawQuery, headers: req.headers });
        return r.ok ? { ok: true } : fail(req, ctx, blobErrors.authenticationFailed(r.detail));
      }
      if (auth.startsWith('SharedKeyLite ')) return { ok: false, response: notEmulated('Azure Blob Storage (Shared Key Lite)', req) };
      return fail(req, ctx, blobErrors.malformedAuthorization());
    }
    if (hasSas(req.url)) {
      const r = verifySas({ account: account.name, keys: account.keys, url: req.url, secure: req.secure, operation: op, now: ctx.now() });
      if (!r.ok) return 'error' in r ? fail(req, ctx, r.error) : { ok: false, response: notEmulated(`Azure Blob Storage (${r.notEmulated})`, req) };
      if (r.kind === 'userDelegation') {
        // What a user delegation SAS grants is cut to what its principal may do now (create-user-delegation-sas).
        if (r.tid.toLowerCase() !== ctx.state.data.tenantId.toLowerCase()) return fail(req, ctx, blobErrors.authenticationFailed('Signature did not match.'));
        const scope = `${accountResourceId(ctx, account)}/blobServices/default${op.container !== undefined ? `/containers/${op.container}` : ''}`;
        const allowed = op.rbac.kind === 'dataAction' ? ctx.rbac.checkDataAction(r.oid, op.rbac.name, scope) : ctx.rbac.checkAction(r.oid, op.rbac.name, scope);
        if (!allowed.allowed) return fail(req, ctx, blobErrors.permissionMismatch());
      }
      return { ok: true };
    }
    const refused = authorizeAnonymous(account, op, ctx.state.data.tenantId);
    return refused === undefined ? { ok: true } : fail(req, ctx, refused);
  }

  function reshape(req: EmulatorRequest, ctx: ServiceContext, op: BlobOperation, account: Account, res: BackendResponse): EmulatorResponse {
    const version = req.headers['x-ms-version'] ?? req.url.searchParams.get('sv') ?? res.headers['x-ms-version'];
    const errorCode = res.headers['x-ms-error-code'];
    if (res.status >= 400 && typeof errorCode === 'string') {
      const text = res.body.toString('utf8');
      const message = /<Message>([^\n<]*)/.exec(text)?.[1] ?? errorCode;
      return storageError(req, ctx.now(), { status: res.status, code: errorCode, message });
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(res.headers)) if (!NOT_RETURNED.has(k)) headers[k] = v;
    // Azure reports x-ms-blob-content-md5 (the whole blob's MD5) only on ranged reads.
    if (req.headers.range === undefined && req.headers['x-ms-range'] === undefined) delete headers['x-ms-blob-content-md5'];
    headers.server = BLOB_SERVER;
    headers['x-ms-request-id'] = req.requestId;
    if (typeof version === 'string') headers['x-ms-version'] = version;
    let body: Buffer = res.body;
    if ((op.name === 'ListContainers' || op.name === 'ListBlobs') && res.status === 200) {
      // Azurite names its own path-style endpoint; Azure the account's host (List Containers/List Blobs responses).
      const endpoint = `${req.secure ? 'https' : 'http'}://${account.name}.blob.core.windows.net/`;
      body = Buffer.from(body.toString('utf8').replace(/ServiceEndpoint="[^"]*"/, `ServiceEndpoint="${endpoint}"`), 'utf8');
      delete headers['content-length'];
    }
    return { status: res.status, headers, body };
  }

  /** The management plane's view follows containers the data plane creates or deletes. */
  function noteContainerChange(backend: AzuriteBackend, account: Account, op: BlobOperation, req: EmulatorRequest, status: number): void {
    if (op.container === undefined) return;
    if (op.name === 'CreateContainer' && status === 201) {
      const access = req.headers['x-ms-blob-public-access'];
      const level = access === 'blob' ? 'Blob' : access === 'container' ? 'Container' : undefined;
      if (!account.containers.some((c) => c.name === op.container)) account.containers.push({ name: op.container, blobs: [], ...(level !== undefined ? { publicAccess: level } : {}) });
      backends.noteContainer(backend, account.name, op.container, true);
    }
    if (op.name === 'DeleteContainer' && status === 202) {
      account.containers = account.containers.filter((c) => c.name !== op.container);
      backends.noteContainer(backend, account.name, op.container, false);
    }
  }

  return {
    name: 'blob',
    matchHost: (host) => HOST.test(host),
    resolves: (host, state) => storageAccountOfHost(state, host) !== undefined,

    async handle(req, ctx) {
      const account = storageAccountOfHost(ctx.state, req.host);
      if (account === undefined) return UNRESOLVED;
      // HTTP.sys refuses some paths before Storage sees them; other undecodable input is not emulated.
      const target = splitTarget(req.rawTarget);
      const pathProblem = encodingProblem(target.rawPath);
      if (pathProblem === 'invalid-escape' || pathProblem === 'control-character') return invalidUrl(ctx.now());
      if (pathProblem !== undefined) return notEmulated(`Azure Blob Storage (${describeEncodingProblem(pathProblem, 'path')})`, req);
      const queryProblem = encodingProblem(target.rawQuery);
      if (queryProblem !== undefined) return notEmulated(`Azure Blob Storage (${describeEncodingProblem(queryProblem, 'query')})`, req);
      // Secure transfer is checked before anything else, credentials included.
      if (!req.secure && account.supportsHttpsTrafficOnly !== false) return storageError(req, ctx.now(), blobErrors.accountRequiresHttps());
      const op = classifyBlobOperation(req.method, req.url);
      if (op === undefined) return notEmulated('Azure Blob Storage', req);
      // Counted in UTF-16 code units, as the service does (Azure/azure-storage-cpp issue #291).
      if (op.blob !== undefined && op.blob.length > MAX_BLOB_NAME) return storageError(req, ctx.now(), blobErrors.outOfRangeInput());
      if (op.needsLength && req.headers['content-length'] === undefined) {
        return req.headers['transfer-encoding'] !== undefined ? storageError(req, ctx.now(), blobErrors.missingContentLength()) : lengthRequired(req, ctx.now());
      }
      // A container asking for anonymous access in an account that forbids it (learn.microsoft.com/azure/
      // storage/blobs/anonymous-read-access-prevent: "…fails with error code PublicAccessNotPermitted").
      if (op.name === 'CreateContainer' && req.headers['x-ms-blob-public-access'] !== undefined && account.allowBlobPublicAccess !== true) {
        return storageError(req, ctx.now(), blobErrors.publicAccessNotPermitted());
      }
      const authorization = await authorize(req, ctx, account, op);
      if (!authorization.ok) return authorization.response;
      if (op.name === 'GetUserDelegationKey') return userDelegationKey(req, ctx.now(), account.keys[0], authorization.claims!);

      const container = op.container === undefined ? undefined : account.containers.find((c) => c.name === op.container);
      const waited = await within(backends.backendFor(ctx.state, account.name, container), BACKEND_WAIT_MS);
      if (!waited.ok) return azuriteStarting(req, waited.waitedMs);
      const backend = waited.value;
      if (backend === undefined) return notEmulated(`Azure Blob Storage (more storage accounts created in one run than the emulator's Azurite holds)`, req);
      if (!SAFE_METHODS.has(req.method.toUpperCase())) backends.markDirty(ctx.state);
      const { rawPath, rawQuery } = splitTarget(req.rawTarget);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (v === undefined || NOT_FORWARDED.has(k)) continue;
        headers[k] = Array.isArray(v) ? v.join(', ') : v;
      }
      const res = await backend.request({
        method: req.method.toUpperCase(),
        account: account.name,
        rawPath,
        rawQuery: withoutSasParams(rawQuery),
        headers,
        ...(req.method.toUpperCase() === 'PUT' || req.method.toUpperCase() === 'POST' ? { body: req.body } : {}),
      });
      noteContainerChange(backend, account, op, req, res.status);
      return reshape(req, ctx, op, account, res);
    },

    // Azurite takes seconds to start on a busy machine: it starts in the background and the first
    // blob request waits for it, so emulators that never serve a blob do not wait at all. A failure
    // to start surfaces on that first request (and the next one tries again).
    async start(ctx) {
      if (ctx.state.data.storageAccounts.length > 0 && !backends.has(ctx.state)) void backends.launch(ctx.state, ctx.azurite).catch(() => undefined);
    },

    reset: (ctx) => backends.reset(ctx.state),
    stop: (ctx) => backends.stop(ctx?.state),

    async backend(ctx) {
      // Whoever asks for the backend directly may write to it: the next reset re-seeds.
      backends.markDirty(ctx.state);
      const first = ctx.state.data.storageAccounts[0];
      if (first === undefined) throw new Error('the scenario has no storage account');
      const backend = await backends.backendFor(ctx.state, first.name);
      if (backend === undefined) throw new Error(`Azurite holds no room for ${first.name}`);
      return backend;
    },
  };
}

export const blobService: BlobService = createBlobService();
