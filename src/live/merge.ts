// Joins the report.json of every shard into one report: tutorials concatenated in file order (the
// shards' own order never matters), the summary counted again from the steps, the time span from
// the earliest start to the latest end, and the result validated by the Report schema like any run.
import { ToolError } from '../errors.ts';
import { readReport } from '../report/read.ts';
import { Report, REPORT_VERSION, summarise, type ReportTutorial, type VerdictChange } from '../report/schema.ts';

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
      const earlier = seen.get(t.file);
      if (earlier !== undefined) throw new ToolError('E_USAGE', `${t.file} is in two shard reports (${earlier} and ${path}); were the shards run with the same --shard n?`);
      seen.set(t.file, path);
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

/** A Markdown summary for $GITHUB_STEP_SUMMARY: totals, one row per tutorial, then the failed steps. */
export function markdownSummary(report: Report, opts: { missingShards?: string[] } = {}): string {
  const s = report.summary;
  const lines = [
    `## Tutorial conformance (${report.target})`,
    '',
    `| pass | drift | fail | unsupported | blocked | manual | skipped |`,
    `|---:|---:|---:|---:|---:|---:|---:|`,
    `| ${s.pass} | ${s.drift} | ${s.fail} | ${s.unsupported} | ${s.blocked} | ${s.manual} | ${s.skipped} |`,
    '',
  ];
  if ((opts.missingShards ?? []).length > 0) lines.push(`**Missing shard reports:** ${opts.missingShards!.map((m) => `\`${m}\``).join(', ')}`, '');
  const c = report.comparison;
  if (c !== undefined) {
    // What changed since the baseline comes first: it is what the night's reader acts on.
    lines.push(`### Since ${c.baseline.startedAt}: ${c.worse.length} step(s) worse, ${c.better.length} better`, '');
    const item = (ch: VerdictChange) => `- \`${ch.file}:${ch.line.start}\` ${ch.from} → **${ch.to}**: ${escapeCell(ch.reason)}`;
    lines.push(...c.worse.map(item), ...c.better.map(item), '');
  }
  lines.push('| tutorial | pass | drift | fail | unsupported | blocked |', '|---|---:|---:|---:|---:|---:|');
  for (const t of report.tutorials) {
    const c = summarise([t]);
    lines.push(`| ${escapeCell(t.title)} (\`${t.file}\`) | ${c.pass} | ${c.drift} | ${c.fail} | ${c.unsupported} | ${c.blocked} |`);
  }
  // Teardown trouble first-hand: a nightly's reader must not have to open the CI log to find it.
  const trouble = (report.notes ?? []).filter((n) => /could not delete|teardown failed|warning:/.test(n));
  if (trouble.length > 0) lines.push('', '### Teardown', '', ...trouble.map((n) => `- ${escapeCell(n)}`));
  const failed = report.tutorials.flatMap((t) => t.steps.filter((st) => st.verdict === 'fail').map((st) => `- \`${t.file}:${st.line.start}\` ${escapeCell(st.reason)}`));
  if (failed.length > 0) lines.push('', '### Failed steps', '', ...failed.slice(0, 100), ...(failed.length > 100 ? [`- … and ${failed.length - 100} more`] : []));
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
