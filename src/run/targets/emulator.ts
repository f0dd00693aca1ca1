// The default target: the embedded emulator. Every Azure host is answered by it through the routed
// connector; any other host is "not found" and loopback ports nobody serves refuse, so a run never
// leaves the machine. The CLI's credential is the scenario's `cliPrincipal`.
import { startEmulator, type EmulatorHandle, type Scenario } from '../../emulator/index.ts';
import { createConnector, type ConnectDecision, type Connector } from '../http/connector.ts';
import { send } from '../http/send.ts';
import { isLoopbackHost, isPrivateAddress, isPublicAddress, mayResolvePublicly, outsideAzureReason, ownMachineReason, privateNetworkReason, publicAddressReason } from '../curl/host.ts';
import type { CliCredential, CliToken, Target } from '../target.ts';
import type { AzuriteProcess } from '../../emulator/azurite-process.ts';
import { baseScenario, emulatorRoleValues } from '../../emulator/default-scenario.ts';
import { scenarioForWorld } from '../../emulator/world-seed.ts';
import type { World } from '../../world/types.ts';


function decide(handle: EmulatorHandle, host: string, port: number): ConnectDecision {
  const d = handle.route(host, port);
  if (d === undefined) {
    const h = host.toLowerCase().replace(/^\[|\]$/g, '');
    // The reader's own machine: a server a page starts there (func start, npm start) is not run here,
    // so nothing says the page is wrong (the retired MSI extension port is the emulator's to refuse).
    if (isLoopbackHost(h)) return { kind: 'refuse', reason: ownMachineReason(`${h}:${port}`), outside: true };
    // A private address (a pod's IP, a VM's private IP) is reached from inside its network only.
    if (isPrivateAddress(h)) return { kind: 'refuse', reason: privateNetworkReason(`${h}:${port}`), outside: true };
    // A real host outside Azure (a template on GitHub, the reader's own site) is one the emulator run
    // does not reach: it says so (unsupported), as the page may well work on the reader's machine.
    if (mayResolvePublicly(h)) return { kind: 'refuse', reason: outsideAzureReason([h]), outside: true };
    // A public IP address (a load balancer's EXTERNAL-IP the page shows): the reader's own has another.
    if (isPublicAddress(h)) return { kind: 'refuse', reason: publicAddressReason(`${h}:${port}`), outside: true };
    return { kind: 'refuse', reason: `${h} is not a host of this target (the emulator run never leaves the machine)`, noSuchHost: true };
  }
  return d.kind === 'refuse' ? { kind: 'refuse', reason: d.reason, ...(d.noSuchHost === true ? { noSuchHost: true } : {}) } : { kind: 'connect', host: d.host, port: d.port };
}

function cliCredential(handle: EmulatorHandle, connector: Connector): CliCredential {
  const scenario: Scenario = handle.scenario;
  const principal = scenario.principals.find((p) => p.principalId === scenario.cliPrincipal);
  if (!principal) throw new Error(`scenario cliPrincipal ${scenario.cliPrincipal} is not one of its principals`);
  return {
    account: {
      subscriptionId: scenario.subscriptionId,
      subscriptionName: 'Tutorial Subscription',
      tenantId: scenario.tenantId,
      user: principal.displayName,
      userType: principal.kind === 'User' ? 'user' : 'servicePrincipal',
      objectId: principal.principalId,
    },
    async getToken(resource: string): Promise<CliToken> {
      // The way a non-interactive az login gets its token: Entra client credentials.
      if (principal.clientSecret) {
        const url = `https://login.microsoftonline.com/${scenario.tenantId}/oauth2/v2.0/token`;
        const body = Buffer.from(new URLSearchParams({ grant_type: 'client_credentials', client_id: principal.clientId, client_secret: principal.clientSecret, scope: `${resource.replace(/\/$/, '')}/.default` }).toString());
        const result = await send(connector, {
          method: 'POST',
          url,
          headers: [['Host', 'login.microsoftonline.com'], ['Content-Type', 'application/x-www-form-urlencoded'], ['Accept', 'application/json'], ['Content-Length', String(body.length)]],
          body,
        });
        const json = result.exchange.response?.json as { access_token?: string; expires_in?: number | string } | undefined;
        if (!result.error && result.exchange.response?.status === 200 && json?.access_token) {
          return {
            token: json.access_token,
            expiresOn: new Date(Date.now() + Number(json.expires_in ?? 3600) * 1000),
            exchanges: [result.exchange],
            note: `signed in as ${principal.displayName} with Entra client credentials (the scenario's CLI principal) instead of a browser sign-in`,
          };
        }
      }
      const issued = await handle.tokens.issue({ principalId: principal.principalId, clientId: principal.clientId, resource, idtyp: principal.kind === 'User' ? 'user' : 'app' });
      return {
        token: issued.token,
        expiresOn: new Date((issued.claims.exp ?? 0) * 1000),
        exchanges: [],
        note: `the emulator does not serve Entra's token endpoint for this principal, so its token authority issued ${principal.displayName}'s token directly (no browser sign-in, no HTTP exchange)`,
      };
    },
  };
}

function secretsOf(scenario: Scenario): { value: string; label: string }[] {
  return [
    ...scenario.storageAccounts.flatMap((a) => a.keys.map((k, i) => ({ value: k, label: `${a.name} key${i + 1}` }))),
    ...scenario.principals.flatMap((p) => (p.clientSecret ? [{ value: p.clientSecret, label: `${p.displayName} client secret` }] : [])),
    ...scenario.keyVaults.flatMap((v) => v.secrets.map((s) => ({ value: s.value, label: `${v.name}/${s.name} secret value` }))),
  ];
}

export async function startEmulatorTarget(opts: { scenario?: Scenario; azurite?: AzuriteProcess } = {}): Promise<Target & { handle: EmulatorHandle }> {
  const handle = await startEmulator({ ...(opts.scenario ? { scenario: opts.scenario } : {}), ...(opts.azurite ? { azurite: opts.azurite } : {}) });
  const connector = createConnector({ router: { route: (host, port) => decide(handle, host, port) }, ca: handle.caPem, ownServer: 'the embedded emulator' });
  // A tutorial's World is seeded on the target itself: the scenario the caller gave, else the base
  // (the twelve tutorials' resources are their Worlds, not the target's).
  const base = opts.scenario ?? baseScenario();
  const knownSecrets = secretsOf(handle.scenario);
  const known = new Set(knownSecrets.map((s) => s.value));
  return {
    name: 'emulator',
    handle,
    connector,
    values: handle.values,
    roleValues: emulatorRoleValues(base),
    knownSecrets,
    cli: cliCredential(handle, connector),
    serves: (host, port) => handle.serves(host, port),
    async reset(world?: World) {
      if (world === undefined) return handle.reset();
      const scenario = scenarioForWorld(base, world);
      for (const s of secretsOf(scenario)) if (!known.has(s.value)) {
        known.add(s.value);
        knownSecrets.push(s);
      }
      return handle.reset(scenario);
    },
    async close() {
      await connector.close();
      await handle.close();
    },
  };
}
