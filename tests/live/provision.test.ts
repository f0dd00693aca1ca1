// Provisioning and teardown through the live code path, against the emulator as the cloud: real
// ARM calls (LROs polled), a Shared Key upload, grants waited for, and afterwards nothing left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { loadLiveConfig } from '../../src/config.ts';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { buildProvisioningPlan, RUN_TAG } from '../../src/live/provision/plan.ts';
import { provision } from '../../src/live/provision/provision.ts';
import { teardown } from '../../src/live/provision/teardown.ts';
import { sharedKeyAuthorization } from '../../src/live/provision/shared-key.ts';
import { openLiveSession } from '../../src/live/session.ts';
import { CI_PRINCIPAL, startLiveHarness, type LiveHarness } from './harness.ts';

let h: LiveHarness;
beforeAll(async () => {
  h = await startLiveHarness();
});
afterAll(async () => {
  await h?.close();
});

function leftovers(runId: string) {
  const d = h.handle.state.data;
  return {
    groups: d.resourceGroups.filter((g) => g.tags[RUN_TAG] === runId).map((g) => g.name),
    storage: d.storageAccounts.filter((a) => a.name.includes(runId)).map((a) => a.name),
    vaults: d.keyVaults.filter((v) => v.name.includes(runId)).map((v) => v.name),
    grants: d.roleAssignments.filter((a) => a.principalId === CI_PRINCIPAL.principalId && a.scope.includes(runId)).length,
  };
}

