import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, describeConfig, loadLiveConfig, parseDuration } from '../../src/config.ts';
import { ToolError } from '../../src/errors.ts';

const SUB = '11111111-2222-4333-8444-555555555555';
const TENANT = '66666666-7777-4888-9999-000000000000';
const CLIENT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

function load(env: Record<string, string>, envFileText?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tc-config-'));
  if (envFileText !== undefined) writeFileSync(join(dir, '.env'), envFileText);
  return loadLiveConfig({ env, cwd: dir });
}

function configError(fn: () => unknown): ToolError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ToolError) return err;
    throw err;
  }
  throw new Error('expected a ToolError');
}

describe('live configuration', () => {
  it('uses Azure public-cloud defaults and validates the required ids', () => {
    const config = load({ AZURE_SUBSCRIPTION_ID: SUB, AZURE_TENANT_ID: TENANT });
    expect(config.cloud).toEqual({
      arm: 'https://management.azure.com',
      armAudience: 'https://management.azure.com/',
      authorityHost: 'https://login.microsoftonline.com',
      imds: 'http://169.254.169.254',
      storageSuffix: 'core.windows.net',
      keyVaultSuffix: 'vault.azure.net',
      dataLakeSuffix: 'azuredatalakestore.net',
    });
    expect(config.tokens.kind).toBe('auto');
    expect(config.provisioning.runId).toMatch(/^[a-z0-9]{8}$/);
    expect(config.retry).toEqual({ maxRetries: 5, baseDelayMs: 2000, maxDelayMs: 60_000 });
  });

  it('names each missing or invalid variable with what to set, as E_CONFIG exit 2', () => {
    const err = configError(() => load({ AZURE_TENANT_ID: 'not-a-guid', TC_NAME_PREFIX: 'Bad_Prefix' }));
    expect(err.code).toBe('E_CONFIG');
    expect(err.exitCode).toBe(2);
    expect(err.message).toMatch(/AZURE_SUBSCRIPTION_ID is not set; set it to the test subscription id/);
    expect(err.message).toMatch(/AZURE_TENANT_ID is invalid: must be a GUID/);
    expect(err.message).toMatch(/TC_NAME_PREFIX is invalid: must be 2–8 lower-case letters/);
  });

  it('reads .env under the environment, and the environment wins', () => {
    const config = load({ AZURE_TENANT_ID: TENANT, TC_LOCATION: 'northeurope' }, `AZURE_SUBSCRIPTION_ID=${SUB}\nAZURE_TENANT_ID=${SUB}\nTC_LOCATION=eastus\n`);
    expect(config.provisioning.subscriptionId).toBe(SUB);
    expect(config.provisioning.tenantId).toBe(TENANT);
    expect(config.provisioning.location).toBe('northeurope');
  });

  it('requires the secret for client-secret and the GitHub variables for federated, naming them', () => {
    const base = { AZURE_SUBSCRIPTION_ID: SUB, AZURE_TENANT_ID: TENANT, AZURE_CLIENT_ID: CLIENT };
    expect(configError(() => load({ ...base, TC_TOKEN_SOURCE: 'client-secret' })).message).toMatch(/needs AZURE_CLIENT_SECRET/);
    expect(configError(() => load({ ...base, TC_TOKEN_SOURCE: 'federated' })).message).toMatch(/needs ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN/);
    const secret = 'super-secret-value-123';
    const config = load({ ...base, TC_TOKEN_SOURCE: 'client-secret', AZURE_CLIENT_SECRET: secret });
    expect(config.tokens).toMatchObject({ kind: 'client-secret', clientId: CLIENT, tenantId: TENANT });
    expect(JSON.stringify(describeConfig(config))).not.toContain(secret);
    expect(describeConfig(config).clientSecret).toBe('set');
  });

  it('rejects an unknown token source and a bad endpoint with the variable name', () => {
    const base = { AZURE_SUBSCRIPTION_ID: SUB, AZURE_TENANT_ID: TENANT };
    expect(configError(() => load({ ...base, TC_TOKEN_SOURCE: 'password' })).message).toMatch(/TC_TOKEN_SOURCE is invalid.*set one of auto, imds, azure-cli, client-secret, federated/);
    expect(configError(() => load({ ...base, TC_ARM_ENDPOINT: 'https://management.azure.com/subscriptions' })).message).toMatch(/TC_ARM_ENDPOINT is invalid: must be an origin only/);
    expect(configError(() => load({ ...base, TC_IMDS_ENDPOINT: 'https://169.254.169.254' })).message).toMatch(/TC_IMDS_ENDPOINT is invalid: must use http/);
    expect(configError(() => load({ ...base, TC_RESOLVE: 'management.azure.com' })).message).toMatch(/TC_RESOLVE entry 'management.azure.com' is invalid/);
    expect(configError(() => load({ ...base, TC_CA_FILE: '/nonexistent/ca.pem' })).message).toMatch(/TC_CA_FILE: cannot read/);
  });

  it('parses host overrides, durations and the CA file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-config-'));
    writeFileSync(join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = loadLiveConfig({
      cwd: dir,
      env: { AZURE_SUBSCRIPTION_ID: SUB, AZURE_TENANT_ID: TENANT, TC_RESOLVE: '*.Blob.core.windows.net=127.0.0.1:8443, management.azure.com=[::1]:9443', TC_CA_FILE: 'ca.pem', TC_LRO_TIMEOUT: '2m' },
    });
    expect(config.network.resolve).toEqual([
      { pattern: '*.blob.core.windows.net', address: '127.0.0.1', port: 8443 },
      { pattern: 'management.azure.com', address: '::1', port: 9443 },
    ]);
    expect(config.network.caPem).toContain('BEGIN CERTIFICATE');
    expect(config.provisioning.lroTimeoutMs).toBe(120_000);
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('documents every variable it reads in .env.example', () => {
    const example = readFileSync(resolve(import.meta.dirname, '../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const name of CONFIG_VARIABLES) expect(documented, `${name} missing from .env.example`).toContain(name);
    for (const name of documented) expect(CONFIG_VARIABLES, `${name} documented but not read`).toContain(name);
  });
});
