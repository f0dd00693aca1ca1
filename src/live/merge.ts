// Joins the report.json of every shard into one report: tutorials concatenated in file order (the
// shards' own order never matters), the summary counted again from the steps, the time span from
// the earliest start to the latest end, and the result validated by the Report schema like any run.
import { ToolError } from '../errors.ts';
import { readReport } from '../report/read.ts';
import { Report, REPORT_VERSION, summarise, tutorialLabel, type ReportTutorial } from '../report/schema.ts';

export interface ShardReport {
  /** Where it was read from, for error messages. */
  path: string;
  report: Report;
}

export async function readShardReport(path: string): Promise<ShardReport> {
  return readReport(path, 'shard report');
}

export function mergeReports(shards: readonly ShardReport[]): Report {
  if (shards.length === 0) throw new ToolError('E_USAGE', 'no shard reports to merge; pass at least one directory holding report.json');
  const seen = new Map<string, string>();
  const tutorials: ReportTutorial[] = [];
  for (const { path, report } of shards) {
    for (const t of report.tutorials) {
      // A page with tabs or pivots has one entry per variant, all in the shard that ran the page.
      const entry = tutorialLabel(t);
      const earlier = seen.get(entry);
      if (earlier !== undefined) throw new ToolError('E_USAGE', `${entry} is in two shard reports (${earlier} and ${path}); were the shards run with the same --shard n?`);
      seen.set(entry, path);
      tutorials.push(t);
    }
  }
  tutorials.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const start = Math.min(...shards.map((s) => Date.parse(s.report.startedAt)));
  const end = Math.max(...shards.map((s) => Date.parse(s.report.startedAt) + s.report.durationMs));
  const joined = (values: string[]): string => [...new Set(values)].sort().join('+');
  // Each shard had a target of its own (its own provisioning and teardown): its notes keep its name.
  const notes = [...shards]
    .sort((x, y) => (shardName(x.path) < shardName(y.path) ? -1 : shardName(x.path) > shardName(y.path) ? 1 : 0))
    .flatMap(({ path, report }) => (report.notes ?? []).map((n) => `${shardName(path)}: ${n}`));
  const redactions: Record<string, number> = {};
  for (const { report } of shards) for (const [label, n] of Object.entries(report.redactions ?? {})) redactions[label] = (redactions[label] ?? 0) + n;
  // Every shard was read as the current version (read.ts upgrades older ones), so the merge is one too.
  return Report.parse({
    version: REPORT_VERSION,
    target: joined(shards.map((s) => s.report.target)),
    engine: joined(shards.map((s) => s.report.engine)),
    startedAt: new Date(start).toISOString(),
    durationMs: Math.max(0, end - start),
    summary: summarise(tutorials),
    tutorials,
    ...(notes.length > 0 ? { notes } : {}),
    ...(Object.keys(redactions).length > 0 ? { redactions } : {}),
  });
}

/** `shard-2` for `…/shard-2/report.json` (a shard's folder), else the path as given. */
function shardName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '' && p !== 'report.json' && p !== 'latest');
  return parts[parts.length - 1] ?? path;
}

// The job summary is the report stage's (--reporter github writes it too); merge --summary uses it from here.
export { markdownSummary } from '../report/markdown-summary.ts';
