// Azurite as the Blob emulator's data store. It runs as a child process (its own core, its own event
// loop) on 127.0.0.1 with an ephemeral port and in-memory persistence, and trusts only the emulator:
// each account gets a random internal key, unknown to clients, and every forwarded request is
// re-signed with it. Authentication and authorization are the emulator's alone (Azurite checks no
// token signature and no role), so Azurite's own auth serves only as a lock against other callers.
// Why re-sign rather than forward Shared Key and SAS requests as they came: Bearer requests need a
// signature anyway, so there is one path; keys changed in the live state (a key regeneration) take
// effect without restarting Azurite; and Azure's error texts (the string to sign, the SAS time frame)
// have to come from the emulator, which therefore decides every request before Azurite sees it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { sharedKeyStringToSign, hmacBase64 } from './services/blob-sharedkey.ts';

/** Where scripts/build-dist.mjs bundled Azurite's blob server (relative to this file); only defined in dist/. */
declare const __TC_AZURITE_BUNDLE__: string | undefined;
// The bundle starts faster than Azurite's own entry, which loads ~1,400 modules (see build-dist.mjs).
const AZURITE_BLOB_MAIN =
  typeof __TC_AZURITE_BUNDLE__ === 'string'
    ? fileURLToPath(new URL(__TC_AZURITE_BUNDLE__, import.meta.url))
    : createRequire(import.meta.url).resolve('azurite/dist/src/blob/main.js');
const CHILD_WRAPPER = fileURLToPath(new URL('./azurite-child.cjs', import.meta.url));
const START_TIMEOUT_MS = 20_000;
/** The version Azurite is asked to speak when the emulator itself talks to it (seeding). */
const INTERNAL_VERSION = '2021-12-02';

