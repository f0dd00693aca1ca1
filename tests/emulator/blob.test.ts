// Blob through the started emulator with the real @azure/storage-blob client (TLS verified against
// the emulator CA, URL and Host unchanged) for Bearer, Shared Key and SAS, then Azure's refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tls from 'node:tls';
import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import {
  AnonymousCredential,
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  BlobServiceClient,
  ContainerClient,
  ContainerSASPermissions,
  BlobSASPermissions,
  SASProtocol,
  StorageSharedKeyCredential,
  generateAccountSASQueryParameters,
  generateBlobSASQueryParameters,
  type StoragePipelineOptions,
} from '@azure/storage-blob';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { imdsCredential, undiciStorageHttpClient } from './blob-sdk-http.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let account: string;
let host: string;
let container: string;
let keys: readonly [string, string];
let pipeline: StoragePipelineOptions;

async function raw(method: Dispatcher.HttpMethod, url: string, headers: Record<string, string> = {}, body?: string) {
  const res = await request(url, { method, headers, body: body ?? null, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

const detail = (xml: string) => /<AuthenticationErrorDetail>([\s\S]*)<\/AuthenticationErrorDetail>/.exec(xml)?.[1];

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  const a = emu.scenario.storageAccounts[0]!;
  account = a.name;
  keys = a.keys;
  container = a.containers[0]!.name;
  host = `https://${account}.blob.core.windows.net`;
  pipeline = { httpClient: undiciStorageHttpClient(agent), retryOptions: { maxTries: 1 } };
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('Blob with the storage SDK', () => {
  it('Bearer from IMDS: reads the scenario blob; uploads once the identity holds a data-writing role', async () => {
    const client = new BlobServiceClient(host, imdsCredential(agent, 'https://storage.azure.com/'), pipeline);
    const blob = client.getContainerClient(container).getBlockBlobClient('hello_world.txt');
    expect((await blob.downloadToBuffer()).toString()).toBe('Hello world!');

    // The VM identity holds Storage Blob Data Reader only: a write is refused with Azure's code.
    const target = client.getContainerClient(container).getBlockBlobClient(`bearer-${randomUUID()}.txt`);
    await expect(target.upload('x', 1)).rejects.toMatchObject({ statusCode: 403, code: 'AuthorizationPermissionMismatch' });

    emu.state.data.roleAssignments.push({
      principalId: emu.scenario.vm.systemAssigned!.principalId,
      role: 'Storage Blob Data Contributor',
      scope: `/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/${emu.scenario.storageAccounts[0]!.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account}`,
    });
    await target.upload('via bearer', 10);
    expect((await target.downloadToBuffer()).toString()).toBe('via bearer');
  });

  it('Shared Key with key1 and key2: upload then download; Get Blob headers as Azure sends them', async () => {
    for (const key of keys) {
      const client = new BlobServiceClient(host, new StorageSharedKeyCredential(account, key), pipeline);
      const blob = client.getContainerClient(container).getBlockBlobClient(`sk-${randomUUID()}.txt`);
      const put = await blob.upload('shared key body', 15, { blobHTTPHeaders: { blobContentType: 'text/plain' } });
      expect(put.contentMD5).toBeDefined();
      const got = await blob.download();
      expect(got.contentLength).toBe(15);
      expect(got.blobType).toBe('BlockBlob');
      expect(got.etag).toMatch(/^"0x[0-9A-F]+"$/);
      expect(Buffer.from(got.contentMD5!).toString('base64')).toBe(Buffer.from(put.contentMD5!).toString('base64'));
      expect(got._response.headers.get('server')).toBe('Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0');
      expect((await blob.downloadToBuffer()).toString()).toBe('shared key body');
    }
  });

  it('Shared Key creates a container and lists its blobs', async () => {
    const client = new BlobServiceClient(host, new StorageSharedKeyCredential(account, keys[0]), pipeline);
    const c = client.getContainerClient(`c${randomUUID().slice(0, 8)}`);
    expect((await c.create())._response.status).toBe(201);
    await c.getBlockBlobClient('a.txt').upload('a', 1);
    await c.getBlockBlobClient('b.txt').upload('bb', 2);
    // Names the SDK percent-encodes: the re-signed forward must sign the path exactly as sent.
    await c.getBlockBlobClient('dir/x y+ü.txt').upload('odd', 3);
    expect((await c.getBlockBlobClient('dir/x y+ü.txt').downloadToBuffer()).toString()).toBe('odd');
    const names: string[] = [];
    for await (const b of c.listBlobsFlat()) names.push(b.name);
    expect(names).toEqual(['a.txt', 'b.txt', 'dir/x y+ü.txt']);
  });

  it('service SAS (current sv and the tutorial\'s sv=2015-04-05) and account SAS: upload then download', async () => {
    const cred = new StorageSharedKeyCredential(account, keys[1]);
    for (const version of [undefined, '2015-04-05', '2018-11-09']) {
      const sas = generateBlobSASQueryParameters(
        { containerName: container, permissions: ContainerSASPermissions.parse('rcwl'), expiresOn: new Date(Date.now() + 3600_000), protocol: SASProtocol.Https, ...(version ? { version } : {}) },
        cred,
      ).toString();
      const c = new ContainerClient(`${host}/${container}?${sas}`, new AnonymousCredential(), pipeline);
      const blob = c.getBlockBlobClient(`sas-${version ?? 'latest'}.txt`);
      await blob.upload(`sas ${version}`, `sas ${version}`.length);
      expect((await blob.downloadToBuffer()).toString()).toBe(`sas ${version}`);
    }
    // A blob-scoped SAS signs the decoded blob name in its canonical resource.
    const odd = 'dir/x y+ü.txt';
    const upload = generateBlobSASQueryParameters({ containerName: container, permissions: ContainerSASPermissions.parse('cw'), expiresOn: new Date(Date.now() + 3600_000) }, cred).toString();
    await new ContainerClient(`${host}/${container}?${upload}`, new AnonymousCredential(), pipeline).getBlockBlobClient(odd).upload('odd name', 8);
    const read = generateBlobSASQueryParameters({ containerName: container, blobName: odd, permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(Date.now() + 3600_000) }, cred).toString();
    const withSas = new BlobServiceClient(`${host}?${read}`, new AnonymousCredential(), pipeline).getContainerClient(container).getBlockBlobClient(odd);
    expect((await withSas.downloadToBuffer()).toString()).toBe('odd name');
    const accountSas = generateAccountSASQueryParameters(
      { permissions: AccountSASPermissions.parse('rwl'), services: AccountSASServices.parse('b').toString(), resourceTypes: AccountSASResourceTypes.parse('co').toString(), expiresOn: new Date(Date.now() + 3600_000) },
      cred,
    ).toString();
    const viaAccount = new BlobServiceClient(`${host}?${accountSas}`, new AnonymousCredential(), pipeline).getContainerClient(container).getBlockBlobClient('hello_world.txt');
    expect((await viaAccount.downloadToBuffer()).toString()).toBe('Hello world!');
  });
});

describe('Blob refusals, with Azure status and code', () => {
  const blobUrl = () => `${host}/${container}/hello_world.txt`;
  const token = async (resource: string, principalId = emu.scenario.vm.systemAssigned!.principalId) =>
    (await emu.tokens.issue({ principalId, clientId: emu.scenario.vm.systemAssigned!.clientId, resource })).token;

  it('http:// to a secure-transfer account: 400 AccountRequiresHttps before any credential is looked at', async () => {
    const r = await raw('GET', blobUrl().replace('https:', 'http:'), { 'x-ms-version': '2017-11-09', Authorization: `Bearer ${await token('https://storage.azure.com/')}` });
    expect(r.status).toBe(400);
    expect(r.headers['x-ms-error-code']).toBe('AccountRequiresHttps');
    expect(r.text).toContain('<Message>The account being accessed does not support http.\nRequestId:');
  });

  it('Bearer over plain HTTP, on an account that allows http', async () => {
    const a = emu.state.data.storageAccounts[0]!;
    a.supportsHttpsTrafficOnly = false;
    try {
      const r = await raw('GET', blobUrl().replace('https:', 'http:'), { 'x-ms-version': '2017-11-09', Authorization: `Bearer ${await token('https://storage.azure.com/')}` });
      expect(r.status).toBe(403);
      expect(r.headers['x-ms-error-code']).toBe('AuthenticationFailed');
      expect(detail(r.text)).toBe('Authentication scheme Bearer is not allowed with HTTP.');
    } finally {
      a.supportsHttpsTrafficOnly = undefined;
    }
  });

  it('Bearer without x-ms-version, and with a version older than 2017-11-09', async () => {
    const t = await token('https://storage.azure.com/');
    for (const headers of [{}, { 'x-ms-version': '2017-04-17' }] as Record<string, string>[]) {
      const r = await raw('GET', `${blobUrl()}?api-version=2016-09-01`, { ...headers, Authorization: `Bearer ${t}` });
      expect(r.status).toBe(403);
      expect(r.headers['x-ms-error-code']).toBe('AuthenticationFailed');
      expect(detail(r.text)).toBe('Authentication scheme Bearer is not supported in this version.');
      expect(r.text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?><Error><Code>AuthenticationFailed<\/Code><Message>Server failed to authenticate the request\. Make sure the value of Authorization header is formed correctly including the signature\.\nRequestId:[0-9a-f-]+\nTime:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z<\/Message>/);
    }
  });

  it('a token for another audience: 401 InvalidAuthenticationInfo with the challenge; the account audience is accepted', async () => {
    const r = await raw('GET', blobUrl(), { 'x-ms-version': '2017-11-09', Authorization: `Bearer ${await token('https://management.azure.com/')}` });
    expect(r.status).toBe(401);
    expect(r.headers['x-ms-error-code']).toBe('InvalidAuthenticationInfo');
    expect(r.headers['www-authenticate']).toBe(`Bearer authorization_uri=https://login.microsoftonline.com/${emu.scenario.tenantId}/oauth2/authorize resource_id=https://storage.azure.com`);
    expect(detail(r.text)).toBe('Audience validation failed. Audience did not match.');
    for (const aud of ['https://storage.azure.com', `https://${account}.blob.core.windows.net`]) {
      const ok = await raw('GET', blobUrl(), { 'x-ms-version': '2017-11-09', Authorization: `Bearer ${await token(aud)}` });
      expect(ok.status).toBe(200);
      expect(ok.text).toBe('Hello world!');
    }
  });

  it('Reader (no data action) on a blob read: AuthorizationPermissionMismatch', async () => {
    const readerOnly = randomUUID();
    emu.state.data.roleAssignments.push({ principalId: readerOnly, role: 'Reader', scope: `/subscriptions/${emu.scenario.subscriptionId}` });
    const r = await raw('GET', blobUrl(), { 'x-ms-version': '2017-11-09', Authorization: `Bearer ${await token('https://storage.azure.com/', readerOnly)}` });
    expect(r.status).toBe(403);
    expect(r.headers['x-ms-error-code']).toBe('AuthorizationPermissionMismatch');
  });

  it('a Shared Key signature made with a wrong key quotes the string to sign', async () => {
    const wrong = new StorageSharedKeyCredential(account, Buffer.alloc(64, 7).toString('base64'));
    const blob = new BlobServiceClient(host, wrong, pipeline).getContainerClient(container).getBlockBlobClient('hello_world.txt');
    const err = (await blob.download().catch((e: unknown) => e)) as { statusCode: number; code: string; details?: { authenticationErrorDetail?: string } };
    expect(err.statusCode).toBe(403);
    expect(err.code).toBe('AuthenticationFailed');
    expect(err.details?.authenticationErrorDetail).toMatch(new RegExp(`^The MAC signature found in the HTTP request '.+' is not the same as any computed signature\\. Server used following string to sign: 'GET\\n[\\s\\S]*\\n/${account}/${container}/hello_world\\.txt'\\.$`));
  });

  it('SAS: expired, wrong signature, missing permission, wrong resource type, https-only over HTTP', async () => {
    const cred = new StorageSharedKeyCredential(account, keys[0]);
    const sas = (p: string, expiresOn: Date, startsOn?: Date) =>
      generateBlobSASQueryParameters({ containerName: container, permissions: ContainerSASPermissions.parse(p), expiresOn, ...(startsOn ? { startsOn } : {}), protocol: SASProtocol.Https }, cred).toString();

    const expired = await raw('GET', `${blobUrl()}?${sas('r', new Date(Date.now() - 60_000), new Date(Date.now() - 3600_000))}`);
    expect(expired.status).toBe(403);
    expect(expired.headers['x-ms-error-code']).toBe('AuthenticationFailed');
    expect(detail(expired.text)).toMatch(/^Signature not valid in the specified time frame: Start \[\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\] - Expiry \[.+ GMT\] - Current \[.+ GMT\]$/);

    const good = sas('r', new Date(Date.now() + 3600_000));
    const tampered = good.replace(/sig=[^&]+/, `sig=${encodeURIComponent(Buffer.alloc(32, 1).toString('base64'))}`);
    const badSig = await raw('GET', `${blobUrl()}?${tampered}`);
    expect(badSig.status).toBe(403);
    expect(badSig.headers['x-ms-error-code']).toBe('AuthenticationFailed');
    expect(detail(badSig.text)).toMatch(new RegExp(`^Signature did not match\\. String to sign used was r\\n\\n.+\\n/blob/${account}/${container}\\n`));

    const readOnly = await raw('PUT', `${host}/${container}/nope.txt?${good}`, { 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-12-02' }, 'x');
    expect(readOnly.status).toBe(403);
    expect(readOnly.headers['x-ms-error-code']).toBe('AuthorizationPermissionMismatch');

    const objectsOnly = generateAccountSASQueryParameters(
      { permissions: AccountSASPermissions.parse('rl'), services: 'b', resourceTypes: 'o', expiresOn: new Date(Date.now() + 3600_000) },
      cred,
    ).toString();
    const list = await raw('GET', `${host}/${container}?restype=container&comp=list&${objectsOnly}`, { 'x-ms-version': '2021-12-02' });
    expect(list.status).toBe(403);
    expect(list.headers['x-ms-error-code']).toBe('AuthorizationResourceTypeMismatch');

    const a = emu.state.data.storageAccounts[0]!;
    a.supportsHttpsTrafficOnly = false; // else AccountRequiresHttps comes first
    try {
      const overHttp = await raw('GET', `${blobUrl().replace('https:', 'http:')}?${good}`);
      expect(overHttp.status).toBe(403);
      expect(overHttp.headers['x-ms-error-code']).toBe('AuthorizationProtocolMismatch');
    } finally {
      a.supportsHttpsTrafficOnly = undefined;
    }
  });

  it('anonymous access is refused: public access is off on accounts created today', async () => {
    const r = await raw('GET', blobUrl());
    expect(r.status).toBe(409);
    expect(r.headers['x-ms-error-code']).toBe('PublicAccessNotPermitted');
  });

  it('a PUT without Content-Length gets 411; the error reason phrase is the message', async () => {
    const port = Number(new URL(emu.httpsUrl).port);
    const exchange = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = tls.connect({ host: '127.0.0.1', port, servername: `${account}.blob.core.windows.net`, ca: emu.caPem }, () => socket.end(text));
        let out = '';
        socket.on('data', (d: Buffer) => (out += d.toString('latin1')));
        socket.on('end', () => resolve(out));
        socket.on('error', reject);
      });
    const noLength = await exchange(`PUT /${container}/x.txt HTTP/1.1\r\nHost: ${account}.blob.core.windows.net\r\nx-ms-blob-type: BlockBlob\r\nConnection: close\r\n\r\n`);
    expect(noLength).toMatch(/^HTTP\/1\.1 411 Length Required\r\n/);
    const notFound = await exchange(`GET /${container}/missing.txt?${'x'}=1 HTTP/1.1\r\nHost: ${account}.blob.core.windows.net\r\nConnection: close\r\n\r\n`);
    expect(notFound).toMatch(/^HTTP\/1\.1 409 Public access is not permitted on this storage account\.\r\n/);
  });

  it('a storage account added after start (as ARM would) is served; the scenario account keeps its blobs', async () => {
    const key = Buffer.alloc(64, 9).toString('base64');
    emu.state.data.storageAccounts.push({ name: 'latecomer', resourceGroup: 'mi-test', location: 'westus', kind: 'StorageV2', keys: [key, key], containers: [] });
    const late = new BlobServiceClient('https://latecomer.blob.core.windows.net', new StorageSharedKeyCredential('latecomer', key), pipeline);
    const c = late.getContainerClient('late');
    await c.create();
    await c.getBlockBlobClient('x.txt').upload('late', 4);
    expect((await c.getBlockBlobClient('x.txt').downloadToBuffer()).toString()).toBe('late');
    const original = new BlobServiceClient(host, new StorageSharedKeyCredential(account, keys[0]), pipeline);
    expect((await original.getContainerClient(container).getBlockBlobClient('hello_world.txt').downloadToBuffer()).toString()).toBe('Hello world!');
    await emu.reset();
    // Gone with the reset: its name no longer resolves.
    await expect(c.getBlockBlobClient('x.txt').downloadToBuffer()).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });

  it('an Azurite that died is replaced on the next request', async () => {
    const ctx = { state: emu.state, tokens: emu.tokens, rbac: emu.rbac, now: () => new Date() };
    const { blobService } = await import('../../src/emulator/services/blob.ts');
    const before = await blobService.backend(ctx);
    const exited = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!before.alive) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    process.kill(before.pid!, 'SIGKILL');
    await exited;
    const client = new BlobServiceClient(host, new StorageSharedKeyCredential(account, keys[0]), pipeline);
    expect((await client.getContainerClient(container).getBlockBlobClient('hello_world.txt').downloadToBuffer()).toString()).toBe('Hello world!');
    expect((await blobService.backend(ctx)).pid).not.toBe(before.pid);
  });

  it('reset brings the scenario blobs back and drops uploads', async () => {
    const client = new BlobServiceClient(host, new StorageSharedKeyCredential(account, keys[0]), pipeline);
    const c = client.getContainerClient(container);
    await c.getBlockBlobClient('transient.txt').upload('t', 1);
    await c.getBlockBlobClient('hello_world.txt').upload('changed', 7);
    await emu.reset();
    expect(await c.getBlockBlobClient('transient.txt').exists()).toBe(false);
    expect((await c.getBlockBlobClient('hello_world.txt').downloadToBuffer()).toString()).toBe('Hello world!');
  });
});
