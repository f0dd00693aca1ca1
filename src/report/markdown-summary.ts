// A Markdown summary of a report for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY): written by
// `merge --summary` and by `run --reporter github`. A pure function of the (redacted) report.
import { summarise, tutorialLabel, type Report, type VerdictChange } from './schema.ts';

/** A Markdown summary for $GITHUB_STEP_SUMMARY: totals, one row per tutorial, then the failed steps. */
export function markdownSummary(report: Report, opts: { missingShards?: string[]; path?: (file: string) => string } = {}): string {
  const s = report.summary;
  // How a report's file is shown (run --reporter github: relative to the repository root).
  const shown = opts.path ?? ((file: string) => file);
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
    const item = (ch: VerdictChange) => `- \`${tutorialLabel({ file: shown(ch.file), variant: ch.variant })}:${ch.line.start}\` ${ch.from} → **${ch.to}**: ${escapeCell(ch.reason)}`;
    lines.push(...c.worse.map(item), ...c.better.map(item), '');
  }
  lines.push('| tutorial | pass | drift | fail | unsupported | blocked |', '|---|---:|---:|---:|---:|---:|');
  for (const t of report.tutorials) {
    const c = summarise([t]);
    lines.push(`| ${escapeCell(t.title)} (\`${tutorialLabel({ file: shown(t.file), variant: t.variant })}\`) | ${c.pass} | ${c.drift} | ${c.fail} | ${c.unsupported} | ${c.blocked} |`);
  }
  // Teardown trouble first-hand: a nightly's reader must not have to open the CI log to find it.
  const trouble = (report.notes ?? []).filter((n) => /could not delete|teardown failed|warning:/.test(n));
  if (trouble.length > 0) lines.push('', '### Teardown', '', ...trouble.map((n) => `- ${escapeCell(n)}`));
  const failed = report.tutorials.flatMap((t) => t.steps.filter((st) => st.verdict === 'fail').map((st) => {
    const page = tutorialLabel({ file: shown(t.file), variant: t.variant });
    // A step of an included file: its own file and line, and the page that includes it.
    const at = st.file !== undefined ? `\`${shown(st.file)}:${st.line.start}\` (in \`${page}\`)` : `\`${page}:${st.line.start}\``;
    return `- ${at} ${escapeCell(st.reason)}`;
  }));
  if (failed.length > 0) lines.push('', '### Failed steps', '', ...failed.slice(0, 100), ...(failed.length > 100 ? [`- … and ${failed.length - 100} more`] : []));
  return `${lines.join('\n')}\n`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
