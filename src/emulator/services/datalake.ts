// Azure Data Lake Store Gen1 WebHDFS for <account>.azuredatalakestore.net. Retired in Azure on
// 2024-02-29; modelled so the tutorial can still be checked for consistency, and every answer says so
// in `x-emulator-retired`. Stages: store → op → token (audience https://datalake.azure.net/) → ACLs
// for the token's oid (execute on every ancestor, then what the op needs) → the file system.
import type { EmulatorRequest, EmulatorResponse, Service, ServiceContext } from '../types.ts';
import { aclDenied, fileNotFound, gen1Headers, gen1Json, remoteException, RETIRED_HEADER, RETIRED_NOTICE } from './datalake-errors.ts';
import { allows, canTraverse, childrenOf, find, nameOf, newChild, normalisePath, parentOf, type Entry, type Need, type Store } from './datalake-fs.ts';
import { notEmulated } from './not-emulated.ts';
import { issuerFor } from '../tokens.ts';
import { describeEncodingProblem, encodingProblem } from './percent-encoding.ts';

const HOST = /^([a-z0-9]{3,24})\.azuredatalakestore\.net$/;
const PREFIX = '/webhdfs/v1';
export const DATALAKE_AUDIENCE = 'https://datalake.azure.net/';
const NEW_ENTRY_PERMISSION = '770';
/** Gen1 reported files with a 256 MiB block size and replication 1; directories with 0 for both. */
const FILE_BLOCK_SIZE = 268_435_456;

type OpName = 'LISTSTATUS' | 'GETFILESTATUS' | 'OPEN' | 'MKDIRS' | 'CREATE' | 'APPEND' | 'DELETE';
const METHOD_OF: Record<OpName, string> = { LISTSTATUS: 'GET', GETFILESTATUS: 'GET', OPEN: 'GET', MKDIRS: 'PUT', CREATE: 'PUT', APPEND: 'POST', DELETE: 'DELETE' };
/** WebHDFS operations Gen1 had that the emulator does not model. */
const KNOWN_OTHER_OPS = new Set(['RENAME', 'SETACL', 'MODIFYACLENTRIES', 'REMOVEACLENTRIES', 'REMOVEDEFAULTACL', 'REMOVEACL', 'GETACLSTATUS', 'SETPERMISSION', 'SETOWNER', 'CONCAT', 'MSCONCAT', 'GETCONTENTSUMMARY', 'CHECKACCESS', 'SETEXPIRY', 'SETTIMES', 'GETFILECHECKSUM', 'GETHOMEDIRECTORY']);

interface Times {
  accessTime: number;
  modificationTime: number;
}

