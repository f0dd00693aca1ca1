// The live target provisions each tutorial's World (issue 12, item 2): what the page states exists
// under the World's names before its first step, its stated grant too; the next tutorial meets its
// own World only (the previous one's resources and what its own commands created are gone); teardown
// deletes every group the run created, the page's own `az group create` included, and never a group
// the subscription already had. The emulator target and the live target over the emulator-as-cloud
// give the same verdicts. The emulator stands in for the cloud (harness.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLiveConfig } from '../../src/config.ts';
import { createAzureTarget } from '../../src/live/target.ts';
import { bodyLocation, creationOf } from '../../src/live/page-creations.ts';
import { RUN_TAG } from '../../src/live/provision/plan.ts';
import type { Report } from '../../src/report/schema.ts';
import { runTutorials } from '../../src/run/index.ts';
import { CI_PRINCIPAL, startLiveHarness, type LiveHarness } from './harness.ts';

const fence = (lang: string, text: string): string => `\`\`\`${lang}\n${text}\n\`\`\`\n`;

/** States a storage account, its container, a blob with its text and the VM's grant; reads the blob with the VM's token; creates its own group. */
const READ_PAGE = [
  '# Read a blob with the VM\'s managed identity\n',
  '## Prerequisites\n',
  '- A storage account `<storage-account>` in the resource group `<resource-group>`, with a container named `notes`.',
  '- Assign the Storage Blob Data Reader role to the VM\'s managed identity at the scope of the storage account.\n',
  '## Upload the file\n',
  '1. Using an editor of your choice, create a file titled hello.txt on your local machine. Open the file and add the text Hello from the page, and then save it.',
  '2. In the portal, select the container notes, then Upload, and upload hello.txt.\n',
  '## Get a token\n',
  fence('bash', "curl 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fstorage.azure.com%2F' -H Metadata:true"),
  '## Read the blob\n',
  fence('bash', 'curl https://<storage-account>.blob.core.windows.net/notes/hello.txt -H "x-ms-version: 2017-11-09" -H "Authorization: Bearer <ACCESS TOKEN>"'),
  fence('output', 'Hello from the page'),
  '## Make a group of your own\n',
  fence('azurecli', 'az group create --name tcpagegroupa --location westus'),
].join('\n');

/** Creates a group the subscription already has (200: not the run's), an account in it, and a group of its own (201). */
const GROUP_PAGE = [
  '# Two groups\n',
  fence('azurecli', 'az group create --name preexisting-rg --location westus'),
  fence('azurecli', 'az storage account create --name pagestore1 --resource-group preexisting-rg --sku Standard_LRS'),
  fence('azurecli', 'az group create --name tcpagegroupb --location westus'),
].join('\n');

