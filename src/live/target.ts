// The live Azure target: provisions what the tutorials' portal steps would have created (from the
// emulator scenario's shape, renamed per run), hands the runner a connector that sends the
// tutorials' URLs to the cloud as written (only TC_RESOLVE overrides and the IMDS substitute change
// where a connection goes), and tears everything down on close — also on Ctrl-C/SIGTERM, where it
// exits 130/143 after teardown.
import { rootCertificates } from 'node:tls';
import { describeConfig, type LiveConfig } from '../config.ts';
import { ToolError } from '../errors.ts';
import { defaultScenario } from '../tutorials/scenario.ts';
import type { Scenario } from '../emulator/scenario.ts';
import { createConnector, type ConnectDecision, type Connector } from '../run/http/connector.ts';
import type { CliCredential, Target } from '../run/target.ts';
import { createArmClient } from './arm/client.ts';
import { resolveOverride } from './http.ts';
import { retryInterceptor } from './retry.ts';
import { startImdsSubstitute, type ImdsSubstitute } from './imds-substitute.ts';
import { installSignalTeardown, once, type LifecycleOptions } from './lifecycle.ts';
import { buildProvisioningPlan, type ProvisioningPlan } from './provision/plan.ts';
import { provision, type ProvisionedEnvironment } from './provision/provision.ts';
import { teardown, type TeardownResult } from './provision/teardown.ts';
import { openLiveSession, type LiveSession } from './session.ts';

const IMDS_HOST = '169.254.169.254';

export interface AzureTargetOptions {
  /** What to provision; the emulator's default scenario unless a test says otherwise. */
  scenario?: Scenario;
  log?: (line: string) => void;
  /** Signal handling (tests pass their own process stand-in or disable it). */
  signals?: Pick<LifecycleOptions, 'proc' | 'log'> | false;
  pollIntervalMs?: number;
}

export interface AzureTarget extends Target {
  name: 'azure';
  session: LiveSession;
  plan: ProvisioningPlan;
  environment: ProvisionedEnvironment;
  /** Undefined when the token source is the real IMDS (running on a VM). */
  imds: ImdsSubstitute | undefined;
  /** The teardown's result once close() has run. */
  teardownResult(): TeardownResult | undefined;
}

function tlsRoots(caPem: string | undefined): string | undefined {
  // The connector's `ca` replaces Node's roots; keep them, the extra CA comes on top.
  return caPem === undefined ? undefined : [...rootCertificates, caPem].join('\n');
}

