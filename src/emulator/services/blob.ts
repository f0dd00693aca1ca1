// Azure Blob Storage data plane for <account>.blob.core.windows.net. The stages run in a fixed order:
// account → operation → length → authenticate and authorize (Bearer, Shared Key or SAS, checked here
// with Azure's error texts) → forward to the instance's Azurite, re-signed with its internal key →
// re-shape Azurite's answer as Azure sends it (Server header, request id, version, XML errors).
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from '../types.ts';
import type { EmulatorState } from '../state.ts';
import type { Scenario } from '../scenario.ts';

type ScenarioStorageAccount = Scenario['storageAccounts'][number];
import { startAzurite, type AzuriteBackend, type BackendResponse, type SeedAccount } from '../azurite.ts';
import type { AzuriteProcess } from '../azurite-process.ts';
import { classifyBlobOperation, type BlobOperation } from './blob-operation.ts';
import { BLOB_SERVER, blobErrors, lengthRequired, storageError, type StorageErrorInput } from './blob-errors.ts';
import { verifySharedKey } from './blob-sharedkey.ts';
import { hasSas, SAS_PARAMS, verifySas } from './blob-sas.ts';
import { authorizeBearer } from './blob-bearer.ts';
import { notEmulated } from './not-emulated.ts';

const HOST = /^([a-z0-9]{3,24})\.blob\.core\.windows\.net$/;

/** Request headers that belong to the client's connection or credentials, not to the operation. */
const NOT_FORWARDED = new Set([
  'host', 'authorization', 'connection', 'keep-alive', 'proxy-authorization', 'proxy-connection',
  'transfer-encoding', 'te', 'upgrade', 'expect', 'content-length', 'trailer',
]);
/** Response headers of the backend hop that must not reach the client as they are. */
/** Requests that cannot change blob data, so a reset after them has nothing to undo. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NOT_RETURNED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'server', 'x-ms-request-id', 'x-ms-version']);

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

function accountResourceId(ctx: ServiceContext, a: ScenarioStorageAccount): string {
  return `/subscriptions/${ctx.state.data.subscriptionId}/resourceGroups/${a.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${a.name}`;
}

function seedOf(state: EmulatorState): SeedAccount[] {
  return state.data.storageAccounts.map((a) => ({
    name: a.name,
    containers: a.containers.map((c) => ({ name: c.name, blobs: c.blobs.map((b) => ({ name: b.name, content: b.content, contentType: b.contentType })) })),
  }));
}

type Authorization = { ok: true } | { ok: false; response: EmulatorResponse };

export interface BlobService extends Service {
  reset(ctx: ServiceContext): Promise<void>;
  stop(ctx?: Pick<ServiceContext, 'state'>): Promise<void>;
  /** The Azurite behind an emulator instance (the benchmark compares against it directly). */
  backend(ctx: ServiceContext): Promise<AzuriteBackend>;
}