export interface BackendRequest {
  method: string;
  account: string;
  /** Path below the account, percent-encoded, starting with '/'. */
  rawPath: string;
  /** Query without '?', percent-encoded ('' for none). */
  rawQuery: string;
  /** Lower-case names; hop-by-hop and auth headers already removed. */
  headers: Record<string, string>;
  body?: Buffer;
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export interface SeedBlob {
  name: string;
  content: string;
  contentType: string;
}
export interface SeedAccount {
  name: string;
  containers: { name: string; blobs: SeedBlob[] }[];
}

export interface AzuriteBackend {
  /** Azurite's own TCP listener (the emulator itself forwards over a Unix socket). */
  readonly url: string;
  /** The child's process id (the benchmark reads its CPU time). */
  readonly pid: number | undefined;
  /** False once the child has exited (crashed, killed): the emulator then starts a new one. */
  readonly alive: boolean;
  readonly accounts: readonly string[];
  /** The internal key of an account, for the benchmark's direct comparison only. */
  internalKey(account: string): string;
  request(req: BackendRequest): Promise<BackendResponse>;
  /** Delete every container of every account, then create the given ones. */
  seed(accounts: SeedAccount[]): Promise<void>;
  close(): Promise<void>;
}

/** Resolves with Azurite's TCP URL once both its TCP listener and the Unix socket accept connections. */
function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`Azurite did not start within ${START_TIMEOUT_MS} ms: ${out.slice(-500)}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = /successfully listens on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] && out.includes('tc-azurite socket ready')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(m[1]);
      }
    };
    const fail = (e: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.once('exit', (code) => fail(new Error(`Azurite exited with code ${code} before listening: ${out.slice(-500)}`)));
  });
}

export async function startAzurite(accountNames: readonly string[]): Promise<AzuriteBackend> {
  if (accountNames.length === 0) throw new Error('Azurite needs at least one storage account');
  const keys = new Map(accountNames.map((a) => [a, randomBytes(32).toString('base64')]));
  // Synchronous (a fraction of a millisecond), so the child is spawned within this call: the boot
  // calls this first and the spawn should not wait for the thread pool the key generation keeps busy.
  const cwd = mkdtempSync(join(tmpdir(), 'tc-azurite-'));
  const socketPath = join(cwd, 'blob.sock');
  const child = spawn(
    process.execPath,
    [
      CHILD_WRAPPER,
      '--blobHost', '127.0.0.1',
      '--blobPort', '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit', '512',
      '--disableTelemetry',
      // No access log: one stdout line per request would cost both Azurite and the emulator (which drains the pipe).
      '--silent',
      // The emulator speaks whatever x-ms-version the client sent; Azurite need not know it.
      '--skipApiVersionCheck',
      '--loose',
      // Requests arrive path-style (/<account>/<container>/<blob>) from the emulator only.
      '--disableProductStyleUrl',
    ],
    {
      cwd,
      env: {
        ...process.env,
        TC_AZURITE_BLOB_MAIN: AZURITE_BLOB_MAIN,
        TC_AZURITE_SOCKET: socketPath,
        // The bundle is compiled with a code cache beside it (see azurite-child.cjs); Azurite's own
        // entry loads ~1,400 files through Node's loader, which keeps no cache in Node 20.
        ...(typeof __TC_AZURITE_BUNDLE__ === 'string' ? { TC_AZURITE_CODE_CACHE: '1' } : {}),
        AZURITE_ACCOUNTS: [...keys].map(([a, k]) => `${a}:${k}`).join(';'),
      },
      // The IPC channel is the child's lifeline (see azurite-child.cjs); nothing is sent over it.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let url: string;
  try {
    url = await waitForListening(child);
  } catch (e) {
    await rm(cwd, { recursive: true, force: true });
    throw e;
  }
  child.removeAllListeners('exit');
  child.channel?.unref();
  let alive = true;
  child.once('exit', () => (alive = false));
  const pool = new Pool('http://localhost', { connect: { socketPath }, connections: 128, pipelining: 1, keepAliveTimeout: 30_000 });

  const request = async (r: BackendRequest): Promise<BackendResponse> => {
    const key = keys.get(r.account);
    if (key === undefined) throw new Error(`Azurite was not started with account ${r.account}`);
    const rawPath = `/${r.account}${r.rawPath}`;
    const headers: Record<string, string> = { ...r.headers };
    if (headers['x-ms-date'] === undefined) headers['x-ms-date'] = new Date().toUTCString();
    const length = r.body?.length ?? 0;
    // undici sends Content-Length for any PUT/POST body; the signature must cover the same value.
    if (r.body !== undefined || r.method === 'PUT' || r.method === 'POST') headers['content-length'] = String(length);
    else delete headers['content-length'];
    const sts = sharedKeyStringToSign(r.account, { method: r.method, rawPath, rawQuery: r.rawQuery, headers });
    headers.authorization = `SharedKey ${r.account}:${hmacBase64(key, sts)}`;
    const res = await pool.request({
      method: r.method as 'GET',
      path: r.rawQuery === '' ? rawPath : `${rawPath}?${r.rawQuery}`,
      headers,
      body: r.body ?? (r.method === 'PUT' || r.method === 'POST' ? Buffer.alloc(0) : null),
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = v;
    return { status: res.statusCode, headers: out, body };
  };

  const internal = (method: string, account: string, rawPath: string, rawQuery: string, extra: Record<string, string> = {}, body?: Buffer) =>
    request({ method, account, rawPath, rawQuery, headers: { 'x-ms-version': INTERNAL_VERSION, ...extra }, ...(body ? { body } : {}) });

  const expect = (res: BackendResponse, ok: number[], what: string) => {
    if (!ok.includes(res.status)) throw new Error(`Azurite ${what} answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
  };

  const seed = async (accounts: SeedAccount[]) => {
    for (const account of accountNames) {
      const list = await internal('GET', account, '/', 'comp=list&maxresults=5000');
      expect(list, [200], `list containers of ${account}`);
      const names = [...list.body.toString('utf8').matchAll(/<Container><Name>([^<]*)<\/Name>/g)].map((m) => m[1] ?? '');
      for (const name of names) {
        expect(await internal('DELETE', account, `/${encodeURIComponent(name)}`, 'restype=container'), [202], `delete container ${name}`);
      }
    }
    for (const account of accounts) {
      for (const container of account.containers) {
        const cpath = `/${encodeURIComponent(container.name)}`;
        expect(await internal('PUT', account.name, cpath, 'restype=container'), [201], `create container ${container.name}`);
        for (const blob of container.blobs) {
          const bpath = `${cpath}/${blob.name.split('/').map(encodeURIComponent).join('/')}`;
          const res = await internal('PUT', account.name, bpath, '', { 'x-ms-blob-type': 'BlockBlob', 'content-type': blob.contentType }, Buffer.from(blob.content, 'utf8'));
          expect(res, [201], `put blob ${container.name}/${blob.name}`);
        }
      }
    }
  };

  const close = async () => {
    await pool.close().catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(cwd, { recursive: true, force: true });
  };

  return {
    url,
    pid: child.pid,
    get alive() {
      return alive;
    },
    accounts: [...accountNames],
    internalKey: (account) => {
      const k = keys.get(account);
      if (k === undefined) throw new Error(`no Azurite account ${account}`);
      return k;
    },
    request,
    seed,
    close,
  };
}
