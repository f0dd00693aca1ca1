// `tutorial-conformance merge <dir…> --out DIR [--summary FILE] [--baseline REPORT]`: joins shard
// reports into one and writes it in every format; --summary appends a Markdown summary (GitHub's
// $GITHUB_STEP_SUMMARY); --baseline compares with an earlier report (last night's), and the exit
// code then says whether a step got worse rather than whether any page fails.
import { appendFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ToolError } from '../errors.ts';
import { markdownSummary, mergeReports, readShardReport, type ShardReport } from '../live/merge.ts';
import { compareReports, exitCodeFor, readReport, writeReports } from '../report/index.ts';

const USAGE = 'usage: tutorial-conformance merge <shard-dir|report.json>… --out DIR [--summary FILE] [--baseline REPORT]';

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, summary: { type: 'string' }, baseline: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (err) {
    throw new ToolError('E_USAGE', `${(err as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const out = parsed.values.out;
  if (out === undefined) throw new ToolError('E_USAGE', `--out is required\n${USAGE}`);
  if (parsed.positionals.length === 0) throw new ToolError('E_USAGE', `name at least one shard directory\n${USAGE}`);

  // Read first: a wrong path is a usage error before anything is written.
  const baseline = parsed.values.baseline !== undefined ? (await readReport(parsed.values.baseline, 'baseline')).report : undefined;
  const shards: ShardReport[] = [];
  const missing: string[] = [];
  for (const arg of parsed.positionals) {
    try {
      // A shard's folder or its report.json (readReport takes either).
      shards.push(await readShardReport(arg));
    } catch (err) {
      // A shard that crashed before writing its report must not hide the others' results.
      if (err instanceof ToolError && /cannot read shard report/.test(err.message)) {
        missing.push(arg);
        process.stderr.write(`tutorial-conformance merge: ${err.message}\n`);
        continue;
      }
      throw err;
    }
  }
  const merged = mergeReports(shards);
  if (baseline !== undefined) merged.comparison = compareReports(merged, baseline);
  const written = await writeReports(merged, out);
  if (parsed.values.summary !== undefined && parsed.values.summary !== '') {
    await appendFile(parsed.values.summary, markdownSummary(merged, { missingShards: missing }), 'utf8');
  }
  const s = merged.summary;
  process.stdout.write(
    `merged ${shards.length} shard report(s), ${merged.tutorials.length} tutorial(s): ${s.pass} pass, ${s.drift} drift, ${s.fail} fail, ${s.unsupported} unsupported, ${s.blocked} blocked, ${s.manual} manual, ${s.skipped} skipped\n` +
      Object.values(written).map((p) => `  ${p}\n`).join('') +
      (merged.comparison !== undefined ? `since the baseline of ${merged.comparison.baseline.startedAt}: ${merged.comparison.worse.length} step(s) worse, ${merged.comparison.better.length} better\n` : ''),
  );
  return missing.length > 0 ? 1 : exitCodeFor(merged);
}
