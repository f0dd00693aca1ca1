// Issue 15 #18: malformed, forged and oversized input gets Azure's own answer where one is
// documented, the not-emulated answer where none is, and never a 500 "emulator bug" or an acceptance.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { loadSigningKey } from '../../src/emulator/signing-keys.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let stateDir: string;
let vault: string;
let account: string;
let container: string;
let store: string;

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'tc-hostile-'));
  emu = await startEmulator({ stateDir });
  agent = createEmulatorDispatcher(emu);
  vault = emu.scenario.keyVaults[0]!.name;
  account = emu.scenario.storageAccounts[0]!.name;
  container = emu.values.CONTAINER_NAME!;
  store = emu.scenario.dataLakeStores[0]!.name;
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

const vm = () => emu.scenario.vm.systemAssigned!;
const cli = () => emu.scenario.principals[0]!;

/** A token signed with the tenant's real key (the state folder's), with claims of the test's choosing. */
async function forge(claims: Record<string, unknown>, drop: string[] = []): Promise<string> {
  const key = await loadSigningKey(stateDir);
  const { claims: base } = await emu.tokens.issue({ principalId: vm().principalId, clientId: vm().clientId, resource: String(claims.aud) });
  const payload: Record<string, unknown> = { ...base, ...claims };
  for (const d of drop) delete payload[d];
  return new SignJWT(payload).setProtectedHeader({ typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid }).sign(key.privateKey);
}

async function send(url: string, opts: { method?: Dispatcher.HttpMethod; headers?: Record<string, string>; body?: string } = {}) {
  const res = await request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {}, body: opts.body ?? null, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

const storageHeaders = (token: string) => ({ authorization: `Bearer ${token}`, 'x-ms-version': '2021-08-06' });
const tokenFor = async (resource: string, who: { principalId: string; clientId: string } = vm()) => (await emu.tokens.issue({ ...who, resource })).token;

/** Never the router's crash answer, never a success. */
function refused(r: { status: number; headers: Record<string, unknown> }): void {
  expect(r.headers['x-emulator-error']).toBeUndefined();
  expect(r.status).toBeGreaterThanOrEqual(400);
}

describe('malformed percent-encoding in a path (was a 500 "emulator bug")', () => {
  it('Blob: an incomplete escape is HTTP.sys\'s 400 "Bad Request - Invalid URL" page, before authentication', async () => {
    for (const path of [`${container}/%E0%A4%A`, `${container}/a%zzb`, `${container}/trailing%`]) {
      const r = await send(`https://${account}.blob.core.windows.net/${path}`, { headers: storageHeaders(await tokenFor('https://storage.azure.com/')) });
      expect(r.status).toBe(400);
      expect(r.headers['content-type']).toBe('text/html; charset=us-ascii');
      expect(r.text).toContain('<h2>Bad Request - Invalid URL</h2>');
      expect(r.text).toContain('HTTP Error 400. The request URL is invalid.');
    }
    // HTTP.sys decides before the service: no credentials needed to get it.
    expect((await send(`https://${account}.blob.core.windows.net/${container}/%4`)).status).toBe(400);
  });
  it('Blob: an escape that decodes to a control character is refused by HTTP.sys too', async () => {
    const r = await send(`https://${account}.blob.core.windows.net/${container}/abcdef.%008`, { headers: storageHeaders(await tokenFor('https://storage.azure.com/')) });
    expect(r.status).toBe(400);
    expect(r.text).toContain('Bad Request - Invalid URL');
  });
  it('Blob: well-formed escapes that are not UTF-8, and a malformed query, are not emulated', async () => {
    const h = storageHeaders(await tokenFor('https://storage.azure.com/'));
    for (const url of [`https://${account}.blob.core.windows.net/${container}/%FF%FE`, `https://${account}.blob.core.windows.net/${container}?restype=container&comp=%E0%A4%A`]) {
      const r = await send(url, { headers: h });
      expect(r.status).toBe(501);
      expect(r.headers['x-emulator-not-emulated']).toMatch(/percent-encoding/);
    }
  });
  it('what HTTP.sys refuses, what it passes on undecodable, what decodes', async () => {
    const { encodingProblem } = await import('../../src/emulator/services/percent-encoding.ts');
    expect(encodingProblem('/c/%zz')).toBe('invalid-escape');
    expect(encodingProblem('/c/50%')).toBe('invalid-escape');
    expect(encodingProblem('/c/%%41')).toBe('invalid-escape');
    expect(encodingProblem('/c/%0A')).toBe('control-character');
    expect(encodingProblem('/c/%C2%85')).toBe('control-character'); // U+0085
    expect(encodingProblem('/c/%7F')).toBe('control-character');
    expect(encodingProblem('/c/%u0041')).toBe('not-utf8'); // HTTP.sys allows %uXXXX by default
    expect(encodingProblem('/c/%E0%A4')).toBe('not-utf8');
    expect(encodingProblem('/c/%E0%A4%B9%20x%2Fy')).toBeUndefined();
    expect(encodingProblem('/c/plain')).toBeUndefined();
  });
  it('no path or query, however encoded, makes any data-plane service crash', async () => {
    const piece = fc.oneof(fc.constantFrom('%', '%%', '%u00e9', '%zz', '%0', '%00', '%C2%85', '%E0%A4', '%FF', '%2F', '%41', '/', 'a', '..', '?x=%', '&y=%E0'), fc.stringMatching(/^[A-Za-z0-9%._~-]{1,6}$/));
    // Blob with a caller that has no data role: every path is decoded and authorized, none waits for
    // Azurite (whose start-up on a saturated machine is not what this property is about).
    const tokens = {
      blob: await tokenFor('https://storage.azure.com/', { principalId: cli().principalId, clientId: cli().clientId }),
      kv: await tokenFor('https://vault.azure.net'),
      dl: await tokenFor('https://datalake.azure.net/'),
      graph: await tokenFor('https://graph.microsoft.com', { principalId: cli().principalId, clientId: cli().clientId }),
    };
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 6 }), fc.constantFrom('blob', 'kv', 'dl', 'graph') as fc.Arbitrary<keyof typeof tokens>, async (pieces, service) => {
        const tail = pieces.join('');
        const url = {
          blob: `https://${account}.blob.core.windows.net/${container}/${tail}`,
          kv: `https://${vault}.vault.azure.net/secrets/${tail}?api-version=7.4`,
          dl: `https://${store}.azuredatalakestore.net/webhdfs/v1/${tail}?op=LISTSTATUS`,
          graph: `https://graph.microsoft.com/v1.0/users/${tail}`,
        }[service];
        const r = await send(url, { headers: { ...storageHeaders(tokens[service]) } });
        expect(r.headers['x-emulator-error'], `${url}: ${r.text}`).toBeUndefined();
        expect(r.status).not.toBe(500);
      }),
      { numRuns: 120 },
    );
  });
  it('Key Vault and Data Lake: not emulated (no documented answer), never a crash', async () => {
    const kv = await send(`https://${vault}.vault.azure.net/secrets/%E0%A4%A?api-version=7.4`, { headers: { authorization: `Bearer ${await tokenFor('https://vault.azure.net')}` } });
    expect(kv.status).toBe(501);
    expect(kv.headers['x-emulator-not-emulated']).toMatch(/percent-encoding/);
    const dl = await send(`https://${store}.azuredatalakestore.net/webhdfs/v1/%E0%A4%A?op=LISTSTATUS`, { headers: { authorization: `Bearer ${await tokenFor('https://datalake.azure.net/')}` } });
    expect(dl.status).toBe(501);
    expect(dl.headers['x-emulator-not-emulated']).toMatch(/percent-encoding/);
  });
});