let h: LiveHarness;
let dir: string;
beforeAll(async () => {
  h = await startLiveHarness();
  // A group someone else made in the test subscription: never the run's to delete.
  h.handle.state.data.resourceGroups.push({ name: 'preexisting-rg', location: 'westus', tags: { owner: 'someone else' } });
  dir = mkdtempSync(join(tmpdir(), 'tc-live-world-'));
  writeFileSync(join(dir, 'a-read.md'), READ_PAGE);
  writeFileSync(join(dir, 'b-groups.md'), GROUP_PAGE);
}, 60_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// An az step's status is not compared: `az group create` of the group the test subscription already
// has answers 200 live and 201 on a fresh emulator (both pass).
const verdicts = (r: Report) => r.tutorials.map((t) => [t.file.replace(/.*\//, ''), t.steps.map((s) => [s.id, s.verdict, s.kind === 'az' ? null : (s.response?.status ?? null)])]);

/** Pages written to a folder of their own and a live target for one run over the emulator-as-cloud; `done` closes (once) and cleans up. */
async function livePages(runId: string, pages: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), `tc-live-${runId}-`));
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
  const lines: string[] = [];
  const target = await createAzureTarget(loadLiveConfig({ env: { ...h.env, TC_RUN_ID: runId }, envFile: null }), { log: (l) => lines.push(l), signals: false, pollIntervalMs: 50 });
  let closed = false;
  return {
    dir,
    target,
    lines,
    async close() {
      if (!closed) await target.close();
      closed = true;
    },
    async done() {
      await this.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the live target provisions each tutorial\'s World', () => {
  it('provisions what the page states before its first step, keeps tutorials apart, and tears down every group the run created', async () => {
    const config = loadLiveConfig({ env: { ...h.env, TC_RUN_ID: 'wld01' }, envFile: null });
    const lines: string[] = [];
    const target = await createAzureTarget(config, { log: (l) => lines.push(l), signals: false, pollIntervalMs: 50 });
    const cloud = () => h.handle.state.data;
    const account = target.roleValues['storage-account'] as string;
    expect(account).toBe('tcwld01st');
    const seen: Record<string, { groups: string[]; accounts: { name: string; group: string; containers: string[] }[]; grants: { role: string; scope: string }[] }> = {};
    let closed = false;
    try {
      const { report } = await runTutorials({
        paths: [dir],
        targetInstance: target,
        // What the cloud holds when each tutorial starts: its reset is done, no step has run.
        onEvent: (e) => {
          if (e.type !== 'tutorial-start') return;
          const d = cloud();
          seen[e.file.replace(/.*\//, '')] = {
            groups: d.resourceGroups.map((g) => g.name).sort(),
            accounts: d.storageAccounts.map((a) => ({ name: a.name, group: a.resourceGroup, containers: a.containers.map((c) => c.name) })),
            grants: d.roleAssignments.filter((a) => a.principalId === CI_PRINCIPAL.principalId).map((a) => ({ role: a.role, scope: a.scope })),
          };
        },
      });

      // Before a-read's first step: its stated account, container and blob under the World's names, and its grant (the VM's, which live is the runner's).
      const a = seen['a-read.md'];
      expect(a?.accounts.find((x) => x.name === account)).toEqual({ name: account, group: 'tc-wld01-mi-test', containers: ['notes'] });
      // (Blobs live in the cloud's data plane, not its ARM state: the upload is in the notes, its text in the read below.)
      expect(lines).toContain(`provisioned container ${account}/notes with 1 blob(s)`);
      expect(a?.grants.some((g) => /Storage Blob Data Reader|2a2b9908-6ea1-4ae2-8e65-a410df84e7d1/.test(g.role) && g.scope.endsWith(`/storageAccounts/${account}`))).toBe(true);
      expect(a?.groups).not.toContain('tcpagegroupa');
      // Before b-groups' first step: nothing of a-read's World nor of what its own command created.
      const b = seen['b-groups.md'];
      expect(b?.accounts.filter((x) => x.name.includes('wld01'))).toEqual([]);
      expect(b?.grants.filter((g) => g.scope.includes('wld01'))).toEqual([]);
      expect(b?.groups).not.toContain('tcpagegroupa');
      expect(b?.groups).toContain('tc-wld01-mi-test');
      expect(lines.some((l) => /the tutorial created resource group \/subscriptions\/.*\/resourceGroups\/tcpagegroupa; recorded for teardown/.test(l))).toBe(true);
      expect(lines.some((l) => /^between tutorials: deleted \/subscriptions\/.*\/resourceGroups\/tcpagegroupa$/.test(l))).toBe(true);

      // The page's steps pass: the blob read with the (substituted) VM token gives the page's text.
      const [readTutorial, groupsTutorial] = report.tutorials;
      expect(readTutorial?.steps.map((s) => s.verdict)).toEqual(['manual', 'pass', 'pass', 'pass']);
      expect(readTutorial?.steps[2]?.request?.url).toBe(`https://${account}.blob.core.windows.net/notes/hello.txt`);
      expect(groupsTutorial?.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass']);

      // The same pages judged by the emulator target: the same verdicts, step by step.
      const emulated = await runTutorials({ paths: [dir], target: 'emulator' });
      expect(verdicts(report)).toEqual(verdicts(emulated.report));

      await target.close();
      closed = true;
      // Every group the run created is gone — its own, the World's, both groups the pages created — and the one it did not create stays.
      const groups = cloud().resourceGroups.map((g) => g.name);
      expect(groups).toContain('preexisting-rg');
      expect(groups.filter((g) => /wld01|tcpagegroup/.test(g))).toEqual([]);
      expect(cloud().resourceGroups.filter((g) => g.tags[RUN_TAG] === 'wld01')).toEqual([]);
      expect(target.teardownResult()?.deleted.some((id) => id.endsWith('/resourceGroups/tcpagegroupb'))).toBe(true);
      expect(target.teardownResult()?.deleted.some((id) => id.endsWith('/resourceGroups/preexisting-rg'))).toBe(false);
      // In the group that stays, what the page created there is deleted on its own — attempted, and
      // reported when it fails: the emulator-as-cloud does not model a storage account's DELETE (501).
      const pageStore = `/subscriptions/${h.scenario.subscriptionId}/resourceGroups/preexisting-rg/providers/Microsoft.Storage/storageAccounts/pagestore1`;
      expect(target.teardownResult()?.failed.map((f) => [f.id, /501 NotEmulated/.test(f.error)])).toEqual([[pageStore, true]]);
      expect(lines.some((l) => l.startsWith(`teardown could not delete ${pageStore}:`))).toBe(true);
    } finally {
      if (!closed) await target.close();
    }
  }, 180_000);
});

/** Uses a literal storage account name another subscriber holds and a literal group someone else made. */
const TAKEN_PAGE = [
  '# Someone else\'s names\n',
  fence('azurecli', 'az group show --name preexisting-rg'),
  fence('bash', 'curl -I https://takenstore1.blob.core.windows.net/data/readme.txt -H "x-ms-version: 2017-11-09"'),
  fence('azurecli', 'az group show --name <resource-group>'),
].join('\n');

describe('a literal name the run cannot own', () => {
  it('is not provisioned, and the steps using it are blocked with the reason, never judged against someone else\'s resource', async () => {
    // A storage account of that name exists elsewhere (storage account names are global).
    h.handle.state.data.resourceGroups.push({ name: 'other-subscriber', location: 'westus', tags: {} });
    const other = h.handle.state.data.storageAccounts.find((a) => a.resourceGroup === 'mi-test');
    if (other === undefined) throw new Error('the harness cloud has no storage account to copy');
    h.handle.state.data.storageAccounts.push({ ...structuredClone(other), name: 'takenstore1', resourceGroup: 'other-subscriber', containers: [] });
    const run = await livePages('wld02', { 'c-taken.md': TAKEN_PAGE });
    const { lines } = run;
    try {
      const { report } = await runTutorials({ paths: [run.dir], targetInstance: run.target });
      const steps = report.tutorials[0]?.steps ?? [];
      expect(steps.map((s) => s.verdict)).toEqual(['blocked', 'blocked', 'pass']);
      expect(steps[0]?.reason).toMatch(/preexisting-rg \(a resource group named preexisting-rg already exists in the subscription and is not this run's/);
      expect(steps[1]?.reason).toMatch(/takenstore1 \(the storage account name takenstore1 is taken \(storage account names are global\)/);
      expect(lines.some((l) => /resource group preexisting-rg exists and is not this run's: not used/.test(l))).toBe(true);
      // Nothing was made in the other subscriber's group or under the taken name.
      expect(h.handle.state.data.storageAccounts.filter((a) => a.name === 'takenstore1').map((a) => a.resourceGroup)).toEqual(['other-subscriber']);
    } finally {
      await run.done();
    }
    expect(h.handle.state.data.resourceGroups.map((g) => g.name)).toEqual(expect.arrayContaining(['preexisting-rg', 'other-subscriber']));
    expect(h.handle.state.data.resourceGroups.filter((g) => /wld02/.test(g.name))).toEqual([]);
  }, 120_000);
});

/** States a vault and its secret, and no grant: reading it is Azure's 403 on both targets. */
const VAULT_PAGE = [
  '# Read a secret\n',
  '## Prerequisites\n',
  '- A key vault `<vault-name>` that holds a secret named `mysecret`.\n',
  fence('azurecli', 'az keyvault secret show --vault-name <vault-name> --name mysecret'),
].join('\n');

describe('a stated vault without a stated grant', () => {
  it('is provisioned without waiting for a grant nobody made, and the read is refused as on the emulator: permissions are never assumed, and a refusal that follows only from that is assumed-access, not a fail', async () => {
    const run = await livePages('wld03', { 'd-vault.md': VAULT_PAGE });
    const { target } = run;
    try {
      const { report } = await runTutorials({ paths: [run.dir], targetInstance: target });
      expect(target.environment.plan.keyVaults.map((v) => [v.name, v.secrets.map((x) => x.name)])).toEqual([['tcwld03kv', ['mysecret']]]);
      expect(target.environment.propagationWaits).toEqual([]);
      const emulated = await runTutorials({ paths: [run.dir], target: 'emulator' });
      expect(verdicts(report)).toEqual(verdicts(emulated.report));
      expect(report.tutorials[0]?.steps[0]).toMatchObject({ verdict: 'unsupported', unsupported: 'assumed-access' });
      expect(report.tutorials[0]?.steps[0]?.reason).toMatch(/403 Forbidden\/ForbiddenByRbac says nothing about the page/);
    } finally {
      await run.done();
    }
  }, 120_000);
});

/** Creates its own group, vault, grant and secret with az, then reads the secret (tests/world/own-world.test.ts's green page). */
const OWN_PAGE = [
  '# Store a secret in your own vault\n',
  fence('azurecli', 'az group create --name myOwnGroup --location eastus'),
  fence('azurecli', 'az keyvault create --name myOwnVault77 --resource-group myOwnGroup --location eastus'),
  fence('azurecli', 'az role assignment create --role "Key Vault Secrets Officer" --assignee <your-object-id> --scope /subscriptions/<subscription-id>/resourceGroups/myOwnGroup/providers/Microsoft.KeyVault/vaults/myOwnVault77'),
  fence('azurecli', 'az keyvault secret set --vault-name myOwnVault77 --name mySecret --value "hello world"'),
  fence('azurecli', 'az keyvault secret show --vault-name myOwnVault77 --name mySecret'),
].join('\n');

describe('a page that creates its own group, vault, grant and secret', () => {
  it('runs as on the emulator, and what it created is deleted and its vault purged where the page put it', async () => {
    const run = await livePages('wld04', { 'e-own.md': OWN_PAGE });
    const { target, lines } = run;
    try {
      const { report } = await runTutorials({ paths: [run.dir], targetInstance: target });
      expect(report.tutorials[0]?.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass']);
      const emulated = await runTutorials({ paths: [run.dir], target: 'emulator' });
      expect(verdicts(report)).toEqual(verdicts(emulated.report));
      expect(target.session.ledger.keyVaults).toContainEqual({ subscriptionId: h.scenario.subscriptionId, name: 'myOwnVault77', location: 'eastus' });
      await run.close();
      expect(target.teardownResult()?.failed).toEqual([]);
      expect(lines).toContain('purged key vault myOwnVault77');
      expect(h.handle.state.data.resourceGroups.some((g) => g.name === 'myOwnGroup')).toBe(false);
      expect(h.handle.state.data.roleAssignments.some((a) => /myOwnGroup/i.test(a.scope))).toBe(false);
    } finally {
      await run.done();
    }
  }, 120_000);
});

describe('what a page\'s request proves it created', () => {
  const arm = 'management.azure.com';
  it('a resource group or role assignment only on 201 (200: it existed, not the run\'s), a vault on any success, only on ARM', () => {
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourcegroups/myResourceGroup?api-version=2022-09-01', 201, arm)).toEqual({ kind: 'resource group', id: '/subscriptions/s1/resourceGroups/myResourceGroup' });
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourcegroups/myResourceGroup?api-version=2022-09-01', 200, arm)).toBeUndefined();
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/abc?api-version=2022-04-01', 201, arm)).toEqual({
      kind: 'role assignment',
      id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Authorization/roleAssignments/abc',
    });
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/myVault?api-version=2022-07-01', 200, arm)?.kind).toBe('key vault');
    expect(creationOf('GET', arm, '/subscriptions/s1/resourcegroups/myResourceGroup', 201, arm)).toBeUndefined();
    expect(creationOf('PUT', 'myaccount.blob.core.windows.net', '/subscriptions/s1/resourcegroups/x', 201, arm)).toBeUndefined();
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourcegroups/rg/providers/Microsoft.Storage/storageAccounts/st', 201, arm)).toBeUndefined(); // no api-version: not a request ARM answers
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st?api-version=2023-01-01', 202, arm)).toEqual({
      kind: 'resource',
      id: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st',
      group: 'rg',
      apiVersion: '2023-01-01',
    });
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st?api-version=2023-01-01', 200, arm)).toBeUndefined();
    expect(creationOf('PUT', arm, '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default/containers/c?api-version=2023-01-01', 201, arm)).toBeUndefined();
  });

  it('a vault is purged where its request put it', () => {
    expect(bodyLocation('{"location":"East US","properties":{}}')).toBe('eastus');
    expect(bodyLocation(Buffer.from('{"location":"westeurope"}'))).toBe('westeurope');
    expect(bodyLocation('not json')).toBeUndefined();
    expect(bodyLocation(undefined)).toBeUndefined();
  });
});
