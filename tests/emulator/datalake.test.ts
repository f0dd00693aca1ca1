// Data Lake Store Gen1 WebHDFS through the started emulator: the tutorial's own curl command (with
// its Expect: 100-continue upload and the 307 it follows), the other operations, ACLs and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

const run = promisify(execFile);
let emu: EmulatorHandle;
let agent: Dispatcher;
let base: string;
let vmToken: string;
let dir: string;

async function call(method: Dispatcher.HttpMethod, path: string, token: string | undefined, body?: string) {
  const res = await request(`${base}${path}`, { method, headers: token ? { Authorization: `Bearer ${token}` } : {}, body: body ?? null, dispatcher: agent });
  const text = await res.body.text();
  let json: Record<string, any> | undefined;
  try {
    json = JSON.parse(text) as Record<string, any>;
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}
const tokenFor = async (principalId: string, resource = 'https://datalake.azure.net/') =>
  (await emu.tokens.issue({ principalId, clientId: emu.scenario.vm.systemAssigned!.clientId, resource })).token;

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  base = `https://${emu.scenario.dataLakeStores[0]!.name}.azuredatalakestore.net/webhdfs/v1`;
  vmToken = await tokenFor(emu.scenario.vm.systemAssigned!.principalId);
  dir = await mkdtemp(join(tmpdir(), 'tc-adls-test-'));
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Data Lake Store Gen1 WebHDFS', () => {
  it('LISTSTATUS of the root in the capitalised WebHDFS shape, with the retirement notice', async () => {
    const r = await call('GET', '/?op=LISTSTATUS', vmToken);
    expect(r.status).toBe(200);
    expect(r.headers['x-emulator-retired']).toBe('Azure Data Lake Storage Gen1 was retired on 2024-02-29');
    const list = r.json!.FileStatuses.FileStatus as Record<string, unknown>[];
    expect(list.map((f) => f.pathSuffix)).toEqual(['TestFolder']);
    expect(Object.keys(list[0]!).slice(0, 10)).toEqual(['length', 'pathSuffix', 'type', 'blockSize', 'accessTime', 'modificationTime', 'replication', 'permission', 'owner', 'group']);
    expect(list[0]!.type).toBe('DIRECTORY');
    expect(list[0]!.permission).toBe('770');
  });

  it("the tutorial's curl -i -X PUT -L -T: 100 Continue, 307 to write=true, 100 Continue, 201", async () => {
    const file = join(dir, 'Test1.txt');
    await writeFile(file, 'Test file.\n');
    const { stdout } = await run('curl', ['-sS', '-K', emu.curlConfigPath, '-i', '-X', 'PUT', '-L', '-T', file, '-H', `Authorization: Bearer ${vmToken}`, `${base}/TestFolder/Test1.txt?op=CREATE`], { timeout: 20_000 });
    const statusLines = stdout.split(/\r?\n/).filter((l) => /^HTTP\/1\.1 \d{3}/.test(l));
    expect(statusLines).toEqual(['HTTP/1.1 100 Continue', 'HTTP/1.1 307 Temporary Redirect', 'HTTP/1.1 100 Continue', 'HTTP/1.1 201 Created']);
    expect(stdout).toMatch(/location: https:\/\/mytestadls\.azuredatalakestore\.net\/webhdfs\/v1\/TestFolder\/Test1\.txt\?op=CREATE&write=true/i);
    const open = await call('GET', '/TestFolder/Test1.txt?op=OPEN&read=true', vmToken);
    expect(open.text).toBe('Test file.\n');
  });

  it('MKDIRS, CREATE, APPEND, OPEN, GETFILESTATUS, DELETE; new children inherit the default ACL', async () => {
    expect((await call('PUT', '/TestFolder/sub/deeper?op=MKDIRS', vmToken)).json).toEqual({ boolean: true });
    const first = await call('PUT', '/TestFolder/sub/deeper/f.txt?op=CREATE', vmToken, 'ab');
    expect(first.status).toBe(307);
    expect(first.text).toBe('');
    expect((await call('PUT', '/TestFolder/sub/deeper/f.txt?op=CREATE&write=true', vmToken, 'ab')).status).toBe(201);
    expect((await call('POST', '/TestFolder/sub/deeper/f.txt?op=APPEND&write=true', vmToken, 'cd')).status).toBe(200);
    expect((await call('GET', '/TestFolder/sub/deeper/f.txt?op=OPEN&read=true', vmToken)).text).toBe('abcd');
    const st = await call('GET', '/TestFolder/sub/deeper/f.txt?op=GETFILESTATUS', vmToken);
    expect(st.json!.FileStatus).toMatchObject({ length: 4, type: 'FILE', owner: emu.scenario.vm.systemAssigned!.principalId, aclBit: true });
    const store = emu.state.data.dataLakeStores[0]!;
    const created = store.entries.find((e) => e.path === '/TestFolder/sub');
    expect(created?.acl).toEqual([
      { principalId: emu.scenario.vm.systemAssigned!.principalId, permissions: 'rwx', default: false },
      { principalId: emu.scenario.vm.systemAssigned!.principalId, permissions: 'rwx', default: true },
    ]);
    expect((await call('DELETE', '/TestFolder/sub?op=DELETE&recursive=true', vmToken)).json).toEqual({ boolean: true });
    expect((await call('GET', '/TestFolder/sub?op=GETFILESTATUS', vmToken)).status).toBe(404);
  });

  it('no ACL for the caller: 403 AccessControlException with the Gen1 text', async () => {
    const stranger = await tokenFor(randomUUID());
    const r = await call('GET', '/TestFolder?op=LISTSTATUS', stranger);
    expect(r.status).toBe(403);
    expect(r.json!.RemoteException.exception).toBe('AccessControlException');
    expect(r.json!.RemoteException.javaClassName).toBe('org.apache.hadoop.security.AccessControlException');
    expect(r.json!.RemoteException.message).toMatch(
      /^LISTSTATUS failed with error 0x83090aa2 \(Forbidden\. ACL verification failed\. Either the resource does not exist or the user is not authorized to perform the requested operation\.\)\. \[[0-9a-f-]+\]\[.+\]$/,
    );
    // The VM identity may read the root (r-x) but not write in it.
    const mk = await call('PUT', '/Elsewhere?op=MKDIRS', vmToken);
    expect(mk.status).toBe(403);
    expect(mk.json!.RemoteException.exception).toBe('AccessControlException');
  });

  it('missing file: 404 FileNotFoundException', async () => {
    const r = await call('GET', '/TestFolder/nothing.txt?op=GETFILESTATUS', vmToken);
    expect(r.status).toBe(404);
    expect(r.json!.RemoteException).toMatchObject({ exception: 'FileNotFoundException', javaClassName: 'java.io.FileNotFoundException' });
  });

  it('a token without the trailing-slash audience, or none, is refused with 401', async () => {
    const noSlash = await call('GET', '/?op=LISTSTATUS', await tokenFor(emu.scenario.vm.systemAssigned!.principalId, 'https://datalake.azure.net'));
    expect(noSlash.status).toBe(401);
    expect((await call('GET', '/?op=LISTSTATUS', undefined)).status).toBe(401);
  });
});
