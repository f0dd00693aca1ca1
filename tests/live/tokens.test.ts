// Token sources against the emulator configured as the cloud: real client-credentials calls to its
// Entra (secret and GitHub-style federated assertion), the real IMDS request, and `az` through
// execa (a stand-in script, since the Azure CLI is not installed here).
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { loadLiveConfig } from '../../src/config.ts';
import { createLiveDispatcher, type LiveDispatcher } from '../../src/live/http.ts';
import { createTokenSource, substitutionNote, TokenSourceError } from '../../src/live/tokens/index.ts';
import { startImdsSubstitute, SUBSTITUTION_HEADER } from '../../src/live/imds-substitute.ts';
import { request } from 'undici';
import { CI_PRINCIPAL, startLiveHarness, type LiveHarness } from './harness.ts';

let h: LiveHarness;
const open: LiveDispatcher[] = [];

function setup(env: Record<string, string>) {
  const config = loadLiveConfig({ env: { ...h.env, ...env }, envFile: null });
  const http = createLiveDispatcher(config.network, config.retry);
  open.push(http);
  return { config, http };
}

beforeAll(async () => {
  h = await startLiveHarness();
});
afterAll(async () => {
  await Promise.all(open.map((d) => d.close()));
  await h?.close();
});

describe('token sources against the emulator as the cloud', () => {
  it('client secret: a real v2 client-credentials token for ARM, cached until near expiry', async () => {
    const { config, http } = setup({});
    const source = await createTokenSource(config.tokens, http);
    expect(source.kind).toBe('client-secret');
    const token = await source.getToken({ resource: 'https://management.azure.com/' });
    const claims = decodeJwt(token.accessToken);
    expect(claims.oid).toBe(CI_PRINCIPAL.principalId);
    expect(claims.aud).toBe('https://management.azure.com/');
    expect(token.expiresOn.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(await h.handle.tokens.verify(token.accessToken)).toMatchObject({ ok: true });
    const again = await source.getToken({ resource: 'https://management.azure.com/' });
    expect(again.accessToken).toBe(token.accessToken);
  });

  it('client secret: a wrong secret fails naming the settings, never echoing the secret', async () => {
    const wrong = 'definitely-not-the-secret-0123456789';
    const { config, http } = setup({ AZURE_CLIENT_SECRET: wrong });
    const source = await createTokenSource(config.tokens, http);
    const err = await source.getToken({ resource: 'https://vault.azure.net' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenSourceError);
    expect((err as Error).message).toMatch(/invalid_client.*AADSTS7000215.*check AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET/);
    expect((err as Error).message).not.toContain(wrong);
  });

  it('federated: GitHub OIDC token (audience api://AzureADTokenExchange) exchanged as a client assertion', async () => {
    const before = h.oidc.requests;
    const { config, http } = setup({ TC_TOKEN_SOURCE: 'federated', AZURE_CLIENT_SECRET: '', ACTIONS_ID_TOKEN_REQUEST_URL: h.oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.oidc.requestToken });
    const source = await createTokenSource(config.tokens, http);
    expect(source.kind).toBe('federated');
    const token = await source.getToken({ resource: 'https://storage.azure.com/' });
    expect(decodeJwt(token.accessToken)).toMatchObject({ oid: CI_PRINCIPAL.principalId, aud: 'https://storage.azure.com/' });
    expect(token.source).toBe('federated');
    expect(h.oidc.requests).toBe(before + 1);
  });

  it('federated: a token for another audience is refused by Entra (no matching federated credential)', async () => {
    const { config, http } = setup({ TC_TOKEN_SOURCE: 'federated', TC_OIDC_AUDIENCE: 'https://github.com/example', ACTIONS_ID_TOKEN_REQUEST_URL: h.oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.oidc.requestToken });
    const source = await createTokenSource(config.tokens, http);
    await expect(source.getToken({ resource: 'https://management.azure.com/' })).rejects.toThrow(/AADSTS70021.*federated credential/);
  });

  it('imds: the real IMDS request, and auto picks IMDS when /metadata/instance answers', async () => {
    const { config, http } = setup({ TC_TOKEN_SOURCE: 'imds' });
    const source = await createTokenSource(config.tokens, http);
    const token = await source.getToken({ resource: 'https://management.azure.com/' });
    const vm = h.scenario.vm.systemAssigned;
    expect(decodeJwt(token.accessToken).oid).toBe(vm?.principalId);
    const auto = await createTokenSource(setup({ TC_TOKEN_SOURCE: 'auto' }).config.tokens, http);
    expect(auto.kind).toBe('imds');
  });

  it('auto on a VM without a managed identity (a GitHub-hosted runner): IMDS answers, but not with a token, so not IMDS', async () => {
    const vm = h.handle.state.data.vm;
    const saved = vm.systemAssigned;
    vm.systemAssigned = null;
    try {
      const s = setup({ TC_TOKEN_SOURCE: 'auto' });
      expect((await createTokenSource(s.config.tokens, s.http)).kind).toBe('client-secret');
    } finally {
      vm.systemAssigned = saved;
    }
  });

  it('auto off a VM: IMDS unreachable → federated when GitHub variables exist, else client secret', async () => {
    // 127.0.0.2:9 has nothing listening: the probe fails fast like a laptop without IMDS.
    const offVm = { TC_TOKEN_SOURCE: 'auto', TC_IMDS_ENDPOINT: 'http://127.0.0.2:9' };
    expect((await createTokenSource(setup(offVm).config.tokens, setup(offVm).http)).kind).toBe('client-secret');
    const gh = { ...offVm, ACTIONS_ID_TOKEN_REQUEST_URL: h.oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: h.oidc.requestToken };
    const s = setup(gh);
    expect((await createTokenSource(s.config.tokens, s.http)).kind).toBe('federated');
  });

  it('azure-cli: runs `az account get-access-token --resource … -o json` and reads expires_on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-az-'));
    const az = join(dir, 'az');
    // Prints what az 2.5x prints, and records its argv so the test sees the exact command line.
    writeFileSync(
      az,
      `#!/usr/bin/env node
const fs = require('node:fs');
fs.writeFileSync(${JSON.stringify(join(dir, 'argv.json'))}, JSON.stringify(process.argv.slice(2)));
if (process.argv.includes('https://denied.example/')) { process.stderr.write("ERROR: Please run 'az login' to setup account.\\n"); process.exit(1); }
process.stdout.write(JSON.stringify({ accessToken: 'eyJ0eXAiOiJKV1QifQ.e30.c2ln', expiresOn: '2030-01-01 00:00:00.000000', expires_on: 1893456000, subscription: 's', tenant: 't', tokenType: 'Bearer' }, null, 2));
`,
    );
    chmodSync(az, 0o755);
    const { config, http } = setup({ TC_TOKEN_SOURCE: 'azure-cli', TC_AZ_COMMAND: az });
    const source = await createTokenSource(config.tokens, http);
    const token = await source.getToken({ resource: 'https://vault.azure.net' });
    expect(token.expiresOn.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(token.source).toBe('azure-cli');
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(join(dir, 'argv.json'), 'utf8'))).toEqual(['account', 'get-access-token', '--resource', 'https://vault.azure.net', '--tenant', h.scenario.tenantId, '-o', 'json']);
    await expect(source.getToken({ resource: 'https://denied.example/' })).rejects.toThrow(/Please run 'az login'.*run 'az login'/);
    const missing = setup({ TC_TOKEN_SOURCE: 'azure-cli', TC_AZ_COMMAND: join(dir, 'no-such-az') });
    await expect((await createTokenSource(missing.config.tokens, missing.http)).getToken({ resource: 'https://vault.azure.net' })).rejects.toThrow(/was not found; install the Azure CLI or set TC_AZ_COMMAND/);
  });

  it('says in the report what stood in for IMDS', () => {
    expect(substitutionNote('imds', { resource: 'r' })).toBeUndefined();
    expect(substitutionNote('federated', { resource: 'https://management.azure.com/', clientId: 'abc' })).toMatch(/GitHub Actions OIDC.*user-assigned identity abc cannot be selected/);
  });

  it('the IMDS stand-in answers like IMDS: Metadata required, resource echoed byte for byte, strings, marked as substituted', async () => {
    const { config, http } = setup({});
    const source = await createTokenSource(config.tokens, http);
    const imds = await startImdsSubstitute(source);
    try {
      const base = `http://${imds.address}:${imds.port}/metadata/identity/oauth2/token?api-version=2018-02-01`;
      const noHeader = await request(`${base}&resource=https://vault.azure.net`);
      expect(noHeader.statusCode).toBe(400);
      expect(await noHeader.body.json()).toEqual({ error: 'invalid_request', error_description: 'Required metadata header not specified' });
      const ok = await request(`${base}&resource=https://vault.azure.net`, { headers: { metadata: 'true' } });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers[SUBSTITUTION_HEADER]).toMatch(/client credentials with a client secret/);
      const body = (await ok.body.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['access_token', 'client_id', 'expires_in', 'expires_on', 'ext_expires_in', 'not_before', 'resource', 'token_type']);
      expect(Object.values(body).every((v) => typeof v === 'string')).toBe(true);
      expect(body).toMatchObject({ resource: 'https://vault.azure.net', client_id: CI_PRINCIPAL.clientId, token_type: 'Bearer' });
      expect(decodeJwt(body.access_token as string).aud).toBe('https://vault.azure.net');
      expect(Number(body.expires_on) - Math.floor(Date.now() / 1000) - Number(body.expires_in)).toBeLessThanOrEqual(1);
      const unknown = await request(`${base}&resource=https://unknown.example/`, { headers: { metadata: 'true' } });
      expect(unknown.statusCode).toBe(400);
      expect(((await unknown.body.json()) as { error_description: string }).error_description).toMatch(/token source client-secret: .*AADSTS500011/);
      expect(imds.served).toBe(1);
    } finally {
      await imds.close();
    }
  });
});

describe('IMDS substitute body', () => {
  it('expires_on is the token\'s exp, not the token source\'s reckoning a second short of it (defect: flaky expires_on drift live)', async () => {
    const { SignJWT } = await import('jose');
    const { imdsTokenBody } = await import('../../src/live/imds-substitute.ts');
    const exp = 1_796_565_138;
    const accessToken = await new SignJWT({ appid: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(new TextEncoder().encode('k'.repeat(32)));
    const body = imdsTokenBody({ accessToken, expiresOn: new Date((exp - 1) * 1000 + 400), source: 'client-secret' }, { resource: 'https://storage.azure.com/' }, new Date((exp - 3600) * 1000));
    expect(body.expires_on).toBe(String(exp));
    expect(body.expires_in).toBe('3600');
  });
});
