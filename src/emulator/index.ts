// The embedded Azure emulator: one process, two loopback listeners, a host router over one module
// per service, state from a scenario. Clients keep the tutorial's URLs and Host headers; only the TCP
// connection is redirected (`route()`, curl's --connect-to, or the proxy mode).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultScenario } from '../tutorials/scenario.ts';
import { createFaultEngine, type FaultController } from './faults.ts';
import { createRbac } from './rbac.ts';
import { createRouter } from './router.ts';
import type { Scenario } from './scenario.ts';
import { startListeners, type ConnectDecision } from './server.ts';
import { SERVICES } from './services/index.ts';
import { LEGACY_MSI_PORT } from './services/legacy-msi.ts';
import { createState, resetState, type EmulatorState } from './state.ts';
import { isAzureHostName, loadTlsMaterial } from './tls.ts';
import { createTokenAuthority, type EmulatorTokenAuthority } from './tokens.ts';
import { loadSigningKey } from './signing-keys.ts';
import type { AzuriteProcess } from './azurite-process.ts';
import type { Rbac, Service, ServiceContext } from './types.ts';
import { makeTempFolder, removeTempFolder } from '../temp-folders.ts';
import { defaultStateDir, openStateDir, type StateDir } from './state-dir.ts';

export type { FaultController, FaultSpec } from './faults.ts';
export type { Scenario } from './scenario.ts';
export { defaultStateDir } from './state-dir.ts';

export interface EmulatorHandle {
  httpUrl: string;
  httpsUrl: string;
  caPem: string;
  caPath: string;
  curlConfigPath: string;
  scenario: Scenario;
  /** Placeholder key (STORAGE_ACCOUNT_NAME) → what the reader would type. */
  values: Record<string, string>;
  state: EmulatorState;
  /** Signs and verifies the emulator's tokens (`kid` names its key in the JWKS). */
  tokens: EmulatorTokenAuthority;
  rbac: Rbac;
  /** Where to open the TCP connection for an Azure host:port (undefined: not an emulated host, connect as usual). */
  route(host: string, port: number): ConnectDecision;
  /** Whether one of the emulator's services models this host (any name under its domain). */
  serves(host: string, port: number): boolean;
  faults: FaultController;
  /**
   * Back to the scenario's state (the runner calls this between tutorials); resolves when every
   * service is re-seeded. With a scenario (the next tutorial's World on the base), that one becomes
   * the state this and every later reset returns to.
   */
  reset(scenario?: Scenario): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  scenario?: Scenario;
  /**
   * Where the CA and the token signing key are kept (default: node_modules/.cache/tutorial-conformance,
   * else the OS temp dir). A folder others can write to, or whose keys others can read, is not used:
   * a fresh private one is, for this instance only (see state-dir.ts), with a process warning.
   */
  stateDir?: string;
  /** The emulator's clock (tests of expiry); default: the real time. */
  now?: () => Date;
  /**
   * An Azurite child the caller spawned ahead of time (spawnAzurite) while it loaded the rest: the
   * Blob service starts in it instead of spawning its own. Owned by the emulator from this call on.
   */
  azurite?: AzuriteProcess;
  /** Services to run (default: all); tests of one service may pass fewer. */
  services?: readonly Service[];
}

/** curl config that sends the tutorial's own URLs to this emulator and trusts its CA. */
export function curlConfig(opts: { caPath: string; httpPort: number; httpsPort: number; legacyMsi: boolean }): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [
    '# tutorial-conformance emulator: generated, valid while this emulator runs',
    `cacert = ${q(opts.caPath)}`,
    // curl takes the first matching rule, so the specific legacy rule precedes the catch-all port 80 rule.
    ...(opts.legacyMsi ? [`connect-to = ${q(`localhost:${LEGACY_MSI_PORT}:127.0.0.1:${opts.httpPort}`)}`] : []),
    `connect-to = ${q(`:443:127.0.0.1:${opts.httpsPort}`)}`,
    `connect-to = ${q(`:80:127.0.0.1:${opts.httpPort}`)}`,
  ];
  return lines.join('\n') + '\n';
}

