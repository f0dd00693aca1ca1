// The emulator's scenarios. `baseScenario` is what the target itself is: one subscription and
// tenant, the signed-in reader (Owner of the subscription: "sign in with your administrator
// account"), the VM whose IMDS the curl commands call, in its resource group. A run adds each
// tutorial's World to it (src/emulator/world-seed.ts). `defaultScenario` is the base plus what the
// twelve tutorials' portal steps tell the reader to create, for the emulator served on its own
// (`tutorial-conformance emulator`), the tests, and the values by placeholder name a run still
// binds. tests/world/twelve.test.ts checks that each of the twelve tutorials' inferred Worlds seeds
// only entries of this scenario and that together they cover its storage and Data Lake state (not yet
// the key vault, which no step of the twelve reaches before a failure, nor the grants to user-assigned
// identities). Each entry cites the line that asks for it.
// Where a page's prose and its example output disagree, the prose wins: the state is what the reader
// was told to create, and the example's drift is for the checks to report.
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
 * the names the twelve tutorials' scenario always used. Roles without a default stay unbound unless a
 * capture, the sidecar or --set gives them a value: file paths, tokens and keys, and what the emulator
 * does not serve (Key Vault keys and certificates, files, queues, tables, App Service and Functions),
 * so a page about those is blocked with the roles listed, never failed on a host that is not there.
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

