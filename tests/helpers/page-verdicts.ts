// Run one page through the CLI (the embedded emulator, real sockets) and read its steps' verdicts
// from the report: for regression tests that pin what the run says of a few written commands.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliInTempDir } from './processes.ts';
import type { Report, ReportStep } from '../../src/report/schema.ts';

export interface StepVerdict {
  line: number;
  verdict: string;
  reason: string;
}

/** The page's steps as the report holds them, after one CLI run of the page written to a temporary folder (`all`: of every tab variant, not the first). */
export async function pageSteps(page: string, prefix = 'tc-page-', name = 'page.md', all = false): Promise<ReportStep[]> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, name);
  writeFileSync(file, page);
  const run = runCliInTempDir([file]);
  try {
    await run.exited;
    const report = JSON.parse(readFileSync(join(run.out, 'latest', 'report.json'), 'utf8')) as Report;
    return all ? report.tutorials.flatMap((t) => t.steps) : report.tutorials[0]!.steps;
  } finally {
    run.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page's steps as the run judged them: start line, verdict, reason. */
export async function pageVerdicts(page: string, prefix = 'tc-page-'): Promise<StepVerdict[]> {
  return (await pageSteps(page, prefix)).map((s) => ({ line: s.line.start, verdict: s.verdict, reason: s.reason ?? '' }));
}