describe('correctly signed tokens Entra would never issue', () => {
  it('ARM: a token without oid and sub is 401 InvalidAuthenticationToken with ARM\'s text (was a 500 "emulator bug")', async () => {
    const token = await forge({ aud: 'https://management.azure.com/', oid: undefined }, ['oid', 'sub']);
    const r = await send(`https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/${emu.values.RESOURCE_GROUP}?api-version=2022-09-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toEqual({
      error: {
        code: 'InvalidAuthenticationToken',
        message: "The received access token is not valid: at least one of the claims 'puid' or 'altsecid' or 'oid' should be present. If you are accessing as application please make sure service principal is properly created in the tenant.",
      },
    });
  });
  it('Blob, Key Vault, Data Lake and Graph: a token without oid and sub is refused, not a crash', async () => {
    const rs = [
      await send(`https://${account}.blob.core.windows.net/${container}?restype=container&comp=list`, { headers: storageHeaders(await forge({ aud: 'https://storage.azure.com/' }, ['oid', 'sub'])) }),
      await send(`https://${vault}.vault.azure.net/secrets/${emu.values.SECRET_NAME}?api-version=7.4`, { headers: { authorization: `Bearer ${await forge({ aud: 'https://vault.azure.net' }, ['oid', 'sub'])}` } }),
      await send(`https://${store}.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS`, { headers: { authorization: `Bearer ${await forge({ aud: 'https://datalake.azure.net/' }, ['oid', 'sub'])}` } }),
      await send(`https://graph.microsoft.com/v1.0/users/${cli().principalId}`, { headers: { authorization: `Bearer ${await forge({ aud: 'https://graph.microsoft.com', idtyp: 'user' }, ['oid', 'sub'])}` } }),
    ];
    for (const r of rs) refused(r);
  });
  it('ARM: a token whose iss names another tenant is 401 InvalidAuthenticationTokenTenant (was accepted)', async () => {
    const otherIss = 'https://sts.windows.net/00000000-0000-0000-0000-000000000001/';
    const token = await forge({ aud: 'https://management.azure.com/', iss: otherIss, idp: otherIss });
    const r = await send(`https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/${emu.values.RESOURCE_GROUP}?api-version=2022-09-01`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(401);
    const body = JSON.parse(r.text) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('InvalidAuthenticationTokenTenant');
    expect(body.error.message).toContain(`The access token is from the wrong issuer '${otherIss}'`);
  });
  it('Key Vault: a token whose tid names another tenant is refused (was accepted)', async () => {
    const token = await forge({ aud: 'https://vault.azure.net', tid: '00000000-0000-0000-0000-000000000001' });
    const r = await send(`https://${vault}.vault.azure.net/secrets/${emu.values.SECRET_NAME}?api-version=7.4`, { headers: { authorization: `Bearer ${token}` } });
    refused(r);
    expect(r.text).not.toContain('p@ssw0rd!');
  });
  it('a token without exp is refused by ARM, Blob, Key Vault, Data Lake and Graph (was accepted)', async () => {
    const arm = await send(`https://management.azure.com/subscriptions/${emu.values.SUBSCRIPTION_ID}/resourceGroups/${emu.values.RESOURCE_GROUP}?api-version=2022-09-01`, {
      headers: { authorization: `Bearer ${await forge({ aud: 'https://management.azure.com/' }, ['exp'])}` },
    });
    expect(arm.status).toBe(401);
    expect(JSON.parse(arm.text)).toMatchObject({ error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } });
    const others = [
      await send(`https://${account}.blob.core.windows.net/${container}?restype=container&comp=list`, { headers: storageHeaders(await forge({ aud: 'https://storage.azure.com/' }, ['exp'])) }),
      await send(`https://${vault}.vault.azure.net/secrets/${emu.values.SECRET_NAME}?api-version=7.4`, { headers: { authorization: `Bearer ${await forge({ aud: 'https://vault.azure.net' }, ['exp'])}` } }),
      await send(`https://${store}.azuredatalakestore.net/webhdfs/v1/?op=LISTSTATUS`, { headers: { authorization: `Bearer ${await forge({ aud: 'https://datalake.azure.net/' }, ['exp'])}` } }),
      await send(`https://graph.microsoft.com/v1.0/users/${cli().principalId}`, { headers: { authorization: `Bearer ${await forge({ aud: 'https://graph.microsoft.com', idtyp: 'user' }, ['exp'])}` } }),
    ];
    for (const r of others) refused(r);
    expect(others[1]!.text).not.toContain('p@ssw0rd!');
  });
});

