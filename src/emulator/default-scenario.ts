// The target itself. `baseScenario` is what the emulator is before any page: one subscription and
// tenant, the signed-in reader (Owner of the subscription: "sign in with your administrator
// account"), the VM whose IMDS the curl commands call, in its resource group. A run adds each
// tutorial's World to it (src/emulator/world-seed.ts); the twelve tutorials' scenario, served by the
// `emulator` command, is the base plus all their Worlds (src/tutorials/scenario.ts), never a hand list.
// ROLE_NAMES are the names the emulator answers for roles a page leaves to the reader.
import { createHash } from 'node:crypto';
import type { Role } from '../world/roles.ts';
import { userPrincipalNameOf } from './directory.ts';
import { directoryOf, Scenario } from './scenario.ts';

const SUBSCRIPTION_ID = '3f2a8d6c-5b1e-4c7a-9e0d-2b6f8a4c1d73';
const TENANT_ID = '7c1e5a9b-2d4f-4e8a-b6c3-9f0d1e2a3b4c';
const RESOURCE_GROUP = 'mi-test'; // 000-key-vault.md:120 names the tutorial's group "such as mi-test"
const LOCATION = 'westus';
const VM_NAME = 'DevTestVM'; // 000-datalake.md:20 "enter the name of your VM; for example, DevTestVM"
const STORAGE_ACCOUNT = 'mitutorialstorage';
const CONTAINER = 'mi-tutorial-container';
const BLOB = 'hello_world.txt';
const KEY_VAULT = 'mytestkeyvault';
const SECRET_NAME = 'MyTestSecret';
const ADLS = 'mytestadls';
const FOLDER = 'TestFolder';
const UAMI_NAME = 'mi-tutorial-uami';
const MSI_NAME = 'mi-tutorial-msi';

