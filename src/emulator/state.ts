// Live, per-instance emulator state: a deep copy of the scenario that services mutate
// (new identities, role assignments, blobs, files). Never shared between instances.
import type { Scenario } from './scenario.ts';

export interface EmulatorState {
  /** Mutable copy of the scenario; services read and change it. */
  data: Scenario;
}

export function createState(scenario: Scenario): EmulatorState {
  return { data: structuredClone(scenario) };
}