describe('live provisioning against the emulator as the cloud', () => {
  it('plans from the scenario: run-unique names, tags, the VM identity\'s grants for the runner', () => {
    const config = loadLiveConfig({ env: { ...h.env, TC_RUN_ID: 'plan01' }, envFile: null });
    const plan = buildProvisioningPlan(defaultScenario(), { config: config.provisioning, cloud: config.cloud, now: new Date('2026-11-22T01:00:00Z') });
    expect(plan.resourceGroups.map((g) => g.name)).toEqual(['tc-plan01-mi-test']);
    expect(plan.storageAccounts.map((a) => [a.name, a.kind, a.containers[0]?.name, a.containers[0]?.blobs[0]?.name])).toEqual([['tcplan01st', 'StorageV2', 'mi-tutorial-container', 'hello_world.txt']]);
    expect(plan.keyVaults.map((v) => [v.name, v.runnerSecretPermissions.includes('get')])).toEqual([['tcplan01kv', true]]);
    expect(plan.tags).toEqual({ [RUN_TAG]: 'plan01', created: '2026-11-22T01:00:00.000Z' });
    // The reader's own Owner grant is never copied; the VM identity's four become the runner's.
    expect(plan.roleAssignments.map((r) => r.roleName).sort()).toEqual(['Reader', 'Storage Account Contributor', 'Storage Account Key Operator Service Role', 'Storage Blob Data Reader']);
    expect(plan.roleAssignments.every((r) => r.principal.kind === 'runner' && r.scope.startsWith(`/subscriptions/${h.scenario.subscriptionId}/resourceGroups/tc-plan01-mi-test`))).toBe(true);
    expect(plan.values).toMatchObject({ RESOURCE_GROUP: 'tc-plan01-mi-test', STORAGE_ACCOUNT: 'tcplan01st', YOUR_KEY_VAULT_URL: 'https://tcplan01kv.vault.azure.net/', SUBSCRIPTION_ID: h.scenario.subscriptionId, CONTAINER_NAME: 'mi-tutorial-container' });
    expect(plan.notes.join('\n')).toMatch(/Data Lake Storage Gen1 was retired/);
    const again = buildProvisioningPlan(defaultScenario(), { config: config.provisioning, cloud: config.cloud, now: new Date() });
    expect(again.roleAssignments.map((r) => r.name)).toEqual(plan.roleAssignments.map((r) => r.name));
  });

  it('grants on Azure any built-in role of the catalog, not only those the emulator models (it threw for Key Vault Crypto User)', () => {
    const config = loadLiveConfig({ env: { ...h.env, TC_RUN_ID: 'plan02' }, envFile: null });
    const scenario = defaultScenario();
    const rg = `/subscriptions/${scenario.subscriptionId}/resourceGroups/${scenario.resourceGroups[0]!.name}`;
    scenario.roleAssignments.push({ principalId: scenario.vm.systemAssigned!.principalId, role: 'Key Vault Crypto User', scope: rg });
    const plan = buildProvisioningPlan(scenario, { config: config.provisioning, cloud: config.cloud, now: new Date('2026-11-22T01:00:00Z') });
    expect(plan.roleAssignments.find((r) => r.roleName === 'Key Vault Crypto User')?.roleDefinitionGuid).toBe('12338af0-0e69-4776-bea7-57ae8d297424');
    scenario.roleAssignments.push({ principalId: scenario.vm.systemAssigned!.principalId, role: 'Key Vault Crypto Usr', scope: rg });
    expect(() => buildProvisioningPlan(scenario, { config: config.provisioning, cloud: config.cloud, now: new Date() })).toThrow(/'Key Vault Crypto Usr' is not a built-in Azure role/);
  });

  it('provisions everything, idempotently, survives faults, and teardown leaves nothing behind', async () => {
    const config = loadLiveConfig({ env: { ...h.env, TC_RUN_ID: 'prov01' }, envFile: null });
    const session = await openLiveSession(config, { pollIntervalMs: 50 });
    try {
      const plan = buildProvisioningPlan(defaultScenario(), { config: config.provisioning, cloud: config.cloud, now: new Date() });
      // Faults on the way: a throttled storage create (Retry-After 1 s), a 500 on the blob upload, a reset on Entra.
      h.handle.faults.inject({ service: 'arm', method: 'PUT', pathPattern: /storageAccounts\/tcprov01st$/i, kind: 'status', status: 429, retryAfterSeconds: 1, count: 1 });
      h.handle.faults.inject({ service: 'blob', method: 'PUT', kind: 'status', status: 500, count: 1 });
      h.handle.faults.inject({ service: 'entra', kind: 'reset', count: 1 });
      const env = await provision(plan, session.ledger, { arm: session.arm, tokens: session.tokens, cloud: config.cloud, dispatcher: session.http.dispatcher, propagationTimeoutMs: 20_000 });
      expect(h.handle.faults.pending()).toBe(0);
      const causes = session.retries.map((r) => ('status' in r.cause ? r.cause.status : r.cause.code));
      expect(causes).toContain(429);
      expect(causes).toContain(500);
      expect(session.retries.find((r) => 'status' in r.cause && r.cause.status === 429)?.delayMs).toBe(1000);
      // One retry per injected status, on the request it was injected into; the reset shows as a
      // socket error. (On a loaded machine the emulator's own Azurite restart for the new account can
      // add a transient 5xx or a closed keep-alive socket: retried too, which is the point.)
      const seen = JSON.stringify(session.retries.map((r) => [r.method, new URL(r.url).host, r.cause]));
      const retried = (method: string, host: RegExp, status: number) =>
        session.retries.filter((r) => r.method === method && host.test(new URL(r.url).host) && 'status' in r.cause && r.cause.status === status).length;
      expect(retried('PUT', /^management\.azure\.com$/, 429), seen).toBe(1);
      expect(retried('PUT', /\.blob\.core\.windows\.net$/, 500), seen).toBe(1);
      const socketErrors = causes.filter((c) => typeof c === 'string');
      expect(socketErrors.length, seen).toBeGreaterThanOrEqual(1);
      expect(socketErrors.every((c) => c === 'ECONNRESET' || c === 'UND_ERR_SOCKET'), seen).toBe(true);

      const d = h.handle.state.data;
      const group = d.resourceGroups.find((g) => g.name === 'tc-prov01-mi-test');
      expect(group?.tags[RUN_TAG]).toBe('prov01');
      expect(Date.parse(group?.tags.created ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(d.storageAccounts.find((a) => a.name === 'tcprov01st')?.containers.map((c) => c.name)).toEqual(['mi-tutorial-container']);
      const vault = d.keyVaults.find((v) => v.name === 'tcprov01kv');
      expect(vault?.accessPolicies).toEqual([{ objectId: CI_PRINCIPAL.principalId, secrets: expect.arrayContaining(['get', 'list']) }]);
      expect(vault?.secrets.map((s) => s.name)).toEqual(['MyTestSecret']);
      expect(env.runner).toEqual({ objectId: CI_PRINCIPAL.principalId, tenantId: h.scenario.tenantId, principalType: 'ServicePrincipal' });
      expect(leftovers('prov01').grants).toBe(4);
      expect(env.secrets.map((s) => s.label)).toEqual(expect.arrayContaining(['tcprov01st key1', 'tcprov01kv secret MyTestSecret']));

      // The blob is really there: read it back with the runner's own token (the tutorial's way).
      const storageToken = await session.tokens.getToken({ resource: 'https://storage.azure.com/' });
      const blob = await request('https://tcprov01st.blob.core.windows.net/mi-tutorial-container/hello_world.txt', {
        dispatcher: session.http.dispatcher,
        headers: { authorization: `Bearer ${storageToken.accessToken}`, 'x-ms-version': '2021-12-02' },
      });
      expect(blob.statusCode).toBe(200);
      expect(await blob.body.text()).toBe('Hello world!');

      // What a tutorial uploads in between (test.txt in the access-key tutorials) is removed by the next pass.
      const key = env.secrets.find((x) => x.label === 'tcprov01st key1')?.value as string;
      const extraUrl = new URL('https://tcprov01st.blob.core.windows.net/mi-tutorial-container/test.txt');
      const extraHeaders: Record<string, string> = { 'content-length': '5', 'x-ms-blob-type': 'BlockBlob', 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-12-02' };
      extraHeaders.authorization = sharedKeyAuthorization({ method: 'PUT', url: extraUrl, headers: extraHeaders, account: 'tcprov01st', key });
      const put = await request(extraUrl, { method: 'PUT', dispatcher: session.http.dispatcher, headers: extraHeaders, body: 'extra' });
      await put.body.dump();
      expect(put.statusCode).toBe(201);

      // Idempotent: a second pass changes nothing and duplicates nothing.
      const before = JSON.stringify(leftovers('prov01'));
      await provision(plan, session.ledger, { arm: session.arm, tokens: session.tokens, cloud: config.cloud, dispatcher: session.http.dispatcher, propagationTimeoutMs: 20_000 });
      expect(JSON.stringify(leftovers('prov01'))).toBe(before);
      const extra = await request(extraUrl, { dispatcher: session.http.dispatcher, headers: { authorization: `Bearer ${storageToken.accessToken}`, 'x-ms-version': '2021-12-02' } });
      await extra.body.dump();
      expect(extra.statusCode).toBe(404);
      expect(session.ledger.resourceGroups).toHaveLength(1);

      const teardownLog: string[] = [];
      const result = await teardown(session.ledger, { arm: session.arm, log: (l) => teardownLog.push(l) });
      expect(teardownLog).toContain('purged key vault tcprov01kv');
      // Purged for good: the soft-deleted vault is no longer there to purge.
      const again = await session.arm.send('POST', `/subscriptions/${h.scenario.subscriptionId}/providers/Microsoft.KeyVault/locations/westus/deletedVaults/tcprov01kv/purge`, '2022-07-01');
      expect(again.status).toBe(404);
      expect(result.failed).toEqual([]);
      expect(leftovers('prov01')).toEqual({ groups: [], storage: [], vaults: [], grants: 0 });
      expect(session.ledger).toEqual({ resourceGroups: [], roleAssignments: [], keyVaults: [], resources: [] });
      expect(result.warnings).toEqual([]);
      expect(result.deleted.length).toBeGreaterThan(0);
      // The scenario's own resources are untouched.
      expect(h.handle.state.data.resourceGroups.map((g) => g.name)).toContain('mi-test');
    } finally {
      await session.close();
    }
  }, 60_000);
});

describe('waiting for a grant to take effect', () => {
  it('retries 403 until the grant applies, and gives up after TC_RBAC_PROPAGATION_TIMEOUT naming it', async () => {
    const { untilGranted } = await import('../../src/live/provision/provision.ts');
    const config = loadLiveConfig({ env: h.env, envFile: null });
    const session = await openLiveSession(config);
    try {
      const d = h.handle.state.data;
      d.resourceGroups.push({ name: 'tc-grant-rg', location: 'westus', tags: {} });
      const vault = { name: 'tcgrantkv', resourceGroup: 'tc-grant-rg', location: 'westus', enableRbacAuthorization: false, accessPolicies: [] as { objectId: string; secrets: ('get' | 'list')[] }[], recoveryLevel: 'Recoverable+Purgeable', secrets: [{ name: 'S', value: 'v', version: '0'.repeat(32), enabled: true, created: 1 }] };
      d.keyVaults.push(vault);
      const probe = async (): Promise<number> => {
        const token = await session.tokens.getToken({ resource: 'https://vault.azure.net' });
        const res = await request('https://tcgrantkv.vault.azure.net/secrets/S?api-version=7.4', { dispatcher: session.http.dispatcher, headers: { authorization: `Bearer ${token.accessToken}` } });
        await res.body.dump();
        return res.statusCode;
      };
      expect(await probe()).toBe(403);
      // The access policy "propagates" 1.5 s after the grant.
      const timer = setTimeout(() => vault.accessPolicies.push({ objectId: CI_PRINCIPAL.principalId, secrets: ['get', 'list'] }), 1500);
      const waited = await untilGranted('secret read on tcgrantkv', { propagationTimeoutMs: 20_000 }, probe);
      clearTimeout(timer);
      expect(waited).toBeGreaterThanOrEqual(1);
      expect(waited).toBeLessThanOrEqual(3);
      vault.accessPolicies = [];
      await expect(untilGranted('secret read on tcgrantkv', { propagationTimeoutMs: 2500 }, probe)).rejects.toThrow(/still 403 .* raise TC_RBAC_PROPAGATION_TIMEOUT/);
    } finally {
      await session.close();
    }
  }, 60_000);
});
