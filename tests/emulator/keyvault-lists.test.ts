// Key Vault's list and soft-delete operations with raw requests, where the SDKs hide the wire: pages
// (maxresults, nextLink naming the vault with :443), versions of a name without versions, the
// attributes a PUT sets, x-ms-client-request-id echoed on every answer, purge needing its own
// permission, and what is not modelled answering 501. Shapes: azure-sdk-for-js keyvault-secrets
// recordings (can_retrieve_all_versions_of_a_secret_by_page, can_list_secret_versions_non_existing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let vault: string;
let token: string;

async function kv(method: Dispatcher.HttpMethod, url: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await request(url.startsWith('https://') ? url : `${vault}${url}`, {
    method,
    dispatcher: agent,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.body.text();
  const isJson = String(res.headers['content-type'] ?? '').includes('json');
  return { status: res.statusCode, headers: res.headers, json: isJson && text !== '' ? (JSON.parse(text) as Record<string, any>) : undefined };
}

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  vault = emu.values.YOUR_KEY_VAULT_URL!.replace(/\/$/, '');
  const vm = emu.scenario.vm.systemAssigned!;
  token = (await emu.tokens.issue({ ...vm, resource: 'https://vault.azure.net' })).token;
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('Key Vault lists and attributes', () => {
  it('a PUT keeps nbf, exp, tags and contentType; versions come in version order, one per page with maxresults=1', async () => {
    const first = await kv('PUT', '/secrets/paged?api-version=7.4', { value: 'a', contentType: 'text/plain', tags: { k: 'v' }, attributes: { nbf: 1893456000, exp: 1924992000 } });
    expect(first.json!.attributes).toMatchObject({ enabled: true, nbf: 1893456000, exp: 1924992000, recoveryLevel: 'Recoverable+Purgeable', recoverableDays: 90 });
    expect(Object.keys(first.json!.attributes)).toEqual(['enabled', 'nbf', 'exp', 'created', 'updated', 'recoveryLevel', 'recoverableDays']);
    expect(first.json).toMatchObject({ value: 'a', contentType: 'text/plain', tags: { k: 'v' } });
    await kv('PUT', '/secrets/paged?api-version=7.4', { value: 'b' });
    await kv('PUT', '/secrets/paged?api-version=7.4', { value: 'c' });

    const seen: string[] = [];
    let next: string | null = `${vault}/secrets/paged/versions?api-version=7.4&maxresults=1`;
    while (next !== null) {
      const page = await kv('GET', next);
      expect(page.status).toBe(200);
      expect(page.json!.value).toHaveLength(1);
      expect(page.json!.value[0]).not.toHaveProperty('value');
      seen.push(String(page.json!.value[0].id).split('/').pop()!);
      next = page.json!.nextLink as string | null;
      if (next !== null) expect(next).toMatch(new RegExp(`^${vault}:443/secrets/paged/versions\\?api-version=7\\.4&\\$skiptoken=[^&]+&maxresults=1$`));
    }
    expect(seen).toHaveLength(3);
    expect(seen).toEqual([...seen].sort());
  });

  it('versions of a name that has none: an empty page, not a 404', async () => {
    const r = await kv('GET', '/secrets/NeverSet/versions?api-version=7.4');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ value: [], nextLink: null });
  });

  it('list secrets: one item per name, the id without a version', async () => {
    const r = await kv('GET', '/secrets?api-version=7.4');
    const ids = (r.json!.value as { id: string }[]).map((i) => i.id);
    expect(ids).toContain(`${vault}/secrets/${emu.values.SECRET_NAME}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('x-ms-client-request-id is echoed, on a 401 challenge and on a 200', async () => {
    const unauth = await request(`${vault}/secrets?api-version=7.4`, { dispatcher: agent, headers: { 'x-ms-client-request-id': 'abc-123' } });
    await unauth.body.text();
    expect(unauth.statusCode).toBe(401);
    expect(unauth.headers['x-ms-client-request-id']).toBe('abc-123');
    expect((await kv('GET', '/secrets?api-version=7.4', undefined, { 'x-ms-client-request-id': 'def-456' })).headers['x-ms-client-request-id']).toBe('def-456');
  });

  it('purge needs the purge permission (the portal template the VM got has none); unmodelled operations are 501', async () => {
    await kv('PUT', '/secrets/to-purge?api-version=7.4', { value: 'x' });
    expect((await kv('DELETE', '/secrets/to-purge?api-version=7.4')).status).toBe(200);
    const purge = await kv('DELETE', '/deletedsecrets/to-purge?api-version=7.4');
    expect(purge.status).toBe(403);
    expect(purge.json!.error.message).toContain('does not have secrets purge permission');
    const list = await kv('GET', '/deletedsecrets?api-version=7.4');
    expect(list.json!.value).toEqual([expect.objectContaining({ recoveryId: `${vault}/deletedsecrets/to-purge`, id: `${vault}/secrets/to-purge` })]);
    expect((await kv('POST', '/secrets/to-purge/backup?api-version=7.4')).status).toBe(501);
    expect((await kv('GET', '/secrets?api-version=7.4&maxresults=26')).status).toBe(501);
    expect((await kv('DELETE', '/secrets/not-there?api-version=7.4')).json!.error.code).toBe('SecretNotFound');
  });
});
