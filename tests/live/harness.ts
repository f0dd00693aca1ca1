// The emulator configured as the cloud for the live code path: a scenario with a CI service
// principal (client secret and a GitHub-style federated credential, Owner of the subscription), and
// the environment a live run would read, whose only difference from Azure is TC_RESOLVE (this
// machine has no DNS for Azure's names) and TC_CA_FILE (the emulator's CA).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, SignJWT, type JWK } from 'jose';
import { defaultScenario } from '../../src/tutorials/scenario.ts';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.ts';
import type { Scenario } from '../../src/emulator/scenario.ts';

export const CI_PRINCIPAL = { principalId: '5b0f1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', clientId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' };
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const GITHUB_SUBJECT = 'repo:example/tutorial-conformance:ref:refs/heads/main';

export interface LiveHarness {
  handle: EmulatorHandle;
  scenario: Scenario;
  clientSecret: string;
  /** Environment for loadLiveConfig / a child process: the emulator as the cloud. */
  env: Record<string, string>;
  oidc: GitHubOidcStandIn;
  close(): Promise<void>;
}

export interface GitHubOidcStandIn {
  url: string;
  requestToken: string;
  requests: number;
  jwk: JWK;
  close(): Promise<void>;
}

/**
 * GitHub Actions' OIDC token endpoint (not an Azure service, so not the emulator's): answers
 * `GET <url>&audience=…` with bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN by a signed JWT.
 */
export async function startGitHubOidc(): Promise<GitHubOidcStandIn> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'gh-test', alg: 'RS256', use: 'sig' };
  const requestToken = randomBytes(24).toString('base64url');
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    state.requests += 1;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.headers.authorization !== `bearer ${requestToken}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"bad request token"}');
      return;
    }
    const audience = url.searchParams.get('audience') ?? 'https://github.com/example';
    void new SignJWT({ repository: 'example/tutorial-conformance', ref: 'refs/heads/main' })
      .setProtectedHeader({ alg: 'RS256', kid: 'gh-test', typ: 'JWT' })
      .setIssuer(GITHUB_ISSUER)
      .setSubject(GITHUB_SUBJECT)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)
      .then((value) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: 1, value })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/_apis/distributedtask/hubs/build/plans/1/jobs/1/idtoken?api-version=2.0`,
    requestToken,
    get requests() {
      return state.requests;
    },
    jwk,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startLiveHarness(opts: { extraEnv?: Record<string, string> } = {}): Promise<LiveHarness> {
  const oidc = await startGitHubOidc();
  const clientSecret = randomBytes(24).toString('base64url');
  const base = defaultScenario();
  const scenario: Scenario = {
    ...base,
    principals: [
      ...base.principals,
      {
        ...CI_PRINCIPAL,
        displayName: 'nightly CI',
        kind: 'ServicePrincipal',
        clientSecret,
        federatedIssuer: GITHUB_ISSUER,
        federatedSubject: GITHUB_SUBJECT,
        assertionKeys: [oidc.jwk as Record<string, unknown>],
      },
    ],
    roleAssignments: [
      ...base.roleAssignments,
      { principalId: CI_PRINCIPAL.principalId, role: 'Owner', scope: `/subscriptions/${base.subscriptionId}`, principalType: 'ServicePrincipal', name: 'd0c1b2a3-9f8e-4d7c-8b6a-5f4e3d2c1b0a' },
    ],
  };
  const handle = await startEmulator({ scenario });
  const https = new URL(handle.httpsUrl).port;
  const http = new URL(handle.httpUrl).port;
  const env: Record<string, string> = {
    AZURE_SUBSCRIPTION_ID: scenario.subscriptionId,
    AZURE_TENANT_ID: scenario.tenantId,
    AZURE_CLIENT_ID: CI_PRINCIPAL.clientId,
    AZURE_CLIENT_SECRET: clientSecret,
    TC_TOKEN_SOURCE: 'client-secret',
    TC_LOCATION: 'westus',
    TC_NAME_PREFIX: 'tc',
    // login.windows.net, not the default host: the authority really comes from configuration.
    AZURE_AUTHORITY_HOST: 'https://login.windows.net',
    TC_CA_FILE: handle.caPath,
    TC_RESOLVE: [
      `management.azure.com=127.0.0.1:${https}`,
      `login.windows.net=127.0.0.1:${https}`,
      `login.microsoftonline.com=127.0.0.1:${https}`,
      `*.blob.core.windows.net=127.0.0.1:${https}`,
      `*.vault.azure.net=127.0.0.1:${https}`,
      `169.254.169.254=127.0.0.1:${http}`,
    ].join(','),
    TC_RETRY_BASE_DELAY: '20ms',
    TC_RETRY_MAX_DELAY: '3s',
    TC_RBAC_PROPAGATION_TIMEOUT: '20s',
    TC_LRO_TIMEOUT: '30s',
    TC_IMDS_PROBE_TIMEOUT: '2s',
    ...opts.extraEnv,
  };
  return {
    handle,
    scenario,
    clientSecret,
    env,
    oidc,
    async close() {
      await handle.close();
      await oidc.close();
    },
  };
}