export function createBlobService(): BlobService {
  // One Azurite per emulator instance, keyed by the instance's live state: nothing shared between runs.
  const backends = new Map<EmulatorState, Promise<AzuriteBackend>>();
  // States whose Azurite data may differ from the scenario since the last seed. A reset of a clean
  // state has nothing to undo, so it neither waits for Azurite's start nor re-seeds: the runner
  // resets between every tutorial, and most tutorials never write a blob.
  const dirty = new WeakSet<EmulatorState>();

  const seedOrClose = async (backend: AzuriteBackend, seed: SeedAccount[]): Promise<void> => {
    try {
      await backend.seed(seed);
    } catch (err) {
      await backend.close();
      throw err;
    }
  };
  /** A started Azurite holding `seed`; one whose seeding fails is closed (never handed out, nobody else would). */
  const startSeeded = async (accounts: string[], seed: SeedAccount[], early?: AzuriteProcess): Promise<AzuriteBackend> => {
    const backend = await startAzurite(accounts, early);
    await seedOrClose(backend, seed);
    return backend;
  };
  /** The backend every later request of this state waits for; forgotten if it fails, so the next request tries anew. */
  const install = (state: EmulatorState, next: Promise<AzuriteBackend>): Promise<AzuriteBackend> => {
    backends.set(state, next);
    next.catch(() => {
      if (backends.get(state) === next) backends.delete(state);
    });
    return next;
  };
  const launch = (state: EmulatorState, early?: AzuriteProcess): Promise<AzuriteBackend> =>
    install(state, startSeeded(state.data.storageAccounts.map((a) => a.name), seedOf(state), early));

  const backendFor = async (ctx: ServiceContext, account: string): Promise<AzuriteBackend> => {
    const current = backends.get(ctx.state);
    if (current === undefined) return launch(ctx.state);
    const backend = await current;
    if (backend.alive && backend.accounts.includes(account)) return backend;
    // Another request got here first and is already replacing this backend.
    if (backends.get(ctx.state) !== current) return backendFor(ctx, account);
    // Azurite died, or an account was created after start (Azurite reads its account list once):
    // a new one is started and seeded from the live state's scenario blobs (uploads since are lost).
    const next = launch(ctx.state);
    await backend.close();
    return next;
  };

  const fail = (req: EmulatorRequest, ctx: ServiceContext, e: StorageErrorInput): Authorization => ({
    ok: false,
    response: storageError(req, ctx.now(), e),
  });

  async function authorize(req: EmulatorRequest, ctx: ServiceContext, account: ScenarioStorageAccount, op: BlobOperation): Promise<Authorization> {
    const auth = req.headers.authorization;
    const { rawPath, rawQuery } = splitTarget(req.rawTarget);
    if (typeof auth === 'string' && auth !== '') {
      if (auth.startsWith('Bearer ')) {
        const r = await authorizeBearer({ req, ctx, account: account.name, accountId: accountResourceId(ctx, account), operation: op, token: auth.slice(7).trim() });
        return r.ok ? { ok: true } : fail(req, ctx, r.error);
      }
      if (auth.startsWith('SharedKey ')) {
        const r = verifySharedKey(auth, account.name, account.keys, { method: req.method, rawPath, rawQuery, headers: req.headers });
        return r.ok ? { ok: true } : fail(req, ctx, blobErrors.authenticationFailed(r.detail));
      }
      if (auth.startsWith('SharedKeyLite ')) return { ok: false, response: notEmulated('Azure Blob Storage (Shared Key Lite)', req) };
      return fail(req, ctx, blobErrors.malformedAuthorization());
    }
    if (hasSas(req.url)) {
      const r = verifySas({ account: account.name, keys: account.keys, url: req.url, secure: req.secure, operation: op, now: ctx.now() });
      if (r.ok) return { ok: true };
      return 'error' in r ? fail(req, ctx, r.error) : { ok: false, response: notEmulated(`Azure Blob Storage (${r.notEmulated})`, req) };
    }
    return fail(req, ctx, blobErrors.publicAccessNotPermitted());
  }

  function reshape(req: EmulatorRequest, ctx: ServiceContext, res: BackendResponse): EmulatorResponse {
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
    return { status: res.status, headers, body: res.body };
  }

  return {
    name: 'blob',
    matchHost: (host) => HOST.test(host),

    async handle(req, ctx) {
      const name = HOST.exec(req.host)?.[1] ?? '';
      const account = ctx.state.data.storageAccounts.find((a) => a.name === name);
      if (account === undefined) {
        return {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'x-emulator-unknown-account': name, 'x-ms-request-id': req.requestId },
          body: `The scenario has no storage account '${name}'; in Azure the host name ${req.host} would not resolve.\n`,
        };
      }
      const op = classifyBlobOperation(req.method, req.url);
      if (op === undefined) return notEmulated('Azure Blob Storage', req);
      if (op.needsLength && req.headers['content-length'] === undefined) {
        return req.headers['transfer-encoding'] !== undefined ? storageError(req, ctx.now(), blobErrors.missingContentLength()) : lengthRequired(req, ctx.now());
      }
      const authorization = await authorize(req, ctx, account, op);
      if (!authorization.ok) return authorization.response;

      const backend = await backendFor(ctx, account.name);
      if (!SAFE_METHODS.has(req.method.toUpperCase())) dirty.add(ctx.state);
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
      return reshape(req, ctx, res);
    },

    // Azurite takes seconds to start on a busy machine: it starts in the background and the first
    // blob request waits for it, so emulators that never serve a blob do not wait at all. A failure
    // to start surfaces on that first request (and the next one tries again).
    async start(ctx) {
      if (ctx.state.data.storageAccounts.length > 0 && !backends.has(ctx.state)) void launch(ctx.state, ctx.azurite).catch(() => undefined);
    },

    // Re-seeding is ~4 sequential round trips to Azurite per dirty reset, time the emulator's
    // process would only wait: the reset returns at once and the re-seeded backend takes the place
    // of the current one, so every blob request (and `backend()`) after the reset waits for it,
    // while the next tutorial's other steps (tokens, ARM) go ahead. A failure to re-seed surfaces
    // on the next blob request, as a failure to start does.
    async reset(ctx) {
      const current = backends.get(ctx.state);
      if (current === undefined || !dirty.has(ctx.state)) return;
      dirty.delete(ctx.state);
      const seed = seedOf(ctx.state);
      const wanted = ctx.state.data.storageAccounts.map((a) => a.name);
      if (wanted.length === 0) {
        // No account any more: nothing to serve, only the old backend to stop.
        backends.delete(ctx.state);
        await current.then((b) => b.close()).catch(() => undefined);
        return;
      }
      install(
        ctx.state,
        (async () => {
          const backend = await current;
          if (wanted.every((a) => backend.accounts.includes(a))) {
            await seedOrClose(backend, seed);
            return backend;
          }
          // An account was added since (Azurite reads its accounts once): a new one for the scenario's.
          await backend.close();
          return startSeeded(wanted, seed);
        })(),
      );
    },

    async stop(ctx) {
      const states = ctx ? [ctx.state] : [...backends.keys()];
      await Promise.all(
        states.map(async (s) => {
          const b = backends.get(s);
          backends.delete(s);
          if (b) await (await b.catch(() => undefined))?.close();
        }),
      );
    },

    async backend(ctx) {
      // Whoever asks for the backend directly may write to it: the next reset re-seeds.
      dirty.add(ctx.state);
      const first = ctx.state.data.storageAccounts[0];
      if (first === undefined) throw new Error('the scenario has no storage account');
      return backendFor(ctx, first.name);
    },
  };
}

export const blobService: BlobService = createBlobService();