const RG_SCOPE = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${RESOURCE_GROUP}`;
const STORAGE_SCOPE = `${RG_SCOPE}/providers/Microsoft.Storage/storageAccounts/${STORAGE_ACCOUNT}`;

/**
 * The target itself, as of `now`: the subscription, the reader (Owner of it), the VM and its resource
 * group. Values by placeholder name only where no role gives them (the Data Lake Store and folder
 * of 000-datalake.md, a SAS expiry two hours from now).
 */
export function baseScenario(now: Date = new Date()): Scenario {
  const full = defaultScenario(now);
  return Scenario.parse({
    ...full,
    resourceGroups: full.resourceGroups.filter((g) => g.name === VM_RESOURCE_GROUP),
    userAssignedIdentities: [],
    storageAccounts: [],
    keyVaults: [],
    dataLakeStores: [],
    roleAssignments: full.roleAssignments.filter((a) => a.principalId === CLI_PRINCIPAL.principalId),
    values: {
      YOUR_ADLS_NAME: ADLS,
      FOLDER_NAME: FOLDER,
      EXPIRATION_TIME: full.values.EXPIRATION_TIME!,
    },
  });
}

/** The VM's group: the base keeps it, so the VM the curl commands run on has a home. */
const VM_RESOURCE_GROUP = RESOURCE_GROUP;

/** Build the default scenario as of `now` (secret creation time, EXPIRATION_TIME = now + 2 h). */
export function defaultScenario(now: Date = new Date()): Scenario {
  const created = Math.floor(now.getTime() / 1000);
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
    storageAccounts: [
      {
        name: STORAGE_ACCOUNT,
        resourceGroup: RESOURCE_GROUP,
        location: LOCATION,
        kind: 'Storage', // 000-storage.md:24 "Storage (general purpose v1)"
        keys: storageKeys(STORAGE_ACCOUNT),
        containers: [
          {
            name: CONTAINER,
            source: 'tutorials/000-storage.md:40',
            // 000-storage.md:48 says to type "Hello world!"; the page's output "Hello world! :)" (line 91) is its drift.
            blobs: [{ name: BLOB, content: BLOB_CONTENT, contentType: 'text/plain', source: 'tutorials/000-storage.md:48' }],
          },
        ],
        source: 'tutorials/000-storage.md:18',
      },
    ],
    keyVaults: [
      {
        name: KEY_VAULT,
        resourceGroup: RESOURCE_GROUP,
        location: LOCATION,
        // The page grants access through an access policy (000-key-vault.md:68), so the vault uses that model.
        enableRbacAuthorization: false,
        accessPolicies: [
          {
            objectId: VM_IDENTITY.principalId,
            // The portal's "Secret Management" template (000-key-vault.md:74).
            secrets: ['get', 'list', 'set', 'delete', 'recover', 'backup', 'restore'],
            source: 'tutorials/000-key-vault.md:74',
          },
        ],
        // Soft delete is mandatory since 2025: a vault created today reports this, not the page's "Purgeable".
        recoveryLevel: 'Recoverable+Purgeable',
        secrets: [
          {
            name: SECRET_NAME,
            value: 'p@ssw0rd!',
            version: derived('secret version', 16).toString('hex'),
            enabled: true, // 000-key-vault.md:56 "make sure that Enabled is set to Yes"
            created,
            source: 'tutorials/000-key-vault.md:54',
          },
        ],
        source: 'tutorials/000-key-vault.md:26',
      },
    ],
    dataLakeStores: [
      {
        name: ADLS,
        resourceGroup: RESOURCE_GROUP,
        location: LOCATION,
        entries: [
          {
            path: '/',
            type: 'DIRECTORY',
            owner: CLI_PRINCIPAL.principalId,
            group: CLI_PRINCIPAL.principalId,
            permission: '770',
            // Read and Execute, This folder, an access permission only (000-datalake.md:21).
            acl: [{ principalId: VM_IDENTITY.principalId, permissions: 'r-x', default: false }],
            source: 'tutorials/000-datalake.md:21',
          },
          {
            path: `/${FOLDER}`,
            type: 'DIRECTORY',
            owner: CLI_PRINCIPAL.principalId,
            group: CLI_PRINCIPAL.principalId,
            permission: '770',
            // Read, Write and Execute, as an access entry and a default entry (000-datalake.md:27-28).
            acl: [
              { principalId: VM_IDENTITY.principalId, permissions: 'rwx', default: false },
              { principalId: VM_IDENTITY.principalId, permissions: 'rwx', default: true },
            ],
            source: 'tutorials/000-datalake.md:23',
          },
        ],
        source: 'tutorials/000-datalake.md:12',
      },
    ],
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
      {
        principalId: VM_IDENTITY.principalId,
        role: 'Reader',
        scope: RG_SCOPE,
        principalType: 'ServicePrincipal',
        name: '1c5b9d3f-7e2a-4f4b-8c6d-8e9f0a1b2c3d',
        source: 'tutorials/000-arm-system-assigned.md:23',
      },
      {
        principalId: VM_IDENTITY.principalId,
        role: 'Storage Blob Data Reader',
        scope: RG_SCOPE,
        principalType: 'ServicePrincipal',
        name: '2d6c0e4a-8f3b-4a5c-9d7e-9f0a1b2c3d4e',
        source: 'tutorials/000-storage.md:60',
      },
      {
        principalId: VM_IDENTITY.principalId,
        role: 'Storage Account Contributor',
        scope: RG_SCOPE,
        principalType: 'ServicePrincipal',
        name: '3e7d1f5b-9a4c-4b6d-8e8f-0a1b2c3d4e5f',
        source: 'tutorials/000-storage-sas.md:54',
      },
      {
        principalId: VM_IDENTITY.principalId,
        role: 'Storage Account Key Operator Service Role',
        scope: STORAGE_SCOPE,
        principalType: 'ServicePrincipal',
        name: '4f8e2a6c-0b5d-4c7e-9f9a-1b2c3d4e5f6a',
        source: 'tutorials/002-storage-access-key-user-assigned.md:8',
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
      SUBSCRIPTION_ID,
      RESOURCE_GROUP,
      VM_NAME,
      STORAGE_ACCOUNT,
      STORAGE_ACCOUNT_NAME: STORAGE_ACCOUNT,
      CONTAINER_NAME: CONTAINER,
      FILE_NAME: BLOB,
      YOUR_ADLS_NAME: ADLS,
      FOLDER_NAME: FOLDER,
      SECRET_NAME,
      // 000-key-vault.md:108: "the URL of your Key Vault, which is in the Essentials section" is the Vault URI.
      YOUR_KEY_VAULT_URL: `https://${KEY_VAULT}.vault.azure.net/`,
      UAMI_NAME,
      MSI_NAME,
      EXPIRATION_TIME: isoSeconds(new Date(now.getTime() + 2 * 3600 * 1000)),
    },
  });
}

/** Normalise a placeholder as written ("<STORAGE ACCOUNT NAME>", "<secret-name>") to its `values` key. */
export function placeholderKey(placeholder: string): string {
  return placeholder
    .replace(/^[<{$]+|[>}]+$/g, '')
    .trim()
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .join('_');
}
