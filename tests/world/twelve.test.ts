// The twelve tutorials' Worlds against the hand-written default scenario: what inference seeds for a
// tutorial is what the hand-written scenario says its portal steps create (same account, kind,
// container, blob, Data Lake folders and ACLs, grants at the same scope) — inference invents nothing
// the hand-written state lacks — and together the Worlds cover the storage account, its blob, the
// Data Lake store the twelve run against. Not covered: the key vault of 000-key-vault.md and
// 004-key-vault.md (their token step fails first, so the vault URL is reached by no step the World
// reads) and the grants to user-assigned identities, which the hand-written scenario keeps.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseScenario, defaultScenario } from '../../src/emulator/default-scenario.ts';
import type { Scenario } from '../../src/emulator/scenario.ts';
import { scenarioForWorld } from '../../src/emulator/world-seed.ts';
import { parseTutorialFile } from '../../src/parse/index.ts';
import { buildPlan } from '../../src/plan/index.ts';
import { emulatorRoleValues } from '../../src/emulator/default-scenario.ts';
import { tutorialsDir } from '../../src/tutorials/manifest.ts';

const now = new Date('2026-01-01T00:00:00Z');
const hand = defaultScenario(now);
const base = baseScenario(now);

function entries(s: Scenario): Set<string> {
  const out = new Set<string>();
  for (const a of s.storageAccounts) {
    out.add(`account ${a.name}`);
    for (const c of a.containers) {
      out.add(`container ${a.name}/${c.name}`);
      for (const b of c.blobs) out.add(`blob ${a.name}/${c.name}/${b.name}`);
    }
  }
  for (const l of s.dataLakeStores) for (const e of l.entries) out.add(`lake ${l.name}${e.path} ${e.acl.map((x) => `${x.permissions}${x.default ? ' default' : ''}`).join(',')}`);
  for (const r of s.roleAssignments) out.add(`grant ${r.role} ${r.principalId} ${r.scope.toLowerCase()}`);
  for (const v of s.keyVaults) out.add(`vault ${v.name} rbac=${v.enableRbacAuthorization}`);
  return out;
}

describe('the twelve tutorials: inferred Worlds and the hand-written scenario', () => {
  it('each World seeds only what the hand-written scenario has, and together they cover its storage and Data Lake', () => {
    const handEntries = entries(hand);
    const covered = new Set<string>();
    for (const f of readdirSync(tutorialsDir).filter((n) => n.endsWith('.md')).sort()) {
      const plan = buildPlan(parseTutorialFile(join(tutorialsDir, f)), { targetValues: hand.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} });
      for (const e of entries(scenarioForWorld(base, plan.world, now))) {
        expect(handEntries, `${f}: ${e}`).toContain(e);
        covered.add(e);
      }
    }
    for (const e of [...handEntries].filter((x) => /^(?:account|blob|lake) /.test(x))) expect(covered, e).toContain(e);
    // The general purpose v1 account is what 000-storage.md's portal steps state; pages that state no kind get today's default.
    const storage = buildPlan(parseTutorialFile(join(tutorialsDir, '000-storage.md')), { targetValues: hand.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} });
    const seeded = scenarioForWorld(base, storage.world, now).storageAccounts;
    expect(seeded.map((a) => a.kind)).toEqual(['Storage']);
    // The blob's content is what its portal steps told the reader to write (an assumed blob elsewhere gets a stand-in).
    expect(seeded[0]?.containers[0]?.blobs[0]?.content).toBe(hand.storageAccounts[0]?.containers[0]?.blobs[0]?.content);
  });
});
