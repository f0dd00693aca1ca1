// `tutorial-conformance sweep --older-than 24h [--prefix P] [--run-id ID] [--dry-run]`: deletes the
// resource groups earlier live runs left behind (tagged tutorial-conformance-run, older than the
// given age). Reads the same configuration as the live target (.env / environment).
import { loadLiveConfig, parseDuration } from '../config.ts';
import { ToolError } from '../errors.ts';
import { parseCommand } from '../cli/options.ts';
import { sweepSpec } from '../cli/specs.ts';
import { openLiveSession } from '../live/session.ts';
import { sweep } from '../live/sweep.ts';

export async function run(argv: string[]): Promise<number> {
  const v = parseCommand(sweepSpec, argv).values;
  const olderThanMs = parseDuration(v['older-than']);
  if (olderThanMs === undefined) throw new ToolError('E_USAGE', `--older-than '${v['older-than']}' is not a duration; write e.g. 30m, 24h or 7d`);
  if (v.prefix !== undefined && !/^[a-z][a-z0-9]{1,7}$/.test(v.prefix)) throw new ToolError('E_USAGE', `--prefix '${v.prefix}' cannot be a name prefix this tool creates (2–8 lower-case letters or digits)`);

  const config = loadLiveConfig();
  const session = await openLiveSession(config);
  try {
    const result = await sweep(session.arm, {
      subscriptionId: config.provisioning.subscriptionId,
      olderThanMs,
      ...(v.prefix !== undefined ? { prefix: v.prefix } : {}),
      ...(v['run-id'] !== undefined ? { runId: v['run-id'] } : {}),
      dryRun: v['dry-run'] === true,
      now: new Date(),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    for (const f of result.failed) process.stderr.write(`could not delete ${f.name}: ${f.error}\n`);
    const verb = result.dryRun ? 'would delete' : 'deleted';
    process.stdout.write(`sweep: ${verb} ${result.dryRun ? result.matched.length : result.deleted.length}, kept ${result.kept.length}, failed ${result.failed.length}\n`);
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    await session.close();
  }
}
