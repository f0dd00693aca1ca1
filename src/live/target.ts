// The live Azure target: provisions each tutorial's World (what the page states, assumes or its
// sidecar gives, as the emulator seeds it: scenarioForWorld over a base of the run's own group), hands the runner a connector that sends the
// tutorials' URLs to the cloud as written (only TC_RESOLVE overrides and the IMDS substitute change
// where a connection goes), and tears everything down on close — also on Ctrl-C/SIGTERM, where it
// exits 130/143 after teardown.
import { rootCertificates } from 'node:tls';
import { describeConfig, type LiveConfig } from '../config.ts';
import { ToolError } from '../errors.ts';
import { baseScenario, ROLE_NAMES } from '../emulator/default-scenario.ts';
import { Scenario } from '../emulator/scenario.ts';
import { scenarioForWorld } from '../emulator/world-seed.ts';
import { defaultScenario } from '../tutorials/scenario.ts';
import { createConnector, type ConnectDecision, type Connector } from '../run/http/connector.ts';
import type { CliCredential, ResetOutcome, Target } from '../run/target.ts';
import type { Role } from '../world/roles.ts';
import type { World } from '../world/types.ts';
import { pageCreationRecorder } from './page-creations.ts';
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
  /**
   * What to provision before the first tutorial and on a reset without a World, its names made the
   * run's own; without it, the run's group alone (each tutorial's World is provisioned by reset).
   */
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

/**
 * The live counterpart of the emulator's base scenario: the run's own resource group in the test
 * subscription stands where the emulator's VM group stands; no role assignment (the runner's real
 * rights are its own). A World's resources named by role get the run-unique names of liveRoleNames.
 */
export function liveBaseScenario(config: LiveConfig): Scenario {
  const base = baseScenario();
  const { subscriptionId, location } = config.provisioning;
  const group = runGroupName(config);
  return Scenario.parse({
    ...base,
    subscriptionId,
    location,
    resourceGroups: [{ name: group, location, tags: {} }],
    vm: { ...base.vm, resourceGroup: group, location },
    roleAssignments: [],
  });
}

function runGroupName(config: LiveConfig): string {
  return `${config.provisioning.prefix}-${config.provisioning.runId}-${ROLE_NAMES['resource-group'] ?? 'rg'}`.slice(0, 90);
}

/**
 * The live target's answer for each role: the emulator's names, except where Azure needs a name the
 * run owns — the group (per subscription) and storage accounts and vaults (global DNS names).
 * A page's literal names are not these: they are used as written (see provision.ts, `unavailable`).
 */
export function liveRoleNames(config: LiveConfig): Partial<Record<Role, string>> {
  const { prefix, runId, subscriptionId, tenantId, location } = config.provisioning;
  const group = runGroupName(config);
  return {
    ...ROLE_NAMES,
    'subscription-id': subscriptionId,
    'tenant-id': tenantId,
    location,
    'resource-group': group,
    // The shapes plan.ts gives the default scenario's one account, vault and identity (its `values`).
    'storage-account': `${prefix}${runId}st`,
    vault: `${prefix}${runId}kv`,
    'identity-name': `${prefix}-${runId}-${ROLE_NAMES['identity-name'] ?? 'identity'}`.slice(0, 128),
    scope: `/subscriptions/${subscriptionId}/resourceGroups/${group}`,
  };
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
  const liveBase = liveBaseScenario(config);
  const planFor = (world: World | undefined): ProvisioningPlan =>
    world === undefined && opts.scenario !== undefined
      ? buildProvisioningPlan(opts.scenario, { config: config.provisioning, cloud: config.cloud, now: new Date() })
      : buildProvisioningPlan(world === undefined ? liveBase : scenarioForWorld(liveBase, world), { config: config.provisioning, cloud: config.cloud, now: new Date(), naming: 'as-given' });
  let plan = planFor(undefined);
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
  // What the tutorials' own requests create (a page's `az group create`) goes into the ledger.
  const recorder = pageCreationRecorder({ ledger: session.ledger, armHost: new URL(config.cloud.arm).hostname, location: config.provisioning.location, log });
  const connector: Connector = {
    ...routed,
    agent: routed.agent.compose(retryInterceptor(config.retry, { onRetry: session.http.observer.onRetry, onGiveUp: session.http.observer.onGiveUp }), recorder),
  };

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

  // The placeholder names the emulator target answers (its default scenario's values), with the
  // names made this run's as liveRoleNames makes them: both targets bind the same placeholders.
  const named = buildProvisioningPlan(defaultScenario(), { config: config.provisioning, cloud: config.cloud, now: new Date() }).values;
  const values: Record<string, string> = { ...environment.values, ...named, SUBSCRIPTION_ID: config.provisioning.subscriptionId };
  const knownSecrets = [...environment.secrets];
  // False until the first tutorial has run: its reset provisions on top of the start's provisioning.
  let ran = false;
  const t = config.tokens;
  if (t.kind === 'client-secret') knownSecrets.push({ value: t.clientSecret, label: 'AZURE_CLIENT_SECRET' });
  if (t.kind === 'auto' && t.clientSecret) knownSecrets.push({ value: t.clientSecret.clientSecret, label: 'AZURE_CLIENT_SECRET' });

  return {
    name: 'azure',
    session,
    get environment() {
      return environment;
    },
    imds,
    connector,
    values,
    get plan() {
      return plan;
    },
    roleValues: { ...liveRoleNames(config), 'principal-id': environment.runner.objectId, 'object-id': environment.runner.objectId },
    knownSecrets,
    cli,
    async reset(world?: World): Promise<ResetOutcome> {
      // Each tutorial meets its World and nothing else, as on the emulator (which starts fresh per
      // World): what the previous tutorial's World provisioned and its own commands created (the
      // ledger) is deleted first, unless nothing has run since the target was provisioned.
      if (ran) {
        const gone = await teardown(session.ledger, { arm: session.arm, log: (l) => log(`between tutorials: ${l}`) });
        for (const w of gone.warnings) log(`warning: ${w}`);
        if (gone.failed.length > 0) {
          const why = `what the previous tutorial had could not be deleted (${gone.failed.map((f) => `${f.id}: ${f.error}`).join('; ')}), so this tutorial would not meet its own world`;
          log(`warning: ${why}`);
          return { unavailable: [], failed: why };
        }
      }
      ran = true;
      try {
        plan = planFor(world);
        environment = await provision(plan, session.ledger, provisionDeps(world !== undefined));
      } catch (err) {
        provisioning.signal.throwIfAborted();
        // One page's world (a literal name Azure rejects, a throttled region) never stops the others.
        const why = `provisioning this tutorial's world failed: ${(err as Error).message}`;
        log(`warning: ${why}`);
        return { unavailable: [], failed: why };
      }
      for (const s of environment.secrets) if (!knownSecrets.some((k) => k.value === s.value)) knownSecrets.push(s);
      return { unavailable: environment.unavailable.map((u) => ({ name: u.name, why: u.why })) };
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