/** The VM's system-assigned identity: the one IMDS answers for by default. */
const VM_IDENTITY = { principalId: 'bd0e76d8-ad45-4fe1-8941-04a7bf27f071', clientId: '5e8c1f3a-7b2d-4a69-9c0e-1d4f6a8b2c35' };
/** The reader signed in to `az`: owner of the subscription. */
const CLI_PRINCIPAL = { principalId: '9a4b6c8d-1e2f-4a3b-8c5d-6e7f8a9b0c1d', clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46' };

/**
 * The name the emulator gives each role a page leaves to the reader (`<vault-name>`, `<storage-account>`):
 * the names the twelve tutorials' scenario always used. App Service and Functions names are given too:
 * the emulator serves neither, so a step using one is `unsupported` (its host answers "not emulated",
 * its az command has no equivalent) whatever the name — a name only lets the steps around it run
 * (`sitename=<your-site-name>`). Roles without a default stay unbound unless a capture, the sidecar or
 * --set gives them a value: file paths, tokens and keys (the reader's own), Key Vault keys and
 * certificates, files, queues, tables.
 */
export const ROLE_NAMES: Partial<Record<Role, string>> = {
  'resource-group': RESOURCE_GROUP,
  location: LOCATION,
  'storage-account': STORAGE_ACCOUNT,
  container: CONTAINER,
  blob: BLOB,
  vault: KEY_VAULT,
  secret: SECRET_NAME,
  'identity-name': UAMI_NAME,
  vm: VM_NAME,
  role: 'Reader',
  'resource-audience': 'https://management.azure.com/',
  'web-app': 'tutorial-web-app',
  'function-app': 'tutorial-function-app',
  'app-service-plan': 'tutorial-plan',
};

/** The emulator's answer for each role: its names (ROLE_NAMES), and the ids of its subscription, tenant, reader and VM. */
export function emulatorRoleValues(scenario: Scenario): Partial<Record<Role, string>> {
  const reader = scenario.principals.find((p) => p.principalId === scenario.cliPrincipal);
  const vm = scenario.vm;
  const sub = `/subscriptions/${scenario.subscriptionId}`;
  return {
    ...ROLE_NAMES,
    'subscription-id': scenario.subscriptionId,
    'tenant-id': scenario.tenantId,
    'resource-group': vm.resourceGroup,
    location: scenario.location,
    vm: vm.name,
    ...(reader ? { 'principal-id': reader.principalId, 'object-id': reader.principalId, 'user-name': userPrincipalNameOf(reader, directoryOf(scenario).tenantDomain) } : {}),
    ...(vm.systemAssigned ? { 'client-id': vm.systemAssigned.clientId } : {}),
    'resource-id': `${sub}/resourceGroups/${vm.resourceGroup}/providers/Microsoft.Compute/virtualMachines/${vm.name}`,
    scope: `${sub}/resourceGroups/${vm.resourceGroup}`,
  };
}

const BLOB_CONTENT = 'Hello world!'; // 000-storage.md:48

/**
 * What a blob a page assumes holds when nothing states its content: the twelve tutorials' blob keeps
 * the text its portal steps wrote; any other a stand-in, its own name.
 */
export function assumedBlobContent(account: string, container: string, blob: string): string {
  return account === STORAGE_ACCOUNT && container === CONTAINER && blob === BLOB ? BLOB_CONTENT : `${blob}\n`;
}

/**
 * An account's two keys, stable per name; the twelve tutorials' account keeps the keys it always had
 * (a tutorial's World seeding it again brings no new secret to redact).
 */
export function storageKeys(account: string): [string, string] {
  const label = account === STORAGE_ACCOUNT ? '' : ` ${account}`;
  return [derived(`storage key1${label}`, 64).toString('base64'), derived(`storage key2${label}`, 64).toString('base64')];
}

/** Stable per-name bytes, so keys and secrets are the same in every run (golden fixtures) but not guessable words. */
export function derived(label: string, bytes: number): Buffer {
  return createHash('sha512').update(`tutorial-conformance emulator ${label}`).digest().subarray(0, bytes);
}

/** ISO 8601 without fractional seconds, as the tutorial's SAS example writes it (2017-09-22T00:06:00Z). */
function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The target itself, as of `now`: one subscription and tenant, the signed-in reader (Owner of the
 * subscription), the VM whose IMDS the curl commands call, in its resource group. Values by
 * placeholder name only where no role gives them (the Data Lake Store and folder of
 * 000-datalake.md, a SAS expiry two hours from now). What the twelve tutorials' pages state, create
 * or assume is their Worlds' (src/tutorials/scenario.ts), never listed here.
 */
export function baseScenario(now: Date = new Date()): Scenario {
  return Scenario.parse({
    subscriptionId: SUBSCRIPTION_ID,
    tenantId: TENANT_ID,
    location: LOCATION,
    resourceGroups: [{ name: RESOURCE_GROUP, location: LOCATION, tags: {}, source: 'tutorials/000-arm-system-assigned.md:17' }],
    vm: {
      name: VM_NAME,
      resourceGroup: RESOURCE_GROUP,
      location: LOCATION,
      systemAssigned: VM_IDENTITY,
      userAssigned: [],
      source: 'tutorials/000-key-vault.md:12',
    },
    userAssignedIdentities: [],
    storageAccounts: [],
    keyVaults: [],
    dataLakeStores: [],
    roleAssignments: [
      {
        principalId: CLI_PRINCIPAL.principalId,
        role: 'Owner',
        scope: `/subscriptions/${SUBSCRIPTION_ID}`,
        principalType: 'User',
        name: '0b4a8c2e-6d1f-4e3a-9b5c-7d8e9f0a1b2c',
        // "Sign in to the Azure portal with your administrator account": the reader can create and grant.
        source: 'tutorials/000-arm-system-assigned.md:13',
      },
    ],
    principals: [
      {
        ...CLI_PRINCIPAL,
        displayName: 'Tutorial Reader',
        kind: 'User',
        clientSecret: derived('cli client secret', 30).toString('base64url'),
        source: 'tutorials/000-arm-system-assigned.md:13',
      },
    ],
    cliPrincipal: CLI_PRINCIPAL.principalId,
    legacyMsiEndpoint: false,
    values: {
      YOUR_ADLS_NAME: ADLS,
      FOLDER_NAME: FOLDER,
      EXPIRATION_TIME: isoSeconds(new Date(now.getTime() + 2 * 3600 * 1000)),
    },
  });
}
