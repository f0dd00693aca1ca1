// Blob behaviours beyond the tutorials' calls, with the real @azure/storage-blob client over the
// emulator's TLS (CA verified): user delegation keys and SAS, service properties, anonymous access
// by container level, list endpoints naming the account host, accounts created later keeping the
// others' blobs, containers made through ARM, and names that do not resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import tls from 'node:tls';
import { request, type Dispatcher } from 'undici';
import { AnonymousCredential, BlobSASPermissions, BlobServiceClient, ContainerSASPermissions, StorageSharedKeyCredential, generateBlobSASQueryParameters, type StoragePipelineOptions } from '@azure/storage-blob';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { imdsCredential, undiciStorageHttpClient } from './blob-sdk-http.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let pipeline: StoragePipelineOptions;
let account: string;
let container: string;
let host: string;
const PUBLIC = 'publicdocs';
const BLOBS_ONLY = 'blobsonly';

async function raw(method: Dispatcher.HttpMethod, url: string, headers: Record<string, string> = {}) {
  const res = await request(url, { method, headers, dispatcher: agent });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

beforeAll(async () => {
  const scenario = defaultScenario();
  // A second account that allows anonymous access, with a public container of each level.
  const a = scenario.storageAccounts[0]!;
  scenario.storageAccounts.push({
    ...a,
    name: 'mipublicstorage',
    allowBlobPublicAccess: true,
    containers: [
      { name: PUBLIC, publicAccess: 'Container', blobs: [{ name: 'readme.txt', content: 'public', contentType: 'text/plain' }] },
      { name: BLOBS_ONLY, publicAccess: 'Blob', blobs: [{ name: 'one.txt', content: 'one', contentType: 'text/plain' }] },
      { name: 'private', blobs: [{ name: 'secret.txt', content: 'no', contentType: 'text/plain' }] },
    ],
  });
  emu = await startEmulator({ scenario });
  agent = createEmulatorDispatcher(emu);
  account = a.name;
  container = a.containers[0]!.name;
  host = `https://${account}.blob.core.windows.net`;
  pipeline = { httpClient: undiciStorageHttpClient(agent), retryOptions: { maxTries: 1 } };
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('user delegation', () => {
  it('the VM identity gets a key (Storage Blob Data Reader) and reads with a user delegation SAS made from it', async () => {
    const service = new BlobServiceClient(host, imdsCredential(agent, 'https://storage.azure.com/'), pipeline);
    const now = new Date();
    const key = await service.getUserDelegationKey(new Date(now.getTime() - 60_000), new Date(now.getTime() + 3600_000));
    expect(key.signedObjectId).toBe(emu.scenario.vm.systemAssigned!.principalId);
    expect(key.signedTenantId).toBe(emu.scenario.tenantId);
    expect(key.signedService).toBe('b');
    expect(Buffer.from(key.value, 'base64')).toHaveLength(32);
    const sas = generateBlobSASQueryParameters({ containerName: container, blobName: 'hello_world.txt', permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(now.getTime() + 600_000) }, key, account).toString();
    expect(sas).toContain('skoid=');
    const r = await raw('GET', `${host}/${container}/hello_world.txt?${sas}`);
    expect(r.status).toBe(200);
    expect(r.text).toBe('Hello world!');
    // Its principal holds no data-writing role: the SAS grants no more than the principal may do.
    const write = generateBlobSASQueryParameters({ containerName: container, blobName: 'w.txt', permissions: BlobSASPermissions.parse('cw'), expiresOn: new Date(now.getTime() + 600_000) }, key, account).toString();
    const put = await raw('PUT', `${host}/${container}/w.txt?${write}`, { 'x-ms-blob-type': 'BlockBlob', 'content-length': '0' });
    expect(put.status).toBe(403);
    expect(put.headers['x-ms-error-code']).toBe('AuthorizationPermissionMismatch');
    // A SAS whose key fields were changed no longer matches its signature.
    const forged = sas.replace(/skoid=[^&]+/, `skoid=${emu.scenario.principals[0]!.principalId}`);
    const bad = await raw('GET', `${host}/${container}/hello_world.txt?${forged}`);
    expect(bad.status).toBe(403);
    expect(bad.headers['x-ms-error-code']).toBe('AuthenticationFailed');
    expect(bad.text).toContain('Signature did not match. String to sign used was r\n');
  });

  it('a key needs an Entra token: Shared Key gets the not-emulated answer, never a key', async () => {
    const service = new BlobServiceClient(host, new StorageSharedKeyCredential(account, emu.scenario.storageAccounts[0]!.keys[0]), pipeline);
    await expect(service.getUserDelegationKey(new Date(), new Date(Date.now() + 3600_000))).rejects.toMatchObject({ statusCode: 501 });
  });
});

describe('service properties and lists', () => {
  it('gets and sets the Blob service properties with Shared Key', async () => {
    const service = new BlobServiceClient(host, new StorageSharedKeyCredential(account, emu.scenario.storageAccounts[0]!.keys[0]), pipeline);
    await service.setProperties({ deleteRetentionPolicy: { enabled: true, days: 7 } });
    const props = await service.getProperties();
    expect(props.deleteRetentionPolicy).toMatchObject({ enabled: true, days: 7 });
  });

  it('List Containers and List Blobs name the account host as ServiceEndpoint, not Azurite', async () => {
    const sk = { 'x-ms-version': '2021-12-02' };
    const cred = new StorageSharedKeyCredential(account, emu.scenario.storageAccounts[0]!.keys[0]);
    const service = new BlobServiceClient(host, cred, pipeline);
    const names: string[] = [];
    for await (const c of service.listContainers()) names.push(c.name);
    expect(names).toContain(container);
    // The raw XML, through a SAS so the request needs no signing here.
    const listSas = generateBlobSASQueryParameters({ containerName: container, permissions: ContainerSASPermissions.parse('rl'), expiresOn: new Date(Date.now() + 600_000) }, cred).toString();
    const ok = await raw('GET', `${host}/${container}?restype=container&comp=list&${listSas}`, sk);
    expect(ok.status).toBe(200);
    expect(ok.text).toContain(`ServiceEndpoint="https://${account}.blob.core.windows.net/" ContainerName="${container}"`);
    expect(ok.text).not.toContain('localhost');
  });
});

describe('anonymous access', () => {
  const pub = 'https://mipublicstorage.blob.core.windows.net';
  it('public containers answer anonymous reads by level; the rest get the bearer challenge', async () => {
    const anon = new BlobServiceClient(pub, new AnonymousCredential(), pipeline);
    expect((await anon.getContainerClient(PUBLIC).getBlockBlobClient('readme.txt').downloadToBuffer()).toString()).toBe('public');
    const listed: string[] = [];
    for await (const b of anon.getContainerClient(PUBLIC).listBlobsFlat()) listed.push(b.name);
    expect(listed).toEqual(['readme.txt']);
    expect((await anon.getContainerClient(BLOBS_ONLY).getBlockBlobClient('one.txt').downloadToBuffer()).toString()).toBe('one');

    const listBlobsOnly = await raw('GET', `${pub}/${BLOBS_ONLY}?restype=container&comp=list`);
    const privateRead = await raw('GET', `${pub}/private/secret.txt`);
    const anonWrite = await raw('PUT', `${pub}/${PUBLIC}/x.txt`, { 'x-ms-blob-type': 'BlockBlob', 'content-length': '0' });
    for (const r of [listBlobsOnly, privateRead, anonWrite]) {
      expect(r.status).toBe(401);
      expect(r.headers['x-ms-error-code']).toBe('NoAuthenticationInformation');
      expect(r.headers['www-authenticate']).toBe(`Bearer authorization_uri=https://login.microsoftonline.com/${emu.scenario.tenantId}/oauth2/authorize resource_id=https://storage.azure.com`);
    }
  });

  it('an account that does not allow anonymous access: 409 PublicAccessNotPermitted, also for creating a public container', async () => {
    expect((await raw('GET', `${host}/${container}/hello_world.txt`)).headers['x-ms-error-code']).toBe('PublicAccessNotPermitted');
    const service = new BlobServiceClient(host, new StorageSharedKeyCredential(account, emu.scenario.storageAccounts[0]!.keys[0]), pipeline);
    await expect(service.getContainerClient('wantspublic').create({ access: 'blob' })).rejects.toMatchObject({ statusCode: 409, code: 'PublicAccessNotPermitted' });
  });
});

describe('accounts and containers made during the run', () => {
  it('an account created through ARM takes a spare Azurite account: earlier uploads elsewhere stay; its ARM container works on the data plane', async () => {
    const cred = new StorageSharedKeyCredential(account, emu.scenario.storageAccounts[0]!.keys[0]);
    const original = new BlobServiceClient(host, cred, pipeline);
    await original.getContainerClient(container).getBlockBlobClient('kept.txt').upload('kept', 4);

    const cli = emu.scenario.principals[0]!;
    const armToken = (await emu.tokens.issue({ principalId: cli.principalId, clientId: cli.clientId, resource: 'https://management.azure.com/', idtyp: 'user' })).token;
    const arm = (method: Dispatcher.HttpMethod, path: string, body: unknown) =>
      request(`https://management.azure.com${path}`, { method, dispatcher: agent, headers: { authorization: `Bearer ${armToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const base = `/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/${emu.values.RESOURCE_GROUP}/providers/Microsoft.Storage/storageAccounts/latestore`;
    expect((await arm('PUT', `${base}?api-version=2023-01-01`, { location: 'westus', kind: 'StorageV2', sku: { name: 'Standard_LRS' } })).statusCode).toBe(202);
    expect((await arm('PUT', `${base}/blobServices/default/containers/fromarm?api-version=2023-01-01`, {})).statusCode).toBe(201);
    const keys = (await (await arm('POST', `${base}/listKeys?api-version=2023-01-01`, {})).body.json()) as { keys: { value: string }[] };

    const late = new BlobServiceClient('https://latestore.blob.core.windows.net', new StorageSharedKeyCredential('latestore', keys.keys[0]!.value), pipeline);
    await late.getContainerClient('fromarm').getBlockBlobClient('n.txt').upload('new', 3);
    expect((await late.getContainerClient('fromarm').getBlockBlobClient('n.txt').downloadToBuffer()).toString()).toBe('new');
    expect((await original.getContainerClient(container).getBlockBlobClient('kept.txt').downloadToBuffer()).toString()).toBe('kept');
    expect((await original.getContainerClient(container).getBlockBlobClient('hello_world.txt').downloadToBuffer()).toString()).toBe('Hello world!');

    // A container made on the data plane is part of the account for ARM too (a role can be scoped to it).
    await late.getContainerClient('fromdata').create();
    expect(emu.state.data.storageAccounts.find((a) => a.name === 'latestore')!.containers.map((c) => c.name)).toEqual(['fromarm', 'fromdata']);
  });
});

describe('names that do not resolve', () => {
  it('an unknown account: ENOTFOUND through route(), the proxy answers 502, a direct TLS connection gets no handshake', async () => {
    expect(emu.route('nosuchaccount.blob.core.windows.net', 443)).toMatchObject({ kind: 'refuse', noSuchHost: true });
    expect(emu.route('nosuchvault.vault.azure.net', 443)).toMatchObject({ kind: 'refuse', noSuchHost: true });
    await expect(request('https://nosuchaccount.blob.core.windows.net/c/b', { dispatcher: agent })).rejects.toMatchObject({ code: 'ENOTFOUND' });

    const { port } = new URL(emu.httpUrl);
    const connectAnswer = await new Promise<string>((resolve, reject) => {
      const s = net.connect(Number(port), '127.0.0.1', () => s.write('CONNECT nosuchvault.vault.azure.net:443 HTTP/1.1\r\nHost: nosuchvault.vault.azure.net:443\r\n\r\n'));
      let out = '';
      s.on('data', (d: Buffer) => (out += d.toString()));
      s.on('end', () => resolve(out));
      s.on('error', reject);
    });
    expect(connectAnswer).toMatch(/^HTTP\/1\.1 502 Bad Gateway\r\n/);
    expect(connectAnswer).toContain('x-emulator-unresolved-host: nosuchvault.vault.azure.net');

    const handshake = await new Promise<string>((resolve) => {
      const s = tls.connect({ host: '127.0.0.1', port: Number(new URL(emu.httpsUrl).port), servername: 'nosuchaccount.blob.core.windows.net', ca: emu.caPem }, () => resolve('connected'));
      s.on('error', (e: Error & { code?: string }) => resolve(e.code ?? e.message));
    });
    expect(handshake).not.toBe('connected');
  });
});
