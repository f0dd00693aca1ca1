// az commands as their REST calls against the real emulator (HTTPS on 127.0.0.1:0, TLS verified
// against its CA): az's own argument errors, the role lookup by name, identity create's flattened
// output, and blob upload/download through the storage SDK over the run's connector.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { azHarness } from './az-harness.ts';
import { createConnector } from '../../src/run/http/connector.ts';
import { send } from '../../src/run/http/send.ts';
import { RunSecrets } from '../../src/run/secrets.ts';
import { runAzStep } from '../../src/run/steps/az.ts';
import { CliTokenError, TokenCache } from '../../src/run/tokens.ts';
import type { Observation } from '../../src/run/observation.ts';

const h = azHarness('tc-az-');

const azStep = (text: string) => h.step(text);
const ctx = (earlier: Map<string, Observation> = new Map()) => h.ctx({ earlier });

describe('az usage errors, in az\'s words', () => {
  it('az vm assign-identity no longer exists', async () => {
    const out = await runAzStep(azStep('az vm assign-identity -g mi-test -n DevTestVM -\u2013identities "/x"'), ctx());
    expect(out.error?.kind).toBe('az-usage');
    expect(out.error?.message).toMatch(/^'assign-identity' is misspelled or not recognized by the system\. .*Azure\/azure-cli PR #5744.*use "az vm identity assign"/);
    expect(out.output?.exitCode).toBe(2);
    expect(out.exchanges).toEqual([]);
  });

  it('a flag with nothing after it stops parsing', async () => {
    const out = await runAzStep(azStep('az storage blob upload --container-name'), ctx());
    expect(out.error?.message).toBe('argument --container-name/-c: expected one argument');
    expect(out.output?.stderr).toBe('ERROR: argument --container-name/-c: expected one argument\n');
  });

  it('a look-alike dash makes an unrecognized argument', async () => {
    const out = await runAzStep(azStep('az vm identity assign -g mi-test -n DevTestVM -\u2013identities /x'), ctx());
    expect(out.error?.message).toBe('unrecognized arguments: -\u2013identities /x');
  });
});

describe('az equivalents over REST', () => {
  it("role assignment create looks the role up by name: a smart-quoted 'Reader' is no role", async () => {
    const sub = h.target.handle.scenario.subscriptionId;
    const out = await runAzStep(azStep(`az role assignment create --assignee 9a4b6c8d-1e2f-4a3b-8c5d-6e7f8a9b0c1d --role \u2018Reader\u2019 --scope "/subscriptions/${sub}/resourcegroups/mi-test"`), ctx());
    expect(out.error).toEqual({ kind: 'az-usage', message: "Role '\u2018Reader\u2019' doesn't exist." });
    const lookup = out.exchanges.find((e) => e.request.url.includes('roleDefinitions'));
    expect(lookup?.request.url).toContain("$filter=roleName%20eq%20'%E2%80%98Reader%E2%80%99'");
    expect(lookup?.response?.status).toBe(200);
  });

  it("defect: a real built-in role the emulator does not define ('Key Vault Crypto User', then outside its eleven roles) failed as \"doesn't exist\"; a role it cannot model (a conditional one) is unsupported, and a made-up name still fails", async () => {
    const sub = h.target.handle.scenario.subscriptionId;
    const scope = `/subscriptions/${sub}/resourcegroups/mi-test`;
    const conditional = await runAzStep(azStep(`az role assignment create --assignee 9a4b6c8d-1e2f-4a3b-8c5d-6e7f8a9b0c1d --role "Key Vault Data Access Administrator" --scope "${scope}"`), ctx());
    expect(conditional.error).toMatchObject({ kind: 'unsupported', unsupported: 'not-emulated' });
    expect(conditional.error?.message).toMatch(/Key Vault Data Access Administrator' is not among the emulator's role definitions: it carries an ABAC condition/);
    const listed = await runAzStep(azStep(`az role assignment list --role "Key Vault Data Access Administrator" --scope "${scope}"`), ctx());
    expect(listed.error).toMatchObject({ kind: 'unsupported', unsupported: 'not-emulated' });
    const madeUp = await runAzStep(azStep(`az role assignment create --assignee 9a4b6c8d-1e2f-4a3b-8c5d-6e7f8a9b0c1d --role "Key Vault Crypto Usr" --scope "${scope}"`), ctx());
    expect(madeUp.error).toEqual({ kind: 'az-usage', message: "Role 'Key Vault Crypto Usr' doesn't exist." });
  });

  it('identity create GETs the group, PUTs the identity and prints the flattened resource; a client id then resolves to its principal', async () => {
    const created = await runAzStep(azStep('az identity create -g mi-test -n test-uami'), ctx());
    expect(created.error).toBeUndefined();
    expect(created.exchanges.map((e) => `${e.request.method} ${new URL(e.request.url).pathname}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GET .*\/resourcegroups\/mi-test$/), expect.stringMatching(/^PUT .*\/userAssignedIdentities\/test-uami$/)]),
    );
    expect(created.exchanges.find((e) => e.request.method === 'PUT')?.request.url).toContain('api-version=2023-01-31');
    const printed = JSON.parse(created.output?.stdout ?? '') as Record<string, string>;
    expect(Object.keys(printed)).toEqual([...Object.keys(printed)].sort());
    expect(printed).toMatchObject({ name: 'test-uami', resourceGroup: 'mi-test', type: 'Microsoft.ManagedIdentity/userAssignedIdentities' });
    expect(printed.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(printed).not.toHaveProperty('clientSecretUrl');

    const earlier = new Map<string, Observation>([['s1', { stepId: 's1', engine: 'http', startedAt: '', durationMs: 0, exchanges: [], files: [], bindings: {}, captured: {}, output: created.output! }]]);
    const sub = h.target.handle.scenario.subscriptionId;
    const assigned = await runAzStep(azStep(`az role assignment create --assignee ${printed.clientId} --role Reader --scope /subscriptions/${sub}/resourceGroups/mi-test`), ctx(earlier));
    expect(assigned.error).toBeUndefined();
    const flat = JSON.parse(assigned.output?.stdout ?? '') as Record<string, string>;
    expect(flat.principalId).toBe(printed.principalId);
    expect(flat.roleDefinitionId).toMatch(/acdd72a7-3385-48ef-bd42-f606fba81ae7$/);
    expect(assigned.substitution).toContain('client id');
  });

  it('blob upload then download with the account key: the bytes come back into the working folder', async () => {
    const account = h.target.handle.scenario.storageAccounts[0]!;
    const key = account.keys[0];
    writeFileSync(join(h.workdir, 'test.txt'), 'This is a test file.\n');
    const c = account.containers[0]!.name;
    const up = await runAzStep(azStep(`az storage blob upload -c ${c} -n test.txt -f test.txt --account-name ${account.name} --account-key ${key}`), ctx());
    expect(up.error).toBeUndefined();
    expect(up.output?.stderr).toMatch(/^Finished\[#+\]  100\.0000%\n$/);
    const printed = JSON.parse(up.output?.stdout ?? '') as Record<string, unknown>;
    expect(printed.content_md5).toBe('LSghAvpnElYyfUdn7CO8aw==');
    expect(up.exchanges[0]?.request.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1]).toMatch(/^SharedKey /);
    const down = await runAzStep(azStep(`az storage blob download -c ${c} -n test.txt -f back.txt --account-name ${account.name} --account-key ${key}`), ctx());
    expect(down.error).toBeUndefined();
    expect(readFileSync(join(h.workdir, 'back.txt'), 'utf8')).toBe('This is a test file.\n');
    const props = JSON.parse(down.output?.stdout ?? '') as { properties: { contentLength: number; contentRange: string } };
    expect(props.properties).toMatchObject({ contentLength: 21, contentRange: 'bytes None-None/21' });
    expect(h.secrets.values().map((s) => s.value)).toContain(key);
  });
});

describe('the emulator target\'s connections', () => {
  it('verifies TLS against the emulator CA: without it the same request is refused', async () => {
    const url = 'https://management.azure.com/subscriptions?api-version=2022-12-01';
    const req = { method: 'GET', url, headers: [['Host', 'management.azure.com']] as [string, string][] };
    const trusted = await send(h.target.connector, req);
    expect(trusted.exchange.response?.status).toBeGreaterThanOrEqual(400); // no token: ARM says so
    const untrusted = createConnector({ router: { route: (host, p, proto) => h.target.connector.decide(host, p, proto) } });
    try {
      const refused = await send(untrusted, req);
      expect(refused.exchange.response).toBeUndefined();
      expect(refused.error?.kind).toBe('network');
      expect(refused.error?.message).toMatch(/certificate|self.signed|UNABLE_TO|CERT/i);
    } finally {
      await untrusted.close();
    }
  });

  it('never leaves the machine: a host outside Azure is not reached (unsupported), a name no DNS answers is not found', async () => {
    const outside = await send(h.target.connector, { method: 'GET', url: 'https://example.com/', headers: [['Host', 'example.com']] });
    expect(outside.exchange.response).toBeUndefined();
    expect(outside.error).toMatchObject({ kind: 'unsupported', unsupported: 'not-emulated' });
    expect(outside.error?.message).toMatch(/example\.com is outside Azure/);
    // `https://https://…` (a doubled scheme) asks for the host "https": no machine finds it.
    const doubled = await send(h.target.connector, { method: 'GET', url: 'http://https/', headers: [['Host', 'https']] });
    expect(doubled.error).toMatchObject({ kind: 'network' });
    expect(doubled.error?.message).toMatch(/ENOTFOUND/);
    const reserved = await send(h.target.connector, { method: 'GET', url: 'https://docs.example/', headers: [['Host', 'docs.example']] });
    expect(reserved.error?.message).toMatch(/ENOTFOUND/);
  });
});

describe('the CLI token cache', () => {
  it('fetches once per resource, refreshes on az login, and turns a credential failure into a CliTokenError', async () => {
    let calls = 0;
    const sink = new RunSecrets();
    const cache = new TokenCache(
      {
        account: h.target.cli.account,
        getToken: async (resource) => {
          calls += 1;
          if (resource === 'bad') throw new Error('AADSTS7000215: Invalid client secret provided.');
          return { token: `token-${calls}-for-${resource}`, expiresOn: new Date(Date.now() + 3_600_000), exchanges: [] };
        },
      },
      sink,
    );
    const a = await cache.get('https://management.core.windows.net/');
    const b = await cache.get('https://management.core.windows.net/');
    expect([a.fresh, b.fresh, b.token.token, calls]).toEqual([true, false, a.token.token, 1]);
    expect((await cache.refresh('https://management.core.windows.net/')).token).not.toBe(a.token.token);
    expect(sink.values().map((s) => s.value)).toContain(a.token.token);
    await expect(cache.get('bad')).rejects.toBeInstanceOf(CliTokenError);
    await expect(cache.get('bad')).rejects.toThrow(/could not get a token for bad .*AADSTS7000215/);
  });
});
