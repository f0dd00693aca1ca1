// `npx tsx scripts/real-clients.ts`: the real Azure CLI and Python SDK against a fresh emulator, as a
// user would point them at it (HTTPS_PROXY and HTTP_PROXY = the emulator, REQUESTS_CA_BUNDLE = its
// CA, a fresh AZURE_CONFIG_DIR; nothing patched). NOT part of `npm test`: it needs Debian's
// `azure-cli` and `python3-azure` (apt-get install azure-cli python3-azure), whose versions it prints.
// For each command it prints the exit code, the exit code Azure would give, and whether the output
// agrees with what the REST spec's example or an SDK recording shows (the fields checked are named).
// Known client bugs of the packaged versions are marked so and not counted against the emulator.
// Exit 1 when a command disagrees.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { startEmulator } from '../src/emulator/index.ts';
import { defaultScenario } from '../src/tutorials/scenario.ts';

const SP = { principalId: '4d3c2b1a-0f9e-4d8c-9b7a-6f5e4d3c2b1a', clientId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', clientSecret: 'real-clients-secret-0123456789' };
const PYTHON = '/usr/bin/python3'; // Debian's python3-azure lives there, not in a pyenv or venv

interface Check {
  label: string;
  argv: string[];
  /** The exit code Azure gives for the same command. */
  expect: number;
  /** '' when the output agrees, else what differs. `source` names what the expectation comes from. */
  agree(out: string, err: string): string;
  source: string;
  /** A bug of the packaged client (it fails before sending anything): reported, not counted. */
  clientBug?: (err: string) => boolean;
}

function json(out: string): any {
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}
const has = (o: any, paths: string[]): string => {
  const missing = paths.filter((p) => p.split('.').reduce((v, k) => (v === undefined || v === null ? undefined : v[k]), o) === undefined);
  return missing.length === 0 ? '' : `missing ${missing.join(', ')}`;
};

async function version(argv: string[]): Promise<string> {
  const r = await execa(argv[0]!, argv.slice(1), { reject: false });
  return r.exitCode === 0 ? r.stdout.trim() : `(not available: ${r.stderr.split('\n')[0]})`;
}

async function main(): Promise<number> {
  const scenario = defaultScenario();
  const sub = scenario.subscriptionId;
  const rg = scenario.values.RESOURCE_GROUP!;
  const account = scenario.values.STORAGE_ACCOUNT_NAME!;
  const container = scenario.values.CONTAINER_NAME!;
  const vault = scenario.values.YOUR_KEY_VAULT_URL!.replace(/\/$/, '');
  // A deployment principal that may grant roles in the group and read the directory (as `az role
  // assignment create --assignee` needs on Azure).
  scenario.principals.push({ ...SP, displayName: 'real-clients-deployer', kind: 'ServicePrincipal', graphAppRoles: ['Directory.Read.All'] });
  scenario.roleAssignments.push({ principalId: SP.principalId, role: 'Owner', scope: `/subscriptions/${sub}/resourceGroups/${rg}` });
  // The VM identity may also write blobs (what 000-storage.md's "Storage Blob Data Contributor" variant grants).
  scenario.roleAssignments.push({ principalId: scenario.vm.systemAssigned!.principalId, role: 'Storage Blob Data Contributor', scope: `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Storage/storageAccounts/${account}` });

  // An App Service plan with one web app in the group, for the appservice checks (Microsoft.Web).
  const webPlanId = `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.Web/serverfarms/real-clients-plan`;
  scenario.appServicePlans = [{ name: 'real-clients-plan', resourceGroup: rg, location: scenario.location, sku: 'B1', linux: false }];
  scenario.webApps = [{ name: 'real-clients-app', resourceGroup: rg, location: scenario.location, kind: 'app', serverFarmId: webPlanId, appSettings: { EXISTING: 'kept' } }];

  const emu = await startEmulator({ scenario });
  const work = mkdtempSync(join(os.tmpdir(), 'tc-real-clients-'));
  const upload = join(work, 'upload.txt');
  writeFileSync(upload, 'uploaded by the real az CLI\n');
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    HTTPS_PROXY: emu.httpUrl,
    HTTP_PROXY: emu.httpUrl,
    REQUESTS_CA_BUNDLE: emu.caPath,
    AZURE_CONFIG_DIR: join(work, 'azure'),
    AZURE_CORE_COLLECT_TELEMETRY: 'false',
    AZURE_CORE_NO_COLOR: 'true',
  };

  const py = (label: string, code: string, agree: Check['agree'], source: string): Check => ({
    label: `python: ${label}`,
    argv: [PYTHON, '-c', `import json\n${code}`],
    expect: 0,
    agree,
    source,
  });
  const checks: Check[] = [
    {
      label: 'az login --identity',
      argv: ['az', 'login', '--identity'],
      expect: 0,
      agree: (o) => {
        const a = json(o)?.[0];
        return a?.id === sub && a?.user?.type === 'servicePrincipal' && a?.user?.name === 'systemAssignedIdentity' ? '' : `got ${o.slice(0, 200)}`;
      },
      source: "az's documented login output (user.name systemAssignedIdentity); GetSubscriptions.json (resources 2022-12-01)",
    },
    { label: `az group show -n ${rg}`, argv: ['az', 'group', 'show', '-n', rg], expect: 0, agree: (o) => has(json(o), ['id', 'name', 'location', 'properties.provisioningState']), source: 'resources 2016-09-01 ResourceGroup' },
    {
      label: `az storage account keys list -n ${account}`,
      argv: ['az', 'storage', 'account', 'keys', 'list', '-n', account],
      expect: 0,
      agree: (o) => {
        const k = json(o);
        return Array.isArray(k) && k.map((x: any) => x.keyName).join() === 'key1,key2' && k.every((x: any) => typeof x.value === 'string' && /^full$/i.test(x.permissions)) ? '' : `got ${o.slice(0, 200)}`;
      },
      source: 'storage 2017-06-01 examples/StorageAccountListKeys.json',
    },
    {
      label: 'az storage blob upload --auth-mode login',
      argv: ['az', 'storage', 'blob', 'upload', '--account-name', account, '-c', container, '-n', 'real-az.txt', '-f', upload, '--auth-mode', 'login', '--overwrite'],
      expect: 0,
      agree: (o) => has(json(o), ['etag', 'lastModified']),
      source: 'BlockBlob_Upload 201 headers (blob 2021-12-02: ETag, Last-Modified) as az prints them',
    },
    {
      label: 'az storage blob download --auth-mode login',
      argv: ['az', 'storage', 'blob', 'download', '--account-name', account, '-c', container, '-n', 'real-az.txt', '-f', join(work, 'downloaded.txt'), '--auth-mode', 'login'],
      expect: 0,
      agree: () => (readFileSync(join(work, 'downloaded.txt'), 'utf8') === readFileSync(upload, 'utf8') ? '' : 'downloaded content differs'),
      source: 'the bytes uploaded',
    },
    {
      label: 'az storage blob list --auth-mode login',
      argv: ['az', 'storage', 'blob', 'list', '--account-name', account, '-c', container, '--auth-mode', 'login'],
      expect: 0,
      agree: (o) => {
        const names = (json(o) ?? []).map((b: any) => b.name).sort().join();
        return names === 'hello_world.txt,real-az.txt' ? '' : `listed ${names}`;
      },
      source: 'Container_ListBlobFlatSegment (blob 2021-12-02)',
    },
    {
      label: 'az rest GET Key Vault secret',
      argv: ['az', 'rest', '--method', 'get', '--url', `${vault}/secrets/MyTestSecret?api-version=7.4`, '--resource', 'https://vault.azure.net'],
      expect: 0,
      agree: (o) => has(json(o), ['value', 'id', 'attributes.enabled', 'attributes.created', 'attributes.updated', 'attributes.recoveryLevel']),
      source: 'keyvault 2016-10-01 SecretBundle; azure-sdk-for-js keyvault-secrets recordings',
    },
    {
      label: 'az keyvault secret show',
      argv: ['az', 'keyvault', 'secret', 'show', '--vault-name', vault.replace(/^https:\/\//, '').split('.')[0]!, '-n', 'MyTestSecret', '--debug'],
      expect: 0,
      agree: (o) => has(json(o), ['value', 'id', 'attributes.enabled']),
      source: 'keyvault 2016-10-01 SecretBundle',
      clientBug: (e) => /(AttributeError|TypeError|ImportError|ModuleNotFoundError|ValueError): /.test(e) && !/vault\.azure\.net:443 "GET/.test(e),
    },
    {
      label: `az vm show -g ${rg} -n ${scenario.values.VM_NAME}`,
      argv: ['az', 'vm', 'show', '-g', rg, '-n', scenario.values.VM_NAME!, '--debug'],
      expect: 0,
      agree: (o) => has(json(o), ['id', 'name', 'identity.type', 'identity.principalId']),
      source: 'compute 2024-03-01 VirtualMachine_Get.json',
      clientBug: (e) => /(AttributeError|TypeError|ImportError|ModuleNotFoundError|ValueError): /.test(e) && !/management\.azure\.com:443 "GET [^"]*virtualMachines/.test(e),
    },
    {
      label: 'az login --service-principal',
      argv: ['az', 'login', '--service-principal', '-u', SP.clientId, '-p', SP.clientSecret, '--tenant', scenario.tenantId],
      expect: 0,
      agree: (o) => {
        const a = json(o)?.[0];
        return a?.id === sub && a?.user?.type === 'servicePrincipal' && a?.user?.name === SP.clientId ? '' : `got ${o.slice(0, 200)}`;
      },
      source: "az's documented login output; GetSubscriptions.json",
    },
    {
      label: 'az appservice plan create --sku B1',
      argv: ['az', 'appservice', 'plan', 'create', '-g', rg, '-n', 'real-az-plan', '--sku', 'B1'],
      expect: 0,
      agree: (o) => has(json(o), ['id', 'name', 'sku.name', 'sku.tier', 'numberOfSites']),
      source: 'web 2024-04-01 examples/CreateOrUpdateAppServicePlan.json, flattened as az prints the SDK model',
    },
    {
      label: 'az webapp config appsettings set --settings B=2',
      argv: ['az', 'webapp', 'config', 'appsettings', 'set', '-g', rg, '-n', 'real-clients-app', '--settings', 'B=2'],
      expect: 0,
      agree: (o) => {
        const list = json(o);
        return Array.isArray(list) && list.map((x: any) => x.name).sort().join() === 'B,EXISTING' ? '' : `got ${o.slice(0, 200)}`;
      },
      source: 'WebApps_ListApplicationSettings / WebApps_UpdateApplicationSettings (web 2024-04-01); azure-cli custom.py update_app_settings',
    },
    {
      label: 'az webapp config appsettings list',
      argv: ['az', 'webapp', 'config', 'appsettings', 'list', '-g', rg, '-n', 'real-clients-app'],
      expect: 0,
      agree: (o) => {
        const list = json(o);
        return Array.isArray(list) && list.some((x: any) => x.name === 'B' && x.value === '2' && x.slotSetting === false) ? '' : `got ${o.slice(0, 200)}`;
      },
      source: 'azure-cli custom.py get_app_settings: {name, value, slotSetting}',
    },
    {
      label: 'az appservice plan list -g',
      argv: ['az', 'appservice', 'plan', 'list', '-g', rg],
      expect: 0,
      agree: (o) => ((json(o) ?? []).map((p: any) => p.name).sort().join() === 'real-az-plan,real-clients-plan' ? '' : `got ${o.slice(0, 200)}`),
      source: 'AppServicePlans_ListByResourceGroup (web 2024-04-01)',
    },
    { label: 'az account show', argv: ['az', 'account', 'show'], expect: 0, agree: (o) => (json(o)?.id === sub && json(o)?.name === 'Tutorial Subscription' ? '' : `got ${o.slice(0, 200)}`), source: 'GetSubscription.json' },
    {
      label: 'az role assignment create --assignee <VM client id>',
      argv: ['az', 'role', 'assignment', 'create', '--assignee', scenario.vm.systemAssigned!.clientId, '--role', 'Reader', '--scope', `/subscriptions/${sub}/resourceGroups/${rg}`, '--debug'],
      expect: 0,
      agree: (o) => has(json(o), ['id', 'principalId', 'roleDefinitionId', 'scope']),
      source: 'authorization 2022-04-01 RoleAssignments_CreateForResourceGroup.json; Graph servicePrincipals filter (azure-cli role/custom.py)',
      // az 2.45 as packaged: after the Graph look-up, an AttributeError in _create_role_assignment before the PUT.
      clientBug: (e) => /(AttributeError|TypeError|ImportError|ModuleNotFoundError|ValueError): /.test(e) && !/"PUT [^"]*roleAssignments/.test(e),
    },
    py(
      'ManagedIdentityCredential.get_token',
      'from azure.identity import ManagedIdentityCredential\nprint(json.dumps(len(ManagedIdentityCredential().get_token("https://management.azure.com/.default").token.split("."))))',
      (o) => (o.trim() === '3' ? '' : `got ${o}`),
      'IMDS GetIdentityToken.json (imds 2018-02-01)',
    ),
    py(
      'ClientSecretCredential + SubscriptionClient.subscriptions.list',
      `from azure.identity import ClientSecretCredential\nfrom azure.mgmt.resource import SubscriptionClient\nc = ClientSecretCredential("${scenario.tenantId}", "${SP.clientId}", "${SP.clientSecret}")\nprint(json.dumps([s.display_name for s in SubscriptionClient(c).subscriptions.list()]))`,
      (o) => (o.trim() === '["Tutorial Subscription"]' ? '' : `got ${o}`),
      'GetSubscriptions.json',
    ),
    py(
      'SecretClient.get_secret (managed identity)',
      `from azure.identity import ManagedIdentityCredential\nfrom azure.keyvault.secrets import SecretClient\ns = SecretClient("${vault}", ManagedIdentityCredential()).get_secret("MyTestSecret")\nprint(json.dumps({"name": s.name, "enabled": s.properties.enabled, "has_value": bool(s.value)}))`,
      (o) => (o.trim() === '{"name": "MyTestSecret", "enabled": true, "has_value": true}' ? '' : `got ${o}`),
      'keyvault SecretBundle',
    ),
    py(
      'BlobServiceClient download (managed identity)',
      `from azure.identity import ManagedIdentityCredential\nfrom azure.storage.blob import BlobServiceClient\nb = BlobServiceClient("https://${account}.blob.core.windows.net", credential=ManagedIdentityCredential())\nprint(json.dumps(b.get_container_client("${container}").download_blob("hello_world.txt").readall().decode()))`,
      (o) => (o.trim() === '"Hello world!"' ? '' : `got ${o}`),
      'Blob_Download (blob 2021-12-02); the scenario blob',
    ),
    py(
      'StorageManagementClient.storage_accounts.list',
      `from azure.identity import ClientSecretCredential\nfrom azure.mgmt.storage import StorageManagementClient\nc = ClientSecretCredential("${scenario.tenantId}", "${SP.clientId}", "${SP.clientSecret}")\nprint(json.dumps([a.name for a in StorageManagementClient(c, "${sub}").storage_accounts.list()]))`,
      (o) => (o.trim() === `["${account}"]` ? '' : `got ${o}`),
      'storage StorageAccounts_List',
    ),
  ];

  const rows: string[][] = [];
  let disagreements = 0;
  try {
    for (const c of checks) {
      const r = await execa(c.argv[0]!, c.argv.slice(1), { reject: false, extendEnv: false, env, timeout: 180_000 });
      const exit = r.exitCode ?? -1;
      let verdict: string;
      if (exit !== c.expect && c.clientBug?.(r.stderr)) {
        const graph = /graph\.microsoft\.com:443 "GET [^"]*" (\d{3})/.exec(r.stderr)?.[1];
        verdict = `client bug (not counted): ${r.stderr.split('\n').filter((l) => /^\w+Error: /.test(l)).pop() ?? 'a Python traceback'}${graph !== undefined ? `, after the Graph look-up answered ${graph}` : ''}, before sending the command's own request`;
      }
      else if (exit !== c.expect) verdict = `DISAGREES: exit ${exit}, Azure ${c.expect}: ${r.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`;
      else {
        const diff = c.agree(r.stdout, r.stderr);
        verdict = diff === '' ? 'agrees' : `DISAGREES: ${diff}`;
      }
      if (verdict.startsWith('DISAGREES')) disagreements++;
      rows.push([c.label, String(exit), String(c.expect), verdict, c.source]);
    }
  } finally {
    await emu.close();
    rmSync(work, { recursive: true, force: true });
  }

  const versions = [
    `azure-cli: ${(await version(['dpkg-query', '-W', '-f', '${Version}', 'azure-cli'])) || '?'}`,
    `python3-azure: ${(await version(['dpkg-query', '-W', '-f', '${Version}', 'python3-azure'])) || '?'}`,
    `python: ${await version([PYTHON, '-c', 'import sys, azure.identity, azure.core, msal; print(sys.version.split()[0], "azure-identity", azure.identity.__version__, "azure-core", azure.core.__version__, "msal", msal.__version__)'])}`,
  ];
  process.stdout.write(`${versions.join('\n')}\n\n| command | exit | Azure | agreement | expectation from |\n|---|---|---|---|---|\n`);
  for (const r of rows) process.stdout.write(`| ${r.map((x) => x.replace(/\|/g, '\\|')).join(' | ')} |\n`);
  const bugs = rows.filter((r) => r[3]!.startsWith('client bug')).length;
  process.stdout.write(`\n${rows.length - disagreements - bugs} agree, ${disagreements} disagree, ${bugs} stopped by a client bug (not counted)\n`);
  return disagreements === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`real-clients: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(2);
  },
);