export async function startEmulator(opts: StartOptions = {}): Promise<EmulatorHandle> {
  const scenario = opts.scenario ?? defaultScenario(opts.now?.());
  const now = opts.now ?? (() => new Date());
  const state = createState(scenario);
  const services = opts.services ?? SERVICES;
  // Backing processes start first: Azurite needs over half a second to be ready (more on a busy
  // machine), the longest part of a boot, and it needs only the state. The rest of the boot runs
  // while it starts; a request that needs it waits for it (see services/blob.ts).
  const started: Service[] = [];
  try {
    for (const s of services) {
      if (s.start !== undefined) {
        await s.start({ state, ...(opts.azurite ? { azurite: opts.azurite } : {}) });
        started.push(s);
      }
    }
  } catch (err) {
    await Promise.allSettled(started.map((s) => s.stop?.()));
    throw err;
  } finally {
    // An early Azurite no service claimed (no storage account, no Blob service) is not needed.
    opts.azurite?.dispose();
  }
  const stopStarted = () => Promise.allSettled(started.map((s) => s.stop?.({ state })));

  let tokens: EmulatorTokenAuthority;
  let material: Awaited<ReturnType<typeof loadTlsMaterial>>;
  let stateDir: StateDir | undefined;
  try {
    stateDir = await openStateDir(opts.stateDir ?? defaultStateDir());
    // The signing key and the CA/certificates, both cached in the state folder, load side by side.
    const materialLoading = loadTlsMaterial(stateDir.path);
    materialLoading.catch(() => undefined); // observed below, after the key
    tokens = await createTokenAuthority({ tenantId: scenario.tenantId, now }, await loadSigningKey(stateDir.path));
    material = await materialLoading;
    if (stateDir.refused !== undefined) {
      process.emitWarning(
        `the emulator's state folder ${stateDir.refused.requested} was not used: ${stateDir.refused.reason}. This emulator uses a fresh private folder with a new CA and signing key, removed when it stops: trust its CA file ${material.caPath}, not one from the refused folder.`,
        { code: 'TC_STATE_DIR_REFUSED' },
      );
    }
  } catch (err) {
    await stopStarted();
    await stateDir?.release();
    throw err;
  }
  const ownedStateDir = stateDir;
  const rbac = createRbac(state, now);
  const ctx: ServiceContext = { state, tokens, rbac, now };
  const faults = createFaultEngine();
  const router = createRouter({ services, ctx, faults });

  let ports = { http: 0, https: 0 };
  const route = (host: string, port: number): ConnectDecision => {
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    const loopback = h === 'localhost' || h === '127.0.0.1' || h === '::1';
    if (loopback && port === LEGACY_MSI_PORT) {
      return state.data.legacyMsiEndpoint
        ? { kind: 'connect', host: '127.0.0.1', port: ports.http, tls: false }
        : { kind: 'refuse', reason: `nothing listens on ${h}:${LEGACY_MSI_PORT}: the MSI VM extension endpoint was retired (scenario legacyMsiEndpoint is false)` };
    }
    if (loopback) return undefined;
    if (h === '169.254.169.254' && port !== 80) return { kind: 'refuse', reason: `IMDS listens on 169.254.169.254:80 only (plain HTTP), not on port ${port}` };
    const service = router.serviceFor(h, port);
    // A host in an Azure domain is the emulator's to answer, even if only with "not emulated".
    const azure = service !== undefined || isAzureHostName(h);
    if (!azure) return undefined;
    if (service?.resolves !== undefined && !service.resolves(h, state)) {
      return { kind: 'refuse', reason: `${h} does not resolve: the scenario has no such ${service.name === 'blob' ? 'storage account' : 'resource'}`, noSuchHost: true };
    }
    if (port === 443) return { kind: 'connect', host: '127.0.0.1', port: ports.https, tls: true };
    if (port === 80) return { kind: 'connect', host: '127.0.0.1', port: ports.http, tls: false };
    return { kind: 'refuse', reason: `${h}:${port}: the emulator serves Azure hosts on ports 80 and 443 only` };
  };

  let listeners: Awaited<ReturnType<typeof startListeners>>;
  try {
    listeners = await startListeners({ router, tls: material, decide: route });
  } catch (err) {
    await stopStarted();
    await ownedStateDir.release();
    throw err;
  }
  ports = { http: listeners.httpPort, https: listeners.httpsPort };

  const instanceDir = await makeTempFolder('tc-emulator-');
  const curlConfigPath = join(instanceDir, 'curl.config');
  await writeFile(curlConfigPath, curlConfig({ caPath: material.caPath, httpPort: ports.http, httpsPort: ports.https, legacyMsi: scenario.legacyMsiEndpoint }), { mode: 0o600 });

  let closed: Promise<void> | undefined;
  let current = scenario;
  return {
    httpUrl: `http://127.0.0.1:${ports.http}`,
    httpsUrl: `https://127.0.0.1:${ports.https}`,
    caPem: material.caPem,
    caPath: material.caPath,
    curlConfigPath,
    scenario,
    values: { ...scenario.values },
    state,
    tokens,
    rbac,
    route,
    serves: (host: string, port: number) => router.serviceFor(host.toLowerCase(), port) !== undefined,
    faults,
    async reset(next?: Scenario) {
      if (next !== undefined) current = next;
      resetState(state, current);
      faults.clear();
      for (const s of services) await s.reset?.(ctx);
    },
    close() {
      closed ??= (async () => {
        await listeners.close();
        // Before the services stop: waiting for Azurite's exit holds nothing that keeps a closing
        // process alive, so whatever comes after that wait may never run.
        await removeTempFolder(instanceDir);
        await ownedStateDir.release();
        await Promise.allSettled(services.map((s) => s.stop?.(ctx)));
      })();
      return closed;
    },
  };
}
