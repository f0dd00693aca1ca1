// The twelve tutorials' scenario is their Worlds: the target itself (baseScenario: subscription,
// reader, VM) plus what inference finds in the twelve pages — no hand-written list. Pinned here is
// what the twelve run against (what the hand-written scenario held until inference found all of it):
// the storage account of the portal steps (general purpose v1) with its container and the blob whose
// text the reader was told to type, the key vault reached only through `https://<YOUR-KEY-VAULT-URL>/…`
// (access policies, the secret the example shows), the Data Lake folders and ACLs, the grants the
// portal steps state. Each tutorial's World seeds only entries of that scenario, and every entry cites
// the tutorial line it comes from.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseScenario, emulatorRoleValues } from '../../src/emulator/default-scenario.ts';
import type { Scenario } from '../../src/emulator/scenario.ts';
import { scenarioForWorld } from '../../src/emulator/world-seed.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { buildPlan } from '../../src/plan/index.ts';
import { defaultScenario, twelveWorlds } from '../../src/tutorials/scenario.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

const now = new Date('2026-01-01T00:00:00Z');
const scenario = defaultScenario(now);
const base = baseScenario(now);

function entries(s: Scenario, withKind = true): Set<string> {
  const out = new Set<string>();
  const principal = (id: string) => (id === s.vm.systemAssigned?.principalId ? 'vm' : id === s.cliPrincipal ? 'reader' : (s.userAssignedIdentities.find((i) => i.principalId === id)?.name ?? id));
  for (const a of s.storageAccounts) {
    out.add(`account ${a.name}${withKind ? ` ${a.kind}` : ''}`);
    for (const c of a.containers) {
      out.add(`container ${a.name}/${c.name}`);
      for (const b of c.blobs) out.add(`blob ${a.name}/${c.name}/${b.name} ${JSON.stringify(b.content)}`);
    }
  }
  for (const l of s.dataLakeStores) for (const e of l.entries) out.add(`lake ${l.name}${e.path} ${e.acl.map((x) => `${principal(x.principalId)} ${x.permissions}${x.default ? ' default' : ''}`).join(',')}`);
  for (const r of s.roleAssignments) out.add(`grant ${r.role} to ${principal(r.principalId)} at ${r.scope.replace(`/subscriptions/${s.subscriptionId}`, '').toLowerCase() || '/'}`);
  for (const v of s.keyVaults) {
    out.add(`vault ${v.name} rbac=${v.enableRbacAuthorization}`);
    for (const p of v.accessPolicies) out.add(`policy ${v.name} ${principal(p.objectId)} ${(p.secrets ?? []).join(',')}`);
    for (const x of v.secrets) out.add(`secret ${v.name}/${x.name} ${JSON.stringify(x.value)} enabled=${x.enabled}`);
  }
  for (const i of s.userAssignedIdentities) out.add(`identity ${i.name}`);
  for (const g of s.resourceGroups) out.add(`group ${g.name}`);
  return out;
}

/** What the twelve run against: the hand-written scenario's entries, now all inferred. */
const EXPECTED = [
  'group mi-test',
  'account mitutorialstorage Storage', // 000-storage.md:24 "Storage (general purpose v1)"
  'container mitutorialstorage/mi-tutorial-container',
  'blob mitutorialstorage/mi-tutorial-container/hello_world.txt "Hello world!"', // 000-storage.md:48
  'vault mytestkeyvault rbac=false', // 000-key-vault.md:68 grants through an access policy
  'policy mytestkeyvault vm get,list,set,delete,recover,backup,restore', // "Secret Management" template, line 74
  'secret mytestkeyvault/MyTestSecret "p@ssw0rd!" enabled=true', // "any value" (line 54); the example shows p@ssw0rd! (line 114)
  'lake mytestadls/ vm r-x',
  'lake mytestadls/TestFolder vm rwx,vm rwx default',
  'grant Owner to reader at /',
  'grant Reader to vm at /resourcegroups/mi-test',
  'grant Storage Blob Data Reader to vm at /resourcegroups/mi-test',
  'grant Storage Account Contributor to vm at /resourcegroups/mi-test',
  'grant Storage Account Key Operator Service Role to vm at /resourcegroups/mi-test/providers/microsoft.storage/storageaccounts/mitutorialstorage',
];

describe('the twelve tutorials: their scenario is their Worlds', () => {
  it('the base holds only the target; the twelve Worlds add what the twelve run against, each entry citing its tutorial line', () => {
    expect([...entries(base)].sort()).toEqual(['grant Owner to reader at /', 'group mi-test']);
    expect([...entries(scenario)].sort()).toEqual([...EXPECTED].sort());
    const cited = [...scenario.storageAccounts, ...scenario.keyVaults, ...scenario.dataLakeStores, ...scenario.roleAssignments, ...scenario.keyVaults.flatMap((v) => [...v.secrets, ...v.accessPolicies])];
    for (const e of cited) expect(e.source, JSON.stringify(e)).toMatch(/^tutorials\/\d{3}-[a-z-]+\.md:\d+$/);
  });

  it('the values by placeholder name are those the Worlds bind for resources (a reader types them)', () => {
    expect(scenario.values).toMatchObject({
      SUBSCRIPTION_ID: scenario.subscriptionId,
      RESOURCE_GROUP: 'mi-test',
      STORAGE_ACCOUNT_NAME: 'mitutorialstorage',
      CONTAINER_NAME: 'mi-tutorial-container',
      FILE_NAME: 'hello_world.txt', // the blob path of a blob URL, not a file path
      YOUR_KEY_VAULT_URL: 'https://mytestkeyvault.vault.azure.net/',
      SECRET_NAME: 'MyTestSecret',
      UAMI_NAME: 'mi-tutorial-uami',
      YOUR_ADLS_NAME: 'mytestadls',
    });
    // Ids stand-ins (the reader's principal id for <UAMI PRINCIPALID>) are the target's by role, not typed names.
    expect(Object.keys(scenario.values)).not.toContain('UAMI_PRINCIPALID');
  });

  it('each World seeds only entries of that scenario; what a page creates is its own commands\' (not seeded)', () => {
    // A page that states no kind gets an account of today's default kind (StorageV2): kinds aside.
    const all = entries(scenario, false);
    const files = readdirSync(tutorialsDir).filter((n) => n.endsWith('.md')).sort();
    expect(twelveWorlds().map((w) => w.file)).toEqual(files.map((f) => `tutorials/${f}`));
    for (const f of files) {
      const plan = buildPlan(parseTutorialFile(join(tutorialsDir, f)), { targetValues: scenario.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} });
      for (const e of entries(scenarioForWorld(base, plan.world, now), false)) expect(all, `${f}: ${e}`).toContain(e);
    }
    // The identities 000-arm-user-assigned.md and 002-storage-user-assigned.md create with az are not seeded.
    expect(scenario.userAssignedIdentities).toEqual([]);
  });
});
