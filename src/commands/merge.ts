// `tutorial-conformance merge <dir…> --out DIR [--summary FILE] [--baseline REPORT]`: joins shard
// reports into one and writes it in every format straight into DIR (each file whole or not at all);
// --summary appends a Markdown summary (GitHub's $GITHUB_STEP_SUMMARY); --baseline compares with an
// earlier report (last night's), and the exit code then says whether a step got worse rather than
// whether any page fails. --out and --summary are checked writable before anything is read.
import { appendFile } from 'node:fs/promises';
import { ToolError } from '../errors.ts';
import { parseCommand } from '../cli/options.ts';
import { mergeSpec } from '../cli/specs.ts';
import { markdownSummary, mergeReports, readShardReport, type ShardReport } from '../live/merge.ts';
import { checkAppendable, checkFolder, compareReports, exitCodeFor, readReport, writeReports } from '../report/index.ts';

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(mergeSpec, argv);
  if (positionals.length === 0) throw new ToolError('E_USAGE', "name at least one shard folder or report.json (see 'tutorial-conformance help merge')");
  if (values.out === '') throw new ToolError('E_USAGE', '--out needs a folder name');
  const summary = values.summary !== undefined && values.summary !== '' ? values.summary : undefined;
  if (summary !== undefined) await checkAppendable('--summary', summary);
  await checkFolder('--out', values.out); // last: it makes the folder

  // Read first: a wrong path is a usage error before anything is written.
  const baseline = values.baseline !== undefined ? (await readReport(values.baseline, 'baseline')).report : undefined;
  const shards: ShardReport[] = [];
  const missing: string[] = [];
  for (const arg of positionals) {
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
  const written = await writeReports(merged, values.out);
  if (summary !== undefined) await appendFile(summary, markdownSummary(merged, { missingShards: missing }), 'utf8');
  const s = merged.summary;
  process.stdout.write(
    `merged ${shards.length} shard report(s), ${merged.tutorials.length} tutorial(s): ${s.pass} pass, ${s.drift} drift, ${s.fail} fail, ${s.unsupported} unsupported, ${s.blocked} blocked, ${s.manual} manual, ${s.skipped} skipped\n` +
      Object.values(written).map((p) => `  ${p}\n`).join('') +
      (merged.comparison !== undefined ? `since the baseline of ${merged.comparison.baseline.startedAt}: ${merged.comparison.worse.length} step(s) worse, ${merged.comparison.better.length} better\n` : ''),
  );
  return missing.length > 0 ? 1 : exitCodeFor(merged);
}
