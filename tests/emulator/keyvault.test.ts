// Key Vault through the started emulator: the real SecretClient authenticates through the 401
// challenge with a token from the emulator's IMDS; raw requests pin Azure's refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { SecretClient } from '@azure/keyvault-secrets';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';
import { undiciHttpClient } from './blob-sdk-http.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
let vaultUrl: string;
let secretName: string;
const requestedResources: string[] = [];

/** ManagedIdentityCredential's mapping: the scope without "/.default" becomes the IMDS resource. */
const imdsCredential: TokenCredential = {
  async getToken(scopes): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? scopes[0]! : (scopes as string);
    const resource = scope.replace(/\/\.default$/, '');
    requestedResources.push(resource);
    const url = `http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=${encodeURIComponent(resource)}`;
    const res = await request(url, { headers: { Metadata: 'true' }, dispatcher: agent });
    const j = (await res.body.json()) as { access_token: string; expires_on: string };
    return { token: j.access_token, expiresOnTimestamp: Number(j.expires_on) * 1000 };
  },
};

async function get(path: string, token?: string, method: Dispatcher.HttpMethod = 'GET', body?: string) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (body) headers['content-type'] = 'application/json';
  const res = await request(`${vaultUrl}${path}`, { method, headers, body: body ?? null, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, json: JSON.parse(text) as Record<string, any> };
}
const tokenFor = async (resource: string, principalId = emu.scenario.vm.systemAssigned!.principalId) =>
  (await emu.tokens.issue({ principalId, clientId: emu.scenario.vm.systemAssigned!.clientId, resource })).token;

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  vaultUrl = `https://${emu.scenario.keyVaults[0]!.name}.vault.azure.net`;
  secretName = emu.scenario.keyVaults[0]!.secrets[0]!.name;
});
afterAll(async () => {
  await agent?.close();
  await emu?.close();
});

describe('Key Vault with the SDK', () => {
  it('SecretClient gets the secret through the 401 challenge, sets a new version, reads both', async () => {
    const client = new SecretClient(vaultUrl, imdsCredential, { httpClient: undiciHttpClient(agent), retryOptions: { maxRetries: 0 } });
    const s = await client.getSecret(secretName);
    expect(s.value).toBe('p@ssw0rd!');
    expect(s.properties.version).toBe(emu.scenario.keyVaults[0]!.secrets[0]!.version);
    expect(s.properties.recoveryLevel).toBe('Recoverable+Purgeable');
    // The challenge named the resource; the SDK asked IMDS for exactly that audience.
    expect(requestedResources).toEqual(['https://vault.azure.net']);

    const set = await client.setSecret(secretName, 'rotated');
    expect(set.properties.version).toMatch(/^[0-9a-f]{32}$/);
    expect((await client.getSecret(secretName)).value).toBe('rotated');
    expect((await client.getSecret(secretName, { version: s.properties.version! })).value).toBe('p@ssw0rd!');
    await emu.reset();
    expect((await client.getSecret(secretName)).value).toBe('p@ssw0rd!');
  });
});

describe('Key Vault answers as Azure words them', () => {
  it('no token: 401 with the challenge header and AKV10000', async () => {
    const r = await get(`/secrets/${secretName}?api-version=2016-10-01`);
    expect(r.status).toBe(401);
    expect(r.headers['www-authenticate']).toBe(`Bearer authorization="https://login.windows.net/${emu.scenario.tenantId}", resource="https://vault.azure.net"`);
    expect(r.json).toEqual({ error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' } });
  });

  it('the tutorial call: api-version 2016-10-01 bundle without recoverableDays; trailing slash and version path accepted', async () => {
    const t = await tokenFor('https://vault.azure.net');
    const r = await get(`/secrets/${secretName}?api-version=2016-10-01`, t);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['value', 'id', 'attributes']);
    expect(Object.keys(r.json.attributes)).toEqual(['enabled', 'created', 'updated', 'recoveryLevel']);
    const v = emu.scenario.keyVaults[0]!.secrets[0]!.version;
    expect(r.json.id).toBe(`${vaultUrl}/secrets/${secretName}/${v}`);
    const byVersion = await get(`/secrets/${secretName}/${v}/?api-version=7.4`, t);
    expect(byVersion.status).toBe(200);
    expect(byVersion.json.attributes.recoverableDays).toBe(90);
  });

  it('audience with a trailing slash: AKV10022', async () => {
    const r = await get(`/secrets/${secretName}?api-version=2016-10-01`, await tokenFor('https://vault.azure.net/'));
    expect(r.status).toBe(401);
    expect(r.json.error.message).toBe('AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://vault.azure.net/.');
  });

  it('unknown api-version: 400 BadParameter', async () => {
    const r = await get(`/secrets/${secretName}?api-version=2016-10-02`, await tokenFor('https://vault.azure.net'));
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: 'BadParameter', message: 'The specified version (2016-10-02) is not recognized. Consider using the latest supported version (2025-07-01).' });
  });

  it('no access policy: 403 Forbidden AccessDenied naming appid, oid and issuer', async () => {
    const stranger = randomUUID();
    const r = await get(`/secrets/${secretName}?api-version=7.4`, await tokenFor('https://vault.azure.net', stranger));
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('Forbidden');
    expect(r.json.error.innererror).toEqual({ code: 'AccessDenied' });
    const v = emu.scenario.keyVaults[0]!;
    expect(r.json.error.message).toBe(
      `The user, group or application 'appid=${emu.scenario.vm.systemAssigned!.clientId};oid=${stranger};iss=https://sts.windows.net/${emu.scenario.tenantId}/' does not have secrets get permission on key vault '${v.name};location=${v.location}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
    );
  });

  it('RBAC vault without a role: ForbiddenByRbac; Key Vault Secrets User grants it', async () => {
    const v = emu.state.data.keyVaults[0]!;
    v.enableRbacAuthorization = true;
    try {
      const principal = emu.scenario.vm.systemAssigned!.principalId;
      const t = await tokenFor('https://vault.azure.net');
      const denied = await get(`/secrets/${secretName}?api-version=7.4`, t);
      expect(denied.status).toBe(403);
      expect(denied.json.error.innererror).toEqual({ code: 'ForbiddenByRbac' });
      expect(denied.json.error.message).toContain("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'");
      expect(denied.json.error.message).toContain("DecisionReason: 'DeniedWithNoValidRBAC'");
      emu.state.data.roleAssignments.push({
        principalId: principal,
        role: 'Key Vault Secrets User',
        scope: `/subscriptions/${emu.scenario.subscriptionId}/resourceGroups/${v.resourceGroup}/providers/Microsoft.KeyVault/vaults/${v.name}`,
      });
      expect((await get(`/secrets/${secretName}?api-version=7.4`, t)).status).toBe(200);
    } finally {
      await emu.reset();
    }
  });

  it('missing secret: 404 SecretNotFound', async () => {
    const r = await get(`/secrets/NoSuchSecret?api-version=7.4`, await tokenFor('https://vault.azure.net'));
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('SecretNotFound');
  });
});
