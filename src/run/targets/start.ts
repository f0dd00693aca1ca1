// Starts the target a run names. Kept apart from the run loop so the CLI can boot the emulator first
// and load the rest of the tool while it starts; the live target is loaded only for live runs.
import { ToolError } from '../../errors.ts';
import type { Target } from '../target.ts';
import { startEmulatorTarget } from './emulator.ts';
import type { EarlyStart } from './early.ts';

export type TargetName = 'emulator' | 'azure';

export async function startTarget(name: TargetName, early: EarlyStart = { dispose: () => undefined }): Promise<Target> {
  if (name === 'azure') {
    // Loaded only for live runs; configuration errors (E_CONFIG) and provisioning failures (E_TARGET) pass through.
    const [{ loadLiveConfig }, { createAzureTarget }] = await Promise.all([import('../../config.ts'), import('../../live/target.ts')]);
    return createAzureTarget(loadLiveConfig());
  }
  try {
    return await startEmulatorTarget(early.azurite ? { azurite: early.azurite } : {});
  } catch (err) {
    throw new ToolError('E_TARGET', `the embedded emulator could not start: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}
