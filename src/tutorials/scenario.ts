// The twelve tutorials' scenario: what the emulator served on its own (`tutorial-conformance
// emulator`), the live target's provisioning and the tests hold. Nothing in it is written by hand: it
// is the target itself (baseScenario: subscription, reader, VM) plus the union of the twelve pages'
// Worlds, inferred from the pages exactly as a run infers them (their commands, portal steps and
// prose, and a page's sidecar where the page cannot say). A run seeds one tutorial's World at a time;
// this is all of them at once. Its values by placeholder name are the names those Worlds bind for the
// resources a reader types (`<STORAGE ACCOUNT NAME>` → mitutorialstorage), and the base's own.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { baseScenario, emulatorRoleValues } from '../emulator/default-scenario.ts';
import type { Scenario } from '../emulator/scenario.ts';
import { scenarioForWorld } from '../emulator/world-seed.ts';
import { parseTutorialFile } from '../parse/index.ts';
import { buildPlan } from '../plan/index.ts';
import { RESOURCE_ROLES, type Role } from '../world/roles.ts';
import type { World } from '../world/types.ts';
import { unionOfWorlds } from '../world/union.ts';
import { tutorialsDir } from './manifest.ts';

/** Roles whose value by name a reader types from the scenario: the resources, where they live. */
const TYPED: ReadonlySet<Role> = new Set<Role>([...RESOURCE_ROLES, 'subscription-id', 'location']);

/** Each of the twelve tutorials' World, inferred once per process (pages do not change while it runs). */
let worlds: World[] | undefined;

export function twelveWorlds(dir: string = tutorialsDir): World[] {
  if (dir === tutorialsDir && worlds !== undefined) return worlds;
  const base = baseScenario();
  const out: World[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    // One page that does not read leaves the others' state (tests/world/twelve.test.ts pins all twelve).
    try {
      out.push(buildPlan(parseTutorialFile(join(dir, f)), { targetValues: base.values, targetRoles: emulatorRoleValues(base), targetName: 'emulator', sets: {} }).world);
    } catch (err) {
      process.emitWarning(`${join(dir, f)}: its World is left out of the default scenario: ${(err as Error).message}`);
    }
  }
  if (dir === tutorialsDir) worlds = out;
  return out;
}

/** The base as of `now` plus the union of the twelve tutorials' Worlds (secret creation time, EXPIRATION_TIME = now + 2 h). */
export function defaultScenario(now: Date = new Date()): Scenario {
  const base = baseScenario(now);
  const union = unionOfWorlds('tutorials', twelveWorlds());
  const s = scenarioForWorld(base, union, now);
  const values: Record<string, string> = { ...base.values };
  for (const [key, v] of Object.entries(union.values)) if (v.source === 'target' && v.role !== undefined && TYPED.has(v.role)) values[key] ??= v.value;
  return { ...s, values };
}
