// Azurite as the Blob emulator's data store. It runs as a child process (its own core, its own event
// loop) on 127.0.0.1 with an ephemeral port and in-memory persistence, and trusts only the emulator:
// each account gets a random internal key, unknown to clients, and every forwarded request is
// re-signed with it. Authentication and authorization are the emulator's alone (Azurite checks no
// token signature and no role), so Azurite's own auth serves only as a lock against other callers.
// Why re-sign rather than forward Shared Key and SAS requests as they came: Bearer requests need a
// signature anyway, so there is one path; keys changed in the live state (a key regeneration) take
// effect without restarting Azurite; and Azure's error texts (the string to sign, the SAS time frame)
// have to come from the emulator, which therefore decides every request before Azurite sees it.
import { randomBytes } from 'node:crypto';
import { Pool } from 'undici';
import { sharedKeyStringToSign, hmacBase64 } from './services/blob-sharedkey.ts';
import { spawnAzurite, type AzuriteProcess } from './azurite-process.ts';
import { removeTempFolder } from '../temp-folders.ts';

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
  containers: { name: string; publicAccess?: 'None' | 'Blob' | 'Container'; blobs: SeedBlob[] }[];
}

/**
 * Spare Azurite accounts for storage accounts created during a run. Azurite reads its accounts
 * once, so an account the scenario did not have at start takes one of these (under an internal
 * name clients never see) instead of a restart, which would lose every blob written so far.
 */
export const SPARE_ACCOUNTS = 32;
const SPARE_PREFIX = 'tc-spare-';

export interface AzuriteBackend {
  /** Azurite's own TCP listener (the emulator itself forwards over a Unix socket). */
  readonly url: string;
  /** The child's process id (the benchmark reads its CPU time). */
  readonly pid: number | undefined;
  /** False once the child has exited (crashed, killed): the emulator then starts a new one. */
  readonly alive: boolean;
  /**
   * Can this Azurite hold the account? True for the accounts it started with and those given a
   * spare account since (`account` is given one here if it has none); false when the spares are
   * used up.
   */
  place(account: string): boolean;
  /** The internal key of an account, for the benchmark's direct comparison only. */
  internalKey(account: string): string;
  request(req: BackendRequest): Promise<BackendResponse>;
  /** Delete every container of every account, then create the given ones. */
  seed(accounts: SeedAccount[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Azurite for the given accounts: in `early`, a process spawned ahead of time (claimed here;
 * a spawn of its own when it cannot be), else in a new one. `onProcess` gets the process as soon as
 * it is claimed or spawned, before it is ready.
 */
export async function startAzurite(accountNames: readonly string[], early?: AzuriteProcess, onProcess?: (proc: AzuriteProcess) => void): Promise<AzuriteBackend> {
  if (accountNames.length === 0) throw new Error('Azurite needs at least one storage account');
  const spares = Array.from({ length: SPARE_ACCOUNTS }, (_, i) => `${SPARE_PREFIX}${i}`).filter((n) => !accountNames.includes(n));
  const keys = new Map([...accountNames, ...spares].map((a) => [a, randomBytes(32).toString('base64')]));
  // Account (as clients name it) → Azurite's account: itself for the starting ones, a spare for later ones.
  const internalName = new Map(accountNames.map((a) => [a, a]));
  const freeSpares = [...spares];
  const place = (account: string): boolean => {
    if (internalName.has(account)) return true;
    const spare = freeSpares.shift();
    if (spare === undefined) return false;
    internalName.set(account, spare);
    return true;
  };
  let proc: AzuriteProcess;
  if (early?.claim()) proc = early;
  else {
    proc = spawnAzurite();
    proc.claim();
  }
  // Whoever stops the emulator while this Azurite still starts can end it without waiting for it.
  onProcess?.(proc);
  const { child, cwd, socketPath } = proc;
  const url = await proc.start(keys);
  let alive = child.exitCode === null && child.signalCode === null;
  child.once('exit', () => (alive = false));
  // Idle connections are closed here, after 4 s; Azurite keeps them 10 minutes (azurite-child.cjs),
  // so a forward never goes out on a connection Azurite is closing, however long this process was
  // busy in between. keepAliveMaxTimeout caps whatever `Keep-Alive: timeout=` hint Azurite might send.
  const pool = new Pool('http://localhost', { connect: { socketPath }, connections: 128, pipelining: 1, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 4_000 });

  const request = async (r: BackendRequest): Promise<BackendResponse> => {
    const account = internalName.get(r.account);
    const key = account === undefined ? undefined : keys.get(account);
    if (account === undefined || key === undefined) throw new Error(`Azurite holds no account ${r.account} (place() it first)`);
    const rawPath = `/${account}${r.rawPath}`;
    const headers: Record<string, string> = { ...r.headers };
    if (headers['x-ms-date'] === undefined) headers['x-ms-date'] = new Date().toUTCString();
    const length = r.body?.length ?? 0;
    // undici sends Content-Length for any PUT/POST body; the signature must cover the same value.
    if (r.body !== undefined || r.method === 'PUT' || r.method === 'POST') headers['content-length'] = String(length);
    else delete headers['content-length'];
    const sts = sharedKeyStringToSign(account, { method: r.method, rawPath, rawQuery: r.rawQuery, headers });
    headers.authorization = `SharedKey ${account}:${hmacBase64(key, sts)}`;
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
    // Every account this Azurite has held (the seed's own are placed first) is emptied.
    for (const a of accounts) place(a.name);
    for (const account of internalName.keys()) {
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
        const access: Record<string, string> = container.publicAccess === undefined || container.publicAccess === 'None' ? {} : { 'x-ms-blob-public-access': container.publicAccess.toLowerCase() };
        expect(await internal('PUT', account.name, cpath, 'restype=container', access), [201], `create container ${container.name}`);
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
    const running = child.exitCode === null && child.signalCode === null;
    const exited = running ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
    // Killed outright: everything it holds is in memory (--inMemoryPersistence) and disposable,
    // and its orderly shutdown was ~10 ms at the end of every run.
    if (running) {
      // Referenced again while waiting: otherwise a process with nothing else left to do would end
      // (mid-await) before the exit arrives.
      child.ref();
      child.kill('SIGKILL');
    }
    await removeTempFolder(cwd);
    await exited;
  };

  return {
    url,
    pid: child.pid,
    get alive() {
      return alive;
    },
    place,
    internalKey: (account) => {
      const k = keys.get(internalName.get(account) ?? '');
      if (k === undefined) throw new Error(`no Azurite account ${account}`);
      return k;
    },
    request,
    seed,
    close,
  };
}