describe('limits', () => {
  it("Key Vault: a secret over 25,600 characters is 400 BadParameter SecretTooLarge (a 10 MB one was accepted)", async () => {
    const token = await tokenFor('https://vault.azure.net');
    const put = (value: string) =>
      send(`https://${vault}.vault.azure.net/secrets/big?api-version=7.4`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ value }) });
    for (const size of [25_601, 10 * 1024 * 1024]) {
      const r = await put('x'.repeat(size));
      expect(r.status).toBe(400);
      expect(JSON.parse(r.text)).toEqual({ error: { code: 'BadParameter', message: 'Secret is beyond the maximum permitted length of 25600 characters.', innererror: { code: 'SecretTooLarge' } } });
    }
    expect((await put('x'.repeat(25_600))).status).toBe(200);
    await emu.reset();
  });
  it('Blob: a blob name over 1,024 characters is 400 OutOfRangeInput (was a 404)', async () => {
    const h = storageHeaders(await tokenFor('https://storage.azure.com/'));
    for (const method of ['GET', 'HEAD'] as const) {
      const r = await send(`https://${account}.blob.core.windows.net/${container}/${'a'.repeat(2000)}`, { method, headers: h });
      expect(r.status).toBe(400);
      expect(r.headers['x-ms-error-code']).toBe('OutOfRangeInput');
      if (method === 'GET') expect(r.text).toContain('<Message>One of the request inputs is out of range.');
    }
    // 1,024 is still a name: the blob is simply not there.
    expect((await send(`https://${account}.blob.core.windows.net/${container}/${'a'.repeat(1024)}`, { headers: h })).status).toBe(404);
  });
});
