// Real Azure SDK clients against the emulator, TLS verified through its CA: @azure/identity's
// ManagedIdentityCredential via IMDS, @azure/arm-resources over an undici transport whose connect
// hook redirects to the emulator, @azure/arm-storage both ways, and an unmodified SDK process through the emulator's proxy mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Dispatcher } from 'undici';
import { execa } from 'execa';
import { ManagedIdentityCredential } from '@azure/identity';
import { ResourceManagementClient } from '@azure/arm-resources';
import { StorageManagementClient } from '@azure/arm-storage';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import { createEmulatorDispatcher } from '../../src/emulator/dispatcher.ts';

let emu: EmulatorHandle;
let agent: Dispatcher;
const saved = process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST;

/** core-rest-pipeline transport over undici: the URL and Host stay Azure's, the connection goes to the emulator. */
function undiciHttpClient(dispatcher: Dispatcher): HttpClient {
  return {
    async sendRequest(req: PipelineRequest): Promise<PipelineResponse> {
      const body = req.body;
      if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) throw new Error(`undiciHttpClient: request body of type ${typeof body} is not supported`);
      const res = await request(req.url, { method: req.method as Dispatcher.HttpMethod, headers: req.headers.toJSON(), body, dispatcher });
      const headers = createHttpHeaders();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      return { request: req, status: res.statusCode, headers, bodyAsText: await res.body.text() };
    },
  };
}

beforeAll(async () => {
  emu = await startEmulator();
  agent = createEmulatorDispatcher(emu);
  process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST = emu.httpUrl;
});
afterAll(async () => {
  if (saved === undefined) delete process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST;
  else process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST = saved;
  await agent.close();
  await emu.close();
});

describe('Azure SDKs against the emulator', () => {
  it('ManagedIdentityCredential gets an ARM token from IMDS (resource without trailing slash, as the SDK maps the scope)', async () => {
    const token = await new ManagedIdentityCredential().getToken('https://management.azure.com/.default');
    const check = await emu.tokens.verify(token.token);
    expect(check.ok && check.claims.aud).toBe('https://management.azure.com');
    expect(check.ok && check.claims.oid).toBe(emu.scenario.vm.systemAssigned!.principalId);
    expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
  });
  it('@azure/arm-resources reads the resource group with that credential', async () => {
    const client = new ResourceManagementClient(new ManagedIdentityCredential(), emu.values.SUBSCRIPTION_ID!, { httpClient: undiciHttpClient(agent), retryOptions: { maxRetries: 0 } });
    const group = await client.resourceGroups.get(emu.values.RESOURCE_GROUP!);
    expect(group).toMatchObject({ name: emu.values.RESOURCE_GROUP, location: 'westus', properties: { provisioningState: 'Succeeded' } });
    await expect(client.resourceGroups.get('DevTest')).rejects.toMatchObject({ statusCode: 403, code: 'AuthorizationFailed' });
  });
  it('@azure/arm-storage lists keys (listKeys POST, api-version 2025-08-01)', async () => {
    const client = new StorageManagementClient(new ManagedIdentityCredential(), emu.values.SUBSCRIPTION_ID!, { httpClient: undiciHttpClient(agent), retryOptions: { maxRetries: 0 } });
    const keys = await client.storageAccounts.listKeys(emu.values.RESOURCE_GROUP!, emu.values.STORAGE_ACCOUNT_NAME!);
    expect(keys.keys?.map((k) => k.keyName)).toEqual(['key1', 'key2']);
    expect(keys.keys?.[0]?.value).toBe(emu.scenario.storageAccounts[0]!.keys[0]);
  });
  it('an unmodified SDK process reaches ARM through proxy mode (HTTPS_PROXY + NODE_EXTRA_CA_CERTS)', async () => {
    // The SDK ignores tlsOptions when a proxy is set, so the CA comes the standard way, at process start.
    const script = [
      "import { ManagedIdentityCredential } from '@azure/identity';",
      "import { StorageManagementClient } from '@azure/arm-storage';",
      'const [sub, rg, account] = process.argv.slice(1);',
      'const client = new StorageManagementClient(new ManagedIdentityCredential(), sub, { retryOptions: { maxRetries: 0 } });',
      'const keys = await client.storageAccounts.listKeys(rg, account);',
      'console.log(JSON.stringify(keys.keys.map((k) => k.keyName)));',
    ].join('\n');
    const r = await execa('node', ['--input-type=module', '-e', script, emu.values.SUBSCRIPTION_ID!, emu.values.RESOURCE_GROUP!, emu.values.STORAGE_ACCOUNT_NAME!], {
      reject: false,
      env: { HTTPS_PROXY: emu.httpUrl, NODE_EXTRA_CA_CERTS: emu.caPath, AZURE_POD_IDENTITY_AUTHORITY_HOST: emu.httpUrl, NO_PROXY: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('["key1","key2"]');
  });
});