export async function createAzureTarget(config: LiveConfig, opts: AzureTargetOptions = {}): Promise<AzureTarget> {
  const print = opts.log ?? ((line: string) => process.stderr.write(`[azure] ${line}\n`));
  // Kept for the report as well: a nightly's reader sees what was provisioned and what teardown
  // left (stderr is gone with the CI log).
  const notes: string[] = [];
  const log = (line: string): void => {
    notes.push(line);
    print(line);
  };
  const session = await openLiveSession(config, {
    ...(opts.pollIntervalMs !== undefined ? { pollIntervalMs: opts.pollIntervalMs } : {}),
    onRetry: (e) => log(`retry ${e.retry} of ${e.method} ${new URL(e.url).host}${new URL(e.url).pathname} after ${'status' in e.cause ? e.cause.status : e.cause.code}, waiting ${e.delayMs} ms`),
  });
  const plan = buildProvisioningPlan(opts.scenario ?? defaultScenario(), { config: config.provisioning, cloud: config.cloud, now: new Date() });
  let result: TeardownResult | undefined;
  let imds: ImdsSubstitute | undefined;
  // Provisioning stops (in-flight calls aborted, no further PUTs) the moment teardown starts, so a
  // signal during provisioning cannot create something after teardown has looked. Teardown itself
  // uses the session's client, which this signal does not touch.
  const provisioning = new AbortController();
  const provisioningArm = createArmClient({
    endpoint: config.cloud.arm,
    audience: config.cloud.armAudience,
    dispatcher: session.http.dispatcher,
    tokens: session.tokens,
    lroTimeoutMs: config.provisioning.lroTimeoutMs,
    ...(opts.pollIntervalMs !== undefined ? { pollIntervalMs: opts.pollIntervalMs } : {}),
    signal: provisioning.signal,
  });
  const provisionDeps = (withLog: boolean) => ({
    arm: provisioningArm,
    tokens: session.tokens,
    cloud: config.cloud,
    dispatcher: session.http.dispatcher,
    propagationTimeoutMs: config.provisioning.propagationTimeoutMs,
    signal: provisioning.signal,
    ...(withLog ? { log: (l: string) => log(`provisioned ${l}`) } : {}),
  });
  // Bounded: a hanging cloud must not keep a cancelled CI job (or a Ctrl-C) waiting forever; the
  // group deletes and their polling fit in twice the LRO limit, and sweep finishes anything left.
  const cleanup = once(async () => {
    provisioning.abort(new Error('teardown started'));
    if (config.provisioning.keepResources) {
      log(`TC_KEEP_RESOURCES=true: leaving ${session.ledger.resourceGroups.join(', ') || 'nothing'} for 'sweep --run-id ${plan.runId}'`);
    } else {
      result = await teardown(session.ledger, { arm: session.arm, log });
      for (const w of result.warnings) log(`warning: ${w}`);
      for (const f of result.failed) log(`teardown could not delete ${f.id}: ${f.error}; 'tutorial-conformance sweep --run-id ${plan.runId} --older-than 0s' will retry`);
    }
    await imds?.close();
    // Teardown is done; a provisioning request a signal interrupted must not hold the exit.
    await session.destroy();
  }, 2 * config.provisioning.lroTimeoutMs);
  const signals = opts.signals === false ? undefined : installSignalTeardown(cleanup, { log, ...(opts.signals ?? {}) });

  let environment: ProvisionedEnvironment;
  try {
    const shown = describeConfig(config);
    log(`run ${shown.runId} in subscription ${shown.subscription} (${shown.location}), tokens from ${session.tokens.kind}, ARM ${shown.arm}`);
    for (const note of plan.notes) log(`note: ${note}`);
    environment = await provision(plan, session.ledger, provisionDeps(true));
    if (session.tokens.kind !== 'imds') imds = await startImdsSubstitute(session.tokens);
  } catch (err) {
    await cleanup().catch((e: unknown) => log(`teardown after failed provisioning: ${(e as Error).message}`));
    signals?.dispose();
    throw new ToolError('E_TARGET', `provisioning the live target failed: ${(err as Error).message}`, { cause: err });
  }

  const route = (host: string, port: number): ConnectDecision => {
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    if (h === IMDS_HOST && imds !== undefined) return { kind: 'connect', host: imds.address, port: imds.port };
    const override = resolveOverride(config.network, h);
    if (override !== undefined) return { kind: 'connect', host: override.address, port: override.port };
    return { kind: 'connect', host: h, port };
  };
  const ca = tlsRoots(config.network.caPem);
  const routed = createConnector({ router: { route }, ...(ca !== undefined ? { ca } : {}) });
  // The tutorials' own requests get the same retry policy as provisioning: a throttled or reset
  // request is retried (and logged), and the step is judged on the answer after the retries.
  const connector: Connector = { ...routed, agent: routed.agent.compose(retryInterceptor(config.retry, { onRetry: session.http.observer.onRetry, onGiveUp: session.http.observer.onGiveUp })) };

  const cli: CliCredential = {
    account: {
      subscriptionId: config.provisioning.subscriptionId,
      subscriptionName: `tutorial-conformance ${plan.runId}`,
      tenantId: config.provisioning.tenantId,
      user: environment.runner.objectId,
      userType: environment.runner.principalType === 'User' ? 'user' : 'servicePrincipal',
    },
    async getToken(resource) {
      const token = await session.tokens.getToken({ resource });
      return { token: token.accessToken, expiresOn: token.expiresOn, exchanges: [], note: `az commands use the run's ${token.source} token (the live target's own credential), not an interactive az login` };
    },
  };

  const values: Record<string, string> = { ...environment.values, SUBSCRIPTION_ID: config.provisioning.subscriptionId };
  const knownSecrets = [...environment.secrets];
  const t = config.tokens;
  if (t.kind === 'client-secret') knownSecrets.push({ value: t.clientSecret, label: 'AZURE_CLIENT_SECRET' });
  if (t.kind === 'auto' && t.clientSecret) knownSecrets.push({ value: t.clientSecret.clientSecret, label: 'AZURE_CLIENT_SECRET' });

  return {
    name: 'azure',
    session,
    plan,
    get environment() {
      return environment;
    },
    imds,
    connector,
    values,
    roleValues: { 'subscription-id': config.provisioning.subscriptionId, 'tenant-id': config.provisioning.tenantId, location: config.provisioning.location },
    knownSecrets,
    cli,
    async reset() {
      // Put back what a tutorial may have changed (blob content, secret, grants): provisioning is idempotent.
      environment = await provision(plan, session.ledger, provisionDeps(false));
    },
    async close() {
      try {
        await connector.close();
        await cleanup();
      } finally {
        signals?.dispose();
      }
    },
    teardownResult: () => result,
    notes: () => [...notes],
  };
}