export function createDataLakeService(): Service {
  // Per-entry bookkeeping the scenario schema has no field for; entries are per-instance objects.
  const times = new WeakMap<Entry, Times>();
  const contents = new WeakMap<Entry, Buffer>();

  const timesOf = (e: Entry, now: Date): Times => {
    let t = times.get(e);
    if (t === undefined) {
      t = { accessTime: now.getTime(), modificationTime: now.getTime() };
      times.set(e, t);
    }
    return t;
  };
  const contentOf = (e: Entry): Buffer => contents.get(e) ?? Buffer.from(e.content ?? '', 'utf8');
  const setContent = (e: Entry, b: Buffer, now: Date) => {
    contents.set(e, b);
    e.content = b.toString('utf8');
    timesOf(e, now).modificationTime = now.getTime();
  };

  function fileStatus(e: Entry, now: Date, suffix: string): Record<string, unknown> {
    const t = timesOf(e, now);
    const isFile = e.type === 'FILE';
    return {
      length: isFile ? contentOf(e).length : 0,
      pathSuffix: suffix,
      type: e.type,
      blockSize: isFile ? FILE_BLOCK_SIZE : 0,
      accessTime: t.accessTime,
      modificationTime: t.modificationTime,
      replication: isFile ? 1 : 0,
      permission: e.permission,
      owner: e.owner,
      group: e.group,
      aclBit: e.acl.length > 0,
    };
  }

  async function authenticate(req: EmulatorRequest, ctx: ServiceContext): Promise<{ ok: true; oid: string } | { ok: false; response: EmulatorResponse }> {
    const now = ctx.now();
    // Gen1's 401 texts were not captured anywhere we could find: UNVERIFIED wording, real status.
    const deny = (message: string) => ({
      ok: false as const,
      response: remoteException(req, now, 401, 'SecurityException', `${message} ${`[${req.requestId}]`}`, { 'www-authenticate': 'Bearer' }),
    });
    const auth = req.headers.authorization;
    const m = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/.exec(auth) : null;
    if (!m?.[1]) return deny("The 'Authorization' header is missing or is not a Bearer token.");
    const check = await ctx.tokens.verify(m[1]);
    if (!check.ok && check.reason === 'missing-claim') return { ok: false, response: notEmulated(`Azure Data Lake Store Gen1 (a token without the "${check.claim}" claim)`, req) };
    if (!check.ok) return deny(`The access token is not valid (${check.reason}).`);
    if (check.claims.aud !== DATALAKE_AUDIENCE) return deny(`The access token audience '${check.claims.aud}' is not ${DATALAKE_AUDIENCE}.`);
    const tenantId = ctx.state.data.tenantId;
    if (check.claims.tid !== tenantId || check.claims.iss !== issuerFor(tenantId)) return deny('The access token was issued by another tenant.');
    return { ok: true, oid: check.claims.oid };
  }

  /** A write leg arrives with write=true (read=true for OPEN); without it Gen1 redirects to itself. */
  function redirect(req: EmulatorRequest, now: Date, flag: 'write' | 'read'): EmulatorResponse {
    const target = req.rawTarget.replace(/^[a-z]+:\/\/[^/?#]*/i, '');
    return {
      status: 307,
      statusText: 'Temporary Redirect',
      headers: { ...gen1Headers(req, now), location: `https://${req.host}${target}&${flag}=true`, contentlength: '0', status: '0x0' },
      body: '',
    };
  }

  function handleOp(req: EmulatorRequest, ctx: ServiceContext, store: Store, op: OpName, path: string, oid: string): EmulatorResponse {
    const now = ctx.now();
    const q = req.url.searchParams;
    const entry = find(store, path);
    const parentPath = parentOf(path);
    const parent = parentPath === undefined ? undefined : find(store, parentPath);
    if (!canTraverse(store, path, oid)) return aclDenied(req, now, op);
    const need = (e: Entry, needs: readonly Need[]) => allows(e, oid, needs);

    switch (op) {
      case 'GETFILESTATUS': {
        if (entry === undefined) return fileNotFound(req, now, op, path);
        return gen1Json(req, now, 200, { FileStatus: fileStatus(entry, now, '') });
      }
      case 'LISTSTATUS': {
        if (entry === undefined) return fileNotFound(req, now, op, path);
        if (entry.type === 'FILE') return gen1Json(req, now, 200, { FileStatuses: { FileStatus: [fileStatus(entry, now, '')] } });
        if (!need(entry, ['r', 'x'])) return aclDenied(req, now, op);
        const list = childrenOf(store, path).map((c) => fileStatus(c, now, nameOf(normalisePath(c.path))));
        return gen1Json(req, now, 200, { FileStatuses: { FileStatus: list } });
      }
      case 'OPEN': {
        if (q.get('read') !== 'true') return redirect(req, now, 'read');
        if (entry === undefined) return fileNotFound(req, now, op, path);
        if (entry.type !== 'FILE') return fileNotFound(req, now, op, path);
        if (!need(entry, ['r'])) return aclDenied(req, now, op);
        timesOf(entry, now).accessTime = now.getTime();
        const data = contentOf(entry);
        const offset = Math.max(0, Number.parseInt(q.get('offset') ?? '0', 10) || 0);
        const length = q.has('length') ? Math.max(0, Number.parseInt(q.get('length') ?? '0', 10) || 0) : data.length;
        return { status: 200, headers: { 'content-type': 'application/octet-stream', ...gen1Headers(req, now) }, body: data.subarray(offset, offset + length) };
      }
      case 'MKDIRS': {
        if (entry !== undefined) {
          if (entry.type === 'FILE') return remoteException(req, now, 403, 'FileAlreadyExistsException', `MKDIRS failed: ${path} exists as a file. [${req.requestId}]`);
          return gen1Json(req, now, 200, { boolean: true });
        }
        // Create each missing directory below the deepest existing one, which must grant -wx.
        const missing: string[] = [];
        let base: Entry | undefined;
        for (let p: string | undefined = path; p !== undefined; p = parentOf(p)) {
          base = find(store, p);
          if (base !== undefined) break;
          missing.unshift(p);
        }
        if (base === undefined || base.type !== 'DIRECTORY') return fileNotFound(req, now, op, path);
        if (!need(base, ['w', 'x'])) return aclDenied(req, now, op);
        let cur = base;
        for (const p of missing) {
          const child = newChild(cur, p, 'DIRECTORY', oid, q.get('permission') ?? NEW_ENTRY_PERMISSION);
          store.entries.push(child);
          timesOf(child, now);
          cur = child;
        }
        return gen1Json(req, now, 200, { boolean: true });
      }
      case 'CREATE': {
        if (q.get('write') !== 'true') return redirect(req, now, 'write');
        if (parent === undefined || parent.type !== 'DIRECTORY') return fileNotFound(req, now, op, parentPath ?? path);
        if (!need(parent, ['w', 'x'])) return aclDenied(req, now, op);
        if (entry !== undefined && (entry.type === 'DIRECTORY' || q.get('overwrite') !== 'true')) {
          // UNVERIFIED wording; the exception name and 403 are WebHDFS's.
          return remoteException(req, now, 403, 'FileAlreadyExistsException', `CREATE failed: ${path} already exists. ${`[${req.requestId}]`}`);
        }
        const file = entry ?? newChild(parent, path, 'FILE', oid, q.get('permission') ?? NEW_ENTRY_PERMISSION);
        if (entry === undefined) store.entries.push(file);
        setContent(file, req.body, now);
        const location = `https://${req.host}${req.rawTarget.replace(/^[a-z]+:\/\/[^/?#]*/i, '')}`;
        return { status: 201, statusText: 'Created', headers: { ...gen1Headers(req, now), location, contentlength: '0', status: '0x0' }, body: '' };
      }
      case 'APPEND': {
        if (q.get('write') !== 'true') return redirect(req, now, 'write');
        if (entry === undefined || entry.type !== 'FILE') return fileNotFound(req, now, op, path);
        if (!need(entry, ['w'])) return aclDenied(req, now, op);
        setContent(entry, Buffer.concat([contentOf(entry), req.body]), now);
        return { status: 200, headers: { ...gen1Headers(req, now), contentlength: '0', status: '0x0' }, body: '' };
      }
      case 'DELETE': {
        if (path === '/') return remoteException(req, now, 403, 'AccessControlException', `DELETE failed: the root folder cannot be deleted. [${req.requestId}]`);
        if (parent === undefined || !need(parent, ['w', 'x'])) return parent === undefined ? gen1Json(req, now, 200, { boolean: false }) : aclDenied(req, now, op);
        if (entry === undefined) return gen1Json(req, now, 200, { boolean: false });
        const below = store.entries.filter((e) => normalisePath(e.path).startsWith(`${path}/`));
        if (below.length > 0 && q.get('recursive') !== 'true') {
          return remoteException(req, now, 403, 'PathIsNotEmptyDirectoryException', `DELETE failed: ${path} is non empty. [${req.requestId}]`);
        }
        const gone = new Set<Entry>([entry, ...below]);
        store.entries = store.entries.filter((e) => !gone.has(e));
        return gen1Json(req, now, 200, { boolean: true });
      }
    }
  }

  return {
    name: 'datalake',
    matchHost: (host) => HOST.test(host),
    async handle(req, ctx) {
      const now = ctx.now();
      const name = HOST.exec(req.host)?.[1] ?? '';
      const store = ctx.state.data.dataLakeStores.find((s) => s.name === name);
      const retired = (r: EmulatorResponse): EmulatorResponse => ({ ...r, headers: { ...r.headers, [RETIRED_HEADER]: RETIRED_NOTICE } });
      if (store === undefined) {
        return retired({
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'x-emulator-unknown-account': name, 'x-ms-request-id': req.requestId },
          body: `The scenario has no Data Lake Store '${name}'; in Azure the host name ${req.host} would not resolve.\n`,
        });
      }
      const pathname = req.url.pathname;
      const encoding = encodingProblem(pathname);
      if (encoding !== undefined) return retired(notEmulated(`Azure Data Lake Store Gen1 (${describeEncodingProblem(encoding, 'path')})`, req));
      if (pathname !== PREFIX && !pathname.startsWith(`${PREFIX}/`)) return retired(notEmulated('Azure Data Lake Store Gen1', req));
      const opParam = (req.url.searchParams.get('op') ?? '').toUpperCase();
      const method = req.method.toUpperCase();
      if (KNOWN_OTHER_OPS.has(opParam)) return retired(notEmulated(`Azure Data Lake Store Gen1 (op=${opParam})`, req));
      if (!(opParam in METHOD_OF) || METHOD_OF[opParam as OpName] !== method) {
        return remoteException(req, now, 400, 'IllegalArgumentException', `Invalid value for webhdfs parameter "op": No enum constant for ${method} op ${opParam || '(missing)'}. [${req.requestId}]`);
      }
      const auth = await authenticate(req, ctx);
      if (!auth.ok) return auth.response;
      const path = normalisePath(decodeURIComponent(pathname.slice(PREFIX.length)));
      return handleOp(req, ctx, store, opParam as OpName, path, auth.oid);
    },
  };
}

export const dataLakeService: Service = createDataLakeService();
