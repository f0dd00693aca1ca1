// What a target can begin before the tool has loaded. For the emulator: its Azurite child, the
// longest part of its boot (~0.25–0.5 s), spawned with nothing but Node built-ins loaded, so it
// compiles Azurite while the CLI loads the emulator, the parser and the checks (~0.1 s earlier than
// the emulator's own boot could spawn it). The live target has nothing to begin.
import type { AzuriteProcess } from '../../emulator/azurite-process.ts';
import type { TargetName } from './start.ts';

export interface EarlyStart {
  azurite?: AzuriteProcess;
  /** Stops what was begun and not taken over by the target (a run that never started it, an error). */
  dispose(): void;
}

export async function beginTarget(name: TargetName): Promise<EarlyStart> {
  if (name !== 'emulator') return { dispose: () => undefined };
  const { spawnAzurite } = await import('../../emulator/azurite-process.ts');
  const azurite = spawnAzurite();
  return { azurite, dispose: () => azurite.dispose() };
}
