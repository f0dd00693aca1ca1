// The report stage's entry: redact (counting what was replaced into the report's `redactions`),
// validate, render every requested format, check each rendering for secrets, and only then write.
// A secret a rendering still holds (one the rendering composed from parts) is redacted there too and
// said through `onWarning`: never a stack trace, never a lost report. Formats live in one registry
// keyed by the CLI's format names.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { renderHtml } from './html.ts';
import { renderJunit, type JunitOptions } from './junit.ts';
import { Redactor, type RedactionCounts } from './redact.ts';
import { Report } from './schema.ts';

export { Redactor, SecretLeakError } from './redact.ts';
export { Report, buildReport, REPORT_VERSION } from './schema.ts';
export { exitCodeFor } from './exit-code.ts';
export { compareReports } from './compare.ts';
export { readReport } from './read.ts';
export type { FailOn } from './exit-code.ts';
export type { StepOutcome, BuildReportInput, ReportStep, ReportTutorial } from './schema.ts';
export { renderHtml } from './html.ts';
export { renderJunit } from './junit.ts';

export interface WriterOptions extends JunitOptions {
  /** Every secret the run saw; it and secret-shaped values are redacted from every output. */
  redactor?: Redactor;
  /** Told when a rendering still held a known secret (then redacted in that file). */
  onWarning?: (message: string) => void;
}

interface Writer {
  file: string;
  render(report: Report, o: WriterOptions): string;
}

export const WRITERS = {
  json: { file: 'report.json', render: (r: Report) => JSON.stringify(r, null, 2) + '\n' },
  html: { file: 'index.html', render: (r: Report) => renderHtml(r) },
  junit: { file: 'junit.xml', render: (r: Report, o: WriterOptions) => renderJunit(r, o) },
} as const satisfies Record<string, Writer>;

export type ReportFormat = keyof typeof WRITERS;
export const REPORT_FORMATS = Object.keys(WRITERS) as ReportFormat[];

function mergeCounts(earlier: Report['redactions'], counts: RedactionCounts): Record<string, number> {
  const out: Record<string, number> = { ...(earlier ?? {}) };
  for (const [label, n] of counts) out[label] = (out[label] ?? 0) + n;
  return out;
}

export async function writeReports(report: Report, dir: string, formats: readonly ReportFormat[] = REPORT_FORMATS, options: WriterOptions = {}): Promise<Record<string, string>> {
  const redactor = options.redactor ?? new Redactor();
  const counts: RedactionCounts = new Map();
  const redacted = redactor.redactDeep(report, counts);
  const clean = Report.parse(counts.size > 0 ? { ...redacted, redactions: mergeCounts(report.redactions, counts) } : redacted);
  // Render and verify everything before writing anything.
  const rendered = formats.map((f) => {
    const w = WRITERS[f];
    let text = w.render(clean, options);
    const leaks = redactor.findLeaks(text);
    if (leaks.length > 0) {
      text = redactor.redact(text);
      options.onWarning?.(`${w.file}: the rendering held ${leaks.length} secret(s) no single field held (${[...new Set(leaks)].join(', ')}); redacted in that file`);
    }
    return { f, path: join(dir, w.file), text };
  });
  await mkdir(dir, { recursive: true });
  const written: Record<string, string> = {};
  for (const r of rendered) {
    // Whole or not at all: a reader (a browser on index.html, a CI upload, another run writing the
    // same folder) never sees half a file; a file is replaced by one rename.
    const tmp = join(dir, `.${basename(r.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, r.text, 'utf8');
      await rename(tmp, r.path);
    } finally {
      await rm(tmp, { force: true });
    }
    written[r.f] = r.path;
  }
  return written;
}
